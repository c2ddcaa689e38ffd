"""The values of the view page's template beyond pyvis's nodes and edges: the title, legend,
filter menus (with the clusters of duplicate articles), the aggregation notice, and the JSON
data (details, nodes not drawn yet, each cluster's articles)."""

from __future__ import annotations

import json

import networkx as nx
from markupsafe import Markup

from pressgraph.stages.view_styles import EDGE_STYLES, NODE_STYLES, page_styles


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: every '<' becomes \\u003c."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      check_circular=False)  # plain data: no cycles, and faster
    return Markup(text.replace("<", "\\u003c"))


def _legend(drawn: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """The node and edge legends, with the drawn count of each type and relation."""
    types = [data["type"] for _, data in drawn.nodes(data=True)]
    relations = [key for _, _, key in drawn.edges(keys=True)]
    nodes = [{"type": t, "label": label, "colour": colour, "shape": shape,
              "count": types.count(t)} for t, (label, colour, shape, _) in NODE_STYLES.items()]
    edges = [{"relation": r, "colour": s["color"], "dashed": bool(s["dashes"]),
              "count": relations.count(r)} for r, s in EDGE_STYLES.items()
             if r != "co-mentioned with" or r in relations]
    return nodes, edges


def duplicate_clusters(network: nx.MultiDiGraph) -> list[dict]:
    """The groups of copies of one article (linked by "alternate of"), two or more each.

    Returns:
        `{"id": "cluster:N", "label", "articles": [IRIs]}`, numbered in the order of their
        first article's IRI; the label names the first article and the number of copies.
    """
    copies = nx.Graph()
    copies.add_edges_from(sorted((u, v) for u, v, key in network.edges(keys=True)
                                 if key == "alternate of"))
    groups = sorted(sorted(group) for group in nx.connected_components(copies))
    return [{"id": f"cluster:{index}", "articles": group,
             "label": f"{network.nodes[group[0]]['label']} ({len(group)} copies)"}
            for index, group in enumerate(groups, start=1)]


def _menus(network: nx.MultiDiGraph) -> dict:
    """The choices of the filter menus, from the whole network (drawn or not)."""
    nodes = [data for _, data in network.nodes(data=True)]
    articles = sorted((data["label"], node) for node, data in network.nodes(data=True)
                      if data["type"] == "article")
    confident = [d.get("confidence") for d in nodes]
    confident += [d.get("confidence") for _, _, d in network.edges(data=True)]
    return {"kinds": sorted({d["kind"] for d in nodes if d.get("kind")}),
            "roles": sorted({code for d in nodes for code in d.get("roles", [])}),
            "has_confidence": any(c is not None for c in confident),
            "articles": [{"id": node, "label": label} for label, node in articles],
            "clusters": duplicate_clusters(network)}


def aggregation(network: nx.MultiDiGraph, drawn: nx.MultiDiGraph) -> dict | None:
    """The notice of an aggregated view: how many nodes are drawn of how many (None if all)."""
    total, shown = network.number_of_nodes(), drawn.number_of_nodes()
    if shown == total:
        return None
    return {"drawn": shown, "total": total, "hidden": total - shown,
            "text": f"Large graph: showing the top {shown} of {total} nodes by degree. "
                    f"Search to find and add the other {total - shown}."}


def page_values(network: nx.MultiDiGraph, drawn: nx.MultiDiGraph, more: dict, title: str,
                precomputed: bool) -> dict:
    """Everything the template needs besides pyvis's nodes, edges and options.

    Args:
        network: the whole network (every node has `details`).
        drawn: the part drawn at first.
        more: the nodes and edges not drawn at first, as data (`{"nodes", "edges"}`, see
            `view_styles.hidden_node` and `hidden_edge`); the page styles them.
        title: the page title.
        precomputed: whether the positions were computed ahead (the browser does not simulate).
    """
    legend, edge_legend = _legend(drawn)
    details = {node: data["details"] for node, data in network.nodes(data=True)}
    menus = _menus(network)
    clusters = {cluster["id"]: cluster["articles"] for cluster in menus["clusters"]}
    return {"title": title, "legend": legend, "edge_legend": edge_legend, **menus,
            "node_count": drawn.number_of_nodes(), "edge_count": drawn.number_of_edges(),
            "aggregated": aggregation(network, drawn), "precomputed": precomputed,
            "data": script_json({"details": details, "more": more, "precomputed": precomputed,
                                 "clusters": clusters, "styles": page_styles(),
                                 "types": {t: s[0] for t, s in NODE_STYLES.items()}})}
