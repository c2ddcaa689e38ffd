"""What the build command does, as a function that returns data (the CLI only prints).

The query, view, validate and evaluate commands are in query_commands.py.
"""

from __future__ import annotations

import ctypes
import gc
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import typer

from pressgraph.config import load_config
from pressgraph.pipeline import build
from pressgraph.stages.checks import run_checks
from pressgraph.stages.shacl_fast import validate_store
from pressgraph.stages.store import load_store, open_store
from pressgraph.stages.validate_report import format_report
from pressgraph.stages.visualise import write_store_view

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
