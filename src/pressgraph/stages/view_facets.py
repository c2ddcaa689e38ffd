"""The facts the view's live filters act on: role codes and confidences.

People and organizations get the role codes of their positions (`roles`); claims get their
confidence (`confidence`), and so do the "holds position at" edges of memberships.
"""

from __future__ import annotations

import networkx as nx

from pressgraph.stages import view_triples as v
from pressgraph.stages.view_terms import Lit
from pressgraph.stages.view_triples import Triples

POSITION = "holds position at"


def confidence(graph: Triples, node: str) -> float | None:
    """The lowest numeric pg:confidence of a node, or None when it has none."""
    values = [x.number() for x in graph.objects(node, v.CONFIDENCE) if isinstance(x, Lit)]
    numbers = [float(x) for x in values if x is not None]
    return round(min(numbers), 4) if numbers else None


def role_code(graph: Triples, role: str) -> str:
    """A role's skos:notation, else the last segment of its IRI."""
    notations = sorted(str(n) for n in graph.objects(role, v.NOTATION))
    return notations[0] if notations else str(role).rstrip("/").rsplit("/", 1)[-1]


def _membership_facts(graph: Triples, network: nx.MultiDiGraph):
    """(person, organization, role codes, confidence) of every drawn membership."""
    for membership in sorted(graph.subjects(v.MEMBER)):
        person = str(graph.value(membership, v.MEMBER))
        codes = {role_code(graph, r) for r in graph.objects(membership, v.ROLE)}
        level = confidence(graph, membership)
        orgs = sorted(str(o) for o in graph.objects(membership, v.ORGANIZATION))
        for org in orgs or [""]:
            yield person, org, codes, level


def add_facets(graph: Triples, network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set `roles` (sorted codes) and `confidence` (float or None) on nodes and edges.

    Args:
        graph: the triples the network was drawn from.
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
        data["confidence"] = (confidence(graph, node) if data["type"] == "claim"
                              else None)
    for _, _, data in network.edges(data=True):
        data.setdefault("confidence", None)
    return network
