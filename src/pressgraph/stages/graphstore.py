"""A small client for a remote RDF store: SPARQL 1.1 Protocol to list its named graphs, and the
SPARQL 1.1 Graph Store HTTP Protocol to replace (PUT) or drop (DELETE) one graph at a time.

`endpoints` pairs a store's query endpoint with its Graph Store endpoint for the well-known
layouts (see docs/scale.md); any other URL is taken as one that speaks both protocols.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import MAX_MESSAGE, TIMEOUT, one_line

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
LIST_GRAPHS = """SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g"""


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


class GraphStore:
    """One remote store, reached with optional basic/digest credentials or a bearer token.

    Args:
        ends: the store's endpoints.
        user: a user name, for HTTP basic or digest auth (answering the server's challenge).
        password: that user's password.
        token: a bearer token, sent as `Authorization: Bearer` (used instead of `user`).
        timeout: seconds to wait for each answer.
    """

    def __init__(self, ends: Endpoints, user: str | None = None, password: str | None = None,
                 token: str | None = None, timeout: float = TIMEOUT) -> None:
        self.ends, self.timeout, self.headers = ends, timeout, {}
        handlers: list[urllib.request.BaseHandler] = []
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        elif user:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (ends.query, ends.graph_store):
                manager.add_password(None, url, user, password or "")
            handlers = [urllib.request.HTTPDigestAuthHandler(manager),
                        urllib.request.HTTPBasicAuthHandler(manager)]
        self.opener = urllib.request.build_opener(*handlers)

    def list_graphs(self, prefix: str) -> dict[str, int]:
        """The store's named graphs whose IRI starts with `prefix`, with their triple counts."""
        query = LIST_GRAPHS.format(prefix=prefix.replace("\\", "\\\\").replace('"', '\\"'))
        form = urllib.parse.urlencode({"query": query}).encode("ascii")
        body = self._send("POST", self.ends.query, form, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"}, "graph listing query")
        try:
            rows = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
            return {row["g"].value: int(row["n"].value) for row in rows}
        except (SyntaxError, ValueError, TypeError, KeyError, AttributeError) as err:
            why = f"its answer is not SPARQL results JSON ({one_line(err)})"
            raise PressgraphError(Errors.KG054.format(url=self.ends.query, why=why)) from None

    def put(self, graph: str, ntriples: bytes) -> None:
        """Replace the named graph `graph` with these triples (N-Triples, sent as Turtle)."""
        self._send("PUT", self._graph_url(graph), ntriples,
                   {"Content-Type": "text/turtle; charset=utf-8"}, f"PUT of <{graph}>",
                   where=self.ends.graph_store)

    def delete(self, graph: str) -> None:
        """Drop the named graph `graph`; one that is already gone is fine."""
        self._send("DELETE", self._graph_url(graph), None, {}, f"DELETE of <{graph}>",
                   where=self.ends.graph_store, missing_ok=True)

    def _graph_url(self, graph: str) -> str:
        """The Graph Store Protocol URL of one named graph (`?graph=IRI`)."""
        joiner = "&" if urllib.parse.urlsplit(self.ends.graph_store).query else "?"
        return f"{self.ends.graph_store}{joiner}graph={urllib.parse.quote(graph, safe='')}"

    def _send(self, method: str, url: str, data: bytes | None, headers: dict[str, str],
              what: str, where: str | None = None, missing_ok: bool = False) -> bytes:
        """Send one request and return the body; every failure becomes one catalogue line
        naming `where` (default: `url`)."""
        where = where or url
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={**self.headers, **headers})
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if missing_ok and err.code == 404:
                return b""
            raise _http_error(err, where, what) from None
        except (OSError, http.client.HTTPException, ValueError) as err:
            why = one_line(getattr(err, "reason", err))
            raise PressgraphError(Errors.KG050.format(url=where, why=why)) from None


def _http_error(err: urllib.error.HTTPError, url: str, what: str) -> PressgraphError:
    """The catalogue error for an HTTP error status, picked by what the fix is."""
    text = err.read(MAX_MESSAGE).decode("utf-8", "replace") if err.fp else ""
    status = one_line(f"HTTP {err.code} {err.reason}" + (f": {text}" if text.strip() else ""))
    if err.code in (401, 403):
        return PressgraphError(Errors.KG051.format(url=url, what=what, status=status))
    if err.code >= 500:
        return PressgraphError(Errors.KG053.format(url=url, what=what, status=status))
    return PressgraphError(Errors.KG052.format(url=url, what=what, status=status))
