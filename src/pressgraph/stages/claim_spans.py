"""A claim found in a sentence (`Found`): how its text is cut from the sentence and when it is a
prediction.

`clause_claim` takes a reporting verb's clause complement as the claim text, else the whole
sentence; `as_prediction_if_future` makes a claim about the future a prediction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pressgraph.stages.doc_text import doc_text


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


FUTURE = re.compile(r"\b(?:will|by (?:the end of )?(?:19|20)\d\d|next year|in the coming|"
                    r"is expected to|are expected to|by the end of this decade)\b", re.I)


def clause_claim(
    sentence: Span, verb: Token | None, kind: str, who, cue: str, origin: str
) -> Found:
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
    return as_prediction_if_future(Found(begin, end, kind, who[0], who[1], cue, origin, 0.75), text)


def _content_end(sentence: Span) -> int:
    """Where a sentence's words end, before its closing punctuation and quote marks."""
    text = sentence.text.rstrip()
    stripped = text.rstrip(".!?\"”’' ")
    return sentence.start_char + len(stripped)


def as_prediction_if_future(found: Found, text: str) -> Found:
    """A claim about the future is a prediction; numbers make an assertion a statistic."""
    kind = found.kind
    if FUTURE.search(text) and kind in ("Assertion", "Statistic", "Finding"):
        kind = "Prediction"
    return Found(found.begin, found.end, kind, found.claimant, found.label, found.cue,
                 found.origin, found.confidence)
