"""View analytics and facets: network kinds, degree, betweenness, communities, roles."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from pressgraph.errors import PressgraphError
from pressgraph.stages.view_analytics import (
    KINDS,
    add_analytics,
    comention_network,
    project_network,
)
from pressgraph.stages.visualise import graph_to_network
from view_data import (
    ACME,
    ARTICLE_1,
    ARTICLE_2,
    GLOBEX,
    JANE,
    MALLORY,
    QUOTE_CLAIM,
    STAT_CLAIM,
    view_dataset,
)


@pytest.fixture(scope="module")
def network():
    return graph_to_network(view_dataset())


def toy(kinds: dict[str, str], edges: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """A view-like network from node types and (source, target, relation) edges."""
    net = nx.MultiDiGraph()
    for node, kind in kinds.items():
        net.add_node(node, type=kind, label=node, names=[node], details={}, roles=[])
    for u, v, relation in edges:
        net.add_edge(u, v, key=relation, relation=relation, label="")
    return net


def nodes_of(net: nx.MultiDiGraph) -> set[str]:
    return set(net)


def test_kinds_are_the_documented_ones():
    assert KINDS == ("full", "comention", "people-orgs", "claims")


def test_full_kind_is_the_network_itself(network):
    assert project_network(network, "full") is network


def test_people_orgs_keeps_positions_only(network):
    net = project_network(network, "people-orgs")
    assert nodes_of(net) == {str(JANE), str(MALLORY), str(ACME)}
    assert sorted(net.edges(keys=True)) == sorted([
        (str(JANE), str(ACME), "holds position at"),
        (str(MALLORY), str(ACME), "holds position at")])


def test_claims_keeps_claims_claimants_and_articles(network):
    net = project_network(network, "claims")
    assert nodes_of(net) == {str(n) for n in (QUOTE_CLAIM, STAT_CLAIM, JANE, GLOBEX,
                                              ARTICLE_1, ARTICLE_2)}
    assert {k for _, _, k in net.edges(keys=True)} == {"claimed by", "appears in"}
    assert net.number_of_edges() == 5


def test_comention_of_the_test_graph(network):
    net = project_network(network, "comention")
    assert nodes_of(net) == {str(ACME), str(GLOBEX)}
    [(a, b, data)] = net.edges(data=True)
    assert (a, b) == (str(ACME), str(GLOBEX))
    assert data["weight"] == 1 and data["label"] == "1 article"


def test_comention_weight_counts_shared_articles():
    net = toy({"d1": "article", "d2": "article", "d3": "article", "A": "organization",
               "B": "organization", "C": "organization", "D": "organization", "p": "person"},
              [("d1", "A", "mentions"), ("d1", "B", "mentions"), ("d2", "A", "mentions"),
               ("d2", "B", "mentions"), ("d2", "C", "mentions"), ("d2", "p", "mentions"),
               ("d3", "D", "mentions")])
    projected = comention_network(net)
    weights = {(a, b): d["weight"] for a, b, d in projected.edges(data=True)}
    assert weights == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}
    assert "D" not in projected and "p" not in projected
    assert projected.edges["A", "B", "co-mentioned with"]["label"] == "2 articles"


def test_unknown_kind_is_kg080(network):
    with pytest.raises(PressgraphError, match=r"\[KG080\].*'bogus'.*comention"):
        project_network(network, "bogus")


def test_degree_betweenness_and_communities():
    cliques = {f"a{i}": "person" for i in range(5)} | {f"b{i}": "organization" for i in range(3)}
    edges = [(f"a{i}", f"a{j}", "mentions") for i in range(5) for j in range(i + 1, 5)]
    edges += [(f"b{i}", f"b{j}", "mentions") for i in range(3) for j in range(i + 1, 3)]
    edges += [("a0", "b0", "holds position at")]
    net = add_analytics(toy(cliques, edges))
    community = {n: d["community"] for n, d in net.nodes(data=True)}
    assert {community[f"a{i}"] for i in range(5)} == {0}  # the largest community is 0
    assert {community[f"b{i}"] for i in range(3)} == {1}
    assert net.nodes["a0"]["degree"] == 5 and net.nodes["a1"]["degree"] == 4
    between = {n: d["betweenness"] for n, d in net.nodes(data=True)}
    assert max(between, key=between.get) in {"a0", "b0"}
    assert between["a1"] == 0.0


def test_analytics_do_not_depend_on_insertion_order():
    rng = random.Random(3)
    base = nx.gnm_random_graph(60, 120, seed=5)
    edges = [(f"n{u:02d}", f"n{v:02d}", "mentions") for u, v in base.edges()]
    kinds = {f"n{i:02d}": "person" for i in range(60)}
    first = add_analytics(toy(kinds, edges))
    rng.shuffle(edges)
    shuffled = dict(sorted(kinds.items(), reverse=True))
    second = add_analytics(toy(shuffled, edges))
    keys = ("degree", "betweenness", "community")
    assert ({n: [d[k] for k in keys] for n, d in first.nodes(data=True)}
            == {n: [d[k] for k in keys] for n, d in second.nodes(data=True)})


def test_roles_and_confidence_facets(network):
    assert network.nodes[str(JANE)]["roles"] == ["CMO"]
    assert network.nodes[str(MALLORY)]["roles"] == ["DIRECTOR"]
    assert network.nodes[str(ACME)]["roles"] == ["CMO", "DIRECTOR"]
    assert network.nodes[str(GLOBEX)]["roles"] == []
    assert network.nodes[str(QUOTE_CLAIM)]["confidence"] == 0.9
    assert network.nodes[str(JANE)]["confidence"] is None
    assert network.edges[str(JANE), str(ACME), "holds position at"]["confidence"] == 0.8
    assert network.edges[str(ARTICLE_1), str(JANE), "mentions"]["confidence"] is None
