"""`pressgraph evaluate`: score a built graph against hand annotations, through SPARQL."""
