"""The `pressgraph` command line: build, query, view, validate, push, serve, evaluate.

`app` is the entry point; `push` and `serve` are defined in `cli_endpoints`, and what the
commands share (`fail`, `CONFIDENCE_HELP`) in `cli_common`.

Exit codes: 0 all is well; 1 the graph fails SHACL validation; 2 bad usage, or no input read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pressgraph.cli_common import CONFIDENCE_HELP, fail
from pressgraph.cli_endpoints import push_cli, serve_cli
from pressgraph.errors import PressgraphError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn business articles into a who-said-what knowledge graph.")


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


app.command("push")(push_cli)
app.command("serve")(serve_cli)


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
