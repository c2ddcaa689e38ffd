"""What the query, view, validate and evaluate commands do, as functions that return data.

The CLI only prints what they return. The build command is in commands.py.
"""

from __future__ import annotations

from pathlib import Path

from pressgraph.config import load_config
from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.catalogue import list_queries, resolve_query
from pressgraph.stages.confidence import confident_store
from pressgraph.stages.remote import is_url
from pressgraph.stages.store import (
    DEFAULT_STORE,
    format_result,
    open_store,
    run_query,
)
from pressgraph.stages.validate import validate_files
from pressgraph.stages.validate_report import format_report
from pressgraph.stages.visualise import (
    check_export,
    check_kind,
    cyclic_gc_paused,
    export_network,
    project_network,
    query_to_network,
    result_graph,
    result_values,
    store_network,
    write_network,
    write_store_view,
)


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
            SELECT result as the nodes its rows' IRIs or names (a person's or organization's
            name, an article's headline or source, a claim's text) stand for.
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
        network = query_to_network(result_graph(result))
    else:
        with cyclic_gc_paused():
            network = query_to_network(result_values(result), store_network(store))
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
