"""The view's triples and labels: bulk adds, the values read, and the labels kept per node."""

from __future__ import annotations

from rdflib.namespace import XSD

from pressgraph.stages import view_triples as v
from pressgraph.stages.view_evidence import sentence_context
from pressgraph.stages.view_labels import (
    claim_kind,
    confidence_text,
    every,
    first,
    names,
    node_label,
)
from pressgraph.stages.view_terms import Lit
from pressgraph.stages.view_triples import Triples

DECIMAL = str(XSD.decimal)
CLAIM, KIND, PERSON = "https://x.example/claim/1", "https://x.example/kind/Finding", "https://x.example/person/a"


def test_add_pairs_drops_repeats_and_keeps_the_first_order():
    graph = Triples([("s", v.NAME, "b")])
    graph.add_pairs(v.NAME, [("s", "a"), ("s", "b"), ("t", "c"), ("s", "a")])
    assert graph.objects("s", v.NAME) == ["b", "a"]
    assert graph.objects("t", v.NAME) == ["c"]
    assert len(graph) == 3
    assert graph.iris() == {"s", "t", "a", "b", "c"}  # recomputed after the add
    assert graph.subjects(v.NAME, "c") == ["t"]
    graph.add_pairs(v.NAME, [("u", "c")])
    assert sorted(graph.subjects(v.NAME, "c")) == ["t", "u"]  # the reverse index too


def test_missing_values_read_as_nothing():
    graph = Triples()
    assert list(graph.objects("s", v.NAME)) == []
    assert graph.value("s", v.NAME) is None
    assert first(graph, "s", v.NAME) == ""
    assert every(graph, "s", v.NAME) == []


def test_first_and_every_read_the_smallest_and_all_values_as_plain_text():
    graph = Triples([("s", v.NAME, Lit.of("b")), ("s", v.NAME, Lit.of("a")),
                     ("s", v.NAME, Lit.of("a", language="en"))])
    assert first(graph, "s", v.NAME) == "a"
    assert type(first(graph, "s", v.NAME)) is str
    assert every(graph, "s", v.NAME) == ["a", "b"]
    assert graph.value("s", v.NAME) == "a"


def test_confidence_is_the_lowest_with_two_decimals():
    one = Triples([("m", v.CONFIDENCE, Lit.of("0.8", DECIMAL))])
    assert confidence_text(one, "m") == "0.80"
    two = Triples([("m", v.CONFIDENCE, Lit.of("0.9", DECIMAL)),
                   ("m", v.CONFIDENCE, Lit.of("0.35", DECIMAL))])
    assert confidence_text(two, "m") == "0.35"
    plain = Triples([("m", v.CONFIDENCE, Lit.of("high"))])
    assert confidence_text(plain, "m") == "high"
    assert confidence_text(Triples(), "m") == ""


def test_claim_kind_prefers_the_english_label_and_falls_back_to_the_iri():
    graph = Triples([(CLAIM, v.KIND, KIND), (KIND, v.PREF_LABEL, Lit.of("Befund", language="de")),
                     (KIND, v.PREF_LABEL, Lit.of("finding", language="en")),
                     ("c2", v.KIND, "https://x.example/kind/Quote")])
    assert claim_kind(graph, CLAIM) == "finding"
    assert claim_kind(graph, "c2") == "quote"
    assert claim_kind(graph, "c3") == ""


def test_labels_are_worked_out_once_per_node_and_kind_until_triples_are_added():
    graph = Triples([(PERSON, v.NAME, Lit.of("Ada   Lovelace"))])
    assert node_label(graph, PERSON, "person") == "Ada Lovelace"
    assert graph.memo  # kept
    graph.add(PERSON, v.NAME, Lit.of("A"))  # the smallest name is the label
    assert node_label(graph, PERSON, "person") == "A"
    assert node_label(graph, PERSON, "claim") == "a"  # no text: the IRI's last segment
    assert names(graph, [PERSON, Lit.of("Zed")]) == "A; Zed"


def test_sentence_context_stops_at_the_last_sentence_end_before_the_span():
    text = "One. Two three. Four five six."
    begin = text.index("five")
    assert sentence_context(text, begin, begin + 4) == ("Four ", " six.")
    assert sentence_context("Line\nnext", 5, 9) == ("", "")
