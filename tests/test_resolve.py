"""Resolution across articles: which names become one entity, and the user's merge rules."""

from __future__ import annotations

import pytest

from pressgraph.errors import PressgraphError
from pressgraph.records import ArticleFacts, Mention, RawArticle, Span
from pressgraph.stages.merges import MergeRules, load_merges
from pressgraph.stages.resolve import Resolver


def article(stem, *names, aliases=()):
    mentions = tuple(Mention(name, label, Span(0, 1)) for name, label in names)
    return ArticleFacts(RawArticle(f"{stem}.txt", stem, "x"), None, (), None, None, mentions,
                        (), (), tuple(aliases))


def resolver_of(*articles, rules=None):
    resolver = Resolver(rules)
    for item in articles:
        resolver.add(item)
    return resolver


def test_legal_suffix_and_spacing_variants_are_one_organization():
    resolver = resolver_of(article("a", ("Time Warner Inc", "ORG")),
                           article("b", ("TimeWarner", "ORG"), ("Time Warner", "ORG")))
    keys = {resolver.entity(n, "ORG").key for n in ("Time Warner Inc", "TimeWarner", "Time Warner")}
    assert keys == {"time-warner"}
    assert any("spaces or hyphens" in line for line in resolver.report())


def test_a_lone_surname_joins_the_only_full_name_in_the_corpus():
    resolver = resolver_of(article("a", ("Alma Brankov", "PERSON")),
                           article("b", ("Brankov", "PERSON")))
    assert resolver.entity("Brankov", "PERSON").key == "alma-brankov"
    assert resolver.entity("Brankov", "PERSON").name == "Alma Brankov"


def test_people_sharing_a_surname_stay_apart():
    resolver = resolver_of(article("a", ("Alma Brankov", "PERSON")),
                           article("b", ("Ivo Brankov", "PERSON"), ("Brankov", "PERSON")))
    keys = {resolver.entity(n, "PERSON").key for n in ("Alma Brankov", "Ivo Brankov", "Brankov")}
    assert len(keys) == 3


def test_acronym_defined_in_one_article_joins_the_full_name():
    first = article("a", ("Northwind Air", "ORG"), aliases=[("NA", "Northwind Air")])
    resolver = resolver_of(first, article("b", ("Northwind Air", "ORG")))
    assert resolver.entity("NA", "ORG").key == "northwind-air"
    assert any("acronym" in line for line in resolver.report())


def test_pinned_merge_joins_and_forbidden_merge_splits():
    rules = MergeRules(same=(("ORG", "Big Blue", "Brandex Machines"),),
                       different=frozenset({("ORG", "brandex ltd", "brandex")}))
    resolver = resolver_of(article("a", ("Big Blue", "ORG"), ("Brandex Ltd", "ORG")),
                           article("b", ("Brandex Machines", "ORG"), ("Brandex", "ORG")),
                           rules=rules)
    assert resolver.entity("Brandex Machines", "ORG").key == resolver.entity("Big Blue", "ORG").key
    assert resolver.entity("Brandex", "ORG").key != resolver.entity("Brandex Ltd", "ORG").key
    report = "\n".join(resolver.report())
    assert "pinned in the merges file" in report


def test_merges_file_is_read_and_a_bad_line_is_named(tmp_path):
    good = tmp_path / "merges.tsv"
    good.write_text("# comment\nsame\tORG\tBig Blue\tBrandex Machines\n"
                    "different\tPERSON\tAl Roe\tAlan Roe\n", encoding="utf-8")
    rules = load_merges(good)
    assert rules.same == (("ORG", "Big Blue", "Brandex Machines"),)
    assert rules.forbids("PERSON", "alan roe", "Al Roe")
    bad = tmp_path / "bad.tsv"
    bad.write_text("merge\tORG\tA\tB\n", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"bad.tsv, line 1: .*unknown rule 'merge'"):
        load_merges(bad)


def test_a_missing_merges_file_means_no_rules(tmp_path):
    assert load_merges(tmp_path / "none.tsv") == MergeRules()
