"""How often each rule is right, and how precision rises with the confidence threshold.

A fact is right when gold states it: a claim with the same words and the same claimant (or
none for both), a position of the same person, organization and title or role.
"""

from __future__ import annotations

from collections import defaultdict

from pressgraph.evaluation.gold import GoldArticle
from pressgraph.evaluation.measures import claimant_matcher, position_matcher
from pressgraph.evaluation.names import same_claim

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def judged_facts(gold: GoldArticle, claims: list[dict], positions: list[dict]
                 ) -> list[tuple[str, str, float, bool]]:
    """(kind, origin, confidence, right) of every claim and position the graph states."""
    same_claimant, same_position = claimant_matcher(gold), position_matcher(gold)
    facts = []
    for row in claims:
        right = any(same_claim(row["text"], c["text"]) and same_claimant(row, c)
                    for c in gold.claims)
        facts.append(("claim", row["origin"], float(row["confidence"]), right))
    for row in positions:
        right = any(same_position(row, item) for item in gold.positions())
        facts.append(("position", row["origin"], float(row["confidence"]), right))
    return facts


def by_origin(facts: list[tuple[str, str, float, bool]]) -> dict[str, dict]:
    """Per rule: how many facts it stated, how many were right, and the share."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, origin, _, right in facts:
        counts[origin][0] += 1
        counts[origin][1] += right
    return {origin: {"facts": n, "right": k, "precision": round(k / n, 3)}
            for origin, (n, k) in sorted(counts.items())}


def reliability(facts: list[tuple[str, str, float, bool]]) -> list[dict]:
    """Precision of the facts kept at each confidence threshold."""
    rows = []
    for threshold in THRESHOLDS:
        kept = [right for _, _, confidence, right in facts if confidence >= threshold]
        rows.append({"threshold": threshold, "facts": len(kept),
                     "precision": round(sum(kept) / len(kept), 3) if kept else None})
    return rows
