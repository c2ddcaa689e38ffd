"""Fixed: a quoted phrase inside a reported sentence became a quote of its own."""

import pytest

pytestmark = pytest.mark.slow


def test_quoted_phrase_inside_a_reported_clause(facts_of):
    text = ('Peter Walsh said the seasonal sales performance was "not what people had hoped for '
            'this year" at the chain.\n')
    claims = facts_of(text).claims
    assert [c.kind for c in claims] != ["Quote"]
    claim = next(c for c in claims if "seasonal sales" in c.text)
    assert claim.claimant == "Peter Walsh"


def test_a_quote_after_said_that_stays_a_quote(facts_of):
    text = ('Peter Walsh noted that "the purpose of a company is to create a customer and '
            'keep it".\n')
    quote = next(c for c in facts_of(text).claims if c.kind == "Quote")
    assert quote.claimant == "Peter Walsh"
