"""The view stage: draw the graph, a query result or one entity's neighbourhood as HTML.

`graph_to_network` (view_network) turns RDF into a networkx graph of articles, people,
organizations and claims, and `store_network` (view_store) reads the same network straight
from a pyoxigraph store or an endpoint, with no rdflib copy; `project_network`
(view_analytics) picks a kind of network; `render_html` (view_html) draws it as one offline
page; `export_network` (view_export) writes it for Gephi or Cytoscape; `query_to_network`
and `focus_network` (view_query) pick out what a query result or a name stands for.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from pressgraph.stages.view_analytics import KINDS, check_kind, project_network
from pressgraph.stages.view_export import check_export, export_network
from pressgraph.stages.view_html import MAX_NODES, render_html
from pressgraph.stages.view_network import graph_to_network
from pressgraph.stages.view_query import (
    find_nodes,
    focus_network,
    named_nodes,
    query_to_network,
    result_graph,
    result_values,
)
from pressgraph.stages.view_store import store_network
from pressgraph.writing import write_atomic

__all__ = ["KINDS", "MAX_NODES", "check_export", "check_kind", "cyclic_gc_paused", "export_network",
           "find_nodes", "focus_network", "graph_to_network", "named_nodes", "project_network",
           "query_to_network", "render_html", "result_graph", "result_values", "store_network",
           "view_network", "write_network", "write_store_view", "write_view"]


def write_network(network: nx.MultiDiGraph, out_path: Path, title: str,
                  max_nodes: int = MAX_NODES) -> Path:
    """Render a network and write the page through a temp file renamed into place.

    Raises:
        PressgraphError: KG013 when the file cannot be written.
    """
    return write_atomic(Path(out_path), render_html(network, title, max_nodes))


def view_network(dataset: Graph, kind: str = "full", focus: str | None = None,
                 depth: int = 1) -> nx.MultiDiGraph:
    """The network of one kind (see `project_network`), or the ego network of `focus` in it.

    Raises:
        PressgraphError: KG080 for an unknown kind, KG015 for an unknown `focus`.
    """
    network = project_network(graph_to_network(dataset), kind)
    return focus_network(network, focus, depth) if focus is not None else network


def write_view(dataset: Graph, out_path: Path, title: str, focus: str | None = None,
               depth: int = 1, kind: str = "full", max_nodes: int = MAX_NODES,
               export: Path | None = None) -> Path:
    """Draw the graph (or the ego network of `focus`) as one offline HTML page.

    Args:
        dataset: the built graph (a Dataset is read as the union of its named graphs).
        out_path: where to write the page.
        title: the page title.
        focus: an entity's name or IRI; only its neighbourhood is drawn.
        depth: the hops kept around `focus`.
        kind: full, comention, people-orgs or claims (see `project_network`).
        max_nodes: above this many nodes the page starts aggregated.
        export: also write the network (with its analytics) as .graphml, .gexf or .json.

    Returns:
        `out_path`.

    Raises:
        PressgraphError: KG015 for an unknown `focus`, KG080 for an unknown kind, KG081 for
            an export file of another type, KG013 when a file cannot be written.
    """
    if export is not None:
        check_export(export)
    check_kind(kind)
    with cyclic_gc_paused():
        return _draw(graph_to_network(dataset), out_path, title, focus, depth, kind, max_nodes,
                     export)


def write_store_view(store: ox.Store | str | Path, out_path: Path, title: str,
                     focus: str | None = None, depth: int = 1, kind: str = "full",
                     max_nodes: int = MAX_NODES, export: Path | None = None) -> Path:
    """`write_view` of everything in a store, read with `store_network` (no rdflib copy).

    Args:
        store: an open pyoxigraph store, a store folder, or a SPARQL endpoint URL.

    Raises:
        PressgraphError: as `write_view`; KG011 when there is no store, KG017/KG020 when an
            endpoint fails.
    """
    if export is not None:
        check_export(export)
    check_kind(kind)
    with cyclic_gc_paused():
        network = store_network(store, spans=focus is not None)
        return _draw(network, out_path, title, focus, depth, kind, max_nodes, export)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a while (reference counting goes on).

    Drawing a big graph makes millions of small objects and no reference cycles; the
    collector's passes over them took a fifth of the time of the full BBC build's view.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _draw(network: nx.MultiDiGraph, out_path: Path, title: str, focus: str | None,
          depth: int, kind: str, max_nodes: int, export: Path | None) -> Path:
    """Project the network, keep the neighbourhood of `focus`, export it, write the page."""
    network = project_network(network, kind)
    if focus is not None:
        network = focus_network(network, focus, depth)
    if export is not None:
        export_network(network, export)
    return write_network(network, out_path, title, max_nodes)
