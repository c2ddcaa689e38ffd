"""The cleaner: boilerplate out, hard wraps unwrapped, every character mapped to the raw text."""

from __future__ import annotations

import pytest

from pressgraph.records import RawArticle
from pressgraph.stages.clean import clean

WRAPPED = (
    "Several companies are starting to see results from their\n"
    "collaboration efforts and the line keeps moving between the\n"
    "teams that build things and the teams that sell them.\n"
    "“We are aligned on almost everything that matters to our\n"
    "customers.”— Ann\n"
    "Example, Senior Vice President, Widget Corp\n"
    "Acme Holdings is another case of a company that keeps\n"
    "investing in its data systems every single year.\n"
)


def _clean(text: str, rules):
    return clean(RawArticle("a.txt", "a", text), rules)


def _assert_mapped(article) -> None:
    for index, char in enumerate(article.text):
        raw = article.raw.text[article.offsets[index]]
        assert char == raw or (char in " \n" and raw.isspace())


def test_hard_wrapped_lines_are_joined_and_mapped(rules):
    article = _clean(WRAPPED, rules)
    assert "from their collaboration efforts" in article.text
    assert "— Ann Example, Senior Vice President, Widget Corp\nAcme Holdings" in article.text
    _assert_mapped(article)


def test_a_span_maps_back_to_the_text_as_read(rules):
    article = _clean(WRAPPED, rules)
    begin = article.text.index("Ann Example")
    raw_begin, raw_end = article.to_raw(begin, begin + len("Ann Example"))
    assert article.raw.text[raw_begin:raw_end] == "Ann\nExample"


def test_comments_related_posts_and_embed_errors_are_dropped(rules):
    text = ("A headline for the story\n\nThe company said profits rose by a third in the year to "
            "March, helped by strong sales abroad and lower costs at home.\n"
            "ARVE Error: need id and provider\n\nRelated Posts\n\nPost A Comment\n"
            "1. Some Reader April 4, 2013 - Reply\nGreat post, thanks!\n")
    article = _clean(text, rules)
    assert "profits rose" in article.text
    for gone in ("ARVE", "Related Posts", "Great post", "Some Reader"):
        assert gone not in article.text
    assert article.regions[0][0] == "header"


def test_bullets_and_no_break_spaces_are_normalized(rules):
    text = ("By Jo\u00a0\u00a0Writer, analyst, Example Bank\n\n"
            "  • First point is here and long enough.\n")
    article = _clean(text, rules)
    assert "By Jo Writer, analyst" in article.text
    assert "•" not in article.text
    assert "\nFirst point is here" in article.text
    _assert_mapped(article)


def test_an_author_bio_is_kept_apart_from_the_body(rules):
    text = ("The market rose on Monday after a long fall that lasted most of the week.\n"
            "ABOUT THE AUTHOR\nSam Person is an editor at Example News.\n")
    article = _clean(text, rules)
    kinds = [kind for kind, _, _ in article.regions]
    assert kinds == ["body", "bio"]
    assert article.region_of(article.text.index("Sam Person")) == "bio"


def _collapsed_by_hand(raw: str) -> tuple[str, list[int]]:
    """The reference: walk the text one character at a time."""
    blanks, text, offsets, i = " \t\u00a0\u2007\u202f\u2009", [], [], 0
    while i < len(raw):
        text.append(" " if raw[i] in blanks else raw[i])
        offsets.append(i)
        if raw[i] in blanks:
            while i < len(raw) and raw[i] in blanks:
                i += 1
        else:
            i += 1
    return "".join(text), offsets


@pytest.mark.parametrize("raw", ["", "a", "  ", "a  b", " a\t\u00a0b ", "x\u2009\u2009y\nz  ",
                                 "\u202f\u2007lead and trail\t"])
def test_collapsing_blanks_keeps_each_characters_raw_offset(raw):
    from pressgraph.stages.textmap import MappedText

    mapped = MappedText()
    mapped.add_collapsed(raw, 0, len(raw))
    assert (mapped.text(), list(mapped.offsets)) == _collapsed_by_hand(raw)
