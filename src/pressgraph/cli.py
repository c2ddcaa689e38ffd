"""The `pressgraph` command line: build, query, view, validate.

Exit codes: 0 all is well; 1 the graph fails SHACL validation; 2 bad usage, or no input read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pressgraph.errors import PressgraphError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn business articles into a who-said-what knowledge graph.")


CONFIDENCE_HELP = ("Leave out claims, positions and mentions below this confidence (0-1; "
                   "embedded store only).")


def fail(err: PressgraphError | str, code: int = 2) -> None:
    """Print a one-line error and exit."""
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code)


@app.command("build")
def build_cli(
    inputs: list[Path] = typer.Argument(None, help="Files or folders (default: the sample)."),
    out: Path = typer.Option(None, "--out", help="Output folder (default: graphs/)."),
    config_path: Path = typer.Option(None, "--config", help="Pipeline config TOML."),
    store: Path = typer.Option(None, "--store", help="Embedded store folder (default OUT/store)."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
    jobs: int = typer.Option(None, "--jobs", min=1, help="Extraction processes on this machine "
                             "(default: the config's [extract] jobs)."),
    dask: str = typer.Option(None, "--dask", help="Extract on the Dask cluster whose scheduler "
                             "is at this address (tcp://host:8786); see docs/parallel.md."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every article again; "
                                  "leave OUT/cache as it is."),
) -> None:
    """Build the graph: OUT/NAME.trig, the view OUT/NAME.html and the embedded store.

    Articles unchanged since the last build into OUT reuse their facts from OUT/cache.
    """
    from pressgraph.commands import run_build

    try:
        code, summary = run_build(inputs or [], out, config_path, store, progress=not quiet,
                                  jobs=jobs, dask=dask, use_cache=not no_cache)
    except PressgraphError as err:
        fail(err)
    typer.echo(summary)
    raise typer.Exit(code)


@app.command("query")
def query_cli(
    query: str = typer.Argument(None, help="SPARQL text, a .rq file, or a catalogue name."),
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv or json."),
    store: str = typer.Option(None, "--store", help="Store folder or SPARQL endpoint URL."),
    list_queries: bool = typer.Option(False, "--list", help="List the query catalogue."),
    min_confidence: float = typer.Option(None, "--min-confidence", help=CONFIDENCE_HELP),
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store."""
    from pressgraph.query_commands import run_query_command

    try:
        typer.echo(run_query_command(query, fmt, store, list_queries, min_confidence), nl=False)
    except PressgraphError as err:
        fail(err)


@app.command("view")
def view_cli(
    query: str = typer.Option(None, "--query", help="A query file or catalogue name: a "
                              "CONSTRUCT result is drawn as a graph, a SELECT result as the "
                              "nodes its rows name (IRIs, names, headlines, sources, claim "
                              "texts)."),
    focus: str = typer.Option(None, "--focus", help="Draw the neighbourhood of this entity "
                              "(a name, an alias or an IRI), in the whole graph or in the "
                              "--query result."),
    depth: int = typer.Option(1, "--depth", min=1, help="Hops around --focus."),
    out: Path = typer.Option(Path("graphs/view.html"), "--out", help="The HTML file to write."),
    store: str = typer.Option(None, "--store", help="Store folder or SPARQL endpoint URL."),
    min_confidence: float = typer.Option(None, "--min-confidence", help=CONFIDENCE_HELP),
    kind: str = typer.Option("full", "--kind", help="The network drawn: full; comention "
                             "(organizations in the same articles); people-orgs (positions); "
                             "claims (claimants, claims, articles)."),
    export: Path = typer.Option(None, "--export", help="Also write the network for other "
                                "tools: FILE.graphml, FILE.gexf or FILE.json (Cytoscape)."),
    config_path: Path = typer.Option(None, "--config", help="Pipeline config TOML ([view] "
                                     "max_nodes: above it the page starts aggregated)."),
) -> None:
    """Draw the graph, a query's result, or one entity's neighbourhood as an HTML page."""
    from pressgraph.query_commands import run_view

    try:
        typer.echo(str(run_view(query, focus, depth, out, store, min_confidence, kind, export,
                                config_path)))
    except PressgraphError as err:
        fail(err)


@app.command("validate")
def validate_cli(
    files: list[Path] = typer.Argument(None, help="RDF files (default: the built graph)."),
) -> None:
    """Check RDF files against the SHACL shapes and print the violations."""
    from pressgraph.query_commands import run_validate

    try:
        text, conforms = run_validate(files or [])
    except PressgraphError as err:
        fail(err)
    typer.echo(text)
    raise typer.Exit(0 if conforms else 1)


@app.command("push")
def push_cli(
    trig: Path = typer.Argument(None, help="The built TriG (default: the config's OUT/NAME.trig)."),
    store: str = typer.Option(..., "--store", help="The store's SPARQL or Graph Store URL."),
    graph_store: str = typer.Option(None, "--graph-store", help="Its Graph Store endpoint, "
                                    "when not found from --store (see docs/scale.md)."),
    user: str = typer.Option(None, "--user", help="User name for HTTP basic or digest auth."),
    password: str = typer.Option(None, "--password", envvar="PRESSGRAPH_STORE_PASSWORD",
                                 show_default=False, help="The user's password."),
    token: str = typer.Option(None, "--token", envvar="PRESSGRAPH_STORE_TOKEN",
                              show_default=False, help="A bearer token, instead of --user."),
    prune: bool = typer.Option(False, "--prune", help="Delete article graphs not in the build."),
    config_path: Path = typer.Option(None, "--config", help="Pipeline config TOML."),
) -> None:
    """Load the built graph into a store, one named graph per article (Graph Store Protocol)."""
    from pressgraph.stages.push import run_push

    try:
        typer.echo(run_push(trig, store, graph_store, user, password, token, prune, config_path))
    except PressgraphError as err:
        fail(err)


@app.command("serve")
def serve_cli(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(7878, "--port", min=0, max=65535, help="Port (0: any free one)."),
    store: str = typer.Option(None, "--store", help="Store folder, or a SPARQL endpoint URL to "
                              "send the queries to (default: graphs/store)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a query may run."),
    max_rows: int = typer.Option(10_000, "--max-rows", min=1, help="Rows a result keeps."),
    cors: str = typer.Option(None, "--cors", help="Origin browsers may query from ('*': any)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow a --host other than "
                                      "loopback: the store becomes readable from the network."),
    workers: int = typer.Option(3, "--workers", min=1, max=32, help="Query worker processes."),
) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint (/sparql) with a query page (/)."""
    from pressgraph.service.server import ServeConfig, serve

    config = ServeConfig(store or ServeConfig.store, host, port, timeout, max_rows, cors,
                         allow_remote, workers)
    try:
        serve(config, echo=lambda line: typer.echo(line, err=True))
    except PressgraphError as err:
        fail(err)


@app.command("evaluate")
def evaluate_cli(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold annotations (*.yaml)."),
    inputs: list[Path] = typer.Argument(None, help="Where the annotated articles are "
                                        "(default: the sample corpus)."),
    graph: Path = typer.Option(None, "--graph", help="Score this TriG instead of building."),
    json_path: Path = typer.Option(None, "--json", help="Also write the figures as JSON."),
    quiet: bool = typer.Option(False, "--quiet", help="Only the table of measures."),
    min_confidence: float = typer.Option(None, "--min-confidence", help=CONFIDENCE_HELP),
    config_path: Path = typer.Option(None, "--config", help="Pipeline config TOML."),
) -> None:
    """Score the graph of the annotated articles against gold: P/R/F1, misses, resolution."""
    from pressgraph.query_commands import run_evaluate_command

    try:
        typer.echo(run_evaluate_command(gold, inputs or [], graph, json_path, quiet,
                                        min_confidence, config_path), nl=False)
    except PressgraphError as err:
        fail(err)


def main() -> None:  # pragma: no cover - console entry for `python -m pressgraph`
    sys.exit(app())
