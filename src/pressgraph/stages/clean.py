"""Clean an article: drop boilerplate, unwrap hard-wrapped lines, keep a map to the raw text.

The cleaned text holds header lines (title, byline, date), the body and any author bio, one
paragraph per line. `CleanArticle.regions` says which is which, and `offsets` maps every cleaned
character back to the text as read, so evidence spans point into the original. Splitting and
labelling the lines is in `clean_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pressgraph.records import CleanArticle, RawArticle
from pressgraph.stages.clean_lines import Line, classify_lines, split_lines, strip_bullet
from pressgraph.stages.textmap import MappedText

TERMINAL = tuple(".!?:;\"”’)]")
CONNECTORS = {"of", "at", "for", "and", "the", "in", "&", "to", "a", "an", "on", "with", "de"}
SIGNATURE = re.compile(r"(?:[\"”’]\s*|^\s*)[—–]\s*")


def load_rules(path: Path) -> list[tuple[str, re.Pattern[str]]]:
    """Read `action<TAB>regex` rules from a boilerplate pattern file."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            action, regex = line.split("\t", 1)
            rules.append((action, re.compile(regex)))
    return rules


def clean(raw: RawArticle, rules: list[tuple[str, re.Pattern[str]]]) -> CleanArticle:
    """Separate body, bio and header from boilerplate and unwrap the body's lines."""
    lines = classify_lines(split_lines(raw.text), rules)
    lines = [strip_bullet(line) for line in lines if line.kind != "drop"]
    wrapped = _is_hard_wrapped(lines)
    out = MappedText()
    regions: list[tuple[str, int, int]] = []
    previous: Line | None = None
    paragraph = ""
    for line in lines:
        if previous is not None:
            if wrapped and _continues(previous, line, paragraph):
                out.add_char(" ", previous.end)
                paragraph += " "
            else:
                out.add_char("\n", previous.end)
                paragraph = ""
        start = len(out)
        out.add_collapsed(raw.text, line.begin, line.end)
        paragraph += line.text
        _extend_region(regions, line.kind, start, len(out))
        previous = line
    return CleanArticle(raw=raw, text=out.text(), offsets=out.offsets, regions=tuple(regions))


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """True when many lines break mid-sentence (the next line starts in lower case)."""
    pairs = list(zip(lines, lines[1:], strict=False))
    breaks = sum(
        1 for a, b in pairs
        if not b.after_blank and not a.text.endswith(TERMINAL) and b.text[:1].islower()
    )
    return breaks >= 3 and breaks >= 0.15 * max(len(pairs), 1)


def _continues(previous: Line, line: Line, paragraph: str) -> bool:
    """Whether `line` continues the paragraph that `previous` ends (a hard wrap)."""
    if line.after_blank or line.kind != previous.kind:
        return False
    if line.text[:1].islower() or line.text[:1] in "([":
        return True
    if paragraph.count("“") > paragraph.count("”"):
        return True
    last_word = previous.text.split()[-1].lower()
    signature = _signature(paragraph)
    if signature is not None:
        if previous.text.endswith(",") or last_word in CONNECTORS:
            return True
        return "," not in signature
    return not previous.text.endswith(TERMINAL)


def _signature(paragraph: str) -> str | None:
    """The text after a quote's closing dash ('”— Name, Title'), if the paragraph has one."""
    matches = list(SIGNATURE.finditer(paragraph))
    return paragraph[matches[-1].end():] if matches else None


def _extend_region(regions: list[tuple[str, int, int]], kind: str, begin: int, end: int) -> None:
    """Grow the last region when the kind is the same, else start a new one."""
    if regions and regions[-1][0] == kind:
        regions[-1] = (kind, regions[-1][1], end)
    else:
        regions.append((kind, begin, end))


def clean_all(raws: Iterable[RawArticle], rules_path: Path) -> Iterable[CleanArticle]:
    """Clean each article with the rules in `rules_path`."""
    rules = load_rules(rules_path)
    for raw in raws:
        yield clean(raw, rules)
