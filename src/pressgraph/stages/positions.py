"""Find positions (person, title, organization) in bylines, appositives, signatures and bios."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pressgraph.stages.coref import salient_org
from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.titles import ParsedTitle, org_prefix, parse_after_name, split_titles

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
FUNCTION_WORDS = {"the", "a", "an", "under", "since", "after", "before", "when", "while", "as",
                  "in", "at", "on", "for", "but", "and", "with", "from", "by", "then", "now",
                  "last", "next", "former", "new", "its", "their", "his", "her", "our", "says",
                  "said", "also", "meanwhile", "however", "both"}
CONFIDENCE = {"rule:byline": 0.9, "rule:signature": 0.85, "rule:appositive": 0.8,
              "rule:copula": 0.75, "rule:appointment": 0.7, "rule:title-before-name": 0.75,
              "rule:serves-on": 0.6}


NOT_ORG_TYPES = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}
CORPORATE_CODES = {"CEO", "CFO", "COO", "CTO", "CMO", "CIO", "CINO", "CDO", "CDAO", "EVP", "SVP",
                   "VP"}
CORPORATE_WORDS = re.compile(r"\b(?:co-)?chair(?:man|woman)?\b|\bboard\b|\bfounder\b|"
                             r"\bnon-executive\b|\b(?:executive|managing) director\b", re.I)


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
        parsed = parse_after_name(rest[start:], lexicon, _context(doc, person))
        if parsed:
            if origin == "rule:appositive" and _after_dash(doc, person):
                origin = "rule:signature"
            end = person.end_char + start + parsed.length
            rows += _rows(person.text, parsed, person.start_char, end, origin)
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


def positions_before(doc: Doc, person: Span, lexicon: Lexicon) -> list[tuple]:
    """'Fabrikam vice president Ann Example', 'Acme EVP and CMO Paul Brennan'."""
    index = person.start
    while index > 0 and _titleish(doc[index - 1], lexicon):
        index -= 1
    while index < person.start and doc[index].lower_ in ("and", "&", "or"):
        index += 1
    title_span = doc[index:person.start]
    if not len(title_span) or not lexicon.has_head(title_span.text):
        return []
    first = index
    while first > max(index - 4, 0) and doc[first - 1].ent_type_ not in NOT_ORG_TYPES:
        first -= 1
    before = doc[first:index].text.split("\n")[-1]
    organization = _entity_before(doc, index) or _org_before(before)
    if organization and (_is_place(doc, index, organization, lexicon)
                         or _opens_sentence(doc, index, organization)):
        organization = None
    end = person.end_char
    if organization is None:
        organization, end = _org_after(doc, person, lexicon.org_suffixes)
    titles = split_titles(title_span.text, lexicon, _context(doc, person))
    if not titles:
        return []
    parsed = ParsedTitle(titles, organization, None, 0)
    begin = title_span.start_char - (len(organization) + 1 if organization else 0)
    return _rows(person.text, parsed, max(begin, 0), end, "rule:title-before-name")


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
    return _rows(subject, parsed, begin, sentence.start_char + match.end(), "rule:serves-on")


def byline_positions(name: str, rest: str, begin: int, lexicon: Lexicon) -> list[tuple]:
    """The positions in a byline's tail ('By NAME, TITLE, DIVISION, ORG')."""
    parsed = parse_after_name(rest, lexicon)
    if not parsed:
        return []
    return _rows(name, parsed, begin, begin + len(rest), "rule:byline")


def _rows(name: str, parsed: ParsedTitle, begin: int, end: int, origin: str) -> list[tuple]:
    """(person, title, codes, org, alias, begin, end, origin, confidence, unit) per title."""
    return [(name, title, codes, parsed.organization, parsed.alias, begin, end, origin,
             CONFIDENCE[origin], parsed.unit) for title, codes in parsed.titles]


def _titleish(token, lexicon: Lexicon) -> bool:
    """A token that can be part of a title written before a name."""
    text = token.text
    if token.ent_type_ in ("PERSON",) or "\n" in token.whitespace_:
        return False
    if text.casefold() in lexicon.desk_words:
        return text.islower() or token.is_sent_start
    return lexicon.is_title_word(text) and text.casefold() not in {"of", "&"}


def _org_before(text: str) -> str | None:
    """The organization that ends right before a title ('Fabrikam', "Contoso's")."""
    words = text.strip().split()
    taken = []
    for word in reversed(words):
        bare = re.sub(r"(?:'s|’s)$", "", word)
        if (not bare[:1].isupper() or bare.endswith(".") or bare.casefold() in FUNCTION_WORDS
                or not re.match(r"^[\w&.-]+$", bare)):
            break
        taken.insert(0, bare)
        if bare != word and len(taken) > 1:
            break
    return " ".join(taken) or None


def _is_place(doc: Doc, index: int, organization: str, lexicon: Lexicon) -> bool:
    """A country or nationality before a title ('Venezuelan President'): no organization."""
    words = organization.split()
    tokens = [t for t in doc[max(index - len(words) - 1, 0):index] if t.text[:1].isupper()]
    return organization in lexicon.places or bool(tokens) and all(
        t.ent_type_ in ("GPE", "NORP", "LOC") or t.text in lexicon.places for t in tokens)


def _entity_before(doc: Doc, index: int) -> str | None:
    """The organization entity that ends right before a title ('Bank of Harwick governor')."""
    if index == 0 or doc[index - 1].ent_type_ != "ORG":
        return None
    entity = next(e for e in doc.ents if e.start <= index - 1 < e.end)
    return entity.text if entity.end == index else None


def _opens_sentence(doc: Doc, index: int, organization: str) -> bool:
    """A capitalized word that only opens the sentence ('Aviation analyst X'): no name."""
    first = index - len(organization.split())
    return (first >= 0 and doc[first].is_sent_start and not doc[index].is_sent_start
            and len(organization.split()) == 1 and doc[first].ent_type_ != "ORG")


def _org_after(doc: Doc, person: Span, suffixes: frozenset[str] = frozenset()
               ) -> tuple[str | None, int]:
    """'analyst Ann Example of Fabrikam': the organization named right after, and its end."""
    if person.end + 1 < len(doc) and doc[person.end].lower_ in ("of", "at", "from"):
        window = doc[person.end + 1:min(person.end + 9, len(doc))]
        name = org_prefix(window.text.split("\n")[0])
        if name and not name.startswith("@"):
            run = doc[window.start:window.start + len(name.split())]
            if all(t.ent_type_ in ("ORG", "PERSON") for t in run) or run[-1].lower_ in suffixes or (
                    any(t.ent_type_ == "ORG" for t in run)
                    and not any(t.ent_type_ in ("GPE", "DATE") for t in run)):
                return name, run.end_char
    return None, person.end_char


def _after_dash(doc: Doc, person: Span) -> bool:
    """Whether the name follows a dash, as in a quote's signature."""
    return doc_text(doc)[max(person.start_char - 4, 0):person.start_char].strip()[-1:] in "—–-"


def _context(doc: Doc, person: Span) -> str:
    """The text around a name, for deciding what 'CIO' means there."""
    return doc_text(doc)[max(person.start_char - 600, 0):person.end_char + 600]


def with_context_company(rows: list[tuple], orgs: list[Span]) -> list[tuple]:
    """A company title with no organization stated ('the co-chairman') is at the company the
    story is about: the organization named most often before it, if named at least twice."""
    out = []
    for row in rows:
        if row[3] is None and _corporate(row[1], row[2]):
            company = salient_org(orgs, row[5])
            if company is not None and sum(o.text == company.text for o in orgs) >= 2:
                row = (*row[:3], company.text, None, *row[5:7], row[7] + "+context-company",
                       round(row[8] - 0.15, 2), *row[9:])
        out.append(row)
    return out


def _corporate(title: str, codes: tuple[str, ...]) -> bool:
    """A title that only a company gives: chief officers, vice presidents, chairmen."""
    return bool(set(codes) & CORPORATE_CODES) or CORPORATE_WORDS.search(title) is not None
