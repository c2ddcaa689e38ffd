"""The plain records that the pipeline's stages pass to each other.

Offsets are always Python str indices (code points, end exclusive) into `RawArticle.text`,
the article text exactly as read.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawArticle:
    """An article as read: its text (NFC) and whatever metadata the format carried.

    Args:
        source: the input path relative to the corpus root (`dir/a.jsonl#3` for a JSONL line).
        stem: the article's id, unique in a build; the IRI is `doc/{stem}`.
        text: the text exactly as read, NFC-normalized.
    """

    source: str
    stem: str
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    fmt: str = "txt"


@dataclass(frozen=True, eq=False)
class CleanArticle:
    """The article body without boilerplate, with a map back to the raw text.

    `offsets[i]` is the index in `raw.text` of `text[i]`.
    """

    raw: RawArticle
    text: str
    offsets: array
    regions: tuple[tuple[str, int, int], ...] = ()  # (header|body|bio, begin, end), cleaned

    def region_of(self, pos: int) -> str:
        """The kind of region a cleaned offset lies in ('body' if none)."""
        for kind, begin, end in self.regions:
            if begin <= pos < end:
                return kind
        return "body"

    def to_raw(self, begin: int, end: int) -> tuple[int, int]:
        """Map a cleaned [begin, end) span to the raw text."""
        if end <= begin:
            pos = self.offsets[begin] if begin < len(self.offsets) else len(self.raw.text)
            return pos, pos
        return self.offsets[begin], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Span:
    """Evidence: a [begin, end) range of the raw text."""

    begin: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A person or organization named in the text. `label` is PERSON or ORG."""

    name: str
    label: str
    span: Span
    origin: str = "model:ner"
    confidence: float = 0.8


@dataclass(frozen=True)
class Position:
    """Person P holds title T (normalized to role codes) at organization O, as stated."""

    person: str
    title: str
    roles: tuple[str, ...]
    organization: str | None
    span: Span
    origin: str
    confidence: float = 0.7
    status: str | None = None  # "former", "outgoing" or "incoming"; None: held now
    unit: str | None = None  # the division of the organization the title is in


@dataclass(frozen=True)
class Quantity:
    """A number in a claim: the text as written ('£600m'), its unit (an ISO 4217 code,
    'percent', 'percentage point' or 'count'), what it counts, and its value as a decimal
    string ('600000000'), or for a range ('5-7%') its minimum and maximum."""

    text: str
    unit: str
    description: str
    value: str | None = None
    minimum: str | None = None
    maximum: str | None = None


@dataclass(frozen=True)
class Claim:
    """A statistic, prediction, finding, quote or assertion, with its claimant.

    `claimant_label` is PERSON or ORG (None when the claim has no findable source).
    `kind` is one of Statistic, Prediction, Finding, Quote, Assertion.
    """

    text: str
    kind: str
    claimant: str | None
    claimant_label: str | None
    span: Span
    cue: str | None = None
    quantities: tuple[Quantity, ...] = ()
    horizon: str | None = None
    origin: str = "rule:claim"
    confidence: float = 0.6


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article, before resolution across articles."""

    raw: RawArticle
    title: str | None
    authors: tuple[str, ...]
    date: str | None
    publisher: str | None
    mentions: tuple[Mention, ...]
    positions: tuple[Position, ...]
    claims: tuple[Claim, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, canonical name) seen in this article
    alternates: tuple[str, ...] = field(default=())  # stems of near-duplicate copies
