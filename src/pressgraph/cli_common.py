"""What the `pressgraph` commands share: the one-line failure exit and shared option help."""

from __future__ import annotations

import typer

from pressgraph.errors import PressgraphError

CONFIDENCE_HELP = ("Leave out claims, positions and mentions below this confidence (0-1; "
                   "embedded store only).")


def fail(err: PressgraphError | str, code: int = 2) -> None:
    """Print a one-line error and exit."""
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code)
