"""Precision, recall and F1 from a greedy one-to-one matching of predictions to gold items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Score:
    """Counts behind precision (matched predictions / predictions) and recall (found gold /
    gold), summed over articles."""

    matched_predictions: int = 0
    predictions: int = 0
    found: int = 0
    gold: int = 0

    def add(self, match: Match) -> None:
        self.matched_predictions += match.matched
        self.predictions += match.predictions
        self.found += match.found
        self.gold += match.gold

    @property
    def precision(self) -> float:
        return self.matched_predictions / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "predicted": self.predictions, "gold": self.gold}


@dataclass
class Match:
    """One article's matching of one measure."""

    matched: int = 0
    predictions: int = 0
    found: int = 0
    gold: int = 0
    extra: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    repeats: int = 0  # predictions repeating an already matched gold item (one thing, 2 nodes)


def match(predicted: Sequence, gold: Sequence, same: Callable[[object, object], bool],
          optional: Sequence = ()) -> Match:
    """Match each prediction to the first unused gold item it fits.

    A prediction that fits only an optional gold item (commenters, boilerplate organizations)
    is neither right nor wrong; one that fits only an already matched item is a repeat (a
    split entity), not a false fact.
    """
    used: set[int] = set()
    result = Match(gold=len(gold))
    for item in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in used and same(item, g)), None)
        if hit is not None:
            used.add(hit)
            result.matched += 1
            result.predictions += 1
        elif any(same(item, o) for o in optional):
            continue
        elif any(same(item, gold[i]) for i in used):
            result.repeats += 1
        else:
            result.predictions += 1
            result.extra.append(item)
    result.found = len(used)
    result.missed = [g for i, g in enumerate(gold) if i not in used]
    return result
