"""Parse the text after a name ("EVP and CMO, Acme Insurance") into titles, codes and an org.

Organization names are read by `title_orgs`; whether a title is former or incoming, by `tenure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.title_orgs import ARTICLE, is_org_part, org_prefix, split_commas

JOINER = re.compile(r"\s+(?:and|&)\s+|\s*/\s*")
POSSESSIVE_OWNER = re.compile(r"^\s*((?:[A-Z][\w&.-]*\s){0,3}[A-Z][\w&.-]*)(?:'s|’s)\s+(.+)$")
CLAUSE_END = re.compile(r"\s(?:said|says|told|tells|added|adds|warned|argued|believes|thinks|"
                        r"predicted|expects|noted)\b|[\"“”]")
OF_THE_COMPANY = re.compile(r"\s+(?:of|at)\s+(?:the|its)\s+(?:company|firm|group|business|bank)$",
                            re.I)
ALIAS = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")


@dataclass(frozen=True)
class ParsedTitle:
    """Titles as written, their role codes, the organization, and how much text was read."""

    titles: tuple[tuple[str, tuple[str, ...]], ...]
    organization: str | None
    alias: str | None
    length: int
    unit: str | None = None


def role_codes(title: str, lexicon: Lexicon, context: str = "") -> tuple[str, ...]:
    """The role codes a title names, CIO decided from the words around it."""
    codes: list[str] = []
    for match in lexicon.title_re.finditer(title):
        word = match.group(0)
        code = _lookup(word, lexicon)
        if code == "CIO" and _innovation_sense(context):
            code = "CINO"
        if code and code not in codes:
            codes.append(code)
    return tuple(codes)


def _lookup(word: str, lexicon: Lexicon) -> str:
    """The code of a matched title head, trying exact, singular and case-folded forms."""
    for form in (word, word[:-1] if word.endswith("s") else word):
        if form in lexicon.titles:
            return lexicon.titles[form]
        folded = re.sub(r"[\s-]+", " ", form.casefold())
        for title, code in lexicon.titles.items():
            if not title.isupper() and re.sub(r"[\s-]+", " ", title.casefold()) == folded:
                return code
    return ""


def _innovation_sense(context: str) -> bool:
    """'CIO' means Chief Innovation Officer when the text nearby speaks of that office."""
    lowered = context.casefold()
    return lowered.count("innovation officer") > lowered.count("information officer")


def parse_after_name(text: str, lexicon: Lexicon, context: str = "") -> ParsedTitle | None:
    """Read 'TITLE[, DIVISION...][, ORG]' or 'TITLE of|at ORG' from the start of `text`."""
    parts = split_commas(CLAUSE_END.split(text, 1)[0])[:8]
    first = parts[0]
    if not lexicon.has_head(first) or len(first.split()) > 16:
        return None
    named = _named_prefix(first, lexicon)
    if named:
        titles = split_titles(first[len(named):], lexicon, context)
        return ParsedTitle(titles, named, None, len(first)) if titles else None
    owner = POSSESSIVE_OWNER.match(first)
    if owner and lexicon.has_head(owner.group(2)):
        titles = split_titles(owner.group(2), lexicon, context)
        return ParsedTitle(titles, owner.group(1), None, len(first)) if titles else None
    used, run = len(first), []
    for part in parts[1:]:
        if not is_org_part(part) or lexicon.has_head(part):
            break
        run.append(part)
    organization, alias, title_text = None, None, first.strip()
    unit = None
    if run:
        organization = org_prefix(run[-1].strip())
        title_text = ", ".join([first.strip(), *(p.strip() for p in run[:-1])])
        used += sum(len(p) + 1 for p in run)
        unit = ", ".join(p.strip() for p in run[:-1]) or None
    else:
        title_text, organization = _split_inner_org(first.strip(), lexicon.places)
    if organization:
        found = ALIAS.match(text[text.find(organization) + len(organization):])
        alias = found.group(1) if found else None
    titles = split_titles(title_text, lexicon, context)
    return ParsedTitle(titles, organization, alias, used, unit if organization else None) \
        if titles else None


def _named_prefix(part: str, lexicon: Lexicon) -> str | None:
    """Capitalized words before a lowercase title: 'Quill Bank country director' -> the bank."""
    words = part.strip().split()
    taken = []
    for word in words:
        if not word[:1].isupper() or lexicon.is_title_word(word) or word.casefold() == "the":
            break
        taken.append(word)
    rest = words[len(taken):]
    if not taken or not rest or not rest[0][:1].islower() or not lexicon.has_head(" ".join(rest)):
        return None
    named = " ".join(taken)
    return None if named in lexicon.places else named


def _split_inner_org(part: str, places: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """'professor of finance at the University of Somewhere' -> title, organization."""
    for joiner in (" at ", " of ", " for ", " with "):
        index = part.find(joiner)
        while index > 0:
            rest = part[index + len(joiner):]
            org = None if re.match(r"(?:a|an)\s", rest) else org_prefix(rest)
            if org and org not in places and (
                    not org.startswith(("Marketing", "Sales")) or joiner == " at "):
                return part[:index].strip(), org
            index = part.find(joiner, index + 1)
    return part, None


def split_titles(text: str, lexicon: Lexicon, context: str) -> tuple[tuple[str, tuple], ...]:
    """'EVP and CMO' -> ('EVP', ...), ('CMO', ...): split where each side has a head."""
    text = ARTICLE.sub("", text.strip().rstrip(".;:"))
    pieces = [OF_THE_COMPANY.sub("", ARTICLE.sub("", p.strip())) for p in JOINER.split(text)]
    if len(pieces) < 2 or not all(lexicon.has_head(p) for p in pieces):
        pieces = [OF_THE_COMPANY.sub("", text)]
    return tuple((p, role_codes(p, lexicon, context)) for p in pieces if lexicon.has_head(p))
