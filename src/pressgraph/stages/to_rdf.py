"""Turn one article's resolved facts into the quads of its named graph (see design/model.md).

The article, its mentions and its memberships are stated here; claims in `to_rdf_claims`, the
entity and span nodes they share in `to_rdf_nodes`.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, XSD

from pressgraph.namespace import ITSRDF, NIF, PG, SCHEMA, Iris, slug
from pressgraph.records import ArticleFacts, Position
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf_claims import ClaimGraph
from pressgraph.stages.to_rdf_nodes import Quad, decimal_literal

HEAD_ROLES = {"CEO", "PRESIDENT"}
CONFIDENCES = (PG.confidence, ITSRDF.taConfidence)


class ArticleGraph(ClaimGraph):
    """Collects the quads of one article's named graph."""

    def build(self) -> set[Quad]:
        """All quads for the article."""
        self._article()
        for mention in self.facts.mentions:
            node = self._entity(mention.name, mention.label)
            self.add(self.doc, SCHEMA.mentions, node)
            span = self._span(mention.span, mention.confidence, mention.origin)
            self.add(span, ITSRDF.taIdentRef, node)
            self.add(span, ITSRDF.taConfidence, decimal_literal(mention.confidence))
            self.add(span, PG.confidence, decimal_literal(mention.confidence))
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
