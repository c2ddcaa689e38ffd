"""Find positions (person, title, organization) after a name, in bylines and 'serves on' text.

Also the row every position rule gives (`position_rows`) and the text around a name that the
rules read (`name_context`). Titles written before a name are in `positions_before`; the company
of a title that names no organization, in `context_company`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.title_orgs import org_prefix
from pressgraph.stages.titles import ParsedTitle, parse_after_name

COPULA = re.compile(r"^\s*(?:,\s*who\s+)?(?:is|was|has been|had been|became|is now|remains)\s+")
APPOSITIVE = re.compile(r"^\s*,\s*")
APPOINTED = re.compile(r"^\s*(?:,\s*who\s+)?(?:will become|is to become|is set to become|"
                       r"will take on the role of|will take over as|is to take over as|"
                       r"takes over as|will be named|has been appointed|has been named|"
                       r"was appointed|was named|is appointed|is named)\s+")
SERVES = re.compile(
    r"\b(?:serves|served|serving|sits|sat|sitting)\s+on\s+the\s+(.{2,60}?)(?:'s|’s)?\s+"
    r"(board of directors|board|selection committee|committee|council|advisory board)\b")
SENTENCE_END = re.compile(r"(?<![A-Z])\.\s+(?=[A-Z“\"])")
CONFIDENCE = {"rule:byline": 0.9, "rule:signature": 0.85, "rule:appositive": 0.8,
              "rule:copula": 0.75, "rule:appointment": 0.7, "rule:title-before-name": 0.75,
              "rule:serves-on": 0.6}


def positions_after(doc: Doc, person: Span, lexicon: Lexicon) -> list[tuple]:
    """Positions stated right after a person's name: ', TITLE, ORG' or ' is TITLE of ORG'."""
    rest = SENTENCE_END.split(doc_text(doc)[person.end_char:].split("\n", 1)[0], 1)[0]
    rest = rest[:_next_person(doc, person) - person.end_char]
    rows, offset = [], 0
    for pattern, origin in ((APPOSITIVE, "rule:appositive"), (APPOINTED, "rule:appointment"),
                            (COPULA, "rule:copula")):
        match = pattern.match(rest[offset:])
        if not match:
            continue
        start = offset + match.end()
        if origin != "rule:appositive" and not _starts_title(rest[start:], lexicon):
            continue
        parsed = parse_after_name(rest[start:], lexicon, name_context(doc, person))
        if parsed:
            if origin == "rule:appositive" and _after_dash(doc, person):
                origin = "rule:signature"
            end = person.end_char + start + parsed.length
            rows += position_rows(person.text, parsed, person.start_char, end, origin)
            if origin != "rule:appositive":
                break
            offset = _after_appositive(rest, start + parsed.length)
    return rows


def _starts_title(text: str, lexicon: Lexicon) -> bool:
    """'is chief executive of ...', not 'is parting company with its chief executive'."""
    words = re.sub(r"^(?:a|an|the|its|our|their)\s+", "", text.strip(), flags=re.I).split()
    return bool(words) and (lexicon.is_title_word(words[0].strip(",")) or words[0][:1].isupper())


def _next_person(doc: Doc, person: Span) -> int:
    """Where the next person's name starts: a title after a name never holds another name."""
    return next((e.start_char for e in doc.ents if e.label_ == "PERSON"
                 and e.start_char >= person.end_char), len(doc_text(doc)))


def _after_appositive(rest: str, end: int) -> int:
    """Where the sentence goes on after ', TITLE,': 'X, the chairman, will become CEO'."""
    following = rest[end:]
    return end + (len(following) - len(following.lstrip(" ,"))) if following.startswith(",") \
        else len(rest)


def positions_serving(sentence: Span, subject: str | None) -> list[tuple]:
    """'X serves on the Y's board of directors' -> board of directors at Y."""
    match = SERVES.search(sentence.text)
    if not match or not subject:
        return []
    organization = org_prefix(match.group(1))
    if not organization:
        return []
    begin = sentence.start_char + match.start()
    parsed = ParsedTitle(((match.group(2), ()),), organization.lstrip("@"), None, 0)
    return position_rows(subject, parsed, begin, sentence.start_char + match.end(),
                         "rule:serves-on")


def byline_positions(name: str, rest: str, begin: int, lexicon: Lexicon) -> list[tuple]:
    """The positions in a byline's tail ('By NAME, TITLE, DIVISION, ORG')."""
    parsed = parse_after_name(rest, lexicon)
    if not parsed:
        return []
    return position_rows(name, parsed, begin, begin + len(rest), "rule:byline")


def position_rows(name: str, parsed: ParsedTitle, begin: int, end: int, origin: str
                  ) -> list[tuple]:
    """(person, title, codes, org, alias, begin, end, origin, confidence, unit) per title."""
    return [(name, title, codes, parsed.organization, parsed.alias, begin, end, origin,
             CONFIDENCE[origin], parsed.unit) for title, codes in parsed.titles]


def _after_dash(doc: Doc, person: Span) -> bool:
    """Whether the name follows a dash, as in a quote's signature."""
    return doc_text(doc)[max(person.start_char - 4, 0):person.start_char].strip()[-1:] in "—–-"


def name_context(doc: Doc, person: Span) -> str:
    """The text around a name, for deciding what 'CIO' means there."""
    return doc_text(doc)[max(person.start_char - 600, 0):person.end_char + 600]
