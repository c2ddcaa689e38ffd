"""Calibrate pressgraph's confidences: each rule's confidence is how often it is right on gold.

Runs `pressgraph evaluate` on one or more gold sets, pools per rule (pg:origin) how many claims
and positions it stated and how many gold confirms, and writes build/patterns/confidence.tsv:
confidence = (right + 1) / (stated + 2), so that a rule seen rarely stays near one half.

    python bench/calibrate.py --set eval/gold/sample corpus/sample \
        --set eval/gold/bbc ../shared/corpora/bbc/business [--out build/patterns/confidence.tsv]

Not a test: it prints the table it writes. Rebuild the graphs afterwards (the confidences are
pattern data, so the build cache sees the change).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from pressgraph.config import load_config
from pressgraph.evaluation.run import run_evaluate
from pressgraph.writing import write_atomic

ROOT = Path(__file__).resolve().parents[1]
HEADER = """# Confidence of each extraction rule (pg:origin): (right + 1) / (stated + 2) on gold.
# Written by bench/calibrate.py; rules not listed keep the confidence set in the code.
# origin\tconfidence\tstated\tright
"""


def pooled(sets: list[tuple[Path, Path]]) -> dict[str, list[int]]:
    """Per rule, [stated, right] summed over the gold sets."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    config = load_config()
    for gold, corpus in sets:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "figures.json"
            run_evaluate(gold, [corpus], None, config, json_path=out, quiet=True)
            origins = json.loads(out.read_text(encoding="utf-8"))["origins"]
        for origin, found in origins.items():
            counts[origin][0] += found["facts"]
            counts[origin][1] += found["right"]
    return counts


def table(counts: dict[str, list[int]]) -> str:
    lines = [f"{origin}\t{(right + 1) / (stated + 2):.2f}\t{stated}\t{right}"
             for origin, (stated, right) in sorted(counts.items())]
    return HEADER + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", nargs=2, action="append", metavar=("GOLD", "CORPUS"),
                        type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "build/patterns/confidence.tsv")
    args = parser.parse_args()
    text = table(pooled([tuple(pair) for pair in args.set]))
    write_atomic(args.out, text)
    print(text, end="")


if __name__ == "__main__":
    main()
