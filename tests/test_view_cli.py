"""`pressgraph view` and the build's view from the command line, on a store of the sample."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph import commands
from pressgraph.cli import app
from pressgraph.pipeline import BuildResult
from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.store import load_store, open_store, run_query
from pressgraph.stages.store_terms import rdflib_graph
from pressgraph.stages.visualise import (
    graph_to_network,
    query_to_network,
    store_network,
    write_view,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "graphs" / "sample.trig"
runner = CliRunner()
CONSTRUCT = """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?claim a schema:Claim ; schema:text ?text ; schema:author ?who .
            ?who a ?type ; schema:name ?name }
WHERE { ?claim a schema:Claim ; schema:text ?text ; schema:author ?who .
        ?who a ?type ; schema:name ?name }
"""
SELECT = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?membership ?label WHERE { ?membership a org:Membership ; org:member ?p .
                                  BIND("a literal, not drawn" AS ?label) }
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    load_store(SAMPLE, folder / "store")
    return folder / "store"


@pytest.fixture(scope="module")
def network(store):
    return graph_to_network(rdflib_graph(open_store(store)))


def view(store: Path, out: Path, *args: str) -> tuple[int, str, str]:
    """Run `pressgraph view` and return its exit code, output and page."""
    result = runner.invoke(app, ["view", "--store", str(store), "--out", str(out), *args])
    page = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, result.output, page


def status(page: str) -> tuple[int, int]:
    """The drawn node and edge counts a page states."""
    found = re.search(r'id="pg-status" data-nodes="(\d+)" data-edges="(\d+)"', page)
    return int(found.group(1)), int(found.group(2))


def drawn_ids(page: str) -> set[str]:
    """The ids of the nodes drawn at first."""
    nodes = re.search(r"var PG_NODES = (\[.*?\]);\nvar PG_EDGES", page, re.S).group(1)
    return {node["id"] for node in json.loads(nodes)}


def test_view_of_the_whole_store_is_the_rdflib_view(store, tmp_path):
    code, output, page = view(store, tmp_path / "all.html")
    assert code == 0, output
    expected = write_view(rdflib_graph(open_store(store)), tmp_path / "rdflib.html", "pressgraph")
    assert page == expected.read_text(encoding="utf-8")


def test_a_construct_query_is_drawn_as_its_graph(store, tmp_path):
    (tmp_path / "claims.rq").write_text(CONSTRUCT, encoding="utf-8")
    code, output, page = view(store, tmp_path / "c.html", "--query", str(tmp_path / "claims.rq"))
    assert code == 0, output
    ids = drawn_ids(page)
    assert any("/claim/" in i for i in ids) and not any("/doc/" in i for i in ids)
    assert status(page)[1] == sum(1 for i in ids if "/claim/" in i)  # one "claimed by" each


def test_a_select_query_is_drawn_from_the_iris_in_its_rows(store, network, tmp_path):
    (tmp_path / "positions.rq").write_text(SELECT, encoding="utf-8")
    code, output, page = view(store, tmp_path / "s.html", "--query", str(tmp_path / "positions.rq"))
    assert code == 0, output
    ends = {n for m, nodes in network.graph["via"].items() if "/membership/" in m for n in nodes}
    assert ends and drawn_ids(page) == ends  # each membership stands for its person and org
    assert {network.nodes[n]["type"] for n in ends} == {"person", "organization"}
    assert 'id="pg-empty"' not in page


def test_a_select_of_names_draws_the_nodes_they_name(store, network, tmp_path):
    code, output, page = view(store, tmp_path / "names.html", "--query", "cmo-roles")
    assert code == 0, output
    result = run_query(open_store(store), resolve_query("cmo-roles"))
    columns = dict(zip(result.variables, zip(*result.rows(), strict=True), strict=True))
    agents = set(columns["name"]) | set(columns["organization"])
    ids = drawn_ids(page)
    drawn = {kind: {i for i in ids if network.nodes[i]["type"] == kind}
             for kind in ("person", "organization", "article", "claim")}
    names = {name for i in drawn["person"] | drawn["organization"]
             for name in network.nodes[i]["names"]}
    assert agents and agents - {None} <= names  # every person and organization named
    sources = {dict(network.nodes[i]["details"]["rows"])["Source"] for i in drawn["article"]}
    assert sources == set(columns["source"])  # the articles the rows name, no others
    assert not drawn["claim"]
    assert status(page) == (len(ids), network.subgraph(ids).number_of_edges())
    assert status(page)[1] > 0 and 'id="pg-empty"' not in page


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_every_catalogue_select_draws_what_it_names(store, name):
    result = run_query(open_store(store), resolve_query(name))
    assert result.form == "select"
    values = {v for row in result.rows() for v in row if v}
    drawn = query_to_network(values, store_network(open_store(store)))
    assert (drawn.number_of_nodes() > 0) == bool(result.rows()), name


def test_a_select_of_values_that_name_nothing_says_there_is_nothing_to_draw(store, tmp_path):
    (tmp_path / "none.rq").write_text('SELECT ?x WHERE { VALUES ?x { "no such name" 42 } }',
                                      encoding="utf-8")
    code, output, page = view(store, tmp_path / "none.html", "--query", str(tmp_path / "none.rq"))
    assert code == 0, output
    assert status(page) == (0, 0) and 'id="pg-empty"' in page


def test_focus_and_depth_draw_an_ego_network(store, network, tmp_path):
    [gartner] = [n for n, d in network.nodes(data=True) if d["label"] == "Gartner"]
    sizes = []
    for depth in ("1", "2"):
        code, output, page = view(store, tmp_path / f"f{depth}.html", "--focus", "gartner",
                                  "--depth", depth)
        assert code == 0, output
        ids = drawn_ids(page)
        assert gartner in ids
        near = set(network.successors(gartner)) | set(network.predecessors(gartner))
        assert near <= ids
        sizes.append(len(ids))
    assert sizes[0] == len(near) + 1 and sizes[1] > sizes[0]


def test_an_unknown_focus_is_one_line(store, tmp_path):
    code, output, _ = view(store, tmp_path / "x.html", "--focus", "Nobody At All")
    assert code == 2 and "KG015" in output and len(output.strip().splitlines()) == 1


def test_kind_and_export(store, tmp_path):
    code, output, page = view(store, tmp_path / "po.html", "--kind", "people-orgs",
                              "--export", str(tmp_path / "po.json"))
    assert code == 0, output
    exported = json.loads((tmp_path / "po.json").read_text(encoding="utf-8"))
    types = {n["data"]["type"] for n in exported["elements"]["nodes"]}
    assert types == {"person", "organization"}
    assert status(page)[0] == len(exported["elements"]["nodes"])


def test_min_confidence_leaves_out_the_unsure_claims(store, network, tmp_path):
    claims = {n for n, d in network.nodes(data=True) if d["type"] == "claim"}
    sure = {n for n in claims if network.nodes[n]["confidence"] >= 0.8}
    assert sure and sure != claims
    code, output, page = view(store, tmp_path / "sure.html", "--min-confidence", "0.8")
    assert code == 0, output
    assert {n for n in drawn_ids(page) if "/claim/" in n} == sure


def _config(tmp_path: Path, max_nodes: int) -> Path:
    """A pipeline config like the project's, with another `[view] max_nodes`."""
    text = (ROOT / "build" / "pipeline.toml").read_text(encoding="utf-8")
    config = tmp_path / "build" / "pipeline.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text.replace("max_nodes = 2000", f"max_nodes = {max_nodes}"),
                      encoding="utf-8")
    return config


def test_view_takes_max_nodes_from_the_config(store, tmp_path):
    code, output, page = view(store, tmp_path / "big.html", "--config",
                              str(_config(tmp_path, 7)))
    assert code == 0, output
    assert status(page)[0] == 7 and 'id="pg-aggregate"' in page and "top 7 of" in page


def test_build_draws_its_view_from_the_store_with_the_config_max_nodes(tmp_path, monkeypatch):
    def fake_build(paths, out, config, progress, warn=None, dask=None, use_cache=True):
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE, out / "sample.trig")
        return BuildResult(trig=out / "sample.trig", articles=5)

    def no_rdflib(*args, **kwargs):
        raise AssertionError("the build's view must be read from the store, not from rdflib")

    monkeypatch.setattr(commands, "build", fake_build)
    monkeypatch.setattr("pressgraph.stages.store_terms.rdflib_graph", no_rdflib)
    monkeypatch.setattr("pressgraph.stages.visualise.graph_to_network", no_rdflib)
    code, summary = commands.run_build([], tmp_path / "out", _config(tmp_path, 9), None,
                                       progress=False)
    page = (tmp_path / "out" / "sample.html").read_text(encoding="utf-8")
    assert "sample.html" in summary
    assert status(page)[0] == 9 and "top 9 of" in page


def test_focus_applies_within_a_query_result(store, network, tmp_path):
    (tmp_path / "claims.rq").write_text(CONSTRUCT, encoding="utf-8")
    query = str(tmp_path / "claims.rq")
    _, _, whole = view(store, tmp_path / "all.html", "--query", query)
    code, output, page = view(store, tmp_path / "g.html", "--query", query,
                              "--focus", "Gartner", "--depth", "1")
    assert code == 0, output
    [gartner] = [n for n, d in network.nodes(data=True) if d["label"] == "Gartner"]
    claims = {c for c, _, key in network.in_edges(gartner, keys=True) if key == "claimed by"}
    assert claims and drawn_ids(page) == claims | {gartner}
    assert drawn_ids(page) < drawn_ids(whole)  # the neighbourhood, not the whole result
    code, output, _ = view(store, tmp_path / "x.html", "--query", query, "--focus", "Nobody")
    assert code == 2 and "KG015" in output
