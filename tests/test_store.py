"""The store stage: load and swap, recovery from an interrupted swap, queries and output formats."""

from __future__ import annotations

import csv
import io
import json
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

from pressgraph.errors import PressgraphError
from pressgraph.stages import store as store_mod
from pressgraph.stages.store import format_result, load_store, open_store, run_query

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
BASE = "https://pressgraph.example/id/"
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
PEOPLE = PREFIXES + """SELECT DISTINCT ?p ?name
WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
STAT = "Gartner found 45 percent of CIOs report to the CEO."
MARKER = "SELECT ?v WHERE { <urn:test:marker> <urn:test:version> ?v }"


def marker_trig(version: str) -> str:
    """A one-triple TriG whose value tells which build a store came from."""
    return f'<urn:test:g> {{ <urn:test:marker> <urn:test:version> "{version}" . }}\n'


def build(tmp_path: Path, name: str, version: str) -> Path:
    """A complete store at tmp_path/name holding the marker `version`."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    trig = tmp_path / f"{name}-{version}.trig"
    trig.write_text(marker_trig(version), encoding="utf-8")
    load_store(trig, tmp_path / name)
    return tmp_path / name


def version_in(store_dir: Path) -> str | None:
    """The marker value of the store in store_dir."""
    return run_query(open_store(store_dir), MARKER).rows()[0][0]


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory):
    """The fixture graph loaded into a store, opened read-only."""
    directory = tmp_path_factory.mktemp("store") / "store"
    load_store(FIXTURE, directory)
    return open_store(directory)


def plain(quad: ox.Quad) -> tuple[str, ...]:
    """A quad as strings, literals by lexical form (the store reports integer subtypes as
    xsd:integer, e.g. nif:beginIndex)."""
    obj = quad.object.value if isinstance(quad.object, ox.Literal) else str(quad.object)
    return str(quad.subject), str(quad.predicate), obj, str(quad.graph_name)


def test_load_keeps_every_quad_in_its_named_graph(tmp_path: Path) -> None:
    quads = {plain(q) for q in ox.parse(path=FIXTURE, format=ox.RdfFormat.TRIG)}
    assert load_store(FIXTURE, tmp_path / "store") == len(quads)
    loaded = open_store(tmp_path / "store")
    assert {plain(q) for q in loaded} == quads
    graphs = {node.value for node in loaded.named_graphs()}
    assert graphs == {f"{BASE}{name}" for name in (
        "doc/alpha", "doc/alpha-copy", "doc/beta", "graph/vocabulary", "graph/build")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_queries_see_the_union_of_named_graphs(fixture_store) -> None:
    names = [row[1] for row in run_query(fixture_store, PEOPLE).rows()]
    assert names == ["Ann Writer", "Bob Stone", "Jane Roe", "Mark Lee", "Sara Kim", "Tom Ash"]


def test_a_from_clause_picks_the_default_graph(fixture_store) -> None:
    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    beta = run_query(fixture_store, count.format(f"FROM <{BASE}doc/beta>")).rows()
    in_beta = run_query(fixture_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{BASE}doc/beta>"
                                       " { ?s ?p ?o } }").rows()
    everything = run_query(fixture_store, count.format("")).rows()
    assert beta == in_beta != everything
    assert run_query(fixture_store, count.format("FROM <http://example.org/none>")).rows() \
        == [("0",)]


def test_every_span_anchor_is_its_slice_of_the_article(fixture_store) -> None:
    query = PREFIXES + """SELECT ?s ?anchor ?slice WHERE {
      ?s nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a .
      ?a nif:isString ?text . BIND(SUBSTR(?text, ?b + 1, ?e - ?b) AS ?slice) }"""
    rows = run_query(fixture_store, query).rows()
    assert len({row[0] for row in rows}) >= 30
    assert [row for row in rows if row[1] != row[2]] == []


def test_run_query_opens_a_store_directory_by_path(tmp_path: Path) -> None:
    directory = build(tmp_path, "store", "v1")
    assert run_query(directory, MARKER).rows() == [("v1",)]
    assert run_query(str(directory), MARKER).rows() == [("v1",)]


def test_reload_swaps_in_the_new_store_and_leaves_nothing_behind(tmp_path: Path) -> None:
    build(tmp_path, "store", "v1")
    build(tmp_path, "store", "v2")
    assert version_in(tmp_path / "store") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["store"]


def test_failed_load_keeps_the_previous_store(tmp_path: Path) -> None:
    build(tmp_path, "store", "v1")
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"^\[KG014\] .*bad\.trig"):
        load_store(bad, tmp_path / "store")
    assert version_in(tmp_path / "store") == "v1"
    assert not (tmp_path / "store.tmp-build").exists()


def test_crash_during_build_keeps_the_previous_store(tmp_path: Path, monkeypatch) -> None:
    build(tmp_path, "store", "v1")

    def crash(trig_path: Path, directory: Path, index=None) -> int:
        directory.mkdir()
        (directory / "000001.sst").write_bytes(b"half written")
        raise KeyboardInterrupt

    monkeypatch.setattr(store_mod, "_bulk_load", crash)
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path, "store", "v2")
    assert (tmp_path / "store.tmp-build").is_dir()
    assert version_in(tmp_path / "store") == "v1"
    monkeypatch.undo()
    build(tmp_path, "store", "v3")
    assert version_in(tmp_path / "store") == "v3"
    assert not (tmp_path / "store.tmp-build").exists()


def test_crash_between_the_renames_is_finished_by_open_store(tmp_path: Path, monkeypatch) -> None:
    build(tmp_path, "store", "v1")
    rename = Path.rename

    def crash_on_swap_in(self: Path, target):
        if self.name == "store.tmp-new" and Path(target).name == "store":
            raise KeyboardInterrupt
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", crash_on_swap_in)
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path, "store", "v2")
    monkeypatch.undo()
    assert not (tmp_path / "store").exists()
    assert (tmp_path / "store.tmp-old").is_dir() and (tmp_path / "store.tmp-new").is_dir()
    assert version_in(tmp_path / "store") == "v2"
    assert (tmp_path / "store").is_dir() and not (tmp_path / "store.tmp-new").exists()
    build(tmp_path, "store", "v3")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["store"]


@pytest.mark.parametrize(("leftovers", "expected"), [
    ({"store.tmp-new": "new"}, "new"),
    ({"store.tmp-old": "old"}, "old"),
    ({"store.tmp-new": "new", "store.tmp-old": "old"}, "new"),
    ({"store": "current", "store.tmp-old": "old"}, "current"),
    ({"store": "current", "store.tmp-new": "new"}, "current"),
])
def test_open_store_recovers_from_leftover_directories(
        tmp_path: Path, leftovers: dict[str, str], expected: str) -> None:
    for name, version in leftovers.items():
        build(tmp_path / "made", version, version).rename(tmp_path / name)
    assert version_in(tmp_path / "store") == expected


def test_missing_store_is_kg011(tmp_path: Path) -> None:
    for where in (tmp_path / "nothing", tmp_path):
        with pytest.raises(PressgraphError, match=r"^\[KG011\] ") as err:
            open_store(where)
        assert str(where) in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(PressgraphError, match=r"^\[KG011\] "):
        run_query(tmp_path / "nothing", MARKER)


def test_a_corrupt_store_is_one_line_kg025(tmp_path: Path) -> None:
    (tmp_path / "CURRENT").write_text("not a manifest name\n", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"^\[KG025\] ") as err:
        open_store(tmp_path)
    assert str(tmp_path) in str(err.value) and "\n" not in str(err.value)


def test_load_refuses_to_replace_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"^\[KG019\] "):
        load_store(FIXTURE, tmp_path / "docs")
    assert (tmp_path / "docs" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_missing_trig_is_kg006(tmp_path: Path) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG006\] .*missing\.trig"):
        load_store(tmp_path / "missing.trig", tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_syntax_error_is_one_line_kg009_with_line_and_column(fixture_store) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG009\] .*\b3:\d+") as err:
        run_query(fixture_store, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }")
    assert "\n" not in str(err.value)
    with pytest.raises(PressgraphError, match=r"^\[KG009\] .*\b1:\d+"):
        run_query(fixture_store, "SELECT ?s WHERE { ?s ?p ?o ")


def free_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_endpoint_is_one_line_kg017() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(PressgraphError, match=r"^\[KG017\] http://127\.0\.0\.1") as err:
        run_query(url, "SELECT * WHERE { ?s ?p ?o }")
    assert "\n" not in str(err.value)


def test_endpoint_query_is_parsed_before_sending() -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG009\] "):
        run_query(f"http://127.0.0.1:{free_port()}/sparql", "SELECT * WHERE { ?s ")


SPANS = PREFIXES + """SELECT ?span ?begin ?evidence ?missing WHERE {
  VALUES ?span { <https://pressgraph.example/id/doc/beta#char=97,148>
                 <https://pressgraph.example/id/doc/beta#char=149,157> }
  ?span nif:beginIndex ?begin ; nif:anchorOf ?evidence . } ORDER BY ?begin"""


def test_csv_is_the_w3c_format(fixture_store) -> None:
    text = format_result(run_query(fixture_store, SPANS), "csv")
    assert text.startswith("span,begin,evidence,missing\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1:] == [
        [f"{BASE}doc/beta#char=97,148", "97", f"{STAT[:-5]}\nCEO.", ""],
        [f"{BASE}doc/beta#char=149,157", "149", "Sara Kim", ""],
    ]


def test_tsv_is_the_w3c_format(fixture_store) -> None:
    lines = format_result(run_query(fixture_store, SPANS), "tsv").splitlines()
    assert lines[0] == "?span\t?begin\t?evidence\t?missing"
    assert lines[2].split("\t") == [f"<{BASE}doc/beta#char=149,157>",
                                    '"149"^^<http://www.w3.org/2001/XMLSchema#integer>',
                                    '"Sara Kim"', ""]
    assert len(lines) == 3


def test_json_is_the_w3c_format(fixture_store) -> None:
    data = json.loads(format_result(run_query(fixture_store, SPANS), "json"))
    assert data["head"]["vars"] == ["span", "begin", "evidence", "missing"]
    first = data["results"]["bindings"][0]
    assert first["span"] == {"type": "uri", "value": f"{BASE}doc/beta#char=97,148"}
    assert first["evidence"]["value"].endswith("the\nCEO.") and "missing" not in first


def test_table_is_aligned_plain_text_with_short_iris(fixture_store) -> None:
    lines = format_result(run_query(fixture_store, SPANS), "table").splitlines()
    rule = lines[1]
    starts = [i for i, c in enumerate(rule) if c == "-" and (i == 0 or rule[i - 1] == " ")]
    cells = [[line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
             for line in lines[:1] + lines[2:4]]
    assert cells == [
        ["span", "begin", "evidence", "missing"],
        ["id:doc/beta#char=97,148", "97", STAT, ""],
        ["id:doc/beta#char=149,157", "149", "Sara Kim", ""],
    ]
    assert lines[-1] == "(2 rows)"


def test_ask_prints_true_or_false(fixture_store) -> None:
    result = run_query(fixture_store, PREFIXES + "ASK { ?p schema:name \"Jane Roe\" }")
    assert format_result(result, "table") == "true\n"
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(run_query(fixture_store, "ASK { ?s <urn:nope> ?o }"), "csv") == "false\n"


def test_construct_prints_turtle_json_ld_and_a_triple_table(fixture_store) -> None:
    query = PREFIXES + """CONSTRUCT { ?p schema:name ?n }
WHERE { ?p a schema:Person ; schema:name ?n }"""
    result = run_query(fixture_store, query)
    assert len(result.triples()) == 6
    turtle = rdflib.Graph().parse(data=format_result(result, "ttl"), format="turtle")
    ntriples = rdflib.Graph().parse(data=format_result(result, "nt"), format="nt")
    assert len(turtle) == 6 and rdflib.compare.isomorphic(turtle, ntriples)
    assert "@prefix schema: <https://schema.org/> ." in format_result(result, "table")
    assert len(json.loads(format_result(result, "json"))) == 6
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"), newline="")))
    assert rows[0] == ["subject", "predicate", "object"] and len(rows) == 7


def test_a_format_that_does_not_fit_the_query_is_kg018(fixture_store) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG018\] format 'ttl'"):
        format_result(run_query(fixture_store, PEOPLE), "ttl")
