"""The store stage: the graph's TriG bulk-loaded into an on-disk pyoxigraph (RocksDB) store.

A new store is built beside the current one (a bulk load of the TriG, or, after a build, a
checkpoint of the current store with only the changed named graphs replaced:
stages/store_update.py), then swapped in by renames, so that a rebuild never leaves a
half-written store in place of a good one (stages/store_swap.py).
Queries run on the union of the named graphs, so they need no GRAPH clauses. That union is a
multiset: a triple restated in several article graphs (an entity's type and name) matches once
per graph, so write SELECT DISTINCT and COUNT(DISTINCT ...). The store keeps values, not
lexical forms: integer subtypes such as nif:beginIndex's xsd:nonNegativeInteger read back as
xsd:integer.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.service.guard import check_depth
from pressgraph.service.sparql_lexer import declares_dataset
from pressgraph.stages.remote import is_url, one_line, run_remote
from pressgraph.stages.results import QueryResult
from pressgraph.stages.results_format import format_result
from pressgraph.stages.store_swap import locate, prepare_build, swap_in
from pressgraph.stages.store_update import (
    Index,
    describes,
    slices,
    update_into,
    write_manifest,
)

__all__ = ["QueryResult", "format_result", "load_store", "open_store", "run_query"]

DEFAULT_STORE = Path("graphs/store")
SLICE_BYTES = 4 * 2**20  # TriG bytes per bulk load when the index allows slicing


def load_store(trig_path: Path, store_dir: Path = DEFAULT_STORE, index: Index | None = None
               ) -> int:
    """Build a new store from a TriG file and swap it in place of `store_dir`.

    Args:
        trig_path: the graph, one named graph per article (as `pressgraph build` writes it).
        store_dir: the store directory; its parent is created if missing.
        index: the TriG's chunks as its writer gave them (`TrigWriter.index`): the new store
            is then the current one with only the changed graphs replaced, when it can be
            (see stages/store_update.py), and it records them for the next load.

    Returns:
        The number of quads in the new store.
    """
    trig_path, store_dir = Path(trig_path), Path(store_dir)
    if not trig_path.is_file():
        raise PressgraphError(Errors.KG006.format(path=trig_path, why="no such file"))
    build = prepare_build(store_dir)
    current = store_dir if store_dir.is_dir() else None
    indexed = index if index and describes(trig_path, index) else None
    count = update_into(trig_path, current, build, indexed) if current and indexed else None
    if count is None:
        count = _build(trig_path, build, indexed)
        if indexed:
            write_manifest(build, indexed)
    swap_in(store_dir)
    return count


def open_store(store: str | Path = DEFAULT_STORE) -> ox.Store:
    """Open a store read-only, finishing an interrupted swap first (see stages/store_swap.py).

    Raises:
        PressgraphError: KG011 if there is no store there, KG025 if it cannot be opened.
    """
    found = locate(Path(store))
    if found is None or not (found / "CURRENT").is_file():
        raise PressgraphError(Errors.KG011.format(path=store))
    try:
        return ox.Store.read_only(str(found))
    except OSError:
        raise PressgraphError(Errors.KG011.format(path=store)) from None
    except RuntimeError as err:  # RocksDB's own errors: a corrupt or half-deleted store
        raise PressgraphError(Errors.KG025.format(path=store, why=one_line(err))) from None


def run_query(store: ox.Store | str | Path, query_text: str) -> QueryResult:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query on the union of the named graphs
    (or on the dataset its FROM and FROM NAMED clauses name).

    Args:
        store: an open store, a store directory, or the http(s) URL of a SPARQL endpoint.
        query_text: the query.

    Returns:
        The materialised result.

    Raises:
        PressgraphError: KG009 on a syntax error (with line:column) or brackets nested too
            deep, KG011 with no store, KG017/KG020 when an endpoint cannot be reached or
            refuses the query.
    """
    if isinstance(store, str) and is_url(store):
        return run_remote(store, query_text)
    check_depth(query_text)  # a deeper one would crash pyoxigraph's parser (a segfault)
    where = store if not isinstance(store, ox.Store) else "store"
    if not isinstance(store, ox.Store):
        store = open_store(store)
    try:
        union = not declares_dataset(query_text)  # FROM and FROM NAMED name the dataset
        return QueryResult.of(store.query(query_text, use_default_graph_as_union=union))
    except SyntaxError as err:
        raise PressgraphError(Errors.KG009.format(why=one_line(err))) from None
    except OSError as err:
        raise PressgraphError(Errors.KG017.format(url=where, why=one_line(err))) from None


def _build(trig_path: Path, directory: Path, index: Index | None = None) -> int:
    """Bulk-load the TriG into a new store in `directory`, closed on return."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _bulk_load(trig_path, directory, index)
    except SyntaxError as err:
        shutil.rmtree(directory, ignore_errors=True)
        raise PressgraphError(Errors.KG014.format(path=trig_path, why=one_line(err))) from None
    except (OSError, ValueError) as err:
        shutil.rmtree(directory, ignore_errors=True)
        raise PressgraphError(Errors.KG019.format(path=directory, why=one_line(err))) from None


def _bulk_load(trig_path: Path, directory: Path, index: Index | None) -> int:
    """Load and flush; pyoxigraph has no close(), so drop the last reference and collect.

    With the TriG's index, the graph blocks are loaded `SLICE_BYTES` at a time: the bulk
    loader sorts what it is given in memory, so one call over 735k quads peaks at 690 MB
    more, 16 calls at 65 MB (3.9 s instead of 6.2). Their files are then compacted (1 s, 30
    MB): queries on the uncompacted store took up to twice as long.
    """
    store = ox.Store(str(directory))
    try:
        if index:
            for data in slices(trig_path, index, SLICE_BYTES):
                store.bulk_load(data, format=ox.RdfFormat.TRIG)
            store.optimize()
        else:
            store.bulk_load(path=str(trig_path), format=ox.RdfFormat.TRIG)
        store.flush()
        return len(store)
    finally:
        del store
        gc.collect()
