"""pressgraph serve: the SPARQL 1.1 Protocol, formats, page and view, with real clients."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.service.page import PAGE_POLICY, VIEW_POLICY
from pressgraph.service.server import ServeConfig, is_loopback
from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.store import load_store
from serve_data import (
    ASK_NOTHING,
    ASK_PERSON,
    BASE,
    GRAPH_FORMATS,
    NAMES,
    PEOPLE,
    TABLE_FORMATS,
    call,
    expected,
    graph_of,
    make_store,
    result_graph,
    running,
    table_rows,
)

ROWS = 50
ORIGIN = "http://app.example"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def server(store_dir):
    config = ServeConfig(str(store_dir), port=0, max_rows=ROWS, cors=ORIGIN, workers=2,
                         quiet=True)
    with running(config) as started:
        yield started


@pytest.fixture(scope="module")
def endpoint(server):
    return server.url + "/sparql"


@pytest.mark.parametrize("media_type", list(TABLE_FORMATS))
def test_select_in_each_format(server, store_dir, media_type):
    reply = call(server, query=PEOPLE, accept=media_type)
    assert reply.status == 200
    assert reply.headers["Content-Type"].split(";")[0] == media_type
    assert table_rows(reply.body, media_type) == expected(store_dir, PEOPLE).rows()


@pytest.mark.parametrize("media_type", ["application/sparql-results+json",
                                        "application/sparql-results+xml"])
@pytest.mark.parametrize(("query", "answer"), [(ASK_PERSON, True), (ASK_NOTHING, False)])
def test_ask_in_json_and_xml(server, media_type, query, answer):
    reply = call(server, query=query, accept=media_type)
    assert reply.status == 200
    assert bool(ox.parse_query_results(reply.body, TABLE_FORMATS[media_type])) is answer


@pytest.mark.parametrize("media_type", list(GRAPH_FORMATS))
def test_construct_in_each_format(server, store_dir, media_type):
    reply = call(server, query=NAMES, accept=media_type)
    assert reply.status == 200
    assert reply.headers["Content-Type"].split(";")[0] == media_type
    got = graph_of(reply.body, GRAPH_FORMATS[media_type])
    assert len(got) > 0
    assert rdflib.compare.isomorphic(got, result_graph(expected(store_dir, NAMES)))


def test_describe_is_a_graph(server, store_dir):
    query = f"DESCRIBE <{BASE}doc/beta>"
    reply = call(server, query=query, accept="application/n-triples")
    assert reply.status == 200
    assert rdflib.compare.isomorphic(graph_of(reply.body, "nt"),
                                     result_graph(expected(store_dir, query)))


@pytest.mark.parametrize(("accept", "query", "media_type"), [
    (None, PEOPLE, "application/sparql-results+json"),
    ("*/*", PEOPLE, "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", PEOPLE, "application/sparql-results+xml"),
    ("text/*", PEOPLE, "text/csv"),
    ("application/json", PEOPLE, "application/json"),
    (None, NAMES, "text/turtle"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", NAMES, "text/turtle"),
    ("application/ld+json;q=0.9, application/n-triples", NAMES, "application/n-triples"),
])
def test_negotiation_picks_the_preferred_type(server, accept, query, media_type):
    reply = call(server, query=query, accept=accept)
    assert reply.status == 200
    assert reply.headers["Content-Type"].split(";")[0] == media_type
    assert reply.headers["Vary"] == "Accept"


@pytest.mark.parametrize(("query", "accept"), [(PEOPLE, "text/turtle"), (NAMES, "text/csv"),
                                               (PEOPLE, "image/png")])
def test_no_matching_format_is_406(server, query, accept):
    reply = call(server, query=query, accept=accept)
    assert reply.status == 406
    assert reply.text.startswith("[KG044]") and accept in reply.text


def test_get_and_both_posts_give_the_same_answer(server):
    get = call(server, query=PEOPLE)
    form = call(server, query=PEOPLE, method="POST")
    direct = call(server, method="POST", body=PEOPLE.encode("utf-8"),
                  content_type="application/sparql-query; charset=utf-8")
    assert get.status == form.status == direct.status == 200
    assert get.body == form.body == direct.body


def test_malformed_query_is_400_with_the_parsers_message(server):
    for reply in (call(server, query="SELECT ?x WHERE { ?x ?p }"),
                  call(server, method="POST", body=b"SELECT ?x WHERE { ?x ?p }",
                       content_type="application/sparql-query")):
        assert reply.status == 400
        assert re.fullmatch(r"\[KG009\] query syntax error: error at 1:\d+: .+\n", reply.text)
        assert "Traceback" not in reply.text


def test_service_description_at_the_endpoint(server, endpoint):
    reply = call(server, accept="text/turtle")
    assert reply.status == 200
    graph = graph_of(reply.body, "turtle")
    service = rdflib.URIRef(endpoint)
    assert (service, rdflib.RDF.type, SD.Service) in graph
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_CSV, FORMATS.Turtle,
            FORMATS["JSON-LD"]} <= formats
    as_jsonld = call(server, accept="application/ld+json")
    assert rdflib.compare.isomorphic(graph_of(as_jsonld.body, "json-ld"), graph)


def test_row_limit_cuts_and_says_so(server):
    every = call(server, query="SELECT * WHERE { ?s ?p ?o }")
    assert every.headers["X-SPARQL-MaxRows"] == str(ROWS)
    assert len(table_rows(every.body, "application/sparql-results+json")) == ROWS
    triples = call(server, query="CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert triples.headers["X-SPARQL-MaxRows"] == str(ROWS)
    assert 0 < len(graph_of(triples.body, "nt")) <= ROWS
    few = call(server, query="SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert "X-SPARQL-MaxRows" not in few.headers
    assert len(table_rows(few.body, "application/sparql-results+json")) == 3


def test_protocol_dataset_parameters(server, store_dir):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    beta = call(server, query=count, params=[("default-graph-uri", f"{BASE}doc/beta")])
    in_beta = expected(store_dir, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}doc/beta> "
                                  "{ ?s ?p ?o } }").rows()
    everything = expected(store_dir, count).rows()
    assert table_rows(beta.body, "application/sparql-results+json") == in_beta != everything
    graphs = call(server, query="SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                  params=[("named-graph-uri", f"{BASE}doc/alpha"),
                          ("named-graph-uri", f"{BASE}doc/beta")])
    got = {row[0] for row in table_rows(graphs.body, "application/sparql-results+json")}
    assert got == {f"{BASE}doc/alpha", f"{BASE}doc/beta"}


def test_from_clauses_pick_the_dataset(server, store_dir):
    in_beta = expected(store_dir, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}doc/beta> "
                                  "{ ?s ?p ?o } }").rows()
    beta = call(server, query=f"SELECT (COUNT(*) AS ?n) FROM <{BASE}doc/beta> "
                              "WHERE { ?s ?p ?o }")
    assert table_rows(beta.body, "application/sparql-results+json") == in_beta
    for elsewhere in ("http://example.org/nothing", "file:///etc/passwd"):
        nothing = call(server, query=f"SELECT (COUNT(*) AS ?n) FROM <{elsewhere}> "
                                     "WHERE { ?s ?p ?o }")
        assert table_rows(nothing.body, "application/sparql-results+json") == [("0",)]
    named = call(server, query=f"SELECT DISTINCT ?g FROM NAMED <{BASE}doc/alpha> "
                               "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert table_rows(named.body, "application/sparql-results+json") == [(f"{BASE}doc/alpha",)]


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_every_catalogue_query_is_answered(server, store_dir, name):
    reply = call(server, query=resolve_query(name), method="POST")
    assert reply.status == 200, reply.text
    want = _unordered(expected(store_dir, resolve_query(name)).rows())
    got = _unordered(table_rows(reply.body, "application/sparql-results+json"))
    assert Counter(got) == Counter(want) if len(want) <= ROWS else len(got) == ROWS


def _unordered(rows: list[tuple[str | None, ...]]) -> list[tuple]:
    """Rows with each cell's parts sorted: GROUP_CONCAT's order is the engine's, and may differ
    between two runs of the same query (the catalogue joins with " | ", "; " and " ")."""
    return [tuple(cell if cell is None else tuple(sorted(re.split(r" \| |; | ", cell)))
                  for cell in row) for row in rows]


def test_sparqlwrapper_round_trips(endpoint, store_dir):
    people = [tuple(row) for row in expected(store_dir, PEOPLE).rows()]
    client = SPARQLWrapper(endpoint)
    client.setQuery(PEOPLE)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [(b["p"]["value"], b["name"]["value"]) for b in bindings] == people
    client.setMethod(POST)
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == len(people)
    client.setRequestMethod(POSTDIRECTLY)
    client.setQuery(NAMES)
    client.setReturnFormat(TURTLE)
    got = graph_of(client.query().convert(), "turtle")
    assert rdflib.compare.isomorphic(got, result_graph(expected(store_dir, NAMES)))
    client.setQuery(ASK_PERSON)
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_round_trips(endpoint, store_dir):
    graph = rdflib.Graph(store=SPARQLStore(endpoint))
    rows = [tuple(str(term) for term in row) for row in graph.query(PEOPLE)]
    assert rows == [tuple(row) for row in expected(store_dir, PEOPLE).rows()]
    got = graph.query(NAMES).graph
    assert rdflib.compare.isomorphic(got, result_graph(expected(store_dir, NAMES)))
    assert graph.query(ASK_PERSON).askAnswer is True
    name = rdflib.URIRef("https://schema.org/name")
    assert {o for _, _, o in graph.triples((None, name, None))} >= {
        rdflib.Literal(row[1]) for row in rows}


@pytest.mark.parametrize("media_type", [*TABLE_FORMATS, *GRAPH_FORMATS])
def test_curl_with_each_accept_type(endpoint, store_dir, media_type):
    query = NAMES if media_type in GRAPH_FORMATS else PEOPLE
    done = subprocess.run(["curl", "-sS", "-D", "-", "-H", f"Accept: {media_type}",
                           "--data-urlencode", f"query={query}", endpoint],
                          capture_output=True, timeout=30, check=True)
    head, _, body = done.stdout.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert f"content-type: {media_type};".encode() in head.lower()
    if media_type in GRAPH_FORMATS:
        got = graph_of(body, GRAPH_FORMATS[media_type])
        assert rdflib.compare.isomorphic(got, result_graph(expected(store_dir, NAMES)))
    else:
        assert table_rows(body, media_type) == expected(store_dir, PEOPLE).rows()


def test_cors_headers_for_the_configured_origin(server):
    reply = call(server, query=ASK_PERSON, headers={"Origin": ORIGIN})
    assert reply.headers["Access-Control-Allow-Origin"] == ORIGIN
    preflight = call(server, method="OPTIONS", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert preflight.status == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert preflight.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_query_page_is_self_contained(server):
    page = call(server, "/", accept="text/html")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert page.headers["Content-Security-Policy"] == PAGE_POLICY
    assert "default-src 'self'" in PAGE_POLICY and "http" not in PAGE_POLICY
    links = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert links and not [link for link in links if "//" in link or link.startswith("/")]
    block = re.search(r'<script type="application/json" id="pg-examples">(.*?)</script>',
                      page.text, re.S)
    examples = json.loads(block.group(1))
    assert [e["name"] for e in examples] == [name for name, _ in list_queries()]
    assert all(e["query"] == resolve_query(e["name"]) for e in examples)
    for link in (link for link in links if link.startswith("static/")):
        asset = call(server, "/" + link)
        assert asset.status == 200 and len(asset.body) > 100, link
    assert len(call(server, "/static/yasgui/yasgui.min.js").body) > 500_000


@pytest.mark.parametrize("path", ["/static/../cli.py", "/static/yasgui/README.md",
                                  "/static/%2e%2e/errors.py", "/nothing"])
def test_only_the_page_files_are_served(server, path):
    reply = call(server, path)
    assert reply.status == 404 and reply.text.startswith("[KG045]") and "def " not in reply.text


def test_view_draws_a_construct_or_select_result(server, store_dir):
    names = [row[1] for row in expected(store_dir, PEOPLE).rows()]
    for query in (NAMES, PEOPLE):
        reply = call(server, "/view", query=query)
        assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/html")
        assert reply.headers["Content-Security-Policy"] == VIEW_POLICY
        assert names and all(name in reply.text for name in names)
    assert call(server, "/view").status == 400
    refused = call(server, "/view", query=ASK_PERSON)
    assert refused.status == 400 and refused.text.startswith("[KG045]")


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_view_draws_the_nodes_a_catalogue_select_names(server, store_dir, name):
    result = expected(store_dir, resolve_query(name))
    reply = call(server, "/view", query=resolve_query(name))
    assert reply.status == 200, reply.text[:300]
    nodes = re.search(r"var PG_NODES = (\[.*?\]);\nvar PG_EDGES", reply.text, re.S).group(1)
    labels = {node["label"] for node in json.loads(nodes)}
    assert bool(labels) == bool(result.rows())  # names and texts, not IRIs, select the nodes
    if "name" in result.variables:  # the people or organizations the rows name are drawn
        column = result.variables.index("name")
        assert {row[column] for row in result.rows()} - {None} <= labels


def test_serve_store_url_proxies_the_queries(server, endpoint, store_dir):
    with running(ServeConfig(endpoint, port=0, workers=1, quiet=True)) as proxy:
        people = call(proxy, query=PEOPLE, accept="text/tab-separated-values")
        assert table_rows(people.body, "text/tab-separated-values") == \
            expected(store_dir, PEOPLE).rows()
        names = call(proxy, query=NAMES, accept="application/ld+json")
        assert rdflib.compare.isomorphic(graph_of(names.body, "json-ld"),
                                         result_graph(expected(store_dir, NAMES)))
        assert call(proxy, query="SELECT ?x WHERE { ?x }").status == 400


def test_cli_refuses_a_non_loopback_host_without_the_flag():
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "[KG047]" in result.output and "--allow-remote" in result.output


def test_a_rebuilt_store_is_answered_from_at_once(tmp_path):
    store = make_store(tmp_path / "store")
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    config = ServeConfig(str(store), port=0, workers=1, quiet=True)
    with running(config) as started:
        before = table_rows(call(started, query=count).body, "application/sparql-results+json")
        smaller = tmp_path / "smaller.trig"
        smaller.write_text(f"<{BASE}doc/only> {{ <{BASE}x> <{BASE}p> 'one' . }}\n",
                           encoding="utf-8")
        load_store(smaller, store)  # a build swaps a new store into the directory
        after = table_rows(call(started, query=count).body, "application/sparql-results+json")
    assert before != [("1",)] and after == [("1",)]


def test_cli_names_a_port_in_use(server, store_dir):
    port = server.server_address[1]
    result = CliRunner().invoke(app, ["serve", "--store", str(store_dir), "--port", str(port),
                                      "--workers", "1"])
    assert result.exit_code == 2
    assert "[KG048]" in result.output and f":{port}" in result.output
    assert "--port" in result.output and "Traceback" not in result.output


def test_cli_names_a_missing_store(tmp_path):
    missing = tmp_path / "no-store"
    result = CliRunner().invoke(app, ["serve", "--store", str(missing), "--port", "0",
                                      "--workers", "1"])
    assert result.exit_code == 2
    assert "[KG011]" in result.output and str(missing) in result.output


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True),
                                                ("::1", True), ("0.0.0.0", False),
                                                ("192.0.2.1", False), ("", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_cli_serves_until_interrupted(store_dir):
    command = [str(Path(sys.executable).with_name("pressgraph")), "serve", "--port", "0",
               "--store", str(store_dir), "--workers", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()
        url = re.search(r"SPARQL endpoint (http://127\.0\.0\.1:\d+/sparql)", first).group(1)
        done = subprocess.run(["curl", "-sS", "-H", "Accept: text/csv", "--data-urlencode",
                               f"query={ASK_PERSON}", url], capture_output=True, timeout=30)
        assert done.stdout == b"true"
    finally:
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=20)[1]
    assert process.returncode == 0
    assert "Traceback" not in rest
