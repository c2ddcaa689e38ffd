"""The SPARQL test of each SHACL core constraint component, as pySHACL 0.40 evaluates it.

`value_tests` gives the tests one value node must pass (true if it does), `focus_fails` the
tests over all the values of a focus node (true if the focus node fails). Known gaps, all on
data a build does not write: sh:pattern uses the store's regex engine (Python's `$` also
matches before a final newline), ill-typed literals are found only for the XSD types in
`_CASTS`, and sh:lessThanOrEquals counts only plain, xsd:string and language-tagged literals
as strings (rdflib also xsd:anyURI, xsd:token, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

if TYPE_CHECKING:
    from pressgraph.stages.shacl_expr import ShapeSparql

SPEC = "https://www.w3.org/TR/shacl/"
SH_IN, SH_OR, SH_AND, SH_NOT, SH_CLASS = SH["in"], SH["or"], SH["and"], SH["not"], SH["class"]
KINDS = {SH.IRI: "isIRI({x})", SH.Literal: "isLiteral({x})", SH.BlankNode: "isBlank({x})",
         SH.BlankNodeOrIRI: "!isLiteral({x})", SH.BlankNodeOrLiteral: "!isIRI({x})",
         SH.IRIOrLiteral: "!isBlank({x})"}
_COMPARE = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
            SH.maxExclusive: "<"}
_INTEGERS = ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
             "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
             "unsignedShort", "unsignedByte")
# A literal of these types is well formed if casting its lexical form gives it back. The store
# keeps a valid integer subtype as xsd:integer, so one still typed as a subtype is ill-typed.
_CASTS = {**{XSD[n]: XSD.integer for n in _INTEGERS},
          **{XSD[n]: XSD[n] for n in ("boolean", "decimal", "float", "double", "date",
                                      "dateTime", "time")}}
_TYPE = f"{ox.NamedNode(str(RDF.type))}/{ox.NamedNode(str(RDFS.subClassOf))}*"


def term(node: Node) -> str:
    """An IRI or literal of the shapes graph in SPARQL (N-Triples) syntax."""
    if isinstance(node, URIRef):
        return str(ox.NamedNode(str(node)))
    if isinstance(node, Literal):
        if node.language:
            return str(ox.Literal(str(node), language=node.language))
        return str(ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string))))
    raise ValueError(f"the blank node {node.n3()} as a constraint value")


def instance_of(x: str, cls: Node) -> str:
    """`x` is a SHACL instance of `cls`: rdf:type/rdfs:subClassOf* in the data."""
    return f"{x} {_TYPE} {term(cls)}"


def value_tests(sq: ShapeSparql, shape: Node, v: str, focus: str, joined: bool = False
                ) -> list[str]:
    """The tests the value node `v` (of the focus node `focus`) must pass; if `joined`, not
    sh:class and sh:lessThanOrEquals, which `shacl_joins` writes as joins."""
    graph, tests = sq.graph, []
    for cls in () if joined else graph.objects(shape, SH_CLASS):
        tests.append(f"(!isLiteral({v}) && EXISTS {{ {instance_of(v, cls)} }})")
    tests += [_datatype(sq, v, datatype) for datatype in graph.objects(shape, SH.datatype)]
    tests += [KINDS[kind].format(x=v) for kind in graph.objects(shape, SH.nodeKind)]
    tests += _patterns(sq, shape, v)
    for members in graph.objects(shape, SH_IN):
        same = [f"sameTerm({v}, {term(m)})" for m in sq.items(members)]
        tests.append("(" + (" || ".join(same) or "false") + ")")
    tests += [_languages(sq, v, ranges) for ranges in graph.objects(shape, SH.languageIn)]
    for parameter, operator in _COMPARE.items():
        tests += [f"COALESCE(isLiteral({v}) && {v} {operator} {term(bound)}, false)"
                  for bound in graph.objects(shape, parameter)]
    for other in () if joined else graph.objects(shape, SH.lessThanOrEquals):
        c = sq.var()
        where = f"{focus} {term(other)} {c} ."
        tests.append(f"NOT EXISTS {{ {where} FILTER (!{less_or_equal(v, c)}) }}")
    tests += [sq.conforms(node, v) for node in graph.objects(shape, SH.node)]
    tests += [f"!{sq.conforms(node, v)}" for node in graph.objects(shape, SH_NOT)]
    for members in graph.objects(shape, SH_OR):
        tests.append("(" + " || ".join(sq.conforms(s, v) for s in sq.items(members)) + ")")
    for members in graph.objects(shape, SH_AND):
        tests.append("(" + " && ".join(sq.conforms(s, v) for s in sq.items(members)) + ")")
    for members in graph.objects(shape, SH.xone):
        ones = " + ".join(f"IF({sq.conforms(s, v)}, 1, 0)" for s in sq.items(members))
        tests.append(f"(({ones}) = 1)")
    return tests


def focus_fails(sq: ShapeSparql, shape: Node, x: str) -> list[str]:
    """The tests the focus node `x` fails on its values: counts, sh:hasValue, sh:uniqueLang."""
    graph, path = sq.graph, sq.graph.value(shape, SH.path)
    if path is None:
        return [f"!sameTerm({x}, {term(value)})" for value in graph.objects(shape, SH.hasValue)]
    p = sq.path(path)
    fails = [f"NOT EXISTS {{ {x} {p} {term(value)} }}"
             for value in graph.objects(shape, SH.hasValue)]
    fails += _counts(sq, x, p, sq.count(shape, SH.minCount), sq.count(shape, SH.maxCount), None)
    low, high = sq.count(shape, SH.qualifiedMinCount), sq.count(shape, SH.qualifiedMaxCount)
    for qualified in graph.objects(shape, SH.qualifiedValueShape):
        fails += _counts(sq, x, p, low, high, lambda y, q=qualified: sq.conforms(q, y))
    return fails + unique_lang_fails(sq, shape, x, p)


def unique_lang_fails(sq: ShapeSparql, shape: Node, x: str, p: str) -> list[str]:
    """sh:uniqueLang true: `x` has two values on `p` with the same language tag."""
    unique = sq.graph.value(shape, SH.uniqueLang)
    if not isinstance(unique, Literal) or unique.value is not True:
        return []
    a, b = sq.var(), sq.var()
    same = (f"!sameTerm({a}, {b}) && isLiteral({a}) && isLiteral({b}) && LANG({a}) != \"\""
            f" && LCASE(LANG({a})) = LCASE(LANG({b}))")
    return [f"EXISTS {{ {x} {p} {a} . {x} {p} {b} . FILTER ({same}) }}"]


def _counts(sq: ShapeSparql, x: str, p: str, low: int | None, high: int | None, test) -> list[str]:
    """Fewer than `low` or more than `high` values (passing `test`, if given)."""
    fails = [f"NOT {sq.at_least(x, p, low, test)}"] if low else []
    return fails + ([sq.at_least(x, p, high + 1, test)] if high is not None else [])


def _datatype(sq: ShapeSparql, v: str, datatype: Node) -> str:
    """sh:datatype: a literal of that datatype, well formed where the store can tell."""
    if datatype == RDFS.Literal:
        return f"isLiteral({v})"
    if datatype == RDF.langString:
        return f"(isLiteral({v}) && LANG({v}) != \"\")"
    if not isinstance(datatype, URIRef) or datatype == RDFS.Datatype:
        raise sq.unsupported(f"sh:datatype {datatype.n3()}", "#DatatypeConstraintComponent")
    test = f"isLiteral({v}) && sameTerm(DATATYPE({v}), {term(datatype)})"
    if datatype in _CASTS:
        test += f" && COALESCE(sameTerm({term(_CASTS[datatype])}(STR({v})), {v}), false)"
    return f"({test})"


def _patterns(sq: ShapeSparql, shape: Node, v: str) -> list[str]:
    """sh:pattern (with the i and m of sh:flags, as pySHACL): not a blank node, and matches."""
    flags = sq.graph.value(shape, SH.flags)
    letters = "".join(f for f in "im" if flags is not None and f in str(flags).lower())
    extra = f", {term(Literal(letters))}" if letters else ""
    return [f"(!isBlank({v}) && REGEX(STR({v}), {term(Literal(str(p)))}{extra}))"
            for p in sq.graph.objects(shape, SH.pattern)]


def _languages(sq: ShapeSparql, v: str, ranges: Node) -> str:
    """sh:languageIn as pySHACL reads it: the tag, or its first subtag, in the list."""
    tags = [str(tag).lower() for tag in sq.items(ranges)]
    tagged = f"isLiteral({v}) && LANG({v}) != \"\""
    if "*" in tags:
        return f"({tagged})"
    listed = ", ".join(term(Literal(tag)) for tag in tags) or '""'
    first = f"LCASE(STRBEFORE(CONCAT(LANG({v}), \"-\"), \"-\"))"
    return f"({tagged} && (LCASE(LANG({v})) IN ({listed}) || {first} IN ({listed})))"


def less_or_equal(a: str, b: str) -> str:
    """pySHACL's `<=` of sh:lessThanOrEquals: strings with strings, other literals by value."""
    texts = [f"(isIRI({x}) || (isLiteral({x}) && (LANG({x}) != \"\" || "
             f"sameTerm(DATATYPE({x}), {term(XSD.string)}))))" for x in (a, b)]
    return (f"IF({texts[0]} && {texts[1]}, STR({a}) <= STR({b}), "
            f"!{texts[0]} && !{texts[1]} && COALESCE({a} <= {b}, false))")
