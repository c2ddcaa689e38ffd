"""Store terms as rdflib terms, an rdflib copy of a store, and the checks run on a store."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from pressgraph.stages.checks import run_checks
from pressgraph.stages.store_terms import rdflib_graph, to_rdflib

ID = "https://pressgraph.example/id/"
MEMBERSHIP = f"""
<{ID}membership/p--o> a <http://www.w3.org/ns/org#Membership> ;
    <http://www.w3.org/ns/org#member> <{ID}person/p> ;
    <http://www.w3.org/ns/org#organization> <{ID}org/o> ;
    <https://pressgraph.example/vocab#confidence> 0.80 .
"""


def _store() -> ox.Store:
    """The same membership (without its shortcut triple) stated in two article graphs."""
    store = ox.Store()
    for stem in ("a", "b"):
        store.load(MEMBERSHIP, ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"{ID}doc/{stem}"))
    return store


def test_literals_keep_their_kind():
    assert to_rdflib(ox.Literal("x")) == Literal("x")
    assert to_rdflib(ox.Literal("x", language="en")) == Literal("x", lang="en")
    number = to_rdflib(ox.Literal("0.8", datatype=ox.NamedNode(str(XSD.decimal))))
    assert number == Literal("0.8", datatype=XSD.decimal)
    assert to_rdflib(ox.NamedNode(ID)) == URIRef(ID)


def test_the_rdflib_copy_is_the_union_without_repeats():
    graph = rdflib_graph(_store())
    assert len(graph) == 4
    assert graph.namespace_manager.store.namespace("pg") is not None


def test_a_problem_restated_in_two_graphs_is_one_line():
    problems = run_checks(_store())
    assert problems == [f"membership-without-shortcut: membership=<{ID}membership/p--o>, "
                        f"person=<{ID}person/p>, organization=<{ID}org/o>"]
