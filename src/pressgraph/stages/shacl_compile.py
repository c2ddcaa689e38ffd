"""SHACL shapes compiled to a few SPARQL SELECT queries, each over all focus nodes at once.

Every shape with a target gives at most two queries per property shape: one for the failures
of a focus node as a whole (counts, sh:hasValue, sh:qualifiedValueShape, sh:uniqueLang), one
for the value nodes that fail any per-value test (their results carry the value), plus one per
SPARQL constraint. Results of one shape and kind are identical records whichever component
failed (pySHACL gives each the shape's sh:message), so the components of a shape share a query:
the UNION of one branch per failing component, joins rather than per-row tests (`shacl_joins`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from pressgraph.stages.shacl_expr import ShapeSparql
from pressgraph.stages.shacl_joins import fail_branches, value_branches
from pressgraph.stages.shacl_sparql import sparql_query
from pressgraph.stages.shacl_values import instance_of, term

Focus = Callable[[str], str]  # a variable name -> a group pattern binding it to the focus nodes
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Check:
    """One query and how its rows become results.

    `value` is the result's value: "value" (the ?value column), "this" (the focus node itself)
    or "" (none). `sparql` is the SPARQL constraint that the query runs, if it is one.
    """

    query: str
    shape: Node
    path: Node | None
    value: str
    sparql: Node | None = None


def compile_checks(graph: Graph, source: Path) -> list[Check]:
    """The queries that validate a data graph against every targeted shape of `graph`.

    Raises:
        PressgraphError: KG022 for a SHACL feature the compiler does not support, KG021 for a
            malformed shape.
    """
    sq = ShapeSparql(graph, source)
    _refuse_extensions(sq)
    checks: list[Check] = []
    for shape in sorted({s for p in TARGETS for s in graph.subjects(p, None)}):
        if graph.value(shape, SH.deactivated, default=Literal(False)).value is not True:
            try:
                checks.extend(_shape_checks(sq, shape, _targets(sq, shape)))
            except ValueError as err:  # `term` has no SPARQL form for a blank node
                raise sq.unsupported(f"{err} (in {shape.n3()})") from None
    return checks


def _refuse_extensions(sq: ShapeSparql) -> None:
    """KG022 for custom constraint components, SHACL-AF targets and implicit class targets."""
    graph = sq.graph
    for shape in graph.subjects(SH.target, None):
        raise sq.unsupported(f"the sh:target of {shape.n3()}", "#targets")
    for component in graph.subjects(SH.parameter, None):
        raise sq.unsupported(f"the constraint component {component.n3()}", "#constraint-components")
    shapes = {*graph.subjects(RDF.type, SH.NodeShape), *graph.subjects(RDF.type, SH.PropertyShape)}
    for cls in (RDFS.Class, *graph.subjects(RDFS.subClassOf, RDFS.Class)):
        for shape in shapes & set(graph.subjects(RDF.type, cls)):
            what = f"the implicit class target of {shape.n3()}"
            raise sq.unsupported(what, "#implicit-targetClass")


def _targets(sq: ShapeSparql, shape: Node) -> Focus:
    """The focus nodes of a shape: the union of its targets, each node once."""
    graph, parts = sq.graph, []
    parts += [instance_of("?t", cls) for cls in graph.objects(shape, SH.targetClass)]
    parts += [f"VALUES ?t {{ {term(node)} }}" for node in graph.objects(shape, SH.targetNode)]
    parts += [f"?t {term(p)} [] ." for p in graph.objects(shape, SH.targetSubjectsOf)]
    parts += [f"[] {term(p)} ?t ." for p in graph.objects(shape, SH.targetObjectsOf)]
    union = " UNION ".join(f"{{ {part} }}" for part in parts)
    return lambda var: f"{{ SELECT DISTINCT (?t AS {var}) WHERE {{ {union} }} }}"


def _shape_checks(sq: ShapeSparql, shape: Node, focus: Focus) -> Iterator[Check]:
    """The checks of a shape that reports results, then of its property shapes."""
    sq.check_parameters(shape, nested=False)
    path = sq.graph.value(shape, SH.path)
    has_message = sq.graph.value(shape, SH.message) is not None
    fails = fail_branches(sq, shape, "?this")
    value = "?value" if path is not None else "?this"
    where = f"?this {sq.path(path)} ?value ." if path is not None else ""
    tests = value_branches(sq, shape, value, "?this")
    if (fails or tests) and not has_message:
        raise sq.unsupported(f"a result of {shape.n3()}, which has no sh:message", "#message")
    if fails:
        yield Check(_union("?this", focus, "", fails), shape, path, "")
    if tests:
        query = _union(f"?this {value if path is not None else ''}", focus, where, tests)
        yield Check(query, shape, path, "value" if path is not None else "this")
    for constraint in sq.graph.objects(shape, SH.sparql):
        query = sparql_query(sq, constraint, focus)
        if query is not None:
            yield Check(query, shape, None, "this", constraint)
    inner = focus if path is None else _values(sq, focus, sq.path(path))
    for prop in sq.graph.objects(shape, SH.property):
        if sq.graph.value(prop, SH.deactivated, default=Literal(False)).value is not True:
            yield from _shape_checks(sq, prop, inner)


def _union(columns: str, focus: Focus, where: str, branches: list[str]) -> str:
    """The distinct rows of the focus nodes (joined with `where`) kept by any branch."""
    union = " UNION ".join(f"{{ {focus('?this')} {where} {branch} }}" for branch in branches)
    return f"SELECT DISTINCT {columns} WHERE {{ {union} }}"


def _values(sq: ShapeSparql, focus: Focus, path: str) -> Focus:
    """The focus nodes of a property shape nested in a property shape: the outer values."""
    outer = sq.var()
    return lambda var: (f"{{ SELECT DISTINCT {var} WHERE {{ {focus(outer)} "
                        f"{outer} {path} {var} . }} }}")
