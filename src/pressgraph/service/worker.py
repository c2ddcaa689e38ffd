"""A query worker: a child process that opens the store read-only, then answers jobs (reopening
the store when a build has swapped a new one in: service/current.py).

pyoxigraph cannot cancel a running query, so queries run here and the pool (pool.py) kills the
whole process when one passes the timeout. Every job is checked by the guard first. SELECT rows
and CONSTRUCT triples stop at `max_rows`; the answer says when rows were left out. With an
endpoint URL for a store, the worker sends the query there (stages/remote.py) instead.
"""

from __future__ import annotations

import resource
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError, RequestError
from pressgraph.service.current import CurrentStore
from pressgraph.service.dataset import dataset_args
from pressgraph.service.guard import check_query, refuse_syntax_error
from pressgraph.service.limits import limited
from pressgraph.stages.remote import is_url, one_line, run_remote
from pressgraph.stages.results import QueryResult

EVERYTHING = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Job:
    """One request for a worker.

    Attributes:
        kind: "query" (answer with the result) or "view" (answer with the HTML view).
        text: the SPARQL query as received.
        max_rows: the most rows (or triples) to keep; None for no limit.
        default_graphs: the protocol's default-graph-uri values (none: the union of all).
        named_graphs: the protocol's named-graph-uri values (none: all named graphs).
    """

    kind: str
    text: str
    max_rows: int | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """A worker's reply: a result or a page (status 200), or an error's status and message."""

    status: int = 200
    result: QueryResult | None = None
    html: str | None = None
    truncated: bool = False
    message: str = ""


def worker_main(conn: Connection, store: str, memory_mb: int | None) -> None:
    """Open the store, say it is ready (an Answer with status 0), then answer jobs until EOF."""
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        backend: CurrentStore | str = store if is_url(store) else CurrentStore(store)
    except PressgraphError as err:
        conn.send(Answer(status=500, message=str(err)))
        return
    conn.send(Answer(status=0))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            current = backend if isinstance(backend, str) else backend.get()
        except PressgraphError as err:  # a store swapped in that cannot be opened
            conn.send(Answer(status=500, message=str(err)))
            continue
        conn.send(answer(current, job, memory_mb))


def memory_words(memory_mb: int | None) -> str:
    """A worker's memory limit, as words for a message."""
    return f"up to {memory_mb} MB" if memory_mb else "all free memory"


def answer(backend: ox.Store | str, job: Job, memory_mb: int | None = None) -> Answer:
    """Check and run one job; every failure becomes an Answer with its status and message."""
    try:
        check_query(job.text)
        result, truncated = run_limited(backend, job)
        if job.kind == "view":
            return Answer(html=view_html(backend, job, result), truncated=truncated)
        return Answer(result=result, truncated=truncated)
    except RequestError as err:
        return Answer(status=err.status, message=str(err))
    except PressgraphError as err:
        return Answer(status=502 if isinstance(backend, str) else 500, message=str(err))
    except Exception as err:  # noqa: BLE001 - one line to the client, the worker goes on
        why = f"{type(err).__name__}: {one_line(err)}"
        return Answer(status=500, message=Errors.KG046.format(why=why,
                                                              memory=memory_words(memory_mb)))


def run_limited(backend: ox.Store | str, job: Job) -> tuple[QueryResult, bool]:
    """Run the job's query; the result keeps at most `max_rows` rows, and says if it cut some."""
    try:
        if isinstance(backend, str):
            return _remote(backend, job)
        found = backend.query(job.text, **dataset_args(job.text, job.default_graphs,
                                                         job.named_graphs))
        return limited(found, job.max_rows)
    except SyntaxError as err:
        raise refuse_syntax_error(job.text, err) from None
    except OSError as err:
        raise PressgraphError(Errors.KG017.format(url="store", why=one_line(err))) from None


def _remote(url: str, job: Job) -> tuple[QueryResult, bool]:
    """Send the query to the endpoint (parsed here first, for the same 400 as the store's)."""
    if job.default_graphs or job.named_graphs:
        raise RequestError(Errors.KG045.format(
            why="default-graph-uri and named-graph-uri need the embedded store",
            fix="Use FROM and FROM NAMED in the query instead."), 400)
    ox.Store().query(job.text)  # the guard has passed it: nothing is fetched
    result = run_remote(url, job.text)
    if result.form == "graph":
        triples = result.triples()
        if job.max_rows is None or len(triples) <= job.max_rows:
            return result, False
        return QueryResult.from_triples(triples[: job.max_rows]), True
    return (result, False) if result.form == "ask" else limited(result.solutions(), job.max_rows)


def view_html(backend: ox.Store | str, job: Job, result: QueryResult) -> str:
    """The pressgraph HTML view of a CONSTRUCT/DESCRIBE result, or of what a SELECT's rows
    name (IRIs and names: see stages/view_query.py)."""
    from pressgraph.stages.visualise import (
        graph_to_network,
        query_to_network,
        render_html,
        result_graph,
        result_values,
    )

    if result.form == "graph":
        network = query_to_network(result_graph(result))
    elif result.form == "select":
        everything, _ = run_limited(backend, replace(job, text=EVERYTHING, max_rows=None))
        everything_network = graph_to_network(result_graph(everything))
        network = query_to_network(result_values(result), everything_network)
    else:
        raise RequestError(Errors.KG045.format(why="an ASK result has nothing to draw",
                                               fix="Send a CONSTRUCT or SELECT query."), 400)
    return render_html(network, "pressgraph: query")
