"""The read stage: walk the inputs and yield each article as read, or why a file was skipped.

Folders are walked recursively in sorted order, hidden files and folders skipped, every folder
entered once (so symlink loops end). Plain text and Markdown (.txt, .text, .md), HTML (.html,
.htm) and JSON Lines (.jsonl) are read; the formats live in `read_formats` and `read_jsonl`,
the decoding in `read_decode`. Nothing is raised: a bad file or line is yielded as an
`InputError` for the build to log, and the other inputs are still read.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pressgraph.errors import Errors, InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read_formats import read_html, read_text, size_error
from pressgraph.stages.read_jsonl import read_jsonl

Reader = Callable[[Path, str, str, str, int], Iterator[RawArticle | InputError]]
READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
}
STEM_UNSAFE = re.compile(r"[^\w.~-]+")
MAX_CHARACTERS = 1_000_000  # spaCy's nlp.max_length: a longer text is refused by the model
UNSAFE_SHOWN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
UNDECODED = re.compile("[\ud800-\udfff]")  # a file name's bytes that are not UTF-8


@dataclass(frozen=True)
class Candidate:
    """An article file found: where it is, its source (relative, '/'), its name in errors."""

    path: Path
    source: str
    shown: str


def iter_inputs(paths: list[Path], max_megabytes: float = 20) -> Iterator[RawArticle | InputError]:
    """Read every article under the given files and folders, in a deterministic order.

    Args:
        paths: files and folders; a folder is the corpus root of the files under it, a file's
            source is its name.
        max_megabytes: the largest article read, in MB (10**6 bytes); for JSON Lines it
            applies to each line.

    Yields:
        A `RawArticle` per article (stems unique in the call), or an `InputError` per file or
        JSON Lines line that cannot be used.
    """
    limit = int(max_megabytes * 1_000_000)
    stems = StemRegistry()
    for path in paths:
        for item in _candidates(Path(path)):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _read(item, stems, limit)


class StemRegistry:
    """Hand out article stems that are IRI-safe and unique, in order of asking."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, stem: str, source: str) -> str:
        """`stem` made safe, or, if taken, with a short hash of `source` appended."""
        safe = STEM_UNSAFE.sub("-", unicodedata.normalize("NFC", stem)).strip("-.") or "article"
        candidate, attempt = safe, 0
        while candidate in self.taken:
            salt = source if attempt == 0 else f"{source}|{attempt}"
            digest = hashlib.sha256(salt.encode("utf-8")).hexdigest()[:8]
            candidate, attempt = f"{safe}-{digest}", attempt + 1
        self.taken.add(candidate)
        return candidate


def _candidates(path: Path) -> Iterator[Candidate | InputError]:
    """The article files an input path names, or why it cannot be read."""
    info = _stat(path)
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
        yield InputError(Errors.KG006.format(path=shown(folder), why=_why(err)))
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


def _read(
    candidate: Candidate, stems: StemRegistry, limit: int
) -> Iterator[RawArticle | InputError]:
    """Read one file with its format's reader; turn every failure into an `InputError`."""
    reader = READERS[candidate.path.suffix.lower()]
    per_line = reader is read_jsonl
    stem = candidate.path.stem if per_line else stems.claim(candidate.path.stem, candidate.source)
    problem = _check_file(candidate, None if per_line else limit)
    if problem is not None:
        yield problem
        return
    try:
        for item in reader(candidate.path, candidate.source, stem, candidate.shown, limit):
            if isinstance(item, RawArticle) and len(item.text) > MAX_CHARACTERS:
                where = candidate.shown + (item.source[len(candidate.source):] if per_line else "")
                item = InputError(Errors.KG023.format(path=where, size=len(item.text),
                                                      limit=MAX_CHARACTERS))
            elif per_line and isinstance(item, RawArticle):
                item = replace(item, stem=stems.claim(item.stem, item.source))
            yield item
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(Errors.KG006.format(path=candidate.shown, why=_why(err)))


def _check_file(candidate: Candidate, limit: int | None) -> InputError | None:
    """Why a file cannot be read (a name that is not UTF-8, missing, not a regular file, too
    big), checked by stat."""
    if UNDECODED.search(candidate.source):
        return InputError(Errors.KG024.format(path=candidate.shown))
    info = _stat(candidate.path)
    if isinstance(info, str):
        return InputError(Errors.KG006.format(path=candidate.shown, why=info))
    if not stat.S_ISREG(info.st_mode):
        return InputError(Errors.KG006.format(path=candidate.shown, why="not a regular file"))
    if limit is not None and info.st_size > limit:
        return size_error(candidate.shown, info.st_size, limit)
    return None


def shown(path: Path) -> str:
    """A path as error messages show it: control and bidi characters (and the bytes of a name
    that is not UTF-8) as escapes, so a file name with a line break or a right-to-left override
    still gives one readable line."""
    return UNSAFE_SHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                            str(path))


def _stat(path: Path) -> os.stat_result | str:
    """The path's stat (following links), or the reason it has none."""
    try:
        return path.stat()
    except OSError as err:
        if err.errno == errno.ENOENT and path.is_symlink():
            return "broken symbolic link"
        return _why(err)


def _why(err: OSError) -> str:
    """A short lower-case reason for an OS error."""
    reason = err.strerror or type(err).__name__
    return reason[:1].lower() + reason[1:]
