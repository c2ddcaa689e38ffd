"""The view read straight from the store: the same network and page as through rdflib."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from pressgraph.namespace import SCHEMA
from pressgraph.stages.store import load_store, open_store
from pressgraph.stages.store_terms import rdflib_graph
from pressgraph.stages.view_terms import Lit
from pressgraph.stages.view_triples import Triples
from pressgraph.stages.visualise import (
    graph_to_network,
    store_network,
    write_store_view,
    write_view,
)
from view_data import ARTICLE_1, MALLORY, view_dataset

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "graphs" / "sample.trig"


def _ox(term):
    """The pyoxigraph term of an rdflib IRI or literal."""
    if not isinstance(term, Literal):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return ox.Literal(str(term), datatype=datatype)


def _store(dataset: Dataset, folder: Path):
    """A store holding a Dataset, through a TriG file as the build writes one."""
    trig = folder / "graph.trig"
    quads = [ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g.identifier if hasattr(g, "identifier") else g))
             for s, p, o, g in dataset.quads((None, None, None, None))]
    trig.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    load_store(trig, folder / "store")
    return open_store(folder / "store")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample-store")
    load_store(SAMPLE, folder / "store")
    return open_store(folder / "store")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    return _store(view_dataset(), tmp_path_factory.mktemp("view-store"))


def assert_same_network(expected: nx.MultiDiGraph, found: nx.MultiDiGraph) -> None:
    """Same nodes and edges, in the same order, with the same data, and the same `via`."""
    assert list(found.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(found.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert found.graph == expected.graph


@pytest.mark.parametrize("which", ["sample_store", "hostile_store"])
def test_store_network_is_the_rdflib_network(request, which):
    store = request.getfixturevalue(which)
    expected = graph_to_network(rdflib_graph(store))
    found = store_network(store)
    assert found.number_of_nodes() > 5
    assert {d["type"] for _, d in found.nodes(data=True)} == {
        "article", "person", "organization", "claim"}
    assert any(item["evidence"] for _, d in found.nodes(data=True)
               for section in d["details"]["sections"] for item in section["items"])
    assert_same_network(expected, found)


def test_store_network_from_a_store_folder(sample_store, tmp_path):
    load_store(SAMPLE, tmp_path / "store")
    assert_same_network(store_network(sample_store), store_network(str(tmp_path / "store")))


def test_without_spans_only_the_mention_spans_leave_via(sample_store):
    full, light = store_network(sample_store), store_network(sample_store, spans=False)
    assert list(light.nodes(data=True)) == list(full.nodes(data=True))
    assert list(light.edges(keys=True, data=True)) == list(full.edges(keys=True, data=True))
    gone = set(full.graph["via"]) - set(light.graph["via"])
    assert gone and all("#char=" in iri for iri in gone)
    assert set(light.graph["via"]) <= set(full.graph["via"])


def test_the_page_from_the_store_is_the_page_through_rdflib(sample_store, tmp_path):
    page = write_store_view(sample_store, tmp_path / "sample.html", "pressgraph: sample")
    again = write_view(rdflib_graph(sample_store), tmp_path / "again.html", "pressgraph: sample")
    assert again.read_bytes() == page.read_bytes()


def test_an_untyped_iri_shaped_like_a_node_is_drawn_from_both(tmp_path):
    dataset = view_dataset()
    stranger = URIRef(str(MALLORY).replace("mallory", "stranger"))
    dataset.graph(ARTICLE_1).add((ARTICLE_1, SCHEMA.mentions, stranger))
    odd = URIRef(str(MALLORY).replace("mallory", "odd"))  # typed, but not as a view node
    dataset.graph(ARTICLE_1).add((ARTICLE_1, SCHEMA.mentions, odd))
    dataset.graph(ARTICLE_1).add((odd, RDF.type, SCHEMA.Place))
    store = _store(dataset, tmp_path)
    found = store_network(store)
    assert found.nodes[str(stranger)]["type"] == "person"
    assert str(odd) not in found
    assert_same_network(graph_to_network(rdflib_graph(store)), found)


def test_triples_keep_literal_datatypes_and_languages():
    data = Graph()
    node = URIRef("https://example.org/x")
    data.add((node, SCHEMA.name, Literal("chef", lang="fr")))
    data.add((node, SCHEMA.value, Literal("0.80", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal"))))
    triples = Triples.of_graph(data)
    [name] = triples.objects(str(node), str(SCHEMA.name))
    [value] = triples.objects(str(node), str(SCHEMA.value))
    assert isinstance(name, Lit) and name.language == "fr" and name == "chef"
    assert str(value.number()) == "0.80" and triples.has(str(node), str(SCHEMA.value))
    assert triples.subjects(str(SCHEMA.name), name) == [str(node)]
    assert triples.iris() == {str(node)}


LAYOUT = """
import hashlib, sys
sys.path[:0] = [{bench!r}, {tests!r}]
from view import synthetic
from pressgraph.stages.visualise import graph_to_network, render_html
page = render_html(graph_to_network(synthetic(700)), "x", 400)
print(hashlib.sha256(page.encode()).hexdigest())
"""


def test_a_laid_out_page_does_not_depend_on_string_hashing():
    code = LAYOUT.format(bench=str(ROOT / "bench"), tests=str(ROOT / "tests"))
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, check=True, timeout=300)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_store_network_from_a_sparql_endpoint(sample_store, tmp_path):
    from pressgraph.service.server import ServeConfig
    from serve_data import running

    load_store(SAMPLE, tmp_path / "store")
    config = ServeConfig(str(tmp_path / "store"), port=0, workers=1, quiet=True)
    with running(config) as server:
        remote = store_network(server.url + "/sparql")
    assert_same_network(store_network(sample_store), remote)
