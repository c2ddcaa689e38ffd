"""pressgraph serve refuses: updates, SERVICE, oversized requests, and queries past the timeout."""

from __future__ import annotations

import socket
import subprocess
import threading
import time

import pytest

from pressgraph.errors import RequestError
from pressgraph.service.guard import check_query
from pressgraph.service.server import ServeConfig
from pressgraph.service.sparql_lexer import declares_dataset
from serve_data import CARTESIAN, PEOPLE, call, connected, listener, make_store, running

TIMEOUT = 1.0
INSERT = 'INSERT DATA { <urn:test:s> <urn:test:p> "o" }'
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("guard") / "store")
    with running(ServeConfig(str(store), port=0, timeout=TIMEOUT, workers=2, quiet=True)) as s:
        yield s


@pytest.mark.parametrize(("method", "params", "body", "content_type"), [
    ("POST", None, INSERT.encode(), "application/sparql-update"),
    ("POST", [("update", INSERT)], None, None),
    ("GET", [("update", INSERT)], None, None),
    ("GET", [("query", INSERT)], None, None),
    ("GET", [("query", "LOAD <file:///etc/passwd>")], None, None),
    ("GET", [("query", "DELETE WHERE { ?s ?p ?o }")], None, None),
    ("POST", None, b"CLEAR ALL", "application/sparql-query"),
    ("GET", [("query", "PREFIX x: <urn:x#> DROP GRAPH x:g")], None, None),
])
def test_updates_are_403(server, method, params, body, content_type):
    before = call(server, query=COUNT).body
    reply = call(server, method=method, params=params, body=body, content_type=content_type)
    assert reply.status == 403
    assert reply.text.startswith("[KG040]") and "read-only" in reply.text
    assert call(server, query=COUNT).body == before


SERVICES = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ servicesilent<{url}>{{ ?s ?p ?o }} }}",
    "PREFIX x: <{url}> SELECT * WHERE {{ OPTIONAL {{ SERVICE x: {{ ?s ?p ?o }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o }} VALUES ?u {{ <{url}> }} # then:\nSERVICE",
]


def test_the_listener_sees_what_pyoxigraph_fetches():
    """The check below is meaningful: unguarded, pyoxigraph connects for SERVICE at once."""
    import pyoxigraph as ox

    with listener() as (url, sock):
        query = SERVICES[0].format(url=url)
        thread = threading.Thread(target=lambda: _swallow(ox.Store().query, query), daemon=True)
        thread.start()
        assert connected(sock, wait=10)
        thread.join(timeout=10)


def _swallow(function, *args) -> None:
    """Call a function and ignore its error (the listener hangs up on pyoxigraph)."""
    try:
        function(*args)
    except OSError:
        pass


@pytest.mark.parametrize("template", SERVICES)
@pytest.mark.parametrize("path", ["/sparql", "/view"])
def test_service_is_403_and_nothing_is_fetched(server, template, path):
    with listener() as (url, sock):
        reply = call(server, path, query=template.format(url=url))
        assert reply.status == 403
        assert reply.text.startswith("[KG041]")
        assert not connected(sock)


@pytest.mark.parametrize("template", [
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }} LIMIT 1",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}",
    "DESCRIBE <{url}>",
])
def test_graph_iris_outside_the_store_fetch_nothing(server, template):
    with listener() as (url, sock):
        reply = call(server, query=template.format(url=url), accept="*/*")
        assert reply.status == 200
        assert not connected(sock)


def test_keywords_inside_strings_iris_and_comments_are_fine(server):
    query = """# SERVICE <http://example.org/> and LOAD, INSERT in a comment
    SELECT ?o WHERE { ?s <https://example.org/SERVICE> ?o
      FILTER(CONTAINS(STR(?o), "SERVICE LOAD INSERT") || ?o = '''DROP ''SERVICE''') }"""
    assert call(server, query=query).status == 200


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "PREFIX ex: <urn:x#> SELECT * WHERE { ?s ?p ex:o.SERVICE<http://127.0.0.1:9/>{ ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE:x { ?s ?p ?o } }",
])
def test_guard_refuses_disguised_service(query):
    with pytest.raises(RequestError) as refused:
        check_query(query)
    assert refused.value.status == 403


def test_timeout_stops_the_query_and_others_are_answered(server):
    result = {}

    def heavy() -> None:
        started = time.monotonic()
        result["reply"] = call(server, query=CARTESIAN)
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    light = call(server, query=PEOPLE)
    assert light.status == 200 and time.monotonic() - started < TIMEOUT
    thread.join(timeout=30)
    assert result["reply"].status == 503
    assert result["reply"].text.startswith("[KG042]") and "stopped" in result["reply"].text
    assert TIMEOUT <= result["seconds"] < TIMEOUT + 4
    for _ in range(3):  # the killed worker has been replaced: both workers answer again
        assert call(server, query=PEOPLE).status == 200


def test_oversized_body_is_413(server, tmp_path):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (2 * 1024 * 1024)
    reply = call(server, method="POST", body=big, content_type="application/sparql-query")
    assert reply.status == 413 and reply.text.startswith("[KG043]")
    query_file = tmp_path / "big.rq"
    query_file.write_bytes(big)
    done = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                           "-H", "Content-Type: application/sparql-query",
                           "-H", "Expect: 100-continue", "--data-binary", f"@{query_file}",
                           server.url + "/sparql"], capture_output=True, timeout=30)
    assert done.stdout == b"413"


def test_huge_accept_header_is_400(server):
    reply = call(server, query=PEOPLE, accept="text/csv;q=0.1, " * 500)
    assert reply.status == 400 and reply.text.startswith("[KG043]")


def raw(server, request: bytes) -> bytes:
    """Send raw bytes to the server and read its answer until it closes."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_post_without_length_is_411(server):
    answer = raw(server, b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                         b"Content-Type: application/sparql-query\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.1 411")


@pytest.mark.parametrize(("content_type", "status"), [("text/plain", 415),
                                                      ("application/sparql-query; charset=nope",
                                                       415)])
def test_unknown_body_types_are_415(server, content_type, status):
    reply = call(server, method="POST", body=b"ASK {}", content_type=content_type)
    assert reply.status == status and reply.text.startswith("[KG045]")


def test_no_cors_headers_unless_configured(server):
    reply = call(server, query=PEOPLE, headers={"Origin": "http://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in reply.headers
    preflight = call(server, method="OPTIONS", headers={"Origin": "http://elsewhere.example"})
    assert "Access-Control-Allow-Methods" not in preflight.headers


def test_errors_are_one_line_and_close_the_connection(server):
    reply = call(server, query="SELECT ?x WHERE {")
    assert reply.status == 400 and reply.text.count("\n") == 1
    assert reply.headers["Connection"] == "close"
    assert call(server, "/", method="POST", body=b"x", content_type="text/plain").status == 405


def test_http_level_refusals_are_one_plain_line(server):
    # Lines of exactly 65537 bytes (one over http.server's limit) and nothing after them, so
    # the server has read every byte when it closes and the client surely gets the answer.
    request_line = b"GET /sparql?query=" + b"a" * (65537 - len(b"GET /sparql?query="))
    long_url = raw(server, request_line)
    assert long_url.startswith(b"HTTP/") and b" 414 " in long_url.split(b"\r\n")[0]
    assert long_url.split(b"\r\n\r\n", 1)[1].startswith(b"[KG045]")
    header = b"Accept: " + b"a" * (65537 - len(b"Accept: "))
    huge_header = raw(server, b"GET /sparql HTTP/1.1\r\nHost: x\r\n" + header)
    assert huge_header.startswith(b"HTTP/1.1 431")
    body = huge_header.split(b"\r\n\r\n", 1)[1]
    assert body.startswith(b"[KG045]") and body.count(b"\n") == 1


@pytest.mark.parametrize(("query", "declares"), [
    ("SELECT * FROM <http://x.example/g> WHERE { ?s ?p ?o }", True),
    ("select * from named <http://x.example/g> where { graph ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p 'FROM' } # FROM <http://x.example/g>", False),
    ("PREFIX from: <http://x.example/> SELECT * WHERE { ?s from:p <http://x.example/FROM> }",
     False),
])
def test_declares_dataset_reads_only_the_from_keyword(query, declares):
    assert declares_dataset(query) is declares
