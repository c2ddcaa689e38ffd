"""Fixed: one-word names with no sign of personhood (fictional, a computer, a family, a site)
were taken for people."""

import pytest
from mention_names import people

pytestmark = pytest.mark.slow


def test_lone_names_without_evidence_are_no_people(facts_of):
    text = ("Like the logical Zorbo and the dreamy Captain Quill, the two leaders complement "
            "each other. Rivals such as Quibble and Snapline have grown fast this year.\n")
    assert people(facts_of(text)) & {"Zorbo", "Quill", "Quibble", "Snapline"} == set()


def test_a_lone_name_with_an_honorific_stays(facts_of):
    text = "Mr Brankov told shareholders the plan would cut costs by a third next year.\n"
    assert "Brankov" in people(facts_of(text))


def test_a_full_name_stays(facts_of):
    text = "Sales rose in May, Dana Whitfield wrote in a note to clients on Friday.\n"
    assert "Dana Whitfield" in people(facts_of(text))
