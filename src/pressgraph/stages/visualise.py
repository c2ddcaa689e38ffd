"""The view stage: draw the graph, a query result or one entity's neighbourhood as HTML.

`graph_to_network` (view_network) turns RDF into a networkx graph of articles, people,
organizations and claims; `render_html` (view_html) draws it as one offline page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Graph

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.view_html import render_html
from pressgraph.stages.view_network import graph_to_network

__all__ = ["find_nodes", "focus_network", "graph_to_network", "query_to_network",
           "render_html", "write_network", "write_view"]


def find_nodes(network: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes an IRI or a name (any of its names or aliases, case-insensitive) stands for."""
    if name in network:
        return [name]
    if name in network.graph.get("via", {}):
        return [n for n in network.graph["via"][name] if n in network]
    wanted = " ".join(name.split()).casefold()
    return sorted(node for node, data in network.nodes(data=True)
                  if wanted in {" ".join(n.split()).casefold()
                                for n in [data["label"], *data.get("names", [])]})


def focus_network(network: nx.MultiDiGraph, focus: str, depth: int = 1) -> nx.MultiDiGraph:
    """The ego network of an entity: the nodes within `depth` hops, edges in any direction.

    Args:
        network: the full network.
        focus: an entity's IRI or one of its names.
        depth: how many hops to keep around it.

    Raises:
        PressgraphError: KG015 when no node has that IRI or name.
    """
    centres = find_nodes(network, focus)
    if not centres:
        raise PressgraphError(Errors.KG015.format(name=focus))
    undirected = network.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.ego_graph(undirected, centre, radius=max(depth, 0)))
    return network.subgraph(sorted(keep)).copy()


def query_to_network(result: Graph | Iterable[object],
                     network: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The network of a SPARQL result, for `pressgraph view --query`.

    Args:
        result: a CONSTRUCT (or DESCRIBE) result graph, drawn with `graph_to_network`; or the
            IRIs found in a SELECT result's rows.
        network: the full network (needed for a SELECT result); the drawn nodes are the
            IRIs' nodes (a membership stands for its person and organization, a span for
            its article) and the edges among them.

    Returns:
        The network to draw (empty when no IRI names a node).
    """
    if isinstance(result, Graph):
        return graph_to_network(result)
    if network is None:
        raise TypeError("query_to_network needs the full network for a SELECT result")
    via = network.graph.get("via", {})
    keep: set[str] = set()
    for iri in map(str, result):
        keep.update([iri] if iri in network else via.get(iri, []))
    return network.subgraph(sorted(n for n in keep if n in network)).copy()


def write_network(network: nx.MultiDiGraph, out_path: Path, title: str) -> Path:
    """Render a network and write the page through a temp file renamed into place.

    Raises:
        PressgraphError: KG013 when the file cannot be written.
    """
    out_path = Path(out_path)
    html = render_html(network, title)
    tmp = out_path.with_name(f"{out_path.name}.tmp")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(html, encoding="utf-8", newline="\n")
        tmp.replace(out_path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise PressgraphError(Errors.KG013.format(path=out_path, why=err.strerror or err)) from err
    return out_path


def write_view(dataset: Graph, out_path: Path, title: str, focus: str | None = None,
               depth: int = 1) -> Path:
    """Draw the graph (or the ego network of `focus`) as one offline HTML page.

    Args:
        dataset: the built graph (a Dataset is read as the union of its named graphs).
        out_path: where to write the page.
        title: the page title.
        focus: an entity's name or IRI; only its neighbourhood is drawn.
        depth: the hops kept around `focus`.

    Returns:
        `out_path`.

    Raises:
        PressgraphError: KG015 for an unknown `focus`, KG013 when the page cannot be written.
    """
    network = graph_to_network(dataset)
    if focus is not None:
        network = focus_network(network, focus, depth)
    return write_network(network, out_path, title)
