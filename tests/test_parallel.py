"""Extraction backends: in-process, local worker processes and a Dask cluster build the same
bytes; failures to reach Dask are one-line errors."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import distributed
import pytest

from pressgraph.config import load_config
from pressgraph.errors import PressgraphError
from pressgraph.pipeline import build
from pressgraph.stages import dask_connect, extract_runner

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpus" / "sample"


def _config(**changes):
    return replace(load_config(ROOT / "build" / "pipeline.toml"), **changes)


def _trig(out: Path, **options) -> tuple[bytes, int]:
    """Build the sample without the cache; the TriG bytes and the articles extracted."""
    config = _config(**{k: options.pop(k) for k in ("jobs", "batch_size") if k in options})
    result = build([SAMPLE], out, config, progress=False, use_cache=False, **options)
    return result.trig.read_bytes(), result.extracted


def _build_in_subprocess(out: Path, address: str) -> tuple[subprocess.CompletedProcess, float]:
    """`pressgraph build --dask address` in a new interpreter (connect timeout 3 s), timed."""
    code = ("from pressgraph.stages import dask_connect; dask_connect.CONNECT_TIMEOUT = 3.0; "
            "from pressgraph.cli import app; app(prog_name='pressgraph')")
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, "build", str(SAMPLE), "--out", str(out),
                           "--quiet", "--no-cache", "--dask", address],
                          capture_output=True, text=True, timeout=120, check=False)
    return done, time.monotonic() - start


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def http_port():
    """An HTTP server on loopback (as a Dask dashboard would be), its port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@contextlib.contextmanager
def _fake_scheduler():
    """A Dask server that answers `identity` as a Scheduler and fails a Client's start."""
    from distributed.core import Server

    class Scheduler(Server):
        pass

    ready, stop, where = threading.Event(), threading.Event(), []

    async def serve() -> None:
        server = Scheduler({})
        await server.listen("tcp://127.0.0.1:0")
        where.append(server.address)
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.05)
        await server.close()

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    assert ready.wait(10)
    try:
        yield where[0]
    finally:
        stop.set()
        thread.join(10)


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
    monkeypatch.setattr(dask_connect, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(PressgraphError, match=r"^\[KG061\] tcp://127\.0\.0\.1:9: no Dask"):
        _trig(tmp_path, dask="tcp://127.0.0.1:9")


@pytest.mark.parametrize("address", ["notanaddress", "http://127.0.0.1:8786", "tcp://localhost"])
def test_an_address_of_the_wrong_form_fails_at_once(address):
    start = time.monotonic()
    with pytest.raises(PressgraphError, match=rf"^\[KG061\] {re.escape(address)}: no Dask"):
        dask_connect.connect(address)
    assert time.monotonic() - start < 5


def test_an_http_server_is_not_a_scheduler(http_port, monkeypatch):
    monkeypatch.setattr(dask_connect, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(PressgraphError, match=r"\(no answer within 1 s\)"):
        dask_connect.connect(f"tcp://127.0.0.1:{http_port}")


def test_a_dask_worker_is_not_a_scheduler():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        with dask_connect.connect(cluster.scheduler_address) as client:
            assert client.submit(sum, [1, 2]).result() == 3
        worker = next(iter(cluster.scheduler_info["workers"]))
        with pytest.raises(PressgraphError, match=r"\(a Dask Worker answered, not a sched"):
            dask_connect.connect(worker)


@pytest.mark.parametrize("address", ["notanaddress", "http://127.0.0.1:{port}",
                                     "tcp://127.0.0.1:{port}"])
def test_the_build_command_fails_on_a_bad_address_in_one_line(address, http_port, tmp_path):
    address = address.format(port=http_port)
    done, seconds = _build_in_subprocess(tmp_path, address)
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr.startswith(f"error: [KG061] {address}: no Dask"), done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # no traceback, no "Exception ignored"
    assert seconds < 25  # the 40 s hang at exit would pass 25


def test_a_scheduler_that_fails_the_clients_start_exits_at_once(tmp_path):
    with _fake_scheduler() as address:
        done, seconds = _build_in_subprocess(tmp_path, address)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: [KG061] {address}: no Dask"), done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert seconds < 25


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
