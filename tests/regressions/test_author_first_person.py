"""Fixed: the author's own first-person statements in an opinion piece were no claims."""

import pytest

pytestmark = pytest.mark.slow


def test_first_person_statement_is_the_authors(facts_of):
    text = ("By Dana Whitfield\n\nWe have engineers that ride the night buses every week to learn "
            "what riders need from the service.\n")
    facts = facts_of(text)
    claim = next(c for c in facts.claims if "engineers" in c.text)
    assert claim.claimant == "Dana Whitfield"


def test_without_an_author_first_person_is_no_claim(facts_of):
    text = "We have engineers that ride the night buses every week to learn what riders need.\n"
    assert not [c for c in facts_of(text).claims if "engineers" in c.text]
