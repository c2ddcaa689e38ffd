"""Quantities in a claim (percentages, money, counts, ranges) and a prediction's horizon.

The model's number entities are the seeds; `amount_extents` widens and `amounts` reads each
one, and the parse tells what it counts: '2,000 jobs' -> 'jobs', 'profits jumped 76%' -> 'profits'.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pressgraph.records import Quantity
from pressgraph.stages.amount_extents import join_ranges, split_change, widen
from pressgraph.stages.amounts import NUMBER, parse
from pressgraph.stages.doc_text import doc_text

SEEDS = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "quantmod"}
MEASURE_VERBS = {"rise", "fall", "jump", "grow", "drop", "decline", "increase", "decrease",
                 "climb", "slip", "slump", "surge", "soar", "reach", "total", "stand", "hit", "be",
                 "stay", "remain", "tumble", "edge", "gain", "double", "rebound", "plunge", "dip",
                 "shrink", "expand", "widen", "narrow", "ease", "amount", "top", "exceed", "slide",
                 "sink", "rocket", "cost"}
CHANGE_NOUNS = {"rise", "fall", "increase", "drop", "growth", "jump", "cut", "decline", "gain",
                "reduction", "decrease", "surge", "slump"}
BY_YEAR = re.compile(r"\b(?:by|until|before) (?:the end of )?((?:19|20)\d\d)\b", re.I)
IN_YEAR = re.compile(r"\b(?:in|during) ((?:19|20)\d\d)\b", re.I)
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
RELATIVE = ((re.compile(r"\bend of (?:the|this) decade\b", re.I), "decade"),
            (re.compile(r"\bnext year\b", re.I), 1),
            (re.compile(r"\b(?:this year|end of (?:the|this) year)\b", re.I), 0))


def quantities(span: Span) -> tuple[Quantity, ...]:
    """Percentages, money, counts and ranges in a claim, with unit and what they count."""
    text = doc_text(span.doc)
    seeds = [(begin, end, e.label_) for e in span.ents if _seed(e)
             for begin, end in split_change(text, *widen(text, e.start_char, e.end_char))]
    out = []
    for begin, end, label in join_ranges(text, seeds):
        written = re.sub(r"\s+", " ", text[begin:end]).strip()
        amount = parse(written)
        tokens = span.doc.char_span(begin, end, alignment_mode="expand")
        if amount is None or tokens is None or _is_year(written, amount.unit, tokens):
            continue
        unit = amount.unit
        if label == "QUANTITY" and unit == "count":  # '500 tonnes': the measure is the unit
            unit = NUMBER.sub("", written).strip() or unit
        out.append(Quantity(written, unit, counted(tokens), amount.value, amount.minimum,
                            amount.maximum))
    return tuple(out)


def _seed(ent: Span) -> bool:
    """A number entity; an 'ordinal' only when the model took an amount ('5bn') for one."""
    if ent.label_ == "ORDINAL":
        return any(c.isdigit() for c in ent.text) and re.search(r"\d(?:st|nd|rd|th)\b",
                                                                ent.text) is None
    return ent.label_ in SEEDS


def _is_year(written: str, unit: str, tokens: Span) -> bool:
    """A bare four-digit number not followed by what it counts ('in 2006')."""
    if unit != "count" or not YEAR.fullmatch(written):
        return False
    following = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    return following is None or following.pos_ != "NOUN"


def counted(tokens: Span) -> str:
    """What an amount counts or measures, from the parse: '2,000 jobs' -> 'jobs',
    '76% of firms' -> 'firms', 'profits jumped 76%' -> 'profits', 'a 5% rise in sales' ->
    'sales', 'growth of 5%' -> 'growth'; '' when none of these fits."""
    root = tokens.root
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") \
            and not tokens.start <= head.i < tokens.end:
        changed = _object_of(head, ("in", "of")) if head.lemma_ in CHANGE_NOUNS else None
        return _noun(changed or head, tokens.end)
    for token in tokens:
        measured = _object_of(token, ("of",))
        if measured is not None:
            return _noun(measured)
    verb = head.head if head.dep_ == "prep" else head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in MEASURE_VERBS:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return _noun(subject)
    if root.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.pos_ == "NOUN":
        return _noun(head.head)
    return ""


def _object_of(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of a preposition hanging on `token` ('firms' in '76% of firms')."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun(token: Token, floor: int = 0) -> str:
    """A noun with the compounds right before it ('marketing budgets'), from `floor` on."""
    start = token.i
    while start > floor and token.doc[start - 1].dep_ == "compound" \
            and start <= token.doc[start - 1].head.i <= token.i:
        start -= 1
    return token.doc[start:token.i + 1].text


def horizon(text: str, published: str | None = None) -> str | None:
    """A prediction's horizon year: 'by (the end of) 2017', else 'in 2006'; with the article's
    date ('2005-03-01' or '2005') also 'next year', 'this year', 'by the end of the decade'
    (the next round year: 2010 for an article of 2005)."""
    for pattern in (BY_YEAR, IN_YEAR):
        match = pattern.search(text)
        if match:
            return match.group(1)
    if not published or not re.match(r"\d{4}", published):
        return None
    year = int(published[:4])
    for pattern, offset in RELATIVE:
        if pattern.search(text):
            return str(year // 10 * 10 + 10 if offset == "decade" else year + offset)
    return None
