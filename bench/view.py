"""Benchmark the HTML view: generation time, page size, and time until it is interactive.

A script, not a test: it prints figures. For synthetic graphs in the model's shape (articles,
people with positions at organizations, claims with evidence spans) of about 1k, 5k and 20k
drawn nodes, it times

- network: RDF -> view network (`graph_to_network`),
- page: network -> analytics, aggregation, layout, HTML written (`write_network`),
- interactive: headless Chromium (Debian's, /usr/bin/chromium) from navigation until the
  page is drawn and its controls answer (`data-stabilized`),
- search: one keystroke in the search box on the open page, until the canvas is updated.

With `--store DIR`, a built store (the real corpus) is measured too, as the build draws it:
network read from the store (`store_network`, no rdflib copy) and page written, with the
peak memory of that step.

    python bench/view.py                 # 1k, 5k, 20k; writes docs/view-benchmark.md
    python bench/view.py --sizes 1000 --no-write
    python bench/view.py --store /tmp/bfull/store --name "BBC corpus"
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, XSD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # tests/browser.py drives Chromium

from pressgraph.namespace import NIF, PG, SCHEMA, Iris  # noqa: E402
from pressgraph.stages.view_html import MAX_NODES  # noqa: E402
from pressgraph.stages.visualise import (  # noqa: E402
    cyclic_gc_paused,
    graph_to_network,
    store_network,
    write_network,
)

IRIS = Iris()
BAR_NODES, BAR_SECONDS = 5000, 3.0
SEARCH = """(text) => new Promise((done) => {
    const box = document.getElementById('pg-search');
    const began = performance.now();
    window.pressgraph.network.once('afterDrawing', () => done(performance.now() - began));
    box.value = text;
    box.dispatchEvent(new Event('input'));
    window.pressgraph.network.redraw();
})"""


def synthetic(nodes: int, seed: int = 7) -> Graph:
    """A graph of about `nodes` drawn nodes: 10% articles, 35% people, 25% organizations,
    30% claims; each article mentions 8 agents, each person holds one position."""
    import random

    rng = random.Random(seed)
    graph = Graph()
    articles = [IRIS.doc(f"a{i}") for i in range(nodes // 10)]
    people = [IRIS.person(f"p{i}") for i in range(nodes * 35 // 100)]
    orgs = [IRIS.org(f"o{i}") for i in range(nodes // 4)]
    for i, article in enumerate(articles):
        graph.add((article, RDF.type, SCHEMA.Article))
        graph.add((article, SCHEMA.headline, Literal(f"Headline number {i}")))
        graph.add((article, NIF.isString, Literal("Someone said something. " * 20)))
        for agent in rng.sample(people, 5) + rng.sample(orgs, 3):
            graph.add((article, SCHEMA.mentions, agent))
    for i, person in enumerate(people):
        graph.add((person, RDF.type, SCHEMA.Person))
        graph.add((person, SCHEMA.name, Literal(f"Person {i}")))
        _position(graph, person, rng.choice(orgs), rng.choice(articles), i)
    for i, org in enumerate(orgs):
        graph.add((org, RDF.type, SCHEMA.Organization))
        graph.add((org, SCHEMA.name, Literal(f"Organization {i}")))
    for i in range(nodes * 3 // 10):
        _claim(graph, i, rng.choice(people + orgs), rng.choice(articles))
    return graph


def _span(graph: Graph, article: URIRef, begin: int, end: int) -> URIRef:
    """An evidence span of a synthetic article."""
    span = IRIS.span(str(article).rsplit("/", 1)[-1], begin, end)
    graph.add((span, NIF.referenceContext, article))
    graph.add((span, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    graph.add((span, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((span, NIF.anchorOf, Literal("Someone said something."[:end - begin])))
    return span


def _position(graph: Graph, person: URIRef, org: URIRef, article: URIRef, i: int) -> None:
    """A membership with a role, a title, a confidence and its evidence."""
    membership = IRIS.membership(str(person).rsplit("/", 1)[-1], str(org).rsplit("/", 1)[-1])
    graph.add((membership, RDF.type, ORG.Membership))
    graph.add((membership, ORG.member, person))
    graph.add((membership, ORG.organization, org))
    graph.add((membership, ORG.role, IRIS.role(("CEO", "CMO", "CIO", "CFO")[i % 4])))
    graph.add((membership, SCHEMA.roleName, Literal("chief officer")))
    graph.add((membership, PG.confidence, Literal("0.8", datatype=XSD.decimal)))
    graph.add((membership, PROV.wasDerivedFrom, _span(graph, article, 0, 7)))


def _claim(graph: Graph, i: int, author: URIRef, article: URIRef) -> None:
    """A claim with its kind, claimant, article, confidence and evidence."""
    claim = IRIS.claim("Statistic", f"claim {i}", str(author))
    graph.add((claim, RDF.type, SCHEMA.Claim))
    graph.add((claim, SCHEMA.text, Literal(f"Claim number {i} says that sales grew.")))
    graph.add((claim, DCTERMS.type, IRIS.claim_kind(("Statistic", "Prediction")[i % 2])))
    graph.add((claim, SCHEMA.author, author))
    graph.add((claim, SCHEMA.appearance, article))
    graph.add((claim, PG.confidence, Literal("0.7", datatype=XSD.decimal)))
    graph.add((claim, PROV.wasDerivedFrom, _span(graph, article, 0, 22)))


def interactive(html: Path) -> tuple[float, float]:
    """Seconds from navigation until the page is interactive, and ms of one search."""
    from browser import open_view

    start = time.perf_counter()
    with open_view(html) as (page, log):
        ready = time.perf_counter() - start
        search = page.evaluate(SEARCH, "person 1")
        if log.external_requests() or log.errors:
            raise SystemExit(f"{html}: {log.external_requests()} {log.errors}")
    return ready, search


def measure(nodes: int, folder: Path) -> dict:
    """Every figure for one synthetic graph size."""
    graph = synthetic(nodes)
    with cyclic_gc_paused():  # as write_view and the build do
        start = time.perf_counter()
        network = graph_to_network(graph)
        built = time.perf_counter()
        html = write_network(network, folder / f"view-{nodes}.html", f"{nodes} nodes", MAX_NODES)
        written = time.perf_counter()
    ready, search = interactive(html)
    return {"graph": "synthetic", "nodes": network.number_of_nodes(),
            "edges": network.number_of_edges(),
            "drawn": min(network.number_of_nodes(), MAX_NODES),
            "network": built - start, "page": written - built,
            "mb": html.stat().st_size / 1e6, "ready": ready, "search": search}


def measure_store(store: Path, name: str, folder: Path) -> dict:
    """Every figure for a built store, drawn as `pressgraph build` draws it (measured first,
    so that the peak memory is this step's)."""
    import pyoxigraph as ox

    opened = ox.Store.read_only(str(store))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with cyclic_gc_paused():  # as write_store_view and the build do
        start = time.perf_counter()
        network = store_network(opened, spans=False)
        built = time.perf_counter()
        html = write_network(network, folder / "view-store.html", name, MAX_NODES)
        written = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ready, search = interactive(html)
    return {"graph": name, "nodes": network.number_of_nodes(),
            "edges": network.number_of_edges(),
            "drawn": min(network.number_of_nodes(), MAX_NODES),
            "network": built - start, "page": written - built,
            "mb": html.stat().st_size / 1e6, "ready": ready, "search": search,
            "peak_mb": peak / 1024, "before_mb": before / 1024}


def table(rows: list[dict]) -> str:
    """The figures as a Markdown table, with the bar checked."""
    lines = ["| graph | nodes | edges | drawn at first | RDF -> network (s) "
             "| page written (s) | generation (s) | HTML (MB) | interactive in Chromium (s) "
             "| one search (ms) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['graph']} | {r['nodes']:,} | {r['edges']:,} | {r['drawn']:,} "
                     f"| {r['network']:.2f} | {r['page']:.2f} | {r['network'] + r['page']:.2f} "
                     f"| {r['mb']:.1f} | {r['ready']:.2f} | {r['search']:.0f} |")
    for r in rows:
        if "peak_mb" in r:
            lines.append(f"\n{r['graph']}: read from the store with SPARQL (`store_network`), "
                         f"peak memory {r['peak_mb']:.0f} MB (the process held "
                         f"{r['before_mb']:.0f} MB before).")
    bar = [r for r in rows if r["graph"] == "synthetic"
           and abs(r["nodes"] - BAR_NODES) <= BAR_NODES // 10]
    if bar:
        verdict = "met" if all(r["ready"] <= BAR_SECONDS for r in bar) else "NOT met"
        lines.append(f"\nBar: a {BAR_NODES:,}-node view interactive in {BAR_SECONDS:.0f} s or "
                     f"less: {verdict}.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="Node counts, comma-separated.")
    parser.add_argument("--no-write", action="store_true", help="Do not write the docs page.")
    parser.add_argument("--store", type=Path, help="Also measure a built store (a real corpus).")
    parser.add_argument("--name", default="store", help="The name of that store in the table.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pressgraph-view-bench-") as tmp:
        real = [] if args.store is None else [measure_store(args.store, args.name, Path(tmp))]
        rows = [measure(int(size), Path(tmp)) for size in args.sizes.split(",") if size] + real
    load = os.getloadavg()[0]
    machine = (f"{platform.machine()} ({os.cpu_count()} cores, load average {load:.1f} at the "
               f"end: the figures vary with it), Python {platform.python_version()}")
    text = (f"# View benchmark\n\n`python bench/view.py` on {machine}; headless Debian Chromium. "
            f"Graphs are synthetic, in the model's shape; above [view] max_nodes = {MAX_NODES} "
            "the page starts with the top nodes by degree, and above 300 drawn nodes the "
            "positions are computed in Python (the browser does not simulate). Generation = "
            "network + page; the synthetic graphs are read from rdflib graphs "
            "(`graph_to_network`), a store with SPARQL (`store_network`, see "
            "[view-store.md](view-store.md)).\n\n"
            + table(rows))
    print(text)
    if not args.no_write:
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "view-benchmark.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
