"""The labels and side-panel details of the view's nodes, read from the view's triples.

Details are plain data (`{"type", "label", "iri", "rows": [[key, value]], "sections":
[{"heading", "items": [{"text", "evidence": [...]}]}]}`); the page renders them as text.
"""

from __future__ import annotations

import re

from pressgraph.stages import view_triples as v
from pressgraph.stages.view_evidence import sentence_context
from pressgraph.stages.view_triples import Lit, Triples

LABEL_MAX = 60
CLAIM_LABEL_MAX = 40  # claims are many and long: keep their canvas labels short


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """Collapse whitespace and cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _first(graph: Triples, node: str, predicate: str) -> str:
    """The smallest value of a property as text ('' when absent), so repeats stay stable."""
    values = graph.objects(node, predicate)
    if len(values) == 1:
        return str(values[0])
    return min(map(str, values)) if values else ""


def _all(graph: Triples, node: str, predicate: str) -> list[str]:
    """Every value of a property as text, sorted."""
    return sorted({str(v) for v in graph.objects(node, predicate)})


def _confidence(graph: Triples, node: str) -> str:
    """The lowest confidence with two decimals ("0.80"), as the TriG writes it; the store
    gives the value back as "0.8"."""
    values = graph.objects(node, v.CONFIDENCE)
    numbers = [n for n in (x.number() for x in values if isinstance(x, Lit)) if n is not None]
    if numbers:
        return f"{min(numbers):.2f}"
    return min((str(x) for x in values), default="")


def _tail(node: str) -> str:
    """The last path segment of an IRI, the fallback label."""
    return re.split(r"[/#]", str(node).rstrip("/"))[-1]


def node_label(graph: Triples, node: str, kind: str) -> str:
    """The label drawn under a node: a name, a headline or source, or a shortened claim."""
    found = graph.memo.get(("label", node, kind))
    if found is None:
        found = graph.memo["label", node, kind] = _label(graph, node, kind)
    return found


def _label(graph: Triples, node: str, kind: str) -> str:
    """The label of `node_label`, worked out."""
    if kind == "article":
        source = _first(graph, node, v.SOURCE)
        text = _first(graph, node, v.HEADLINE) or source.rsplit("/", 1)[-1]
    elif kind == "claim":
        text = shorten(_first(graph, node, v.TEXT), CLAIM_LABEL_MAX)
    else:
        text = _first(graph, node, v.NAME)
    return shorten(text) if text else _tail(node)


def claim_kind(graph: Triples, claim: str) -> str:
    """The claim kind's prefLabel (English first), else its IRI's last segment in lower case."""
    found = graph.memo.get(("kind", claim))
    if found is None:
        found = graph.memo["kind", claim] = _kind(graph, claim)
    return found


def _kind(graph: Triples, claim: str) -> str:
    """The kind of `claim_kind`, worked out."""
    for kind in sorted(graph.objects(claim, v.KIND)):
        labels = sorted(graph.objects(kind, v.PREF_LABEL),
                        key=lambda label: (getattr(label, "language", "") != "en", label))
        return str(labels[0]) if labels else _tail(kind).lower()
    return ""


def evidence(graph: Triples, span: str) -> dict[str, str]:
    """A span's text with some context from its article: `before`, `anchor`, `after`, `article`."""
    anchor = _first(graph, span, v.ANCHOR)
    article = graph.value(span, v.CONTEXT)
    found = {"before": "", "anchor": anchor, "after": "", "article": ""}
    if article is None or isinstance(article, Lit):
        return found
    found["article"] = node_label(graph, article, "article")
    text, begin, end = (graph.value(article, v.IS_STRING), graph.value(span, v.BEGIN),
                        graph.value(span, v.END))
    if not (isinstance(text, Lit) and isinstance(begin, Lit) and isinstance(end, Lit)):
        return found
    begin, end = begin.number(), end.number()  # (str(text) would copy the whole article)
    if not isinstance(begin, int) or not isinstance(end, int) or not 0 <= begin <= end:
        return found
    if text[begin:end] != anchor and anchor:
        return found
    head, tail = sentence_context(text, begin, end)
    found.update(before=head, anchor=text[begin:end], after=tail)
    return found


def _evidence_of(graph: Triples, node: str) -> list[dict[str, str]]:
    """The evidence of every span a fact was derived from."""
    return [evidence(graph, span) for span in sorted(graph.objects(node, v.DERIVED_FROM))]


def _names(graph: Triples, nodes: list) -> str:
    """The names of some people or organizations (or plain literals), joined."""
    return "; ".join(sorted(str(n) if isinstance(n, Lit)
                            else _first(graph, n, v.NAME) or _tail(n) for n in nodes))


def _position(graph: Triples, membership: str, of_person: bool) -> dict:
    """One position: 'title at organization (codes)' or 'person: title', with its evidence
    and, in `with`, the IRIs of the other end (for the panel of a "holds position at" edge)."""
    title = "; ".join(_all(graph, membership, v.ROLE_NAME)) or "position"
    codes = [_first(graph, r, v.NOTATION) or _tail(r)
             for r in sorted(graph.objects(membership, v.ROLE))]
    ends = sorted(graph.objects(membership, v.ORGANIZATION if of_person else v.MEMBER))
    if of_person:
        text = f"{title} at {_names(graph, ends)}" if ends else title
    else:
        text = f"{_names(graph, ends)}: {title}"
    if codes:
        text += f" ({', '.join(codes)})"
    confidence = _confidence(graph, membership)
    if confidence:
        text += f", confidence {confidence}"
    return {"text": text, "evidence": _evidence_of(graph, membership),
            "with": [str(n) for n in ends if not isinstance(n, Lit)]}


def _agent(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of a person or an organization."""
    name = _first(graph, node, v.NAME)
    aliases = [a for a in _all(graph, node, v.ALT_NAME) if a != name]
    rows = [["Name", name], ["Aliases", "; ".join(aliases)],
            ["Part of", _names(graph, sorted(graph.objects(node, v.UNIT_OF)))]]
    positions = [_position(graph, m, True) for m in sorted(graph.subjects(v.MEMBER, node))]
    positions += [_position(graph, m, False)
                  for m in sorted(graph.subjects(v.ORGANIZATION, node))]
    claims = [{"text": _first(graph, c, v.TEXT), "evidence": []}
              for c in sorted(graph.subjects(v.AUTHOR, node))
              if graph.has(c, v.TEXT)]
    return rows, [{"heading": "Positions", "items": positions},
                  {"heading": "Claims", "items": claims}]


def _claim(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of a claim."""
    quantities = [" ".join(filter(None, (_first(graph, q, v.VALUE),
                                         _first(graph, q, v.UNIT_TEXT),
                                         _first(graph, q, v.DESCRIPTION))))
                  for q in sorted(graph.objects(node, v.QUANTITY))]
    sources = sorted(graph.objects(node, v.APPEARANCE))
    rows = [["Text", _first(graph, node, v.TEXT)], ["Kind", claim_kind(graph, node)],
            ["Claimant", _names(graph, sorted(graph.objects(node, v.AUTHOR)))],
            ["Confidence", _confidence(graph, node)],
            ["Horizon", _first(graph, node, v.HORIZON)],
            ["Cue", _first(graph, node, v.CUE)], ["Quantities", "; ".join(quantities)],
            ["Source", "; ".join(node_label(graph, a, "article") for a in sources)]]
    return rows, [{"heading": "Evidence", "items": [
        {"text": "", "evidence": _evidence_of(graph, node)}]}]


def _article(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of an article."""
    copies = [_first(graph, a, v.SOURCE) or _tail(a)
              for a in sorted(set(graph.objects(node, v.ALTERNATE_OF)))]
    rows = [["Headline", _first(graph, node, v.HEADLINE)],
            ["Source", _first(graph, node, v.SOURCE)],
            ["Author", _names(graph, sorted(graph.objects(node, v.AUTHOR)))],
            ["Published", _first(graph, node, v.PUBLISHED)],
            ["Publisher", _names(graph, sorted(graph.objects(node, v.PUBLISHER)))],
            ["Other copies", "; ".join(copies)]]
    return rows, []


def node_details(graph: Triples, node: str, kind: str) -> dict:
    """The side-panel data of one node (empty rows and sections are dropped)."""
    build = {"article": _article, "claim": _claim}.get(kind, _agent)
    rows, sections = build(graph, node)
    return {"type": kind, "label": node_label(graph, node, kind), "iri": str(node),
            "rows": [row for row in rows if row[1]],
            "sections": [s for s in sections if any(i["text"] or i["evidence"]
                                                     for i in s["items"])]}
