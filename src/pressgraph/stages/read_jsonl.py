"""Read a JSON Lines file: one article object per line.

Each line is `{"text": "...", "title": ..., "author": ..., "date": ..., "url": ...,
"publisher": ...}`; only `text` is required, the others are strings or null. Blank lines are
skipped; a bad line is yielded as a KG005 `InputError` and the other lines are still read. The
size limit applies to each line (one article), so a large JSON Lines corpus can be read.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pressgraph.errors import Errors, InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read_decode import normalize
from pressgraph.stages.read_formats import field, size_error
from pressgraph.stages.read_sniff import binary_kind, byte_order_mark

OPTIONAL_FIELDS = ("title", "author", "date", "url", "publisher")
SURROGATE = re.compile("[\ud800-\udfff]")  # JSON allows "\ud800"; UTF-8 output cannot hold it


def read_jsonl(
    path: Path, source: str, stem: str, shown: str, limit: int
) -> Iterator[RawArticle | InputError]:
    """JSON Lines, one article object per line; the limit applies to each line."""
    with path.open("rb") as handle:
        _check_jsonl_head(handle.read(4096), shown)
        handle.seek(0)
        found = False
        for number, line in _lines(handle, limit):
            if isinstance(line, int):
                yield size_error(f"{shown}#{number}", line, limit)
                continue
            if not line.strip():
                continue
            found = True
            line = line.removeprefix(codecs.BOM_UTF8) if number == 1 else line
            yield _parse_line(line, number, f"{source}#{number}", f"{stem}-{number}", shown)
    if not found:
        raise InputError(Errors.KG001.format(path=shown))


def _parse_line(
    line: bytes, number: int, source: str, stem: str, shown: str
) -> RawArticle | InputError:
    """One JSON Lines line as an article, or the KG005 error saying what is wrong."""
    why: str | None
    try:
        item: Any = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as err:
        why = f"invalid UTF-8 at byte {err.start}"
    except json.JSONDecodeError as err:
        why = f"broken JSON: {err.msg} at column {err.colno}"
    except RecursionError:
        why = "broken JSON: nested too deep"
    except ValueError as err:  # a number of over 4300 digits (Python's int conversion limit)
        why = f"unreadable JSON: {str(err).split(':')[0]}"
    else:
        why = _line_problem(item)
    if why:
        return InputError(Errors.KG005.format(path=shown, line=number, why=why))
    fields = {key: field(item.get(key)) for key in OPTIONAL_FIELDS}
    return RawArticle(source=source, stem=stem, text=normalize(item["text"]), fmt="jsonl", **fields)


def json_type(value: Any) -> str:
    """What JSON calls a parsed value's type: "an array", "a number", "null"..."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), f"a {type(value).__name__}")


def _line_problem(item: Any) -> str | None:
    """Why a parsed line is not a usable article object, or None if it is."""
    if not isinstance(item, dict):
        return f"{json_type(item)}, not an object"
    if "text" not in item:
        return 'no "text" key'
    if not isinstance(item["text"], str):
        return f'"text" is {json_type(item["text"])}'
    if not item["text"].strip():
        return '"text" is empty'
    for key in OPTIONAL_FIELDS:
        if item.get(key) is not None and not isinstance(item[key], str):
            return f'"{key}" is {json_type(item[key])}, not a string'
    for key in ("text", *OPTIONAL_FIELDS):
        if isinstance(item.get(key), str) and SURROGATE.search(item[key]):
            return f'"{key}" holds a lone surrogate escape such as \\ud800'
    return None


def _check_jsonl_head(head: bytes, shown: str) -> None:
    """Refuse a whole JSON Lines file that is binary or not UTF-8 (JSON Lines must be)."""
    kind = binary_kind(head)
    if kind:
        raise InputError(Errors.KG002.format(path=shown, kind=kind))
    codec = byte_order_mark(head) or ("utf-16" if b"\x00" in head else None)
    if codec and codec != "utf-8-sig":
        why = f"JSON Lines must be UTF-8, not {codec}"
        raise InputError(Errors.KG003.format(path=shown, why=why))


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, bytes without the line break), or the size of a line over `limit`."""
    number = 0
    while chunk := handle.readline(limit + 1):
        number += 1
        if len(chunk) <= limit or chunk.endswith(b"\n"):
            yield number, chunk.rstrip(b"\r\n")
            continue
        size = len(chunk)
        while chunk and not chunk.endswith(b"\n"):
            chunk = handle.readline(1 << 20)
            size += len(chunk)
        yield number, size - int(chunk.endswith(b"\n"))
