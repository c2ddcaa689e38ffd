"""The commands that talk to SPARQL stores: `push` loads the build into one, `serve` is one.

`pressgraph.cli` registers them on its `app`, between `validate` and `evaluate`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from pressgraph.cli_common import fail
from pressgraph.errors import PressgraphError


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
