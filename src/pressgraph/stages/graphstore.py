"""A small client for a remote RDF store: SPARQL 1.1 Protocol to list its named graphs, and the
SPARQL 1.1 Graph Store HTTP Protocol to replace (PUT) or drop (DELETE) one graph at a time.

Where a store takes each protocol is stages/store_layouts.py's `endpoints`.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any, TypeVar

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import MAX_MESSAGE, TIMEOUT, one_line
from pressgraph.stages.store_layouts import Endpoints

T = TypeVar("T")
LIST_GRAPHS = """SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g"""


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
        return self._query(query, "graph listing query",
                           lambda rows: {row["g"].value: int(row["n"].value) for row in rows})

    def default_graph_has_triples(self) -> bool:
        """True if a query with no GRAPH clause finds triples: the store's default graph is
        the union of its named graphs, as the catalogue queries need (see docs/scale.md)."""
        return self._query("ASK { ?s ?p ?o }", "default graph query", bool)

    def _query(self, query: str, what: str, read: Callable[[Any], T]) -> T:
        """Send a query to the query endpoint and `read` its SPARQL JSON results (KG054 when
        the answer is not such results)."""
        form = urllib.parse.urlencode({"query": query}).encode("ascii")
        body = self._send("POST", self.ends.query, form, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"}, what)
        try:
            return read(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))
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
