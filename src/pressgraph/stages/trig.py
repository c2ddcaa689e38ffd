"""Write quads as canonical TriG: graphs, subjects, predicates and objects in sorted order.

The same quads always give the same bytes, so built graphs diff cleanly in git. `TrigWriter`
turns quads into text as they come, so a build never holds the rdflib terms of the whole graph,
and writes the file graph by graph.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import URIRef
from rdflib.namespace import RDF

from pressgraph.namespace import PREFIXES

Row = tuple[str, str, str, str]  # graph, subject, predicate, object as N3 text
_BY_NAMESPACE = {str(namespace): prefix for prefix, namespace in PREFIXES.items()}


def _term(term) -> str:
    """A term in N3 form, prefixed where the local name is plain."""
    if isinstance(term, URIRef):
        text = str(term)
        cut = max(text.rfind("/"), text.rfind("#")) + 1
        prefix, local = _BY_NAMESPACE.get(text[:cut]), text[cut:]
        if prefix is not None and local.replace("_", "a").isalnum():
            return f"{prefix}:{local}"
    return term.n3()


def _predicate_order(term: str) -> tuple[int, str]:
    return (0, term) if term == "a" else (1, term)


class TrigWriter:
    """Collect quads as N3 text, then give the canonical TriG document in chunks."""

    def __init__(self) -> None:
        self._graphs: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(set)))
        self._uris: dict[URIRef, str] = {}  # IRIs of the current batch, rendered once
        self._predicates: dict[URIRef, str] = {RDF.type: "a"}

    def add(self, quads: Iterable[tuple]) -> None:
        """Add quads (no blank nodes); repeats are kept once."""
        self.add_rendered(self.render(quads))

    def render(self, quads: Iterable[tuple]) -> list[Row]:
        """Quads as rows of N3 text (graph, subject, predicate, object), in their order."""
        uris, predicates = self._uris, self._predicates
        rows = []
        for s, p, o, g in quads:
            predicate = predicates.get(p) or predicates.setdefault(p, _term(p))
            subject = uris.get(s) or self._uri(s)
            graph = uris.get(g) or self._uri(g)
            obj = (uris.get(o) or self._uri(o)) if isinstance(o, URIRef) else o.n3()
            rows.append((graph, subject, predicate, obj))
        uris.clear()
        return rows

    def add_rendered(self, rows: Iterable[Row]) -> None:
        """Add rows made by `render` (by this writer or another); repeats are kept once."""
        graphs = self._graphs
        for graph, subject, predicate, obj in rows:
            graphs[graph][subject][predicate].add(obj)

    def _uri(self, term: URIRef) -> str:
        """Render an IRI and remember it until the end of the batch."""
        text = self._uris[term] = _term(term)
        return text

    def __len__(self) -> int:
        return sum(len(objects) for subjects in self._graphs.values()
                   for predicates in subjects.values() for objects in predicates.values())

    def chunks(self) -> Iterator[str]:
        """The document: prefixes, then one chunk per graph; each graph is dropped once given.
        `self.index` then lists each chunk: its graph ("" for the prefixes and the end), the
        SHA-256 of its text and its length in UTF-8 bytes (see stages/store_update.py)."""
        self.index: list[tuple[str, str, int]] = []
        head = "\n".join(f"@prefix {prefix}: <{namespace}> ."
                         for prefix, namespace in sorted(PREFIXES.items()))
        yield self._indexed("", head)
        for graph in sorted(self._graphs):
            yield self._indexed(graph, "\n\n" + _graph_block(graph, self._graphs.pop(graph)))
        yield self._indexed("", "\n")

    def _indexed(self, graph: str, chunk: str) -> str:
        data = chunk.encode("utf-8")
        self.index.append((graph, hashlib.sha256(data).hexdigest(), len(data)))
        return chunk


def _graph_block(graph: str, subjects: dict[str, dict[str, set[str]]]) -> str:
    """One named graph's block, subjects and predicates sorted."""
    lines = [f"{graph} {{"]
    for subject in sorted(subjects):
        predicates = subjects[subject]
        lines.append(f"    {subject}")
        ordered = sorted(predicates, key=_predicate_order)
        for index, predicate in enumerate(ordered):
            objects = ", ".join(sorted(predicates[predicate]))
            end = " ." if index == len(ordered) - 1 else " ;"
            lines.append(f"        {predicate} {objects}{end}")
    lines.append("}")
    return "\n".join(lines)


def to_trig(quads: Iterable[tuple]) -> str:
    """Canonical TriG text for a set of quads (no blank nodes)."""
    writer = TrigWriter()
    writer.add(quads)
    return "".join(writer.chunks())
