"""Turn what extraction found into records (mentions, positions, claims) with raw offsets."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from pressgraph.records import Claim, Mention, Position
from pressgraph.records import Span as Ev
from pressgraph.stages import claims as claim_rules
from pressgraph.stages.claim_spans import Found
from pressgraph.stages.lexicon import Lexicon
from pressgraph.stages.names import NameBook
from pressgraph.stages.tenure import tenure


def mention_records(article, people, orgs, rows, book: NameBook) -> tuple[Mention, ...]:
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


def calibrated(fact, lexicon: Lexicon):
    """A position or claim with its rule's calibrated confidence, when there is one."""
    confidence = lexicon.confidences.get(fact.origin)
    return fact if confidence is None else replace(fact, confidence=confidence)


def position_record(article, row, book: NameBook) -> Position:
    """The Position of a row (`positions.position_rows`), named as the book names them."""
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


def claim_record(article, doc: Doc, found: Found, book: NameBook) -> Claim:
    """The Claim of what a rule found: its text as read, its claimant as the book names it."""
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
