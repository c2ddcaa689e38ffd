"""Build a cleaned text while remembering where each character came from."""

from __future__ import annotations

import re
from array import array

# Blanks that change: a run of two or more, or one that is not a plain space (copied as is).
_BLANKS = re.compile("[ \t\u00a0\u2007\u202f\u2009]{2,}|[\t\u00a0\u2007\u202f\u2009]")


class MappedText:
    """Append pieces of a raw text; `offsets[i]` is the raw index of cleaned char i."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("q")

    def __len__(self) -> int:
        return len(self.offsets)

    def add(self, raw: str, begin: int, end: int) -> None:
        """Copy raw[begin:end] unchanged."""
        self.parts.append(raw[begin:end])
        self.offsets.extend(range(begin, end))

    def add_char(self, char: str, raw_pos: int) -> None:
        """Add one replacement character that stands for raw[raw_pos]."""
        self.parts.append(char)
        self.offsets.append(raw_pos)

    def add_collapsed(self, raw: str, begin: int, end: int) -> None:
        """Copy raw[begin:end] with each run of spaces, tabs and no-break spaces as one space."""
        i = begin
        for run in _BLANKS.finditer(raw, begin, end):
            if run.start() > i:
                self.add(raw, i, run.start())
            self.add_char(" ", run.start())
            i = run.end()
        if i < end:
            self.add(raw, i, end)

    def text(self) -> str:
        return "".join(self.parts)

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:] in (" ", "\n")
