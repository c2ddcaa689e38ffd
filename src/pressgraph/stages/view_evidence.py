"""The sentence around an evidence span, for the view's side panel."""

from __future__ import annotations

import re
from collections import deque

CONTEXT = 200  # characters of article text looked at on each side of an evidence span
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n")
ELLIPSIS = "\u2026"


def sentence_context(text: str, begin: int, end: int) -> tuple[str, str]:
    """The text before and after `text[begin:end]` up to the sentence ends around it.

    At most CONTEXT characters are taken on each side; a cut that is not at a sentence
    end is made at a space and marked with an ellipsis.
    """
    head = text[max(0, begin - CONTEXT):begin]
    if head.endswith("\n"):
        head = ""  # the span starts a line
    else:
        last = deque(SENTENCE_END.finditer(head), maxlen=1)  # the last sentence end before
        if last:
            head = head[last[0].end():]
        elif begin > CONTEXT:
            head = ELLIPSIS + head.split(" ", 1)[-1]
    tail = text[end:end + CONTEXT]
    stop = SENTENCE_END.search(tail)
    if text[end:end + 1] == "\n" or SENTENCE_END.search(text[begin:end] + " ",
                                                        max(end - begin - 3, 0)):
        tail = ""  # the span ends its line or its sentence
    elif stop:
        tail = tail[:stop.start() + 1]
    elif end + CONTEXT < len(text):
        tail = tail.rsplit(" ", 1)[0] + ELLIPSIS
    return head, tail
