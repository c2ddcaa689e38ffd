"""pressgraph: business articles in, a who-said-what knowledge graph out."""

__version__ = "0.1.0"
