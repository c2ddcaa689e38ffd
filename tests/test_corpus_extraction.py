"""A rebuild starts extracting the uncached articles at once (in a worker when the cache holds
most of the corpus), re-extracts an unreadable entry, and stops its workers when the build
gives up; the bytes are a clean build's."""

from __future__ import annotations

import multiprocessing
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pressgraph import pipeline
from pressgraph.config import load_config
from pressgraph.pipeline import build
from pressgraph.stages import corpus_extraction
from pressgraph.stages.cache import SUFFIX

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus" / "sample", folder)
    return folder


@pytest.fixture
def config():
    return replace(load_config(ROOT / "build" / "pipeline.toml"), model="blank")


@pytest.fixture
def backends(monkeypatch) -> list[bool | str]:
    """Whether each extraction this test starts runs beside the main process."""
    seen: list[bool | str] = []
    real = corpus_extraction.run_extraction

    def spy(articles, settings, jobs=1, dask=None, alongside=False):
        seen.append(alongside)
        return real(articles, settings, jobs, dask, alongside=alongside)

    monkeypatch.setattr(corpus_extraction, "run_extraction", spy)
    return seen


def _change_one(corpus: Path) -> None:
    article = sorted(corpus.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nSales rose 5% in 2016.\n",
                       encoding="utf-8")


def test_a_rebuild_with_most_articles_cached_extracts_in_a_worker(
        corpus, config, backends, monkeypatch, tmp_path):
    monkeypatch.setattr(corpus_extraction, "ALONGSIDE_FROM", 2)
    real = pipeline.find_duplicates

    def duplicates(*args, **kwargs):
        backends.append("duplicates")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "find_duplicates", duplicates)
    build([corpus], tmp_path / "out", config, progress=False)
    _change_one(corpus)
    again = build([corpus], tmp_path / "out", config, progress=False)
    clean = build([corpus], tmp_path / "clean", config, progress=False, use_cache=False)
    # first build: nothing cached; then 4 of 5, the worker started before duplicates are found
    assert backends == [False, "duplicates", True, "duplicates", False, "duplicates"]
    assert (again.extracted, again.cached) == (1, 4)
    assert again.trig.read_bytes() == clean.trig.read_bytes()


def test_a_small_rebuild_stays_in_this_process(corpus, config, backends, tmp_path):
    build([corpus], tmp_path / "out", config, progress=False)
    _change_one(corpus)
    build([corpus], tmp_path / "out", config, progress=False)
    assert backends == [False, False]


def test_an_unreadable_entry_is_extracted_again(corpus, config, tmp_path):
    first = build([corpus], tmp_path / "out", config, progress=False)
    entry = sorted((tmp_path / "out" / "cache").glob(f"*{SUFFIX}"))[2]
    entry.write_bytes(b"not a pickle")
    again = build([corpus], tmp_path / "out", config, progress=False)
    assert (again.extracted, again.cached) == (1, 4)
    assert again.trig.read_bytes() == first.trig.read_bytes()
    assert entry.read_bytes() != b"not a pickle"  # the entry was written again


def test_a_build_that_gives_up_stops_its_workers(corpus, config, monkeypatch, tmp_path):
    monkeypatch.setattr(corpus_extraction, "ISOLATE_ABOVE", 0)  # a worker for any build

    def broken(*args, **kwargs):
        raise RuntimeError("duplicates failed")

    monkeypatch.setattr(pipeline, "find_duplicates", broken)
    with pytest.raises(RuntimeError, match="duplicates failed"):
        build([corpus], tmp_path / "out", config, progress=False)
    assert multiprocessing.active_children() == []
