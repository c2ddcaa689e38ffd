"""Read a SPARQL 1.1 Protocol request: the query, and the dataset it names, from GET or POST.

Queries come as `GET ?query=`, as `POST` of a urlencoded form, or as `POST` of
`application/sparql-query`; `default-graph-uri` and `named-graph-uri` may go with any of them.
An update (the `update` parameter or `application/sparql-update`) is refused with 403. Bodies
need a Content-Length no larger than MAX_BODY (413 beyond it, 411 without one); a client that
sends `Expect: 100-continue` is told 413 before it sends the body.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import parse_qs

from pressgraph.errors import Errors, RequestError

MAX_BODY = 1024 * 1024
DRAIN = 16 * 1024 * 1024
MAX_FIELDS = 200
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks for.

    Attributes:
        query: the query text; None for a request with no query (the service description).
        default_graphs: the `default-graph-uri` values.
        named_graphs: the `named-graph-uri` values.
    """

    query: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def bad_request(why: str, fix: str, status: int = 400) -> RequestError:
    """A RequestError for a request that breaks the protocol (KG045)."""
    return RequestError(Errors.KG045.format(why=why, fix=fix), status)


def read_body(headers: Mapping[str, str], stream: BinaryIO, limit: int = MAX_BODY) -> bytes:
    """The request body, read only if its Content-Length is given and within `limit`.

    Raises:
        RequestError: 411 without a Content-Length (or chunked), 400 if it is not a number,
            413 (KG043) above the limit.
    """
    if headers.get("Transfer-Encoding"):
        raise bad_request("a chunked request body", "Send the body with a Content-Length.", 411)
    length = headers.get("Content-Length")
    if length is None:
        raise bad_request("a POST without Content-Length", "Send a Content-Length header.", 411)
    if not length.strip().isdigit():
        raise bad_request(f"Content-Length {length[:40]!r}", "Send a byte count.")
    size = int(length)
    if size > limit:
        left = size if size <= DRAIN else 0  # read it, so the client reads the answer
        while left > 0 and (chunk := stream.read(min(65536, left))):
            left -= len(chunk)
        raise RequestError(too_large(size, limit), 413)
    return stream.read(size)


def too_large(size: int, limit: int = MAX_BODY) -> str:
    """The KG043 message for a request body of `size` bytes."""
    return Errors.KG043.format(what="the request body", size=size, limit=limit)


def parse_params(text: str) -> dict[str, list[str]]:
    """The fields of a query string or urlencoded form (400 if it is not valid UTF-8)."""
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS,
                        encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError) as err:
        raise bad_request(f"the parameters cannot be read ({err})",
                          "Percent-encode UTF-8 text, with fewer fields.") from None


def read_request(method: str, url_query: str, content_type: str | None,
                 body: bytes | None) -> SparqlRequest:
    """The query and dataset of a GET or POST to the endpoint.

    Args:
        method: "GET" or "POST".
        url_query: the part of the URL after `?`.
        content_type: the POST's Content-Type header.
        body: the POST's body (from `read_body`).

    Raises:
        RequestError: 403 for an update, 415 for another body type, 400 when malformed.
    """
    params = parse_params(url_query)
    if method == "POST":
        media, charset = _media_type(content_type)
        if media == UPDATE:
            raise RequestError(Errors.KG040.format(what=UPDATE), 403)
        if media == QUERY:
            params["query"] = [_decode(body or b"", charset)]
        elif media == FORM:
            for name, values in parse_params(_decode(body or b"", charset)).items():
                params.setdefault(name, []).extend(values)
        else:
            raise bad_request(f"a POST of {media or 'no Content-Type'}",
                              f"Send {FORM} or {QUERY}.", 415)
    if "update" in params:
        raise RequestError(Errors.KG040.format(what="the update parameter"), 403)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise bad_request("more than one query parameter", "Send one query per request.")
    if queries and not queries[0].strip():
        raise bad_request("an empty query", "Send the SPARQL query text.")
    return SparqlRequest(queries[0] if queries else None,
                         tuple(params.get("default-graph-uri", [])),
                         tuple(params.get("named-graph-uri", [])))


def _media_type(content_type: str | None) -> tuple[str, str]:
    """The media type and charset (default UTF-8) of a Content-Type header."""
    media, *params = (piece.strip() for piece in (content_type or "").split(";"))
    charset = "utf-8"
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or charset
    return media.lower(), charset


def _decode(body: bytes, charset: str) -> str:
    """The body as text (415 for an unknown charset, 400 if the bytes do not decode)."""
    try:
        codecs.lookup(charset)
    except LookupError:
        raise bad_request(f"the charset {charset[:40]!r}", "Send UTF-8.", 415) from None
    try:
        return body.decode(charset)
    except UnicodeDecodeError as err:
        raise bad_request(f"the body is not {charset} ({err.reason})", "Send UTF-8.") from None
