"""SHACL core constraints as SPARQL expressions over one node, read as pySHACL reads them.

`ShapeSparql` writes, for a shape and a SPARQL variable, the tests that `stages/shacl_fast.py`
puts into its queries: the per-value tests (sh:class, sh:datatype, sh:node, sh:or, ...), the
per-focus failures of a property shape (sh:minCount, sh:qualifiedValueShape, ...) and whether a
node conforms to a whole shape (for sh:node, sh:or, sh:xone, sh:not, sh:qualifiedValueShape).
Each expression evaluates to true or false, never to a SPARQL error, which would silently drop
a row. The tests of each component, and their known gaps, are in `shacl_values.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.shacl_values import KINDS, SPEC, focus_fails, term, value_tests

_PATHS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
_MAX_COUNT = 8  # distinct values a count test names one by one
_PROPERTY_ONLY = {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.qualifiedMinCount,
                  SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint, SH.uniqueLang,
                  SH.lessThanOrEquals}
_PARAMETERS = _PROPERTY_ONLY | {
    SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.flags, SH["in"], SH.languageIn,
    SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.node, SH["not"],
    SH["or"], SH["and"], SH.xone, SH.hasValue, SH.property, SH.sparql}
_DESCRIPTIVE = {SH.path, SH.message, SH.severity, SH.deactivated, SH.name, SH.description,
                SH.order, SH.group, SH.defaultValue, SH.targetClass, SH.targetNode,
                SH.targetSubjectsOf, SH.targetObjectsOf}


class ShapeSparql:
    """The SPARQL tests of the shapes in one shapes graph."""

    def __init__(self, graph: Graph, source: Path) -> None:
        self.graph, self.source, self._count, self._open = graph, source, 0, set()

    def unsupported(self, what: str, anchor: str = "") -> PressgraphError:
        """The KG022 error for a feature this validator does not run."""
        link = SPEC + anchor
        return PressgraphError(Errors.KG022.format(path=self.source, what=what, link=link), link)

    def check_parameters(self, shape: Node, nested: bool) -> None:
        """Raise KG022 for a SHACL parameter of `shape` that this validator does not run."""
        is_node_shape = self.graph.value(shape, SH.path) is None
        for predicate, value in self.graph.predicate_objects(shape):
            if not str(predicate).startswith(str(SH)) or predicate in _DESCRIPTIVE:
                continue
            name = f"{predicate.n3(self.graph.namespace_manager)} on {shape.n3()}"
            if (predicate not in _PARAMETERS or (predicate in _PROPERTY_ONLY and is_node_shape)
                    or (predicate == SH.sparql and (nested or not is_node_shape))
                    or (predicate == SH.nodeKind and value not in KINDS)
                    or (predicate == SH.qualifiedValueShapesDisjoint and value != Literal(False))):
                raise self.unsupported(name)

    def var(self) -> str:
        """A fresh variable name."""
        self._count += 1
        return f"?_{self._count}"

    def items(self, node: Node) -> list[Node]:
        """The members of an RDF list."""
        return list(Collection(self.graph, node))

    def count(self, shape: Node, param: URIRef) -> int | None:
        """A cardinality parameter: None if absent, else a non-negative xsd:integer."""
        value = self.graph.value(shape, param)
        if value is None:
            return None
        number = value.value if isinstance(value, Literal) else None
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            name = param.n3(self.graph.namespace_manager)
            why = f"{name} {value} on {shape.n3()} is not an integer >= 0"
            raise PressgraphError(Errors.KG021.format(path=self.source, why=why, link=SPEC), SPEC)
        return int(value.value)

    def path(self, node: Node) -> str:
        """A SHACL property path as a SPARQL property path."""
        graph = self.graph
        if isinstance(node, URIRef):
            return term(node)
        if graph.value(node, RDF.first) is not None:
            return "(" + "/".join(self.path(step) for step in self.items(node)) + ")"
        if (inverse := graph.value(node, SH.inversePath)) is not None:
            return f"^({self.path(inverse)})"
        if (alternatives := graph.value(node, SH.alternativePath)) is not None:
            return "(" + "|".join(self.path(step) for step in self.items(alternatives)) + ")"
        for predicate, modifier in _PATHS.items():
            if (inner := graph.value(node, predicate)) is not None:
                return f"({self.path(inner)}){modifier}"
        raise self.unsupported(f"the sh:path {node.n3()}", "#property-paths")

    def at_least(self, x: str, path: str, n: int, test: Callable[[str], str] | None) -> str:
        """EXISTS: `x` has `n` distinct values on `path` (each passing `test`, if given)."""
        if n > _MAX_COUNT:
            raise self.unsupported(f"a count above {_MAX_COUNT - 1}", "#core-components-count")
        ys = [self.var() for _ in range(n)]
        filters = [f"!sameTerm({a}, {b})" for i, a in enumerate(ys) for b in ys[i + 1:]]
        filters += [test(y) for y in ys] if test else []
        where = " ".join(f"{x} {path} {y} ." for y in ys)
        return f"EXISTS {{ {where} FILTER ({' && '.join(filters) or 'true'}) }}"

    def conforms(self, shape: Node, x: str) -> str:
        """True if the node `x` conforms to a nested `shape` (whose failures are not results)."""
        graph = self.graph
        if graph.value(shape, SH.deactivated, default=Literal(False)).value is True:
            return "true"
        if graph.value(shape, SH.severity, default=SH.Violation) != SH.Violation:
            raise self.unsupported(f"sh:severity on the nested shape {shape.n3()}", "#severity")
        if shape in self._open:
            raise self.unsupported(f"the recursive shape {shape.n3()}", "#shapes-recursion")
        self._open.add(shape)
        try:
            return self._conforms(shape, x)
        finally:
            self._open.discard(shape)

    def _conforms(self, shape: Node, x: str) -> str:
        """`conforms` once the shape is known to be an enabled shape not already open."""
        self.check_parameters(shape, nested=True)
        path = self.graph.value(shape, SH.path)
        nested = list(self.graph.objects(shape, SH.property))
        parts = [f"!({fail})" for fail in focus_fails(self, shape, x)]
        if path is None:
            parts += value_tests(self, shape, x, x) + [self.conforms(p, x) for p in nested]
        else:
            y = self.var()
            tests = value_tests(self, shape, y, x) + [self.conforms(p, y) for p in nested]
            if tests:
                where = f"{x} {self.path(path)} {y} ."
                test = f"!COALESCE({' && '.join(tests)}, false)"
                parts.append(f"NOT EXISTS {{ {where} FILTER ({test}) }}")
        return "(" + " && ".join(parts) + ")" if parts else "true"
