"""Fixed: lists of titled people, dates before titles and verbs after 'is' made wrong
positions; companies named like people were people."""

import pytest
from mention_names import orgs, people, positions

pytestmark = pytest.mark.slow



def test_a_list_of_titled_people(facts_of):
    text = ("The trio are chief executive Peter Walsh, chief financial officer Sarah Milne and "
            "chief operations officer Tom Hughes of Harwick Air.\n")
    found = positions(facts_of(text))
    assert ("Peter Walsh", "chief executive", None) in found
    assert not any(person == "Peter Walsh" and "Milne" in title for person, title, _ in found)
    assert not any(org == "Sarah Milne" for _, _, org in found)


def test_a_date_before_a_title_is_no_organization(facts_of):
    text = "On Wednesday Irish Transport Minister Peter Walsh said the sale would go ahead.\n"
    assert ("Peter Walsh", "Transport Minister", None) in positions(facts_of(text))


def test_a_verb_after_is_makes_no_title(facts_of):
    text = "Peter Walsh is parting company with its chief executive, the board said.\n"
    assert not any(person == "Peter Walsh" for person, _, _ in positions(facts_of(text)))


def test_which_and_a_kind_noun_mark_a_company(facts_of):
    text = ("Laura Quill, which floated in 1995, is majority-owned by a tycoon. A report from "
            "investment firm Grant Quillby values the shares at 200p.\n")
    facts = facts_of(text)
    assert not people(facts) & {"Laura Quill", "Grant Quillby"}
    assert {"Laura Quill", "Grant Quillby"} <= orgs(facts)


def test_a_company_word_ends_the_organization_after_of(facts_of):
    text = '"It is a result," said retail analyst Peter Walsh of Quillby Securities.\n'
    assert ("Peter Walsh", "retail analyst", "Quillby Securities") in positions(facts_of(text))


def test_an_indefinite_employer_is_no_organization(facts_of):
    text = ("Peter Walsh is to be replaced by Sarah Milne, presently a non-executive director of "
            "the company and head of a Malaysian retailer.\n")
    found = positions(facts_of(text))
    assert ("Sarah Milne", "head", "Malaysian") not in found
    assert any(title == "non-executive director" for _, title, _ in found)
