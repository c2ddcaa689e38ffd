"""Fixed: organizations in news copy lost to the person label, split, or cut short."""

import pytest
from mention_names import orgs, people, positions

pytestmark = pytest.mark.slow



def test_an_employer_the_model_took_for_a_person_is_an_organization(facts_of):
    text = ("Yet aviation analyst Peter Walsh of Harwick Kleinwort Osterman says the fuel costs "
            "will hurt.\n")
    facts = facts_of(text)
    assert ("Peter Walsh", "aviation analyst", "Harwick Kleinwort Osterman") in positions(facts)
    assert "Harwick Kleinwort Osterman" not in people(facts)


def test_an_appositive_naming_a_kind_of_organization(facts_of):
    text = "NM Quillfeather, the investment bank, is advising the buyer, the paper said.\n"
    assert "NM Quillfeather" not in people(facts_of(text))


def test_the_organization_entity_before_a_title(facts_of):
    text = "Bank of Harwick governor Alma Roe has warned against reading too much into it.\n"
    assert ("Alma Roe", "governor", "Bank of Harwick") in positions(facts_of(text))


def test_a_title_cut_at_the_reporting_verb(facts_of):
    text = ("Peter Walsh, economist at Quillco Insight said the committee \"may well consider "
            "that the balance of risks to growth and inflation has changed in the last month\".\n")
    assert ("Peter Walsh", "economist", "Quillco Insight") in positions(facts_of(text))


def test_an_acronym_before_a_lowercase_title_is_the_organization(facts_of):
    text = '"We resist this," said Alma Roe, HCC director general, on Monday.\n'
    assert ("Alma Roe", "director general", "HCC") in positions(facts_of(text))


def test_a_place_is_not_the_organization_of_a_desk(facts_of):
    text = ("Peter Walsh, head of UK equities for Quillco Life Investments, said the bid "
            "was fair.\n")
    assert ("Peter Walsh", "head of UK equities", "Quillco Life Investments") in positions(
        facts_of(text))


def test_a_last_word_and_initials_stand_for_the_full_name(facts_of):
    text = ("Analyst Peter Walsh of BNQ Quillbas said Harwick Airways had done well. Quillbas "
            "expects HA to grow.\n")
    found = orgs(facts_of(text))
    assert "Quillbas" not in found and "HA" not in found


def test_a_place_before_a_lowercase_title_is_part_of_the_title(facts_of):
    text = ("Peter Walsh, UK economist at Royal Bank of Harwick, said he was surprised by the "
            "vote.\n")
    found = positions(facts_of(text))
    assert any(org == "Royal Bank of Harwick" for name, _, org in found if name == "Peter Walsh")
    assert not any(org == "UK" for _, _, org in found)
