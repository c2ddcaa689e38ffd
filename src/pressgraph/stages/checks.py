"""Quality checks in the ODK style: any row an `ontology/checks/*-violation.rq` query returns.

The checks run on a pyoxigraph store, over the union of its graphs; an rdflib graph or dataset
is first copied into an in-memory store. A triple restated in several article graphs can make a
row repeat in that union: each problem line is reported once.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES
from pressgraph.resources import project_file
from pressgraph.stages.store_terms import to_rdflib

CHECKS_DIR = "ontology/checks"
SUFFIX = "-violation.rq"


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
    problems: list[str] = []
    for path in check_files(checks_dir):
        problems.extend(_run_check(store, path, names))
    return problems


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


def _run_check(store: ox.Store, path: Path, names: Graph) -> list[str]:
    """The sorted problem lines of one check query."""
    name = path.name.removesuffix(SUFFIX)
    try:
        rows = store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    except SyntaxError as err:
        why = " ".join(str(err).split())[:200]
        raise PressgraphError(Errors.KG009.format(why=f"{path}: {why}")) from None
    if not isinstance(rows, ox.QuerySolutions):
        raise PressgraphError(Errors.KG009.format(why=f"{path}: a check must be a SELECT query"))
    variables = [v.value for v in rows.variables]
    lines = set()
    for row in rows:
        cells = [f"{var}={to_rdflib(row[var]).n3(names.namespace_manager)}"
                 for var in variables if row[var] is not None]
        lines.add(f"{name}: {', '.join(cells)}")
    return sorted(lines)
