"""What a query or a name picks out of a network: the nodes a name or IRI stands for, an
entity's neighbourhood, and the network a CONSTRUCT or SELECT result draws."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import Graph

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.view_network import graph_to_network

_NAME_ROWS = {"article": ("Headline", "Source"), "claim": ("Text",)}  # details rows that name


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
    """The network of a SPARQL result, for `pressgraph view --query` and the endpoint's /view.

    Args:
        result: a CONSTRUCT (or DESCRIBE) result graph, drawn with `graph_to_network`; or the
            values (IRIs and literals) found in a SELECT result's rows.
        network: the full network (needed for a SELECT result); the drawn nodes are those
            the values name and the edges among them. An IRI names its node (a membership
            stands for its person and organization, a span for its article); a literal
            names the nodes it is a name of (see `named_nodes`).

    Returns:
        The network to draw (empty when no value names a node).
    """
    if isinstance(result, Graph):
        return graph_to_network(result)
    if network is None:
        raise TypeError("query_to_network needs the full network for a SELECT result")
    via = network.graph.get("via", {})
    keep: set[str] = set()
    names: set[str] = set()
    for value in map(str, result):
        if value in network or value in via:
            keep.update([value] if value in network else via[value])
        else:
            names.add(" ".join(value.split()))
    if names:  # the names of the result's nodes, read from the network's own node data
        named = named_nodes(network)
        keep.update(node for name in names for node in named.get(name, ()))
    return network.subgraph(sorted(n for n in keep if n in network)).copy()


def named_nodes(network: nx.MultiDiGraph) -> dict[str, set[str]]:
    """The nodes each name stands for (whitespace collapsed, case kept).

    A person's or organization's names are its label, schema:name and schema:alternateName;
    an article's its label, headline and dcterms:source; a claim's its schema:text.
    """
    named: dict[str, set[str]] = {}
    for node, data in network.nodes(data=True):
        kind = data.get("type", "")
        texts = [] if kind == "claim" else list(data.get("names", []))
        rows = data.get("details", {}).get("rows", [])
        texts += [value for key, value in rows if key in _NAME_ROWS.get(kind, ())]
        for text in texts:
            named.setdefault(" ".join(str(text).split()), set()).add(node)
    return named


def result_graph(result) -> Graph:
    """An rdflib graph of a CONSTRUCT or DESCRIBE result (a QueryResult's N-Triples)."""
    return Graph().parse(data=result.data.decode("utf-8"), format="nt")


def result_values(result) -> set[str]:
    """Every cell of a SELECT result: the IRIs and names `query_to_network` draws from."""
    return {value for row in result.rows() for value in row if value}
