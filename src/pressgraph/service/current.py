"""The store a query worker reads, reopened when a build has put a new one in its place.

A build never writes the store a server has open: it builds a new one beside it and renames it
into place (stages/store_swap.py), so an open store goes on answering from the old one. Before
each job the worker compares the store directory's identity (device, inode and change time)
with the one it opened, and opens the new store when they differ. While a swap is under way
(no directory there) it keeps answering from the store it has; a directory swapped in is a
complete, closed store, so failing to open it is an error, reported with the job's answer.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import one_line
from pressgraph.stages.store import open_store


class CurrentStore:
    """The store at a directory as it is now (opened read-only)."""

    def __init__(self, directory: str) -> None:
        """Open the store (finishing an interrupted swap, as `open_store` does).

        Raises:
            PressgraphError: KG011 if there is no store there.
        """
        self.directory = directory
        self.identity = _identity(directory)  # read first: a swap after it costs a reopen
        self.store = open_store(directory)

    def get(self) -> ox.Store:
        """The store, reopened first if another has been swapped in since it was opened.

        Raises:
            PressgraphError: KG025 if the store swapped in cannot be opened.
        """
        now = _identity(self.directory)
        if now is not None and now != self.identity:
            try:  # not open_store: it would rename directories a running swap is moving
                self.store, self.identity = ox.Store.read_only(self.directory), now
            except (OSError, RuntimeError) as err:  # RuntimeError: RocksDB finds it corrupt
                why = one_line(err)
                raise PressgraphError(Errors.KG025.format(path=self.directory, why=why)) from None
        return self.store


def _identity(directory: str) -> tuple[int, int, int] | None:
    """The directory's device, inode and change time (an inode number can be reused), or None
    if it is not there."""
    try:
        info = Path(directory).stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_ctime_ns
