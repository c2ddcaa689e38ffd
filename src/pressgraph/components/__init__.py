"""spaCy pipeline components of pressgraph (registered when `pressgraph.nlp` is imported)."""
