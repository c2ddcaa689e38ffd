"""Find positions written before a name ('Fabrikam vice president Ann Example') and their org."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.positions import name_context, position_rows
from pressgraph.stages.title_orgs import org_prefix
from pressgraph.stages.titles import ParsedTitle, split_titles

FUNCTION_WORDS = {"the", "a", "an", "under", "since", "after", "before", "when", "while", "as",
                  "in", "at", "on", "for", "but", "and", "with", "from", "by", "then", "now",
                  "last", "next", "former", "new", "its", "their", "his", "her", "our", "says",
                  "said", "also", "meanwhile", "however", "both"}
NOT_ORG_TYPES = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}


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
    titles = split_titles(title_span.text, lexicon, name_context(doc, person))
    if not titles:
        return []
    parsed = ParsedTitle(titles, organization, None, 0)
    begin = title_span.start_char - (len(organization) + 1 if organization else 0)
    return position_rows(person.text, parsed, max(begin, 0), end, "rule:title-before-name")


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
