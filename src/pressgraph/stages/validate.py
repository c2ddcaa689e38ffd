"""Validate a graph against the SHACL shapes: pySHACL, no inference, on a union copy."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import SH
from rdflib.term import Node

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES
from pressgraph.resources import project_file

SHAPES_FILE = "ontology/shapes/pressgraph-shapes.ttl"
RDF_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_GROUP = re.compile(r"(S\d+)-([A-Za-z]+?)Shape\b")
_SHOWN = 80  # characters of a value shown in a report line


@dataclass(frozen=True)
class Violation:
    """One SHACL result. Nodes are in N3 form (`<iri>`, `"literal"`), the path as `prefix:name`."""

    focus: str
    path: str | None
    shape_id: str
    severity: str
    message: str
    value: str | None


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation; warnings and infos do not break conformance."""

    conforms: bool
    violations: tuple[Violation, ...]


def union_graph(data: Dataset | Graph) -> Graph:
    """Copy every triple of every graph of `data` (named graphs included) into one new graph."""
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    if isinstance(data, Dataset):
        union.addN((s, p, o, union) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        union.addN((s, p, o, union) for s, p, o in data)
    return union


def parse_rdf(path: Path) -> Dataset:
    """Parse a .trig, .nq, .ttl or .nt file; triple formats go into the default graph.

    Raises:
        PressgraphError: KG006 if the file cannot be read, KG014 if it is not parsable RDF.
    """
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise PressgraphError(Errors.KG014.format(path=path, why=f"unknown suffix '{path.suffix}'"))
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PressgraphError(Errors.KG006.format(path=path, why=err.strerror or err)) from None
    dataset = Dataset()
    try:
        with warnings.catch_warnings():  # rdflib 7.6 warns about its own ConjunctiveGraph use
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except (SyntaxError, ParserError, ValueError) as err:
        why = " ".join(str(err).split())[:200]
        raise PressgraphError(Errors.KG014.format(path=path, why=why)) from None
    return dataset


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


def make_report(found: Iterable[Violation]) -> ValidationReport:
    """The report of some results: each once, sorted by shape then focus node."""
    violations = tuple(sorted(set(found), key=_sort_key))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=violations)


def validate_files(paths: list[Path], shapes_path: Path | None = None) -> ValidationReport:
    """Parse RDF files (by suffix: .trig, .nq, .ttl, .nt) and validate them together."""
    merged = Graph()
    for path in paths:
        merged += union_graph(parse_rdf(path))
    return validate(merged, shapes_path)


def format_report(report: ValidationReport) -> str:
    """One line per result, grouped by shape, then a summary line."""
    lines = [_line(v) for v in report.violations]
    errors = sum(v.severity == "Violation" for v in report.violations)
    warned = len(report.violations) - errors
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {errors} violation(s), {warned} warning(s)")
    return "\n".join(lines)


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


def _sort_key(v: Violation) -> tuple[str, ...]:
    """Group by shape, then by focus node, so that one node's problems sit together."""
    return (_group(v.shape_id), v.focus, v.shape_id, v.message, v.value or "")


def _line(violation: Violation) -> str:
    """`S05 Membership: <focus> message`, with the severity unless it is a violation."""
    label = _group(violation.shape_id)
    if violation.severity != "Violation":
        label += f" ({violation.severity.lower()})"
    line = f"{label}: {violation.focus} {violation.message}"
    value = violation.value
    if value is not None and value not in violation.message and value != violation.focus:
        line += f" [value {value if len(value) <= _SHOWN else value[:_SHOWN] + '...'}]"
    return line


def _group(shape_id: str) -> str:
    """The shape group a result belongs to: `S05-MembershipShape-role` -> `S05 Membership`."""
    match = _GROUP.match(shape_id)
    return f"{match[1]} {match[2]}" if match else shape_id


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
