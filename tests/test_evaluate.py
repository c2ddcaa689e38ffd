"""`pressgraph evaluate` on a tiny gold set and a hand-made graph (tests/data/evalgold/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.config import load_config
from pressgraph.errors import PressgraphError
from pressgraph.evaluation.gold import load_gold
from pressgraph.evaluation.matching import match
from pressgraph.evaluation.names import same_claim, same_name, same_person
from pressgraph.evaluation.rows import NODE_ORDER, graph_order
from pressgraph.evaluation.run import run_evaluate

DATA = Path(__file__).parent / "data" / "evalgold"
GRAPH = DATA / "graph.trig"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval") / "figures.json"
    run_evaluate(DATA, [], GRAPH, load_config(), json_path=out, quiet=True)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(summary, measure):
    s = summary["scores"][measure]
    return s["precision"], s["recall"]


def test_names_claims_and_surnames_match_as_the_format_says():
    assert same_name("Mr. Ann Roe", "ann roe") and same_name("Harbour Foods", "Harbor Foods")
    assert same_person("Roe", "Ann Roe") and not same_person("Ann Roe", "Roe")
    assert same_claim("Sales rose 5% in May, she said.", "sales rose 5% in May")
    assert not same_claim("sales rose", "sales rose 5% in May at every store of the chain")


def test_greedy_matching_counts_repeats_apart_from_extras():
    found = match(["Ann Roe", "Roe", "Tom Ash"], ["Ann Roe", "Bob Stone"], same_person)
    assert (found.matched, found.predictions, found.found, found.gold) == (1, 2, 1, 2)
    assert found.repeats == 1 and found.extra == ["Tom Ash"] and found.missed == ["Bob Stone"]


def test_claims_are_walked_in_the_graphs_order_and_folded_like_distinct():
    def row(article, claim, text):
        return {"article": f"https://x/doc/{article}", "claim": f"https://x/claim/{claim}",
                "source": f"news/{article}.txt", "text": text, "attributedTo": None, "kind": "k"}

    rows = [row("b", "1", "a zebra"), row("b", "3", "the same words"),
            row("b", "2", "the same words"), row("a", "2", "the same words")]
    ordered = graph_order(rows, *NODE_ORDER["claims"])
    # claim 2 is first stated in doc/a, so it leads in b too, before claim 1 and its text order;
    # claim 3 says what claim 2 says in b, so it is no row of its own
    assert [(r["source"], r["claim"][-1]) for r in ordered] == [
        ("news/a.txt", "2"), ("news/b.txt", "2"), ("news/b.txt", "1")]


def test_people_organizations_positions(summary):
    assert figures(summary, "people") == (0.667, 0.667)
    assert figures(summary, "organizations") == (0.75, 1.0)
    assert figures(summary, "positions") == (1.0, 1.0)
    assert figures(summary, "roles") == (1.0, 1.0)


def test_claims_attribution_and_duplicates(summary):
    assert figures(summary, "claims") == (0.75, 0.75)
    assert figures(summary, "attribution") == (0.667, 0.5)
    assert summary["duplicates"] == {"detected": 1, "gold": 1}
    assert summary["per_article"]["a.txt"]["wrong_claimants"][0][1:] == ["Quillco", "Tom Ash"]


def test_split_and_merged_entities_across_articles(summary):
    people, orgs = summary["resolution"]["people"], summary["resolution"]["organizations"]
    assert (people["split"], people["merged"]) == (1, 1)
    assert "ann roe | ben roe" in people["merged_entities"][0]
    assert (orgs["split"], orgs["merged"]) == (1, 0)


def test_min_confidence_drops_the_unsure_claims(tmp_path):
    out = tmp_path / "f.json"
    run_evaluate(DATA, [], GRAPH, load_config(), json_path=out, quiet=True, min_confidence=0.6)
    claims = json.loads(out.read_text(encoding="utf-8"))["scores"]["claims"]
    assert (claims["precision"], claims["recall"]) == (1.0, 0.5)


def test_cli_prints_the_table_and_what_was_missed():
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(DATA), "--graph", str(GRAPH)])
    assert result.exit_code == 0, result.output
    assert "people          0.667  0.667" in result.output
    assert "missed people: Bob Stone" in result.output
    assert "extra claims: the weather was fine" in result.output


def test_bad_gold_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "x.yaml").write_text("people: [1, 2]\n", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"x.yaml: not a gold file \(no 'file:'"):
        load_gold(tmp_path)
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "none")])
    assert result.exit_code == 2 and "KG070" in result.output


def test_annotated_articles_missing_from_the_inputs(tmp_path):
    with pytest.raises(PressgraphError, match="KG072"):
        run_evaluate(DATA, [tmp_path], None, load_config())


@pytest.mark.slow
def test_builds_the_annotated_articles_and_scores_them(tmp_path):
    corpus = tmp_path / "news"
    corpus.mkdir()
    text = ("Harbor Foods names a new chief\n\nHarbor Foods chief executive Ann Roe said sales "
            "rose 5% in May. Quillco predicted that prices will fall next year across the whole "
            "market.\n")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    (corpus / "other.txt").write_text("Not annotated at all, so not built.\n", encoding="utf-8")
    out = tmp_path / "f.json"
    run_evaluate(DATA, [corpus], None, load_config(), json_path=out, quiet=True)
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["duplicates"] == {"detected": 1, "gold": 1}
    assert summary["scores"]["positions"]["recall"] == 1.0
    assert summary["scores"]["claims"]["recall"] >= 0.5
