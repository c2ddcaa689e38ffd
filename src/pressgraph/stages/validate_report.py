"""The outcome of a SHACL validation: its results, each once and sorted by shape, and the
text that prints them (one line per result, then a summary line)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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


def make_report(found: Iterable[Violation]) -> ValidationReport:
    """The report of some results: each once, sorted by shape then focus node."""
    violations = tuple(sorted(set(found), key=_sort_key))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=violations)


def format_report(report: ValidationReport) -> str:
    """One line per result, grouped by shape, then a summary line."""
    lines = [_line(v) for v in report.violations]
    errors = sum(v.severity == "Violation" for v in report.violations)
    warned = len(report.violations) - errors
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {errors} violation(s), {warned} warning(s)")
    return "\n".join(lines)


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
