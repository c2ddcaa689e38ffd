"""Put the stages together: `build` reads a corpus and writes the graph, store and view."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from pressgraph import __version__
from pressgraph.config import Config
from pressgraph.errors import Errors, InputError, PressgraphError
from pressgraph.namespace import Iris
from pressgraph.nlp import load_nlp
from pressgraph.records import ArticleFacts, CleanArticle
from pressgraph.stages.clean import clean, load_rules
from pressgraph.stages.duplicates import alternates, find_duplicates
from pressgraph.stages.extract import extract
from pressgraph.stages.lexicon import load_lexicon
from pressgraph.stages.merges import load_merges
from pressgraph.stages.read import iter_inputs
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads, unify_confidences
from pressgraph.stages.trig import to_trig
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
            result.skipped.append(Errors.KG016.format(path=item.source))
            result.warn(result.skipped[-1])
            continue
        yield article


def extract_all(articles: list[CleanArticle], config: Config, progress: bool
                ) -> Iterator[ArticleFacts]:
    """Parse the cleaned texts with spaCy in batches and extract each article's facts."""
    patterns = config.path(config.patterns)
    nlp, lexicon = load_nlp(patterns, config.model), load_lexicon(patterns)
    docs = nlp.pipe((a.text for a in articles), batch_size=config.batch_size)
    bar = tqdm(total=len(articles), unit="article", disable=not progress, leave=False)
    for article, doc in zip(articles, docs, strict=True):
        bar.update(1)
        yield extract(article, doc, lexicon)
    bar.close()


def build(inputs: list[Path], out: Path, config: Config, progress: bool = True,
          warn: Callable[[str], None] | None = None) -> BuildResult:
    """Build the graph of `inputs` into `out`: TriG, resolution report, store and view.

    Raises:
        PressgraphError: KG008 when no input could be read; KG013 when an output can't be written.
    """
    result = BuildResult(warn=warn or (lambda message: log.warning("%s", message)))
    rules = load_merges(config.path(config.merges))
    articles = list(read_and_clean(inputs, config, result))
    if not articles:
        raise PressgraphError(Errors.KG008.format(count=len(result.skipped)))
    result.duplicates = find_duplicates(((a.raw.stem, _body(a)) for a in articles),
                                        config.duplicate_threshold)
    copies = alternates(result.duplicates)
    facts = [replace(f, alternates=copies.get(f.raw.stem, ()))
             for f in extract_all(articles, config, progress)]
    resolver = Resolver(rules)
    for item in facts:
        resolver.add(item)
    iris = Iris(config.base_iri)
    quads = set(vocabulary_quads(iris)) | set(build_quads(iris, _run_facts(config, facts)))
    for item in facts:
        quads |= article_quads(item, iris, resolver)
    quads = unify_confidences(quads)
    out.mkdir(parents=True, exist_ok=True)
    result.trig = write_atomic(out / f"{config.name}.trig", to_trig(quads))
    result.report = write_atomic(out / f"{config.name}.resolution.txt",
                                 "\n".join(resolver.report()) + "\n")
    result.articles, result.quads = len(facts), len(quads)
    return result


def _body(article: CleanArticle) -> str:
    """The cleaned body text, for duplicate detection."""
    return " ".join(article.text[b:e] for kind, b, e in article.regions if kind == "body")


def _run_facts(config: Config, facts: list[ArticleFacts]) -> dict[str, str]:
    """What the build-metadata graph records: tool, model, articles, and a stated time."""
    return {"version": __version__, "model": config.model, "articles": str(len(facts)),
            "time": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "stems": " ".join(sorted(f.raw.stem for f in facts))}
