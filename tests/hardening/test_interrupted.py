"""Nothing lost: `pressgraph build` killed (SIGKILL) at seeded random points over BBC articles.

Every output is written to a temp file and renamed, and the store is swapped by renames, so
after any kill each output is byte for byte either the previous build's or the new one's, the
store opens and answers, and the next build completes. The kills aim at the phases in turn: a
random time (reading, model loading, extraction), the TriG's temp file, the store being loaded
or swapped, the view's temp file. PYTHONHASHSEED is fixed because the view's layout depends on
it (see test_determinism.py).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pressgraph.stages.store import open_store, run_query

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BBC = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "bbc" / "business"
CONFIG = ROOT / "build" / "pipeline.toml"
PRESSGRAPH = str(Path(sys.executable).with_name("pressgraph"))
OUTPUTS = ("sample.trig", "sample.html", "sample.resolution.txt")
KILLS = 20
MAX_ATTEMPTS = 40
BUDGET = 150.0  # seconds for all the killed runs
HUNG = 120.0  # seconds after which one build is taken to hang
TARGETS = ("time", "trig", "time", "store", "time", "swap", "time", "html")
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/Article> }"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0"}


def _command(corpus: Path, out: Path, cache: bool) -> list[str]:
    return [PRESSGRAPH, "build", str(corpus), "--out", str(out), "--config", str(CONFIG),
            "--quiet", *([] if cache else ["--no-cache"])]


def _build(corpus: Path, out: Path, cwd: Path) -> dict[str, bytes]:
    """A complete build; the bytes of its outputs."""
    done = subprocess.run(_command(corpus, out, True), cwd=cwd, env=_env(), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _articles(store: Path) -> int:
    """The number of articles the store holds (it must open and answer)."""
    found = open_store(store)
    try:
        return int(run_query(found, ARTICLES).rows()[0][0])
    finally:
        del found


def _entries(out: Path) -> dict[str, int]:
    """The names in the output folder and their inode numbers."""
    found = {}
    for entry in out.iterdir():
        try:
            found[entry.name] = entry.lstat().st_ino
        except FileNotFoundError:
            continue
    return found


def _phase(out: Path, before: dict[str, int]) -> str | None:
    """The phase the build is in, as the output folder shows it (None: none visible); temp
    files an earlier killed build left (the same inode as `before`) do not count."""
    now = _entries(out)
    names = {name for name, ino in now.items() if before.get(name) != ino}
    if any(n.startswith(".sample.trig.") for n in names):
        return "trig-write"
    if "store.tmp-build" in names:
        return "store-load"
    if {"store.tmp-new", "store.tmp-old"} & names or "store" not in now:
        return "store-swap"
    if any(n.startswith(".sample.html.") for n in names):
        return "view-write"
    if "store" in names:
        return "after-swap"
    return None


def _kill_at(process: subprocess.Popen, out: Path, target: str, delay: float,
             started: float) -> str | None:
    """Wait for the target moment and SIGKILL the build; the phase hit (None: it finished).

    `time` kills `delay` seconds in; `trig`, `store` and `html` as soon as that temp file or
    folder shows (plus `delay / 100` for `store`); `swap` as soon as the store is renamed.
    """
    before = _entries(out)
    while process.poll() is None:
        if time.monotonic() - started > HUNG:
            process.kill()
            process.wait(timeout=30)
            raise AssertionError(f"the build ran over {HUNG} s: it hangs")
        phase = _phase(out, before)
        if _reached(target, phase, time.monotonic() - started >= delay):
            if target == "store":
                time.sleep(delay / 100)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            return _phase(out, before) or ("read/extract" if target == "time" else
                                           f"after-{target}")
        time.sleep(0.0005)
    return None


def _reached(target: str, phase: str | None, late: bool) -> bool:
    """Whether the build has reached the moment to kill it."""
    if target == "time":
        return late
    wanted = {"trig": ("trig-write",), "store": ("store-load",), "html": ("view-write",),
              "swap": ("store-swap", "after-swap")}
    return phase in wanted[target]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path, Path]:
    assert BBC.is_dir(), f"the BBC corpus is expected beside the clone at {BBC}"
    base = tmp_path_factory.mktemp("killed")
    files = sorted(BBC.glob("*.txt"))
    for name, chosen in (("old", files[:12]), ("new", files[12:30])):
        (base / name).mkdir()
        for path in chosen:
            shutil.copy(path, base / name / path.name)
    return base / "old", base / "new", base


def test_killed_builds_leave_the_previous_outputs_and_store_usable(corpora):
    old_corpus, new_corpus, base = corpora
    out = base / "out"
    old = _build(old_corpus, out, base)
    started = time.monotonic()
    new = _build(new_corpus, base / "reference", base)
    seconds = time.monotonic() - started
    old_n, new_n = _articles(out / "store"), _articles(base / "reference" / "store")
    assert (old_n, new_n) == (12, 18)
    assert all(old[name] != new[name] for name in OUTPUTS)

    chooser, phases, finished = random.Random(6), [], 0
    deadline = time.monotonic() + BUDGET
    for attempt in range(MAX_ATTEMPTS):
        if len(phases) >= KILLS or time.monotonic() > deadline:
            break
        target = TARGETS[attempt % len(TARGETS)]
        delay = chooser.uniform(0.1, 0.8) * seconds
        process = subprocess.Popen(_command(new_corpus, out, cache=attempt % 2 == 1), cwd=base,
                                   env=_env(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        phase = _kill_at(process, out, target, delay, time.monotonic())
        if phase is None:
            finished += 1
        else:
            phases.append(phase)
        for name in OUTPUTS:
            assert (out / name).read_bytes() in (old[name], new[name]), (attempt, phase, name)
        assert _articles(out / "store") in (old_n, new_n), (attempt, phase)

    figures = {"kills": len(phases), "finished": finished, "phases": sorted(set(phases)),
               "by_phase": {p: phases.count(p) for p in sorted(set(phases))}}
    print(json.dumps(figures))  # noqa: T201 - the figures are what the run reports
    (base / "kills.json").write_text(json.dumps(figures), encoding="utf-8")
    assert len(phases) >= KILLS, figures
    assert {"read/extract", "trig-write", "store-load"} <= set(phases), figures

    final = _build(new_corpus, out, base)
    assert final == new
    assert _articles(out / "store") == new_n
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp") or ".tmp-" in p.name]
    assert leftovers == []
