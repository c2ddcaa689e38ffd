"""The user's merge rules: names pinned to one entity, or kept apart (build/merges.tsv)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pressgraph.errors import Errors, PressgraphError

LABELS = {"PERSON", "ORG"}


@dataclass(frozen=True)
class MergeRules:
    """Pinned pairs ('same') and forbidden pairs ('different'), by label and casefolded name."""

    same: tuple[tuple[str, str, str], ...] = ()
    different: frozenset[tuple[str, str, str]] = field(default_factory=frozenset)

    def forbids(self, label: str, a: str, b: str) -> bool:
        """Whether the rules keep names `a` and `b` apart."""
        a, b = a.casefold(), b.casefold()
        return (label, a, b) in self.different or (label, b, a) in self.different


def load_merges(path: Path | None) -> MergeRules:
    """Read a merges file; a missing file means no rules.

    Raises:
        PressgraphError: KG030 naming the line that is no rule.
    """
    if path is None or not path.exists():
        return MergeRules()
    same, different = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        _check(cells, path, number)
        verb, label, a, b = cells
        if verb == "same":
            same.append((label, a, b))
        else:
            different.add((label, a.casefold(), b.casefold()))
    return MergeRules(tuple(same), frozenset(different))


def _check(cells: list[str], path: Path, number: int) -> None:
    """Raise KG030 unless the cells are verb, label, name, name."""
    why = None
    if len(cells) != 4:
        why = f"{len(cells)} fields, expected 4"
    elif cells[0] not in ("same", "different"):
        why = f"unknown rule '{cells[0]}'"
    elif cells[1] not in LABELS:
        why = f"unknown label '{cells[1]}'"
    elif not cells[2] or not cells[3]:
        why = "an empty name"
    if why:
        raise PressgraphError(Errors.KG030.format(path=path, line=number, why=why))
