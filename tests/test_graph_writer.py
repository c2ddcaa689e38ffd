"""The streaming graph writer gives the bytes of `to_trig(unify_confidences(quads))`."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from pressgraph.namespace import ITSRDF, PG, SCHEMA
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.to_rdf import unify_confidences
from pressgraph.stages.trig import to_trig

ID = "https://pressgraph.example/id/"
A, B = URIRef(ID + "doc/a"), URIRef(ID + "doc/b")
CLAIM, PERSON = URIRef(ID + "claim/c1"), URIRef(ID + "person/p")


def _confidence(value: str) -> Literal:
    return Literal(Decimal(value), datatype=XSD.decimal)


def articles() -> list[set]:
    """Two article graphs stating one claim with different confidences."""
    first = {(CLAIM, RDF.type, SCHEMA.Claim, A), (CLAIM, PG.confidence, _confidence("0.60"), A),
             (CLAIM, PG.confidence, _confidence("0.55"), A),
             (PERSON, SCHEMA.name, Literal("P \"Q\" \u00e9"), A), (A, RDF.type, SCHEMA.Article, A)}
    second = {(CLAIM, RDF.type, SCHEMA.Claim, B), (CLAIM, PG.confidence, _confidence("0.85"), B),
              (PERSON, SCHEMA.name, Literal("P \"Q\" \u00e9"), B),
              (B, SCHEMA.url, Literal("http://x.example/a b", datatype=XSD.anyURI), B)}
    return [first, second]


def test_the_writer_matches_the_set_based_output(tmp_path):
    writer = GraphWriter()
    for quads in articles():
        writer.add(quads)
    count = writer.write(tmp_path / "g.trig")
    expected = unify_confidences(articles()[0] | articles()[1])
    assert (tmp_path / "g.trig").read_text(encoding="utf-8") == to_trig(expected)
    assert count == len(expected)


def test_each_graph_states_the_highest_confidence_once(tmp_path):
    writer = GraphWriter()
    for quads in articles():
        writer.add(quads)
    writer.write(tmp_path / "g.trig")
    text = (tmp_path / "g.trig").read_text(encoding="utf-8")
    assert text.count(f"pg:confidence {_confidence('0.85').n3()}") == 2
    assert "0.60" not in text and "0.55" not in text


def test_a_mention_span_keeps_one_entity_confidence(tmp_path):
    """A span tagged twice (two mentions of one text span) states one taConfidence, the highest."""
    span = URIRef(ID + "doc/a#char=0,4")
    quads = {(span, ITSRDF.taConfidence, _confidence("0.80"), A),
             (span, ITSRDF.taConfidence, _confidence("0.65"), A),
             (span, ITSRDF.taIdentRef, PERSON, A)}
    writer = GraphWriter()
    writer.add(quads)
    writer.write(tmp_path / "g.trig")
    text = (tmp_path / "g.trig").read_text(encoding="utf-8")
    assert "0.80" in text and "0.65" not in text
    assert text == to_trig(unify_confidences(quads))
