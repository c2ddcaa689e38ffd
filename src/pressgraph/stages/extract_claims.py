"""Find an article's claims: quotes, then reported statements, statistics and assertions."""

from __future__ import annotations

import re

from spacy.tokens import Span

from pressgraph.stages import claims as claim_rules
from pressgraph.stages import coref
from pressgraph.stages.claim_spans import Found
from pressgraph.stages.quotes import find_quotes

CLAUSE = re.compile(r";\s+")


def find_claims(article, doc, people, orgs, lexicon, author, rows) -> list[Found]:
    """Quotes first, then reported statements, statistics and assertions in the body."""
    found = []
    quotes = [q for q in find_quotes(doc, people, orgs) if article.region_of(q.begin) == "body"]
    for q in quotes:
        found.append(Found(q.begin, q.end, "Quote", q.speaker, q.speaker_label,
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
