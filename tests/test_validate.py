"""The validate stage: pySHACL on the union of a dataset's graphs, the report and its text."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, XSD

from pressgraph.errors import PressgraphError
from pressgraph.namespace import NIF, PG, SCHEMA, Iris
from pressgraph.stages.validate import validate, validate_files
from pressgraph.stages.validate_report import ValidationReport, Violation, format_report

ID = "https://pressgraph.example/id/"
MEMBERSHIP = URIRef(ID + "membership/ann-example--acme")
CLAIM = URIRef(ID + "claim/0123456789abcdef")
DOC = URIRef(ID + "doc/a")
SPAN = URIRef(ID + "doc/a#char=0,24")
VOCABULARY = URIRef(ID + "graph/vocabulary")

TRIG = r"""
@base <https://pressgraph.example/id/> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix pg: <https://pressgraph.example/vocab#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<graph/vocabulary> {
    <role/CMO> a org:Role, skos:Concept ; skos:inScheme <role/scheme> ;
        skos:notation "CMO" ; skos:prefLabel "Chief Marketing Officer"@en .
    <claim-kind/Quote> a skos:Concept ; skos:inScheme <claim-kind/scheme> ;
        skos:prefLabel "quote"@en .
}

<doc/a> {
    <doc/a> a schema:Article, nif:Context ;
        dcterms:source "news/a.txt" ;
        nif:isString "Ann Example, CMO of Acme, said: \"We grew.\"" .
    <doc/a#char=0,24> a nif:String ; nif:referenceContext <doc/a> ;
        nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "24"^^xsd:nonNegativeInteger ;
        nif:anchorOf "Ann Example, CMO of Acme" .
    <doc/a#char=33,41> a nif:String ; nif:referenceContext <doc/a> ;
        nif:beginIndex "33"^^xsd:nonNegativeInteger ; nif:endIndex "41"^^xsd:nonNegativeInteger ;
        nif:anchorOf "We grew." .
    <person/ann-example> a schema:Person ; schema:name "Ann Example" ; org:memberOf <org/acme> .
    <org/acme> a schema:Organization, org:Organization ; schema:name "Acme" .
    <membership/ann-example--acme> a org:Membership ;
        org:member <person/ann-example> ; org:organization <org/acme> ; org:role <role/CMO> ;
        schema:roleName "CMO" ; prov:wasDerivedFrom <doc/a#char=0,24> ;
        pg:confidence "0.8"^^xsd:decimal ; pg:origin "rule:appositive" .
    <claim/0123456789abcdef> a schema:Claim, schema:Quotation ;
        schema:text "We grew." ; dcterms:type <claim-kind/Quote> ;
        schema:author <person/ann-example> ; schema:appearance <doc/a> ;
        pg:cue "said" ; prov:wasDerivedFrom <doc/a#char=33,41> .
}
"""


@pytest.fixture
def dataset() -> Dataset:
    with warnings.catch_warnings():  # rdflib 7.6's Dataset.parse uses its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        return Dataset().parse(data=TRIG, format="trig")


def _serialize(dataset: Dataset, fmt: str) -> str:
    with warnings.catch_warnings():  # rdflib 7.6 serializers use Dataset.contexts
        warnings.simplefilter("ignore", DeprecationWarning)
        return dataset.serialize(format=fmt)


def _article(dataset: Dataset) -> Graph:
    return dataset.graph(DOC)


def test_valid_dataset_conforms(dataset: Dataset) -> None:
    assert validate(dataset) == ValidationReport(conforms=True, violations=())


def test_named_graphs_are_merged_so_roles_come_from_the_vocabulary(dataset: Dataset) -> None:
    dataset.remove_graph(VOCABULARY)
    report = validate(dataset)
    assert not report.conforms
    assert {v.shape_id for v in report.violations} == {
        "S05-MembershipShape-role", "S06-ClaimShape-kind"}


def test_missing_evidence_is_a_violation(dataset: Dataset) -> None:
    _article(dataset).remove((MEMBERSHIP, PROV.wasDerivedFrom, None))
    report = validate(dataset)
    assert not report.conforms
    assert report.violations == (Violation(
        focus=MEMBERSHIP.n3(), path="prov:wasDerivedFrom", shape_id="S05-MembershipShape-evidence",
        severity="Violation", message="has no evidence span (prov:wasDerivedFrom a nif:String)",
        value=None),)


def test_wrong_anchor_is_reported_on_the_article_with_the_span(dataset: Dataset) -> None:
    _article(dataset).set((SPAN, NIF.anchorOf, Literal("Ann Example, CMO of Acm")))
    (violation,) = validate(dataset).violations
    assert (violation.focus, violation.value) == (DOC.n3(), SPAN.n3())
    assert violation.shape_id == "S02-SpanShape-offsets"
    assert '"Ann Example, CMO of Acme"' in violation.message


def test_a_warning_does_not_break_conformance(dataset: Dataset) -> None:
    article = _article(dataset)
    article.remove((CLAIM, SCHEMA.author, None))
    article.add((CLAIM, PG.unattributed, Literal(True)))
    article.add((CLAIM, RDF.type, SCHEMA.Quotation))
    report = validate(dataset)
    assert report.conforms
    assert [(v.severity, v.shape_id) for v in report.violations] == [
        ("Warning", "S06-QuoteShape-author")]


def test_a_claim_states_its_claimant_or_that_it_has_none(dataset: Dataset) -> None:
    article = _article(dataset)
    article.add((CLAIM, PG.unattributed, Literal(True)))
    assert [v.shape_id for v in validate(dataset).violations] == ["S06-ClaimShape"]
    article.remove((CLAIM, SCHEMA.author, None))
    assert validate(dataset).conforms
    article.remove((CLAIM, PG.unattributed, None))
    assert [v.shape_id for v in validate(dataset).violations
            if v.severity == "Violation"] == ["S06-ClaimShape"]


def test_the_input_is_not_modified(dataset: Dataset) -> None:
    before = sorted(dataset.quads((None, None, None, None)))
    validate(dataset)
    assert sorted(dataset.quads((None, None, None, None))) == before


def test_a_single_graph_is_accepted(dataset: Dataset) -> None:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    graph.add((CLAIM, PG.confidence, Literal("1.2", datatype=XSD.decimal)))
    (violation,) = validate(graph).violations
    assert (violation.shape_id, violation.value) == (
        "S08-ConfidenceShape-confidence", '"1.2"^^xsd:decimal')


def test_format_report_groups_by_shape_one_line_each(dataset: Dataset) -> None:
    article = _article(dataset)
    article.remove((MEMBERSHIP, PROV.wasDerivedFrom, None))
    article.remove((CLAIM, SCHEMA.author, None))
    article.remove((DOC, DCTERMS.source, None))
    assert format_report(validate(dataset)).splitlines() == [
        f"S01 Article: {DOC.n3()} must have exactly one dcterms:source, the input path (a literal)",
        f"S05 Membership: {MEMBERSHIP.n3()} has no evidence span"
        " (prov:wasDerivedFrom a nif:String)",
        f"S06 Claim: {CLAIM.n3()} must have a schema:author or pg:unattributed true, not both"
        " and not neither",
        f"S06 Quote (warning): {CLAIM.n3()} is a quote with no speaker found (no schema:author)",
        "does not conform: 3 violation(s), 1 warning(s)",
    ]


def test_format_report_shows_the_offending_value(dataset: Dataset) -> None:
    _article(dataset).add((MEMBERSHIP, ORG.member, URIRef(ID + "org/acme")))
    problem = f"S05 Membership: {MEMBERSHIP.n3()} must have exactly one org:member, a schema:Person"
    assert format_report(validate(dataset)).splitlines() == [
        problem,  # two members (sh:maxCount)
        f"{problem} [value <{ID}org/acme>]",  # one of them not a person (sh:class)
        "does not conform: 2 violation(s), 0 warning(s)",
    ]


def test_format_report_of_a_conforming_graph() -> None:
    assert format_report(ValidationReport(True, ())) == "conforms: 0 violation(s), 0 warning(s)"


@pytest.mark.parametrize("fmt,suffix", [("trig", ".trig"), ("nquads", ".nq")])
def test_validate_files_reads_datasets(
    dataset: Dataset, tmp_path: Path, fmt: str, suffix: str
) -> None:
    _article(dataset).remove((MEMBERSHIP, PROV.wasDerivedFrom, None))
    path = tmp_path / f"data{suffix}"
    path.write_text(_serialize(dataset, fmt), encoding="utf-8")
    assert validate_files([path]) == validate(dataset)


def test_validate_files_merges_triple_files(dataset: Dataset, tmp_path: Path) -> None:
    (tmp_path / "vocab.ttl").write_text(dataset.graph(VOCABULARY).serialize(format="turtle"))
    (tmp_path / "article.nt").write_text(_article(dataset).serialize(format="nt"))
    assert validate_files([tmp_path / "article.nt"]).conforms is False
    assert validate_files([tmp_path / "article.nt", tmp_path / "vocab.ttl"]).violations == ()


@pytest.mark.parametrize("name,text,code", [
    ("broken.trig", "<a> <b> { <c> <d> .", "KG014"),
    ("broken.ttl", "<a> <b> <c> <d> .", "KG014"),
    ("broken.nq", "<a> <b> <c> <d> <e> .\n", "KG014"),
    ("broken.nt", '<http://a> <http://b> "x .\n', "KG014"),
    ("latin1.ttl", "<http://a> <http://b> \"caf\xe9\" .", "KG014"),
    ("data.rdf", "<rdf:RDF/>", "KG014"),
])
def test_an_unparsable_file_is_a_one_line_error(
    tmp_path: Path, name: str, text: str, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(PressgraphError) as caught:
        validate_files([path])
    message = str(caught.value)
    assert message.startswith(f"[{code}] {path}: ")
    assert "\n" not in message


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG006\] .*missing\.trig: cannot be read"):
        validate_files([tmp_path / "missing.trig"])


def test_custom_shapes_with_blank_property_shapes(dataset: Dataset, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix schema: <https://schema.org/> .
        <https://example.org/shapes#S99-HeadlineShape> a sh:NodeShape ;
            sh:targetClass schema:Article ;
            sh:property [ sh:path schema:headline ; sh:minCount 1 ;
                          sh:message "needs a headline" ] .
    """)
    (violation,) = validate(dataset, shapes).violations
    assert (violation.shape_id, violation.message) == ("S99-HeadlineShape", "needs a headline")
    assert format_report(validate(dataset, shapes)).splitlines()[0] == (
        f"S99 Headline: {DOC.n3()} needs a headline")


def _synthetic(articles: int, per_article: int = 40) -> Dataset:
    """A dataset shaped like a build: spans, people, organizations, memberships, claims."""
    iris, dataset = Iris(), Dataset()
    vocabulary = dataset.graph(VOCABULARY)
    for name in ("ontology/pressgraph.ttl", "ontology/roles.ttl"):
        vocabulary.parse(Path(__file__).parents[1] / name)
    for a in range(articles):
        doc = iris.doc(f"a{a}")
        sentences = [f"P{a}x{i} is CMO of O{a}x{i}. " for i in range(per_article)]
        text, graph, begin = "😀 " + "".join(sentences), dataset.graph(iris.doc(f"a{a}")), 2
        graph.add((doc, RDF.type, SCHEMA.Article))
        graph.add((doc, RDF.type, NIF.Context))
        graph.add((doc, DCTERMS.source, Literal(f"c/a{a}.txt")))
        graph.add((doc, NIF.isString, Literal(text)))
        for i, sentence in enumerate(sentences):
            end = begin + len(sentence) - 2
            span, person = iris.span(f"a{a}", begin, end), iris.person(f"p{a}-{i}")
            org, membership = iris.org(f"o{a}-{i}"), iris.membership(f"p{a}-{i}", f"o{a}-{i}")
            claim = iris.claim("Assertion", sentence, str(person))
            for s, p, o in [
                (span, RDF.type, NIF.String), (span, NIF.referenceContext, doc),
                (span, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)),
                (span, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)),
                (span, NIF.anchorOf, Literal(text[begin:end])),
                (person, RDF.type, SCHEMA.Person), (person, SCHEMA.name, Literal(f"P{a}x{i}")),
                (org, RDF.type, SCHEMA.Organization), (org, SCHEMA.name, Literal(f"O{a}x{i}")),
                (membership, RDF.type, ORG.Membership), (membership, ORG.member, person),
                (membership, ORG.organization, org), (membership, ORG.role, iris.role("CMO")),
                (membership, PROV.wasDerivedFrom, span), (person, ORG.memberOf, org),
                (membership, PG.confidence, Literal("0.8", datatype=XSD.decimal)),
                (claim, RDF.type, SCHEMA.Claim), (claim, SCHEMA.text, Literal(sentence.strip())),
                (claim, DCTERMS.type, iris.claim_kind("Assertion")), (claim, SCHEMA.author, person),
                (claim, SCHEMA.appearance, doc), (claim, PROV.wasDerivedFrom, span),
            ]:
                graph.add((s, p, o))
            begin += len(sentence)
    return dataset


def test_a_build_sized_graph_validates_in_seconds() -> None:
    dataset = _synthetic(articles=5)
    assert 4500 < sum(1 for _ in dataset.quads((None, None, None, None))) < 6500
    started = time.perf_counter()
    report = validate(dataset)
    elapsed = time.perf_counter() - started
    assert report == ValidationReport(conforms=True, violations=())
    assert elapsed < 5.0, f"validation of ~5k triples took {elapsed:.1f} s"


def test_long_values_are_shortened_in_the_report(dataset: Dataset) -> None:
    text = str(_article(dataset).value(DOC, NIF.isString))
    _article(dataset).set((DOC, NIF.isString, Literal(text + " " + "padding " * 20, lang="en")))
    report = validate(dataset)
    (violation,) = report.violations
    assert violation.value is not None and len(violation.value) > 100
    line = format_report(report).splitlines()[0]
    assert line.startswith(f"S01 Article: {DOC.n3()} must have exactly one nif:isString")
    assert line.endswith('...]') and f'[value "{text[:20]}' in line and len(line) < 250


def test_a_shapes_file_pyshacl_cannot_load_is_a_one_line_error(
    dataset: Dataset, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/shapes#S98-BadShape> a sh:NodeShape ;
            sh:targetClass <https://schema.org/Article> ;
            sh:property [ sh:path <https://schema.org/headline> ; sh:minCount "many" ] .
    """)
    with pytest.raises(PressgraphError) as caught:
        validate(dataset, shapes)
    assert str(caught.value).startswith(f"[KG021] {shapes}: not a valid SHACL shapes graph (")
    assert "\n" not in str(caught.value)
    assert caught.value.link == "https://www.w3.org/TR/shacl/#MinCountConstraintComponent"
    assert capfd.readouterr().err == ""


def test_a_missing_shapes_file_is_a_one_line_error(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(PressgraphError, match=r"^\[KG006\] "):
        validate(dataset, tmp_path / "nowhere.ttl")
