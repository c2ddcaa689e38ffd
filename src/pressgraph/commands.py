"""What each CLI command does, as functions that return data (the CLI only prints)."""

from __future__ import annotations

import ctypes
import gc
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import typer
from rdflib import Graph

from pressgraph.config import load_config
from pressgraph.errors import Errors, PressgraphError
from pressgraph.pipeline import build
from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.checks import run_checks
from pressgraph.stages.confidence import confident_store
from pressgraph.stages.remote import is_url
from pressgraph.stages.shacl_fast import validate_store
from pressgraph.stages.store import (
    DEFAULT_STORE,
    format_result,
    load_store,
    open_store,
    run_query,
)
from pressgraph.stages.validate import format_report, validate_files
from pressgraph.stages.visualise import (
    check_export,
    check_kind,
    cyclic_gc_paused,
    export_network,
    project_network,
    query_to_network,
    store_network,
    write_network,
    write_store_view,
)

MEMORY_QUADS = 5_000_000  # bigger builds are checked and drawn from the on-disk store


def run_build(inputs: list[Path], out: Path | None, config_path: Path | None,
              store: Path | None, progress: bool = True, jobs: int | None = None,
              dask: str | None = None, use_cache: bool = True) -> tuple[int, str]:
    """Build the TriG, load the store from it, then validate, check and draw from the store.

    Args:
        jobs: extraction processes (default: the config's `[extract] jobs`).
        dask: a Dask scheduler address to extract on instead.
        use_cache: reuse the facts of unchanged articles from OUT/cache.

    Returns:
        The exit code and the summary to print.
    """
    config = load_config(config_path)
    if jobs is not None:
        config = replace(config, jobs=max(1, jobs))
    paths = inputs or [config.path(p) for p in config.inputs]
    out = out or Path(config.out)
    result = build(paths, out, config, progress, warn=_warn, dask=dask, use_cache=use_cache)
    _release_memory()  # the TriG's text is written: give it back before the stores load
    with ThreadPoolExecutor(max_workers=2) as pool:  # pyoxigraph runs outside the GIL
        loading = pool.submit(load_store, result.trig, store or out / "store", result.index)
        graph = _graph_to_check(result.quads, result.trig, loading, store or out / "store")
        checked = pool.submit(_validate_and_check, graph)
        html = write_store_view(graph, out / f"{config.name}.html", f"pressgraph: {config.name}",
                                max_nodes=config.max_nodes)
        report, problems = checked.result()
        loading.result()
    del graph
    lines = [f"built {result.articles} article(s), {result.quads} quads: {result.trig}, {html}"]
    if result.cached:
        lines.append(f"extracted {result.extracted} article(s), {result.cached} from the cache")
    if result.duplicates:
        pairs = ", ".join(f"{a} ~ {b} ({s})" for a, b, s in result.duplicates)
        lines.append(f"near-duplicates: {pairs}")
    if result.skipped:
        lines.append(f"skipped {len(result.skipped)} input(s) (files or JSONL lines); "
                     "see the warnings above")
    if not report.conforms or problems:
        return 1, "\n".join([*lines, format_report(report), *problems])
    return 0, "\n".join(lines)


def _graph_to_check(quads: int, trig: Path, loading: Future, store: Path) -> ox.Store:
    """The graph SHACL, the checks and the view read: an in-memory copy, loaded from the TriG
    while the on-disk store is built (3x faster to load and to query), or above
    `MEMORY_QUADS` the on-disk store once it is loaded. (An in-memory store's plain `load`
    takes 40% less memory than its bulk loader, and less time.)"""
    if quads <= MEMORY_QUADS:
        graph = ox.Store()
        graph.load(path=str(trig), format=ox.RdfFormat.TRIG)
        return graph
    loading.result()
    return open_store(store)


def _release_memory() -> None:
    """Collect garbage and hand the freed heap back to the system (glibc's malloc_trim), so
    the next stage's peak does not stack on memory the last one no longer uses."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


def _validate_and_check(store):
    """The SHACL report and the QC check problems of a store."""
    return validate_store(store), run_checks(store)


def _warn(message: str) -> None:
    """Say on stderr that one file was skipped, and why."""
    typer.echo(f"warning: {message}", err=True)


def run_query_command(query: str | None, fmt: str, store: str | None, list_only: bool,
                      min_confidence: float | None = None) -> str:
    """The query's result formatted, or the catalogue listing."""
    if list_only or not query:
        rows = list_queries()
        width = max(len(name) for name, _ in rows)
        return "".join(f"{name:<{width}}  {description}\n" for name, description in rows)
    result = run_query(_store(store, min_confidence), resolve_query(query))
    text = format_result(result, fmt)
    return text if text.endswith("\n") else text + "\n"


def run_view(query: str | None, focus: str | None, depth: int, out: Path,
             store: str | None, min_confidence: float | None = None, kind: str = "full",
             export: Path | None = None, config_path: Path | None = None) -> Path:
    """Write the view of the whole graph, a query's result, or a neighbourhood.

    Args:
        query: a .rq file or catalogue name: a CONSTRUCT result is drawn as a graph, a
            SELECT result as the nodes its rows' IRIs name.
        focus: draw only the neighbourhood (within `depth` hops) of this name or IRI, in
            the whole graph or in the query's result.
        kind: the network drawn: full, comention, people-orgs or claims.
        export: also write that network as .graphml, .gexf or .json (Cytoscape).
        config_path: the pipeline config whose `[view] max_nodes` applies.
    """
    check_kind(kind)
    if export is not None:
        check_export(export)
    max_nodes = load_config(config_path).max_nodes
    store = _store(store, min_confidence)
    if not query:  # the network is read from the store, with no rdflib copy of the graph
        return write_store_view(store, out, "pressgraph", focus, depth, kind, max_nodes, export)
    result = run_query(store, resolve_query(query))
    if result.form == "graph":
        network = query_to_network(_as_graph(result))
    else:
        iris = {v for row in result.rows() for v in row if v and "://" in v}
        with cyclic_gc_paused():
            network = query_to_network(iris, store_network(store))
    network = project_network(network, kind)
    if focus is not None:  # the neighbourhood of an entity within the query's result
        from pressgraph.stages.visualise import focus_network

        network = focus_network(network, focus, depth)
    if export is not None:
        export_network(network, export)
    return write_network(network, out, "pressgraph: query", max_nodes)


def _store(store: str | None, min_confidence: float | None):
    """The store to query: a folder or URL, or a copy holding only the confident facts."""
    store = store or str(DEFAULT_STORE)
    if min_confidence is None:
        return store
    if is_url(store) or not 0 <= min_confidence <= 1:
        raise PressgraphError(Errors.KG031.format(value=min_confidence, store=store))
    return confident_store(open_store(store), min_confidence)


def _as_graph(result) -> Graph:
    """An rdflib graph of a CONSTRUCT result."""
    graph = Graph()
    graph.parse(data=result.data.decode("utf-8"), format="nt")
    return graph


def run_validate(files: list[Path]) -> tuple[str, bool]:
    """The SHACL report of the files (default: the built sample graph)."""
    files = files or [Path("graphs/sample.trig")]
    report = validate_files(files)
    return format_report(report), report.conforms


def run_evaluate_command(gold: Path, inputs: list[Path], graph: Path | None,
                         json_path: Path | None, quiet: bool, min_confidence: float | None,
                         config_path: Path | None) -> str:
    """The evaluation report of the annotated articles (see `pressgraph.evaluation`)."""
    from pressgraph.evaluation.run import run_evaluate

    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise PressgraphError(Errors.KG031.format(value=min_confidence, store="a graph"))
    config = load_config(config_path)
    paths = inputs or [config.path(p) for p in config.inputs]
    return run_evaluate(gold, paths, graph, config, json_path, quiet, min_confidence)
