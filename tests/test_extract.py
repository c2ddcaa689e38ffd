"""Extraction on short invented texts, one fixed error each (needs the English model)."""

from __future__ import annotations

import pytest

from pressgraph.records import RawArticle
from pressgraph.stages.clean import clean
from pressgraph.stages.extract import extract

pytestmark = pytest.mark.slow


def facts_of(text, nlp, lexicon, rules):
    article = clean(RawArticle("t.txt", "t", text), rules)
    return extract(article, nlp(article.text), lexicon)


def positions(facts):
    return {(p.person, p.title, p.organization) for p in facts.positions}


def test_signature_after_a_quote(nlp, lexicon, rules):
    text = ("Shops are changing fast across the country this year.\n"
            "“We are rebuilding every store around the phone in the customer's hand.”— Ana "
            "Lopez, CEO, Harbor Retail Group\n")
    facts = facts_of(text, nlp, lexicon, rules)
    assert ("Ana Lopez", "CEO", "Harbor Retail Group") in positions(facts)
    quote = next(c for c in facts.claims if c.kind == "Quote")
    assert quote.claimant == "Ana Lopez"
    assert quote.text.startswith("We are rebuilding every store")


def test_org_title_name_and_glued_title(nlp, lexicon, rules):
    text = "Harbor Retail EVP and CMO Paul Brennan said sales were strong in the spring season.\n"
    facts = facts_of(text, nlp, lexicon, rules)
    assert {("Paul Brennan", "EVP", "Harbor Retail"), ("Paul Brennan", "CMO", "Harbor Retail")} \
        <= positions(facts)
    names = {m.name for m in facts.mentions}
    assert "CMO" not in names and "EVP" not in names


def test_appositive_with_at(nlp, lexicon, rules):
    text = ("Maria Olsen, an economist at the University of Leeds, notes that “Prices will keep "
            "rising for at least another two years across the region.”\n")
    facts = facts_of(text, nlp, lexicon, rules)
    assert ("Maria Olsen", "economist", "University of Leeds") in positions(facts)
    assert any(c.claimant == "Maria Olsen" for c in facts.claims)


def test_reporting_verb_prediction_with_horizon(nlp, lexicon, rules):
    text = "Gartnerix predicted that cloud spending will double by 2019 in most large firms.\n"
    facts = facts_of(text, nlp, lexicon, rules)
    claim = facts.claims[0]
    assert claim.kind == "Prediction"
    assert claim.horizon == "2019"
    assert claim.claimant == "Gartnerix"


def test_survey_by_an_organization(nlp, lexicon, rules):
    text = ("A new survey of 400 bankers conducted by the Finance Council found that only 12 "
            "percent of banks plan to hire this year.\n")
    facts = facts_of(text, nlp, lexicon, rules)
    claim = facts.claims[0]
    assert claim.claimant == "Finance Council"
    assert any(q.unit == "percent" for q in claim.quantities)


def test_surname_points_to_the_full_name(nlp, lexicon, rules):
    text = ("Peter Halvorsen runs the shipping group. Mr. Halvorsen was co-founder and CEO of "
            "Nordsea Lines, a ferry company.\n")
    facts = facts_of(text, nlp, lexicon, rules)
    people = {m.name for m in facts.mentions if m.label == "PERSON"}
    assert people == {"Peter Halvorsen"}
    assert ("Peter Halvorsen", "CEO", "Nordsea Lines") in positions(facts)


def test_evidence_points_into_the_text_as_read(nlp, lexicon, rules):
    text = ("Margins improved at most of the large\nretailers this year, and most of\nthem "
            "expect more.\n“It is a slow shift in how we\nwork with data every day.”— Lee\n"
            "Wong, CTO, Datawise\n")
    facts = facts_of(text, nlp, lexicon, rules)
    for item in [*facts.positions, *facts.claims, *facts.mentions]:
        assert 0 <= item.span.begin < item.span.end <= len(text)
    position = next(p for p in facts.positions if p.person == "Lee Wong")
    assert "Lee\nWong, CTO, Datawise" in text[position.span.begin:position.span.end]
