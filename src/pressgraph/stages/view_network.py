"""Turn the RDF graph into a networkx graph of what a reader cares about.

Nodes are articles, people, organizations and claims; evidence spans, memberships and roles
are folded into the details of the nodes they support (see `view_details`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx
from rdflib import Graph
from rdflib.namespace import FOAF, ORG

from pressgraph.namespace import SCHEMA
from pressgraph.stages import view_triples as v
from pressgraph.stages.view_details import node_details
from pressgraph.stages.view_facets import POSITION, add_facets
from pressgraph.stages.view_labels import claim_kind, node_label
from pressgraph.stages.view_terms import Blank
from pressgraph.stages.view_triples import Triples

NODE_CLASSES = {
    "article": (SCHEMA.Article,),
    "person": (SCHEMA.Person, FOAF.Person),
    "organization": (SCHEMA.Organization, ORG.Organization, ORG.OrganizationalUnit),
    "claim": (SCHEMA.Claim, SCHEMA.Quotation),
}
_RANK = {str(cls): rank for rank, classes in enumerate(NODE_CLASSES.values()) for cls in classes}
_KINDS = list(NODE_CLASSES)
IRI_HINT = re.compile(r"/(doc|person|org|claim)/[^/#]+$")
HINT_TYPES = {"doc": "article", "person": "person", "org": "organization", "claim": "claim"}
LINKS = (  # (predicate, subject type, object type, relation)
    (v.MENTIONS, "article", None, "mentions"),
    (v.AUTHOR, "claim", None, "claimed by"),
    (v.APPEARANCE, "claim", "article", "appears in"),
)
AGENTS = ("person", "organization")


def _typed_nodes(graph: Triples) -> dict[str, str]:
    """Every IRI of the graph that is drawn as a node, with its type: from its rdf:type (the
    first of NODE_CLASSES' types wins), else, with no rdf:type at all, from its IRI's shape."""
    ranks: dict[str, int] = {}
    classed: set[str] = set()
    for node, cls in graph.subject_objects(v.TYPE):
        if isinstance(node, Blank):
            continue
        classed.add(node)
        rank = _RANK.get(cls)
        if rank is not None and rank < ranks.get(node, len(_KINDS)):
            ranks[node] = rank
    typed = {node: _KINDS[rank] for node, rank in ranks.items()}
    for node in graph.iris() - classed:
        hint = IRI_HINT.search(node)
        if hint and not graph.has(node, v.CONTEXT):
            typed[node] = HINT_TYPES[hint.group(1)]
    return dict(sorted(typed.items()))


def _edges(graph: Triples, types: dict[str, str]) -> Iterable[tuple[str, str, str, str]]:
    """(source, target, relation, label) of every drawn relation."""
    for predicate, source_type, target_type, relation in LINKS:
        for s, o in graph.subject_objects(predicate):
            if types.get(s) == source_type and types.get(o) in (target_type or AGENTS):
                yield s, o, relation, ""
    for a, b in graph.subject_objects(v.ALTERNATE_OF):
        if types.get(a) == types.get(b) == "article" and a != b:
            yield min(a, b), max(a, b), "alternate of", ""
    for membership in graph.subjects(v.MEMBER):
        person = graph.value(membership, v.MEMBER)
        for org in graph.objects(membership, v.ORGANIZATION):
            if types.get(person) == "person" and types.get(org) == "organization":
                titles = sorted(str(t) for t in graph.objects(membership, v.ROLE_NAME))
                yield person, org, POSITION, "; ".join(titles)
    for person, org in graph.subject_objects(v.MEMBER_OF):
        if types.get(person) == "person" and types.get(org) == "organization":
            yield person, org, POSITION, ""


def _node_articles(network: nx.MultiDiGraph, node: str, types: dict[str, str]) -> list[str]:
    """The articles a node belongs to: itself, its neighbours, and for agents their claims'."""
    if types[node] == "article":
        return [node]
    found = {n for n in network.successors(node) if types[n] == "article"}
    for near in network.predecessors(node):
        kind = types[near]
        if kind == "article":
            found.add(near)
        elif kind == "claim":
            found.update(n for n in network.successors(near) if types[n] == "article")
    return sorted(found)


def graph_to_network(data: Graph) -> nx.MultiDiGraph:
    """Convert the RDF graph (a Dataset is read as the union of its graphs) to a network.

    Args:
        data: the built graph, or a CONSTRUCT result.

    Returns:
        The network of `triples_to_network`.
    """
    return triples_to_network(Triples.of_graph(data))


def triples_to_network(graph: Triples) -> nx.MultiDiGraph:
    """Build the view's network from the triples it reads.

    Args:
        graph: the triples (of an rdflib graph, or those `view_store` reads from a store).

    Returns:
        A MultiDiGraph whose nodes (IRIs) carry `type`, `label`, `kind`, `names`,
        `articles`, `details`, `roles` and `confidence`, and whose edges carry `relation`
        (the key), `label` and `confidence`; `graph["via"]` maps the IRIs that are not
        drawn (memberships, spans, quantities) to the nodes they stand for.
    """
    types = _typed_nodes(graph)
    network = nx.MultiDiGraph()
    for node, kind in types.items():
        label = node_label(graph, node, kind)
        names = [label] if kind != "claim" else []
        names += [str(n) for n in graph.objects(node, v.NAME)]
        names += [str(n) for n in graph.objects(node, v.ALT_NAME)]
        network.add_node(str(node), type=kind, label=label,
                         kind=claim_kind(graph, node) if kind == "claim" else "",
                         names=sorted(set(names)), details=node_details(graph, node, kind))
    # sorted, a bare org:memberOf shortcut ("" label) comes before a membership's titles,
    # which then replace its label (adding an edge again updates its data)
    for source, target, relation, label in sorted(set(_edges(graph, types))):
        network.add_edge(source, target, key=relation, relation=relation, label=label)
    for node, data in network.nodes(data=True):
        data["articles"] = _node_articles(network, node, types)
    network.graph["via"] = _via(graph, types)
    return add_facets(graph, network)


def _via(graph: Triples, types: dict[str, str]) -> dict[str, list[str]]:
    """IRIs that are not drawn but stand for drawn nodes: memberships, spans, quantities."""
    via: dict[str, set[str]] = {}
    for membership in graph.subjects(v.MEMBER):
        ends = [*graph.objects(membership, v.MEMBER), *graph.objects(membership, v.ORGANIZATION)]
        via.setdefault(str(membership), set()).update(str(n) for n in ends if n in types)
    for span, article in graph.subject_objects(v.CONTEXT):
        via.setdefault(str(span), set()).add(str(article))
    for claim, quantity in graph.subject_objects(v.QUANTITY):
        via.setdefault(str(quantity), set()).add(str(claim))
    return {iri: sorted(nodes) for iri, nodes in sorted(via.items()) if nodes}
