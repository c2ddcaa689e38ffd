"""The pipeline stages, one module each: read, clean, extract, resolve, to_rdf, validate, store."""
