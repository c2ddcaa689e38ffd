"""The view stage: graph -> network -> one offline, escaped, deterministic HTML page."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

import networkx as nx
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import ORG

from pressgraph.errors import PressgraphError
from pressgraph.namespace import SCHEMA
from pressgraph.stages.view_evidence import CONTEXT, sentence_context
from pressgraph.stages.visualise import (
    focus_network,
    graph_to_network,
    query_to_network,
    render_html,
    write_view,
)
from view_data import (
    ACME,
    ARTICLE_1,
    ARTICLE_2,
    GLOBEX,
    HOSTILE,
    HOSTILE_HEADLINE,
    IRIS,
    JANE,
    MALLORY,
    QUOTE,
    QUOTE_CLAIM,
    STAT,
    STAT_CLAIM,
    TEXT_1,
    view_dataset,
)

RESOURCE_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "formaction",
                  "background", "xlink:href", "manifest", "ping", "lowsrc", "longdesc"}
EMBEDDING_TAGS = {"link", "iframe", "frame", "object", "embed", "base", "img", "audio",
                  "video", "source", "track", "image", "use", "form"}


class PageParser(HTMLParser):
    """Collect tags, resource attributes, and the text of script and style elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.resources: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.meta: list[dict] = []
        self.options: list[str] = []
        self._open: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = {name: value or "" for name, value in attrs}
        self.resources += [(tag, n, v) for n, v in attributes.items() if n in RESOURCE_ATTRS]
        self.styles += [attributes["style"]] if "style" in attributes else []
        self.meta += [attributes] if tag == "meta" else []
        self._open = (tag, attributes)
        if tag == "script":
            self.scripts.append((attributes, ""))

    def handle_data(self, data):
        if self._open and self._open[0] == "script":
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)
        elif self._open and self._open[0] == "style":
            self.styles.append(data)
        elif self._open and self._open[0] == "option":
            self.options.append(data)

    def handle_endtag(self, tag):
        self._open = None


@pytest.fixture(scope="module")
def network():
    return graph_to_network(view_dataset())


@pytest.fixture(scope="module")
def html(network):
    return render_html(network, "Test view")


@pytest.fixture(scope="module")
def page(html):
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def test_network_has_the_drawn_nodes_with_their_types(network):
    types = {node: data["type"] for node, data in network.nodes(data=True)}
    assert types == {
        str(ARTICLE_1): "article", str(ARTICLE_2): "article", str(JANE): "person",
        str(MALLORY): "person", str(ACME): "organization", str(GLOBEX): "organization",
        str(QUOTE_CLAIM): "claim", str(STAT_CLAIM): "claim",
    }
    assert not [n for n in network if "#char=" in n or "/role/" in n or "/membership/" in n]


def test_network_edges_per_relation(network):
    relations = Counter(key for _, _, key in network.edges(keys=True))
    assert relations == {"mentions": 6, "holds position at": 2, "claimed by": 2,
                         "appears in": 3, "alternate of": 1}
    assert network.has_edge(str(QUOTE_CLAIM), str(JANE), "claimed by")
    assert network.has_edge(str(STAT_CLAIM), str(ARTICLE_2), "appears in")


def test_membership_edge_carries_the_title_once(network):
    edges = network.get_edge_data(str(JANE), str(ACME))
    assert list(edges) == ["holds position at"]
    assert edges["holds position at"]["label"] == "chief marketing officer"


def test_node_attributes_for_filters_and_search(network):
    jane = network.nodes[str(JANE)]
    assert jane["names"] == ["J. Roe", "Jane Roe"]
    assert jane["articles"] == sorted([str(ARTICLE_1), str(ARTICLE_2)])
    assert network.nodes[str(STAT_CLAIM)]["kind"] == "statistic"
    assert network.nodes[str(QUOTE_CLAIM)]["kind"] == "quote"
    assert network.nodes[str(GLOBEX)]["articles"] == [str(ARTICLE_2)]


def test_claim_details_hold_the_evidence_in_context(network):
    details = network.nodes[str(QUOTE_CLAIM)]["details"]
    rows = dict(details["rows"])
    assert rows["Text"] == QUOTE
    assert rows["Kind"] == "quote"
    assert rows["Claimant"] == "Jane Roe"
    assert rows["Confidence"] == "0.90"  # two places, as the TriG states it
    assert rows["Quantities"] == "40 percent"
    assert "Acme names a new CMO" in rows["Source"]
    [evidence] = details["sections"][0]["items"][0]["evidence"]
    assert evidence["anchor"] == QUOTE
    assert evidence["before"] + evidence["anchor"] + evidence["after"] in TEXT_1
    assert evidence["after"] == ',"' + " Roe said."


def test_person_details_list_aliases_and_positions_with_evidence(network):
    details = network.nodes[str(JANE)]["details"]
    assert dict(details["rows"])["Aliases"] == "J. Roe"
    positions = next(s for s in details["sections"] if s["heading"] == "Positions")
    [position] = positions["items"]
    assert position["text"].startswith("chief marketing officer at Acme Corp (CMO)")
    assert position["evidence"][0]["anchor"] == "Jane Roe its chief marketing officer"
    assert position["evidence"][0]["before"] == "Acme Corp named "
    assert position["with"] == [str(ACME)]  # the other end, for the edge's panel
    org_positions = next(s for s in network.nodes[str(ACME)]["details"]["sections"]
                         if s["heading"] == "Positions")
    assert sorted(i["with"] for i in org_positions["items"]) == [[str(JANE)], [str(MALLORY)]]


def test_page_loads_no_external_resource(page, html):
    assert not EMBEDDING_TAGS.intersection(page.tags)
    assert page.resources == []
    assert all("src" not in attributes for attributes, _ in page.scripts)
    for css in page.styles:
        assert "@import" not in css
        assert all(url.startswith("data:") for url in
                   re.findall(r"url\(\s*[\"']?([^\"')]*)", css))
    policy = next(m["content"] for m in page.meta
                  if m.get("http-equiv", "").lower() == "content-security-policy")
    assert "default-src 'none'" in policy
    assert "bootstrap" not in html.lower()
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html


def test_page_inlines_vis_network(page):
    assert any("vis.Network" in text or "vis-network" in text for _, text in page.scripts)


def test_hostile_strings_appear_only_escaped(page, html):
    assert "<img" not in html and "<b>bold" not in html
    assert html.count("</script>") == len(page.scripts) == 6  # vis, data, nodes, 3 of ours
    data = next(text for attrs, text in page.scripts if attrs.get("id") == "pg-data")
    details = json.loads(data)["details"]
    assert details[str(MALLORY)]["label"] == HOSTILE
    assert dict(details[str(QUOTE_CLAIM)]["rows"])["Text"] == QUOTE
    assert HOSTILE_HEADLINE in page.options


def test_vis_data_round_trips_the_hostile_labels(page):
    code = next(text for attrs, text in page.scripts if "PG_NODES" in text)
    nodes = json.loads(re.search(r"var PG_NODES = (.*);\n", code).group(1))
    labels = {node["id"]: node["label"] for node in nodes}
    assert labels[str(MALLORY)] == HOSTILE
    assert [node["id"] for node in nodes] == sorted(labels)


def test_render_is_deterministic(html):
    reordered = Dataset()
    for quad in sorted(view_dataset().quads((None, None, None, None)), reverse=True):
        reordered.add(quad)
    assert render_html(graph_to_network(view_dataset()), "Test view") == html
    assert render_html(graph_to_network(reordered), "Test view") == html


def test_title_is_escaped(network):
    html = render_html(network, "<script>alert(1)</script> view")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; view" in html


@pytest.mark.parametrize(("focus", "depth", "expected"), [
    ("Globex Research", 1, {GLOBEX, ARTICLE_2, STAT_CLAIM}),
    (str(GLOBEX), 1, {GLOBEX, ARTICLE_2, STAT_CLAIM}),
    ("globex  research", 0, {GLOBEX}),
    ("J. Roe", 1, {JANE, ACME, ARTICLE_1, ARTICLE_2, QUOTE_CLAIM}),
    ("Globex Research", 2, {GLOBEX, ARTICLE_2, STAT_CLAIM, ARTICLE_1, JANE, ACME, QUOTE_CLAIM}),
])
def test_focus_keeps_the_ego_network(network, focus, depth, expected):
    ego = focus_network(network, focus, depth)
    assert set(ego) == {str(n) for n in expected}
    assert all(ego.has_edge(u, v, k) for u, v, k in network.edges(keys=True)
               if u in ego and v in ego)


def test_unknown_focus_is_a_kg015_error(network):
    with pytest.raises(PressgraphError, match=r"\[KG015\].*'Nobody Here'"):
        focus_network(network, "Nobody Here")


def test_write_view_writes_atomically(tmp_path, html):
    out = write_view(view_dataset(), tmp_path / "views" / "all.html", "Test view")
    assert out.read_text(encoding="utf-8") == html
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.html"]
    focused = write_view(view_dataset(), tmp_path / "globex.html", "Globex",
                         focus="Globex Research")
    assert 'data-nodes="3"' in focused.read_text(encoding="utf-8")
    with pytest.raises(PressgraphError, match="KG015"):
        write_view(view_dataset(), tmp_path / "none.html", "x", focus="Nobody Here")
    assert not (tmp_path / "none.html").exists()


def test_select_result_draws_the_induced_subgraph(network):
    rows = [IRIS.membership("jane-roe", "acme-corp"), QUOTE_CLAIM, Literal("ignored")]
    sub = query_to_network(rows, network)
    assert set(sub) == {str(JANE), str(ACME), str(QUOTE_CLAIM)}
    assert sorted(k for _, _, k in sub.edges(keys=True)) == ["claimed by", "holds position at"]


@pytest.mark.parametrize(("values", "drawn"), [
    (["Jane Roe"], {JANE}),  # a person's name
    (["J. Roe", "Globex  Research"], {JANE, GLOBEX}),  # an alias; spaces collapsed
    ([STAT], {STAT_CLAIM}),  # a claim's text
    (["news/a1.txt", "Acme names a new CMO"], {ARTICLE_1}),  # an article's source, headline
    (["Acme Corp", str(ACME), "chief marketing officer", "jane roe", "40"], {ACME}),
])
def test_select_names_draw_the_nodes_they_name(network, values, drawn):
    sub = query_to_network(values, network)
    assert set(sub) == {str(n) for n in drawn}
    assert sub.number_of_edges() == network.subgraph(set(sub)).number_of_edges()


def test_select_names_and_iris_draw_the_edges_among_their_nodes(network):
    sub = query_to_network(["Jane Roe", str(ACME), QUOTE], network)
    assert set(sub) == {str(JANE), str(ACME), str(QUOTE_CLAIM)}
    assert sorted(k for _, _, k in sub.edges(keys=True)) == ["claimed by", "holds position at"]


def test_construct_result_is_drawn_with_the_same_converter():
    constructed = Graph()
    constructed.add((JANE, SCHEMA.name, Literal("Jane Roe")))
    constructed.add((JANE, ORG.memberOf, ACME))
    constructed.add((ARTICLE_1, SCHEMA.mentions, JANE))
    net = query_to_network(constructed)
    assert {n: d["type"] for n, d in net.nodes(data=True)} == {
        str(JANE): "person", str(ACME): "organization", str(ARTICLE_1): "article"}
    assert net.number_of_edges() == 2
    assert "Jane Roe" in render_html(net, "query")


@pytest.mark.parametrize(("text", "part", "before", "after"), [
    ("One. Two said X here. Three.", "X", "Two said ", " here."),
    ("Start X end", "X", "Start ", " end"),
    ("He left. She said it ends. Next one.", "She said it ends.", "", ""),
    ("Up " + "word " * 60 + "X tail", "X", None, " tail"),
    ("By Ann Lee, director, Acme\nAs the story goes.", "director, Acme", "By Ann Lee, ", ""),
    ("Title\nX starts a line. More.", "X starts", "", " a line."),
])
def test_sentence_context(text, part, before, after):
    begin = text.index(part)
    head, tail = sentence_context(text, begin, begin + len(part))
    assert tail == after
    if before is None:
        assert head.startswith("\u2026") and len(head) <= CONTEXT + 1
        assert text[:begin].endswith(head[1:])
    else:
        assert head == before


def test_empty_network_renders(tmp_path):
    html = render_html(nx.MultiDiGraph(), "Nothing")
    assert 'data-nodes="0"' in html and "var PG_NODES = [];" in html
