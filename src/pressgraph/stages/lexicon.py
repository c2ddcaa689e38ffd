"""The extractor's lexicons, read from the pattern files under build/patterns/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines left out."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class Lexicon:
    """Titles with their role codes, title words, cue verbs, known places, organization kinds
    ('retailers such as ...') and last words that are no organization's ('... Summit')."""

    titles: dict[str, str]
    title_words: frozenset[str]
    cue_verbs: dict[str, str]
    places: frozenset[str]
    title_re: re.Pattern[str]
    org_nouns: frozenset[str] = frozenset()
    non_org_heads: frozenset[str] = frozenset()
    desk_words: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    confidences: dict[str, float] = field(default_factory=dict)  # origin -> calibrated

    def is_title_word(self, word: str) -> bool:
        """A word that can stand inside a title: a head ('director') or a modifier."""
        return word.casefold() in self.title_words or word in self.titles

    def has_head(self, text: str) -> bool:
        """Whether `text` contains a title head ('vice president', 'CMO', 'professor')."""
        return self.title_re.search(text) is not None


def load_lexicon(folder: Path) -> Lexicon:
    """Read the lexicon files of `folder` (build/patterns)."""
    titles = {row[0].strip(): (row[1].strip() if len(row) > 1 else "") for row in
              _rows(folder / "titles.tsv")}
    words = {row[0].strip().casefold() for row in _rows(folder / "title_words.txt")}
    words |= {w.casefold() for title in titles for w in re.split(r"[\s-]+", title)}
    cues = {row[0].strip(): row[1].strip() for row in _rows(folder / "reporting_verbs.tsv")}
    places = frozenset(row[0].strip() for row in _rows(folder / "places.txt"))
    return Lexicon(titles, frozenset(words), cues, places, _title_regex(titles),
                   _words(folder / "org_nouns.txt"), _words(folder / "not_org_heads.txt"),
                   _words(folder / "desk_words.txt"), _words(folder / "org_suffixes.txt"),
                   _confidences(folder / "confidence.tsv"))


def _confidences(path: Path) -> dict[str, float]:
    """Each rule's calibrated confidence (bench/calibrate.py writes the file)."""
    if not path.exists():
        return {}
    return {row[0].strip(): float(row[1]) for row in _rows(path) if len(row) > 1}


def _words(path: Path) -> frozenset[str]:
    """The casefolded first column of a word-list file."""
    return frozenset(row[0].strip().casefold() for row in _rows(path))


def _title_regex(titles: dict[str, str]) -> re.Pattern[str]:
    """One regex for every title head: acronyms case-sensitive, phrases case-insensitive."""
    heads = sorted(titles, key=len, reverse=True)
    parts = []
    for head in heads:
        escaped = re.escape(head).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
        parts.append(escaped if head.isupper() else f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")s?(?![\w-])")
