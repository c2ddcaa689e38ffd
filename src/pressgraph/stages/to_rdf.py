"""Turn one article's resolved facts into the quads of its named graph (see design/model.md)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, XSD

from pressgraph.namespace import ITSRDF, NIF, PG, SCHEMA, Iris, slug
from pressgraph.records import ArticleFacts, Claim, Position, Quantity, Span
from pressgraph.stages.resolve import Entity, Resolver

HEAD_ROLES = {"CEO", "PRESIDENT"}
CONFIDENCES = (PG.confidence, ITSRDF.taConfidence)
Quad = tuple[URIRef, URIRef, object, URIRef]


class ArticleGraph:
    """Collects the quads of one article's named graph."""

    def __init__(self, facts: ArticleFacts, iris: Iris, resolver: Resolver) -> None:
        self.facts, self.iris, self.resolver = facts, iris, resolver
        self.doc = iris.doc(facts.raw.stem)
        self.quads: set[Quad] = set()
        self._nodes: dict[tuple[str, str], URIRef] = {}  # (name, label) -> node, once stated

    def add(self, s, p, o) -> None:
        self.quads.add((s, p, o, self.doc))

    def build(self) -> set[Quad]:
        """All quads for the article."""
        self._article()
        for mention in self.facts.mentions:
            node = self._entity(mention.name, mention.label)
            self.add(self.doc, SCHEMA.mentions, node)
            span = self._span(mention.span, mention.confidence, mention.origin)
            self.add(span, ITSRDF.taIdentRef, node)
            self.add(span, ITSRDF.taConfidence, _decimal(mention.confidence))
            self.add(span, PG.confidence, _decimal(mention.confidence))
            self.add(span, PG.origin, Literal(mention.origin))
        for position in self.facts.positions:
            self._position(position)
        for claim in self.facts.claims:
            self._claim(claim)
        return self.quads

    def _article(self) -> None:
        facts, doc = self.facts, self.doc
        for kind in (SCHEMA.Article, NIF.Context, PROV.Entity):
            self.add(doc, RDF.type, kind)
        self.add(doc, DCTERMS.source, Literal(facts.raw.source))
        self.add(doc, NIF.isString, Literal(facts.raw.text))
        if facts.title:
            self.add(doc, SCHEMA.headline, Literal(facts.title))
        kind = _date_type(facts.date)
        if kind is not None:
            self.add(doc, SCHEMA.datePublished, Literal(facts.date, datatype=kind))
        if facts.raw.url:
            self.add(doc, SCHEMA.url, Literal(facts.raw.url, datatype=XSD.anyURI))
        if facts.publisher:
            self.add(doc, SCHEMA.publisher, self._entity(facts.publisher, "ORG"))
        for author in facts.authors:
            self.add(doc, SCHEMA.author, self._entity(author, "PERSON"))
        for other in facts.alternates:
            self.add(doc, PROV.alternateOf, self.iris.doc(other))

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

    def _position(self, position: Position) -> None:
        person = self._entity(position.person, "PERSON")
        org = self._entity(position.organization, "ORG") if position.organization else None
        person_key = str(person).rsplit("/", 1)[-1]
        org_key = str(org).rsplit("/", 1)[-1] if org else None
        node = self.iris.membership(person_key, org_key, position.status)
        self.add(node, RDF.type, ORG.Membership)
        if position.status:
            self.add(node, PG.tenure, Literal(position.status))
        if position.unit and org is not None:
            self._unit(node, position.unit, org)
        self.add(node, ORG.member, person)
        self.add(self.doc, SCHEMA.mentions, person)
        if org is not None:
            self.add(node, ORG.organization, org)
            self.add(person, ORG.memberOf, org)
            self.add(self.doc, SCHEMA.mentions, org)
        self.add(node, SCHEMA.roleName, Literal(position.title))
        for code in position.roles:
            self.add(node, ORG.role, self.iris.role(code))
            if code in HEAD_ROLES and org is not None:
                self.add(person, ORG.headOf, org)
        self._provenance(node, position.span, position.confidence, position.origin)

    def _unit(self, membership: URIRef, name: str, parent: URIRef) -> None:
        """The division a title is in ('Transportation', a unit of the company)."""
        unit = URIRef(f"{parent}/unit/{slug(name)}")
        self.add(unit, RDF.type, ORG.OrganizationalUnit)
        self.add(unit, RDF.type, ORG.Organization)
        self.add(unit, RDF.type, SCHEMA.Organization)
        self.add(unit, SCHEMA.name, Literal(name))
        self.add(unit, ORG.unitOf, parent)
        self.add(membership, PG.unit, unit)

    def _claim(self, claim: Claim) -> None:
        author = (self._entity(claim.claimant, claim.claimant_label)
                  if claim.claimant and claim.claimant_label else None)
        node = self.iris.claim(claim.kind, claim.text, str(author) if author else None)
        self.add(node, RDF.type, SCHEMA.Claim)
        if claim.kind == "Quote":
            self.add(node, RDF.type, SCHEMA.Quotation)
        self.add(node, SCHEMA.text, Literal(claim.text))
        self.add(node, DCTERMS.type, self.iris.claim_kind(claim.kind))
        self.add(node, SCHEMA.appearance, self.doc)
        if author is not None:
            self.add(node, SCHEMA.author, author)
        else:
            self.add(node, PG.unattributed, Literal(True))
        if claim.cue:
            self.add(node, PG.cue, Literal(claim.cue))
        if claim.horizon:
            self.add(node, SCHEMA.temporalCoverage, Literal(claim.horizon))
        for index, quantity in enumerate(claim.quantities, start=1):
            self._quantity(node, index, quantity)
        self._provenance(node, claim.span, claim.confidence, claim.origin)

    def _quantity(self, claim: URIRef, index: int, quantity: Quantity) -> None:
        """A number of the claim: as written (rdfs:label), its decimal value or range, unit
        (schema:unitCode: the ISO 4217 code of a currency, P1 for percent) and what it counts."""
        node = URIRef(f"{claim}/q{index}")
        self.add(claim, PG.quantity, node)
        self.add(node, RDF.type, SCHEMA.QuantitativeValue)
        self.add(node, RDFS.label, Literal(quantity.text))
        for prop, number in ((SCHEMA.value, quantity.value), (SCHEMA.minValue, quantity.minimum),
                             (SCHEMA.maxValue, quantity.maximum)):
            if number is not None:
                self.add(node, prop, Literal(number, datatype=XSD.decimal))
        self.add(node, SCHEMA.unitText, Literal(quantity.unit))
        code = "P1" if quantity.unit == "percent" else quantity.unit
        if code == "P1" or re.fullmatch(r"[A-Z]{3}", code):
            self.add(node, SCHEMA.unitCode, Literal(code))
        if quantity.description:
            self.add(node, SCHEMA.description, Literal(quantity.description))

    def _provenance(self, node: URIRef, span: Span, confidence: float, origin: str) -> None:
        self.add(node, PROV.wasDerivedFrom, self._span(span, confidence, origin))
        self.add(node, PG.confidence, _decimal(confidence))
        self.add(node, PG.origin, Literal(origin))


def _date_type(text: str | None) -> URIRef | None:
    """xsd:gYear for a year, xsd:date for a real YYYY-MM-DD date, None for anything else (a
    JSON Lines "date" is free text: "yesterday" or "2023-02-30" would be an invalid literal)."""
    if text is None or not re.fullmatch(r"\d{4}(?:-\d\d-\d\d)?", text, flags=re.ASCII):
        return None
    if len(text) == 4:
        return XSD.gYear
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return XSD.date


def _decimal(value: float) -> Literal:
    """A confidence as an xsd:decimal with two places."""
    return Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)


def article_quads(facts: ArticleFacts, iris: Iris, resolver: Resolver) -> set[Quad]:
    """The quads of one article's named graph."""
    return ArticleGraph(facts, iris, resolver).build()


def unify_confidences(quads: set[Quad]) -> set[Quad]:
    """One confidence per node: a membership or claim found in several articles keeps the
    highest, stated alike in every article's graph."""
    best: dict[tuple, Literal] = {}
    for s, p, o, _ in quads:
        if p in CONFIDENCES and ((s, p) not in best or o.toPython() > best[(s, p)].toPython()):
            best[(s, p)] = o
    return {(s, p, best[(s, p)], g) if p in CONFIDENCES else (s, p, o, g)
            for s, p, o, g in quads}
