"""The claims of an article's named graph: who said what, and the numbers in it."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from pressgraph.namespace import PG, SCHEMA
from pressgraph.records import Claim, Quantity
from pressgraph.stages.to_rdf_nodes import ArticleNodes


class ClaimGraph(ArticleNodes):
    """Adds an article's claims and their quantities to its quads."""

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
