"""Fixed: statements from unnamed sources ('analysts said') were dropped; they are claims that
say no source was found, never a guessed claimant."""

import pytest

pytestmark = pytest.mark.slow


def test_analysts_said_is_an_unattributed_claim(facts_of):
    text = ("Harbor Foods Inc reported a loss. Analysts said the documents gave more details "
            "and may trigger a rival bid.\n")
    claim = next(c for c in facts_of(text).claims if "rival bid" in c.text)
    assert claim.claimant is None and claim.origin == "rule:reporting-verb-unnamed"


def test_a_verb_without_a_clause_is_no_claim(facts_of):
    text = "Today, marketers can actually predict the moment to engage with a customer.\n"
    assert not [c for c in facts_of(text).claims if "moment" in c.text]
