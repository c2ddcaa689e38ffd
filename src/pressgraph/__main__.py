"""`python -m pressgraph`."""

from pressgraph.cli import app

app()
