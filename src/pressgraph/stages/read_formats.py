"""Read a plain text, Markdown or HTML file into a `RawArticle`.

Each reader gets the file's path, its `source` (relative to the corpus root), its `stem`, the
name errors show and the size limit in bytes, and yields the article; a problem with the file
is raised as `InputError`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document

from pressgraph.errors import Errors, InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read_decode import decode, normalize
from pressgraph.stages.read_sniff import declared_charset

QUIET_LOGGERS = ("trafilatura", "htmldate", "justext", "courlan", "charset_normalizer")


def read_text(path: Path, source: str, stem: str, shown: str, limit: int) -> Iterator[RawArticle]:
    """A plain text or Markdown file: the whole decoded text is the article."""
    text = decode(_read_bytes(path, shown, limit), shown)
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    title = _markdown_title(text) if fmt == "md" else None
    yield RawArticle(source=source, stem=stem, text=text, title=title, fmt=fmt)


def read_html(path: Path, source: str, stem: str, shown: str, limit: int) -> Iterator[RawArticle]:
    """An HTML page: trafilatura's main text (boilerplate dropped) and its metadata."""
    data = _read_bytes(path, shown, limit)
    page = decode(data, shown, declared=declared_charset(data))
    doc = _extract(page)
    text = normalize(doc.text or "") if doc is not None else ""
    if doc is None or not text.strip():
        raise InputError(Errors.KG016.format(path=shown))
    yield RawArticle(
        source=source, stem=stem, text=text, title=field(doc.title), author=field(doc.author),
        date=field(doc.date), url=field(doc.url), publisher=field(doc.sitename), fmt="html",
    )


def _extract(page: str) -> Document | None:
    """Run trafilatura on a page, quietly and offline (it is given markup, never a URL).

    Precision mode: the balanced default falls back to the whole body when it finds no main
    text, so a menu, a "enable JavaScript" notice or a link list would become an article.
    """
    with _quiet():
        try:
            doc = trafilatura.bare_extraction(
                page, with_metadata=True, include_comments=False, favor_precision=True)
        except (ValueError, TypeError, LxmlError):
            return None
    return doc if isinstance(doc, Document) else None


def _read_bytes(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes, or KG004 if it grew past the limit after the size check."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise size_error(shown, len(data), limit)
    return data


def size_error(shown: str, size: int, limit: int) -> InputError:
    """KG004 for an input of `size` bytes over the `limit`."""
    return InputError(Errors.KG004.format(path=shown, size=f"{size / 1e6:.1f}",
                                          limit=f"{limit / 1e6:g}"))


def _markdown_title(text: str) -> str | None:
    """The text of a leading `# Heading` line, if the file starts with one."""
    first = text.lstrip().split("\n", 1)[0]
    return field(first.lstrip("#")) if first.startswith("# ") else None


def field(value: Any) -> str | None:
    """A metadata string, normalized and stripped; None when missing or blank."""
    if not isinstance(value, str) or not value.strip():
        return None
    return normalize(value).strip()


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence the extraction libraries' log records for the duration of a call."""
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
