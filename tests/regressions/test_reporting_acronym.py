"""Fixed: an acronym that reports a finding ('IDC found ...') was no organization."""

import pytest
from mention_names import orgs

pytestmark = pytest.mark.slow


def test_acronym_subject_of_a_reporting_verb_is_an_organization(facts_of):
    text = "QRX, at its annual conference, found that budgets grew by 12 percent last year.\n"
    facts = facts_of(text)
    assert "QRX" in orgs(facts)
    assert any(c.claimant == "QRX" for c in facts.claims)
