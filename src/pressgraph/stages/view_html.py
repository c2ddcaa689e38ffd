"""Draw a view network as one self-contained, offline HTML page with pyvis.

pyvis 0.3.2's own template links Bootstrap from a CDN even with `cdn_resources="in_line"`,
so the page is rendered from our template (`templates/view.html`), which inlines
vis-network, our CSS and JS, and loads nothing from the network. Untrusted text (names,
headlines, claim text) reaches the page only as escaped JSON and is shown with textContent.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
VIS_LIB = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
ASSETS = {"vis-network.min.js": VIS_LIB, "vis-network.css": VIS_LIB,
          "view.js": TEMPLATES, "view.css": TEMPLATES}
NODE_STYLES = {  # type: (legend label, colour, vis-network shape, label font size)
    "article": ("Article", "#4e79a7", "square", 14),
    "person": ("Person", "#f28e2b", "dot", 14),
    "organization": ("Organization", "#59a14f", "diamond", 14),
    "claim": ("Claim", "#b07aa1", "triangle", 11),
}
EDGE_STYLES = {  # relation: vis-network edge options
    "mentions": {"color": "#a0aab4", "width": 1, "dashes": True},
    "holds position at": {"color": "#e15759", "width": 3, "dashes": False},
    "claimed by": {"color": "#76b7b2", "width": 2, "dashes": False},
    "appears in": {"color": "#c9b8c4", "width": 1, "dashes": [2, 4]},
    "alternate of": {"color": "#4e79a7", "width": 2, "dashes": [10, 5], "arrows": "to, from"},
}
OPTIONS = {
    "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "sans-serif", "color": "#222222"}},
    "edges": {"smooth": {"type": "continuous"}, "font": {"size": 11, "align": "middle"},
              "arrows": {"to": {"scaleFactor": 0.6}}},
    "interaction": {"hover": True, "tooltipDelay": 150},
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {"enabled": True, "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                "stabilization": {"enabled": True, "iterations": 500, "fit": True}},
}
TOOLTIP_MAX = 300


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: every '<' becomes \\u003c."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))


def _asset(name: str) -> Markup:
    """The text of a CSS or JS file inlined into the page (trusted, shipped with the code)."""
    return Markup((ASSETS[name] / name).read_text(encoding="utf-8"))


def _environment() -> Environment:
    """A Jinja environment for our template that escapes every interpolated value."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      keep_trailing_newline=True)
    env.globals["asset"] = _asset
    return env


def _tooltip(data: dict) -> str:
    """A plain-text tooltip (the page turns it into a text node, never HTML)."""
    text = data["details"]["rows"][0][1] if data["details"]["rows"] else data["label"]
    text = " ".join(text.split())
    text = text if len(text) <= TOOLTIP_MAX else text[:TOOLTIP_MAX] + "\u2026"
    return f"{NODE_STYLES[data['type']][0]}: {text}"


def _add_nodes(net: Network, network: nx.MultiDiGraph) -> None:
    """Add every node, sorted, with its type's colour and shape and a size from its degree."""
    for node in sorted(network.nodes):
        data = network.nodes[node]
        _, colour, shape, font_size = NODE_STYLES[data["type"]]
        net.add_node(node, label=data["label"] or " ", shape=shape, color=colour,
                     font={"size": font_size},
                     size=round(10 + 4 * math.sqrt(network.degree(node)), 1),
                     title=_tooltip(data), ptype=data["type"], kind=data.get("kind", ""),
                     articles=data.get("articles", []), names=data.get("names", []))


def _add_edges(net: Network, network: nx.MultiDiGraph) -> None:
    """Add every edge, sorted, styled by its relation."""
    for source, target, relation in sorted(network.edges(keys=True)):
        data = network.edges[source, target, relation]
        label = data.get("label", "")
        net.add_edge(source, target, relation=relation, label=label,
                     title=f"{relation}: {label}" if label else relation,
                     **EDGE_STYLES[relation])


def _page(network: nx.MultiDiGraph, title: str) -> dict:
    """The values our template needs beyond pyvis's: title, legend, filter menus, details."""
    types = [data["type"] for _, data in network.nodes(data=True)]
    relations = [key for _, _, key in network.edges(keys=True)]
    articles = sorted((data["label"], node) for node, data in network.nodes(data=True)
                      if data["type"] == "article")
    kinds = sorted({data["kind"] for _, data in network.nodes(data=True) if data.get("kind")})
    legend = [{"type": t, "label": label, "colour": colour, "shape": shape,
               "count": types.count(t)} for t, (label, colour, shape, _) in NODE_STYLES.items()]
    edges = [{"relation": r, "colour": s["color"], "dashed": bool(s["dashes"]),
              "count": relations.count(r)} for r, s in EDGE_STYLES.items()]
    details = {node: data["details"] for node, data in network.nodes(data=True)}
    return {"title": title, "legend": legend, "edge_legend": edges, "kinds": kinds,
            "articles": [{"id": node, "label": label} for label, node in articles],
            "node_count": network.number_of_nodes(), "edge_count": network.number_of_edges(),
            "data": script_json({"details": details, "types": {t: s[0] for t, s in
                                                               NODE_STYLES.items()}})}


def render_html(network: nx.MultiDiGraph, title: str) -> str:
    """Render the network as one offline HTML page (same network, same bytes).

    Args:
        network: a network from `graph_to_network` (or a sub-graph of one).
        title: the page title and heading.

    Returns:
        The HTML text: vis-network inlined, no external URL, untrusted text escaped.
    """
    net = Network(directed=True, cdn_resources="in_line", heading=title)
    net.set_template_dir(str(TEMPLATES), "view.html")
    net.templateEnv = _environment()
    _add_nodes(net, network)
    _add_edges(net, network)
    net.options = OPTIONS
    net.templateEnv.globals["page"] = _page(network, title)
    return net.generate_html()
