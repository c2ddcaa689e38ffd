"""Put the stages together: `build` reads a corpus and writes the graph and its report.

Memory holds the cleaned articles, their facts and the graph as text, never the parsed Docs of
the corpus nor an rdflib graph of it (see stages/extract_runner.py and stages/trig.py).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pressgraph import __version__
from pressgraph.config import Config
from pressgraph.errors import Errors, InputError, PressgraphError
from pressgraph.namespace import Iris
from pressgraph.records import ArticleFacts, CleanArticle
from pressgraph.stages.cache import FactsCache, pipeline_version
from pressgraph.stages.clean import clean, load_rules
from pressgraph.stages.corpus_extraction import CorpusExtraction
from pressgraph.stages.duplicates import alternates, find_duplicates
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.merges import load_merges
from pressgraph.stages.rdf_cache import RenderedCache
from pressgraph.stages.read import iter_inputs
from pressgraph.stages.read_paths import shown
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads
from pressgraph.stages.vocabulary import build_quads, vocabulary_quads
from pressgraph.writing import write_atomic

log = logging.getLogger("pressgraph")


@dataclass
class BuildResult:
    """What a build did: the files written, what was skipped, and whether it validates."""

    trig: Path | None = None
    html: Path | None = None
    report: Path | None = None
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    warn: Callable[[str], None] = field(default=lambda message: None, repr=False)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    conforms: bool = True
    violations: str = ""
    quads: int = 0
    extracted: int = 0  # articles parsed and extracted by this build
    cached: int = 0  # articles whose facts came from the cache
    rendered: int = 0  # articles whose graph text came from the cache
    index: list[tuple[str, str, int]] = field(default_factory=list)  # the TriG's graph blocks


def read_and_clean(inputs: list[Path], config: Config, result: BuildResult
                   ) -> Iterator[CleanArticle]:
    """Read and clean every input, recording each bad file as skipped."""
    rules = load_rules(config.path(config.patterns) / "boilerplate.tsv")
    for item in iter_inputs(inputs, config.max_megabytes):
        if isinstance(item, InputError):
            result.skipped.append(str(item))
            result.warn(str(item))
            continue
        article = clean(item, rules)
        if not article.text.strip():
            result.skipped.append(Errors.KG016.format(path=shown(Path(item.source))))
            result.warn(result.skipped[-1])
            continue
        yield article


def build(inputs: list[Path], out: Path, config: Config, progress: bool = True,
          warn: Callable[[str], None] | None = None, dask: str | None = None,
          use_cache: bool = True) -> BuildResult:
    """Build the graph of `inputs` into `out`: the TriG and the resolution report.

    Args:
        inputs: files and folders to read.
        out: the output folder; the facts cache lives in `out/cache`.
        config: the pipeline config (`config.jobs` extraction processes).
        progress: show a progress bar.
        warn: called with each skipped input's message.
        dask: a Dask scheduler's address to extract on, instead of local processes.
        use_cache: reuse and update the facts cache (False: extract everything, cache untouched).

    Raises:
        PressgraphError: KG008 when no input could be read; KG013 when an output can't be written.
    """
    result = BuildResult(warn=warn or (lambda message: log.warning("%s", message)))
    cache = (FactsCache(out / "cache", pipeline_version(config.path(config.patterns),
                                                        config.model)) if use_cache else None)
    facts = _facts(inputs, config, result, progress, cache, dask)
    if cache is not None:
        cache.prune()
    resolver = Resolver(load_merges(config.path(config.merges)))
    for item in facts:
        resolver.add(item)
    iris, writer = Iris(config.base_iri), GraphWriter()
    writer.add(vocabulary_quads(iris))
    writer.add(build_quads(iris, _run_facts(config, facts)))
    rendered = RenderedCache(out / "cache" / "rdf", cache.key) if cache is not None else None
    for item in facts:
        if rendered is None:
            writer.add(article_quads(item, iris, resolver))
        else:
            writer.add_rendered(rendered.rendered(item, iris, resolver, writer))
    if rendered is not None:
        rendered.prune()
        result.rendered = rendered.hits
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PressgraphError(Errors.KG013.format(path=out, why=err.strerror or err)) from None
    result.trig = out / f"{config.name}.trig"
    result.quads = writer.write(result.trig)
    result.index = writer.index
    result.report = write_atomic(out / f"{config.name}.resolution.txt",
                                 "\n".join(resolver.report()) + "\n")
    result.articles = len(facts)
    return result


def _facts(inputs: list[Path], config: Config, result: BuildResult, progress: bool,
           cache: FactsCache | None, dask: str | None) -> list[ArticleFacts]:
    """Read, clean, find duplicates and extract: every article's facts, copies linked."""
    articles = list(read_and_clean(inputs, config, result))
    if not articles:
        raise PressgraphError(Errors.KG008.format(count=len(result.skipped)))
    extraction = CorpusExtraction(articles, config, cache, dask)  # under way from here
    try:
        result.duplicates = find_duplicates(((a.raw.stem, _body(a)) for a in articles),
                                            config.duplicate_threshold)
        copies = alternates(result.duplicates)
        facts = [replace(f, alternates=copies.get(f.raw.stem, ()))
                 for f in extraction.facts(progress)]
    finally:
        extraction.close()
    result.extracted, result.cached = extraction.extracted, extraction.cached
    return facts


def _body(article: CleanArticle) -> str:
    """The cleaned body text, for duplicate detection."""
    return " ".join(article.text[b:e] for kind, b, e in article.regions if kind == "body")


def _run_facts(config: Config, facts: list[ArticleFacts]) -> dict[str, str]:
    """What the build-metadata graph records: tool, model, articles, and a stated time."""
    return {"version": __version__, "model": config.model, "articles": str(len(facts)),
            "time": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "stems": " ".join(sorted(f.raw.stem for f in facts))}
