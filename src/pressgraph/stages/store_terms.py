"""Between pyoxigraph and rdflib: store terms as rdflib terms, and an rdflib graph of a store.

The build checks and draws the graph from the pyoxigraph store; code written against rdflib
(the view) gets an rdflib copy of the union of the store's graphs, made without going through
a serialisation. The store keeps values, not lexical forms ("0.80"^^xsd:decimal reads back as
"0.8").
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from pressgraph.namespace import PREFIXES

_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib term of a pyoxigraph term (a plain literal stays plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _STRING else URIRef(datatype))


def rdflib_graph(store: ox.Store) -> Graph:
    """One rdflib graph with every triple of every graph of the store (the prefixes bound)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    memo: dict[object, Node] = {}

    def convert(term) -> Node:
        found = memo.get(term)
        if found is None:
            found = memo[term] = to_rdflib(term)
        return found

    graph.addN((convert(q.subject), convert(q.predicate), convert(q.object), graph)
               for q in store.quads_for_pattern(None, None, None, None))
    return graph
