"""The evaluation as text (a table, then per article what was missed and extra) and as JSON."""

from __future__ import annotations

from pressgraph.evaluation.matching import Score

MEASURES = ("authors", "people", "organizations", "positions", "roles", "claims", "attribution")
OVERALL = ("people", "organizations", "positions", "claims", "attribution")
SHOWN = 80


def overall(scores: dict[str, Score]) -> float:
    """The mean F1 of people, organizations, positions, claims and attribution."""
    return round(sum(scores[m].f1 for m in OVERALL) / len(OVERALL), 3)


def table(summary: dict) -> list[str]:
    """The measures, one line each, then duplicates, resolution and the overall F1."""
    lines = [f"{'measure':<14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for name in MEASURES:
        s = summary["scores"][name]
        lines.append(f"{name:<14}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                     f"{s['predicted']:>7}{s['gold']:>7}")
    dup = summary["duplicates"]
    lines.append(f"duplicates    {dup['detected']}/{dup['gold']} detected")
    for kind in ("people", "organizations"):
        res = summary["resolution"][kind]
        lines.append(f"{kind + ':':<14} {res['split']} split (one entity, several nodes), "
                     f"{res['merged']} merged (several entities, one node)")
    lines.append(f"split people  {summary['split_people']} extra names repeating a matched "
                 "person in the same article")
    kinds = summary["claim_kinds"]
    lines.append(f"claim kinds   {kinds['right_kind']}/{kinds['found']} found claims carry the "
                 "gold kind")
    lines.append(f"overall F1 (mean of {', '.join(OVERALL)}) = {summary['overall_f1']:.3f}")
    shown = [f"≥{r['threshold']:.1f}: {r['precision']:.3f} of {r['facts']}"
             for r in summary["reliability"] if r["facts"]]
    lines.append("reliability   precision of claims and positions by confidence: "
                 + ", ".join(shown))
    return lines


def details(per_article: dict[str, dict], resolution: dict) -> list[str]:
    """Per article: what was missed and what was extra, then the split and merged entities."""
    lines = []
    for file, found in sorted(per_article.items()):
        body = [f"  {what} {measure}: {_show(item)}"
                for measure in ("people", "organizations", "positions", "claims")
                for what in ("missed", "extra") for item in found[measure][what]]
        body += [f"  wrong claimant: {_show(text)} -> {got} (gold: {want})"
                 for text, want, got in found["wrong_claimants"]]
        if body:
            lines += [f"{file}", *body]
    for kind in ("people", "organizations"):
        res = resolution[kind]
        lines += [f"split {kind}: {item}" for item in res["split_entities"]]
        lines += [f"merged {kind}: {item}" for item in res["merged_entities"]]
    return lines


def _show(item) -> str:
    """A missed or extra item on one line: a name, a position, or a shortened claim text."""
    if isinstance(item, dict) and "text" in item:
        text = item["text"]
    elif isinstance(item, dict) and "title" in item:
        text = " / ".join(x for x in (item.get("name"), item.get("title"), item.get("org")) if x)
    elif isinstance(item, dict):
        text = item.get("name") or str(item)
    elif isinstance(item, tuple):
        name, position = item
        text = " / ".join(x for x in (name, position.get("title"), position.get("organization"))
                          if x)
    else:
        text = str(item)
    text = " ".join(str(text).split())
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."
