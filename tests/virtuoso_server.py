"""A throwaway Virtuoso server (Debian's virtuoso-opensource 7) for the push and query tests.

It runs in the foreground from a fresh folder with its own small virtuoso.ini: the database
files live in that folder, both ports are free loopback ports, and a fresh database's `dba`
password is `dba`. No VAD package is installed: /sparql and /sparql-graph-crud-auth come with
the empty database.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

VIRTUOSO = Path("/usr/bin/virtuoso-t")
START_TIMEOUT = 60.0
LOG_TAIL = 4000

INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {folder}
NumberOfBuffers = 2000
MaxDirtyBuffers = 1200
ThreadsPerQuery = 1
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
"""


def free_port() -> int:
    """A loopback TCP port nobody listens on (for now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    """True once the SPARQL endpoint answers a query."""
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%20%7B%7D", timeout=2) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def log_tail(log: Path) -> str:
    """The end of the server's output, for a failure message."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    return text[-LOG_TAIL:] or "(no output)"


def stop(process: subprocess.Popen) -> None:
    """End the server and its process group: politely, then by force."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running_virtuoso(folder: Path) -> Iterator[str]:
    """Start Virtuoso on a fresh database in `folder`; yield its /sparql URL; stop it and
    delete the database files (its output stays in `folder`/server.out)."""
    folder = folder.resolve()
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder, sql_port=free_port(), http_port=http_port),
                   encoding="utf-8")
    log = folder / "server.out"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(VIRTUOSO), "+foreground", "+configfile", str(ini)], cwd=folder,
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                state = (f"exited with {process.returncode}" if process.poll() is not None
                         else f"did not answer within {START_TIMEOUT:.0f} s")
                pytest.fail(f"Virtuoso {state} at {url}; its output:\n{log_tail(log)}",
                            pytrace=False)
            time.sleep(0.1)
        yield url
    finally:
        stop(process)
        for database in folder.glob("*.db"):  # 50 MB each run; pytest keeps 3 runs' folders
            database.unlink()
