"""Turn the RDF graph into a networkx graph of what a reader cares about.

Nodes are articles, people, organizations and claims; evidence spans, memberships and roles
are folded into the details of the nodes they support (see `view_details`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx
from rdflib import ConjunctiveGraph, Graph, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF

from pressgraph.namespace import NIF, PG, SCHEMA
from pressgraph.stages.view_details import claim_kind, node_details, node_label
from pressgraph.stages.view_facets import add_facets

NODE_CLASSES = {
    "article": (SCHEMA.Article,),
    "person": (SCHEMA.Person, FOAF.Person),
    "organization": (SCHEMA.Organization, ORG.Organization, ORG.OrganizationalUnit),
    "claim": (SCHEMA.Claim, SCHEMA.Quotation),
}
IRI_HINT = re.compile(r"/(doc|person|org|claim)/[^/#]+$")
HINT_TYPES = {"doc": "article", "person": "person", "org": "organization", "claim": "claim"}
LINKS = (  # (predicate, subject type, object type, relation)
    (SCHEMA.mentions, "article", None, "mentions"),
    (SCHEMA.author, "claim", None, "claimed by"),
    (SCHEMA.appearance, "claim", "article", "appears in"),
)
AGENTS = ("person", "organization")


def union_graph(data: Graph) -> Graph:
    """One graph with the triples of every named graph of a Dataset (a Graph is returned as is)."""
    if not isinstance(data, ConjunctiveGraph):
        return data
    union = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def node_type(graph: Graph, node: URIRef) -> str | None:
    """The view type of a node from its rdf:type, else from the shape of its IRI."""
    classes = set(graph.objects(node, RDF.type))
    for kind, wanted in NODE_CLASSES.items():
        if classes.intersection(wanted):
            return kind
    hint = IRI_HINT.search(str(node))
    if hint and not classes and not graph.value(node, NIF.referenceContext):
        return HINT_TYPES[hint.group(1)]
    return None


def _typed_nodes(graph: Graph) -> dict[URIRef, str]:
    """Every IRI of the graph that is drawn as a node, with its type."""
    candidates = {t for t in graph.subjects() if isinstance(t, URIRef)}
    candidates |= {t for t in graph.objects() if isinstance(t, URIRef)}
    typed = {node: node_type(graph, node) for node in sorted(candidates)}
    return {node: kind for node, kind in typed.items() if kind}


def _edges(graph: Graph, types: dict[URIRef, str]) -> Iterable[tuple[str, str, str, str]]:
    """(source, target, relation, label) of every drawn relation."""
    for predicate, source_type, target_type, relation in LINKS:
        for s, o in graph.subject_objects(predicate):
            if types.get(s) == source_type and types.get(o) in (target_type or AGENTS):
                yield str(s), str(o), relation, ""
    for a, b in graph.subject_objects(PROV.alternateOf):
        if types.get(a) == types.get(b) == "article" and a != b:
            yield min(str(a), str(b)), max(str(a), str(b)), "alternate of", ""
    for membership in graph.subjects(ORG.member, None, unique=True):
        person = graph.value(membership, ORG.member)
        for org in graph.objects(membership, ORG.organization):
            if types.get(person) == "person" and types.get(org) == "organization":
                titles = sorted(str(t) for t in graph.objects(membership, SCHEMA.roleName))
                yield str(person), str(org), "holds position at", "; ".join(titles)
    for person, org in graph.subject_objects(ORG.memberOf):
        if types.get(person) == "person" and types.get(org) == "organization":
            yield str(person), str(org), "holds position at", ""


def _node_articles(network: nx.MultiDiGraph, node: str) -> list[str]:
    """The articles a node belongs to: itself, its neighbours, and for agents their claims'."""
    if network.nodes[node]["type"] == "article":
        return [node]
    near = set(network.successors(node)) | set(network.predecessors(node))
    found = {n for n in near if network.nodes[n]["type"] == "article"}
    for claim in (n for n in network.predecessors(node) if network.nodes[n]["type"] == "claim"):
        found |= {n for n in network.successors(claim) if network.nodes[n]["type"] == "article"}
    return sorted(found)


def graph_to_network(data: Graph) -> nx.MultiDiGraph:
    """Convert the RDF graph (a Dataset is read as the union of its graphs) to a network.

    Args:
        data: the built graph, or a CONSTRUCT result.

    Returns:
        A MultiDiGraph whose nodes (IRIs) carry `type`, `label`, `kind`, `names`,
        `articles`, `details`, `roles` and `confidence`, and whose edges carry `relation`
        (the key), `label` and `confidence`.
    """
    graph = union_graph(data)
    types = _typed_nodes(graph)
    network = nx.MultiDiGraph()
    for node, kind in types.items():
        names = [node_label(graph, node, kind)] if kind != "claim" else []
        names += sorted(str(n) for n in graph.objects(node, SCHEMA.name | SCHEMA.alternateName))
        network.add_node(str(node), type=kind, label=node_label(graph, node, kind),
                         kind=claim_kind(graph, node) if kind == "claim" else "",
                         names=sorted(set(names)), details=node_details(graph, node, kind))
    for source, target, relation, label in sorted(set(_edges(graph, types))):
        if not label and network.has_edge(source, target, relation):
            continue  # a membership's title beats the bare org:memberOf shortcut
        network.add_edge(source, target, key=relation, relation=relation, label=label)
    for node in network.nodes:
        network.nodes[node]["articles"] = _node_articles(network, node)
    network.graph["via"] = _via(graph, types)
    return add_facets(graph, network)


def _via(graph: Graph, types: dict[URIRef, str]) -> dict[str, list[str]]:
    """IRIs that are not drawn but stand for drawn nodes: memberships, spans, quantities."""
    via: dict[str, set[str]] = {}
    for membership in graph.subjects(ORG.member, None, unique=True):
        ends = graph.objects(membership, ORG.member | ORG.organization)
        via.setdefault(str(membership), set()).update(str(n) for n in ends if n in types)
    for span, article in graph.subject_objects(NIF.referenceContext):
        via.setdefault(str(span), set()).add(str(article))
    for claim, quantity in graph.subject_objects(PG.quantity):
        via.setdefault(str(quantity), set()).add(str(claim))
    return {iri: sorted(nodes) for iri, nodes in sorted(via.items()) if nodes}
