"""The push stage against a real Oxigraph server (the `oxigraph` CLI from PyPI) on loopback:
load, query, rebuild one article, prune, and the one-line errors."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.errors import PressgraphError
from pressgraph.query_commands import run_query_command
from pressgraph.stages.graphstore import GraphStore
from pressgraph.stages.local_graphs import read_graphs
from pressgraph.stages.push import push, run_push
from pressgraph.stages.store import load_store
from pressgraph.stages.store_layouts import Endpoints, endpoints

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
BASE = "https://pressgraph.example/id/"
ALPHA, BETA = f"{BASE}doc/alpha", f"{BASE}doc/beta"
HEADLINE = ox.NamedNode("https://schema.org/headline")


def free_port() -> int:
    """A loopback TCP port nobody listens on (for now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_cli() -> str:
    """The `oxigraph` server binary of the test environment (a pinned test dependency)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        pytest.fail("no `oxigraph` command: install the test dependency oxigraph==0.5.13")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """The base URL of an Oxigraph server on a free loopback port, stopped at the end."""
    yield from _oxigraph(tmp_path_factory.mktemp("oxigraph"), "--union-default-graph")


def _oxigraph(location: Path, *options: str):
    """Run an Oxigraph server until the generator is closed; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_cli(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the oxigraph server did not start on port {port}")
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def url(server: str) -> str:
    """The server, emptied before each test."""
    update(server, "DROP ALL")
    return server


def client(url: str) -> GraphStore:
    return GraphStore(endpoints(f"{url}/query"))


XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {f"{XSD}{name}" for name in ("nonNegativeInteger", "positiveInteger", "int", "long")}


def plain(triple: ox.Triple) -> str:
    """A triple as N-Triples, with integer subtypes as xsd:integer (the server keeps values,
    not lexical forms: nif:beginIndex's xsd:nonNegativeInteger reads back as xsd:integer)."""
    obj = triple.object
    if isinstance(obj, ox.Literal) and obj.datatype.value in INTEGERS:
        obj = ox.Literal(obj.value, datatype=ox.NamedNode(f"{XSD}integer"))
    return str(ox.Triple(triple.subject, triple.predicate, obj))


def remote_graph(url: str, iri: str) -> set[str]:
    """The triples the server holds in one named graph, as N-Triples lines."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    request = urllib.request.Request(f"{url}/query", data=query.encode("utf-8"), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {plain(t) for t in ox.parse(response.read(), ox.RdfFormat.N_TRIPLES)}


def local_graph(trig: Path, iri: str) -> set[str]:
    """The triples of one named graph of a TriG file, as N-Triples lines."""
    return {plain(q.triple) for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
            if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value == iri}


def write_trig(path: Path, quads) -> Path:
    path.write_bytes(ox.serialize(list(quads), format=ox.RdfFormat.TRIG))
    return path


def fixture_quads() -> list[ox.Quad]:
    return list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    """The fixture graph as a built TriG in its own folder (the manifest goes beside it)."""
    return write_trig(tmp_path / "sample.trig", fixture_quads())


def spy_puts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the graph of every PUT the client sends."""
    sent: list[str] = []
    original = GraphStore.put

    def put(self, graph: str, ntriples: bytes) -> None:
        sent.append(graph)
        original(self, graph, ntriples)

    monkeypatch.setattr(GraphStore, "put", put)
    return sent


def test_push_loads_each_named_graph_and_the_query_command_reads_it(url, trig, tmp_path):
    report = push(trig, client(url), BASE)
    graphs, _ = read_graphs(trig)
    assert report.put == sorted(graphs) and ALPHA in graphs and len(graphs) == 5
    for iri in graphs:
        assert remote_graph(url, iri) == local_graph(trig, iri)
    load_store(trig, tmp_path / "store")
    for name in ("claims-per-article", "positions-by-person"):
        remote = run_query_command(name, "csv", f"{url}/query", False)
        assert remote == run_query_command(name, "csv", str(tmp_path / "store"), False)
        assert len(remote.splitlines()) > 2


def test_a_second_push_sends_nothing(url, trig, monkeypatch):
    push(trig, client(url), BASE)
    sent = spy_puts(monkeypatch)
    report = push(trig, client(url), BASE)
    assert sent == [] and report.put == [] and len(report.unchanged) == 5


def test_rebuilding_one_article_replaces_only_its_graph(url, trig, monkeypatch):
    push(trig, client(url), BASE)
    others = {iri: remote_graph(url, iri) for iri in read_graphs(trig)[0] if iri != ALPHA}
    quads = [q for q in fixture_quads()
             if not (q.graph_name.value == ALPHA and q.predicate == HEADLINE)]
    quads.append(ox.Quad(ox.NamedNode(ALPHA), HEADLINE, ox.Literal("A new headline"),
                         ox.NamedNode(ALPHA)))
    write_trig(trig, quads)
    sent = spy_puts(monkeypatch)
    report = push(trig, client(url), BASE)
    assert sent == [ALPHA] and report.put == [ALPHA] and len(report.unchanged) == 4
    alpha = remote_graph(url, ALPHA)
    assert alpha == local_graph(trig, ALPHA)
    assert not any("Must Align" in line for line in alpha if "headline" in line)
    assert {iri: remote_graph(url, iri) for iri in others} == others


def update(url: str, text: str) -> None:
    """Run a SPARQL update on the server, behind the push's back."""
    data = urllib.parse.urlencode({"update": text}).encode("ascii")
    urllib.request.urlopen(f"{url}/update", data=data, timeout=10).close()


@pytest.mark.parametrize("change", [
    f"DROP GRAPH <{BETA}>", f"INSERT DATA {{ GRAPH <{BETA}> {{ <urn:x> <urn:y> <urn:z> }} }}"])
def test_a_graph_changed_on_the_server_is_sent_again(url, trig, change):
    push(trig, client(url), BASE)
    update(url, change)
    assert push(trig, client(url), BASE).put == [BETA]
    assert remote_graph(url, BETA) == local_graph(trig, BETA)


def test_prune_deletes_only_article_graphs_gone_from_the_build(url, trig):
    push(trig, client(url), BASE)
    foreign = ("https://other.example/doc/x", f"{BASE}graph/extra")
    for iri in foreign:
        client(url).put(iri, b"<urn:a> <urn:b> <urn:c> .\n")
    write_trig(trig, [q for q in fixture_quads() if q.graph_name.value != BETA])
    kept = push(trig, client(url), BASE)
    assert kept.stale == [BETA] and kept.deleted == [] and remote_graph(url, BETA)
    pruned = push(trig, client(url), BASE, prune=True)
    assert pruned.deleted == [BETA] and pruned.put == [] and len(pruned.unchanged) == 4
    assert remote_graph(url, BETA) == set()
    assert all(remote_graph(url, iri) for iri in foreign)
    assert remote_graph(url, ALPHA) == local_graph(trig, ALPHA)


def test_prune_refuses_a_base_none_of_the_graphs_is_under(url, trig):
    with pytest.raises(PressgraphError, match=r"\[KG055\]"):
        push(trig, client(url), "https://elsewhere.example/id/", prune=True)


def test_the_cli_pushes_and_reports_counts(url, trig):
    result = CliRunner().invoke(app, ["push", str(trig), "--store", f"{url}/store"])
    assert result.exit_code == 0, result.output
    assert "5 put, 0 unchanged, 0 deleted" in result.output
    manifest = json.loads((trig.parent / "sample.pushed.json").read_text(encoding="utf-8"))
    assert sorted(manifest[f"{url}/store"]) == sorted(read_graphs(trig)[0])


@pytest.mark.parametrize(("store", "extra", "code"), [
    ("http://127.0.0.1:{closed}/query", [], "KG050"),
    ("{url}/query", ["--graph-store", "{url}/no-such-endpoint"], "KG052"),
    ("{url}/no-such-endpoint", [], "KG052"),
])
def test_failures_are_one_line_with_exit_2(url, trig, store, extra, code):
    fill = {"url": url, "closed": free_port()}
    args = ["push", str(trig), "--store", store.format(**fill), *(e.format(**fill) for e in extra)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: [{code}] http://127.0.0.1:")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(("store", "extra"), [
    ("{ftp}/query", []),  # an HTTP server asked in FTP would keep the client waiting
    ("{url}/query", ["--graph-store", "file:///tmp/store"]),
])
def test_a_store_url_that_is_not_http_is_refused_at_once(url, trig, store, extra):
    fill = {"url": url, "ftp": url.replace("http://", "ftp://")}
    args = ["push", str(trig), "--store", store.format(**fill), *(e.format(**fill) for e in extra)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.startswith("error: [KG050] ") and "http:// or https://" in result.output


def test_a_store_whose_default_graph_is_not_the_union_gets_a_warning(url, trig, tmp_path):
    result = CliRunner().invoke(app, ["push", str(trig), "--store", f"{url}/query"])
    assert result.exit_code == 0 and "[KG056]" not in result.output
    plain_server = _oxigraph(tmp_path / "plain")  # started without --union-default-graph
    other = next(plain_server)
    try:
        result = CliRunner().invoke(app, ["push", str(trig), "--store", f"{other}/query"])
    finally:
        plain_server.close()
    assert result.exit_code == 0
    warning = result.output.strip().splitlines()[-1]
    assert warning.startswith(f"warning: [KG056] {other}/query: "), warning
    assert "--union-default-graph" in warning


def test_a_missing_trig_says_build_first(tmp_path):
    with pytest.raises(PressgraphError, match=r"\[KG006\].*pressgraph build"):
        run_push(tmp_path / "none.trig", "http://127.0.0.1:9/query")


@pytest.mark.parametrize(("store", "query", "graph_store"), [
    ("http://h:7878/query", "http://h:7878/query", "http://h:7878/store"),
    ("http://h:7878/store", "http://h:7878/query", "http://h:7878/store"),
    ("http://h:3030/kg/sparql", "http://h:3030/kg/sparql", "http://h:3030/kg/data"),
    ("http://h:3030/kg/data", "http://h:3030/kg/query", "http://h:3030/kg/data"),
    ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
    ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg",
     "http://h:7200/repositories/kg/rdf-graphs/service"),
    ("http://h:7001/", "http://h:7001/", "http://h:7001/"),
])
def test_endpoints_of_the_known_layouts(store, query, graph_store):
    assert endpoints(store) == Endpoints(query, graph_store)


def test_virtuoso_with_credentials_uses_its_authenticated_endpoint():
    assert endpoints("http://h:8890/sparql", auth=True).graph_store.endswith("crud-auth")


class AuthHandler(http.server.BaseHTTPRequestHandler):
    """A store that wants basic auth (user `u`, password `p`) or the bearer token `t`."""

    accepted = {f"Basic {base64.b64encode(b'u:p').decode()}", "Bearer t"}

    def _answer(self, body: bytes = b"") -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Authorization") not in self.accepted:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="store"')
            self.send_header("Content-Length", "0")
        else:
            self.send_response(200 if body else 204)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body if self.headers.get("Authorization") in self.accepted else b"")

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        self._answer(b'{"head": {"vars": ["g", "n"]}, "results": {"bindings": []}}')

    def do_PUT(self) -> None:  # noqa: N802 - the http.server API
        self._answer()

    def log_message(self, *args) -> None:
        """Keep the test output quiet."""


@pytest.mark.parametrize(("user", "password", "token", "ok"), [
    ("u", "p", None, True), (None, None, "t", True), ("u", "wrong", None, False),
    (None, None, None, False)])
def test_credentials_are_sent_and_refusals_name_the_fix(trig, user, password, token, ok):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AuthHandler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    try:
        store = f"http://127.0.0.1:{httpd.server_address[1]}/kg"
        if ok:
            assert run_push(trig, store, None, user, password, token).startswith("pushed")
        else:
            with pytest.raises(PressgraphError, match=r"\[KG051\].*PRESSGRAPH_STORE_PASSWORD"):
                run_push(trig, store, None, user, password, token)
    finally:
        httpd.shutdown()
        httpd.server_close()
