"""Read a folder of gold annotations: one YAML file per article (format: eval/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import one_line


@dataclass(frozen=True)
class GoldArticle:
    """What a careful reader finds in one article."""

    file: str
    authors: tuple[str, ...] = ()
    duplicate_of: str | None = None
    people: tuple[dict, ...] = ()
    commenters: tuple[str, ...] = ()
    organizations: tuple[dict, ...] = ()
    claims: tuple[dict, ...] = ()
    path: Path = field(default=Path(), compare=False)

    def positions(self) -> list[tuple[str, dict]]:
        """(person's name, position) pairs."""
        return [(p["name"], pos) for p in self.people for pos in p.get("positions") or []]

    def aliases(self) -> dict[str, list[str]]:
        """Each organization's names, keyed by its name."""
        return {o["name"]: [o["name"], *(o.get("aliases") or [])] for o in self.organizations}


def load_gold(folder: Path) -> dict[str, GoldArticle]:
    """Every gold file of `folder`, keyed by the article file it annotates.

    Raises:
        PressgraphError: KG070 for a missing or empty folder, KG071 for a file that is not
            gold (naming the file and what is wrong).
    """
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []
    if not files:
        raise PressgraphError(Errors.KG070.format(path=folder))
    golds = {}
    for path in files:
        article = _read(path)
        golds[article.file] = article
    return golds


def _read(path: Path) -> GoldArticle:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise PressgraphError(Errors.KG071.format(path=path, why=one_line(err))
                              ) from None
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise PressgraphError(Errors.KG071.format(path=path, why="no 'file:' naming the article"))
    for key in ("people", "organizations", "claims"):
        if not isinstance(data.get(key) or [], list):
            raise PressgraphError(Errors.KG071.format(path=path, why=f"'{key}' is not a list"))
    for claim in data.get("claims") or []:
        if not isinstance(claim, dict) or not claim.get("text"):
            raise PressgraphError(Errors.KG071.format(path=path, why="a claim without text"))
    return GoldArticle(
        file=data["file"], authors=tuple(data.get("authors") or ()),
        duplicate_of=data.get("duplicate_of"), people=tuple(data.get("people") or ()),
        commenters=tuple(data.get("commenters") or ()),
        organizations=tuple(data.get("organizations") or ()),
        claims=tuple(data.get("claims") or ()), path=path)
