"""The rendered-graph cache: an article's graph text is reused only while the resolver names
its entities as it did, so a cached rebuild writes the bytes of a clean one."""

from __future__ import annotations

from pathlib import Path

from pressgraph.namespace import Iris
from pressgraph.records import ArticleFacts, Mention, RawArticle, Span
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.rdf_cache import RenderedCache
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads


def _facts(stem: str, text: str, *names: tuple[str, str]) -> ArticleFacts:
    """An article mentioning each (name, label) where the text has it."""
    mentions = tuple(Mention(name, label, Span(text.index(name), text.index(name) + len(name)))
                     for name, label in names)
    return ArticleFacts(RawArticle(f"{stem}.txt", stem, text), None, (), None, None,
                        mentions, (), ())


ALPHA = _facts("alpha", "Jane Roe runs Acme Widgets.", ("Jane Roe", "PERSON"),
               ("Acme Widgets", "ORG"))
BETA = _facts("beta", "Acme Widgets hired staff.", ("Acme Widgets", "ORG"))
GAMMA = _facts("gamma", "Acme-Widgets grew; Roe spoke.", ("Acme-Widgets", "ORG"),
               ("Roe", "PERSON"))


def _resolver(*corpus: ArticleFacts) -> Resolver:
    resolver = Resolver()
    for facts in corpus:
        resolver.add(facts)
    return resolver


def _text(corpus, cache: RenderedCache | None) -> str:
    """The TriG a build of `corpus` writes, with or without the cache."""
    iris, writer, resolver = Iris(), GraphWriter(), _resolver(*corpus)
    for facts in corpus:
        if cache is None:
            writer.add(article_quads(facts, iris, resolver))
        else:
            writer.add_rendered(cache.rendered(facts, iris, resolver, writer))
    path = Path(cache.folder if cache else ".").parent / "out.trig"
    writer.write(path)
    return path.read_text(encoding="utf-8")


def _cache(tmp_path: Path) -> RenderedCache:
    return RenderedCache(tmp_path / "cache" / "rdf", lambda raw: f"{raw.stem}:{raw.text}")


def test_a_cached_build_writes_the_bytes_of_a_clean_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = _cache(tmp_path)
    assert _text([ALPHA, BETA], first) == _text([ALPHA, BETA], None)
    assert first.hits == 0 and len(list(first.folder.iterdir())) == 2
    again = _cache(tmp_path)
    assert _text([ALPHA, BETA], again) == _text([ALPHA, BETA], None)
    assert again.hits == 2


def test_a_new_article_that_renames_an_entity_invalidates_the_others(tmp_path, monkeypatch):
    """GAMMA spells the organization another way and names the person by surname: ALPHA's and
    BETA's graphs now carry an alias, so their cached text must not be reused."""
    monkeypatch.chdir(tmp_path)
    _text([ALPHA, BETA], _cache(tmp_path))
    again = _cache(tmp_path)
    text = _text([ALPHA, BETA, GAMMA], again)
    assert text == _text([ALPHA, BETA, GAMMA], None)
    assert again.hits == 0
    assert '"Acme-Widgets"' in text


def test_a_changed_article_misses_and_the_unused_entry_is_pruned(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _text([ALPHA, BETA], _cache(tmp_path))
    changed = _facts("beta", "Acme Widgets hired more staff.", ("Acme Widgets", "ORG"))
    again = _cache(tmp_path)
    assert _text([ALPHA, changed], again) == _text([ALPHA, changed], None)
    assert again.hits == 1
    assert again.prune() == 1 and len(list(again.folder.iterdir())) == 2


def test_a_corrupt_entry_is_made_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = _cache(tmp_path)
    _text([ALPHA], first)
    for entry in first.folder.iterdir():
        entry.write_bytes(b"not a pickle")
    again = _cache(tmp_path)
    assert _text([ALPHA], again) == _text([ALPHA], None) and again.hits == 0
