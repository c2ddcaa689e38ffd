"""The nodes every statement in an article's named graph shares: the entities (stated once
per graph), the evidence spans in the article's text and the provenance that points at them."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, XSD

from pressgraph.namespace import NIF, PG, SCHEMA, Iris
from pressgraph.records import ArticleFacts, Span
from pressgraph.stages.resolve import Entity, Resolver

Quad = tuple[URIRef, URIRef, object, URIRef]


class ArticleNodes:
    """Collects the quads of one article's named graph: its entity and span nodes."""

    def __init__(self, facts: ArticleFacts, iris: Iris, resolver: Resolver) -> None:
        self.facts, self.iris, self.resolver = facts, iris, resolver
        self.doc = iris.doc(facts.raw.stem)
        self.quads: set[Quad] = set()
        self._nodes: dict[tuple[str, str], URIRef] = {}  # (name, label) -> node, once stated

    def add(self, s, p, o) -> None:
        self.quads.add((s, p, o, self.doc))

    def _entity(self, name: str, label: str) -> URIRef:
        """The entity's node, with its types and names restated in this graph (once)."""
        node = self._nodes.get((name, label))
        if node is None:
            node = self._nodes[name, label] = self._state_entity(name, label)
        return node

    def _state_entity(self, name: str, label: str) -> URIRef:
        entity: Entity = self.resolver.entity(name, label)
        if label == "PERSON":
            node = self.iris.person(entity.key)
            types = (SCHEMA.Person, FOAF.Person)
        else:
            node = self.iris.org(entity.key)
            types = (SCHEMA.Organization, ORG.Organization)
        for kind in types:
            self.add(node, RDF.type, kind)
        self.add(node, SCHEMA.name, Literal(entity.name))
        for alias in entity.aliases:
            self.add(node, SCHEMA.alternateName, Literal(alias))
        return node

    def _span(self, span: Span, confidence: float, origin: str) -> URIRef:
        """An evidence span: offsets into the text as read and the exact text there."""
        node = self.iris.span(self.facts.raw.stem, span.begin, span.end)
        self.add(node, RDF.type, NIF.String)
        self.add(node, NIF.referenceContext, self.doc)
        self.add(node, NIF.beginIndex, Literal(span.begin, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.anchorOf, Literal(self.facts.raw.text[span.begin:span.end]))
        return node

    def _provenance(self, node: URIRef, span: Span, confidence: float, origin: str) -> None:
        self.add(node, PROV.wasDerivedFrom, self._span(span, confidence, origin))
        self.add(node, PG.confidence, decimal_literal(confidence))
        self.add(node, PG.origin, Literal(origin))


def decimal_literal(value: float) -> Literal:
    """A confidence as an xsd:decimal with two places."""
    return Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)
