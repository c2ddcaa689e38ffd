"""Refuse what a read-only, offline endpoint must not run: updates, SERVICE, LOAD.

pyoxigraph 0.5 has no parse-only call, and it sends a SERVICE clause's request while the query
is prepared (measured: before the first row is read), so the text is checked before pyoxigraph
sees it, twice:

1. a SPARQL lexer sets comments, strings, IRIs and variables apart and reads the bare words:
   a word, a prefix or a piece after a dot starting with SERVICE or LOAD is refused
   (pyoxigraph reads `SERVICESILENT<...>` and `SERVICE:x` as SERVICE clauses), and so is an
   update keyword. It reads the text as given and with `\\u` escapes decoded (the spec decodes
   them before parsing; pyoxigraph does not), so neither reading hides a keyword;
2. rdflib's SPARQL parser, which only parses, must not find a ServiceGraphPattern either
   (it is slow on huge queries, seconds for thousands of FILTER terms, but it runs in the
   worker, under the query's timeout).

Updates never run anyway (the worker only calls `Store.query`); the check gives them their 403.
FROM, FROM NAMED and GRAPH IRIs only pick graphs of the store: pyoxigraph fetches nothing
for them (measured). A query with FROM or FROM NAMED gets the dataset it names; others query
the union of the store's graphs (`declares_dataset`). The lexer is in `sparql_lexer`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pressgraph.errors import Errors, RequestError
from pressgraph.service.sparql_lexer import bare_words, decode_escapes, nesting_depth, word_pieces
from pressgraph.stages.remote import one_line

MAX_DEPTH = 256  # pyoxigraph's recursive parser overflows the stack (a crash) at ~3,000
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE",
                          "ADD", "WITH"})


def check_depth(text: str) -> None:
    """Refuse a query nested deeper than MAX_DEPTH before a parser sees it.

    Raises:
        RequestError: 400 with KG009; the query would crash the parser, not fail in it.
    """
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        why = f"brackets nest {depth:,} deep, deeper than the {MAX_DEPTH} levels a query may nest"
        raise RequestError(Errors.KG009.format(why=why), 400)


def check_query(text: str) -> None:
    """Refuse a query nested too deep, an update, or a query that would fetch a URL or a file.

    Args:
        text: the query as received.

    Raises:
        RequestError: 400 with KG009 when nested too deep; 403 with KG040 for an update,
            KG041 for SERVICE.
    """
    check_depth(text)
    words = [*bare_words(text), *bare_words(decode_escapes(text))]
    pieces = {piece for word in words for piece in word_pieces(word)}
    if any(p.startswith("SERVICE") for p in pieces) or _service_in_parse_tree(text):
        raise RequestError(Errors.KG041.format(what="SERVICE"), 403)
    updates = sorted({w for w in words if w in UPDATE_WORDS}
                     | {p for p in pieces if p.startswith("LOAD")})
    if updates:
        raise RequestError(Errors.KG040.format(what=", ".join(updates)), 403)


def refuse_syntax_error(text: str, err: SyntaxError) -> RequestError:
    """The answer to a text pyoxigraph cannot parse as a query: 403 if it is an update, else 400."""
    if _parses_as_update(text):
        return RequestError(Errors.KG040.format(what="SPARQL Update"), 403)
    return RequestError(Errors.KG009.format(why=one_line(err)), 400)


def _service_in_parse_tree(text: str) -> bool:
    """True if rdflib's parser finds a SERVICE pattern (False if it cannot parse the text)."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # noqa: BLE001 - a second opinion: the lexer has decided already
        return False
    return "ServiceGraphPattern" in set(_names(tree))


def _names(node: object, depth: int = 0) -> Iterator[str]:
    """The names of the rdflib parse tree's nodes (CompValue), depth first."""
    from rdflib.plugins.sparql.parser import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 200:
        yield "ServiceGraphPattern"  # too deep to read through: refuse rather than guess
        return
    if isinstance(node, CompValue):
        yield node.name
        children: object = list(node.values())
    elif isinstance(node, ParseResults | list | tuple):
        children = node
    else:
        return
    for child in children:
        yield from _names(child, depth + 1)


def _parses_as_update(text: str) -> bool:
    """True if the text is a SPARQL Update with an operation (by rdflib's parser, or by an
    update keyword). Empty text, or a prologue alone, is a valid empty Update in the grammar,
    but as a query it is just malformed (400), not an update to refuse (403)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    if any(word in UPDATE_WORDS for word in bare_words(text)):
        return True
    try:
        parsed = parseUpdate(text)
    except Exception:  # noqa: BLE001 - any failure means: not an update rdflib can read
        return False
    return "request" in parsed and bool(parsed["request"])  # CompValue.get gives the key
