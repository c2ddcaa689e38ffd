"""A query worker's store is reopened when a build swaps a new one into its directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgraph.errors import PressgraphError
from pressgraph.service.current import CurrentStore
from pressgraph.stages.store import load_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _trig(path: Path, triples: int) -> Path:
    lines = "".join(f"<http://x.example/s{i}> <http://x.example/p> 'v' .\n"
                    for i in range(triples))
    path.write_text(f"<http://x.example/g> {{\n{lines}}}\n", encoding="utf-8")
    return path


def _count(current: CurrentStore) -> int:
    return int(next(iter(current.get().query(COUNT)))["n"].value)


def test_each_swapped_in_store_is_read_even_two_in_a_row(tmp_path):
    store = tmp_path / "store"
    load_store(_trig(tmp_path / "a.trig", 1), store)
    current = CurrentStore(str(store))
    assert _count(current) == 1
    load_store(_trig(tmp_path / "b.trig", 2), store)
    load_store(_trig(tmp_path / "c.trig", 3), store)  # two swaps with no query between
    assert _count(current) == 3


def test_mid_swap_the_store_it_has_answers(tmp_path):
    store = tmp_path / "store"
    load_store(_trig(tmp_path / "a.trig", 2), store)
    current = CurrentStore(str(store))
    store.rename(tmp_path / "store.tmp-old")  # a build between its two renames
    assert _count(current) == 2


def test_a_swapped_in_store_that_cannot_be_opened_is_kg025(tmp_path):
    store = tmp_path / "store"
    load_store(_trig(tmp_path / "a.trig", 2), store)
    current = CurrentStore(str(store))
    store.rename(tmp_path / "elsewhere")
    store.mkdir()
    (store / "CURRENT").write_text("not a store\n", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"\[KG025\]"):
        current.get()
