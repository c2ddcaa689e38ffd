"""The SPARQL benchmark's synthetic graph has the build's shape: it passes the SHACL shapes and
the catalogue queries find rows in it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pressgraph.stages.catalogue import resolve_query
from pressgraph.stages.shacl_fast import validate_store
from pressgraph.stages.store import load_store, open_store, run_query

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from graph_stats import shape  # noqa: E402
from synth_graph import write_graph  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    articles, quads = write_graph(60_000, folder / "synthetic.trig")  # some predictions name a year
    assert articles > 150 and 50_000 < quads < 70_000
    load_store(folder / "synthetic.trig", folder / "store")
    return open_store(folder / "store")


def test_the_synthetic_graph_passes_the_shapes(store):
    report = validate_store(store)
    assert report.conforms, report


@pytest.mark.parametrize("name", ["articles-overview", "claim-evidence", "claims-per-article",
                                  "co-mentions", "duplicate-articles", "position-evidence",
                                  "positions-by-person", "predictions-with-year", "quotes"])
def test_catalogue_queries_find_rows(store, name):
    assert run_query(store, resolve_query(name)).rows()


def test_the_same_seed_gives_the_same_bytes(tmp_path):
    write_graph(3000, tmp_path / "a.trig", seed=3)
    write_graph(3000, tmp_path / "b.trig", seed=3)
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_the_synthetic_graph_has_the_bbc_build_s_counts_per_article(tmp_path):
    write_graph(300_000, tmp_path / "s.trig")
    load_store(tmp_path / "s.trig", tmp_path / "store")
    counts = shape(open_store(tmp_path / "store"))
    per_article = {name: value / counts["articles"] for name, value in counts.items()}
    # the full BBC build: 9.4 mentions, 7.5 claims, 0.67 memberships, 340 quads an article;
    # 2.36 quotes, 0.63 predictions (0.067 naming a year), 4.7 claims with a claimant, 3.4
    # quantities, 24.9 spans;
    # the most named entity in 8.5% of the articles (the join weight grows with the corpus:
    # bench/graph_stats.py compares it at the benchmark's size)
    assert 8 <= per_article["mentions"] <= 11
    assert 6.5 <= per_article["claims"] <= 8.5
    assert 0.5 <= per_article["memberships"] <= 0.85
    assert 300 <= per_article["quads"] <= 400
    assert 2 <= per_article["quotes"] <= 2.8
    assert 0.5 <= per_article["predictions"] <= 0.8
    assert 0.03 <= per_article["predictions naming a year"] <= 0.11
    assert 4 <= per_article["claims with a claimant"] <= 5.5
    assert 2.8 <= per_article["quantities"] <= 4
    assert 21 <= per_article["spans"] <= 29
    assert 0.05 <= per_article["articles of the most named entity"] <= 0.15
