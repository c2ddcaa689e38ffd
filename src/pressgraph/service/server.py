"""`pressgraph serve`: the HTTP server. /sparql is the endpoint, / the query page, /view a graph.

A stdlib ThreadingHTTPServer reads requests (protocol.py); queries run in the worker pool
(pool.py), within a timeout and a row limit; results are written in the negotiated format
(negotiate.py). Every failure is answered with its status and a one-line catalogue message,
never a traceback. It binds to 127.0.0.1 unless told otherwise with --allow-remote.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import ThreadingHTTPServer

from pressgraph.errors import Errors, PressgraphError
from pressgraph.service.handler import Handler
from pressgraph.service.pool import QueryPool
from pressgraph.stages.remote import one_line
from pressgraph.stages.store import DEFAULT_STORE


@dataclass(frozen=True)
class ServeConfig:
    """How to serve.

    Attributes:
        store: a store directory, or a SPARQL endpoint URL to send the queries to.
        host: the address to listen on (loopback unless `allow_remote`).
        port: the port (0: any free one).
        timeout: seconds a query may run (and wait for a free worker).
        max_rows: the most rows (or triples) a result keeps.
        cors: the origin allowed to read answers from a browser ("*" for any), or None.
        allow_remote: allow a host other than loopback.
        workers: the number of query worker processes.
        memory_mb: the address-space limit of each worker, or None.
        quiet: do not log requests on stderr.
    """

    store: str = str(DEFAULT_STORE)
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int = 10_000
    cors: str | None = None
    allow_remote: bool = False
    workers: int = 3
    memory_mb: int | None = 4096
    quiet: bool = False


class EndpointServer(ThreadingHTTPServer):
    """The HTTP server, holding the config and the worker pool the handler uses."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, config: ServeConfig, pool: QueryPool, family: int) -> None:
        self.address_family = family
        self.config, self.pool = config, pool  # set first: a failed bind calls server_close
        super().__init__((config.host, config.port), Handler)

    @property
    def url(self) -> str:
        """The server's base URL, such as `http://127.0.0.1:7878`."""
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}" if ":" in str(host) else f"http://{host}:{port}"

    def server_close(self) -> None:
        """Stop listening, then stop the workers."""
        super().server_close()
        self.pool.close()


def is_loopback(host: str) -> bool:
    """True if every address the host name resolves to is a loopback address."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return False
    return bool(infos) and all(
        ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos)


def start_server(config: ServeConfig, warn: Callable[[str], None] | None = None) -> EndpointServer:
    """Check the host, start the workers and bind the port (serve_forever is left to the caller).

    Args:
        config: how to serve.
        warn: where to say that the endpoint is exposed beyond loopback.

    Raises:
        PressgraphError: KG047 for a non-loopback host without allow_remote, KG011 with no
            store, KG048 if the port cannot be bound.
    """
    if not is_loopback(config.host):
        if not config.allow_remote:
            raise PressgraphError(Errors.KG047.format(host=config.host))
        (warn or _stderr)(Errors.KG049.format(host=config.host, port=config.port))
    pool = QueryPool(config.store, config.workers, config.timeout, config.memory_mb)
    pool.start()
    try:
        return EndpointServer(config, pool, _family(config.host))
    except OSError as err:
        pool.close()
        why = one_line(err.strerror or err)
        raise PressgraphError(Errors.KG048.format(host=config.host, port=config.port,
                                                  why=why)) from None


def serve(config: ServeConfig, echo: Callable[[str], None]) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers.

    Args:
        config: how to serve.
        echo: prints a line for the user (the address, the exposure warning).
    """
    server = start_server(config, echo)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as on Ctrl-C
        # and stop on Ctrl-C even when started with it ignored (a shell's background job)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    echo(f"pressgraph serve: query page {server.url}/, SPARQL endpoint {server.url}/sparql "
         "(Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _family(host: str) -> int:
    """The address family to listen with: IPv6 for an IPv6 address or name, else IPv4."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return socket.AF_INET
    families = [info[0] for info in infos]
    return socket.AF_INET if socket.AF_INET in families else families[0]


def _stderr(line: str) -> None:
    """Write a line on stderr."""
    sys.stderr.write(line + "\n")
