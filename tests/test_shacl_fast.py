"""The build's SPARQL validator (stages/shacl_fast.py) gives pySHACL's report (stages/validate.py).

Every case is loaded into a pyoxigraph store. The store keeps values, not lexical forms ("0.50"
reads back as "0.5", xsd:nonNegativeInteger as xsd:integer) and relabels blank nodes, so the
exact reference is pySHACL on the store's own data; against pySHACL on the file as written the
reports are equal once each result's value is put in the store's form.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, XSD

from pressgraph.errors import PressgraphError
from pressgraph.namespace import NIF, PG, PREFIXES, SCHEMA
from pressgraph.resources import project_file
from pressgraph.stages.shacl_compile import compile_checks
from pressgraph.stages.shacl_fast import validate_store
from pressgraph.stages.store_terms import rdflib_graph
from pressgraph.stages.validate import SHAPES_FILE, validate
from pressgraph.stages.validate_input import parse_rdf, union_graph
from pressgraph.stages.validate_report import ValidationReport

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
EXAMPLES = sorted((DATA / "shapes").glob("S*.ttl"))
VOCABULARY = (ROOT / "ontology" / "pressgraph.ttl", ROOT / "ontology" / "roles.ttl")
GRAPHS = (ROOT / "graphs" / "sample.trig", DATA / "fixture.trig")
EXTRA_SHAPES = DATA / "shacl_fast" / "extra-shapes.ttl"
EXTRA_DATA = DATA / "shacl_fast" / "extra-data.trig"


def _store(dataset: Dataset) -> ox.Store:
    """An in-memory store with the quads of a dataset."""
    store = ox.Store()
    with warnings.catch_warnings():  # rdflib 7.6 serializers use Dataset.contexts
        warnings.simplefilter("ignore", DeprecationWarning)
        store.load(dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
    return store


def _with_vocabulary(example: Path) -> Dataset:
    """An example plus the vocabulary files, in one graph, as tests/test_shapes.py runs it."""
    dataset = Dataset()
    for path in (*VOCABULARY, example):
        dataset.default_graph.addN(
            (s, p, o, dataset.default_graph)
            for s, p, o, _ in parse_rdf(path).quads((None, None, None, None)))
    return dataset


def _names() -> Graph:
    """Every prefix a report may use: rdflib's defaults and the project's."""
    names = Graph()
    for prefix, namespace in PREFIXES.items():
        names.bind(prefix, namespace)
    return names


HEADER = "".join(f"@prefix {p}: <{n}> .\n" for p, n in _names().namespace_manager.namespaces())


def _in_store(value: str | None) -> str | None:
    """A result's value (N3) as the store holds it: its canonical form, blank nodes unlabelled."""
    if value is None or value.startswith("_:"):
        return value and "_:blank"
    store = ox.Store()
    store.load(f"{HEADER}<urn:s> <urn:p> {value} .".encode(), ox.RdfFormat.TURTLE)
    (quad,) = list(store)
    return str(quad.object)


def _store_form(report: ValidationReport) -> tuple[bool, list[str]]:
    """A report with its values in the store's form, comparable across lexical forms."""
    return report.conforms, sorted(repr(replace(v, value=_in_store(v.value)))
                                   for v in report.violations)


def _assert_same(dataset: Dataset, shapes: Path | None = None) -> ValidationReport:
    """The fast report equals pySHACL's, on the store's data and on the data as written."""
    store = _store(dataset)
    fast = validate_store(store, shapes)
    assert fast == validate(rdflib_graph(store), shapes)
    assert _store_form(fast) == _store_form(validate(dataset, shapes))
    return fast


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_same_report_as_pyshacl_on_every_shape_example(example: Path) -> None:
    report = _assert_same(_with_vocabulary(example))
    assert bool(report.violations) != example.stem.endswith("-valid")


@pytest.mark.parametrize("path", GRAPHS, ids=lambda p: p.name)
def test_same_report_as_pyshacl_on_the_committed_graphs(path: Path) -> None:
    _assert_same(parse_rdf(path))


@pytest.fixture
def sample() -> Dataset:
    return parse_rdf(GRAPHS[0])


def _first(dataset: Dataset, p: URIRef, o: URIRef | None = None) -> tuple[URIRef, Graph]:
    """The first subject (in IRI order) with predicate `p` (and object `o`), and its graph."""
    s, _, _, g = min(dataset.quads((None, p, o, None)), key=lambda q: (str(q[0]), str(q[3])))
    return s, dataset.graph(g)


def test_dropping_an_evidence_span(sample: Dataset) -> None:
    membership, _ = _first(sample, RDF.type, ORG.Membership)
    sample.remove((membership, PROV.wasDerivedFrom, None, None))  # from every article graph
    report = _assert_same(sample)
    assert {v.shape_id for v in report.violations} == {"S05-MembershipShape-evidence"}


def test_breaking_an_anchor(sample: Dataset) -> None:
    span, graph = _first(sample, NIF.anchorOf)
    graph.set((span, NIF.anchorOf, Literal(str(graph.value(span, NIF.anchorOf)) + "!")))
    report = _assert_same(sample)
    assert [(v.shape_id, v.value) for v in report.violations] == [
        ("S02-SpanShape-offsets", span.n3())]


def test_two_confidences(sample: Dataset) -> None:
    node, graph = _first(sample, PG.confidence)
    graph.add((node, PG.confidence, Literal("0.99", datatype=XSD.decimal)))
    graph.add((node, PG.confidence, Literal("1.50", datatype=XSD.decimal)))
    report = _assert_same(sample)
    assert {v.shape_id for v in report.violations} == {"S08-ConfidenceShape-confidence"}
    assert {v.value for v in report.violations} == {None, '"1.5"^^xsd:decimal'}


def test_a_claim_with_an_author_and_unattributed(sample: Dataset) -> None:
    claim, graph = _first(sample, SCHEMA.author)
    graph.add((claim, PG.unattributed, Literal(True)))
    report = _assert_same(sample)
    assert [(v.focus, v.shape_id) for v in report.violations] == [(claim.n3(), "S06-ClaimShape")]


@pytest.mark.filterwarnings("ignore:Serializing weird numerical")
def test_ill_typed_literals(sample: Dataset) -> None:
    node, graph = _first(sample, PG.confidence)
    graph.set((node, PG.confidence, Literal("high", datatype=XSD.decimal)))
    article, graph = _first(sample, RDF.type, SCHEMA.Article)
    graph.add((article, SCHEMA.datePublished, Literal("2016-13-45", datatype=XSD.date)))
    report = _assert_same(sample)
    assert {v.shape_id for v in report.violations} == {
        "S08-ConfidenceShape-confidence", "S01-ArticleShape-date"}


def test_same_report_with_the_features_our_shapes_do_not_use() -> None:
    report = _assert_same(parse_rdf(EXTRA_DATA), EXTRA_SHAPES)
    assert {v.severity for v in report.violations} == {"Violation", "Warning", "Info"}
    assert len({v.shape_id for v in report.violations}) > 10


def test_an_empty_store_conforms() -> None:
    assert validate_store(ox.Store()) == validate(Graph()) == ValidationReport(True, ())


class _Counting:
    """A store that counts the queries it is sent."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.queries = store, 0

    def query(self, *args, **kwargs):
        self.queries += 1
        return self.store.query(*args, **kwargs)


def test_the_number_of_queries_does_not_grow_with_the_graph() -> None:
    small, large = (_Counting(_store(parse_rdf(path))) for path in (DATA / "fixture.trig",
                                                                    GRAPHS[0]))
    validate_store(small)  # type: ignore[arg-type]
    validate_store(large)  # type: ignore[arg-type]
    assert small.queries == large.queries
    assert len(large.store) > 3 * len(small.store)


def test_counts_classes_and_comparisons_are_joins_not_lookups_per_row() -> None:
    """The span shape's queries (24,000 spans in 1,000 articles) have no FILTER EXISTS, which
    the store evaluates once per row: three to ten times slower than a join."""
    shapes_path = project_file(SHAPES_FILE)
    checks = compile_checks(union_graph(parse_rdf(shapes_path)), shapes_path)
    spans = [c for c in checks if "S02-SpanShape-" in str(c.shape) and c.sparql is None]
    assert len(spans) == 8
    assert not [c.query for c in spans if "EXISTS" in c.query]
    assert sum("MINUS" in c.query for c in spans) == 5  # 4 counts, 1 sh:class


SHAPE = "<https://example.org/shapes#S99-AShape>"
CASES = {
    "sh:minLength": "sh:property [ sh:path ex:p ; sh:minLength 2 ; sh:message \"m\" ]",
    "no sh:message": "sh:property [ sh:path ex:p ; sh:minCount 1 ]",
    "MINUS": "sh:sparql [ sh:select \"SELECT $this { $this ?p ?o MINUS { $this ex:q ?o } }\" ]",
    "sh:severity on the nested": "sh:node [ sh:severity sh:Warning ; sh:nodeKind sh:IRI ]",
    "recursive": f"sh:property [ sh:path ex:p ; sh:node {SHAPE} ; sh:message \"m\" ]",
    "does not select $this": "sh:sparql [ sh:select \"SELECT ?x WHERE { $this ex:p ?x }\" ]",
}


@pytest.mark.parametrize("what,body", CASES.items(), ids=list(CASES))
def test_an_unsupported_feature_is_a_one_line_error(tmp_path: Path, what: str, body: str) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        {SHAPE} a sh:NodeShape ; sh:targetClass ex:C ; {body} .""")
    with pytest.raises(PressgraphError) as caught:
        validate_store(ox.Store(), shapes)
    message = str(caught.value)
    assert message.startswith(f"[KG022] {shapes}: ") and what in message and "\n" not in message


@pytest.mark.parametrize("body", [
    "sh:property [ sh:path ex:p ; sh:minCount \"many\" ; sh:message \"m\" ]",
    "sh:sparql [ sh:select \"SELECT $this WHERE { $this ex:p }\" ]",
])
def test_a_malformed_shape_is_a_one_line_error(tmp_path: Path, body: str) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        {SHAPE} a sh:NodeShape ; sh:targetClass ex:C ; {body} .""")
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode(str(RDF.type)),
                      ox.NamedNode("https://example.org/C")))
    with pytest.raises(PressgraphError) as caught:
        validate_store(store, shapes)
    assert str(caught.value).startswith(f"[KG021] {shapes}: ") and "\n" not in str(caught.value)
