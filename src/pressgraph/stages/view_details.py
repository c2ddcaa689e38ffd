"""The side-panel details of the view's nodes, read from the view's triples.

Details are plain data (`{"type", "label", "iri", "rows": [[key, value]], "sections":
[{"heading", "items": [{"text", "evidence": [...]}]}]}`); the page renders them as text.
Labels and the texts of values come from `view_labels`.
"""

from __future__ import annotations

from pressgraph.stages import view_triples as v
from pressgraph.stages.view_evidence import sentence_context
from pressgraph.stages.view_labels import (
    CLAIM_LABEL_MAX,
    LABEL_MAX,
    claim_kind,
    confidence_text,
    every,
    first,
    names,
    node_label,
    shorten,
    tail,
)
from pressgraph.stages.view_terms import Lit
from pressgraph.stages.view_triples import Triples

__all__ = ["CLAIM_LABEL_MAX", "LABEL_MAX", "claim_kind", "evidence", "node_details",
           "node_label", "shorten"]


def evidence(graph: Triples, span: str) -> dict[str, str]:
    """A span's text with some context from its article: `before`, `anchor`, `after`, `article`."""
    anchor = first(graph, span, v.ANCHOR)
    article = graph.value(span, v.CONTEXT)
    if article is None or isinstance(article, Lit):
        return {"before": "", "anchor": anchor, "after": "", "article": ""}
    found = {"before": "", "anchor": anchor, "after": "",
             "article": node_label(graph, article, "article")}
    text, begin, end = (graph.value(article, v.IS_STRING), graph.value(span, v.BEGIN),
                        graph.value(span, v.END))
    if not (isinstance(text, Lit) and isinstance(begin, Lit) and isinstance(end, Lit)):
        return found
    begin, end = begin.number(), end.number()  # (str(text) would copy the whole article)
    if type(begin) is not int or type(end) is not int or not 0 <= begin <= end:
        return found
    if text[begin:end] != anchor and anchor:
        return found
    found["before"], found["after"] = sentence_context(text, begin, end)
    found["anchor"] = text[begin:end]
    return found


def _evidence_of(graph: Triples, node: str) -> list[dict[str, str]]:
    """The evidence of every span a fact was derived from."""
    spans = graph.objects(node, v.DERIVED_FROM)
    if len(spans) == 1:
        return [evidence(graph, spans[0])]
    return [evidence(graph, span) for span in sorted(spans)]


def _position(graph: Triples, membership: str, of_person: bool) -> dict:
    """One position: 'title at organization (codes)' or 'person: title', with its evidence
    and, in `with`, the IRIs of the other end (for the panel of a "holds position at" edge)."""
    title = "; ".join(every(graph, membership, v.ROLE_NAME)) or "position"
    codes = [first(graph, r, v.NOTATION) or tail(r)
             for r in sorted(graph.objects(membership, v.ROLE))]
    ends = sorted(graph.objects(membership, v.ORGANIZATION if of_person else v.MEMBER))
    if of_person:
        text = f"{title} at {names(graph, ends)}" if ends else title
    else:
        text = f"{names(graph, ends)}: {title}"
    if codes:
        text += f" ({', '.join(codes)})"
    confidence = confidence_text(graph, membership)
    if confidence:
        text += f", confidence {confidence}"
    return {"text": text, "evidence": _evidence_of(graph, membership),
            "with": [str(n) for n in ends if not isinstance(n, Lit)]}


def _agent(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of a person or an organization."""
    name = first(graph, node, v.NAME)
    aliases = [a for a in every(graph, node, v.ALT_NAME) if a != name]
    rows = [["Name", name], ["Aliases", "; ".join(aliases)],
            ["Part of", names(graph, graph.objects(node, v.UNIT_OF))]]
    positions = [_position(graph, m, True) for m in sorted(graph.subjects(v.MEMBER, node))]
    positions += [_position(graph, m, False)
                  for m in sorted(graph.subjects(v.ORGANIZATION, node))]
    claims = [{"text": first(graph, c, v.TEXT), "evidence": []}
              for c in sorted(graph.subjects(v.AUTHOR, node))
              if graph.has(c, v.TEXT)]
    return rows, [{"heading": "Positions", "items": positions},
                  {"heading": "Claims", "items": claims}]


def _claim(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of a claim."""
    quantities = [" ".join(filter(None, (first(graph, q, v.VALUE),
                                         first(graph, q, v.UNIT_TEXT),
                                         first(graph, q, v.DESCRIPTION))))
                  for q in sorted(graph.objects(node, v.QUANTITY))]
    sources = sorted(graph.objects(node, v.APPEARANCE))
    rows = [["Text", first(graph, node, v.TEXT)], ["Kind", claim_kind(graph, node)],
            ["Claimant", names(graph, graph.objects(node, v.AUTHOR))],
            ["Confidence", confidence_text(graph, node)],
            ["Horizon", first(graph, node, v.HORIZON)],
            ["Cue", first(graph, node, v.CUE)], ["Quantities", "; ".join(quantities)],
            ["Source", "; ".join(node_label(graph, a, "article") for a in sources)]]
    return rows, [{"heading": "Evidence", "items": [
        {"text": "", "evidence": _evidence_of(graph, node)}]}]


def _article(graph: Triples, node: str) -> tuple[list, list]:
    """Rows and sections of an article."""
    copies = [first(graph, a, v.SOURCE) or tail(a)
              for a in sorted(set(graph.objects(node, v.ALTERNATE_OF)))]
    rows = [["Headline", first(graph, node, v.HEADLINE)],
            ["Source", first(graph, node, v.SOURCE)],
            ["Author", names(graph, graph.objects(node, v.AUTHOR))],
            ["Published", first(graph, node, v.PUBLISHED)],
            ["Publisher", names(graph, graph.objects(node, v.PUBLISHER))],
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
