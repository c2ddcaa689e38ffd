"""The view's betweenness: the very floats networkx computes, exact and sampled."""

from __future__ import annotations

import networkx as nx
import pytest

from pressgraph.stages.view_analytics import BETWEENNESS_SAMPLES, betweenness
from pressgraph.stages.view_centrality import betweenness_values


def _named(graph: nx.Graph) -> nx.Graph:
    """The graph with string nodes (as the view's IRIs), in a shuffled insertion order."""
    out = nx.Graph()
    out.add_nodes_from(f"n{(7 * node) % len(graph)}" for node in graph)
    out.add_edges_from((f"n{(7 * u) % len(graph)}", f"n{(7 * v) % len(graph)}")
                       for u, v in graph.edges)
    return out


GRAPHS = {
    "karate": nx.karate_club_graph(),
    "two components": nx.disjoint_union(nx.path_graph(6), nx.cycle_graph(5)),
    "star": nx.star_graph(9),
    "two nodes": nx.path_graph(2),
    "empty": nx.empty_graph(3),
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_exact_betweenness_is_networkx_s(name):
    graph = _named(GRAPHS[name])
    assert betweenness_values(graph) == nx.betweenness_centrality(graph)


@pytest.mark.parametrize("seed", [7, 11])
def test_sampled_betweenness_is_networkx_s(seed):
    graph = _named(nx.gnm_random_graph(300, 700, seed=3))
    found = betweenness_values(graph, 25, seed)
    assert found == nx.betweenness_centrality(graph, k=25, seed=seed)
    assert list(found) == list(graph)


def test_the_view_samples_big_graphs_with_its_seed():
    graph = _named(nx.gnm_random_graph(1100, 2000, seed=5))
    expected = nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, seed=7)
    assert betweenness(graph, 7) == {node: round(value, 6) for node, value in expected.items()}
