"""A small pool of query worker processes; a query past the timeout has its worker killed.

Each worker (worker.py) is a spawned process holding the store open read-only (RocksDB lets
several processes do so), so a query that runs on can be stopped for real: the process is
killed and a new one started in the background, while the other workers keep answering.
Spawned, not forked: the server is threaded, and forking a threaded process is unsafe.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from pressgraph.errors import Errors, PressgraphError, RequestError
from pressgraph.service.worker import Answer, Job, memory_words, worker_main
from pressgraph.stages.remote import one_line

STARTUP_SECONDS = 60.0


@dataclass(eq=False)
class _Worker:
    """One worker process and our end of its pipe."""

    process: BaseProcess
    conn: Connection


class QueryPool:
    """Worker processes that answer jobs, each within a timeout.

    Args:
        store: a store directory, or the URL of a SPARQL endpoint to send queries to.
        size: the number of worker processes.
        timeout: seconds a query may run, and a request may wait for a free worker.
        memory_mb: the address-space limit of each worker (None for none).
    """

    def __init__(self, store: str, size: int = 2, timeout: float = 30.0,
                 memory_mb: int | None = 2048) -> None:
        self.store, self.size, self.timeout, self.memory_mb = store, size, timeout, memory_mb
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start every worker and wait until each has opened the store.

        Raises:
            PressgraphError: the first worker's error (KG011 with no store), if one fails.
        """
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for worker in workers:
                self._await_ready(worker)
        except PressgraphError:
            self.close()
            raise
        for worker in workers:
            self._idle.put(worker)

    def run(self, job: Job) -> Answer:
        """Run a job on a free worker.

        Raises:
            RequestError: 503 (KG042) if no worker is free within the timeout or the query
                runs past it; 503 (KG046) if the worker dies (out of memory, crash).
        """
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            why = f"all {self.size} query workers stayed busy"
            raise RequestError(Errors.KG042.format(seconds=self.timeout, why=why), 503) from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                why = "it was stopped at the timeout"
                raise RequestError(Errors.KG042.format(seconds=self.timeout, why=why), 503)
            reply = worker.conn.recv()
        except (EOFError, OSError) as err:
            self._replace(worker)
            code = worker.process.exitcode
            why = f"the query worker stopped, exit code {code}" if code else one_line(err)
            message = Errors.KG046.format(why=why, memory=memory_words(self.memory_mb))
            raise RequestError(message, 503) from None
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            _stop(worker)

    def _spawn(self) -> _Worker:
        """Start one worker process."""
        parent, child = self._context.Pipe()
        process = self._context.Process(target=worker_main, daemon=True,
                                        args=(child, self.store, self.memory_mb))
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        """Wait for the worker's ready message; raise its error if it could not start."""
        try:
            ready = worker.conn.recv() if worker.conn.poll(STARTUP_SECONDS) else None
        except (EOFError, OSError):
            ready = None
        if ready is not None and ready.status == 0:
            return
        self._discard(worker)
        raise PressgraphError(ready.message if ready is not None else Errors.KG046.format(
            why="a query worker did not start", memory=memory_words(self.memory_mb)))

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement in the background."""
        self._discard(worker)
        threading.Thread(target=self._respawn, daemon=True, name="pressgraph-respawn").start()

    def _respawn(self) -> None:
        """Start one worker and hand it out once it is ready (unless the pool is closed)."""
        with self._lock:
            if self._closed:
                return
        worker = self._spawn()
        try:
            self._await_ready(worker)
        except PressgraphError:
            return
        with self._lock:
            closed = self._closed
        if closed:
            self._discard(worker)
        else:
            self._idle.put(worker)

    def _discard(self, worker: _Worker) -> None:
        """Forget a worker and stop its process."""
        with self._lock:
            self._workers.discard(worker)
        _stop(worker)


def _stop(worker: _Worker) -> None:
    """Kill a worker's process and close our end of its pipe."""
    worker.process.kill()
    worker.process.join(timeout=5)
    worker.conn.close()
