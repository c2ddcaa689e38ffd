"""Amounts as written, read as numbers: '£600m', '$1.13bn', '76%', '5-7%', 'half a million'.

Pure string rules, no model: `parse` reads the value (or the range) and unit; finding where an
amount begins and ends is in `amount_extents`.
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
SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
NUMBER = re.compile(
    rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s?(?P<scale>{SCALE_WORDS})\b)?"
    rf"|\b(?P<word>half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s"
    r"(?P<wscale>thousand|million|billion|trillion)\b", re.I)
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
