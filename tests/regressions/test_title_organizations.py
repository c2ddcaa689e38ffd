"""Fixed: the organization of a title was wrong in four common news forms."""

import pytest
from mention_names import positions

pytestmark = pytest.mark.slow



def test_possessive_owner_of_a_title(facts_of):
    text = "Sales fell, said Dana Whitfield, Brandex's vice president for European sales.\n"
    found = positions(facts_of(text))
    assert ("Dana Whitfield", "vice president for European sales", "Brandex") in found


def test_a_nationality_before_a_title_is_no_organization(facts_of):
    text = "Venezuelan President Ramon Ortega signed the deal in Caracas on Tuesday.\n"
    assert all(org is None for _, _, org in positions(facts_of(text)))


def test_a_sector_word_opening_the_sentence_and_of_org_after_the_name(facts_of):
    text = ("Traffic rose in May. Aviation analyst Ivo Brankov of Quillmart Securities said the "
            "figures were strong.\n")
    assert ("Ivo Brankov", "Aviation analyst", "Quillmart Securities") in positions(facts_of(text))


def test_the_first_of_names_the_whole_organization(facts_of):
    text = ("Alma Roe, secretary general of the Association of Harbour Pilots, said fees "
            "would rise.\n")
    found = positions(facts_of(text))
    assert ("Alma Roe", "secretary general", "Association of Harbour Pilots") in found
