"""The view's network read straight from a pyoxigraph store (or a SPARQL endpoint).

`store_network(store)` gives the same network as `graph_to_network(rdflib_graph(store))`
without copying the whole graph into rdflib: SPARQL SELECTs fetch only what the view reads
(the nodes' types, names and links, memberships, claims, quantities, and the evidence spans
with their articles' text) into a `Triples` (see `view_triples`). Each query asks for one
property and returns only the terms that vary: the store decodes every term it returns, and
that decoding is most of the time spent.

One difference, by design: an IRI with no rdf:type at all is drawn from the shape of its IRI
(`view_network.IRI_HINT`) only when it is the subject or object of a property read here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from pressgraph.stages import view_triples as v
from pressgraph.stages.store import run_query
from pressgraph.stages.view_network import IRI_HINT, NODE_CLASSES, triples_to_network
from pressgraph.stages.view_terms import Blank, Lit
from pressgraph.stages.view_triples import Triples

PROPERTIES = (  # what the network, the details and the filters read, besides rdf:type
    v.NAME, v.ALT_NAME, v.HEADLINE, v.SOURCE, v.AUTHOR, v.PUBLISHED, v.PUBLISHER, v.MENTIONS,
    v.ALTERNATE_OF, v.TEXT, v.KIND, v.APPEARANCE, v.HORIZON, v.CUE, v.QUANTITY, v.MEMBER,
    v.ORGANIZATION, v.ROLE, v.MEMBER_OF, v.UNIT_OF, v.ROLE_NAME,
    v.PREF_LABEL, v.NOTATION, v.VALUE, v.UNIT_TEXT, v.DESCRIPTION,
)
SPAN_PARTS = (v.ANCHOR, v.BEGIN, v.END, v.CONTEXT)
# the confidence of claims and memberships, not of entity mention spans (IRIs with '#')
CONFIDENCES = (f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{v.CONFIDENCE}> ?o "
               "FILTER(!CONTAINS(STR(?s), '#')) }")
# the facts' evidence spans with their parts, in one query: a third of the time of reading
# the spans apart from the facts (in memory)
EVIDENCE = "SELECT DISTINCT ?s ?o ?o0 ?o1 ?o2 ?o3 WHERE {{ ?s <{}> ?o {} }}".format(
    v.DERIVED_FROM, " ".join(f"OPTIONAL {{ ?o <{p}> ?o{i} }}" for i, p in enumerate(SPAN_PARTS)))
TEXTS = f"SELECT ?s ?o WHERE {{ ?s <{v.IS_STRING}> ?o }}"  # one per article: cheap to read
ALL_SPANS = f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{v.CONTEXT}> ?o }}"


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """The view's value of a store term (see `view_triples`)."""
    if type(term) is ox.NamedNode:
        return term.value
    if type(term) is ox.Literal:
        return Lit.of(term.value, term.datatype.value, term.language)
    return Blank(term.value)


def _rows(store: ox.Store | str | Path, query: str) -> Iterator[ox.QuerySolution]:
    """The rows of a SELECT on the union of the store's graphs (an endpoint's, for a URL)."""
    if isinstance(store, ox.Store):
        return iter(store.query(query, use_default_graph_as_union=True))
    return iter(run_query(store, query).solutions())


def _values(rows: Iterator[ox.QuerySolution]) -> Iterator[tuple[str, str]]:
    """The view's values of the two terms of every row."""
    iri = ox.NamedNode
    for s, o in rows:
        yield (s.value if type(s) is iri else _term(s)), (o.value if type(o) is iri else _term(o))


def _pairs(store, query: str, predicate: str, triples: Triples) -> None:
    """Add (?s, predicate, ?o) for every row of a query."""
    triples.add_pairs(predicate, _values(_rows(store, query)))


def _hinted(store, triples: Triples, typed: set[str]) -> None:
    """The classes and span articles of untyped-looking IRIs shaped like a node's."""
    found = sorted(n for n in triples.iris() - typed if IRI_HINT.search(n))
    if found:
        nodes = " ".join(f"<{n}>" for n in found)
        for predicate in (v.TYPE, v.CONTEXT):
            query = f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?s {{ {nodes} }} ?s <{predicate}> ?o }}"
            _pairs(store, query, predicate, triples)


def _evidence(store, triples: Triples) -> None:
    """Add what facts were derived from, and the parts (anchor, offsets, article) of those
    spans."""
    facts: list[tuple[str, str]] = []
    parts: list[list[tuple[str, str]]] = [[] for _ in SPAN_PARTS]
    for fact, span, *values in _rows(store, EVIDENCE):
        span = _term(span)
        facts.append((_term(fact), span))
        for found, value in zip(parts, values, strict=True):
            if value is not None:
                found.append((span, _term(value)))
    triples.add_pairs(v.DERIVED_FROM, facts)
    for predicate, pairs in zip(SPAN_PARTS, parts, strict=True):
        triples.add_pairs(predicate, pairs)


def store_triples(store: ox.Store | str | Path, spans: bool = True) -> Triples:
    """The triples the view reads, fetched from a store.

    Args:
        store: an open pyoxigraph store, a store folder, or a SPARQL endpoint URL.
        spans: also read the article of every span (entity mentions too), which only
            `network.graph["via"]` needs; otherwise only the evidence spans' are read.
    """
    triples, typed = Triples(), set()
    for classes in NODE_CLASSES.values():  # one row per node of each kind: its first class
        listed = " ".join(f"<{c}>" for c in classes)
        query = f"SELECT DISTINCT ?s WHERE {{ VALUES ?class {{ {listed} }} ?s a ?class }}"
        nodes, cls = [_term(s) for (s,) in _rows(store, query)], str(classes[0])
        typed.update(nodes)
        triples.add_pairs(v.TYPE, ((node, cls) for node in nodes))
    for predicate in PROPERTIES:
        _pairs(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{predicate}> ?o }}", predicate, triples)
    _pairs(store, CONFIDENCES, v.CONFIDENCE, triples)
    _evidence(store, triples)
    _pairs(store, TEXTS, v.IS_STRING, triples)
    if spans:
        _pairs(store, ALL_SPANS, v.CONTEXT, triples)
    _hinted(store, triples, typed)
    return triples


def store_network(store: ox.Store | str | Path, spans: bool = True) -> nx.MultiDiGraph:
    """The view's network of everything in a store, as `graph_to_network` draws it.

    Args:
        store: an open pyoxigraph store, a store folder, or a SPARQL endpoint URL.
        spans: map every span to its article in `network.graph["via"]`, as
            `graph_to_network` does (for `query_to_network` and `find_nodes`); without it
            only the evidence spans are mapped, and reading a big store is faster.

    Returns:
        The network (see `view_network.triples_to_network`).

    Raises:
        PressgraphError: KG011 when there is no store, KG017/KG020 when an endpoint fails.
    """
    return triples_to_network(store_triples(store, spans))
