"""Write quads as canonical TriG: graphs, subjects, predicates and objects in sorted order.

The same quads always give the same bytes, so built graphs diff cleanly in git.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from pressgraph.namespace import PREFIXES


def _namespaces() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _term(term, manager) -> str:
    """A term in N3 form, prefixed where the local name is plain."""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            local = str(term)[len(str(namespace)):]
            if str(term).startswith(str(namespace)) and local.replace("_", "a").isalnum():
                return f"{prefix}:{local}"
        return term.n3()
    return term.n3()


def _predicate_order(term: str) -> tuple[int, str]:
    return (0, term) if term == "a" else (1, term)


def to_trig(quads: Iterable[tuple]) -> str:
    """Canonical TriG text for a set of quads (no blank nodes)."""
    manager = _namespaces().namespace_manager
    graphs: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set)))
    for s, p, o, g in quads:
        predicate = "a" if p == RDF.type else _term(p, manager)
        graphs[_term(g, manager)][_term(s, manager)][predicate].add(_term(o, manager))
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in
             sorted(PREFIXES.items())]
    for graph in sorted(graphs):
        lines += ["", f"{graph} {{"]
        for subject in sorted(graphs[graph]):
            predicates = graphs[graph][subject]
            lines.append(f"    {subject}")
            ordered = sorted(predicates, key=_predicate_order)
            for index, predicate in enumerate(ordered):
                objects = ", ".join(sorted(predicates[predicate]))
                end = " ." if index == len(ordered) - 1 else " ;"
                lines.append(f"        {predicate} {objects}{end}")
        lines.append("}")
    return "\n".join(lines) + "\n"
