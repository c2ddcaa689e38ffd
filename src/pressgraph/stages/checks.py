"""Quality checks in the ODK style: any row an `ontology/checks/*-violation.rq` query returns."""

from __future__ import annotations

from pathlib import Path

from pyparsing import ParseException
from rdflib import Dataset, Graph

from pressgraph.errors import Errors, PressgraphError
from pressgraph.resources import project_file
from pressgraph.stages.validate import union_graph

CHECKS_DIR = "ontology/checks"
SUFFIX = "-violation.rq"


def check_files(checks_dir: Path | None = None) -> list[Path]:
    """The check queries, sorted by name: `checks_dir`, or the project's ontology/checks."""
    folder = checks_dir or project_file(CHECKS_DIR)
    return sorted(folder.glob(f"*{SUFFIX}"))


def run_checks(data: Dataset | Graph, checks_dir: Path | None = None) -> list[str]:
    """Run every check query on the union of all graphs in `data`.

    Args:
        data: the dataset (or a single graph) to check; it is not modified.
        checks_dir: a folder of `*-violation.rq` SELECT queries; the project's by default.

    Returns:
        One line per returned row, `check-name: var=value, ...`, in a stable order; empty if
        every check passes.

    Raises:
        PressgraphError: KG009 if a check query is not valid SPARQL.
    """
    union = union_graph(data)
    problems: list[str] = []
    for path in check_files(checks_dir):
        problems.extend(_run_check(union, path))
    return problems


def _run_check(graph: Graph, path: Path) -> list[str]:
    """The sorted problem lines of one check query."""
    name = path.name.removesuffix(SUFFIX)
    try:
        result = graph.query(path.read_text(encoding="utf-8"))
    except ParseException as err:
        raise PressgraphError(Errors.KG009.format(why=f"{path}: {err}")) from None
    nsm = graph.namespace_manager
    lines = []
    for row in result:
        cells = [f"{var}={row[var].n3(nsm)}" for var in result.vars or () if row[var] is not None]
        lines.append(f"{name}: {', '.join(cells)}")
    return sorted(lines)
