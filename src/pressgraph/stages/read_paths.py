"""Find the article files an input path names: a file by its suffix, a folder walked recursively
in sorted order (hidden files and folders skipped, every folder entered once); and paths and OS
errors as error messages show them.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pressgraph.errors import Errors, InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read_formats import read_html, read_text
from pressgraph.stages.read_jsonl import read_jsonl

Reader = Callable[[Path, str, str, str, int], Iterator[RawArticle | InputError]]
READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
}
UNSAFE_SHOWN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@dataclass(frozen=True)
class Candidate:
    """An article file found: where it is, its source (relative, '/'), its name in errors."""

    path: Path
    source: str
    shown: str


def input_candidates(path: Path) -> Iterator[Candidate | InputError]:
    """The article files an input path names, or why it cannot be read."""
    info = stat_or_reason(path)
    if isinstance(info, str):
        yield InputError(Errors.KG006.format(path=shown(path), why=info))
    elif stat.S_ISDIR(info.st_mode):
        found = False
        for item in _walk(path, path, {(info.st_dev, info.st_ino)}):
            found = found or isinstance(item, Candidate)
            yield item
        if not found:
            yield InputError(Errors.KG007.format(path=shown(path)))
    elif path.suffix.lower() in READERS:
        yield Candidate(path, path.name, shown(path))
    else:
        yield InputError(Errors.KG007.format(path=shown(path)))


def _walk(root: Path, folder: Path, seen: set[tuple[int, int]]) -> Iterator[Candidate | InputError]:
    """Article files under `folder`, sorted by name, each folder entered once."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield InputError(Errors.KG006.format(path=shown(folder), why=os_reason(err)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            info = entry.stat()
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                yield from _walk(root, entry, seen)
        elif entry.suffix.lower() in READERS:
            yield Candidate(entry, entry.relative_to(root).as_posix(), shown(entry))


def shown(path: Path) -> str:
    """A path as error messages show it: control and bidi characters (and the bytes of a name
    that is not UTF-8) as escapes, so a file name with a line break or a right-to-left override
    still gives one readable line."""
    return UNSAFE_SHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                            str(path))


def stat_or_reason(path: Path) -> os.stat_result | str:
    """The path's stat (following links), or the reason it has none."""
    try:
        return path.stat()
    except OSError as err:
        if err.errno == errno.ENOENT and path.is_symlink():
            return "broken symbolic link"
        return os_reason(err)


def os_reason(err: OSError) -> str:
    """A short lower-case reason for an OS error."""
    reason = err.strerror or type(err).__name__
    return reason[:1].lower() + reason[1:]
