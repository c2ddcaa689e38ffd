"""The command line end to end: build the sample, query it, view it, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "build" / "pipeline.toml"
runner = CliRunner()
pytestmark = pytest.mark.slow


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("graphs")
    result = invoke("build", "--out", str(out), "--config", str(CONFIG), "--quiet")
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_graph_view_store_and_report(built):
    for name in ("sample.trig", "sample.html", "sample.resolution.txt"):
        assert (built / name).stat().st_size > 0
    assert (built / "store").is_dir()


def test_the_committed_sample_graph_is_what_the_build_makes(built):
    assert (built / "sample.trig").read_bytes() == (ROOT / "graphs" / "sample.trig").read_bytes()
    assert (built / "sample.html").read_bytes() == (ROOT / "graphs" / "sample.html").read_bytes()


def test_query_catalogue_name_in_each_format(built):
    store = str(built / "store")
    table = invoke("query", "cmo-roles", "--store", store)
    assert table.exit_code == 0 and "CMO" in table.output
    rows = json.loads(invoke("query", "cmo-roles", "--store", store, "--format", "json").output)
    assert rows["results"]["bindings"]
    csv = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/Article> }",
                 "--store", store, "--format", "csv")
    assert csv.output.split() == ["n", "5"]


def test_query_list_shows_the_catalogue():
    result = invoke("query", "--list")
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) >= 10


def test_a_malformed_query_gets_one_line_with_its_position(built):
    result = invoke("query", "SELECT ?x WHERE { ?x ?y }", "--store", str(built / "store"))
    assert result.exit_code == 2
    assert "KG009" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_view_of_a_neighbourhood(built, tmp_path):
    page = tmp_path / "focus.html"
    result = invoke("view", "--focus", "Gartner", "--depth", "1", "--out", str(page),
                    "--store", str(built / "store"))
    assert result.exit_code == 0, result.output
    assert "Gartner" in page.read_text(encoding="utf-8")


def test_validate_the_built_graph(built):
    result = invoke("validate", str(built / "sample.trig"))
    assert result.exit_code == 0, result.output


def test_a_folder_with_no_articles_is_bad_usage(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = invoke("build", str(tmp_path), "--out", str(tmp_path / "o"), "--quiet")
    assert result.exit_code == 2
    assert "KG007" in result.output and "Traceback" not in result.output


def test_bad_files_are_skipped_and_the_rest_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "sample" / "004_be3f5b0ee1991228.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "lines.jsonl").write_text('{"text": "ok"\nnot json\n')
    result = invoke("build", str(corpus), "--out", str(tmp_path / "o"), "--quiet")
    assert result.exit_code == 0, result.output
    assert "skipped 4 input(s)" in result.output  # two bad JSONL lines
    for code in ("KG001", "KG002", "KG005"):
        assert code in result.output
    assert (tmp_path / "o" / "sample.trig").exists()


def test_a_failed_build_keeps_the_previous_outputs(built, tmp_path):
    out = tmp_path / "o"
    shutil.copytree(built, out, ignore=shutil.ignore_patterns("store"))
    before = (out / "sample.trig").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "a.txt").write_text("   \n")
    result = invoke("build", str(empty), "--out", str(out), "--quiet")
    assert result.exit_code == 2
    assert (out / "sample.trig").read_bytes() == before


def test_the_committed_graphs_are_untouched_by_the_build():
    """On a clean checkout, the set-up's build must leave graphs/ as committed (git says so)."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout: nothing to compare graphs/ with")
    changed = subprocess.run(["git", "status", "--porcelain", "--", "graphs"], cwd=root,
                             capture_output=True, text=True, check=True).stdout
    assert changed == "", f"the build changed committed graphs:\n{changed}"
