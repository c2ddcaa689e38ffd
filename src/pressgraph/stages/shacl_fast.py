"""The build's SHACL validation: the shapes compiled to SPARQL and run on the pyoxigraph store.

pySHACL (`stages/validate.py`) stays the reference, for `pressgraph validate` and the shape
tests; it needs the whole graph in rdflib and took half of a 450-article build. This module
gives the same report from a handful of queries over the union of the store's graphs, whatever
its size: `shacl_compile` turns each constraint into one query over all its focus nodes, and the
rows become the same `Violation` records (shape id, severity, message, N3 forms) as pySHACL's.

The store keeps values, not lexical forms: pySHACL on the store's data (not on the TriG text)
is the reference. A build writes integer offsets as xsd:nonNegativeInteger; the store reads
them back as xsd:integer, so a value shown in a result is the store's form.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES
from pressgraph.resources import project_file
from pressgraph.stages.shacl_compile import Check, compile_checks
from pressgraph.stages.shacl_sparql import sparql_messages
from pressgraph.stages.store_terms import to_rdflib
from pressgraph.stages.validate import SHAPES_FILE, shape_id
from pressgraph.stages.validate_input import parse_rdf, union_graph
from pressgraph.stages.validate_report import ValidationReport, Violation, make_report

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SPECIAL = ("this", "path", "value")
SPEC = "https://www.w3.org/TR/shacl/#sparql-constraints"
QUERY_THREADS = 2  # pyoxigraph evaluates queries without the GIL


def validate_store(store: ox.Store, shapes_path: Path | None = None) -> ValidationReport:
    """Validate the union of all graphs of a store, as `validate` does with pySHACL.

    Args:
        store: the store to check (read only); its default graph counts as one more graph.
        shapes_path: a SHACL shapes file; the project's ontology/shapes/pressgraph-shapes.ttl
            by default.

    Returns:
        The report, equal to `validate` on the same data: `conforms` is False only if some
        result has severity sh:Violation.

    Raises:
        PressgraphError: KG006/KG014 if the shapes file cannot be read or parsed, KG021 for a
            malformed shape or sh:select, KG022 for a SHACL feature this validator lacks.
    """
    path = shapes_path or project_file(SHAPES_FILE)
    shapes = union_graph(parse_rdf(path))
    names = _namespaces(shapes)
    checks = list(compile_checks(shapes, path))
    found: list[Violation] = []
    with ThreadPoolExecutor(max_workers=QUERY_THREADS) as pool:  # queries run outside the GIL
        answers = pool.map(partial(_run, store, path=path), checks)
        for check, (columns, rows) in zip(checks, answers, strict=True):
            found.extend(_violations(shapes, names, check, columns, rows))
    return make_report(found)


def _run(store: ox.Store, check: Check, path: Path) -> tuple[list[str], list[ox.QuerySolution]]:
    """The columns and rows of a check's query (KG021 if a shape's sh:select is not valid
    SPARQL)."""
    try:
        solutions = store.query(check.query, use_default_graph_as_union=True)
        return [v.value for v in solutions.variables], list(solutions)
    except SyntaxError as err:
        if check.sparql is None:
            raise
        why = " ".join(f"the sh:select of {check.sparql.n3()} is not valid: {err}".split())
        raise PressgraphError(Errors.KG021.format(path=path, why=why[:200], link=SPEC),
                              SPEC) from None


def _namespaces(shapes: Graph) -> NamespaceManager:
    """The prefixes of pySHACL's report graph, plus the project's, as `validate` binds them."""
    report = Graph(bind_namespaces="core")
    for prefix, namespace in shapes.namespace_manager.namespaces():
        report.namespace_manager.bind(prefix, namespace)
    for prefix, namespace in PREFIXES.items():
        report.bind(prefix, namespace, override=False)
    return report.namespace_manager


def _violations(
    shapes: Graph, names: NamespaceManager, check: Check, columns: list[str],
    rows: list[ox.QuerySolution],
) -> Iterator[Violation]:
    """The results of one query's rows."""
    severity = _SEVERITY.get(shapes.value(check.shape, SH.severity, default=SH.Violation))
    ident = shape_id(shapes, check.shape)
    messages = [str(m) for m in shapes.objects(check.shape, SH.message)]
    for row in rows:
        focus = to_rdflib(row["this"])
        path, value = check.path, focus if check.value == "this" else None
        if check.value == "value":
            value = _term(row, "value", columns)
        if check.sparql is not None:
            path, value, messages = _sparql_result(shapes, check, row, columns, focus)
        yield Violation(
            focus=focus.n3(),
            path=path.n3(names) if isinstance(path, URIRef) else None,
            shape_id=ident,
            severity=severity or "Violation",
            message=min(messages) if messages else _default(names),
            value=value.n3(names) if value is not None else None,
        )


def _sparql_result(
    shapes: Graph, check: Check, row: ox.QuerySolution, columns: list[str], focus: Node
) -> tuple[Node | None, Node, list[str]]:
    """The path, value (by default the focus node) and messages of a SPARQL constraint's row."""
    path, value = _term(row, "path", columns), _term(row, "value", columns)
    value = focus if value is None else value
    bound = {c: to_rdflib(row[c]) for c in columns if c not in _SPECIAL and row[c] is not None}
    special = zip(_SPECIAL, (focus, path, value), strict=True)
    bound.update((name, term) for name, term in special if term is not None)
    return path, value, sparql_messages(shapes, check.shape, check.sparql, bound)


def _term(row: ox.QuerySolution, name: str, columns: list[str]) -> Node | None:
    """The rdflib term of a column of a row, if the column exists and is bound."""
    found = row[name] if name in columns else None
    return to_rdflib(found) if found is not None else None


def _default(names: NamespaceManager) -> str:
    """`validate`'s message for a SPARQL constraint result without any sh:message."""
    return f"violates {SH.SPARQLConstraintComponent.n3(names)}"

