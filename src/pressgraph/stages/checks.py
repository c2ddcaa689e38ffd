"""Quality checks in the ODK style: any row an `ontology/checks/*-violation.rq` query returns.

The checks run on a pyoxigraph store, over the union of its graphs; an rdflib graph or dataset
is first copied into an in-memory store. A triple restated in several article graphs can make a
row repeat in that union: each problem line is reported once. The queries run two at a time
(pyoxigraph releases the GIL); their rows become lines in the calling thread, in file order.
"""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES
from pressgraph.resources import project_file
from pressgraph.stages.store_terms import to_rdflib

CHECKS_DIR = "ontology/checks"
SUFFIX = "-violation.rq"
QUERY_THREADS = 2  # pyoxigraph evaluates queries without the GIL


def check_files(checks_dir: Path | None = None) -> list[Path]:
    """The check queries, sorted by name: `checks_dir`, or the project's ontology/checks."""
    folder = checks_dir or project_file(CHECKS_DIR)
    return sorted(folder.glob(f"*{SUFFIX}"))


def run_checks(data: ox.Store | Dataset | Graph, checks_dir: Path | None = None) -> list[str]:
    """Run every check query on the union of all graphs in `data`.

    Args:
        data: the store (or an rdflib dataset or graph) to check; it is not modified.
        checks_dir: a folder of `*-violation.rq` SELECT queries; the project's by default.

    Returns:
        One line per returned row, `check-name: var=value, ...`, in a stable order; empty if
        every check passes.

    Raises:
        PressgraphError: KG009 if a check query is not valid SPARQL.
    """
    store = data if isinstance(data, ox.Store) else _in_memory(data)
    names = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace)
    paths = check_files(checks_dir)
    with ThreadPoolExecutor(max_workers=QUERY_THREADS) as pool:  # queries run outside the GIL
        answers = pool.map(partial(_query, store), paths)
        return [line for path, answer in zip(paths, answers, strict=True)
                for line in _lines(path, *answer, names)]


def _in_memory(data: Dataset | Graph) -> ox.Store:
    """An in-memory store holding the quads of an rdflib dataset (or the triples of a graph)."""
    store = ox.Store()
    if isinstance(data, Dataset):
        with warnings.catch_warnings():  # rdflib 7.6 warns about its own Dataset.contexts use
            warnings.simplefilter("ignore", DeprecationWarning)
            quads = data.serialize(format="nquads", encoding="utf-8")
        store.load(quads, ox.RdfFormat.N_QUADS)
    else:
        store.load(data.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _query(store: ox.Store, path: Path) -> tuple[list[str], list[ox.QuerySolution]]:
    """The columns and rows of one check query."""
    try:
        rows = store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    except SyntaxError as err:
        why = " ".join(str(err).split())[:200]
        raise PressgraphError(Errors.KG009.format(why=f"{path}: {why}")) from None
    if not isinstance(rows, ox.QuerySolutions):
        raise PressgraphError(Errors.KG009.format(why=f"{path}: a check must be a SELECT query"))
    return [v.value for v in rows.variables], list(rows)


def _lines(path: Path, variables: list[str], rows: list[ox.QuerySolution], names: Graph
           ) -> list[str]:
    """The sorted problem lines of one check query's rows (in one thread: rdflib's namespace
    manager caches as it goes)."""
    name = path.name.removesuffix(SUFFIX)
    lines = set()
    for row in rows:
        cells = [f"{var}={to_rdflib(row[var]).n3(names.namespace_manager)}"
                 for var in variables if row[var] is not None]
        lines.add(f"{name}: {', '.join(cells)}")
    return sorted(lines)
