"""The store a query worker reads, reopened when a build has put a new one in its place.

A build never writes the store a server has open: it builds a new one beside it and renames it
into place (stages/store_swap.py), so an open store goes on answering from the old one. Before
each job the worker compares the store directory's identity (device and inode) with the one it
opened, and opens the new store when they differ. While a swap is under way (no directory, or
one that cannot be opened yet) it keeps answering from the store it has.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from pressgraph.stages.store import open_store


class CurrentStore:
    """The store at a directory as it is now (opened read-only)."""

    def __init__(self, directory: str) -> None:
        """Open the store (finishing an interrupted swap, as `open_store` does).

        Raises:
            PressgraphError: KG011 if there is no store there.
        """
        self.directory = directory
        self.store = open_store(directory)
        self.identity = _identity(directory)

    def get(self) -> ox.Store:
        """The store, reopened first if another has been swapped in since it was opened."""
        now = _identity(self.directory)
        if now is not None and now != self.identity:
            try:  # not open_store: it would rename directories a running swap is moving
                self.store, self.identity = ox.Store.read_only(self.directory), now
            except OSError:
                pass  # caught mid-swap: the next job tries again
        return self.store


def _identity(directory: str) -> tuple[int, int] | None:
    """The directory's device and inode numbers, or None if it is not there."""
    try:
        info = Path(directory).stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino
