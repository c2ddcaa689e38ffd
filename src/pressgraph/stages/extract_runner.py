"""Run extraction (spaCy plus rules) over many articles: in this process, in local worker
processes (`--jobs N`), or on a Dask cluster (`--dask ADDRESS`).

Extraction is a pure function of the article, the model and the pattern files. Every backend
parses the same batches of `batch_size` articles and yields the facts in input order, so the
built graph is the same bytes whichever runs it. Only the facts come back from a worker: no
backend keeps the parsed Docs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from pressgraph.records import ArticleFacts, CleanArticle
from pressgraph.stages.dask_connect import connect
from pressgraph.stages.extract_pool import Started

_LOADED: dict[ExtractSettings, tuple] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ExtractSettings:
    """What extraction needs besides the articles; small and picklable.

    Args:
        model: the spaCy model package (or "blank").
        patterns: the pattern folder on this machine.
        batch_size: articles per nlp.pipe batch and per worker task.
        files: the pattern files' names and bytes, for workers that cannot see `patterns`.
    """

    model: str
    patterns: str
    batch_size: int = 16
    files: tuple[tuple[str, bytes], ...] = ()

    def shipped(self) -> ExtractSettings:
        """These settings carrying the pattern files themselves, for remote workers."""
        folder = Path(self.patterns)
        files = tuple((p.relative_to(folder).as_posix(), p.read_bytes())
                      for p in sorted(folder.rglob("*")) if p.is_file())
        return replace(self, files=files)


def run_extraction(articles: Sequence[CleanArticle], settings: ExtractSettings, jobs: int = 1,
                   dask: str | None = None, alongside: bool = False) -> Iterator[ArticleFacts]:
    """The facts of every article, in input order; local workers start before this returns.

    Args:
        articles: the cleaned articles.
        settings: model, patterns and batch size.
        jobs: local worker processes; with one batch or less the work stays in this process.
        dask: the address of a Dask scheduler (`tcp://host:8786`); takes precedence over jobs.
        alongside: with one job, still extract in one worker process, so that the caller can
            work meanwhile and the worker's memory (the model, and spaCy's vocabulary, which
            grows with every new word) is returned when it exits.

    Raises:
        PressgraphError: KG060 without dask.distributed, KG061 when the scheduler can't be reached.
    """
    if not articles:
        return iter(())
    if dask:
        return _on_dask(articles, settings, dask)
    if jobs > 1 and len(articles) > settings.batch_size or alongside:
        return _in_processes(articles, settings, jobs)
    return _in_process(articles, settings)


def extract_batch(articles: list[CleanArticle], settings: ExtractSettings
                  ) -> list[ArticleFacts]:
    """Parse and extract one batch (the task a worker runs)."""
    from pressgraph.stages.extract import extract

    with _LOCK:
        nlp, lexicon = _pipeline(settings)
        docs = nlp.pipe([a.text for a in articles], batch_size=settings.batch_size)
        return [extract(a, doc, lexicon) for a, doc in zip(articles, docs, strict=True)]


def _in_process(articles: Sequence[CleanArticle], settings: ExtractSettings
                ) -> Iterator[ArticleFacts]:
    """nlp.pipe over a stream of texts: each Doc is dropped once its facts are out."""
    from pressgraph.stages.extract import extract

    nlp, lexicon = _pipeline(settings)
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield extract(article, doc, lexicon)


def _in_processes(articles: Sequence[CleanArticle], settings: ExtractSettings, jobs: int
                  ) -> Iterator[ArticleFacts]:
    """A pool of spawned workers, each loading the model once, started now; ordered results."""
    batches = _batches(articles, settings.batch_size)
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(min(jobs, len(batches)), initializer=_pipeline, initargs=(settings,))
    return Started(pool, pool.imap(partial(extract_batch, settings=settings), batches))


def _on_dask(articles: Sequence[CleanArticle], settings: ExtractSettings, address: str
             ) -> Iterator[ArticleFacts]:
    """One task per batch on the cluster; results gathered in order and then released."""
    with connect(address) as client:
        remote = client.scatter(settings.shipped(), broadcast=True)
        futures = deque(client.map(extract_batch, _batches(articles, settings.batch_size),
                                   settings=remote, pure=False))
        while futures:
            future = futures.popleft()
            yield from future.result()
            future.release()


def _batches(articles: Sequence[CleanArticle], size: int) -> list[list[CleanArticle]]:
    """Consecutive batches of `size` articles, as nlp.pipe forms them."""
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def _pipeline(settings: ExtractSettings) -> tuple:
    """The loaded model and lexicon of these settings, loaded once per process."""
    if settings not in _LOADED:
        from pressgraph.nlp import load_nlp
        from pressgraph.stages.lexicon import load_lexicon

        folder = _pattern_folder(settings)
        _LOADED.clear()
        _LOADED[settings] = (load_nlp(folder, settings.model), load_lexicon(folder))
    return _LOADED[settings]


def _pattern_folder(settings: ExtractSettings) -> Path:
    """The pattern folder: the local one, or the shipped files written once to a temp folder."""
    if not settings.files:
        return Path(settings.patterns)
    digest = hashlib.sha256(repr(settings.files).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"pressgraph-patterns-{digest}"
    if not folder.is_dir():
        staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=folder.parent))
        for name, data in settings.files:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        try:
            staging.rename(folder)
        except OSError:  # another worker got there first: its copy is the same files
            shutil.rmtree(staging, ignore_errors=True)
    return folder
