"""`pressgraph build` over hostile and broken input: no traceback, one warning line per bad
file, every good file built, and a graph that re-parses and conforms."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from badcorpus import (
    HOSTILE_QUOTE,
    ROOT,
    Manifest,
    write_corpus,
    write_tiny_files,
)
from rdflib.namespace import DCTERMS

from pressgraph.stages.read_paths import shown

pytestmark = pytest.mark.slow

CONFIG = ROOT / "build" / "pipeline.toml"
PRESSGRAPH = str(Path(sys.executable).with_name("pressgraph"))
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = rdflib.Namespace("https://schema.org/")
SCRIPT_MARKERS = ("head-script", "body-script", "img-handler", "onload", "javascript:")


def run_build(corpus: Path, out: Path, cwd: Path) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, from a scratch folder so graphs/ is never touched."""
    return subprocess.run([PRESSGRAPH, "build", str(corpus), "--out", str(out), "--config",
                           str(CONFIG), "--quiet"], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Manifest, subprocess.CompletedProcess, Path]:
    base = tmp_path_factory.mktemp("bad")
    manifest = write_corpus(base / "corpus")
    done = run_build(manifest.root, base / "out", base)
    return manifest, done, base / "out"


@pytest.fixture(scope="module")
def dataset(built) -> rdflib.Dataset:
    graph = rdflib.Dataset(default_union=True)
    graph.parse(built[2] / "sample.trig", format="trig")
    return graph


def expected_warning(manifest: Manifest, item: str) -> str:
    """The start of the warning a bad file (or `file#line` of JSON Lines) must get."""
    name, _, line = item.partition("#")
    where = shown(manifest.root / name)
    return f"{where}: line {line} " if line else f"{where}: "


def test_the_build_succeeds_without_a_traceback(built):
    _, done, out = built
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr + done.stdout
    assert f"skipped {len(built[0].bad)} input(s)" in done.stdout
    for name in ("sample.trig", "sample.html", "sample.resolution.txt"):
        assert (out / name).stat().st_size > 0


def test_one_warning_line_per_bad_file(built):
    manifest, done, _ = built
    lines = done.stderr.splitlines()
    assert all(line.startswith("warning: [KG0") for line in lines), lines
    assert len(lines) == len(manifest.bad)
    for item, code in manifest.bad.items():
        start = f"warning: [{code}] {expected_warning(manifest, item)}"
        matching = [line for line in lines if line.startswith(start)]
        assert len(matching) == 1, (item, start, lines)


def test_every_good_file_is_built(built, dataset):
    manifest = built[0]
    sources = {str(o) for o in dataset.objects(None, DCTERMS.source)}
    assert sources == set(manifest.good)


def test_the_graph_reparses_and_passes_validate(built, dataset):
    assert len(dataset) > 500
    done = subprocess.run([PRESSGRAPH, "validate", str(built[2] / "sample.trig")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_every_span_is_its_slice_of_the_article(dataset):
    texts = {s: str(o) for s, o in dataset.subject_objects(NIF.isString)}
    spans = list(dataset.subjects(NIF.anchorOf, None))
    assert len(spans) > 50
    for span in set(spans):
        text = texts[dataset.value(span, NIF.referenceContext)]
        begin = int(dataset.value(span, NIF.beginIndex))
        end = int(dataset.value(span, NIF.endIndex))
        assert text[begin:end] == str(dataset.value(span, NIF.anchorOf)), span


def test_hostile_names_and_quotes_survive_as_literals(built, dataset):
    literals = {str(o) for o in dataset.objects() if isinstance(o, rdflib.Literal)}
    for value in built[0].literals:
        assert value in literals, value
    claims = [str(o) for o in dataset.objects(None, SCHEMA.text)]
    assert any(HOSTILE_QUOTE in claim for claim in claims), claims
    iris = {str(term) for quad in dataset.quads() for term in quad
            if isinstance(term, rdflib.URIRef)}
    assert not iris & {"urn:x", "y", "x:"}  # the Turtle in the publisher stayed text
    graphs = {str(g) for _, _, _, g in dataset.quads()}
    assert len(graphs) == len(built[0].good) + 2  # articles, vocabulary, build


def test_scripts_and_handlers_never_become_text(built, dataset):
    scripted = next(s for s, o in dataset.subject_objects(DCTERMS.source)
                    if str(o) == "scripted.html")
    text = str(dataset.value(scripted, NIF.isString))
    assert "Revenue at Example Widgets rose 8%" in text
    assert not [marker for marker in SCRIPT_MARKERS if marker in text]


def test_the_view_shows_hostile_strings_only_escaped(built):
    page = (built[2] / "sample.html").read_text(encoding="utf-8")
    for raw in ("<img src=x onerror", "<svg onload", '<script>alert("title")'):
        assert raw not in page


@pytest.mark.browser
def test_hostile_names_render_as_text_in_chromium(built):
    from browser import click_node, open_view

    with open_view(built[2] / "sample.html") as (page, log):
        nodes = page.evaluate("() => window.pressgraph.nodes.get().map(n => [n.id, n.label])")
        hostile = [node for node, label in nodes if re.search(r"[<>\"]", str(label))]
        assert hostile, nodes
        for node in hostile:
            click_node(page, node)
            assert page.inner_text("#pg-details h2")
        assert "<img src=x onerror=alert(1)>" in page.inner_text("body")
        assert page.evaluate("document.querySelectorAll('img, svg[onload]').length") == 0
        assert log.dialogs == [] and log.errors == []
        assert log.external_requests() == []


def test_ten_thousand_tiny_files_build(tmp_path):
    sources = write_tiny_files(tmp_path / "tiny")
    done = run_build(tmp_path / "tiny", tmp_path / "out", tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr == "" and "Traceback" not in done.stdout
    assert f"built {len(sources)} article(s)" in done.stdout
    trig = (tmp_path / "out" / "sample.trig").read_text(encoding="utf-8")
    found = set(re.findall(r'dcterms:source "([^"]+)"', trig))
    assert found == set(sources)


HOSTILE_LITERALS = """SELECT DISTINCT ?value WHERE {
  ?s ?p ?value FILTER(isLiteral(?value) && CONTAINS(STR(?value), "<") && STRLEN(?value) < 200)
} ORDER BY ?value"""
HANDLERS = "document.querySelectorAll('[onerror], [onload], .dataTable img').length"
HOSTILE_GRAPH = """CONSTRUCT { ?s <https://schema.org/name> ?name } WHERE {
  ?s <https://schema.org/name> ?name FILTER(CONTAINS(?name, "<")) }"""


@pytest.mark.browser
def test_hostile_strings_render_as_text_on_the_query_page_and_view(built):
    from urllib.parse import urlencode

    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM
    from pressgraph.service.server import ServeConfig
    from serve_data import running

    dialogs: list[str] = []
    config = ServeConfig(str(built[2] / "store"), port=0, workers=1, quiet=True)
    with running(config) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context()
            context.on("dialog", lambda dialog: (dialogs.append(dialog.message),
                                                 dialog.dismiss()))
            tab = context.new_page()
            tab.goto(server.url + "/")
            tab.wait_for_selector(".tabPanel.active .yasqe .CodeMirror", timeout=20_000)
            tab.evaluate("(q) => { window.pressgraphQuery.getTab().setQuery(q); }",
                         HOSTILE_LITERALS)
            tab.click(".tabPanel.active .yasqe_queryButton")
            tab.wait_for_selector(".tabPanel.active .yasr .dataTable tbody tr", timeout=20_000)
            table = tab.inner_text(".tabPanel.active .yasr .dataTable tbody")
            assert "<img src=x onerror=alert(1)>" in table and "<svg onload=alert(2)>" in table
            assert tab.evaluate(HANDLERS) == 0
            view = context.new_page()
            view.goto(server.url + "/view?" + urlencode({"query": HOSTILE_GRAPH}))
            view.wait_for_function("() => document.body.dataset.stabilized === 'true'",
                                   timeout=30_000)
            labels = view.evaluate("() => window.pressgraph.nodes.get().map(n => n.label)")
            assert any("<img src=x onerror=alert(1)>" in str(label) for label in labels)
            assert view.evaluate(HANDLERS) == 0
        finally:
            browser.close()
    assert dialogs == []
