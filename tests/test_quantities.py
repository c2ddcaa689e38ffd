"""Quantities in claims: amounts read from text (no model), what they count (with the model),
a prediction's horizon, and the schema:QuantitativeValue nodes they become."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF, RDFS, SH, XSD

from pressgraph.namespace import SCHEMA, Iris
from pressgraph.records import ArticleFacts, Claim, Quantity, RawArticle, Span
from pressgraph.resources import project_file
from pressgraph.stages.amount_extents import join_ranges, split_change, widen
from pressgraph.stages.amounts import Amount, parse, unit_of
from pressgraph.stages.quantities import horizon, quantities
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.to_rdf import article_quads

# ------------------------------------------------------------------ amounts, as strings


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("£600m", "GBP", "600000000"),
    ("$1.13bn", "USD", "1130000000"),
    ("1.5 trillion yen", "JPY", "1500000000000"),
    ("76%", "percent", "76"),
    ("12 per cent", "percent", "12"),
    ("3.5 percentage points", "percentage point", "3.5"),
    ("2,000", "count", "2000"),
    ("half a million", "count", "500000"),
    ("0.25", "count", "0.25"),
])
def test_parse_one_value(text, unit, value):
    assert parse(text) == Amount(unit, value=value)


@pytest.mark.parametrize(("text", "unit", "low", "high"), [
    ("between 5% and 7%", "percent", "5", "7"),
    ("5-7%", "percent", "5", "7"),
    ("$1bn to $2bn", "USD", "1000000000", "2000000000"),
    ("$1-2bn", "USD", "1000000000", "2000000000"),
    ("between 400 and 3 million", "count", "400", "3000000"),
])
def test_parse_a_range(text, unit, low, high):
    assert parse(text) == Amount(unit, minimum=low, maximum=high)


def test_parse_bounds():
    assert parse("up to €3bn") == Amount("EUR", maximum="3000000000")
    assert parse("at least 40") == Amount("count", minimum="40")


def test_parse_no_number():
    assert parse("a few") is None
    assert parse("dozens") is None


@pytest.mark.parametrize(("text", "code"), [
    ("US$4.5bn", "USD"), ("A$3m", "AUD"), ("C$12m", "CAD"), ("HK$40m", "HKD"), ("€9", "EUR"),
    ("800 million Swiss francs", "CHF"), ("30 billion yuan", "CNY"), ("5bn rupees", "INR"),
    ("4 euros", "EUR"), ("two million pounds", "GBP"), ("a million dollars", "USD"),
    ("USD 5m", "USD"), ("¥70bn", "JPY"),
])
def test_currencies_are_iso_codes(text, code):
    assert unit_of(text) == code


def test_widen_takes_the_sign_and_scale_and_drops_hedges():
    text = "Profits hit £600m. Only 10 percent of them, about US$4.5bn in all."
    assert text[slice(*widen(text, text.index("600"), text.index("600") + 3))] == "£600m"
    begin = text.index("Only")
    assert text[slice(*widen(text, begin, begin + len("Only 10")))] == "10 percent"
    begin = text.index("4.5bn")
    assert text[slice(*widen(text, begin, begin + 5))] == "US$4.5bn"


def _extents(text, *pieces):
    return [(text.index(p), text.index(p) + len(p), "MONEY") for p in pieces]


def test_join_ranges():
    text = "The stake is worth $1bn to $2bn."
    (joined,) = join_ranges(text, _extents(text, "$1bn", "$2bn"))
    assert text[joined[0]:joined[1]] == "$1bn to $2bn"
    text = "It will cost between $3m and $4m."
    (joined,) = join_ranges(text, _extents(text, "$3m", "$4m"))
    assert text[joined[0]:joined[1]] == "between $3m and $4m"


def test_a_change_is_not_a_range():
    text = "Fees rose from $1m to $2m."
    assert len(join_ranges(text, _extents(text, "$1m", "$2m"))) == 2
    begin = text.index("$1m")
    parts = split_change(text, begin, text.index("."))
    assert [text[b:e] for b, e in parts] == ["$1m", "$2m"]
    parts = split_change(text, text.index("from"), text.index("."))
    assert [text[b:e] for b, e in parts] == ["$1m", "$2m"]
    text = "Costs rose 5% to 7m."
    (whole,) = split_change(text, text.index("5%"), text.index("."))
    assert text[slice(*whole)] == "5% to 7m"


def test_widen_leaves_words_that_are_not_units():
    text = "Of the 300 entrants, 120 won prizes worth 40 pounds."
    begin = text.index("120")
    assert text[slice(*widen(text, begin, begin + 3))] == "120"
    begin = text.index("40")
    assert text[slice(*widen(text, begin, begin + 2))] == "40 pounds"


# ------------------------------------------------------------------ horizons


@pytest.mark.parametrize(("text", "published", "year"), [
    ("Sales will double by 2017.", None, "2017"),
    ("The bank will be profitable by the end of 2019.", None, "2019"),
    ("The plant will open in 2006.", None, "2006"),
    ("Sales fell in 2004 but will double by 2008.", None, "2008"),
    ("Prices will rise next year.", "2005-03-01", "2006"),
    ("Prices will rise next year.", None, None),
    ("Prices will rise this year.", "2005", "2005"),
    ("Half of all cars will be electric by the end of the decade.", "2005-11-20", "2010"),
    ("Prices will rise.", "2005-03-01", None),
])
def test_horizon(text, published, year):
    assert horizon(text, published) == year


# ------------------------------------------------------------------ in sentences (model)


def _found(nlp, text):
    return {q.text: q for q in quantities(nlp(text)[:])}


@pytest.mark.slow
def test_money_with_a_sign_and_scale(nlp):
    found = _found(nlp, "The toy maker lent $1.13bn to its suppliers.")
    assert (found["$1.13bn"].unit, found["$1.13bn"].value) == ("USD", "1130000000")


@pytest.mark.slow
def test_percent_and_pounds_measure_the_subject(nlp):
    found = _found(nlp, "Annual profits jumped 76% to £600m.")
    assert (found["76%"].unit, found["76%"].value, found["76%"].description) == (
        "percent", "76", "profits")
    assert (found["£600m"].unit, found["£600m"].value) == ("GBP", "600000000")


@pytest.mark.slow
def test_money_in_words(nlp):
    found = _found(nlp, "Exports rose to 1.5 trillion yen.")
    assert found["1.5 trillion yen"].value == "1500000000000"
    assert found["1.5 trillion yen"].unit == "JPY"


@pytest.mark.slow
def test_a_count_and_what_it_counts(nlp):
    (quantity,) = quantities(nlp("The airline will cut 2,000 jobs.")[:])
    assert (quantity.text, quantity.unit, quantity.value, quantity.description) == (
        "2,000", "count", "2000", "jobs")


@pytest.mark.slow
def test_years_and_ordinals_are_not_counts(nlp):
    texts = [q.text for q in quantities(
        nlp("For the second time, the plant opened in 2006 with 300 staff.")[:])]
    assert texts == ["300"]


@pytest.mark.slow
def test_range_with_between(nlp):
    (quantity,) = quantities(nlp("Inflation will stay between 5% and 7%, the bank said.")[:])
    assert (quantity.minimum, quantity.maximum, quantity.value) == ("5", "7", None)
    assert quantity.unit == "percent"


@pytest.mark.slow
def test_range_with_a_hyphen(nlp):
    (quantity,) = quantities(nlp("Analysts expect growth of 5-7% in Asia.")[:])
    assert (quantity.minimum, quantity.maximum, quantity.description) == ("5", "7", "growth")


@pytest.mark.slow
def test_range_of_two_amounts(nlp):
    (quantity,) = quantities(nlp("The stake is worth $1bn to $2bn, bankers said.")[:])
    assert quantity.text == "$1bn to $2bn"
    assert (quantity.minimum, quantity.maximum) == ("1000000000", "2000000000")


@pytest.mark.slow
def test_from_to_is_two_values(nlp):
    found = quantities(nlp("Card fees rose from 5% to 7% last year.")[:])
    assert [(q.value, q.minimum) for q in found] == [("5", None), ("7", None)]


@pytest.mark.slow
def test_percent_of_a_group(nlp):
    (quantity,) = quantities(nlp("Only 10 percent of shoppers paid by card.")[:])
    assert (quantity.text, quantity.description) == ("10 percent", "shoppers")


@pytest.mark.slow
def test_percentage_points(nlp):
    (quantity,) = quantities(nlp("Its market share fell 3.5 percentage points.")[:])
    assert (quantity.unit, quantity.value) == ("percentage point", "3.5")
    assert quantity.description == "market share"


@pytest.mark.slow
def test_half_a_million(nlp):
    (quantity,) = quantities(nlp("The chain hired half a million seasonal workers.")[:])
    assert (quantity.value, quantity.description) == ("500000", "workers")


@pytest.mark.slow
def test_an_upper_bound(nlp):
    (quantity,) = quantities(nlp("The new levy could raise up to €3bn.")[:])
    assert (quantity.value, quantity.maximum, quantity.unit) == (None, "3000000000", "EUR")


@pytest.mark.slow
def test_currency_word_after_a_number(nlp):
    (quantity,) = quantities(nlp("Tickets for the final cost 300 euros each.")[:])
    assert (quantity.text, quantity.unit, quantity.value) == ("300 euros", "EUR", "300")


# ------------------------------------------------------------------ RDF


def _claim_quads(*found: Quantity) -> Dataset:
    text = "Profits rose 76% to £600m, within 5-7% of plan."
    claim = Claim(text, "Statistic", None, None, Span(0, len(text)), quantities=found)
    facts = ArticleFacts(RawArticle("a.txt", "a", text), None, (), None, None, (), (), (claim,))
    resolver = Resolver()
    resolver.add(facts)
    data = Dataset()
    for quad in article_quads(facts, Iris(), resolver):
        data.add(quad)
    return data


def test_quantities_become_quantitative_values():
    data = _claim_quads(Quantity("£600m", "GBP", "profits", "600000000"),
                        Quantity("5-7%", "percent", "", None, "5", "7"))
    graph = Graph()
    for s, p, o, _ in data.quads():
        graph.add((s, p, o))
    money = next(graph.subjects(RDFS.label, Literal("£600m")))
    assert (money, RDF.type, SCHEMA.QuantitativeValue) in graph
    assert graph.value(money, SCHEMA.value) == Literal("600000000", datatype=XSD.decimal)
    assert str(graph.value(money, SCHEMA.unitCode)) == "GBP"
    assert str(graph.value(money, SCHEMA.unitText)) == "GBP"
    assert str(graph.value(money, SCHEMA.description)) == "profits"
    share = next(graph.subjects(RDFS.label, Literal("5-7%")))
    assert graph.value(share, SCHEMA.value) is None
    assert graph.value(share, SCHEMA.minValue) == Literal("5", datatype=XSD.decimal)
    assert graph.value(share, SCHEMA.maxValue) == Literal("7", datatype=XSD.decimal)
    assert str(graph.value(share, SCHEMA.unitCode)) == "P1"
    assert graph.value(share, SCHEMA.description) is None

    shapes = Graph().parse(project_file("ontology/shapes/pressgraph-shapes.ttl"))
    graph.parse(project_file("ontology/pressgraph.ttl"))
    _, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                     inplace=False)
    failing = {str(results.value(r, SH.sourceShape)) for r in results.objects(None, SH.result)}
    assert not [s for s in failing if "S09" in s], failing
