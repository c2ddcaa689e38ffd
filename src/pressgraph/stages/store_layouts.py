"""Where a remote store takes each protocol: its SPARQL 1.1 Protocol query endpoint and its
SPARQL 1.1 Graph Store HTTP Protocol endpoint.

`endpoints` pairs one with the other for the well-known layouts (see docs/scale.md); any other
URL is taken as one that speaks both protocols.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

# (query endpoint path, Graph Store endpoint path): each pattern matches the end of the path.
_LAYOUTS = (
    (r"^/query$", "/store"),                                    # Oxigraph
    (r"^/sparql$", "/sparql-graph-crud"),                       # Virtuoso
    (r"(/repositories/[^/]+)$", r"\1/rdf-graphs/service"),      # GraphDB, RDF4J
    (r"(/[^/]+)/(?:query|sparql)$", r"\1/data"),                # Fuseki
)
_REVERSE = (
    (r"^/store$", "/query"),
    (r"^/sparql-graph-crud(?:-auth)?$", "/sparql"),
    (r"(/repositories/[^/]+)/rdf-graphs/service$", r"\1"),
    (r"(/[^/]+)/data$", r"\1/query"),
)


@dataclass(frozen=True)
class Endpoints:
    """Where to send queries (SPARQL 1.1 Protocol) and graphs (Graph Store Protocol)."""

    query: str
    graph_store: str


def endpoints(store: str, graph_store: str | None = None, auth: bool = False) -> Endpoints:
    """The query and Graph Store endpoints of `store`, either of which it may name.

    Args:
        store: a query endpoint or a Graph Store endpoint of a known layout, or any URL
            serving both protocols.
        graph_store: the Graph Store endpoint, when given (`store` is then the query endpoint).
        auth: credentials will be sent (Virtuoso then takes graphs at /sparql-graph-crud-auth).
    """
    parts = urllib.parse.urlsplit(store)
    if graph_store:
        return Endpoints(store, graph_store)
    for table, gsp_given in ((_REVERSE, True), (_LAYOUTS, False)):
        for pattern, replacement in table:
            path, found = re.subn(pattern, replacement, parts.path.rstrip("/"))
            if found:
                other = urllib.parse.urlunsplit(parts._replace(path=path))
                if gsp_given:
                    return Endpoints(other, store)
                return Endpoints(store, f"{other}-auth" if auth and path.endswith(
                    "/sparql-graph-crud") else other)
    return Endpoints(store, store)
