"""Article metadata from the header and bio: title, byline authors, date."""

from __future__ import annotations

import re
from datetime import date

from pressgraph.records import CleanArticle

NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
BYLINE = re.compile(rf"^By\s+({NAME}(?:\s+and\s+{NAME})*)(?:\s*,\s*(.*))?$")
BIO_NAME = re.compile(rf"^({NAME})\s+(?:is|was)\s+(?:an?|the)\s")
NAME_LINE = re.compile(rf"^{NAME}$")
MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
DATES = [
    re.compile(r"\b(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<m>[A-Z][a-z]{2,8})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<d>\d\d)\b"),
]


def header_lines(article: CleanArticle) -> list[tuple[str, int]]:
    """(line, cleaned offset) for each header line."""
    return _lines(article, "header")


def _lines(article: CleanArticle, kind: str) -> list[tuple[str, int]]:
    out = []
    for region, begin, end in article.regions:
        if region == kind:
            pos = begin
            for line in article.text[begin:end].split("\n"):
                out.append((line, pos))
                pos += len(line) + 1
    return out


def find_title(article: CleanArticle) -> str | None:
    """The metadata title, else the first header line that reads like a headline."""
    if article.raw.title:
        return article.raw.title.strip()
    for line, _ in header_lines(article):
        if not BYLINE.match(line) and not find_date(line) and len(line.split()) >= 3:
            return line.strip()
    return None


def find_date(text: str) -> str | None:
    """The first date written in `text`, as an ISO date."""
    for pattern in DATES:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mm"]) if parts.get("mm") else MONTHS.get(parts["m"][:3].lower())
            try:
                return date(int(parts["y"]), month or 0, int(parts["d"])).isoformat()
            except (TypeError, ValueError):
                continue
    return None


def article_date(article: CleanArticle) -> str | None:
    """The metadata date, else a date in a header line."""
    if article.raw.date:
        return find_date(article.raw.date) or article.raw.date[:10]
    for line, _ in header_lines(article):
        found = find_date(line)
        if found:
            return found
    return None


def bylines(article: CleanArticle) -> list[tuple[list[str], str, int]]:
    """(author names, the byline's tail, the tail's cleaned offset) for each byline."""
    out = []
    for line, pos in header_lines(article) + _lines(article, "body")[:2]:
        match = BYLINE.match(line)
        if match:
            names = re.split(r"\s+and\s+", match.group(1))
            tail_at = match.start(2) if match.group(2) else len(line)
            out.append((names, match.group(2) or "", pos + tail_at))
    return out


def bio_author(article: CleanArticle) -> str | None:
    """The author named by a bio: a name line, or 'NAME is an ...' opening it."""
    lines = _lines(article, "bio")
    for line, _ in lines[:2]:
        if NAME_LINE.match(line.strip()) and len(line.split()) >= 2:
            return line.strip()
        match = BIO_NAME.match(line)
        if match:
            return match.group(1)
    return None


def authors(article: CleanArticle) -> list[str]:
    """Byline authors, else the metadata author, else the author a bio names."""
    names = [name for found, _, _ in bylines(article) for name in found]
    if not names and article.raw.author:
        names = [n.strip() for n in re.split(r"\s*(?:;|,| and )\s*", article.raw.author) if n]
    if not names:
        named = bio_author(article)
        names = [named] if named else []
    return names
