"""The labels and side-panel details of the view's nodes, read from the RDF graph.

Details are plain data (`{"type", "label", "iri", "rows": [[key, value]], "sections":
[{"heading", "items": [{"text", "evidence": [...]}]}]}`); the page renders them as text.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from pressgraph.namespace import NIF, PG, SCHEMA
from pressgraph.stages.view_evidence import sentence_context

LABEL_MAX = 60
CLAIM_LABEL_MAX = 40  # claims are many and long: keep their canvas labels short


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """Collapse whitespace and cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _first(graph: Graph, node: URIRef, predicate: URIRef) -> str:
    """The smallest value of a property as text ('' when absent), so repeats stay stable."""
    values = sorted(str(v) for v in graph.objects(node, predicate))
    return values[0] if values else ""


def _all(graph: Graph, node: URIRef, predicate: URIRef) -> list[str]:
    """Every value of a property as text, sorted."""
    return sorted({str(v) for v in graph.objects(node, predicate)})


def _confidence(graph: Graph, node: URIRef) -> str:
    """The lowest confidence with two decimals ("0.80"), as the TriG writes it; the store
    gives the value back as "0.8"."""
    values = [v.toPython() for v in graph.objects(node, PG.confidence)]
    numbers = [v for v in values if isinstance(v, int | float | Decimal)]
    if numbers:
        return f"{min(numbers):.2f}"
    return min((str(v) for v in values), default="")


def _tail(node: URIRef) -> str:
    """The last path segment of an IRI, the fallback label."""
    return re.split(r"[/#]", str(node).rstrip("/"))[-1]


def node_label(graph: Graph, node: URIRef, kind: str) -> str:
    """The label drawn under a node: a name, a headline or source, or a shortened claim."""
    if kind == "article":
        source = _first(graph, node, DCTERMS.source)
        text = _first(graph, node, SCHEMA.headline) or source.rsplit("/", 1)[-1]
    elif kind == "claim":
        text = shorten(_first(graph, node, SCHEMA.text), CLAIM_LABEL_MAX)
    else:
        text = _first(graph, node, SCHEMA.name)
    return shorten(text) if text else _tail(node)


def claim_kind(graph: Graph, claim: URIRef) -> str:
    """The claim kind's prefLabel (English first), else its IRI's last segment in lower case."""
    for kind in sorted(graph.objects(claim, DCTERMS.type)):
        labels = sorted(graph.objects(kind, SKOS.prefLabel),
                        key=lambda v: (getattr(v, "language", None) != "en", str(v)))
        return str(labels[0]) if labels else _tail(kind).lower()
    return ""


def evidence(graph: Graph, span: URIRef) -> dict[str, str]:
    """A span's text with some context from its article: `before`, `anchor`, `after`, `article`."""
    anchor = _first(graph, span, NIF.anchorOf)
    article = graph.value(span, NIF.referenceContext)
    found = {"before": "", "anchor": anchor, "after": "", "article": ""}
    if not isinstance(article, URIRef):
        return found
    found["article"] = node_label(graph, article, "article")
    text, begin, end = (graph.value(article, NIF.isString), graph.value(span, NIF.beginIndex),
                        graph.value(span, NIF.endIndex))
    if not all(isinstance(v, Literal) for v in (text, begin, end)):
        return found
    text, begin, end = str(text), begin.toPython(), end.toPython()
    if not isinstance(begin, int) or not isinstance(end, int) or not 0 <= begin <= end:
        return found
    if text[begin:end] != anchor and anchor:
        return found
    head, tail = sentence_context(text, begin, end)
    found.update(before=head, anchor=text[begin:end], after=tail)
    return found


def _evidence_of(graph: Graph, node: URIRef) -> list[dict[str, str]]:
    """The evidence of every span a fact was derived from."""
    return [evidence(graph, span) for span in sorted(graph.objects(node, PROV.wasDerivedFrom))]


def _names(graph: Graph, nodes: list) -> str:
    """The names of some people or organizations (or plain literals), joined."""
    return "; ".join(sorted(str(n) if isinstance(n, Literal)
                            else _first(graph, n, SCHEMA.name) or _tail(n) for n in nodes))


def _position(graph: Graph, membership: URIRef, of_person: bool) -> dict:
    """One position: 'title at organization (codes)' or 'person: title', with its evidence."""
    title = "; ".join(_all(graph, membership, SCHEMA.roleName)) or "position"
    codes = [_first(graph, r, SKOS.notation) or _tail(r)
             for r in sorted(graph.objects(membership, ORG.role))]
    if of_person:
        orgs = sorted(graph.objects(membership, ORG.organization))
        text = f"{title} at {_names(graph, orgs)}" if orgs else title
    else:
        text = f"{_names(graph, sorted(graph.objects(membership, ORG.member)))}: {title}"
    if codes:
        text += f" ({', '.join(codes)})"
    confidence = _confidence(graph, membership)
    if confidence:
        text += f", confidence {confidence}"
    return {"text": text, "evidence": _evidence_of(graph, membership)}


def _agent(graph: Graph, node: URIRef) -> tuple[list, list]:
    """Rows and sections of a person or an organization."""
    name = _first(graph, node, SCHEMA.name)
    aliases = [a for a in _all(graph, node, SCHEMA.alternateName) if a != name]
    rows = [["Name", name], ["Aliases", "; ".join(aliases)],
            ["Part of", _names(graph, sorted(graph.objects(node, ORG.unitOf)))]]
    positions = [_position(graph, m, True) for m in sorted(graph.subjects(ORG.member, node))]
    positions += [_position(graph, m, False)
                  for m in sorted(graph.subjects(ORG.organization, node))]
    claims = [{"text": _first(graph, c, SCHEMA.text), "evidence": []}
              for c in sorted(graph.subjects(SCHEMA.author, node))
              if (c, SCHEMA.text, None) in graph]
    return rows, [{"heading": "Positions", "items": positions},
                  {"heading": "Claims", "items": claims}]


def _claim(graph: Graph, node: URIRef) -> tuple[list, list]:
    """Rows and sections of a claim."""
    quantities = [" ".join(filter(None, (_first(graph, q, SCHEMA.value),
                                         _first(graph, q, SCHEMA.unitText),
                                         _first(graph, q, SCHEMA.description))))
                  for q in sorted(graph.objects(node, PG.quantity))]
    sources = sorted(graph.objects(node, SCHEMA.appearance))
    rows = [["Text", _first(graph, node, SCHEMA.text)], ["Kind", claim_kind(graph, node)],
            ["Claimant", _names(graph, sorted(graph.objects(node, SCHEMA.author)))],
            ["Confidence", _confidence(graph, node)],
            ["Horizon", _first(graph, node, SCHEMA.temporalCoverage)],
            ["Cue", _first(graph, node, PG.cue)], ["Quantities", "; ".join(quantities)],
            ["Source", "; ".join(node_label(graph, a, "article") for a in sources)]]
    return rows, [{"heading": "Evidence", "items": [
        {"text": "", "evidence": _evidence_of(graph, node)}]}]


def _article(graph: Graph, node: URIRef) -> tuple[list, list]:
    """Rows and sections of an article."""
    copies = [_first(graph, a, DCTERMS.source) or _tail(a)
              for a in sorted(set(graph.objects(node, PROV.alternateOf)))]
    rows = [["Headline", _first(graph, node, SCHEMA.headline)],
            ["Source", _first(graph, node, DCTERMS.source)],
            ["Author", _names(graph, sorted(graph.objects(node, SCHEMA.author)))],
            ["Published", _first(graph, node, SCHEMA.datePublished)],
            ["Publisher", _names(graph, sorted(graph.objects(node, SCHEMA.publisher)))],
            ["Other copies", "; ".join(copies)]]
    return rows, []


def node_details(graph: Graph, node: URIRef, kind: str) -> dict:
    """The side-panel data of one node (empty rows and sections are dropped)."""
    build = {"article": _article, "claim": _claim}.get(kind, _agent)
    rows, sections = build(graph, node)
    return {"type": kind, "label": node_label(graph, node, kind), "iri": str(node),
            "rows": [row for row in rows if row[1]],
            "sections": [s for s in sections if any(i["text"] or i["evidence"]
                                                     for i in s["items"])]}
