"""SHACL-SPARQL constraints (sh:sparql on a node shape), run once over all the focus nodes.

pySHACL runs a constraint's sh:select once per focus node with $this pre-bound. Here the query
gets the focus nodes as a group at the start of its WHERE clause, so $this is bound before any
FILTER, BIND or OPTIONAL of that group is evaluated: the same rows for queries without
subqueries, MINUS or VALUES (which SHACL-SPARQL forbids or pySHACL refuses anyway). The query
itself runs in Oxigraph, which follows SPARQL 1.1 where rdflib does not: rdflib finds
`"CIO" > 433` true, Oxigraph a type error (no row), so the two can differ on ill-typed data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.shacl_values import SPEC

if TYPE_CHECKING:
    from pressgraph.stages.shacl_expr import ShapeSparql

_REFUSED = re.compile(r"(?i:(?<![\w:?$])(MINUS|VALUES|SERVICE|FROM)\b)|[?$](PATH|shapesGraph|"
                      r"currentShape|failure)\b")
_SELECT = re.compile(r"(?<![\w:?$])SELECT\b", re.IGNORECASE)
_THIS = re.compile(r"[?$]this\b")
_STAR = re.compile(r"(?<![\w:?$])SELECT\s+((DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)
_ANCHOR = "#sparql-constraints"


def sparql_query(sq: ShapeSparql, constraint: Node, focus: Callable[[str], str]) -> str | None:
    """The sh:select of a constraint, with its prefixes, joined with the focus nodes.

    Returns:
        The query, or None for a deactivated constraint.

    Raises:
        PressgraphError: KG021 without exactly one sh:select string, KG022 for a query that
            pySHACL would refuse, or that uses $PATH, $shapesGraph, $currentShape, ?failure or
            a subquery, or does not select $this.
    """
    graph = sq.graph
    if graph.value(constraint, SH.deactivated, default=Literal(False)).value is True:
        return None
    selects = list(graph.objects(constraint, SH.select))
    if len(selects) != 1 or not isinstance(selects[0], Literal):
        why = f"{constraint.n3()} needs exactly one sh:select string"
        raise PressgraphError(Errors.KG021.format(path=sq.source, why=why, link=SPEC), SPEC)
    text = str(selects[0])
    refused = _REFUSED.search(text)
    if refused or len(_SELECT.findall(text)) != 1:
        what = refused[0] if refused else "a subquery"
        raise sq.unsupported(f"{what} in the sh:select of {constraint.n3()}", _ANCHOR)
    brace = text.find("{")
    head = text[:brace]
    selected = _THIS.search(head) or _STAR.search(head)
    if brace < 0 or not selected or not _THIS.search(text[brace:]):
        what = f"a sh:select of {constraint.n3()} that does not select $this"
        raise sq.unsupported(what, _ANCHOR)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes_of(graph, constraint).items())
    return f"{prefixes}{head}{{ {focus('?this')} {text[brace + 1:]}"


def prefixes_of(graph: Graph, constraint: Node) -> dict[str, str]:
    """The prefixes of a constraint's query, gathered from sh:prefixes as pySHACL does."""
    found = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
    ontologies = set(graph.subjects(RDF.type, OWL.Ontology))
    local = set(graph.objects(graph.identifier, SH.declare))
    shared = local | {d for o in ontologies for d in graph.objects(o, SH.declare)}
    for holder in graph.objects(constraint, SH.prefixes):
        own = set(graph.objects(holder, SH.declare))
        for declared in (own | local if own and holder in ontologies else shared | own):
            prefix = graph.value(declared, SH.prefix)
            namespace = graph.value(declared, SH.namespace)
            if prefix is not None and namespace is not None:
                found[str(prefix)] = str(namespace)
    return found


def sparql_messages(
    graph: Graph, shape: Node, constraint: Node, bound: dict[str, Node]
) -> list[str]:
    """The messages of a result: the constraint's and the shape's, with {?var} filled in.

    `bound` maps the other selected variables, then this, path and value, to their terms;
    each is put in with `re.sub`, as pySHACL does (so a backslash in a value is an escape).
    """
    messages = []
    for message in (*graph.objects(constraint, SH.message), *graph.objects(shape, SH.message)):
        if not isinstance(message, Literal):
            messages.append(str(message))
            continue
        text = str(message.value)
        for name, value in bound.items():
            text = re.sub(f"{{[?$]{name}}}", str(value), text)
        messages.append(text)
    return messages
