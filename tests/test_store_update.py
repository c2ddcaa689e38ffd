"""Loading a rebuilt graph replaces only the named graphs whose text changed, and the store
then holds exactly what a full load would give."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from pressgraph.namespace import SCHEMA
from pressgraph.stages import store as store_module
from pressgraph.stages import store_update
from pressgraph.stages.graph_writer import GraphWriter
from pressgraph.stages.store import load_store, open_store
from pressgraph.stages.store_update import MANIFEST

ID = "https://pressgraph.example/id/"


def _graph(name: str, headline: str) -> set:
    doc = URIRef(f"{ID}doc/{name}")
    return {(doc, RDF.type, SCHEMA.Article, doc), (doc, SCHEMA.headline, Literal(headline), doc),
            (URIRef(f"{ID}org/acme"), SCHEMA.name, Literal("Acme\n\nWidgets"), doc)}


def _write(path: Path, graphs: dict[str, str]) -> list:
    """Write the TriG of {name: headline}; the writer's chunk index."""
    writer = GraphWriter()
    for name, headline in graphs.items():
        writer.add(_graph(name, headline))
    writer.write(path)
    return writer.index


def _quads(store) -> list[str]:
    return sorted(str(quad) for quad in store)


def _fresh(trig: Path) -> list[str]:
    store = ox.Store()
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    return _quads(store)


def _no_full_load(*args):
    raise AssertionError("a full load where an update would do")


FIRST = {f"a{i}": f"Headline {i}" for i in range(12)}  # a third may change


@pytest.fixture
def loaded(tmp_path):
    """A store loaded from a first build, with its manifest."""
    trig, store = tmp_path / "g.trig", tmp_path / "store"
    load_store(trig, store, _write(trig, FIRST))
    assert (store / MANIFEST).is_file()
    return trig, store


def test_only_changed_new_and_gone_graphs_are_replaced(loaded, monkeypatch):
    trig, store = loaded
    second = {**FIRST, "a1": "A new headline", "new": "Added"}
    del second["a4"]
    index = _write(trig, second)
    monkeypatch.setattr(store_module, "_build", _no_full_load)
    count = load_store(trig, store, index)
    reopened = open_store(store)
    assert _quads(reopened) == _fresh(trig) and count == len(reopened)
    assert f"<{ID}doc/a4>" not in {str(g) for g in reopened.named_graphs()}


def test_an_unchanged_build_keeps_every_graph(loaded, monkeypatch):
    trig, store = loaded
    monkeypatch.setattr(store_module, "_build", _no_full_load)
    assert load_store(trig, store, _write(trig, FIRST)) == len(_fresh(trig))


@pytest.mark.parametrize("damage", ["missing", "garbage", "other prefixes"])
def test_without_a_usable_manifest_the_load_is_full(loaded, damage):
    trig, store = loaded
    manifest = store / MANIFEST
    if damage == "missing":
        manifest.unlink()
    elif damage == "garbage":
        manifest.write_bytes(b"\xff\xfe no tabs here")
    else:
        manifest.write_text("0" * 64 + "\t\n", encoding="utf-8")
    index = _write(trig, {**FIRST, "a2": "Changed"})
    load_store(trig, store, index)
    assert _quads(open_store(store)) == _fresh(trig)


def test_most_graphs_changed_is_a_full_load(loaded, monkeypatch):
    trig, store = loaded
    calls = []
    monkeypatch.setattr(store_update, "_apply", lambda *args: calls.append(args))
    index = _write(trig, {name: "All new" for name in FIRST})
    load_store(trig, store, index)
    assert not calls and _quads(open_store(store)) == _fresh(trig)


def test_an_update_failing_midway_leaves_the_current_store(loaded, monkeypatch):
    trig, store = loaded
    before = _quads(open_store(store))

    def fail(*args):
        raise RuntimeError("killed")

    monkeypatch.setattr(store_update, "_apply", fail)
    with pytest.raises(RuntimeError):
        load_store(trig, store, _write(trig, {**FIRST, "a3": "Changed"}))
    assert _quads(open_store(store)) == before


def test_a_store_error_while_updating_falls_back_to_a_full_load(loaded, monkeypatch):
    trig, store = loaded

    def fail(*args):
        raise OSError("no space left on device")

    monkeypatch.setattr(store_update, "_apply", fail)
    load_store(trig, store, _write(trig, {**FIRST, "a3": "Changed"}))
    assert _quads(open_store(store)) == _fresh(trig)


def _loaded_graphs(data: bytes) -> set[str]:
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TRIG)
    return {str(graph) for graph in store.named_graphs()}


def test_only_the_changed_blocks_are_loaded_and_recorded(loaded, monkeypatch):
    trig, store = loaded
    calls, apply = [], store_update._apply
    monkeypatch.setattr(store_update, "_apply", lambda *args: calls.append(args) or apply(*args))
    second = {**FIRST, "a1": "A new headline", "new": "Added"}
    del second["a4"]
    index = _write(trig, second)
    load_store(trig, store, index)
    [(_, dropped, data)] = calls
    assert sorted(dropped) == [f"<{ID}doc/a1>", f"<{ID}doc/a4>"]
    assert _loaded_graphs(data) == {f"<{ID}doc/a1>", f"<{ID}doc/new>"}
    recorded = store_update.read_manifest(store)
    assert recorded == {graph: digest for graph, digest, _ in index[:-1]}


def test_successive_updates_each_give_the_full_load(loaded, monkeypatch):
    trig, store = loaded
    monkeypatch.setattr(store_module, "_build", _no_full_load)
    graphs = dict(FIRST)
    for step in range(4):
        graphs[f"a{step}"] = f"Step {step}"
        graphs.pop(f"a{5 - step}", None) if step % 2 else graphs.update({f"b{step}": "New"})
        count = load_store(trig, store, _write(trig, graphs))
        assert _quads(open_store(store)) == _fresh(trig) and count == len(_fresh(trig)), step


def test_a_reader_of_the_old_store_keeps_its_answers(loaded):
    trig, store = loaded
    reader = open_store(store)
    before = _quads(reader)
    load_store(trig, store, _write(trig, {**FIRST, "a2": "Changed"}))
    assert _quads(reader) == before != _quads(open_store(store)) == _fresh(trig)


def test_a_manifest_not_matching_the_store_is_a_full_load(loaded, monkeypatch):
    trig, store = loaded
    manifest = store / MANIFEST
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if "doc/a4>" not in line),
                        encoding="utf-8")
    calls = []
    monkeypatch.setattr(store_update, "_apply", lambda *args: calls.append(args))
    second = dict(FIRST)
    del second["a4"]
    load_store(trig, store, _write(trig, second))
    assert not calls and _quads(open_store(store)) == _fresh(trig)


@pytest.mark.parametrize("mismatch", ["size", "digest"])
def test_an_index_of_another_file_is_a_full_load_and_not_recorded(loaded, monkeypatch, mismatch):
    trig, store = loaded
    calls = []
    monkeypatch.setattr(store_update, "_apply", lambda *args: calls.append(args))
    stale = _write(trig, {**FIRST, "a2": "Changed"})
    headline = "Other" if mismatch == "size" else "Changes"  # same size: offsets still fit
    _write(trig, {**FIRST, "a2": headline})
    assert trig.stat().st_size == sum(size for *_, size in stale) or mismatch == "size"
    load_store(trig, store, stale)
    assert not calls and _quads(open_store(store)) == _fresh(trig)
    assert not (store / MANIFEST).exists()  # the next load is full, not a wrong update


@pytest.mark.parametrize("size", [1, 600, 10**9])
def test_a_full_load_in_slices_holds_the_whole_graph(tmp_path, monkeypatch, size):
    trig, store = tmp_path / "g.trig", tmp_path / "store"
    index = _write(trig, FIRST)
    loaded: list[bytes] = []

    def recorded(*args):
        for part in store_update.slices(*args):
            loaded.append(part)
            yield part

    monkeypatch.setattr(store_module, "SLICE_BYTES", size)
    monkeypatch.setattr(store_module, "slices", recorded)
    assert load_store(trig, store, index) == len(_fresh(trig))
    assert _quads(open_store(store)) == _fresh(trig)
    graphs = len(index) - 2  # the chunks besides the prefixes and the end
    if size == 1:
        assert len(loaded) == graphs + 1  # a graph a load, and the end's newline
    elif size == 600:
        assert 1 < len(loaded) < graphs
    else:
        assert len(loaded) == 1


def test_slices_cut_only_between_graph_blocks(tmp_path):
    trig = tmp_path / "g.trig"
    index = _write(trig, FIRST)
    parts = list(store_update.slices(trig, index, 1))
    head = trig.read_bytes()[:index[0][2]]
    assert all(part.startswith(head) for part in parts)
    assert b"".join(part[len(head):] for part in parts) == trig.read_bytes()[len(head):]
