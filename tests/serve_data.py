"""Helpers for the `pressgraph serve` tests: a running server, HTTP calls, expected answers."""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from pressgraph.service.server import EndpointServer, ServeConfig, start_server
from pressgraph.stages.results import QueryResult
from pressgraph.stages.store import load_store, open_store, run_query

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
BASE = "https://pressgraph.example/id/"
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
NAMES = """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?p schema:name ?name } WHERE { ?p a schema:Person ; schema:name ?name }"""
ASK_PERSON = "ASK { ?p a <https://schema.org/Person> }"
ASK_NOTHING = "ASK { ?p a <urn:test:NoSuchClass> }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TABLE_FORMATS = {  # media type -> pyoxigraph results format to read it back (None: CSV)
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": None,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {  # media type -> rdflib parser
    "text/turtle": "turtle",
    "application/trig": "trig",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


@dataclass
class Reply:
    """An HTTP answer."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def make_store(directory: Path) -> Path:
    """The fixture graph loaded into a store at `directory`."""
    load_store(FIXTURE, directory)
    return directory


@contextmanager
def running(config: ServeConfig) -> Iterator[EndpointServer]:
    """A started server answering in a thread; stopped (with its workers) on exit."""
    server = start_server(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def call(server: EndpointServer, path: str = "/sparql", *, query: str | None = None,
         accept: str | None = None, method: str = "GET", body: bytes | None = None,
         content_type: str | None = None, params: list[tuple[str, str]] | None = None,
         headers: dict[str, str] | None = None) -> Reply:
    """One HTTP request to the server (a query goes into the URL for GET, the form for POST)."""
    fields = list(params or []) + ([("query", query)] if query is not None else [])
    url = server.url + path
    if method == "GET" and fields:
        url += "?" + urllib.parse.urlencode(fields)
    elif method == "POST" and body is None and fields:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        content_type = content_type or "application/x-www-form-urlencoded"
    sent = {k: v for k, v in {"Accept": accept, "Content-Type": content_type}.items() if v}
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={**sent, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as err:
        return Reply(err.code, dict(err.headers), err.read())


def expected(store_dir: Path, query: str) -> QueryResult:
    """The answer the store itself gives (no server involved)."""
    return run_query(open_store(store_dir), query)


def table_rows(body: bytes, media_type: str) -> list[tuple[str | None, ...]]:
    """The rows of a SELECT answer in any of the four formats, as plain values."""
    fmt = TABLE_FORMATS[media_type]
    if fmt is None:
        import csv
        import io

        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
        return [tuple(v or None for v in row) for row in rows[1:]]
    return QueryResult.of(ox.parse_query_results(body, fmt)).rows()


def graph_of(body: bytes | str, rdflib_format: str) -> rdflib.Graph:
    """An rdflib graph of a CONSTRUCT answer."""
    return rdflib.Graph().parse(data=body, format=rdflib_format)


def result_graph(result: QueryResult) -> rdflib.Graph:
    """An rdflib graph of a graph QueryResult."""
    return graph_of(result.data.decode("utf-8"), "nt")


@contextmanager
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A loopback socket that records whether anything connected: (its URL, the socket)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", sock
    finally:
        sock.close()


def connected(sock: socket.socket, wait: float = 0.05) -> bool:
    """True if a client connected to the listener since it was opened (a connection made
    before the server answered is already queued, so a short wait is enough)."""
    sock.settimeout(wait)
    try:
        conn, _ = sock.accept()
    except TimeoutError:
        return False
    conn.close()
    return True
