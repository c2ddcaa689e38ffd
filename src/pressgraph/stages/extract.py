"""Extract people, organizations, positions and claims from one cleaned, parsed article.

Claims are found by `extract_claims`; what is found becomes records in `extract_records`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pressgraph.records import ArticleFacts, CleanArticle
from pressgraph.stages import metadata, positions, positions_before
from pressgraph.stages import people as credible
from pressgraph.stages.context_company import with_context_company
from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.extract_claims import find_claims
from pressgraph.stages.extract_records import (
    calibrated,
    claim_record,
    mention_records,
    position_record,
)
from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.names import NameBook

SIGNED = re.compile(r"[”\"]\s*[—–]\s*([A-Z][\w'’-]+(?:\s[A-Z][\w.'’-]*){1,3})\s*,")


def extract(article: CleanArticle, doc: Doc, lexicon: Lexicon) -> ArticleFacts:
    """All facts of one article; offsets are mapped back to the text as read.

    A Doc without a dependency parse (the "blank" model) gives the article and its metadata
    only: every rule for people, positions and claims reads the parse.
    """
    if not doc.has_annotation("DEP"):
        return _unparsed(article)
    people = _with_signatures(doc, [e for e in doc.ents if e.label_ == "PERSON"])
    orgs = [e for e in doc.ents if e.label_ == "ORG"]
    authors = metadata.authors(article)
    rows = with_context_company(
        _positions(article, doc, people, lexicon, authors), orgs)
    employers = {row[3] for row in rows if row[3]}
    orgs = sorted(orgs + [Span(doc, p.start, p.end, label="ORG") for p in people
                          if p.text in employers], key=lambda e: e.start)
    people = [p for p in people if p.text not in employers]
    book = _name_book(authors, people, rows)
    known = {book.person(name) for name in [*authors, *(row[0] for row in rows)]}
    people, companies = credible.companies_named_as_people(people, book, known, lexicon.cue_verbs)
    orgs = sorted(orgs + companies, key=lambda e: e.start)
    titles = " | ".join(row[1] for row in rows)
    kept_orgs = [o for o in orgs if not _inside_title(o.text, titles, rows)
                 and not book.is_person(o.text)]
    for org in kept_orgs:
        book.add_org(org.text)
    author = (book.person(authors[0]), "PERSON") if authors else None
    found = find_claims(article, doc, people, kept_orgs, lexicon, author, rows)
    evidence = known | {book.person(f.claimant) for f in found
                        if f.label == "PERSON" and f.claimant}
    people = credible.credible_people(people, book, evidence)
    return ArticleFacts(
        raw=article.raw,
        title=metadata.find_title(article),
        authors=tuple(book.person(a) or a for a in authors),
        date=metadata.article_date(article),
        publisher=article.raw.publisher,
        mentions=mention_records(article, people, kept_orgs, rows, book),
        positions=tuple(calibrated(position_record(article, row, book), lexicon) for row in rows),
        claims=tuple(calibrated(claim_record(article, doc, f, book), lexicon) for f in found),
        aliases=book.org_aliases(),
    )


def _name_book(authors, people, rows) -> NameBook:
    """The article's names: authors, people, and the people and employers of positions."""
    book = NameBook()
    for name in authors:
        book.add_person(name, single=True)
    for name in [p.text for p in people]:
        book.add_person(name)
    for row in rows:
        book.add_person(row[0])
        if row[3]:
            book.add_org(row[3])
            if row[4]:
                book.alias(row[4], row[3])
    return book


def _unparsed(article: CleanArticle) -> ArticleFacts:
    """The facts of an article whose text has no parse: its metadata, nothing extracted."""
    return ArticleFacts(raw=article.raw, title=metadata.find_title(article),
                        authors=tuple(metadata.authors(article)),
                        date=metadata.article_date(article), publisher=article.raw.publisher,
                        mentions=(), positions=(), claims=(), aliases=())


def _with_signatures(doc: Doc, people: list[Span]) -> list[Span]:
    """Add the names of quote signatures ('”— Ana Lopez, CEO') that the model missed."""
    found = list(people)
    for match in SIGNED.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), label="PERSON")
        if span is not None and not any(p.start < span.end and span.start < p.end for p in found):
            found.append(span)
    return sorted(found, key=lambda s: s.start)


def _positions(article, doc, people, lexicon, authors) -> list[tuple]:
    """Positions from bylines, names in the text, and 'serves on' sentences."""
    rows = []
    for names, tail, begin in metadata.bylines(article):
        if len(names) == 1:
            rows += positions.byline_positions(names[0], tail, begin, lexicon)
    for person in people:
        rows += positions.positions_after(doc, person, lexicon)
        rows += positions_before.positions_before(doc, person, lexicon)
    for sentence in doc.sents:
        subject = _subject_for(article, sentence, people, authors)
        rows += positions.positions_serving(sentence, subject)
    seen, unique = set(), []
    for row in rows:
        key = (row[0], row[1].casefold(), row[3])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def _subject_for(article, sentence: Span, people, authors) -> str | None:
    """The person a sentence is about: a name in it, else the bio's author."""
    inside = [p for p in people if sentence.start_char <= p.start_char < sentence.end_char]
    if inside:
        return inside[0].text
    if article.region_of(sentence.start_char) == "bio" and authors:
        return authors[0]
    return None


def _inside_title(name: str, titles: str, rows) -> bool:
    """An 'organization' that is really a division named inside a title."""
    return name in titles and all(name != row[3] for row in rows)
