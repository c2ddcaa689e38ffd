"""Results cut at the row limit, and SPARQL results JSON written row by row.

pyoxigraph serializes a whole answer or nothing, so a SELECT answer that may hold more rows
than the limit is read row by row up to the limit and written here in the W3C JSON format
(the other formats are made from it, see negotiate.py).
"""

from __future__ import annotations

import json
from itertools import islice

import pyoxigraph as ox

from pressgraph.stages.results import QueryResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def limited(found: object, max_rows: int | None) -> tuple[QueryResult, bool]:
    """Materialise a pyoxigraph answer, keeping at most `max_rows` rows or triples."""
    if isinstance(found, ox.QueryBoolean):
        return QueryResult.of(found), False
    items = list(found if max_rows is None else islice(found, max_rows + 1))
    truncated = max_rows is not None and len(items) > max_rows
    items = items[:max_rows] if truncated else items
    if isinstance(found, ox.QueryTriples):
        return QueryResult.from_triples(items), truncated
    names = [v.value for v in found.variables]
    return QueryResult("select", solutions_json(names, items)), truncated


def solutions_json(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    """W3C SPARQL 1.1 results JSON for these rows."""
    bindings = [{n: term_json(row[n]) for n in names if row[n] is not None} for row in rows]
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def term_json(term: object) -> dict[str, object]:
    """One RDF term in the SPARQL results JSON format (SPARQL 1.2 triple terms included)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                "predicate": term_json(term.predicate), "object": term_json(term.object)}}
    out: dict[str, object] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
        if getattr(term, "direction", None) is not None:
            out["its:dir"] = str(term.direction.value)
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out
