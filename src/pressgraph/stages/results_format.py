"""Print query results in the formats the CLI and the endpoint offer.

`format_result` prints them: `table` (aligned plain text, IRIs shortened with the model's
prefixes), `csv`, `tsv` and `json` (the W3C SPARQL 1.1 results formats). CONSTRUCT and
DESCRIBE results print as Turtle for `table` and `ttl`, JSON-LD (expanded, no @context) for
`json`, N-Triples for `nt`, and a subject/predicate/object table for `csv` and `tsv`. ASK
prints `true` or `false` (W3C JSON for `json`). Every output ends with a newline.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import DEFAULT_BASE, PREFIXES
from pressgraph.stages.results import QueryResult, plain_value

FORMATS = ("table", "csv", "tsv", "json", "ttl", "nt")
_TABULAR = ("csv", "tsv")
_GRAPH = {"ttl": ox.RdfFormat.TURTLE, "table": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
          "json": ox.RdfFormat.JSON_LD}


def default_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The model's prefixes, plus `id:` for the graph's base IRI."""
    return {"id": base, **{name: str(ns) for name, ns in PREFIXES.items()}}


def format_result(result: QueryResult, fmt: str, prefixes: Mapping[str, str] | None = None) -> str:
    """Print a result in one of FORMATS (see the module docstring for what each prints).

    Args:
        result: the answer of `run_query`.
        fmt: table, csv, tsv, json, ttl (graph results) or nt (graph results).
        prefixes: prefix -> namespace for shortening IRIs; default the model's (`default_prefixes`).

    Returns:
        The text, ending with a newline.
    """
    prefixes = dict(prefixes) if prefixes is not None else default_prefixes()
    if result.form == "graph":
        if fmt in _TABULAR:
            return format_result(_triples_as_rows(result), fmt, prefixes)
        if fmt in _GRAPH:
            return _ending(_rdf(result, fmt, prefixes))
    elif fmt == "json":
        return _ending(result.data.decode("utf-8"))
    elif result.form == "ask" and fmt in ("table", "csv", "tsv"):
        return "true\n" if result.boolean else "false\n"
    elif fmt in _TABULAR:
        return _csv(result) if fmt == "csv" else _tsv(result)
    elif fmt == "table":
        return _table(result, prefixes)
    allowed = "table, csv, tsv, json" + (", ttl, nt" if result.form == "graph" else "")
    raise PressgraphError(Errors.KG018.format(fmt=fmt, form=result.form.upper(), allowed=allowed))


def _triples_as_rows(result: QueryResult) -> QueryResult:
    """A graph result as a select result with ?subject ?predicate ?object."""
    store = ox.Store()
    store.extend(ox.Quad(*t) for t in result.triples())
    return QueryResult.of(store.query(
        "SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object } "
        "ORDER BY ?subject ?predicate ?object"))


def _rdf(result: QueryResult, fmt: str, prefixes: Mapping[str, str]) -> str:
    """Turtle with the used prefixes (sorted, for stable bytes), N-Triples or JSON-LD."""
    triples = result.triples()
    if _GRAPH[fmt] != ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=_GRAPH[fmt]).decode("utf-8")
    iris = {t.value for triple in triples for t in triple if isinstance(t, ox.NamedNode)}
    iris |= {t.datatype.value for triple in triples for t in triple if isinstance(t, ox.Literal)}
    used = {name: ns for name, ns in prefixes.items()
            if any(iri.startswith(ns) and _is_local_name(iri[len(ns):]) for iri in iris)}
    lines = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used).decode("utf-8")
    head = [line for line in lines.splitlines() if line.startswith("@prefix ")]
    body = lines.splitlines()[len(head):]
    return "\n".join([*sorted(head), *body])


def _is_local_name(rest: str) -> bool:
    """True if `rest` can follow a prefix in Turtle without escapes."""
    return re.fullmatch(r"[A-Za-z_][\w\-.]*", rest) is not None and not rest.endswith(".")


def _csv(result: QueryResult) -> str:
    """W3C SPARQL CSV: plain values, RFC 4180 quoting (IRIs may hold commas), CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows(["" if value is None else value for value in row] for row in result.rows())
    return out.getvalue()


def _tsv(result: QueryResult) -> str:
    """W3C SPARQL TSV: terms in N-Triples syntax (datatypes kept, tabs and newlines escaped)."""
    names = result.variables
    rows = ("\t".join("" if row[n] is None else str(row[n]) for n in names)
            for row in result.solutions())
    return "\n".join(["\t".join(f"?{n}" for n in names), *rows]) + "\n"


def _table(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    """Aligned plain-text columns, a dashed rule under the header and a row count."""
    header = result.variables
    cells = [[_display(row[n], prefixes) for n in header] for row in result.solutions()]
    widths = [max([len(name), *(len(r[i]) for r in cells)]) for i, name in enumerate(header)]
    lines = [header, ["-" * w for w in widths], *cells]
    text = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)
    count = f"({len(cells)} row{'' if len(cells) == 1 else 's'})"
    return f"{text}\n{count}\n" if header else f"{count}\n"


def _display(term: object, prefixes: Mapping[str, str]) -> str:
    """One table cell: literals as plain text on one line, IRIs as prefix:name."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value, prefixes)
    text = plain_value(term) or ""
    return " ".join(text.replace("\t", " ").splitlines()) if isinstance(term, ox.Literal) else text


def shorten(iri: str, prefixes: Mapping[str, str]) -> str:
    """`prefix:rest` for the longest namespace the IRI starts with, else the IRI."""
    matches = [(len(ns), name) for name, ns in prefixes.items() if iri.startswith(ns) and iri != ns]
    if not matches:
        return iri
    size, name = max(matches)
    return f"{name}:{iri[size:]}"


def _ending(text: str) -> str:
    """The text with exactly one trailing newline."""
    return text.rstrip("\n") + "\n"
