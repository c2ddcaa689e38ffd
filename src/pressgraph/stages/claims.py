"""Claims: reported statements, statistics and assertions, with their claimant and numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from pressgraph.records import Quantity
from pressgraph.stages import quantities as numbers
from pressgraph.stages.coref import COMPANY_NOUNS
from pressgraph.stages.doc_text import doc_text
from pressgraph.stages.lexicon import Lexicon

FUTURE = re.compile(r"\b(?:will|by (?:the end of )?(?:19|20)\d\d|next year|in the coming|"
                    r"is expected to|are expected to|by the end of this decade)\b", re.I)
FIGURE = re.compile(r"[$£€¥]\s?\d|\d(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)|"
                    r"\d(?:\.\d+)?\s?(?:bn|m|tn|billion|million|trillion)\b", re.I)
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
FIRST_PERSON = {"i", "we"}
CONTINUATIONS = {"and", "also", "moreover", "furthermore", "additionally"}


@dataclass(frozen=True)
class Found:
    """A claim found in a sentence, in cleaned offsets, before mapping to the raw text."""

    begin: int
    end: int
    kind: str
    claimant: str | None
    label: str | None
    cue: str | None
    origin: str
    confidence: float


def cue_claim(sentence: Span, lexicon: Lexicon, resolve) -> Found | None:
    """'X said/predicted/found that ...', 'according to X, ...'."""
    for token in sentence:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.lower_ == "according" and following is not None and following.lower_ == "to":
            who = _entity_in(following.subtree, resolve)
            if who:
                return _found(sentence, None, "Assertion", who, "according to", "rule:according-to")
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in lexicon.cue_verbs:
            who = _claimant(token, resolve)
            kind = lexicon.cue_verbs[lemma]
            if who:
                return _found(sentence, token, kind, who, token.text, "rule:reporting-verb")
            if _unnamed_source(token):
                found = _found(sentence, token, kind, (None, None), token.text,
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
    return _with_future(found, sentence.text)


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
    return _with_future(found, sentence.text)


def _first_person_opening(sentence: Span, subject: Token) -> bool:
    """The author speaking: 'I' or 'we' is the subject, and the sentence is not negated."""
    return (subject.lower_ in FIRST_PERSON
            and not any(c.dep_ == "neg" for c in sentence.root.children))


def _found(sentence: Span, verb: Token | None, kind: str, who, cue: str, origin: str) -> Found:
    """The claim text is the verb's clause complement, else the whole sentence."""
    begin, end = sentence.start_char, sentence.end_char
    if verb is not None:
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            tokens = [t for t in comp.subtree if t.dep_ != "mark" or t.i > comp.left_edge.i]
            if len(tokens) >= 4:
                begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                if comp.i > verb.i:
                    end = _content_end(sentence)
    text = doc_text(sentence.doc)[begin:end]
    return _with_future(Found(begin, end, kind, who[0], who[1], cue, origin, 0.75), text)


def _content_end(sentence: Span) -> int:
    """Where a sentence's words end, before its closing punctuation and quote marks."""
    text = sentence.text.rstrip()
    stripped = text.rstrip(".!?\"”’' ")
    return sentence.start_char + len(stripped)


def _with_future(found: Found, text: str) -> Found:
    """A claim about the future is a prediction; numbers make an assertion a statistic."""
    kind = found.kind
    if FUTURE.search(text) and kind in ("Assertion", "Statistic", "Finding"):
        kind = "Prediction"
    return Found(found.begin, found.end, kind, found.claimant, found.label, found.cue,
                 found.origin, found.confidence)


def _claimant(verb: Token, resolve) -> tuple[str, str] | None:
    """The entity in the verb's subject, or who a pronoun or 'the company' stands for."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return _entity_in(subject.subtree, resolve) or resolve(subject)


def _entity_in(tokens, resolve) -> tuple[str, str] | None:
    """The person or organization a phrase names: the entity holding its head word ('Bank of
    Harwick governor Ann Roe'), else its first person, else its first organization; a proper
    noun alone is taken for an organization."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head is t), None)
    entities = []
    for token in tokens:
        if token.ent_type_ in ("PERSON", "ORG"):
            span = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            if span not in entities:
                entities.append(span)
    if entities:
        holding = next((e for e in entities if head is not None and e.start <= head.i < e.end),
                       None)
        chosen = holding or next((e for e in entities if e.label_ == "PERSON"), entities[0])
        return chosen.text, chosen.label_
    if (head is not None and head.pos_ == "PROPN" and head.text[:1].isupper()
            and len(head.text) > 1 and not any(c.dep_ == "compound" for c in head.children)):
        return head.text, "ORG"
    return None


def _counted(ent: Span) -> bool:
    """A cardinal number that counts something (not a year, not 'one')."""
    return ent.label_ == "CARDINAL" and any(ch.isdigit() for ch in ent.text)


def quantities(span: Span) -> tuple[Quantity, ...]:
    """Percentages, money, counts and ranges in a claim (see stages/quantities.py)."""
    return numbers.quantities(span)


def horizon(text: str, published: str | None = None) -> str | None:
    """A prediction's horizon year ('by 2017'; 'next year' given the article's date)."""
    return numbers.horizon(text, published)
