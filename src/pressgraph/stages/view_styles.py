"""How the view draws things: node and edge styles, community colours, vis-network options."""

from __future__ import annotations

import copy
import math

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
    "co-mentioned with": {"color": "#8c8c8c", "width": 1, "dashes": False, "arrows": ""},
}
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                     "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#7f7f7f")
NO_COMMUNITY = "#d3d3d3"  # small communities beyond the palette, and nodes not yet measured
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


def options(precomputed: bool) -> dict:
    """vis-network options: simulated physics, or fixed precomputed positions drawn at once."""
    chosen = copy.deepcopy(OPTIONS)
    if precomputed:
        chosen["physics"]["enabled"] = False
        chosen["edges"]["smooth"] = False
        chosen["layout"]["improvedLayout"] = False
        chosen["interaction"]["hideEdgesOnDrag"] = True
    return chosen


def community_colour(community: int | None) -> str:
    """The colour of a community number (the largest communities get the palette)."""
    if community is None or not 0 <= community < len(COMMUNITY_COLOURS):
        return NO_COMMUNITY
    return COMMUNITY_COLOURS[community]


def sizes(data: dict) -> dict[str, float]:
    """A node's drawn size by degree and by betweenness."""
    return {"degree": round(10 + 4 * math.sqrt(data.get("degree", 0)), 1),
            "betweenness": round(10 + 60 * math.sqrt(data.get("betweenness") or 0.0), 1)}


def tooltip(data: dict) -> str:
    """A plain-text tooltip (the page turns it into a text node, never HTML)."""
    text = data["details"]["rows"][0][1] if data["details"]["rows"] else data["label"]
    text = " ".join(text.split())
    text = text if len(text) <= TOOLTIP_MAX else text[:TOOLTIP_MAX] + "\u2026"
    return f"{NODE_STYLES[data['type']][0]}: {text}"


def node_options(data: dict, position: tuple[int, int] | None = None) -> dict:
    """The vis-network fields of one node (besides its id)."""
    _, colour, shape, font_size = NODE_STYLES[data["type"]]
    drawn = sizes(data)
    found = {"label": data["label"] or " ", "shape": shape, "color": colour,
             "font": {"size": font_size}, "size": drawn["degree"], "sizes": drawn,
             "colours": {"type": colour, "community": community_colour(data.get("community"))},
             "title": tooltip(data), "ptype": data["type"], "kind": data.get("kind", ""),
             "articles": data.get("articles", []), "names": data.get("names", []),
             "roles": data.get("roles", []), "confidence": data.get("confidence"),
             "degree": data.get("degree", 0), "betweenness": data.get("betweenness"),
             "community": data.get("community")}
    if position is not None:
        found["x"], found["y"] = position
    return found


def edge_options(relation: str, data: dict) -> dict:
    """The vis-network fields of one edge (besides its ends)."""
    label = data.get("label", "")
    found = {"relation": relation, "label": label,
             "title": f"{relation}: {label}" if label else relation,
             "confidence": data.get("confidence"), **EDGE_STYLES[relation]}
    if "weight" in data:
        found["width"] = min(1 + data["weight"], 8)
    return found


def hidden_node(node: str, data: dict, degree: int) -> dict:
    """A node not drawn at first, as data only: the page styles it (see `page_styles`) when
    it is revealed, as `node_options` would."""
    return {"id": node, "label": data["label"] or " ", "ptype": data["type"],
            "kind": data.get("kind", ""), "articles": data.get("articles", []),
            "names": data.get("names", []), "roles": data.get("roles", []),
            "confidence": data.get("confidence"), "degree": degree}


def hidden_edge(source: str, target: str, relation: str, data: dict) -> dict:
    """An edge not drawn at first, as data only (styled by the page, as `edge_options`)."""
    found = {"from": source, "to": target, "relation": relation,
             "label": data.get("label", ""), "confidence": data.get("confidence")}
    if "weight" in data:
        found["weight"] = data["weight"]
    return found


def page_styles() -> dict:
    """The styles the page needs to draw the nodes and edges it reveals."""
    return {"nodes": {kind: {"label": label, "colour": colour, "shape": shape, "font": font}
                      for kind, (label, colour, shape, font) in NODE_STYLES.items()},
            "edges": EDGE_STYLES, "no_community": NO_COMMUNITY, "tooltip_max": TOOLTIP_MAX}
