"""The read stage: walk the inputs and yield each article as read, or why a file was skipped.

Folders are walked recursively in sorted order, hidden files and folders skipped, every folder
entered once (so symlink loops end). Plain text and Markdown (.txt, .text, .md), HTML (.html,
.htm) and JSON Lines (.jsonl) are read; finding the files lives in `read_paths`, the formats in
`read_formats` and `read_jsonl`, the decoding in `read_decode`. Nothing is raised: a bad file or
line is yielded as an `InputError` for the build to log, and the other inputs are still read.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from pressgraph.errors import Errors, InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read_formats import size_error
from pressgraph.stages.read_jsonl import read_jsonl
from pressgraph.stages.read_paths import (
    READERS,
    Candidate,
    input_candidates,
    os_reason,
    stat_or_reason,
)

STEM_UNSAFE = re.compile(r"[^\w.~-]+")
MAX_CHARACTERS = 1_000_000  # spaCy's nlp.max_length: a longer text is refused by the model
UNDECODED = re.compile("[\ud800-\udfff]")  # a file name's bytes that are not UTF-8


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
        for item in input_candidates(Path(path)):
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
        yield InputError(Errors.KG006.format(path=candidate.shown, why=os_reason(err)))


def _check_file(candidate: Candidate, limit: int | None) -> InputError | None:
    """Why a file cannot be read (a name that is not UTF-8, missing, not a regular file, too
    big), checked by stat."""
    if UNDECODED.search(candidate.source):
        return InputError(Errors.KG024.format(path=candidate.shown))
    info = stat_or_reason(candidate.path)
    if isinstance(info, str):
        return InputError(Errors.KG006.format(path=candidate.shown, why=info))
    if not stat.S_ISREG(info.st_mode):
        return InputError(Errors.KG006.format(path=candidate.shown, why="not a regular file"))
    if limit is not None and info.st_size > limit:
        return size_error(candidate.shown, info.st_size, limit)
    return None
