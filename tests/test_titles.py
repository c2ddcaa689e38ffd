"""Titles after a name: compound titles, divisions, 'of'/'at' organizations, role codes."""

from __future__ import annotations

import pytest

from pressgraph.stages.titles import parse_after_name, role_codes

CASES = [
    ("EVP and CMO, Acme Insurance", [("EVP", ("EVP",)), ("CMO", ("CMO",))], "Acme Insurance"),
    ("CMO of Widget Stores UK", [("CMO", ("CMO",))], "Widget Stores UK"),
    ("sales director, Fleet, Public Sector Services, Examplecorp",
     [("sales director, Fleet, Public Sector Services", ("DIRECTOR",))], "Examplecorp"),
    ("vice-president (VP) of sales for Europe at Northwind Air (NA)",
     [("vice-president (VP) of sales for Europe", ("VP",))], "Northwind Air"),
    ("an economist and professor of finance at the University of Somewhere, said",
     [("economist", ()), ("professor of finance", ())], "University of Somewhere"),
    ("chairman and chief executive of Fabrikam", [("chairman", ()), ("chief executive", ("CEO",))],
     "Fabrikam"),
]


@pytest.mark.parametrize(("text", "titles", "org"), CASES)
def test_titles_and_organization(lexicon, text, titles, org):
    parsed = parse_after_name(text, lexicon)
    assert parsed is not None
    assert [(t, c) for t, c in parsed.titles] == titles
    assert parsed.organization == org


def test_no_title_no_position(lexicon):
    assert parse_after_name("an experienced listener and designer", lexicon) is None


def test_acronym_defined_in_parentheses_is_kept_as_alias(lexicon):
    parsed = parse_after_name("head of cargo at Northwind Air (NA)", lexicon)
    assert parsed.alias == "NA"


def test_cio_is_decided_per_mention(lexicon):
    innovation = "our Chief Innovation Officer leads research; the innovation officer role"
    information = "the Chief Information Officer runs the data centres"
    assert role_codes("CIO", lexicon, innovation) == ("CINO",)
    assert role_codes("CIO", lexicon, information) == ("CIO",)
