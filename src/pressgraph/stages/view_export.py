"""Export a view network for other tools: GraphML and GEXF (Gephi), Cytoscape JSON.

Only flat attributes are exported (GraphML and GEXF cannot hold lists): a node's type, label,
claim kind, names and role codes (joined with "; "), confidence and analytics; an edge's
relation, label, weight and confidence. Same network, same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.view_analytics import add_analytics
from pressgraph.writing import write_atomic

FORMATS = (".graphml", ".gexf", ".json")
NODE_FIELDS = ("type", "label", "kind", "degree", "betweenness", "community", "confidence")
GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def _flat(value: object) -> object:
    """A value GraphML and GEXF can hold: lists joined, None left out by the caller."""
    return "; ".join(map(str, value)) if isinstance(value, list | tuple) else value


def flat_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only flat attributes, nodes and edges in sorted order.

    Args:
        network: a view network (analytics optional).

    Returns:
        A MultiDiGraph whose node attributes are `NODE_FIELDS` plus `names` and `roles`, and
        whose edges carry `relation`, `label`, `weight` and `confidence` where known.
    """
    out = nx.MultiDiGraph()
    for node in sorted(network):
        data = network.nodes[node]
        fields = {key: data.get(key) for key in (*NODE_FIELDS, "names", "roles")}
        out.add_node(node, **{k: _flat(v) for k, v in fields.items() if v not in (None, "")})
    for u, v, key in sorted(network.edges(keys=True)):
        data = network.edges[u, v, key]
        fields = {"relation": key, "label": data.get("label"), "weight": data.get("weight", 1),
                  "confidence": data.get("confidence")}
        out.add_edge(u, v, key=key, **{k: x for k, x in fields.items() if x not in (None, "")})
    return out


def _cytoscape(network: nx.MultiDiGraph) -> str:
    """Cytoscape.js JSON (`elements` with `nodes` and `edges`), keys sorted."""
    data = nx.cytoscape_data(network, name="label", ident="id")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def export_text(network: nx.MultiDiGraph, suffix: str) -> str:
    """The text of a network in the format named by a file suffix.

    Raises:
        ValueError: for a suffix that is not one of `FORMATS`.
    """
    flat = flat_network(network)
    if suffix == ".graphml":
        return "\n".join(nx.generate_graphml(flat)) + "\n"
    if suffix == ".gexf":
        return GEXF_DATE.sub("", "\n".join(nx.generate_gexf(flat))) + "\n"
    if suffix == ".json":
        return _cytoscape(flat)
    raise ValueError(suffix)


def check_export(path: Path) -> Path:
    """The path, if its suffix names an export format.

    Raises:
        PressgraphError: KG081 for a suffix other than .graphml, .gexf or .json.
    """
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise PressgraphError(Errors.KG081.format(path=path, suffix=path.suffix or path.name))
    return path


def export_network(network: nx.MultiDiGraph, path: Path) -> Path:
    """Write a network and its analytics as GraphML, GEXF or Cytoscape JSON, by file suffix.

    Args:
        network: the network to export (not changed; its analytics are computed on a copy).
        path: a .graphml, .gexf or .json file, written through a temp file renamed into place.

    Returns:
        `path`.

    Raises:
        PressgraphError: KG081 for another suffix, KG013 when the file cannot be written.
    """
    path = check_export(path)
    return write_atomic(path, export_text(add_analytics(network.copy()), path.suffix.lower()))
