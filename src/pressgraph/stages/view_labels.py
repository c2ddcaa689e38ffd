"""The labels of the view's nodes and the texts of their values, read from the view's triples.

A big view asks for the same labels over and over (every claim names its articles, every
evidence span its article), so labels and claim kinds are worked out once per node and kept
in `Triples.memo`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pressgraph.stages import view_triples as v
from pressgraph.stages.view_terms import Lit
from pressgraph.stages.view_triples import Triples

LABEL_MAX = 60
CLAIM_LABEL_MAX = 40  # claims are many and long: keep their canvas labels short
_SEGMENTS = re.compile(r"[/#]")


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """Collapse whitespace and cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def first(graph: Triples, node: str, predicate: str) -> str:
    """The smallest value of a property as text ('' when absent), so repeats stay stable."""
    values = graph.objects(node, predicate)
    if len(values) == 1:
        return str(values[0])
    return min(map(str, values)) if values else ""


def every(graph: Triples, node: str, predicate: str) -> list[str]:
    """Every value of a property as text, sorted."""
    values = graph.objects(node, predicate)
    if len(values) == 1:
        return [str(values[0])]
    return sorted({str(value) for value in values})


def confidence_text(graph: Triples, node: str) -> str:
    """The lowest confidence with two decimals ("0.80"), as the TriG writes it; the store
    gives the value back as "0.8"."""
    values = graph.objects(node, v.CONFIDENCE)
    if len(values) == 1 and isinstance(values[0], Lit):  # the usual case, made quick
        number = values[0].number()
        return str(values[0]) if number is None else f"{number:.2f}"
    numbers = [n for n in (x.number() for x in values if isinstance(x, Lit)) if n is not None]
    if numbers:
        return f"{min(numbers):.2f}"
    return min((str(x) for x in values), default="")


def tail(node: str) -> str:
    """The last path segment of an IRI, the fallback label."""
    return _SEGMENTS.split(str(node).rstrip("/"))[-1]


def node_label(graph: Triples, node: str, kind: str) -> str:
    """The label drawn under a node: a name, a headline or source, or a shortened claim."""
    return _memo(graph, kind, node, lambda: _label(graph, node, kind))


def _memo(graph: Triples, table: str, key: str, work: Callable[[], str]) -> str:
    """`work()`, worked out once per key of `graph.memo[table]`."""
    found = graph.memo.setdefault(table, {})
    if key not in found:
        found[key] = work()
    return found[key]


def _label(graph: Triples, node: str, kind: str) -> str:
    """The label of `node_label`, worked out."""
    if kind == "article":
        source = first(graph, node, v.SOURCE)
        text = first(graph, node, v.HEADLINE) or source.rsplit("/", 1)[-1]
    elif kind == "claim":
        text = shorten(first(graph, node, v.TEXT), CLAIM_LABEL_MAX)
    else:
        text = first(graph, node, v.NAME)
    return shorten(text) if text else tail(node)


def claim_kind(graph: Triples, claim: str) -> str:
    """The claim kind's prefLabel (English first), else its IRI's last segment in lower case."""
    return _memo(graph, "claim kind", claim, lambda: _kind(graph, claim))


def _kind(graph: Triples, claim: str) -> str:
    """The kind of `claim_kind`, worked out (once per kind IRI)."""
    kinds = graph.objects(claim, v.KIND)
    if not kinds:
        return ""
    kind = kinds[0] if len(kinds) == 1 else min(kinds)
    return _memo(graph, "kind label", kind, lambda: _kind_label(graph, kind))


def _kind_label(graph: Triples, kind: str) -> str:
    """A claim kind's prefLabel (English first), else its IRI's last segment in lower case."""
    labels = sorted(graph.objects(kind, v.PREF_LABEL),
                    key=lambda label: (getattr(label, "language", "") != "en", label))
    return str(labels[0]) if labels else tail(kind).lower()


def names(graph: Triples, nodes: Iterable[str]) -> str:
    """The names of some people or organizations (or plain literals), joined."""
    return "; ".join(sorted(str(n) if isinstance(n, Lit)
                            else first(graph, n, v.NAME) or tail(n) for n in nodes))
