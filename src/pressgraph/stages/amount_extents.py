"""Where amounts begin and end in text, by string rules with no model.

`widen` grows a number entity over its currency sign and scale, `split_change` cuts 'from 5% to
7%' in two, `join_ranges` makes one range of '$1bn to $2bn'.
"""

from __future__ import annotations

import re

from pressgraph.stages.amounts import SCALE_WORDS, unit_of

NATIONS = (r"US|U\.S\.|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Swiss|French|"
           r"Swedish|Danish|Norwegian|Mexican|South African|Indian|Chinese|Japanese")
MONEY_WORDS = (r"dollars?|euros?|pounds?(?: sterling)?|sterling|yen|yuan|renminbi|rupees?|"
               r"francs?|roubles?|rubles?|kronor|krona|kroner|krone|pesos?")  # not 'won', 'rand'
PERCENT_WORDS = r"%|per ?cent\b|percent\b|pct\b|percentage points?\b|basis points?\b"
HEAD = re.compile(r"(?:(?:US|A|AU|C|CA|HK|NZ|S|R)?\$|[£€¥₹]|\b(?:USD|EUR|GBP|JPY|CHF|CNY|INR|"
                  r"AUD|CAD|HKD|NZD|SGD|RMB|Rs\.?))\s?$")
TAIL = re.compile(rf"(?:\s?(?:{SCALE_WORDS})\b)?(?:\s?(?:{PERCENT_WORDS})|"
                  rf"\s(?:(?:{NATIONS})\s)?(?:{MONEY_WORDS})\b)?", re.I)
HEDGES = re.compile(r"(?:(?:only|some|about|around|roughly|nearly|almost|approximately|just|"
                    r"an estimated)\s+)+", re.I)


def widen(text: str, begin: int, end: int) -> tuple[int, int]:
    """Grow [begin, end) over a currency sign before and a scale or unit after; drop hedges
    ('only', 'about') at the start."""
    head = HEAD.search(text, max(0, begin - 4), begin)
    begin = head.start() if head else begin
    end = TAIL.match(text, end).end()
    hedge = HEDGES.match(text, begin, end)
    return (hedge.end() if hedge else begin), end


def split_change(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """'from 5% to 7%' read as one amount by the model is two: a change, not a range."""
    to = re.search(r"\s+to\s+", text[begin:end])
    opening = re.match(r"from\s+", text[begin:end], re.I)
    if to is None or not (opening or _before(text, begin).endswith("from")):
        return [(begin, end)]
    return [(begin + (opening.end() if opening else 0), begin + to.start()),
            (begin + to.end(), end)]


def join_ranges(text: str, extents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join amounts in `text` ([begin, end, label], in order) that make one range:
    '$1bn to $2bn', '5% - 7%', 'between 5% and 7%', but not 'from 5% to 7%'."""
    out: list[tuple[int, int, str]] = []
    for begin, end, label in extents:
        if out and _range_gap(text, out[-1], begin) \
                and unit_of(text[out[-1][0]:out[-1][1]]) == unit_of(text[begin:end]):
            start, _, label = out.pop()
            if _before(text, start).endswith("between"):
                start = text.lower().rindex("between", 0, start)
            out.append((start, end, label))
        else:
            out.append((begin, end, label))
    return out


def _range_gap(text: str, previous: tuple[int, int, str], begin: int) -> bool:
    """Whether the words between two amounts make one range of them."""
    gap = text[previous[1]:begin].strip().lower()
    before = _before(text, previous[0])
    if gap in ("-", "–", "—", "to"):
        return not before.endswith("from")
    opens = before.endswith("between") or text[previous[0]:].lower().startswith("between")
    return gap == "and" and opens


def _before(text: str, begin: int) -> str:
    """The few characters before `begin`, lowercased, without trailing spaces."""
    return text[max(0, begin - 9):begin].lower().rstrip()
