"""Claims: reported statements, statistics and assertions, with their claimant and numbers.

The claim record and its text live in `claim_spans`, finding the claimant in `claimants`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from pressgraph.records import Quantity
from pressgraph.stages import quantities as numbers
from pressgraph.stages.claim_spans import Found, as_prediction_if_future, clause_claim
from pressgraph.stages.claimants import SUBJECT_DEPS, named_entity_in, subject_claimant
from pressgraph.stages.coref import COMPANY_NOUNS
from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.lexicon import Lexicon

FIGURE = re.compile(r"[$£€¥]\s?\d|\d(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)|"
                    r"\d(?:\.\d+)?\s?(?:bn|m|tn|billion|million|trillion)\b", re.I)
FIRST_PERSON = {"i", "we"}
CONTINUATIONS = {"and", "also", "moreover", "furthermore", "additionally"}


def cue_claim(sentence: Span, lexicon: Lexicon, resolve) -> Found | None:
    """'X said/predicted/found that ...', 'according to X, ...'."""
    for token in sentence:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.lower_ == "according" and following is not None and following.lower_ == "to":
            who = named_entity_in(following.subtree, resolve)
            if who:
                return clause_claim(sentence, None, "Assertion", who, "according to",
                                    "rule:according-to")
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in lexicon.cue_verbs:
            who = subject_claimant(token, resolve)
            kind = lexicon.cue_verbs[lemma]
            if who:
                return clause_claim(sentence, token, kind, who, token.text, "rule:reporting-verb")
            if _unnamed_source(token):
                found = clause_claim(sentence, token, kind, (None, None), token.text,
                                     "rule:reporting-verb-unnamed")
                return replace(found, confidence=0.55)
    return None


def _unnamed_source(verb: Token) -> bool:
    """'Analysts said ...', 'they announced ...': a source the text does not name."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and (subject.pos_ == "NOUN" or subject.lower_ == "they") and any(
        c.dep_ == "ccomp" for c in verb.children)


def continued_claim(sentence: Span, previous: tuple[Found, int] | None) -> Found | None:
    """'And ...' right after a reported statement goes on with the same claimant.

    Args:
        sentence: the sentence to attribute.
        previous: the claim of the sentence before and where that sentence ended, or None.
    """
    if previous is None or previous[0].claimant is None or len(sentence) < 5:
        return None
    claim, ended = previous
    opening = sentence[0]
    gap = doc_text(sentence.doc)[ended:sentence.start_char]
    if opening.lower_ not in CONTINUATIONS or len(gap) > 2 or _opens_paragraph(sentence):
        return None
    begin = sentence[1].idx if sentence[1].is_punct is False else sentence[2].idx
    kind = "Assertion" if claim.kind == "Quote" else claim.kind
    found = Found(begin, sentence.end_char, kind, claim.claimant, claim.label, claim.cue,
                  "rule:continuation", 0.55)
    return as_prediction_if_future(found, sentence.text)


def _opens_paragraph(sentence: Span) -> bool:
    """Whether a line break comes right before the sentence."""
    before = doc_text(sentence.doc)[:sentence.start_char].rstrip(" \t")
    return not before or before.endswith("\n")


def plain_claim(sentence: Span, resolve, author: tuple[str, str] | None) -> Found | None:
    """A statistic, or an assertion about a named subject, asserted by the article's author."""
    has_number = any(e.label_ in ("PERCENT", "MONEY") or _counted(e) for e in sentence.ents) \
        or FIGURE.search(sentence.text) is not None
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    named = subject is not None and (subject.ent_type_ in ("ORG", "PERSON") or (
        subject.lower_ in COMPANY_NOUNS and any(c.lower_ == "the" for c in subject.children))
        or (author is not None and _first_person_opening(sentence, subject)))
    if not (has_number or (named and author)) or sentence.text.rstrip().endswith("?"):
        return None
    if len(sentence) < 6:
        return None
    who = author or (None, None)
    kind = "Statistic" if has_number else "Assertion"
    origin = "rule:statistic" if has_number else "rule:named-subject"
    found = Found(sentence.start_char, sentence.end_char, kind, who[0], who[1], None, origin,
                  0.5 if author else 0.4)
    return as_prediction_if_future(found, sentence.text)


def _first_person_opening(sentence: Span, subject: Token) -> bool:
    """The author speaking: 'I' or 'we' is the subject, and the sentence is not negated."""
    return (subject.lower_ in FIRST_PERSON
            and not any(c.dep_ == "neg" for c in sentence.root.children))


def _counted(ent: Span) -> bool:
    """A cardinal number that counts something (not a year, not 'one')."""
    return ent.label_ == "CARDINAL" and any(ch.isdigit() for ch in ent.text)


def quantities(span: Span) -> tuple[Quantity, ...]:
    """Percentages, money, counts and ranges in a claim (see stages/quantities.py)."""
    return numbers.quantities(span)


def horizon(text: str, published: str | None = None) -> str | None:
    """A prediction's horizon year ('by 2017'; 'next year' given the article's date)."""
    return numbers.horizon(text, published)
