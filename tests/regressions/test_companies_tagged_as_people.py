"""Fixed: companies the model tags as people ('Seibu Railways', 'SAIC', 'Quillco said')."""

import pytest
from mention_names import people

pytestmark = pytest.mark.slow


def test_a_company_word_at_the_end_makes_an_organization(facts_of):
    text = "Shares in Harwick Railways fell after Ivo Brankov, its chairman, resigned.\n"
    facts = facts_of(text)
    assert "Harwick Railways" not in people(facts)


def test_a_one_word_name_that_reports_like_a_company_is_an_organization(facts_of):
    text = ("Quillco said its sales rose 5% to $2bn in the year to March, helped by demand "
            "from China.\n")
    facts = facts_of(text)
    assert "Quillco" not in people(facts)
    claim = next(c for c in facts.claims if "sales rose" in c.text)
    assert claim.claimant_label in (None, "ORG")
