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
from synth_graph import write_graph  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    articles, quads = write_graph(5000, folder / "synthetic.trig")
    assert articles > 5 and 4000 < quads < 8000
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
