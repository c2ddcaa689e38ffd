"""The extraction of a corpus, started before the rest of the build needs it.

A rebuild extracts only the articles the facts cache does not hold. When the cache holds most
of a big corpus (a rebuild after a few changes), they are extracted in a worker process that
starts at once, so that the model loads and parses while this process finds duplicates and
reads the cached facts (local worker processes always start at once; in this process or on
Dask the work begins when the first facts are asked for); a fresh build of more than
`ISOLATE_ABOVE` articles uses a worker too, so that the model's memory goes back when it exits.
`facts` yields every article's facts in input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tqdm import tqdm

from pressgraph.config import Config
from pressgraph.records import ArticleFacts, CleanArticle
from pressgraph.stages.cache import FactsCache
from pressgraph.stages.extract_runner import ExtractSettings, run_extraction

ALONGSIDE_FROM = 200  # cached articles: from this many (and most of the corpus), one job
# extracts beside the main process, which reads them meanwhile
ISOLATE_ABOVE = 1000  # articles to extract: more, and one job extracts in a worker process


class CorpusExtraction:
    """Extraction of `articles` under way.

    Args:
        articles: the cleaned articles, in input order.
        config: model, patterns, batch size and jobs.
        cache: the facts cache, or None to extract everything.
        dask: a Dask scheduler's address to extract on, instead of local processes.
    """

    def __init__(self, articles: Sequence[CleanArticle], config: Config,
                 cache: FactsCache | None = None, dask: str | None = None) -> None:
        self.articles, self.cache = articles, cache
        self.settings = ExtractSettings(config.model, str(config.path(config.patterns)),
                                        config.batch_size)
        self.jobs, self.dask = config.jobs, dask
        self.keys = [cache.key(a.raw) for a in articles] if cache else [""] * len(articles)
        cached = set(cache.present(self.keys)) if cache else set()
        self.todo = [i for i, key in enumerate(self.keys) if key not in cached]
        self.extracted, self.cached, self._late = 0, 0, 0
        self._fresh = self._start(self.todo)

    def facts(self, progress: bool = False) -> Iterator[ArticleFacts]:
        """Every article's facts in input order: cached, or extracted and then cached."""
        fresh = set(self.todo)
        bar = tqdm(total=len(self.articles), unit="article", leave=False,
                   disable=None if progress else True)  # None: only on a terminal
        try:  # closed (its line wiped) before an error is printed, too
            for index, key in enumerate(self.keys):
                facts = None if index in fresh else self._cached(key)
                if facts is None:
                    facts = next(self._fresh) if index in fresh else self._unreadable(index)
                    if self.cache is not None:
                        self.cache.save(key, facts)
                bar.update(1)
                yield facts
            next(self._fresh, None)  # let the backend shut its workers down
        finally:
            bar.close()
        self.extracted = len(self.todo) + self._late  # _late: unreadable entries
        self.cached = len(self.articles) - self.extracted

    def close(self) -> None:
        """Stop any workers still running (after `facts`, or when the build gives up)."""
        close = getattr(self._fresh, "close", None)
        if close is not None:
            close()

    def _start(self, indices: list[int]) -> Iterator[ArticleFacts]:
        """Begin extracting the articles at `indices` (in a worker when that pays)."""
        cached = len(self.articles) - len(indices)
        alongside = (len(indices) > ISOLATE_ABOVE
                     or cached >= ALONGSIDE_FROM and cached > len(indices))
        return iter(run_extraction([self.articles[i] for i in indices], self.settings,
                                   self.jobs, self.dask, alongside=alongside))

    def _cached(self, key: str) -> ArticleFacts | None:
        """The cached facts of `key` (None when its entry could not be read)."""
        return self.cache.load(key) if self.cache is not None else None

    def _unreadable(self, index: int) -> ArticleFacts:
        """Extract an article whose cache entry was there but unreadable."""
        self._late += 1
        return next(iter(run_extraction([self.articles[index]], self.settings, self.jobs,
                                        self.dask)))
