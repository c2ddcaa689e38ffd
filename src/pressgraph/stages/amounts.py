"""Amounts as written, read as numbers: '£600m', '$1.13bn', '76%', '5-7%', 'half a million'.

Pure string rules, no model: `widen` grows a number entity over its currency sign and scale,
`join_ranges` makes one range of '$1bn to $2bn', `parse` reads the value (or the range) and unit.
Values are decimal strings in plain notation ('1130000000'); units are ISO 4217 currency codes,
'percent', 'percentage point', 'basis point' or 'count'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SCALES = {"k": 3, "thousand": 3, "m": 6, "mn": 6, "mln": 6, "million": 6, "bn": 9, "billion": 9,
          "tn": 12, "trillion": 12, "quadrillion": 15, "quintillion": 18}
WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "half a": 0.5, "half an": 0.5}
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"|\b(?P<word>half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s"
    r"(?P<wscale>thousand|million|billion|trillion)\b", re.I)
NATIONS = (r"US|U\.S\.|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Swiss|French|"
           r"Swedish|Danish|Norwegian|Mexican|South African|Indian|Chinese|Japanese")
MONEY_WORDS = (r"dollars?|euros?|pounds?(?: sterling)?|sterling|yen|yuan|renminbi|rupees?|"
               r"francs?|roubles?|rubles?|kronor|krona|kroner|krone|pesos?")  # not 'won', 'rand'
PERCENT_WORDS = r"%|per ?cent\b|percent\b|pct\b|percentage points?\b|basis points?\b"
HEAD = re.compile(r"(?:(?:US|A|AU|C|CA|HK|NZ|S|R)?\$|[£€¥₹]|\b(?:USD|EUR|GBP|JPY|CHF|CNY|INR|"
                  r"AUD|CAD|HKD|NZD|SGD|RMB|Rs\.?))\s?$")
TAIL = re.compile(rf"(?:\s?(?:{_SCALE})\b)?(?:\s?(?:{PERCENT_WORDS})|"
                  rf"\s(?:(?:{NATIONS})\s)?(?:{MONEY_WORDS})\b)?", re.I)
HEDGES = re.compile(r"(?:(?:only|some|about|around|roughly|nearly|almost|approximately|just|"
                    r"an estimated)\s+)+", re.I)
AT_LEAST = re.compile(r"(?:at least|more than|over|above|in excess of)\s", re.I)
AT_MOST = re.compile(r"(?:up to|as much as|as many as|at most|no more than|less than|fewer than|"
                     r"under|below)\s", re.I)
PERCENTS = ((r"(?i:percentage points?)", "percentage point"),
            (r"(?i:basis points?)", "basis point"),
            (r"%|(?i:\bper ?cent\b|\bpct\b)", "percent"))
CURRENCIES = (
    (r"(?<![A-Z])HK\$|\bHKD\b|(?i:\bHong Kong dollars?)", "HKD"),
    (r"(?<![A-Z])AU?\$|\bAUD\b|(?i:\bAustralian dollars?)", "AUD"),
    (r"(?<![A-Z])CA?\$|\bCAD\b|(?i:\bCanadian dollars?)", "CAD"),
    (r"(?<![A-Z])NZ\$|\bNZD\b|(?i:\bNew Zealand dollars?)", "NZD"),
    (r"(?<![A-Z])S\$|\bSGD\b|(?i:\bSingapore dollars?)", "SGD"),
    (r"(?<![A-Z])R\$|\bBRL\b|(?i:\breais\b)", "BRL"),
    (r"\$|\bUSD\b|(?i:\bdollars?\b)", "USD"),
    (r"£|\bGBP\b|(?i:\bpounds?\b|\bsterling\b)", "GBP"),
    (r"€|\bEUR\b|(?i:\beuros?\b)", "EUR"),
    (r"(?i:\bFrench francs?)", "FRF"),
    (r"\bCHF\b|(?i:\bfrancs?\b)", "CHF"),
    (r"\bCNY\b|\bRMB\b|(?i:\byuan\b|\brenminbi\b)", "CNY"),
    (r"¥|\bJPY\b|(?i:\byen\b)", "JPY"),
    (r"₹|\bINR\b|\bRs\b|(?i:\brupees?\b)", "INR"),
    (r"\bRUB\b|(?i:\broubles?\b|\brubles?\b)", "RUB"),
    (r"\bKRW\b|(?i:\bwon\b)", "KRW"),
    (r"\bZAR\b|(?i:\brand\b)", "ZAR"),
    (r"\bSEK\b|(?i:\bSwedish kron)", "SEK"),
    (r"\bDKK\b|(?i:\bDanish kron)", "DKK"),
    (r"\bNOK\b|(?i:\bNorwegian kron)", "NOK"),
    (r"\bMXN\b|(?i:\bMexican pesos?)", "MXN"),
)
UNITS = tuple((re.compile(pattern), unit) for pattern, unit in PERCENTS + CURRENCIES)
CONNECTOR = re.compile(r"[\s%]*(?:per ?cent|percent)?\s*(?:-|–|—|to|and)\s*"
                       r"(?:[A-Z]{0,2}\$|[£€¥₹])?\s*", re.I)


@dataclass(frozen=True)
class Amount:
    """A number read from text: one value, or a range from minimum to maximum."""

    unit: str
    value: str | None = None
    minimum: str | None = None
    maximum: str | None = None


def unit_of(text: str) -> str:
    """'percent', 'percentage point', 'basis point', an ISO 4217 code, or 'count'."""
    return next((unit for pattern, unit in UNITS if pattern.search(text)), "count")


def parse(text: str) -> Amount | None:
    """The value, or the range, and the unit of an amount as written ('£600m', '5-7%');
    'at least 5%' has only a minimum, 'up to $3bn' only a maximum.

    Returns:
        None when the text holds no number ('a few'; 'one' counts only with a scale).
    """
    numbers = list(NUMBER.finditer(text))
    if not numbers:
        return None
    unit = unit_of(text)
    if len(numbers) >= 2 and CONNECTOR.fullmatch(text, numbers[0].end(), numbers[1].start()):
        first, second = numbers[:2]
        low, high = _number(first), _number(second)
        if first["digits"] and not first["scale"] and second["digits"] and second["scale"] \
                and low <= Decimal(second["digits"].replace(",", "")):
            low = low.scaleb(SCALES[second["scale"].lower()])
        low, high = sorted((low, high))
        return Amount(unit, minimum=_fixed(low), maximum=_fixed(high))
    value = _fixed(_number(numbers[0]))
    if AT_LEAST.match(text):
        return Amount(unit, minimum=value)
    if AT_MOST.match(text):
        return Amount(unit, maximum=value)
    return Amount(unit, value=value)


def _number(match: re.Match) -> Decimal:
    """A number match's value, scaled ('1.13bn' -> 1130000000)."""
    if match["digits"]:
        scale = SCALES.get((match["scale"] or "").lower(), 0)
        return Decimal(match["digits"].replace(",", "")).scaleb(scale)
    return Decimal(str(WORDS[match["word"].lower()])).scaleb(SCALES[match["wscale"].lower()])


def _fixed(number: Decimal) -> str:
    """A decimal in plain notation, without trailing zeros ('1130000000', '0.5')."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


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
