"""Fixed: news-style quote attributions ('"...," title NAME said', '"...," he said',
'"...," the company said') went to the wrong speaker."""

import pytest

pytestmark = pytest.mark.slow


def speaker_of(facts, words):
    return next(c.claimant for c in facts.claims if words in c.text)


def test_title_and_name_after_the_quote(facts_of):
    text = ('Brandex said sales rose. "Our results were strong in every market we serve this '
            'year," chairman and chief executive Dana Whitfield said.\n')
    assert speaker_of(facts_of(text), "Our results were strong") == "Dana Whitfield"


def test_pronoun_after_the_quote_is_the_latest_person(facts_of):
    text = ('Analyst Ivo Brankov of Quillmart Securities was cautious. "It is quite good on the '
            'revenue side but costs are still rising fast," he said.\n')
    assert speaker_of(facts_of(text), "quite good on the revenue") == "Ivo Brankov"


def test_the_company_is_the_most_named_organization(facts_of):
    text = ("Harbor Foods Inc made a profit of $5m. Shares in Harbor Foods Inc rose. Its deal is "
            "under review by the Office of Fair Trading. The company said it expected to close "
            "the deal in May.\n")
    claim = next(c for c in facts_of(text).claims if "close the deal" in c.text)
    assert claim.claimant == "Harbor Foods Inc"


def test_subject_inside_a_long_name_is_the_person(facts_of):
    text = ("Aviation analyst Nick Van den Brul of Quillmart Securities described the results as "
            "modest.\n")
    claim = next(c for c in facts_of(text).claims if "modest" in c.text)
    assert claim.claimant != "Quillmart Securities"


def test_a_role_reference_is_the_person_with_that_title(facts_of):
    text = ("Harbor Foods Inc chief executive Peter Walsh spoke on Monday. Later the chief "
            "executive said that the chain would open ten stores next year.\n")
    claim = next(c for c in facts_of(text).claims if "ten stores" in c.text)
    assert claim.claimant == "Peter Walsh"
