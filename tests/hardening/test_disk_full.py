"""Disk full: a build whose writes fail with ENOSPC says so in one line and keeps the old outputs.

The disk is filled by simulation: the temp files of the chosen outputs take some bytes and then
raise `OSError(ENOSPC)`, as a full file system does; the store's load fails the same way. A
real kernel refusal is tested too, with no tmpfs to mount: the real CLI runs under a file size
limit (RLIMIT_FSIZE), so its writes past it fail with EFBIG as they would with ENOSPC.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph import writing
from pressgraph.cli import app
from pressgraph.stages import store as store_stage
from pressgraph.stages.store import open_store, run_query

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "sample"
CONFIG = ROOT / "build" / "pipeline.toml"
OUTPUTS = ("sample.trig", "sample.html", "sample.resolution.txt")
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/Article> }"
NO_SPACE = "No space left on device"
PRESSGRAPH = str(Path(sys.executable).with_name("pressgraph"))
LIMITED = ("import os, resource, sys; size = int(sys.argv[1]); "
           "resource.setrlimit(resource.RLIMIT_FSIZE, (size, size)); "
           "os.execv(sys.argv[2], sys.argv[2:])")


class FullStream:
    """A text stream that takes half of what it is given, then fails as a full disk does."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def writelines(self, chunks) -> None:
        for chunk in chunks:
            self.stream.write(chunk[:len(chunk) // 2])
            self.stream.flush()
            raise OSError(errno.ENOSPC, NO_SPACE)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stream.close()


class FullDisk:
    """Stands for `os` and `tempfile` in pressgraph.writing: the temp files of the outputs
    named in `full` fill the disk."""

    def __init__(self, full: tuple[str, ...]) -> None:
        self.full, self.handles = full, set()

    def mkstemp(self, prefix: str, suffix: str, dir: Path):  # noqa: A002 - tempfile's name
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=dir)
        if any(prefix == f".{output}." for output in self.full):
            self.handles.add(handle)
        return handle, name

    def fdopen(self, handle: int, *args, **kwargs):
        stream = os.fdopen(handle, *args, **kwargs)
        if handle in self.handles:
            self.handles.remove(handle)  # the number is reused once the file is closed
            return FullStream(stream)
        return stream

    def __getattr__(self, name):
        return getattr(os, name)


def _articles(store: Path) -> int:
    found = open_store(store)
    try:
        return int(run_query(found, ARTICLES).rows()[0][0])
    finally:
        del found


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A complete build of the five sample articles (its facts cached for the next builds)."""
    out = tmp_path_factory.mktemp("full") / "out"
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "--out", str(out), "--config",
                                      str(CONFIG), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def out(previous, tmp_path) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(previous, copy)
    return copy


@pytest.fixture
def fewer(tmp_path) -> Path:
    """Two of the sample articles: a build of them changes every output."""
    corpus = tmp_path / "fewer"
    corpus.mkdir()
    for path in sorted(SAMPLE.glob("*.txt"))[2:4]:
        shutil.copy(path, corpus / path.name)
    return corpus


def _build(corpus: Path, out: Path):
    return CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--config",
                                    str(CONFIG), "--quiet"])


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.mark.parametrize("full", [("sample.trig",), ("sample.resolution.txt",),
                                  ("sample.html",), OUTPUTS])
def test_a_full_disk_is_one_line_and_the_outputs_stay_whole(out, fewer, monkeypatch, full):
    before = _snapshot(out)
    disk = FullDisk(full)
    monkeypatch.setattr(writing, "os", disk)
    monkeypatch.setattr(writing, "tempfile", disk)
    result = _build(fewer, out)
    assert result.exit_code == 2
    failed = sorted(full)[-1] if full != OUTPUTS else "sample.trig"
    assert result.output.splitlines() == [result.output.strip()]
    assert result.output.startswith(f"error: [KG013] {out / failed}: could not write the "
                                    f"output ({NO_SPACE}). Free disk space")
    assert (out / failed).read_bytes() == before[failed]
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []
    assert _articles(out / "store") in (5, 2)  # the old store, or the new one if it was made
    monkeypatch.undo()
    assert _build(fewer, out).exit_code == 0  # with room again, the build completes
    assert _articles(out / "store") == 2


def test_a_full_disk_while_loading_the_store_keeps_the_old_store(out, fewer, monkeypatch):
    def no_room(trig, directory, index):
        (directory / "000001.sst").parent.mkdir(parents=True, exist_ok=True)
        (directory / "000001.sst").write_bytes(b"partial")
        raise OSError(errno.ENOSPC, NO_SPACE)

    monkeypatch.setattr(store_stage, "_bulk_load", no_room)
    result = _build(fewer, out)
    assert result.exit_code == 2
    assert result.output.startswith("error: [KG019] ") and NO_SPACE in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _articles(out / "store") == 5
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def _limited_build(corpus: Path, out: Path, size: int) -> subprocess.CompletedProcess:
    """`pressgraph build` in a process whose files may not grow past `size` bytes: writes past
    it fail with EFBIG (Python ignores SIGXFSZ, so the kernel's error reaches the code)."""
    return subprocess.run([sys.executable, "-c", LIMITED, str(size), PRESSGRAPH, "build",
                           str(corpus), "--out", str(out), "--config", str(CONFIG), "--quiet"],
                          cwd=out.parent, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("failing", ["sample.trig", "sample.html"])
def test_a_real_write_error_is_one_line_and_the_old_file_stays(out, fewer, tmp_path, failing):
    reference = tmp_path / "reference"
    shutil.copytree(out, reference)
    assert _build(fewer, reference).exit_code == 0
    sizes = {name: (reference / name).stat().st_size for name in OUTPUTS}
    assert sizes["sample.trig"] < sizes["sample.html"]
    size = 4096 if failing == "sample.trig" else sizes["sample.trig"] + 4096
    before = _snapshot(out)
    done = _limited_build(fewer, out, size)
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.splitlines() == [
        f"error: [KG013] {out / failing}: could not write the output (File too large). Free "
        "disk space or pick another --out."]
    assert "Traceback" not in done.stdout
    assert (out / failing).read_bytes() == before[failing]
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp") or ".tmp-" in p.name] == []
    assert _articles(out / "store") == (5 if failing == "sample.trig" else 2)
    assert _build(fewer, out).exit_code == 0  # without the limit, the build completes
    assert _snapshot(out) == _snapshot(reference)
