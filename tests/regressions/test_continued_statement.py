"""Fixed: 'And ...' right after a reported prediction lost its claimant."""

import pytest

pytestmark = pytest.mark.slow


def test_and_sentence_keeps_the_claimant(facts_of):
    text = ("Brandex Research predicted that by 2030 most shops will take no cash at all. And "
            "this shift will lead to a new kind of bank for small traders.\n")
    facts = facts_of(text)
    claim = next(c for c in facts.claims if "new kind of bank" in c.text)
    assert claim.claimant == "Brandex Research"
    assert claim.kind == "Prediction"
    assert not claim.text.startswith("And")


def test_a_new_paragraph_does_not_carry_the_claimant(facts_of):
    text = ("Brandex Research predicted that by 2030 most shops will take no cash at all.\n\n"
            "And the weather will be fine across the north of the country tomorrow.\n")
    facts = facts_of(text)
    assert not any(c.claimant and "weather" in c.text for c in facts.claims)
