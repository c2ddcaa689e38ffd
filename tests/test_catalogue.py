"""The query catalogue: its files, name resolution, and each query's rows on the fixture."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest

from pressgraph.errors import PressgraphError
from pressgraph.stages.catalogue import list_queries, query_dir, resolve_query
from pressgraph.stages.store import load_store, open_store, run_query

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
ALPHA, COPY, BETA = "fixture/alpha.txt", "fixture/alpha-copy.txt", "fixture/beta.txt"
JANE_TITLE = "executive vice president and chief marketing officer"
JANE_SPAN = "Jane Roe, executive vice president and chief marketing officer of Acme Corp"
BOB_SPAN = "Bob Stone, CIO of Acme Corp"
ACME_STAT = "An Acme Corp survey found 10 percent of marketers collaborate with IT on budgets."
GARTNER_2017 = "Gartner predicted CMOs will outspend CIOs on technology by 2017."
GARTNER_STAT = "Gartner found 45 percent of CIOs report to the CEO."
LEE_2020 = "Lee predicted that half of firms will hire a CINO by 2020."
REQUIRED = {"cmo-roles", "claims-by-source", "organizations-in-several-articles",
            "marketing-it-statistics", "quotes", "predictions-with-year", "co-mentions"}


class AnyOrder:
    """A GROUP_CONCAT cell: these items joined by `sep`, in any order."""

    def __init__(self, sep: str, *items: str) -> None:
        self.sep, self.items = sep, sorted(items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and sorted(other.split(self.sep)) == self.items

    def __repr__(self) -> str:
        return f"AnyOrder({self.sep!r}, {', '.join(map(repr, self.items))})"


BOTH_COPIES = AnyOrder(" | ", ALPHA, COPY)

# What each query must return on tests/data/fixture.trig, in its ORDER BY order. Reasoning:
# alpha and alpha-copy are one story told twice; beta is another. Jane Roe (EVP + CMO), Sara Kim
# (CMO) and Tom Ash ("head of marketing", role HEAD) are marketing chiefs; Bob Stone (CIO) and
# Mark Lee (CINO) are not. Only the Acme Corp statistic has a number and names both marketing
# and IT; the 45 percent one is IT only, the 30 percent one marketing only. Lee's second
# prediction names no year. Initech is only in the duplicate pair, Globex only in beta.
EXPECTED = {
    "articles-overview": [
        (COPY, "Marketing and IT Must Align (reprint)", "2013-04-04", "Ann Writer", "2", "3", "3"),
        (ALPHA, "Marketing and IT Must Align", "2013-04-04", "Ann Writer", "2", "3", "3"),
        (BETA, "Innovation Chiefs Rise", None, None, "3", "3", "5"),
    ],
    "claim-evidence": [
        (COPY, "quote", "Jane Roe", "said", "0.7", "rule:cue-verb", "155",
         "We cannot win without our CIO,"),
        (COPY, "prediction", "Gartner", "predicted", "0.7", "rule:cue-verb", "197", GARTNER_2017),
        (COPY, "statistic", "Acme Corp", "found", "0.7", "rule:cue-verb", "262", ACME_STAT),
        (ALPHA, "quote", "Jane Roe", "said", "0.7", "rule:cue-verb", "145",
         "We cannot win without our CIO,"),
        (ALPHA, "prediction", "Gartner", "predicted", "0.7", "rule:cue-verb", "187", GARTNER_2017),
        (ALPHA, "statistic", "Acme Corp", "found", "0.7", "rule:cue-verb", "252", ACME_STAT),
        (BETA, "statistic", "Gartner", "found", "0.7", "rule:cue-verb", "97",
         "Gartner found 45 percent of CIOs report to the\nCEO."),
        (BETA, "quote", "Sara Kim", "said", "0.7", "rule:cue-verb", "181", "Data is our product."),
        (BETA, "statistic", "Globex", "said", "0.7", "rule:cue-verb", "252",
         "Globex said 30 percent of its marketing budget goes to events."),
        (BETA, "prediction", "Mark Lee", "predicted", "0.7", "rule:cue-verb", "315", LEE_2020),
        (BETA, "prediction", "Mark Lee", "predicted", "0.7", "rule:cue-verb", "374",
         "Lee also predicted that marketing and IT teams will merge."),
    ],
    "claims-by-source": [
        ("Gartner", "prediction", GARTNER_2017, BOTH_COPIES),
        ("Gartner", "statistic", GARTNER_STAT, BETA),
    ],
    "claims-per-article": [
        (COPY, "prediction", "1"), (COPY, "quote", "1"), (COPY, "statistic", "1"),
        (ALPHA, "prediction", "1"), (ALPHA, "quote", "1"), (ALPHA, "statistic", "1"),
        (BETA, "prediction", "2"), (BETA, "quote", "1"), (BETA, "statistic", "2"),
    ],
    "cmo-roles": [
        ("Jane Roe", JANE_TITLE, "Acme Corp", AnyOrder(" ", "EVP", "CMO"), COPY, JANE_SPAN),
        ("Jane Roe", JANE_TITLE, "Acme Corp", AnyOrder(" ", "EVP", "CMO"), ALPHA, JANE_SPAN),
        ("Sara Kim", "CMO", "Globex", "CMO", BETA, "Sara Kim, CMO of Globex"),
        ("Tom Ash", "head of marketing", "Acme Corp", "HEAD", BETA,
         "Tom Ash, head of marketing at Acme Corp"),
    ],
    "duplicate-articles": [
        (ALPHA, COPY, "Marketing and IT Must Align", "Marketing and IT Must Align (reprint)"),
    ],
    "marketing-it-statistics": [
        (ACME_STAT, "10", "percent", "marketers who collaborate with IT", "Acme Corp", "statistic",
         BOTH_COPIES),
    ],
    "organizations-in-several-articles": [
        ("Acme Corp", "2", AnyOrder(" | ", ALPHA, COPY, BETA)),
        ("Gartner", "2", AnyOrder(" | ", ALPHA, COPY, BETA)),
    ],
    "position-evidence": [
        ("Bob Stone", "CIO", "Acme Corp", COPY, "344", "371", BOB_SPAN, "0.8"),
        ("Bob Stone", "CIO", "Acme Corp", ALPHA, "334", "361", BOB_SPAN, "0.8"),
        ("Jane Roe", JANE_TITLE, "Acme Corp", COPY, "53", "128", JANE_SPAN, "0.8"),
        ("Jane Roe", JANE_TITLE, "Acme Corp", ALPHA, "43", "118", JANE_SPAN, "0.8"),
        ("Mark Lee", "chief innovation officer", "Globex", BETA, "24", "68",
         "Mark Lee, chief innovation officer at Globex", "0.8"),
        ("Sara Kim", "CMO", "Globex", BETA, "149", "172", "Sara Kim, CMO of Globex", "0.8"),
        ("Tom Ash", "head of marketing", "Acme Corp", BETA, "203", "242",
         "Tom Ash, head of marketing at Acme Corp", "0.8"),
    ],
    "positions-by-person": [
        ("Bob Stone", "CIO", "Acme Corp", "CIO", BOTH_COPIES),
        ("Jane Roe", JANE_TITLE, "Acme Corp", AnyOrder(" ", "EVP", "CMO"), BOTH_COPIES),
        ("Mark Lee", "chief innovation officer", "Globex", "CINO", BETA),
        ("Sara Kim", "CMO", "Globex", "CMO", BETA),
        ("Tom Ash", "head of marketing", "Acme Corp", "HEAD", BETA),
    ],
    "predictions-with-year": [
        ("2017", GARTNER_2017, "Gartner", BOTH_COPIES),
        ("2020", LEE_2020, "Mark Lee", BETA),
    ],
    "quotes": [
        ("Jane Roe", f"{JANE_TITLE}, Acme Corp", "We cannot win without our CIO,", BOTH_COPIES),
        ("Sara Kim", "CMO, Globex", "Data is our product.", BETA),
    ],
}
MENTIONED = {  # who each story names (schema:mentions); the copy of alpha names the same
    "alpha": ("Jane Roe", "Acme Corp", "Gartner", "Bob Stone", "Initech"),
    "beta": ("Mark Lee", "Globex", "Acme Corp", "Gartner", "Sara Kim", "Tom Ash"),
}


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory):
    """The fixture graph loaded into a store, opened read-only."""
    directory = tmp_path_factory.mktemp("catalogue") / "store"
    load_store(FIXTURE, directory)
    return open_store(directory)


def test_catalogue_lists_named_questions_with_their_first_comment_line() -> None:
    listed = list_queries()
    names = [name for name, _ in listed]
    assert names == sorted(names) and len(names) >= 10 and REQUIRED <= set(names)
    for name, description in listed:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        first = (query_dir() / f"{name}.rq").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# {description}" and len(description) > 20


def test_every_catalogue_query_has_expected_rows_here() -> None:
    assert {name for name, _ in list_queries()} == set(EXPECTED) | {"co-mentions"}


@pytest.mark.parametrize("name", sorted(name for name, _ in list_queries()))
def test_query_declares_prefixes_and_names_no_graph(name: str) -> None:
    """GRAPH ?var (join inside one article's graph) is fine; a fixed graph IRI is not: the
    query must answer on any store holding the article graphs, whatever their IRIs."""
    text = resolve_query(name)
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert re.search(r"^PREFIX \w+: <", code, re.MULTILINE)
    assert not re.search(r"\bGRAPH\s+(?!\?)", code, re.IGNORECASE)
    assert not re.search(r"\b(FROM|SERVICE)\b", code, re.IGNORECASE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_returns_the_expected_rows(fixture_store, name: str) -> None:
    assert run_query(fixture_store, resolve_query(name)).rows() == EXPECTED[name]


def test_co_mentions_count_each_story_once(fixture_store) -> None:
    result = run_query(fixture_store, resolve_query("co-mentions"))
    assert result.variables == ["first", "second", "articles"]
    got = Counter({frozenset((a, b)): int(n) for a, b, n in result.rows()})
    expected = Counter(frozenset(pair) for names in MENTIONED.values()
                       for pair in combinations(names, 2))
    assert got == expected
    assert got[frozenset(("Acme Corp", "Gartner"))] == 2 and len(got) == 24
    counts = [int(n) for _, _, n in result.rows()]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(("title", "is_cmo_type"), [
    ("Chief Marketing Officer", True), ("EVP and CMO", True), ("VP Marketing", True),
    ("SVP, Marketing", True), ("vice-president (VP) of marketing for the Americas", True),
    ("head of global marketing", True), ("marketing director", True),
    ("CIO", False), ("chief innovation officer", False), ("director of engineering", False),
    ("marketing technologist", False), ("head of sales", False),
])
def test_cmo_roles_recognise_marketing_chiefs_by_title(title: str, is_cmo_type: bool) -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:p"), ox.NamedNode("https://schema.org/name"),
                      ox.Literal("P"), ox.NamedNode("urn:g")))
    store.load(input=f"""@prefix org: <http://www.w3.org/ns/org#> .
        <urn:g> {{ <urn:m> a org:Membership ; org:member <urn:p> ;
                   <https://schema.org/roleName> "{title}" . }}""", format=ox.RdfFormat.TRIG)
    rows = run_query(store, resolve_query("cmo-roles")).rows()
    assert [row[:2] for row in rows] == ([("P", title)] if is_cmo_type else [])


def test_claims_by_source_term_can_be_changed(fixture_store) -> None:
    text = resolve_query("claims-by-source").replace('VALUES ?term { "Gartner" }',
                                                     'VALUES ?term { "globex" }')
    rows = run_query(fixture_store, text).rows()
    assert [(row[0], row[2]) for row in rows] == [
        ("Globex", "Globex said 30 percent of its marketing budget goes to events.")]


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s ?p ?o }",
    "# people\nPREFIX schema: <https://schema.org/>\nSELECT ?n WHERE { ?p schema:name ?n }",
    "ask {}",
])
def test_sparql_text_is_returned_as_is(text: str) -> None:
    assert resolve_query(text) == text


def test_a_query_file_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.sparql"
    path.write_text("ASK { ?s ?p ?o }\n", encoding="utf-8")
    assert resolve_query(str(path)) == "ASK { ?s ?p ?o }\n"


def test_a_catalogue_name_is_read_with_or_without_extension() -> None:
    text = (query_dir() / "cmo-roles.rq").read_text(encoding="utf-8")
    assert resolve_query("cmo-roles") == text == resolve_query("cmo-roles.rq")


@pytest.mark.parametrize("arg", ["no-such-question", "missing/file.rq", "../cmo-roles"])
def test_an_unknown_name_is_one_line_kg010(arg: str) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG010\] ") as err:
        resolve_query(arg)
    assert arg in str(err.value) and "\n" not in str(err.value)
