"""Fixed: former, outgoing and incoming roles looked current, and divisions were lost."""

import pytest

from pressgraph.namespace import Iris
from pressgraph.records import ArticleFacts, Position, RawArticle, Span
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads

pytestmark = pytest.mark.slow


def by_person(facts, name):
    return {p.title: p for p in facts.positions if p.person == name}


def test_former_and_outgoing_roles(facts_of):
    text = ("Former chief executive Ivo Brankov was charged on Monday. Alma Roe, chief executive "
            "of Quillco, who is stepping down in May, said the deal was fair.\n")
    facts = facts_of(text)
    assert by_person(facts, "Ivo Brankov")["Former chief executive"].status == "former"
    assert by_person(facts, "Alma Roe")["chief executive"].status == "outgoing"


def test_a_division_between_title_and_company_is_a_unit(facts_of):
    text = ("By Dana Whitfield, marketing director, Freight and Ports Services, Quillco Group\n\n"
            "Shipping is changing.\n")
    (position,) = facts_of(text).positions
    assert (position.organization, position.unit) == ("Quillco Group", "Freight and Ports Services")


def test_former_membership_is_a_node_apart_with_its_tenure():
    raw = RawArticle("a.txt", "a", "x" * 40)
    positions = (Position("Ivo Brankov", "former chairman", (), "Quillco", Span(0, 5), "rule:t",
                          0.7, "former"),
                 Position("Ivo Brankov", "chief executive", ("CEO",), "Quillco", Span(0, 5),
                          "rule:t", 0.7))
    facts = ArticleFacts(raw, None, (), None, None, (), positions, ())
    resolver = Resolver()
    resolver.add(facts)
    quads = article_quads(facts, Iris(), resolver)
    memberships = {str(s).rsplit("/", 1)[-1] for s, p, o, _ in quads if str(p).endswith("#member")}
    assert memberships == {"ivo-brankov--quillco", "ivo-brankov--quillco--former"}
    assert any(str(p).endswith("vocab#tenure") and str(o) == "former" for _, p, o, _ in quads)
