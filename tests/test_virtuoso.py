"""`pressgraph push` and `pressgraph query --store URL` against a real Virtuoso 7 server (Debian's
virtuoso-opensource, started on a fresh database for this module): each article's named graph
arrives whole, a rebuilt article replaces only its own graph, --prune drops a deleted article's
graph, and the catalogue queries read the articles back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.config import load_config
from pressgraph.errors import PressgraphError
from pressgraph.pipeline import build
from pressgraph.query_commands import run_query_command
from pressgraph.stages.graphstore import GraphStore
from pressgraph.stages.local_graphs import read_graphs
from pressgraph.stages.push import run_push
from pressgraph.stages.store import run_query
from pressgraph.stages.store_layouts import endpoints
from virtuoso_server import VIRTUOSO, running_virtuoso

if not VIRTUOSO.is_file():
    pytest.skip("Debian's virtuoso-opensource is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "build" / "pipeline.toml"
BASE = load_config(CONFIG).base_iri
DOC = f"{BASE}doc/"
ARTICLES = {  # invented; non-ASCII text on purpose (Virtuoso must keep it byte for byte)
    "alpha": "By Zoë Marchetti-Ångström, chief marketing officer, Lanternfish Analytics\n"
             "Lanternfish Analytics said its revenue grew 12% to €40 million in 2019, "
             "“a record”. The company expects more growth.\n",
    "beta": "By Tomas Varga, editor\nHarbourline Foods opened a new plant in 2020. Its chief "
            "executive, Petra Lind, said demand was strong.\n",
    "gamma": "By Ines Abara, reporter\nQuillstone Robotics will hire 200 engineers by 2021, "
             "according to a statement.\n",
}
COUNTS = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{BASE}")) }} GROUP BY ?g"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory):
    """The /sparql URL of a Virtuoso server on a fresh database, stopped at the end."""
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@pytest.fixture
def url(virtuoso: str) -> str:
    """The server, without any graph under the build's base IRI."""
    store = GraphStore(endpoints(virtuoso, auth=True), "dba", "dba")
    for iri in store.list_graphs(BASE):
        store.delete(iri)
    assert remote_counts(virtuoso) == {}
    return virtuoso


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for stem, text in ARTICLES.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return folder


def build_trig(corpus: Path) -> Path:
    """Build the corpus with the tokenizer-only model into OUT beside it (cache on, as a user's
    rebuilds are); the TriG path."""
    config = replace(load_config(CONFIG), model="blank")
    return build([corpus], corpus.parent / "out", config, progress=False).trig


def push_cli(trig: Path, url: str, *options: str) -> str:
    """`pressgraph push` as dba, the password from the environment; its output."""
    result = CliRunner().invoke(
        app, ["push", str(trig), "--store", url, "--user", "dba", "--config", str(CONFIG),
              *options], env={"PRESSGRAPH_STORE_PASSWORD": "dba"})
    assert result.exit_code == 0, result.output
    return result.output


def remote_counts(url: str) -> dict[str, int]:
    """Triples per named graph under the base IRI, by `pressgraph query --store URL`."""
    rows = csv.DictReader(io.StringIO(run_query_command(COUNTS, "csv", url, False)))
    return {row["g"]: int(row["n"]) for row in rows}


def remote_graph(url: str, iri: str) -> set[str]:
    """One named graph as the server holds it, as N-Triples lines (through run_query)."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    return set(run_query(url, query).data.decode("utf-8").splitlines())


def local_graphs(trig: Path) -> dict[str, set[str]]:
    """The TriG's named graphs as N-Triples lines."""
    return {iri: set(graph.data.decode("utf-8").splitlines())
            for iri, graph in read_graphs(trig)[0].items()}


def test_each_article_graph_arrives_with_its_triples(url, corpus):
    trig = build_trig(corpus)
    local = local_graphs(trig)
    assert sorted(iri for iri in local if iri.startswith(DOC)) == [
        f"{DOC}{stem}" for stem in sorted(ARTICLES)]
    assert "5 put, 0 unchanged, 0 deleted" in push_cli(trig, url)
    assert remote_counts(url) == {iri: len(lines) for iri, lines in local.items()}
    assert {iri: remote_graph(url, iri) for iri in local} == local
    assert "0 put, 5 unchanged, 0 deleted" in push_cli(trig, url)


def test_a_rebuilt_article_replaces_only_its_graph(url, corpus):
    trig = build_trig(corpus)
    push_cli(trig, url)
    before = {iri: remote_graph(url, iri) for iri in local_graphs(trig)}
    alpha = corpus / "alpha.txt"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "Sales in Asia doubled.\n",
                     encoding="utf-8")
    rebuilt = build_trig(corpus)
    after = local_graphs(rebuilt)
    changed = sorted(iri for iri in after if after[iri] != before[iri])
    assert [iri for iri in changed if iri.startswith(DOC)] == [f"{DOC}alpha"]
    output = push_cli(rebuilt, url)
    assert f"{len(changed)} put, {len(after) - len(changed)} unchanged, 0 deleted" in output
    now = {iri: remote_graph(url, iri) for iri in after}
    assert now == after
    assert now[f"{DOC}alpha"] != before[f"{DOC}alpha"]
    assert all(now[iri] == before[iri] for iri in after if iri not in changed)
    assert remote_counts(url) == {iri: len(lines) for iri, lines in after.items()}


def test_prune_removes_the_graph_of_a_deleted_article(url, corpus):
    push_cli(build_trig(corpus), url)
    (corpus / "gamma.txt").unlink()
    trig = build_trig(corpus)
    kept = push_cli(trig, url)
    assert f"no longer in the build (pass --prune to delete them): {DOC}gamma" in kept
    assert remote_graph(url, f"{DOC}gamma")
    assert ", 1 deleted" in push_cli(trig, url, "--prune")
    assert remote_graph(url, f"{DOC}gamma") == set()
    local = local_graphs(trig)
    assert remote_counts(url) == {iri: len(lines) for iri, lines in local.items()}
    assert {iri: remote_graph(url, iri) for iri in local} == local


def test_the_catalogue_reads_the_articles_back(url, corpus):
    push_cli(build_trig(corpus), url)
    result = CliRunner().invoke(app, ["query", "--store", url, "--format", "csv",
                                      "articles-overview"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert sorted(row["source"] for row in rows) == sorted(f"{s}.txt" for s in ARTICLES)
    authors = {row["source"]: row["authors"] for row in rows}
    assert authors["alpha.txt"] == "Zoë Marchetti-Ångström"
    assert authors["gamma.txt"] == "Ines Abara"


def test_a_wrong_password_is_a_one_line_refusal(url, corpus):
    trig = build_trig(corpus)
    with pytest.raises(PressgraphError, match=r"^\[KG051\] .*sparql-graph-crud-auth") as err:
        run_push(trig, url, user="dba", password="not-the-password", config_path=CONFIG)
    assert "\n" not in str(err.value)
    assert remote_counts(url) == {}
