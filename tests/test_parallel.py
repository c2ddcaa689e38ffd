"""Extraction backends: in-process, local worker processes and a Dask cluster build the same
bytes; failures to reach Dask are one-line errors."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from pressgraph.config import load_config
from pressgraph.errors import PressgraphError
from pressgraph.pipeline import build
from pressgraph.stages import extract_runner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample"


def _config(**changes):
    return replace(load_config(ROOT / "build" / "pipeline.toml"), **changes)


def _trig(out: Path, **options) -> tuple[bytes, int]:
    """Build the sample without the cache; the TriG bytes and the articles extracted."""
    config = _config(**{k: options.pop(k) for k in ("jobs", "batch_size") if k in options})
    result = build([SAMPLE], out, config, progress=False, use_cache=False, **options)
    return result.trig.read_bytes(), result.extracted


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> bytes:
    """The reference: one process, the configured batch size."""
    trig, extracted = _trig(tmp_path_factory.mktemp("serial"))
    assert extracted == 5
    return trig


@pytest.mark.slow
def test_two_processes_build_the_same_bytes(serial, tmp_path):
    # batches of 2 make three tasks, so both workers get work
    trig, extracted = _trig(tmp_path, jobs=2, batch_size=2)
    assert extracted == 5
    assert trig == serial


@pytest.mark.slow
def test_smaller_batches_in_one_process_build_the_same_bytes(serial, tmp_path):
    assert _trig(tmp_path, jobs=1, batch_size=2)[0] == serial


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_bytes(serial, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where workers put the patterns
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        trig, extracted = _trig(tmp_path, batch_size=2, dask=cluster.scheduler_address)
    assert extracted == 5
    assert trig == serial


def test_the_dask_workers_get_the_pattern_files(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    patterns = tmp_path / "patterns"
    (patterns / "sub").mkdir(parents=True)
    (patterns / "a.txt").write_text("alpha\n", encoding="utf-8")
    (patterns / "sub" / "b.tsv").write_bytes(b"x\ty\n")
    settings = extract_runner.ExtractSettings("blank", str(patterns)).shipped()
    assert dict(settings.files) == {"a.txt": b"alpha\n", "sub/b.tsv": b"x\ty\n"}
    folder = extract_runner._pattern_folder(settings)
    assert folder != patterns
    assert (folder / "sub" / "b.tsv").read_bytes() == b"x\ty\n"
    assert extract_runner._pattern_folder(settings) == folder  # written once


def test_without_dask_installed_the_error_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(PressgraphError, match=r"^\[KG060\] --dask needs"):
        _trig(tmp_path, dask="tcp://127.0.0.1:1")


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(extract_runner, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(PressgraphError, match=r"^\[KG061\] tcp://127\.0\.0\.1:9: no Dask"):
        _trig(tmp_path, dask="tcp://127.0.0.1:9")


def test_no_articles_to_extract_starts_no_backend():
    facts = extract_runner.run_extraction([], extract_runner.ExtractSettings("x", "y"), 4,
                                          "tcp://nowhere:1")
    assert list(facts) == []


@pytest.mark.slow
def test_the_build_command_takes_jobs_and_reports_the_cache(tmp_path):
    from typer.testing import CliRunner

    from pressgraph.cli import app

    def run(*options: str):
        result = CliRunner().invoke(app, ["build", str(SAMPLE), "--out", str(tmp_path),
                                          "--quiet", *options])
        assert result.exit_code == 0, result.output
        return result.output

    assert "from the cache" not in run("--jobs", "2", "--no-cache")
    assert not (tmp_path / "cache").exists()
    run()
    assert "extracted 0 article(s), 5 from the cache" in run("--jobs", "2")
