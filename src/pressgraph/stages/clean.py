"""Clean an article: drop boilerplate, unwrap hard-wrapped lines, keep a map to the raw text.

The cleaned text holds header lines (title, byline, date), the body and any author bio, one
paragraph per line. `CleanArticle.regions` says which is which, and `offsets` maps every cleaned
character back to the text as read, so evidence spans point into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pressgraph.records import CleanArticle, RawArticle
from pressgraph.stages.textmap import MappedText

BULLET = re.compile(r"^(?:[•·▪◦‣∙*\-–]|\d{1,2}[.)])\s+")
TERMINAL = tuple(".!?:;\"”’)]")
CONNECTORS = {"of", "at", "for", "and", "the", "in", "&", "to", "a", "an", "on", "with", "de"}
SIGNATURE = re.compile(r"(?:[\"”’]\s*|^\s*)[—–]\s*")
HEADER_LINES = 6


@dataclass(frozen=True)
class Line:
    """One non-empty line: its stripped raw range and whether a blank line precedes it."""

    begin: int
    end: int
    text: str
    after_blank: bool
    kind: str = "body"


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
    lines = _classify(_split_lines(raw.text), rules)
    lines = [_strip_bullet(line) for line in lines if line.kind != "drop"]
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


def _split_lines(text: str) -> list[Line]:
    """The non-empty lines of `text`, with surrounding white space left out of their range."""
    lines, pos, blank = [], 0, True
    for piece in text.split("\n"):
        stripped = piece.strip(" \t\u00a0\u200b\ufeff\u2007\u202f")
        if stripped:
            begin = pos + piece.index(stripped)
            lines.append(Line(begin, begin + len(stripped), stripped, blank))
        blank = not stripped
        pos += len(piece) + 1
    return lines


def _classify(lines: list[Line], rules: list[tuple[str, re.Pattern[str]]]) -> list[Line]:
    """Label each line header, body, bio or drop, following the boilerplate rules."""
    state, out, seen_body = "body", [], False
    for index, line in enumerate(lines):
        action = next((act for act, rx in rules if rx.search(line.text)), None)
        kind = state
        if action == "drop":
            kind = "drop"
        elif action == "tail":
            state = kind = "drop"
        elif action == "bio":
            state = "bio"
            kind = "drop" if len(line.text.split()) < 4 else "bio"
        elif action == "bioline":
            kind, state = "bio", "drop"
        elif state == "body" and not seen_body and index < HEADER_LINES and _is_header(line):
            kind = "header"
        if kind == "body":
            seen_body = True
        if kind == "header" and out and out[-1].kind == "header" and out[-1].text == line.text:
            kind = "drop"
        out.append(Line(line.begin, line.end, line.text, line.after_blank, kind))
    return out


def _is_header(line: Line) -> bool:
    """A short leading line: a title, a byline or a date line, not a paragraph."""
    words = line.text.split()
    if line.text.startswith("By "):
        return len(words) <= 30
    return len(words) < 14 and not line.text.endswith((".", "?", "!", "”", '"'))


def _strip_bullet(line: Line) -> Line:
    """Leave a list marker ('•', '-', '1.') out of the line's range."""
    match = BULLET.match(line.text)
    if not match or line.kind == "header":
        return line
    cut = match.end()
    return Line(line.begin + cut, line.end, line.text[cut:], True, line.kind)


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
