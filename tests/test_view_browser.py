"""The view page in headless Chromium: counts, legend, search, filters, panel, no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from browser import click_node, node_point, open_view, screenshot
from pressgraph.namespace import SCHEMA
from pressgraph.stages.visualise import write_view
from view_data import (
    ACME,
    ARTICLE_1,
    ARTICLE_2,
    GLOBEX,
    HOSTILE,
    IRIS,
    JANE,
    MALLORY,
    QUOTE,
    QUOTE_CLAIM,
    STAT_CLAIM,
    view_dataset,
)

pytestmark = pytest.mark.browser

STATES = "() => Object.fromEntries(window.pressgraph.nodes.get().map(n => [n.id, n.pgState]))"
HIDDEN = "() => Object.fromEntries(window.pressgraph.nodes.get().map(n => [n.id, !!n.hidden]))"


@pytest.fixture(scope="module")
def view_path(tmp_path_factory):
    return write_view(view_dataset(), tmp_path_factory.mktemp("view") / "view.html", "Test view")


@pytest.fixture
def view(view_path):
    with open_view(view_path) as (page, log):
        yield page, log
        assert log.external_requests() == []
        assert log.dialogs == []
        assert log.errors == []
        assert page.evaluate("document.querySelectorAll('img').length") == 0


def test_counts_legend_and_physics(view):
    page, _ = view
    assert page.inner_text("#pg-status") == "8 of 8 nodes shown"
    legend = page.eval_on_selector_all(
        ".pg-legend-nodes li", "items => items.map(li => li.textContent.trim())")
    assert legend == ["Article 2", "Person 2", "Organization 2", "Claim 2"]
    assert page.inner_text("#pg-physics") == "Physics: off"
    assert page.evaluate("window.pressgraph.network.physics.physicsEnabled") is False
    page.click("#pg-physics")
    assert page.inner_text("#pg-physics") == "Physics: on"
    assert page.evaluate("window.pressgraph.network.physics.physicsEnabled") is True


def test_search_highlights_the_match_and_its_neighbours(view):
    page, _ = view
    page.fill("#pg-search", "roe")
    states = page.evaluate(STATES)
    assert states[str(JANE)] == "match"
    assert {n for n, s in states.items() if s == "neighbour"} == {
        str(ACME), str(ARTICLE_1), str(ARTICLE_2), str(QUOTE_CLAIM)}
    assert {n for n, s in states.items() if s == "dim"} == {
        str(MALLORY), str(GLOBEX), str(STAT_CLAIM)}
    assert "1 match(es), 4 neighbour(s)" in page.inner_text("#pg-status")
    page.fill("#pg-search", "")
    assert set(page.evaluate(STATES).values()) == {""}


def test_filter_to_people_only(view):
    page, _ = view
    page.select_option("#pg-filter-type", "person")
    assert page.inner_text("#pg-status") == "2 of 8 nodes shown"
    shown = {n for n, hidden in page.evaluate(HIDDEN).items() if not hidden}
    assert shown == {str(JANE), str(MALLORY)}
    page.click("#pg-reset")
    assert page.inner_text("#pg-status") == "8 of 8 nodes shown"


def test_filter_by_article_and_claim_kind(view):
    page, _ = view
    page.select_option("#pg-filter-kind", "statistic")
    shown = {n for n, hidden in page.evaluate(HIDDEN).items() if not hidden}
    assert str(QUOTE_CLAIM) not in shown and str(STAT_CLAIM) in shown
    page.select_option("#pg-filter-kind", "")
    page.select_option("#pg-filter-article", str(ARTICLE_1))
    shown = {n for n, hidden in page.evaluate(HIDDEN).items() if not hidden}
    assert shown == {str(ARTICLE_1), str(JANE), str(MALLORY), str(ACME), str(QUOTE_CLAIM)}


def test_clicking_a_claim_shows_its_evidence(view):
    page, _ = view
    click_node(page, str(QUOTE_CLAIM))
    panel = page.locator("#pg-details")
    assert panel.get_attribute("data-node") == str(QUOTE_CLAIM)
    assert page.inner_text("#pg-details blockquote.pg-evidence mark") == QUOTE
    text = panel.inner_text()
    assert "Jane Roe" in text and "quote" in text and "0.9" in text
    assert "Roe said." in text


def test_hostile_name_shows_as_text(view):
    page, log = view
    point = node_point(page, str(MALLORY))
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
    assert page.inner_text(".vis-tooltip") == f"Person: {HOSTILE}"
    click_node(page, str(MALLORY))
    assert page.inner_text("#pg-details h2") == HOSTILE
    assert HOSTILE in page.inner_text("#pg-details")
    assert log.dialogs == []


def test_screenshot_helper_writes_a_png(view_path, tmp_path):
    png = screenshot(view_path, tmp_path / "view.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_role_filter_keeps_people_and_organizations_with_those_roles(view):
    page, _ = view
    page.click("#pg-filter-role summary")
    page.check("#pg-filter-role input[value='CMO']")
    shown = {n for n, hidden in page.evaluate(HIDDEN).items() if not hidden}
    assert str(MALLORY) not in shown and {str(JANE), str(ACME)} <= shown
    assert str(GLOBEX) not in shown and str(ARTICLE_1) in shown
    page.check("#pg-filter-role input[value='DIRECTOR']")
    assert str(MALLORY) in {n for n, hidden in page.evaluate(HIDDEN).items() if not hidden}


def test_minimum_confidence_hides_claims_and_positions_below_it(view):
    page, _ = view
    page.fill("#pg-filter-confidence", "0.85")  # claims are 0.9, positions 0.8
    assert page.inner_text("#pg-confidence-value") == "0.85"
    assert page.inner_text("#pg-status") == "8 of 8 nodes shown"
    hidden_edges = page.evaluate(
        "() => window.pressgraph.edges.get().filter(e => e.hidden).map(e => e.relation)")
    assert sorted(hidden_edges) == ["holds position at", "holds position at"]
    page.fill("#pg-filter-confidence", "0.95")
    assert page.inner_text("#pg-status") == "6 of 8 nodes shown"
    assert {n for n, hidden in page.evaluate(HIDDEN).items() if hidden} == {
        str(QUOTE_CLAIM), str(STAT_CLAIM)}


def test_search_neighbourhood_of_two_hops(view):
    page, _ = view
    page.select_option("#pg-hops", "2")
    page.fill("#pg-search", "globex")
    states = page.evaluate(STATES)
    assert states[str(GLOBEX)] == "match"
    assert {n for n, s in states.items() if s == "dim"} == {str(MALLORY)}  # 3 hops: via article 1
    page.select_option("#pg-hops", "3")
    assert "dim" not in page.evaluate(STATES).values()
    page.select_option("#pg-hops", "1")
    assert {n for n, s in page.evaluate(STATES).items() if s == "neighbour"} == {
        str(ARTICLE_2), str(STAT_CLAIM)}


def test_size_and_colour_follow_the_analytics_toggles(view):
    page, _ = view
    look = """() => Object.fromEntries(window.pressgraph.nodes.get().map(
        n => [n.id, [n.size, typeof n.color === 'string' ? n.color : n.color.background]]))"""
    before = page.evaluate(look)
    nodes = page.evaluate("() => window.pressgraph.nodes.get()")
    page.select_option("#pg-size", "betweenness")
    page.select_option("#pg-colour", "community")
    after = page.evaluate(look)
    for node in nodes:
        assert before[node["id"]] == [node["sizes"]["degree"], node["colours"]["type"]]
        assert after[node["id"]] == [node["sizes"]["betweenness"], node["colours"]["community"]]
    assert len({colour for _, colour in after.values()}) >= 2
    click_node(page, str(ACME))
    assert "Betweenness" in page.inner_text("#pg-details")


def test_aggregated_view_says_so_and_finds_the_rest_by_search(tmp_path):
    path = write_view(view_dataset(), tmp_path / "big.html", "Big", max_nodes=3)
    with open_view(path) as (page, log):
        assert "top 3 of 8 nodes" in page.inner_text("#pg-aggregate")
        assert page.inner_text("#pg-status") == "3 of 3 nodes shown"
        page.fill("#pg-search", "globex")
        button = page.locator(f"#pg-more-list button[data-node='{GLOBEX}']")
        assert button.inner_text() == "Globex Research (Organization)"
        button.click()
        assert page.get_attribute("#pg-details", "data-node") == str(GLOBEX)
        assert page.evaluate(f"() => !!window.pressgraph.nodes.get('{GLOBEX}')")
        page.fill("#pg-search", "")
        assert page.inner_text("#pg-status") == "4 of 4 nodes shown"
        click_node(page, str(ACME))
        page.click("#pg-details .pg-expand")
        assert page.inner_text("#pg-status") == "6 of 6 nodes shown"  # + Jane and Mallory
        assert log.external_requests() == [] and log.dialogs == [] and log.errors == []


def test_precomputed_layout_is_drawn_without_physics(tmp_path, monkeypatch):
    from pressgraph.stages import view_large

    monkeypatch.setattr(view_large, "PRECOMPUTE_ABOVE", 4)
    path = write_view(view_dataset(), tmp_path / "fixed.html", "Fixed")
    with open_view(path) as (page, log):
        assert page.evaluate("window.pressgraph.network.physics.physicsEnabled") is False
        assert page.inner_text("#pg-physics") == "Physics: off"
        nodes = page.evaluate("() => window.pressgraph.nodes.get()")
        drawn = page.evaluate("() => window.pressgraph.network.getPositions()")
        for node in nodes:
            assert round(drawn[node["id"]]["x"]) == node["x"]
        assert log.errors == []


@pytest.mark.parametrize(("kind", "count"), [("comention", 2), ("people-orgs", 3)])
def test_other_kinds_open(tmp_path, kind, count):
    path = write_view(view_dataset(), tmp_path / f"{kind}.html", kind, kind=kind)
    with open_view(path) as (page, log):
        assert page.inner_text("#pg-status") == f"{count} of {count} nodes shown"
        assert log.external_requests() == [] and log.errors == []


def test_duplicate_cluster_filter_keeps_the_copies_and_what_they_hold(tmp_path):
    dataset = view_dataset()  # articles 1 and 2 are copies of one story (prov:alternateOf)
    other, initech = IRIS.doc("a3"), IRIS.org("initech")
    graph = dataset.graph(other)
    graph.add((other, RDF.type, SCHEMA.Article))
    graph.add((other, SCHEMA.headline, Literal("Initech opens an office")))
    graph.add((initech, RDF.type, SCHEMA.Organization))
    graph.add((initech, SCHEMA.name, Literal("Initech")))
    graph.add((other, SCHEMA.mentions, initech))
    path = write_view(dataset, tmp_path / "clusters.html", "Clusters")
    with open_view(path) as (page, log):
        choices = page.eval_on_selector_all(
            "#pg-filter-article optgroup[label='Duplicate clusters'] option",
            "options => options.map(o => [o.value, o.textContent])")
        assert choices == [["cluster:1", "Acme names a new CMO (2 copies)"]]
        page.select_option("#pg-filter-article", "cluster:1")
        assert page.inner_text("#pg-status") == "8 of 10 nodes shown"
        hidden = {n for n, gone in page.evaluate(HIDDEN).items() if gone}
        assert hidden == {str(other), str(initech)}
        page.select_option("#pg-filter-article", str(other))
        shown = {n for n, gone in page.evaluate(HIDDEN).items() if not gone}
        assert shown == {str(other), str(initech)}
        page.select_option("#pg-filter-article", str(ARTICLE_2))
        shown = {n for n, gone in page.evaluate(HIDDEN).items() if not gone}
        assert str(MALLORY) not in shown and {str(GLOBEX), str(JANE)} <= shown
        assert log.external_requests() == [] and log.dialogs == [] and log.errors == []


NODE_KEYS = ("shape", "title", "ptype", "kind", "names", "roles", "articles", "confidence",
             "degree", "label")
EDGE_KEYS = ("color", "width", "dashes", "arrows", "title", "label", "relation", "confidence")
ALL_NODES = "() => window.pressgraph.nodes.get()"
ALL_EDGES = "() => window.pressgraph.edges.get()"


def test_revealed_nodes_and_edges_look_like_drawn_ones(tmp_path):
    full = write_view(view_dataset(), tmp_path / "full.html", "Full")
    small = write_view(view_dataset(), tmp_path / "small.html", "Small", max_nodes=3)
    with open_view(full) as (page, _):
        nodes = {n["id"]: n for n in page.evaluate(ALL_NODES)}
        edges = {(e["from"], e["to"], e["relation"]): e for e in page.evaluate(ALL_EDGES)}
    with open_view(small) as (page, log):
        hidden = page.evaluate("() => Object.keys(window.pressgraph.more.nodes)")
        page.evaluate("(ids) => window.pressgraph.reveal(ids)", hidden)
        revealed = {n["id"]: n for n in page.evaluate(ALL_NODES)}
        later = {(e["from"], e["to"], e["relation"]): e for e in page.evaluate(ALL_EDGES)
                 if e["id"].startswith("m")}
        assert log.errors == []
    assert len(hidden) == 5 and set(revealed) == set(nodes)
    for node in hidden:
        for key in NODE_KEYS:
            assert revealed[node][key] == nodes[node][key], (node, key)
        assert revealed[node]["sizes"]["degree"] == nodes[node]["sizes"]["degree"]
        assert revealed[node]["colours"]["type"] == nodes[node]["colours"]["type"]
        assert revealed[node]["font"]["size"] == nodes[node]["font"]["size"]
    assert later and set(later) <= set(edges)
    for key, edge in later.items():
        for field in EDGE_KEYS:
            assert edge.get(field) == edges[key].get(field), (key, field)


def test_readme_screenshot_shows_a_claim_and_its_evidence(tmp_path):
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "screenshot.py"
    spec = importlib.util.spec_from_file_location("screenshot_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page_path = write_view(view_dataset(), tmp_path / "view.html", "Screenshot")
    png = tmp_path / "docs" / "view.png"
    assert module.main([str(page_path), str(png)]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 300_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 860)
    with open_view(page_path) as (page, _):  # what the script clicks: the first claim
        first = page.evaluate(
            "() => window.pressgraph.nodes.get().filter(n => n.ptype === 'claim')[0].id")
        click_node(page, first)
        assert page.locator("#pg-details blockquote.pg-evidence mark").count() >= 1


def test_hostile_name_in_search_results_and_evidence_stays_text(tmp_path):
    path = write_view(view_dataset(), tmp_path / "hostile.html", "Hostile", max_nodes=3)
    with open_view(path) as (page, log):
        assert str(MALLORY) in page.evaluate("() => Object.keys(window.pressgraph.more.nodes)")
        page.fill("#pg-search", "onerror")
        button = page.locator(f"#pg-more-list button[data-node='{MALLORY}']")
        assert button.inner_text() == f"{HOSTILE} (Person)"
        button.click()
        assert page.inner_text("#pg-details h2") == HOSTILE
        marks = page.eval_on_selector_all("#pg-details mark", "ms => ms.map(m => m.textContent)")
        assert f"Board member {HOSTILE}" in marks  # the position's evidence span
        point = node_point(page, str(MALLORY))
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector(".vis-tooltip", state="visible", timeout=5_000)
        assert page.inner_text(".vis-tooltip") == f"Person: {HOSTILE}"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert log.dialogs == [] and log.errors == [] and log.external_requests() == []


def test_panel_links_to_the_neighbours_drawn_or_not(tmp_path):
    path = write_view(view_dataset(), tmp_path / "links.html", "Links", max_nodes=3)
    with open_view(path) as (page, log):
        drawn = set(page.evaluate("() => window.pressgraph.nodes.getIds()"))
        assert str(ACME) in drawn and str(MALLORY) not in drawn
        click_node(page, str(ACME))
        links = page.eval_on_selector_all(
            "#pg-details .pg-neighbours button.pg-link",
            "bs => bs.map(b => [b.dataset.node, b.textContent])")
        assert {node for node, _ in links} == {str(ARTICLE_1), str(ARTICLE_2), str(JANE),
                                               str(MALLORY)}
        assert [str(JANE), "Jane Roe (Person, holds position at)"] in links
        assert page.inner_text("#pg-details .pg-neighbours h3") == "Neighbours (4)"
        page.click(f"#pg-details .pg-neighbours button[data-node='{MALLORY}']")
        assert page.get_attribute("#pg-details", "data-node") == str(MALLORY)
        assert page.inner_text("#pg-details h2") == HOSTILE
        assert page.evaluate("() => window.pressgraph.network.getSelectedNodes()") == [
            str(MALLORY)]
        assert str(MALLORY) in page.evaluate("() => window.pressgraph.nodes.getIds()")
        assert log.errors == [] and log.dialogs == [] and log.external_requests() == []


EDGE_POINT = """([source, target, relation]) => {
    const pg = window.pressgraph, net = pg.network;
    const [edge] = pg.edges.get({filter: e => e.from === source && e.to === target
                                          && e.relation === relation});
    const middle = net.body.edges[edge.id].edgeType.getPoint(0.5);  // on the drawn curve
    const dom = net.canvasToDOM(middle);
    const box = document.getElementById('mynetwork').getBoundingClientRect();
    return {id: edge.id, x: box.left + dom.x, y: box.top + dom.y,
            edgeAt: net.getEdgeAt(dom) ?? null, nodeAt: net.getNodeAt(dom) ?? null};
}"""


def click_edge(page, source: str, target: str, relation: str) -> str:
    """Click the middle of an edge on the canvas, as a user would; return the edge's id."""
    point = page.evaluate(EDGE_POINT, [source, target, relation])
    assert point["nodeAt"] is None and point["edgeAt"] == point["id"], point
    page.mouse.click(point["x"], point["y"])
    return point["id"]


def panel_rows(page) -> dict[str, str]:
    """The rows of the side panel, as a dict."""
    return dict(page.eval_on_selector_all(
        "#pg-details .pg-rows dt", "dts => dts.map(dt => [dt.textContent, "
        "dt.nextElementSibling.textContent])"))


def test_clicking_a_position_edge_shows_its_title_evidence_and_ends(view):
    page, _ = view
    edge = click_edge(page, str(JANE), str(ACME), "holds position at")
    panel = page.locator("#pg-details")
    assert panel.get_attribute("data-edge") == edge and panel.get_attribute("data-node") is None
    assert page.inner_text("#pg-details .pg-type") == "HOLDS POSITION AT"  # CSS upper case
    assert page.inner_text("#pg-details h2") == "Jane Roe \u2192 Acme Corp"
    assert panel_rows(page) == {"From": "Jane Roe", "To": "Acme Corp",
                                "Title": "chief marketing officer", "Confidence": "0.80"}
    assert page.inner_text("#pg-details blockquote.pg-evidence mark") == (
        "Jane Roe its chief marketing officer")
    assert "chief marketing officer at Acme Corp (CMO)" in panel.inner_text()
    assert page.locator("#pg-details .pg-iri").count() == 0
    ends = page.eval_on_selector_all("#pg-details .pg-neighbours button.pg-link",
                                     "bs => bs.map(b => b.dataset.node)")
    assert sorted(ends) == sorted([str(ACME), str(JANE)])
    assert page.inner_text("#pg-details .pg-neighbours h3") == "Ends (2)"
    page.click(f"#pg-details .pg-neighbours button[data-node='{ACME}']")
    assert panel.get_attribute("data-node") == str(ACME)
    assert panel.get_attribute("data-edge") is None
    assert page.inner_text("#pg-details h2") == "Acme Corp"


def test_clicking_a_claimed_by_edge_shows_the_claim_evidence(view):
    page, _ = view
    click_edge(page, str(QUOTE_CLAIM), str(JANE), "claimed by")
    assert panel_rows(page)["To"] == "Jane Roe"
    assert page.inner_text("#pg-details blockquote.pg-evidence mark") == QUOTE
    page.mouse.click(5, page.viewport_size["height"] - 5)  # empty canvas: the hint again
    assert page.get_attribute("#pg-details", "data-edge") is None
    assert "Click a node or an edge" in page.inner_text("#pg-details")


def test_edge_of_a_hostile_name_shows_as_text(view):
    page, log = view
    click_edge(page, str(MALLORY), str(ACME), "holds position at")
    assert page.inner_text("#pg-details h2") == f"{HOSTILE} \u2192 Acme Corp"
    assert panel_rows(page)["From"] == HOSTILE
    marks = page.eval_on_selector_all("#pg-details mark", "ms => ms.map(m => m.textContent)")
    assert marks == [f"Board member {HOSTILE}"]
    assert page.evaluate("document.querySelectorAll('#pg-details img').length") == 0
    assert log.dialogs == []
