"""Entity resolution against gold: split entities (one real entity, several nodes) and merged
entities (two real entities, one node), within an article and across articles."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pressgraph.evaluation.gold import GoldArticle
from pressgraph.evaluation.names import matches_any, norm, same_person


@dataclass
class Resolution:
    """Split and merged entities of one kind (people or organizations), with examples."""

    split: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"split": len(self.split), "merged": len(self.merged),
                "split_entities": self.split, "merged_entities": self.merged}


def resolution(golds: dict[str, GoldArticle], rows: dict[str, list[dict]], kind: str
               ) -> Resolution:
    """Compare the nodes the graph gives each gold entity, over all articles.

    Args:
        golds: the gold articles by file name.
        rows: per file name, the rows (`entity`, `name`) of the people or organizations query.
        kind: "people" or "organizations".
    """
    nodes_of: dict[str, set[str]] = defaultdict(set)  # gold entity key -> node IRIs
    entities_of: dict[str, set[str]] = defaultdict(set)  # node IRI -> gold entity keys
    for file, gold in sorted(golds.items()):
        for key, names in _gold_entities(gold, kind):
            for row in rows.get(file, []):
                if _fits(row.get("name"), names, kind):
                    nodes_of[key].add(row["entity"])
                    entities_of[row["entity"]].add(key)
    result = Resolution()
    result.split = sorted(f"{key}: {len(nodes)} nodes" for key, nodes in nodes_of.items()
                          if len(nodes) > 1)
    result.merged = sorted(f"{node}: {' | '.join(sorted(keys))}"
                           for node, keys in entities_of.items() if len(keys) > 1)
    return result


def _gold_entities(gold: GoldArticle, kind: str) -> list[tuple[str, list[str]]]:
    """(key, names) per gold entity; the key is the folded name, shared across articles."""
    if kind == "people":
        return [(norm(p["name"]), [p["name"]]) for p in gold.people]
    return [(norm(o["name"]), [o["name"], *(o.get("aliases") or [])])
            for o in gold.organizations if not o.get("boilerplate")]


def _fits(name: str | None, names: list[str], kind: str) -> bool:
    if not name:
        return False
    if kind == "people":
        return any(same_person(name, n) for n in names)
    return matches_any(name, names)
