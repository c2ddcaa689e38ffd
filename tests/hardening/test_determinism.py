"""Determinism across processes: the same input gives byte-identical outputs, whatever the
process's hash seed, with `--jobs 1` or `--jobs 2`, and from the facts cache or without it.

tests/test_cli.py compares the sample build with the committed graphs in one process, and
tests/test_parallel.py compares the TriG of the backends; this adds a corpus big enough for
the view to be laid out ahead of time (its layout must not follow Python's set order, which
PYTHONHASHSEED changes from process to process) and compares every output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BBC = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "bbc" / "business"
CONFIG = ROOT / "build" / "pipeline.toml"
PRESSGRAPH = str(Path(sys.executable).with_name("pressgraph"))
OUTPUTS = ("sample.trig", "sample.html", "sample.resolution.txt")


def _build(corpus: Path, out: Path, seed: str, *options: str) -> dict[str, bytes]:
    """Build in a fresh process with the given hash seed; the bytes of the outputs."""
    done = subprocess.run([PRESSGRAPH, "build", str(corpus), "--out", str(out), "--config",
                           str(CONFIG), "--quiet", *options], cwd=out.parent,
                          env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_builds_are_byte_identical_across_seeds_jobs_and_the_cache(tmp_path):
    assert BBC.is_dir(), f"the BBC corpus is expected beside the clone at {BBC}"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(BBC.glob("*.txt"))[12:30]:
        shutil.copy(path, corpus / path.name)
    serial = _build(corpus, tmp_path / "one", "1", "--jobs", "1", "--no-cache")
    parallel = _build(corpus, tmp_path / "two", "2", "--jobs", "2", "--no-cache")
    cached = _build(corpus, tmp_path / "two", "3", "--jobs", "1")
    again = _build(corpus, tmp_path / "two", "4", "--jobs", "2")
    assert b'"x": ' in serial["sample.html"]  # the view was laid out ahead of time
    for name in OUTPUTS:
        assert parallel[name] == serial[name], f"{name}: --jobs 2 differs from --jobs 1"
        assert cached[name] == serial[name], f"{name}: the cached build differs"
        assert again[name] == serial[name], f"{name}: the second cached build differs"
