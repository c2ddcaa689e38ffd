"""An article's lines for cleaning: split with their raw ranges, labelled header, body, bio or
drop by the boilerplate rules, list markers left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^(?:[•·▪◦‣∙*\-–]|\d{1,2}[.)])\s+")
HEADER_LINES = 6


@dataclass(frozen=True)
class Line:
    """One non-empty line: its stripped raw range and whether a blank line precedes it."""

    begin: int
    end: int
    text: str
    after_blank: bool
    kind: str = "body"


def split_lines(text: str) -> list[Line]:
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


def classify_lines(lines: list[Line], rules: list[tuple[str, re.Pattern[str]]]) -> list[Line]:
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


def strip_bullet(line: Line) -> Line:
    """Leave a list marker ('•', '-', '1.') out of the line's range."""
    match = BULLET.match(line.text)
    if not match or line.kind == "header":
        return line
    cut = match.end()
    return Line(line.begin + cut, line.end, line.text[cut:], True, line.kind)
