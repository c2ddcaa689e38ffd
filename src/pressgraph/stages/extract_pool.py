"""The facts of a local worker pool (`--jobs N`), which extract_runner.py starts.

`Started` hands them out in input order as the pool's batches finish.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator

from pressgraph.records import ArticleFacts


class Started:
    """The facts of a worker pool's batches, in order, as they finish.

    The pool stops once every batch is out, on `close`, or when a batch fails.
    """

    def __init__(self, pool: multiprocessing.pool.Pool, batches: Iterator[list[ArticleFacts]]
                 ) -> None:
        self.pool, self.batches, self.ready = pool, batches, deque()

    def __iter__(self) -> Started:
        return self

    def __next__(self) -> ArticleFacts:
        while not self.ready:
            try:
                self.ready.extend(next(self.batches))
            except BaseException:
                self.close()
                raise
        return self.ready.popleft()

    def close(self) -> None:
        """Stop the workers (they have nothing left to do, or the build has given up)."""
        self.pool.terminate()
