"""How a predicted name or claim matches a gold one (the rules of the gold format's README)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

HONORIFICS = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady)\.?\s+)+")
NAME_RATIO = 90
TITLE_RATIO = 80
CLAIM_GOLD_SHARE = 0.6
CLAIM_PREDICTED_SHARE = 0.25


def norm(text: str | None) -> str:
    """Case, honorifics, curly apostrophes, punctuation and possessives folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = HONORIFICS.sub("", text.strip())
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[^\w\s&'-]", " ", text)
    text = re.sub(r"'s\b", "", text)
    return re.sub(r"\s+", " ", text).strip()


def words(text: str | None) -> set[str]:
    """The words of a text that count for claim overlap (numbers and words of 2+ letters)."""
    return {t for t in re.findall(r"[a-z0-9]+", norm(text)) if len(t) > 1 or t.isdigit()}


def same_name(a: str | None, b: str | None) -> bool:
    """Equal once folded, or a fuzzy ratio of at least 90."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    return na == nb or fuzz.ratio(na, nb) >= NAME_RATIO


def same_person(predicted: str, gold: str) -> bool:
    """The same name, or a predicted surname alone that ends the gold full name ('Roe')."""
    return same_name(predicted, gold) or _surname(predicted, gold)


def _surname(predicted: str, gold: str) -> bool:
    a, b = norm(predicted).split(), norm(gold).split()
    return len(a) == 1 and len(b) > 1 and a[0] == b[-1]


def matches_any(name: str | None, candidates: list[str]) -> bool:
    return any(same_name(name, c) for c in candidates if c)


def same_title(predicted: str | None, gold: str | None) -> bool:
    """Titles overlap: a token-set ratio of at least 80."""
    return bool(predicted) and fuzz.token_set_ratio(norm(predicted), norm(gold)) >= TITLE_RATIO


def same_claim(predicted: str, gold: str) -> bool:
    """60% of the gold claim's words are in the prediction, and 25% of its words in the gold."""
    p, g = words(predicted), words(gold)
    if not p or not g:
        return False
    shared = len(p & g)
    return shared / len(g) >= CLAIM_GOLD_SHARE and shared / len(p) >= CLAIM_PREDICTED_SHARE


def basename(source: str | None) -> str:
    """The file name a gold file is keyed on ('corpus/a/003.txt' -> '003.txt')."""
    return str(source or "").rstrip("/").split("/")[-1].split("\\")[-1]
