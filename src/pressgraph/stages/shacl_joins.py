"""The failures of a shape's focus and value nodes as join patterns, for the build's queries.

`shacl_values` writes each constraint as an expression over one node: right inside nested
shapes (sh:node, sh:or, ...), but a FILTER (NOT) EXISTS is evaluated once per row, an index
lookup each time, which made counts, sh:class and sh:lessThanOrEquals the slowest tests (three
times slower again on an on-disk store). The top-level queries of `shacl_compile` use these
patterns instead, each one branch of a UNION after the focus nodes: counts as a GROUP BY over
the path's triples (joined, or subtracted with MINUS), sh:class as a MINUS of the class's
instances, sh:lessThanOrEquals as a join with a subquery; each is evaluated once for all rows
and joined by hash.

They find the same nodes: `COUNT(DISTINCT ?v)` counts the distinct values `at_least` looks
for, and a MINUS whose pattern binds the focus (or value) variable removes just the rows that
NOT EXISTS would drop. A path that may have length 0 keeps the expressions, whose focus node is
its own value even where the data never names it. Each test never errors (see `shacl_expr`),
so "some test fails" is the union of the branches of the tests that fail one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib.namespace import SH
from rdflib.term import Node

from pressgraph.stages.shacl_values import (
    SH_CLASS,
    focus_fails,
    instance_of,
    less_or_equal,
    term,
    unique_lang_fails,
    value_tests,
)

if TYPE_CHECKING:
    from pressgraph.stages.shacl_expr import ShapeSparql

Test = Callable[[str], str] | None
_IRI = re.compile(r"<[^>]*>")


def fail_branches(sq: ShapeSparql, shape: Node, x: str) -> list[str]:
    """The patterns, each joined after the focus nodes `x`, that keep the focus nodes that fail
    the shape's counts, sh:hasValue or sh:uniqueLang (as `focus_fails` tests them)."""
    graph, path = sq.graph, sq.graph.value(shape, SH.path)
    p = sq.path(path) if path is not None else ""
    if path is None or set("*?") & set(_IRI.sub("", p)):  # a path that may have length 0
        return [f"FILTER ({fail})" for fail in focus_fails(sq, shape, x)]  # holds `x` itself
    branches = [f"MINUS {{ {x} {p} {term(v)} . }}" for v in graph.objects(shape, SH.hasValue)]
    branches += _counts(sq, x, p, sq.count(shape, SH.minCount), sq.count(shape, SH.maxCount),
                        None)
    low, high = sq.count(shape, SH.qualifiedMinCount), sq.count(shape, SH.qualifiedMaxCount)
    for qualified in graph.objects(shape, SH.qualifiedValueShape):
        branches += _counts(sq, x, p, low, high, lambda y, q=qualified: sq.conforms(q, y))
    return branches + [f"FILTER ({fail})" for fail in unique_lang_fails(sq, shape, x, p)]


def value_branches(sq: ShapeSparql, shape: Node, v: str, focus: str) -> list[str]:
    """The patterns, each joined after the value nodes `v`, that keep the values that fail a
    test of `value_tests`: sh:class by MINUS, the others in one FILTER."""
    graph, others = sq.graph, value_tests(sq, shape, v, focus, joined=True)
    branches = [f"MINUS {{ {instance_of(v, cls)} FILTER (!isLiteral({v})) }}"
                for cls in graph.objects(shape, SH_CLASS)]
    for other in graph.objects(shape, SH.lessThanOrEquals):
        c = sq.var()
        pairs = f"{{ SELECT {focus} {c} WHERE {{ {focus} {term(other)} {c} . }} }}"
        branches.append(f"{pairs} FILTER (!{less_or_equal(v, c)})")
    if others:
        branches.append(f"FILTER (!COALESCE({' && '.join(others)}, false))")
    return branches


def _counts(sq: ShapeSparql, x: str, p: str, low: int | None, high: int | None,
            test: Test) -> list[str]:
    """Fewer than `low` or more than `high` distinct values (passing `test`, if given): the
    nodes not counted between the two, else with too many, or not among those with enough."""
    if low and high is not None:
        return [f"MINUS {{ {_grouped(sq, x, p, test, f'>= {low}', f'<= {high}')} }}"]
    if low == 1 and test is None:
        return [f"MINUS {{ {x} {p} {sq.var()} . }}"]
    if low:
        return [f"MINUS {{ {_grouped(sq, x, p, test, f'>= {low}')} }}"]
    return [_grouped(sq, x, p, test, f"> {high}")] if high is not None else []


def _grouped(sq: ShapeSparql, x: str, p: str, test: Test, *compare: str) -> str:
    """A subquery of the nodes `x` whose number of distinct values on `p` (passing `test`)
    passes every comparison of `compare`."""
    v = sq.var()
    where = f"{x} {p} {v} ." + (f" FILTER ({test(v)})" if test else "")
    having = " && ".join(f"COUNT(DISTINCT {v}) {c}" for c in compare)
    return f"{{ SELECT {x} WHERE {{ {where} }} GROUP BY {x} HAVING ({having}) }}"
