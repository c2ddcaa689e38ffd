"""Extract people, organizations, positions and claims from one cleaned, parsed article."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from pressgraph.records import ArticleFacts, Claim, CleanArticle, Mention, Position
from pressgraph.records import Span as Ev
from pressgraph.stages import claims as claim_rules
from pressgraph.stages import coref, metadata, positions
from pressgraph.stages import people as credible
from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.names import NameBook
from pressgraph.stages.quotes import find_quotes
from pressgraph.stages.titles import tenure

CLAUSE = re.compile(r";\s+")
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
    rows = positions.with_context_company(
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
    found = _claims(article, doc, people, kept_orgs, lexicon, author, rows)
    evidence = known | {book.person(f.claimant) for f in found
                        if f.label == "PERSON" and f.claimant}
    people = credible.credible_people(people, book, evidence)
    return ArticleFacts(
        raw=article.raw,
        title=metadata.find_title(article),
        authors=tuple(book.person(a) or a for a in authors),
        date=metadata.article_date(article),
        publisher=article.raw.publisher,
        mentions=_mentions(article, people, kept_orgs, rows, book),
        positions=tuple(_calibrated(_position(article, row, book), lexicon) for row in rows),
        claims=tuple(_calibrated(_claim(article, doc, f, book), lexicon) for f in found),
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
        rows += positions.positions_before(doc, person, lexicon)
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


def _claims(article, doc, people, orgs, lexicon, author, rows) -> list[claim_rules.Found]:
    """Quotes first, then reported statements, statistics and assertions in the body."""
    found = []
    quotes = [q for q in find_quotes(doc, people, orgs) if article.region_of(q.begin) == "body"]
    for q in quotes:
        found.append(claim_rules.Found(q.begin, q.end, "Quote", q.speaker, q.speaker_label,
                                       None, f"rule:quote-{q.how}",
                                       0.85 if q.speaker else 0.5))
    resolver = _resolver(people, orgs, rows)
    previous = None
    for sentence in doc.sents:
        if article.region_of(sentence.start_char) != "body" or _quoted(sentence, quotes):
            continue
        claim = (claim_rules.cue_claim(sentence, lexicon, resolver)
                 or claim_rules.continued_claim(sentence, previous))
        previous = (claim, sentence.end_char) if claim else None
        if claim:
            found.append(claim)
            continue
        for clause in _clauses(sentence):
            plain = claim_rules.plain_claim(clause, resolver, author)
            if plain:
                found.append(plain)
    return found


def _clauses(sentence: Span) -> list[Span]:
    """A sentence split at semicolons."""
    cuts = [m.end() + sentence.start_char for m in CLAUSE.finditer(sentence.text)]
    if not cuts:
        return [sentence]
    spans, start = [], sentence.start_char
    for cut in [*cuts, sentence.end_char]:
        span = sentence.doc.char_span(start, cut, alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
        start = cut
    return spans


def _quoted(sentence: Span, quotes) -> bool:
    """Whether a quote covers much of the sentence."""
    covered = sum(max(0, min(q.end, sentence.end_char) - max(q.begin, sentence.start_char))
                  for q in quotes)
    return covered >= 0.4 * len(sentence.text)


def _resolver(people, orgs, rows):
    """Who a pronoun, 'the company' or 'the chief executive' stands for (see `coref`): a role
    reference is the person the article gave that title, the latest one before it."""
    holders = [(row[1].split()[-1].casefold(), row[5], row[0]) for row in rows if row[1].split()]

    def resolve(token) -> tuple[str, str] | None:
        found = coref.refers_to(token.text, people, orgs, token.idx)
        if found is not None:
            return found.text, found.label_
        if any(c.lower_ in ("the", "its", "their") or c.dep_ == "poss" for c in token.children):
            named = [name for head, begin, name in holders
                     if head == token.lower_ and begin < token.idx]
            if named:
                return named[-1], "PERSON"
        return None
    return resolve


def _mentions(article, people, orgs, rows, book: NameBook) -> tuple[Mention, ...]:
    """Every person and organization named, from the model's entities and the positions."""
    out = []
    for ent in people:
        name = book.person(ent.text)
        if name:
            out.append(Mention(name, "PERSON", Ev(*article.to_raw(ent.start_char, ent.end_char))))
    for ent in orgs:
        name = book.org(ent.text)
        if name:
            out.append(Mention(name, "ORG", Ev(*article.to_raw(ent.start_char, ent.end_char))))
    for row in rows:
        span = Ev(*article.to_raw(row[5], row[6]))
        out.append(Mention(book.person(row[0]) or row[0], "PERSON", span, row[7], row[8]))
        if row[3]:
            out.append(Mention(book.org(row[3]) or row[3], "ORG", span, row[7], row[8]))
    return tuple(out)


def _calibrated(fact, lexicon: Lexicon):
    """A position or claim with its rule's calibrated confidence, when there is one."""
    confidence = lexicon.confidences.get(fact.origin)
    return fact if confidence is None else replace(fact, confidence=confidence)


def _position(article, row, book: NameBook) -> Position:
    name, title, codes, org, _alias, begin, end, origin, confidence, unit = row
    return Position(book.person(name) or name, title, tuple(codes),
                    book.org(org) if org else None, Ev(*article.to_raw(begin, end)), origin,
                    confidence, _tenure(origin, title, article.text[end:end + 80]), unit)


def _tenure(origin: str, title: str, after: str) -> str | None:
    """Former, outgoing or incoming; 'X will become chief executive' is incoming."""
    found = tenure(title, after)
    if found is None and origin.startswith("rule:appointment"):
        return "incoming"
    return found


def _claim(article, doc: Doc, found: claim_rules.Found, book: NameBook) -> Claim:
    raw_begin, raw_end = article.to_raw(found.begin, found.end)
    text = re.sub(r"\s+", " ", article.raw.text[raw_begin:raw_end]).strip()
    claimant = found.claimant
    if claimant:
        claimant = book.person(claimant) if found.label == "PERSON" else book.org(claimant)
    span = doc.char_span(found.begin, found.end, alignment_mode="expand")
    quantities = claim_rules.quantities(span) if span is not None else ()
    return Claim(text, found.kind, claimant, found.label if claimant else None,
                 Ev(raw_begin, raw_end), found.cue, quantities,
                 claim_rules.horizon(text) if found.kind == "Prediction" else None,
                 found.origin, found.confidence)
