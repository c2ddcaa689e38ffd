"""Content negotiation: the Accept header picks the media type a result is written in.

SELECT and ASK: SPARQL results JSON (the default), XML, CSV and TSV. CONSTRUCT and DESCRIBE
(and the service description): Turtle (the default), TriG, N-Triples, JSON-LD and RDF/XML
(which rdflib's SPARQLStore asks for). The plain `application/json`, `application/xml` and
`text/xml` are read as the SPARQL results formats.
"""

from __future__ import annotations

import pyoxigraph as ox

from pressgraph.errors import Errors, RequestError
from pressgraph.stages.results import QueryResult
from pressgraph.stages.results_format import format_result

_RESULTS = ox.QueryResultsFormat
TABLE_TYPES = {  # media type -> format; the first is the default
    "application/sparql-results+json": _RESULTS.JSON,
    "application/sparql-results+xml": _RESULTS.XML,
    "text/csv": _RESULTS.CSV,
    "text/tab-separated-values": _RESULTS.TSV,
    "application/json": _RESULTS.JSON,
    "application/xml": _RESULTS.XML,
    "text/xml": _RESULTS.XML,
}
GRAPH_TYPES = {  # media type -> format_result's name; the first is the default
    "text/turtle": "ttl",
    "application/trig": "ttl",  # Turtle is TriG with every triple in the default graph
    "application/n-triples": "nt",
    "application/ld+json": "json",
    "application/rdf+xml": "xml",  # what rdflib's SPARQLStore asks for
}
MAX_ACCEPT = 2048


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values (malformed ones left out)."""
    ranges = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def choose(header: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers (by q, then the server's order), or None if none fits.

    Args:
        header: the Accept header (None or empty: anything goes).
        offers: the media types the server can write, preferred first.
    """
    if not header or not header.strip():
        return offers[0]
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q the most specific matching range gives an offer (0 when none matches)."""
    kind = offer.split("/")[0]
    for pattern in (offer, f"{kind}/*", "*/*"):
        matches = [q for media, q in ranges if media == pattern]
        if matches:
            return max(matches)
    return 0.0


def check_accept(accept: str | None) -> None:
    """Refuse an Accept header longer than MAX_ACCEPT (400, KG043)."""
    if accept and len(accept) > MAX_ACCEPT:
        raise RequestError(Errors.KG043.format(what="the Accept header", size=len(accept),
                                               limit=MAX_ACCEPT), 400)


def media_type_for(form: str, accept: str | None) -> str:
    """The media type to answer a result of this form with.

    Args:
        form: "select", "ask" or "graph".
        accept: the request's Accept header.

    Raises:
        RequestError: 400 (KG043) for an oversized header, 406 (KG044) when nothing fits.
    """
    check_accept(accept)
    offers = list(GRAPH_TYPES if form == "graph" else TABLE_TYPES)
    chosen = choose(accept, offers)
    if chosen is None:
        name = "CONSTRUCT/DESCRIBE" if form == "graph" else "SELECT/ASK"
        raise RequestError(Errors.KG044.format(form=name, accept=" ".join(accept.split())[:200],
                                               allowed=", ".join(offers)), 406)
    return chosen


def render(result: QueryResult, media_type: str) -> bytes:
    """The result written in the media type `media_type_for` chose."""
    if result.form == "graph":
        fmt = GRAPH_TYPES[media_type]
        if fmt == "xml":
            return ox.serialize(result.triples(), format=ox.RdfFormat.RDF_XML)
        return result.data if fmt == "nt" else format_result(result, fmt).encode("utf-8")
    fmt = TABLE_TYPES[media_type]
    if fmt == _RESULTS.JSON:
        return result.data
    return ox.parse_query_results(result.data, _RESULTS.JSON).serialize(format=fmt)


def content_type(media_type: str) -> str:
    """The Content-Type header value: the media type, with the charset for text formats."""
    return f"{media_type}; charset=utf-8"
