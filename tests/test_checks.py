"""The ODK-style quality checks: ontology/checks/*-violation.rq, any row is a problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from pressgraph.errors import PressgraphError
from pressgraph.namespace import NIF, SCHEMA
from pressgraph.resources import project_file
from pressgraph.stages.checks import check_files, run_checks
from pressgraph.stages.validate_input import union_graph

ID = "https://pressgraph.example/id/"
DOC, OTHER = URIRef(ID + "doc/a"), URIRef(ID + "doc/b")
PERSON, ORGANIZATION = URIRef(ID + "person/ann-example"), URIRef(ID + "org/acme")
SPAN, CLAIM = URIRef(ID + "doc/a#char=0,24"), URIRef(ID + "claim/0123456789abcdef")

WORLD = r"""
@base <https://pressgraph.example/id/> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<doc/a> a schema:Article, nif:Context ; dcterms:source "news/a.txt" ;
    nif:isString "Ann Example, CMO of Acme 🚀, said: \"We grew.\"" ;
    schema:mentions <person/ann-example>, <org/acme> .
<doc/a#char=0,24> a nif:String ; nif:referenceContext <doc/a> ;
    nif:beginIndex 0 ; nif:endIndex 24 ; nif:anchorOf "Ann Example, CMO of Acme" .
<doc/a#char=35,43> a nif:String ; nif:referenceContext <doc/a> ;
    nif:beginIndex 35 ; nif:endIndex 43 ; nif:anchorOf "We grew." .
<person/ann-example> a schema:Person ; schema:name "Ann Example" ; org:memberOf <org/acme> .
<org/acme> a schema:Organization ; schema:name "Acme" .
<membership/ann-example--acme> a org:Membership ; org:member <person/ann-example> ;
    org:organization <org/acme> ; org:role <role/CMO> ; prov:wasDerivedFrom <doc/a#char=0,24> .
<claim/0123456789abcdef> a schema:Claim ; schema:text "We grew." ;
    schema:author <person/ann-example> ; schema:appearance <doc/a> .
"""


@pytest.fixture
def world() -> Graph:
    graph = Graph().parse(data=WORLD, format="turtle")
    for name in ("ontology/pressgraph.ttl", "ontology/roles.ttl"):
        graph.parse(project_file(name))
    return graph


def _set(s: URIRef, p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _add(s: URIRef, p: URIRef, o: Literal | URIRef) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


def _remove(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


BREAKS = {
    "span-anchor-mismatch": _set(SPAN, NIF.anchorOf, Literal("Ann Example, CMO of Acm")),
    "entity-two-names": _add(PERSON, SCHEMA.name, Literal("A. Example")),
    "entity-blank-name": _set(ORGANIZATION, SCHEMA.name, Literal(" \n")),
    "claim-without-appearance": _remove(CLAIM, SCHEMA.appearance),
    "alternate-not-symmetric": _add(DOC, PROV.alternateOf, OTHER),
    "membership-without-shortcut": _remove(PERSON, ORG.memberOf),
    "mention-untyped": _add(DOC, SCHEMA.mentions, URIRef(ID + "place/paris")),
    "role-label-clash": _add(URIRef(ID + "role/CFO"), SKOS.altLabel, Literal("cmo", lang="en")),
}


def test_a_clean_graph_has_no_problems(world: Graph) -> None:
    assert run_checks(world) == []


def test_every_check_has_a_failing_case() -> None:
    names = {p.name.removesuffix("-violation.rq") for p in check_files()}
    assert names == set(BREAKS)


@pytest.mark.parametrize("check", sorted(BREAKS))
def test_each_check_finds_its_problem_and_only_it(world: Graph, check: str) -> None:
    BREAKS[check](world)
    problems = run_checks(world)
    assert problems
    assert all(line.startswith(f"{check}: ") for line in problems), problems


@pytest.mark.parametrize("check", sorted(BREAKS))
def test_checks_give_the_same_rows_in_oxigraph(world: Graph, check: str) -> None:
    """The store answers queries with Oxigraph: the checks must mean the same there."""
    BREAKS[check](world)
    store = pyoxigraph.Store()
    triples = world.serialize(format="nt", encoding="utf-8")
    store.load(input=triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    (path,) = [p for p in check_files() if p.name == f"{check}-violation.rq"]
    rows = list(store.query(path.read_text(encoding="utf-8")))
    assert len(rows) == len(run_checks(world)) > 0


def test_problem_lines_name_the_nodes(world: Graph) -> None:
    BREAKS["span-anchor-mismatch"](world)
    assert run_checks(world) == [
        f'span-anchor-mismatch: span={SPAN.n3()}, anchor="Ann Example, CMO of Acm", '
        f'found="Ann Example, CMO of Acme"'
    ]


def test_a_dataset_is_checked_as_the_union_of_its_graphs(world: Graph) -> None:
    dataset = Dataset()
    article, other = dataset.graph(DOC), dataset.graph(OTHER)
    for triple in world:
        article.add(triple)
    other.add((OTHER, PROV.alternateOf, DOC))
    article.add((DOC, PROV.alternateOf, OTHER))
    assert run_checks(dataset) == []
    assert len(union_graph(dataset)) == len(world) + 2


def test_a_broken_check_query_is_a_one_line_error(world: Graph, tmp_path: Path) -> None:
    (tmp_path / "broken-violation.rq").write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(PressgraphError, match=r"^\[KG009\] query syntax error: .*broken-violation"):
        run_checks(world, tmp_path)


def test_only_violation_queries_are_run(world: Graph, tmp_path: Path) -> None:
    (tmp_path / "notes.rq").write_text("SELECT ?s WHERE { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "any-triple-violation.rq").write_text(
        "SELECT ?s WHERE { ?s a <https://schema.org/Claim> }", encoding="utf-8")
    assert run_checks(world, tmp_path) == [f"any-triple: s={CLAIM.n3()}"]
