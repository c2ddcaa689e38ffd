"""A cache of each article's extracted facts, so a rebuild re-extracts only what changed.

An entry is keyed by the SHA-256 of the pipeline version and the article as read (source, stem,
text and metadata). The pipeline version hashes what extraction depends on: pressgraph's and
spaCy's versions, the model package and its version, every pattern file, and the source of the
extraction code (`stages/`, `components/`, `nlp.py`, `records.py`), so editing any of them
invalidates every entry. Entries are pickles written atomically under OUT/cache/; the entries a
build did not use are deleted at its end, so the cache holds exactly the current corpus.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

from pressgraph import __version__
from pressgraph.records import ArticleFacts, RawArticle

SUFFIX = ".pickle"
_CODE = ("stages", "components", "nlp.py", "records.py")


def pipeline_version(patterns: Path, model: str) -> str:
    """The hash of everything extraction depends on besides the article itself."""
    digest = hashlib.sha256(f"pressgraph {__version__}\0".encode())
    digest.update(f"spacy {_version('spacy')}\0model {model} {_version(model)}\0".encode())
    for path in _files(Path(patterns)):
        digest.update(f"pattern {path.relative_to(patterns).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    package = Path(__file__).resolve().parents[1]
    for name in _CODE:
        for path in _files(package / name):
            digest.update(f"code {path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(package: str) -> str:
    """An installed distribution's version, or '-' (the 'blank' model has none)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def _files(path: Path) -> list[Path]:
    """A file, or the files under a folder (no caches), sorted."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


class PickleCache:
    """Pickled values under `folder`, one file per key, written atomically.

    Args:
        folder: the cache folder; created when the first entry is saved.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.used: set[str] = set()

    def load(self, key: str) -> object | None:
        """The cached value, or None when there is no readable entry."""
        self.used.add(key)
        try:
            with (self.folder / f"{key}{SUFFIX}").open("rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                TypeError, ValueError):
            return None

    def present(self, keys: list[str]) -> list[str]:
        """The keys among `keys` that have an entry (readable or not: `load` tells)."""
        try:
            names = {path.name.removesuffix(SUFFIX) for path in self.folder.iterdir()}
        except OSError:
            return []
        return [key for key in keys if key in names]

    def save(self, key: str, value: object) -> None:
        """Write an entry through a temp file renamed into place; a failed write is no entry."""
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=self.folder)
        except OSError:
            return
        tmp = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(self.folder / f"{key}{SUFFIX}")
        except OSError:
            tmp.unlink(missing_ok=True)

    def prune(self) -> int:
        """Delete every entry (and leftover temp file) this build did not use.

        Returns:
            The number of files deleted.
        """
        if not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.iterdir():
            if path.is_file() and path.name.removesuffix(SUFFIX) not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


class FactsCache(PickleCache):
    """Pickled `ArticleFacts` under `folder`, one file per article and pipeline version.

    Args:
        folder: the cache folder (OUT/cache); created when the first entry is saved.
        version: the pipeline version (`pipeline_version`).
    """

    def __init__(self, folder: Path, version: str) -> None:
        super().__init__(folder)
        self.version = version

    def key(self, raw: RawArticle) -> str:
        """The entry key of an article as read."""
        fields = (self.version, raw.source, raw.stem, raw.text, raw.title, raw.author,
                  raw.date, raw.url, raw.publisher, raw.fmt)
        return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()

    def load(self, key: str) -> ArticleFacts | None:
        """The cached facts, or None when there is no readable entry."""
        facts = super().load(key)
        return facts if isinstance(facts, ArticleFacts) else None
