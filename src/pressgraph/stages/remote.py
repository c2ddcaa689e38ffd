"""Queries against a remote SPARQL 1.1 endpoint (the protocol's URL-encoded POST, which every
store answers; Virtuoso 7 ignores a direct POST of application/sparql-query).

The query is parsed locally first, so a syntax error reads the same as for the embedded store
(KG009) and the query form picks the Accept header: SPARQL results JSON for SELECT and ASK,
Turtle (or N-Triples) for CONSTRUCT and DESCRIBE.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.results import QueryResult

TIMEOUT = 60.0
MAX_MESSAGE = 240
_ACCEPT = {
    "graph": "text/turtle, application/n-triples;q=0.9",
    "select": "application/sparql-results+json",
    "ask": "application/sparql-results+json",
}


def is_url(store: str) -> bool:
    """True if `store` names an http(s) SPARQL endpoint rather than a directory."""
    return re.match(r"https?://", store, re.IGNORECASE) is not None


def one_line(err: BaseException | str) -> str:
    """An error's message on one line, cut to MAX_MESSAGE characters."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


def query_form(query_text: str) -> str:
    """Return "select", "ask" or "graph" from the parsed query (KG009 if it does not parse).

    The query is only parsed (by rdflib), never run here: running it, even on an empty store,
    would make this machine call any SERVICE endpoint the query names.
    """
    try:
        name = parseQuery(query_text)[1].name
    except (ParseException, ValueError, TypeError, IndexError) as err:
        raise PressgraphError(Errors.KG009.format(why=one_line(err))) from None
    return {"AskQuery": "ask", "SelectQuery": "select"}.get(name, "graph")


def run_remote(url: str, query_text: str, timeout: float = TIMEOUT) -> QueryResult:
    """Send a query to a SPARQL endpoint and materialise its answer.

    Raises:
        PressgraphError: KG009 on a syntax error, KG017 if the endpoint cannot be reached,
            KG020 if it answers with an HTTP error or a body that cannot be parsed.
    """
    form = query_form(query_text)
    body = urllib.parse.urlencode({"query": query_text}).encode("ascii")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT[form]})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body, media_type = response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        why = f"HTTP {err.code} {err.reason}: {err.read(MAX_MESSAGE).decode('utf-8', 'replace')}"
        raise PressgraphError(Errors.KG020.format(url=url, why=one_line(why))) from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise PressgraphError(Errors.KG017.format(url=url, why=one_line(reason))) from None
    return _parse(url, form, body, media_type)


def _parse(url: str, form: str, body: bytes, media_type: str) -> QueryResult:
    """The endpoint's answer as a QueryResult (KG020 if it cannot be parsed)."""
    try:
        if form == "graph":
            fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
            quads = ox.parse(body, fmt, without_named_graphs=True)
            return QueryResult.from_triples(q.triple for q in quads)
        fmt = ox.QueryResultsFormat.from_media_type(media_type) or ox.QueryResultsFormat.JSON
        return QueryResult.of(ox.parse_query_results(body, fmt))
    except (SyntaxError, ValueError) as err:
        why = f"with a {media_type} body that cannot be read ({one_line(err)})"
        raise PressgraphError(Errors.KG020.format(url=url, why=why)) from None
