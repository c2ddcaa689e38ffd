"""Draw a view network as one self-contained, offline HTML page with pyvis.

pyvis 0.3.2's own template links Bootstrap from a CDN even with `cdn_resources="in_line"`,
so the page is rendered from our template (`templates/view.html`), which inlines
vis-network, our CSS and JS, and loads nothing from the network. Untrusted text (names,
headlines, claim text) reaches the page only as escaped JSON and is shown with textContent.

A network bigger than `max_nodes` starts aggregated (`view_large`): the top nodes by degree
are drawn and the others ride along in the page's data, for search and expand.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from pressgraph.stages.view_analytics import add_analytics, degrees, simple_graph
from pressgraph.stages.view_large import aggregate, layout, needs_layout
from pressgraph.stages.view_page import page_values, script_json
from pressgraph.stages.view_styles import (
    edge_options,
    hidden_edge,
    hidden_node,
    node_options,
    options,
)

__all__ = ["MAX_NODES", "render_html", "script_json"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
VIS_LIB = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
ASSETS = {"vis-network.min.js": VIS_LIB, "vis-network.css": VIS_LIB,
          "view.js": TEMPLATES, "view_parts.js": TEMPLATES, "view_filters.js": TEMPLATES,
          "view.css": TEMPLATES}
MAX_NODES = 2000  # the default of build/pipeline.toml's [view] max_nodes


class _NodeIds(list):
    """pyvis's list of node ids, with a set beside it: pyvis tests membership in the list for
    every node and edge it adds, which is quadratic on big graphs."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set = set()

    def append(self, node_id) -> None:
        super().append(node_id)
        self._ids.add(node_id)

    def __contains__(self, node_id) -> bool:
        return node_id in self._ids


def _asset(name: str) -> Markup:
    """The text of a CSS or JS file inlined into the page (trusted, shipped with the code)."""
    return Markup((ASSETS[name] / name).read_text(encoding="utf-8"))


def _environment() -> Environment:
    """A Jinja environment for our template that escapes every interpolated value."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      keep_trailing_newline=True)
    env.globals["asset"] = _asset
    # `tojson` (pyvis's nodes and edges): the default sort_keys, without the slower check
    # for cycles that plain data cannot have
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "check_circular": False}
    return env


def _add_nodes(net: Network, drawn: nx.MultiDiGraph, positions: dict) -> None:
    """Add every drawn node, sorted, styled by its type and sized by its degree."""
    for node in sorted(drawn.nodes):
        net.add_node(node, **node_options(drawn.nodes[node], positions.get(node)))


def _add_edges(net: Network, drawn: nx.MultiDiGraph) -> None:
    """Add every drawn edge, sorted, styled by its relation."""
    for source, target, relation, data in sorted(drawn.edges(keys=True, data=True),
                                                 key=lambda edge: edge[:3]):
        net.add_edge(source, target, **edge_options(relation, data))


def _more(network: nx.MultiDiGraph, hidden: list[str], degree: dict[str, int]) -> dict:
    """The nodes left out of the drawing, and every edge that touches one, as plain data."""
    left = set(hidden)
    nodes = [hidden_node(node, network.nodes[node], degree[node]) for node in hidden]
    touching = (edge for edge in network.edges(keys=True, data=True)
                if edge[0] in left or edge[1] in left)
    edges = [hidden_edge(*edge) for edge in sorted(touching, key=lambda edge: edge[:3])]
    return {"nodes": nodes, "edges": edges}


def render_html(network: nx.MultiDiGraph, title: str, max_nodes: int = MAX_NODES) -> str:
    """Render the network as one offline HTML page (same network, same bytes).

    Args:
        network: a network from `graph_to_network` (or a sub-graph or projection of one);
            it is not changed.
        title: the page title and heading.
        max_nodes: above this many nodes, only the top nodes by degree are drawn at first.

    Returns:
        The HTML text: vis-network inlined, no external URL, untrusted text escaped.
    """
    degree = degrees(network)
    drawn, hidden = aggregate(network, max_nodes, degree)
    for node, data in drawn.nodes(data=True):
        data["degree"] = degree[node]
    simple = simple_graph(drawn)
    add_analytics(drawn, simple=simple)
    positions = layout(drawn, simple=simple) if needs_layout(drawn) else {}
    net = Network(directed=True, cdn_resources="in_line", heading=title)
    net.node_ids = _NodeIds()
    net.set_template_dir(str(TEMPLATES), "view.html")
    net.templateEnv = _environment()
    _add_nodes(net, drawn, positions)
    _add_edges(net, drawn)
    net.options = options(bool(positions))
    net.templateEnv.globals["page"] = page_values(network, drawn, _more(network, hidden, degree),
                                                  title, bool(positions))
    return net.generate_html()
