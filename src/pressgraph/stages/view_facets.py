"""The facts the view's live filters act on: role codes and confidences.

People and organizations get the role codes of their positions (`roles`); claims get their
confidence (`confidence`), and so do the "holds position at" edges of memberships.
"""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, SKOS

from pressgraph.namespace import PG

POSITION = "holds position at"


def confidence(graph: Graph, node: URIRef) -> float | None:
    """The lowest numeric pg:confidence of a node, or None when it has none."""
    values = [v.toPython() for v in graph.objects(node, PG.confidence)]
    numbers = [float(v) for v in values if isinstance(v, int | float | Decimal)]
    return round(min(numbers), 4) if numbers else None


def role_code(graph: Graph, role: URIRef) -> str:
    """A role's skos:notation, else the last segment of its IRI."""
    notations = sorted(str(n) for n in graph.objects(role, SKOS.notation))
    return notations[0] if notations else str(role).rstrip("/").rsplit("/", 1)[-1]


def _membership_facts(graph: Graph, network: nx.MultiDiGraph):
    """(person, organization, role codes, confidence) of every drawn membership."""
    for membership in sorted(set(graph.subjects(ORG.member, None))):
        person = str(graph.value(membership, ORG.member))
        codes = {role_code(graph, r) for r in graph.objects(membership, ORG.role)}
        level = confidence(graph, membership)
        orgs = sorted(str(o) for o in graph.objects(membership, ORG.organization))
        for org in orgs or [""]:
            yield person, org, codes, level


def add_facets(graph: Graph, network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set `roles` (sorted codes) and `confidence` (float or None) on nodes and edges.

    Args:
        graph: the RDF graph the network was drawn from.
        network: the network from `graph_to_network`; changed in place.

    Returns:
        The same network.
    """
    roles: dict[str, set[str]] = {node: set() for node in network}
    for person, org, codes, level in _membership_facts(graph, network):
        for node in (person, org):
            if node in roles:
                roles[node].update(codes)
        if network.has_edge(person, org, POSITION) and level is not None:
            edge = network.edges[person, org, POSITION]
            edge["confidence"] = max(level, edge.get("confidence") or 0.0)
    for node, data in network.nodes(data=True):
        data["roles"] = sorted(roles[node])
        data["confidence"] = (confidence(graph, URIRef(node)) if data["type"] == "claim"
                              else None)
    for _, _, data in network.edges(data=True):
        data.setdefault("confidence", None)
    return network
