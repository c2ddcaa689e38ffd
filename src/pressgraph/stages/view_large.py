"""Large views: draw the top entities by degree, and lay big drawings out ahead of time.

Above `max_nodes` the page starts with the best connected nodes only and says so; the rest
ship in the page, reachable through search and expand. Above `PRECOMPUTE_ABOVE` drawn nodes
the positions are computed here (communities packed on a spiral, each laid out with a seeded
spring layout), so the browser draws at once instead of simulating.
"""

from __future__ import annotations

import math

import networkx as nx

from pressgraph.stages.view_analytics import SEED, simple_graph

PRECOMPUTE_ABOVE = 300  # drawn nodes; below this the browser's physics lays the graph out
SPRING_MAX = 400  # community size up to which a spring layout is run (it is quadratic)
SPRING_ITERATIONS = 30
UNIT = 45.0  # pixels per square root of a node: the radius of a community of n nodes
GOLDEN = math.pi * (3 - math.sqrt(5))


def top_nodes(network: nx.MultiDiGraph, max_nodes: int,
              degree: dict[str, int] | None = None) -> list[str]:
    """The `max_nodes` nodes of highest degree (ties by IRI), sorted by IRI."""
    degree = degree or {n: network.nodes[n]["degree"] for n in network}
    ranked = sorted(network, key=lambda n: (-degree[n], n))
    return sorted(ranked[:max(max_nodes, 0)])


def aggregate(network: nx.MultiDiGraph, max_nodes: int, degree: dict[str, int] | None = None
              ) -> tuple[nx.MultiDiGraph, list[str]]:
    """The drawn part of a network and the nodes left out of it.

    Args:
        network: the whole network.
        max_nodes: the most nodes drawn at first.
        degree: each node's degree (see `view_analytics.degrees`); by default the nodes'
            `degree` attribute.

    Returns:
        (drawn, hidden): a copy of the network, or of its sub-network of the top nodes by
        degree when it has more than `max_nodes` nodes; and the sorted IRIs of the nodes
        left out.
    """
    if network.number_of_nodes() <= max_nodes:
        return network.copy(), []
    keep = top_nodes(network, max_nodes, degree)
    kept = set(keep)
    drawn = nx.MultiDiGraph(**network.graph)
    drawn.add_nodes_from((n, dict(network.nodes[n])) for n in keep)
    for u, v, key, data in network.out_edges(keep, keys=True, data=True):
        if v in kept:
            drawn.add_edge(u, v, key, **data)
    return drawn, sorted(n for n in network if n not in kept)


def _spiral(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Sunflower positions within the unit disc, in the given order (centre first)."""
    count = max(len(nodes), 1)
    return {node: (math.sqrt((i + 0.5) / count) * math.cos(i * GOLDEN),
                   math.sqrt((i + 0.5) / count) * math.sin(i * GOLDEN))
            for i, node in enumerate(nodes)}


def _group_layout(simple: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one community within the unit disc."""
    nodes = sorted(simple)
    if len(nodes) <= 2:
        return _spiral(nodes)
    if len(nodes) <= SPRING_MAX:
        pos = nx.spring_layout(simple, seed=seed, iterations=SPRING_ITERATIONS)
        return {n: (float(pos[n][0]), float(pos[n][1])) for n in nodes}
    start = max(nodes, key=lambda n: (simple.degree(n), n))
    order = list(nx.bfs_tree(simple, start, sort_neighbors=sorted))
    seen = set(order)
    order += [n for n in nodes if n not in seen]
    return _spiral(order)


def _induced(simple: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The sub-graph of some nodes, built in their order: `Graph.subgraph` walks a set, whose
    order changes from run to run with Python's string hashing."""
    members = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from((u, v, d) for u, v, d in simple.edges(nodes, data=True) if v in members)
    return sub


def layout(network: nx.MultiDiGraph, seed: int = SEED,
           simple: nx.Graph | None = None) -> dict[str, tuple[int, int]]:
    """Seeded positions in pixels: each community (`community` attribute, else one) laid out
    on its own, the communities packed largest first on a sunflower spiral (`simple` is the
    network's `simple_graph`, if it is at hand)."""
    simple = simple_graph(network) if simple is None else simple
    groups: dict[int, list[str]] = {}
    for node in sorted(network):
        groups.setdefault(network.nodes[node].get("community", 0), []).append(node)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    positions: dict[str, tuple[int, int]] = {}
    placed = 0
    for index, group in enumerate(ordered):
        radius = UNIT * math.sqrt(len(group))
        distance = 2.2 * UNIT * math.sqrt(placed + len(group) / 2) if index else 0.0
        cx, cy = distance * math.cos(index * GOLDEN), distance * math.sin(index * GOLDEN)
        for node, (x, y) in _group_layout(_induced(simple, group), seed).items():
            positions[node] = (round(cx + radius * x), round(cy + radius * y))
        placed += len(group)
    return positions


def needs_layout(network: nx.MultiDiGraph) -> bool:
    """Whether a drawing is big enough to be laid out here rather than in the browser."""
    return network.number_of_nodes() > PRECOMPUTE_ABOVE
