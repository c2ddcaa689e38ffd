"""Fixed: names listed after a kind of organization ('retailers such as A and B') were missed
or taken for people."""

import pytest
from mention_names import orgs, people

pytestmark = pytest.mark.slow


def test_names_after_such_as_are_organizations(facts_of):
    text = ("Online retailers such as Quillmart, Brandex and Cobalt & Finch cut their prices "
            "again this autumn.\n")
    facts = facts_of(text)
    assert {"Quillmart", "Brandex", "Cobalt & Finch"} <= orgs(facts)
    assert not people(facts) & {"Quillmart", "Brandex"}


def test_a_list_after_a_non_organization_noun_is_left_alone(facts_of):
    text = "Cities such as Harwick and Ostend saw prices rise by a fifth in the spring.\n"
    assert not orgs(facts_of(text)) & {"Harwick", "Ostend"}
