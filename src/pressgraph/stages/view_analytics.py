"""Network analytics for the view: the kinds of network, degree, betweenness, communities.

Every result is deterministic: nodes and edges are visited in sorted order and the random
parts (louvain communities, sampled betweenness on big graphs) use a fixed seed.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.view_centrality import betweenness_values

KINDS = ("full", "comention", "people-orgs", "claims")
SEED = 7
COMENTION = "co-mentioned with"
EXACT_BETWEENNESS = 1000  # above this many nodes, betweenness is sampled from some sources
BETWEENNESS_SAMPLES = 50


def _induced(network: nx.MultiDiGraph, relations: set[str], types: set[str],
             keep_isolated: bool) -> nx.MultiDiGraph:
    """The nodes of some types and the edges of some relations among them."""
    out = nx.MultiDiGraph(**network.graph)
    nodes = sorted(n for n, d in network.nodes(data=True) if d["type"] in types)
    out.add_nodes_from((n, network.nodes[n]) for n in nodes)
    for u, v, key, data in sorted(network.edges(keys=True, data=True), key=lambda e: e[:3]):
        if key in relations and u in out and v in out:
            out.add_edge(u, v, key=key, **data)
    if not keep_isolated:
        out.remove_nodes_from([n for n in nodes if out.degree(n) == 0])
    return out


def comention_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Organizations linked when mentioned in the same article; `weight` = shared articles."""
    out = _induced(network, set(), {"organization"}, keep_isolated=True)
    shared: dict[tuple[str, str], int] = {}
    for article in sorted(n for n, d in network.nodes(data=True) if d["type"] == "article"):
        orgs = sorted({v for _, v, key in network.out_edges(article, keys=True)
                       if key == "mentions" and v in out})
        for pair in combinations(orgs, 2):
            shared[pair] = shared.get(pair, 0) + 1
    for (a, b), weight in sorted(shared.items()):
        out.add_edge(a, b, key=COMENTION, relation=COMENTION, weight=weight, confidence=None,
                     label=f"{weight} article{'s' if weight > 1 else ''}")
    out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0])
    return out


def check_kind(kind: str) -> str:
    """The kind, if it is one of `KINDS`.

    Raises:
        PressgraphError: KG080 for an unknown kind.
    """
    if kind not in KINDS:
        raise PressgraphError(Errors.KG080.format(kind=kind, kinds=", ".join(KINDS)))
    return kind


def project_network(network: nx.MultiDiGraph, kind: str) -> nx.MultiDiGraph:
    """The network of one kind: `full`, `comention`, `people-orgs` or `claims`.

    Args:
        network: the full network from `graph_to_network`.
        kind: comention links organizations mentioned in the same article; people-orgs links
            people to their organizations through their positions; claims keeps claims, their
            claimants and the articles they appear in; full keeps everything.

    Raises:
        PressgraphError: KG080 for an unknown kind.
    """
    if check_kind(kind) == "full":
        return network
    if kind == "comention":
        return comention_network(network)
    if kind == "people-orgs":
        return _induced(network, {"holds position at"}, {"person", "organization"}, False)
    return _induced(network, {"claimed by", "appears in"},
                    {"claim", "person", "organization", "article"}, False)


def simple_graph(network: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of a network, built in sorted order; `weight` adds up."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network))
    for u, v, data in sorted(network.edges(data=True), key=lambda e: (e[0], e[1])):
        if u == v:
            continue
        weight = data.get("weight", 1) + (simple.edges[u, v]["weight"]
                                          if simple.has_edge(u, v) else 0)
        simple.add_edge(u, v, weight=weight)
    return simple


def communities(simple: nx.Graph, seed: int = SEED) -> dict[str, int]:
    """Louvain communities numbered by size (largest 0), ties by their smallest node."""
    if simple.number_of_edges() == 0:
        return {node: index for index, node in enumerate(sorted(simple))}
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: index for index, group in enumerate(ordered) for node in group}


def betweenness(simple: nx.Graph, seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness, exact on small graphs, sampled from some sources on big ones."""
    samples = None if len(simple) <= EXACT_BETWEENNESS else BETWEENNESS_SAMPLES
    values = betweenness_values(simple, samples, seed)  # networkx's values, faster
    return {node: round(value, 6) for node, value in values.items()}


def degrees(network: nx.MultiDiGraph) -> dict[str, int]:
    """The number of distinct neighbours of each node."""
    found = {}
    for node in network:
        near = set(network.successors(node)) | set(network.predecessors(node))
        found[node] = len(near - {node})
    return found


def add_degree(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Set `degree`: the number of distinct neighbours of each node (in place)."""
    for node, degree in degrees(network).items():
        network.nodes[node]["degree"] = degree
    return network


def add_analytics(network: nx.MultiDiGraph, seed: int = SEED,
                  simple: nx.Graph | None = None) -> nx.MultiDiGraph:
    """Set `degree` (unless set), `betweenness` and `community` on every node (in place).

    Args:
        network: the network to measure.
        seed: the seed of louvain and of sampled betweenness.
        simple: the network's `simple_graph`, if it is at hand.

    Returns:
        The same network.
    """
    simple = simple_graph(network) if simple is None else simple
    if any("degree" not in data for _, data in network.nodes(data=True)):
        add_degree(network)
    between, groups = betweenness(simple, seed), communities(simple, seed)
    for node, data in network.nodes(data=True):
        data["betweenness"], data["community"] = between[node], groups[node]
    return network
