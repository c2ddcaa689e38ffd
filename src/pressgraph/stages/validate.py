"""Validate a graph against the SHACL shapes: pySHACL, no inference, on a union copy.

The results and their report are in `validate_report`, the reading of RDF files in
`validate_input`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES
from pressgraph.resources import project_file
from pressgraph.stages.validate_input import parse_rdf, union_graph
from pressgraph.stages.validate_report import ValidationReport, Violation, make_report

SHAPES_FILE = "ontology/shapes/pressgraph-shapes.ttl"
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


def validate(data: Dataset | Graph, shapes_path: Path | None = None) -> ValidationReport:
    """Validate the union of all graphs in `data` (vocabulary graph included) with pySHACL.

    Args:
        data: the dataset (or a single graph) to check; it is not modified.
        shapes_path: a SHACL shapes file; the project's ontology/shapes/pressgraph-shapes.ttl
            by default.

    Returns:
        The report: `conforms` is False only if some result has severity sh:Violation.

    Raises:
        PressgraphError: KG006/KG014 if the shapes file cannot be read or parsed, KG021 if
            pySHACL cannot load a shape from it.
    """
    path = shapes_path or project_file(SHAPES_FILE)
    shapes = union_graph(parse_rdf(path))
    try:
        with _quiet_pyshacl():
            _, results, _ = pyshacl.validate(
                union_graph(data), shacl_graph=shapes, inference="none", inplace=False,
                allow_warnings=True, allow_infos=True,
            )
    except ReportableRuntimeError as err:
        why = " ".join(str(getattr(err, "message", err)).split())[:200]
        link = getattr(err, "link", None) or "https://www.w3.org/TR/shacl/"
        raise PressgraphError(Errors.KG021.format(path=path, why=why, link=link), link) from None
    for prefix, namespace in PREFIXES.items():
        results.bind(prefix, namespace, override=False)
    top = results.objects(None, SH.result)  # not the nested sh:detail results
    return make_report(_violation(results, shapes, r) for r in top)


def validate_files(paths: list[Path], shapes_path: Path | None = None) -> ValidationReport:
    """Parse RDF files (by suffix: .trig, .nq, .ttl, .nt) and validate them together."""
    merged = Graph()
    for path in paths:
        merged += union_graph(parse_rdf(path))
    return validate(merged, shapes_path)


@contextmanager
def _quiet_pyshacl() -> Iterator[None]:
    """Keep pySHACL's error log off stderr while it runs: its errors become one KG021 line."""
    logger = logging.getLogger("pyshacl-validate")
    logger.addFilter(_below_error)
    try:
        yield
    finally:
        logger.removeFilter(_below_error)


def _below_error(record: logging.LogRecord) -> bool:
    """A logging filter that lets only records below ERROR through."""
    return record.levelno < logging.ERROR


def _violation(results: Graph, shapes: Graph, node: Node) -> Violation:
    """Read one sh:ValidationResult into a Violation."""
    nsm = results.namespace_manager
    path, value = results.value(node, SH.resultPath), results.value(node, SH.value)
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    component = results.value(node, SH.sourceConstraintComponent)
    return Violation(
        focus=results.value(node, SH.focusNode).n3(),
        path=path.n3(nsm) if isinstance(path, URIRef) else None,
        shape_id=shape_id(shapes, results.value(node, SH.sourceShape)),
        severity=_SEVERITY.get(results.value(node, SH.resultSeverity), "Violation"),
        message=messages[0] if messages else f"violates {component.n3(nsm)}",
        value=value.n3(nsm) if value is not None else None,
    )


def shape_id(shapes: Graph, shape: Node) -> str:
    """The local name of a shape's IRI; a blank property shape is named after its node shape."""
    if not isinstance(shape, URIRef):
        parent = shapes.value(None, SH.property, shape)
        return shape_id(shapes, parent) if parent is not None else shape.n3()
    return re.split(r"[#/]", str(shape))[-1]
