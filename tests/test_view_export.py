"""Exports (GraphML, GEXF, Cytoscape JSON), large views, and `pressgraph view --kind/--export`."""

from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Literal
from rdflib.namespace import XSD
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.errors import PressgraphError
from pressgraph.stages import view_large
from pressgraph.stages.store import load_store
from pressgraph.stages.view_export import export_network, export_text
from pressgraph.stages.visualise import graph_to_network, render_html
from view_data import ACME, ARTICLE_1, ARTICLE_2, GLOBEX, JANE, MALLORY, view_dataset

ALL = {str(n) for n in (ACME, ARTICLE_1, ARTICLE_2, GLOBEX, JANE, MALLORY)}


@pytest.fixture(scope="module")
def network():
    return graph_to_network(view_dataset())


def page_data(html: str) -> tuple[list[dict], dict]:
    """The drawn vis nodes and the page's JSON data."""
    nodes = json.loads(re.search(r"var PG_NODES = (.*);\n", html).group(1))
    data = json.loads(re.search(r'id="pg-data">(.*?)</script>', html).group(1))
    return nodes, data


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_export_round_trips_nodes_edges_and_analytics(network, tmp_path, suffix):
    path = export_network(network, tmp_path / f"net{suffix}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temp file left
    if suffix == ".graphml":
        back = nx.read_graphml(path)
    elif suffix == ".gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.cytoscape_graph(json.loads(path.read_text(encoding="utf-8")))
    assert set(back) == set(network)
    assert back.number_of_edges() == network.number_of_edges()
    jane = back.nodes[str(JANE)]
    assert jane["type"] == "person" and jane["roles"] == "CMO"
    assert int(jane["degree"]) == 4 and "community" in jane and "betweenness" in jane
    assert "details" not in jane and "articles" not in jane
    assert "community" not in network.nodes[str(JANE)]  # the caller's network is untouched


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json"])
def test_export_is_deterministic_and_dateless(network, suffix):
    from pressgraph.stages.view_analytics import add_analytics

    reordered = nx.MultiDiGraph()
    reordered.add_nodes_from(sorted(network.nodes(data=True), reverse=True))
    reordered.add_edges_from(sorted(network.edges(keys=True, data=True), reverse=True))
    text = export_text(add_analytics(network.copy()), suffix)
    assert export_text(add_analytics(reordered), suffix) == text
    assert "lastmodifieddate" not in text


def test_export_to_an_unknown_format_is_kg081(network, tmp_path):
    with pytest.raises(PressgraphError, match=r"\[KG081\].*\.csv"):
        export_network(network, tmp_path / "net.csv")
    assert list(tmp_path.iterdir()) == []


def test_big_network_starts_aggregated(network):
    html = render_html(network, "big", max_nodes=3)
    nodes, data = page_data(html)
    drawn = {node["id"] for node in nodes}
    assert drawn == {str(ARTICLE_1), str(ARTICLE_2), str(ACME)}  # top 3 by degree, ties by IRI
    assert {node["id"] for node in data["more"]["nodes"]} == set(network) - drawn
    assert set(data["details"]) == set(network)
    assert all(e["from"] not in drawn or e["to"] not in drawn for e in data["more"]["edges"])
    drawn_edges = len(re.search(r"var PG_EDGES = (.*);\n", html).group(1).split('"from"')) - 1
    assert drawn_edges + len(data["more"]["edges"]) == network.number_of_edges()
    assert 'data-drawn="3" data-total="8"' in html
    assert "showing the top 3 of 8 nodes by degree" in html
    assert 'id="pg-aggregate"' not in render_html(network, "small")


def test_big_drawings_get_precomputed_positions(network, monkeypatch):
    monkeypatch.setattr(view_large, "PRECOMPUTE_ABOVE", 4)
    html = render_html(network, "laid out")
    nodes, data = page_data(html)
    positions = {(node["x"], node["y"]) for node in nodes}
    assert len(positions) == len(nodes) == 8
    assert data["precomputed"] is True
    assert '"physics": {"enabled": false' in html.replace("\n", "")
    assert render_html(network, "laid out") == html


def test_layout_of_a_large_graph_is_seeded_and_spread():
    base = nx.barabasi_albert_graph(900, 2, seed=1)
    net = nx.MultiDiGraph()
    net.add_nodes_from((f"n{n:03d}", {"community": n % 7}) for n in base)
    net.add_edges_from((f"n{u:03d}", f"n{v:03d}", "mentions") for u, v in base.edges())
    first = view_large.layout(net)
    assert first == view_large.layout(net)
    assert len(set(first.values())) > 890


def term(node):
    """An rdflib IRI or literal as a pyoxigraph term."""
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string)))
    return ox.NamedNode(str(node))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    trig = folder / "graph.trig"
    quads = [ox.Quad(*(term(t) for t in (s, p, o)), ox.NamedNode(str(g)))
             for s, p, o, g in view_dataset().quads((None, None, None, None))]
    trig.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    load_store(trig, folder / "store")
    return folder / "store"


@pytest.mark.parametrize(("kind", "count"), [("comention", 2), ("people-orgs", 3),
                                             ("claims", 6), ("full", 8)])
def test_view_command_kinds_and_export(store, tmp_path, kind, count):
    out, export = tmp_path / "view.html", tmp_path / "net.graphml"
    result = CliRunner().invoke(app, ["view", "--store", str(store), "--kind", kind,
                                      "--out", str(out), "--export", str(export)])
    assert result.exit_code == 0, result.output
    assert f'data-nodes="{count}"' in out.read_text(encoding="utf-8")
    assert nx.read_graphml(export).number_of_nodes() == count


@pytest.mark.parametrize(("args", "code"), [(["--kind", "bogus"], "KG080"),
                                            (["--export", "net.csv"], "KG081")])
def test_view_command_refuses_bad_kind_and_export(store, tmp_path, args, code):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["view", "--store", str(store), "--out", str(out), *args])
    assert result.exit_code == 2 and code in result.output
    assert not out.exists()
