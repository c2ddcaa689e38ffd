"""Fixed: news claims cut short, split at 'he said', or invented for the article's narration."""

import pytest

pytestmark = pytest.mark.slow


def test_a_reported_statement_keeps_its_coordinated_clause(facts_of):
    text = ("Peter Walsh said the changes would speed decision making, and the firm may make "
            "further changes later in the year.\n")
    claim = next(c for c in facts_of(text).claims if "speed decision" in c.text)
    assert claim.text.endswith("later in the year")


def test_a_quote_broken_by_a_speech_tag_is_one_claim(facts_of):
    text = ('"We have found the need for clarity and we are moving to a simpler structure," '
            'Mr Walsh said. "We are leaving behind one of the key features of our company."\n')
    quotes = [c for c in facts_of(text).claims if c.kind == "Quote"]
    assert len(quotes) == 1
    assert "simpler structure" in quotes[0].text and "key features" in quotes[0].text


def test_narration_without_author_figure_or_source_is_no_claim(facts_of):
    text = "Quillco Group last year dismantled its dual structure after a series of problems.\n"
    assert facts_of(text).claims == ()


def test_a_figure_the_model_misses_still_makes_a_statistic(facts_of):
    text = "The insurer has total net assets of $96bn and employs staff in ten countries.\n"
    claims = facts_of(text).claims
    assert [c.kind for c in claims] == ["Statistic"] and claims[0].claimant is None
