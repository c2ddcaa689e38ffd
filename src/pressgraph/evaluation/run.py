"""Run an evaluation: build (or read) the graph of the annotated articles, query it, score it."""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from pressgraph.config import Config
from pressgraph.errors import Errors, PressgraphError
from pressgraph.evaluation.calibration import by_origin, judged_facts, reliability
from pressgraph.evaluation.gold import GoldArticle, load_gold
from pressgraph.evaluation.matching import Score
from pressgraph.evaluation.measures import score_article
from pressgraph.evaluation.names import basename
from pressgraph.evaluation.report import MEASURES, details, overall, table
from pressgraph.evaluation.resolution import resolution
from pressgraph.evaluation.rows import query_rows
from pressgraph.stages.confidence import confident_store
from pressgraph.stages.remote import one_line
from pressgraph.writing import write_atomic

QUERIES = ("articles", "people", "organizations", "positions", "claims", "claim-origins",
           "position-origins")


def evaluate(golds: dict[str, GoldArticle], store: ox.Store) -> dict:
    """All measures, per-article misses and extras, and resolution, as one JSON-ready dict."""
    rows = {name: query_rows(store, name) for name in QUERIES}
    copies = defaultdict(set)
    for row in rows["articles"]:
        if row.get("duplicateOf"):
            copies[basename(row["source"])].add(basename(row["duplicateOf"]))
    scores = {name: Score() for name in MEASURES}
    per_article, found_kinds, right_kinds, dup_gold, dup_found, repeats = {}, 0, 0, 0, 0, 0
    facts = []
    for file, gold in sorted(golds.items()):
        mine = {name: [r for r in rows[name] if basename(r["source"]) == file] for name in QUERIES}
        result = score_article(gold, mine, copies)
        for name, found in result.matches.items():
            scores[name].add(found)
        scores["attribution"].add(result.attribution)
        found_kinds, right_kinds = found_kinds + result.kinds[0], right_kinds + result.kinds[1]
        dup_gold, dup_found = dup_gold + result.duplicate[0], dup_found + result.duplicate[1]
        repeats += result.matches["people"].repeats
        per_article[file] = {m: {"missed": result.matches[m].missed,
                                 "extra": result.matches[m].extra}
                             for m in ("people", "organizations", "positions", "claims")}
        per_article[file]["wrong_claimants"] = result.wrong_claimants
        facts += judged_facts(gold, mine["claim-origins"], mine["position-origins"])
    by_file = {kind: _by_file(rows[kind]) for kind in ("people", "organizations")}
    return {"scores": {name: s.as_dict() for name, s in scores.items()},
            "overall_f1": overall(scores),
            "duplicates": {"detected": dup_found, "gold": dup_gold},
            "split_people": repeats,
            "claim_kinds": {"found": found_kinds, "right_kind": right_kinds},
            "resolution": {kind: resolution(golds, by_file[kind], kind).as_dict()
                           for kind in by_file},
            "origins": by_origin(facts), "reliability": reliability(facts),
            "per_article": per_article}


def run_evaluate(gold_dir: Path, inputs: list[Path], graph: Path | None, config: Config,
                 json_path: Path | None = None, quiet: bool = False,
                 min_confidence: float | None = None) -> str:
    """The evaluation report as text; with `json_path`, also written there as JSON.

    Raises:
        PressgraphError: KG070/KG071 for bad gold, KG072 when an annotated article is not among
            the inputs, and the build's own errors.
    """
    golds = load_gold(gold_dir)
    store = _store_of(graph) if graph else _build(golds, inputs, config)
    if min_confidence is not None:
        store = confident_store(store, min_confidence)
    summary = evaluate(golds, store)
    if json_path:
        write_atomic(json_path, json.dumps(summary, indent=1, ensure_ascii=False, default=str))
    lines = table(summary)
    if not quiet:
        lines += ["", *details(summary["per_article"], summary["resolution"])]
    return "\n".join(lines) + "\n"


def _by_file(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[basename(row["source"])].append(row)
    return out


def _store_of(path: Path) -> ox.Store:
    store = ox.Store()
    try:
        store.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip("."))
                   or ox.RdfFormat.TRIG)
    except (OSError, SyntaxError, ValueError) as err:
        raise PressgraphError(Errors.KG073.format(path=path, why=one_line(err))
                              ) from None
    return store


def _build(golds: dict[str, GoldArticle], inputs: list[Path], config: Config) -> ox.Store:
    """Build the annotated articles found under `inputs` into a temporary folder."""
    from pressgraph.pipeline import build

    files = _annotated(inputs, set(golds))
    with tempfile.TemporaryDirectory(prefix="pressgraph-evaluate-") as folder:
        result = build(files, Path(folder), config, progress=False, warn=lambda message: None)
        return _store_of(result.trig)


def _annotated(inputs: list[Path], wanted: set[str]) -> list[Path]:
    """The input files whose names the gold annotates, one per name."""
    found: dict[str, Path] = {}
    for root in inputs:
        for path in sorted([root] if root.is_file() else root.rglob("*")):
            if path.is_file() and path.name in wanted and path.name not in found:
                found[path.name] = path
    missing = sorted(wanted - set(found))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise PressgraphError(Errors.KG072.format(files=shown, inputs=", ".join(map(str, inputs))))
    return [found[name] for name in sorted(found)]
