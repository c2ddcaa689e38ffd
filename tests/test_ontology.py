"""The vocabulary files: ontology/pressgraph.ttl (local terms, claim kinds) and roles.ttl."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, OWL, RDF, RDFS, SKOS

from pressgraph.namespace import CLAIM_KINDS, DEFAULT_BASE, PG, ROLE_CODES
from pressgraph.resources import project_file

ROLE = DEFAULT_BASE + "role/"
KIND = DEFAULT_BASE + "claim-kind/"


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(project_file("ontology/pressgraph.ttl"))


@pytest.fixture(scope="module")
def roles() -> Graph:
    return Graph().parse(project_file("ontology/roles.ttl"))


def _labels(graph: Graph, node: URIRef, prop: URIRef, lang: str = "en") -> set[str]:
    found = graph.objects(node, prop)
    return {str(o) for o in found if isinstance(o, Literal) and o.language == lang}


def test_vocabulary_is_a_versioned_ontology(vocab: Graph) -> None:
    ontology = URIRef("https://pressgraph.example/vocab")
    assert (ontology, RDF.type, OWL.Ontology) in vocab
    assert vocab.value(ontology, OWL.versionIRI) is not None


@pytest.mark.parametrize(
    "term", ["confidence", "origin", "quantity", "cue", "unattributed", "tenure", "unit"])
def test_local_terms_have_label_and_comment(vocab: Graph, term: str) -> None:
    node = PG[term]
    assert _labels(vocab, node, RDFS.label) == {term}
    assert _labels(vocab, node, RDFS.comment)
    assert vocab.value(node, RDFS.range) is not None


def test_only_the_documented_local_terms(vocab: Graph) -> None:
    local = {s for s in vocab.subjects() if str(s).startswith(str(PG))}
    assert local == {PG.confidence, PG.origin, PG.quantity, PG.cue, PG.model, PG.articleCount,
                     PG.sourceDateEpoch, PG.unattributed, PG.tenure, PG.unit}


def test_every_local_term_the_sample_graph_uses_is_defined(vocab: Graph) -> None:
    from pathlib import Path

    trig = (Path(__file__).resolve().parents[1] / "graphs" / "sample.trig").read_text("utf-8")
    used = {PG[name] for name in __import__("re").findall(r"\bpg:(\w+)", trig)}
    assert used and used <= set(vocab.subjects())


@pytest.mark.parametrize("kind", CLAIM_KINDS)
def test_claim_kinds_have_lowercase_labels_and_definitions(vocab: Graph, kind: str) -> None:
    node = URIRef(KIND + kind)
    assert (node, SKOS.inScheme, URIRef(KIND + "scheme")) in vocab
    assert _labels(vocab, node, SKOS.prefLabel) == {kind.lower()}
    assert _labels(vocab, node, SKOS.definition)


@pytest.mark.parametrize("code", ROLE_CODES)
def test_every_role_code_is_a_role_in_the_scheme(roles: Graph, code: str) -> None:
    node = URIRef(ROLE + code)
    assert {(node, RDF.type, ORG.Role), (node, RDF.type, SKOS.Concept)} <= set(roles)
    assert (node, SKOS.inScheme, URIRef(ROLE + "scheme")) in roles
    assert [str(n) for n in roles.objects(node, SKOS.notation)] == [code]
    assert len(_labels(roles, node, SKOS.prefLabel)) == 1


def test_no_roles_beyond_the_code_list(roles: Graph) -> None:
    assert {str(n) for n in roles.objects(None, SKOS.notation)} == set(ROLE_CODES)


def test_ambiguous_abbreviations_are_hidden_on_the_rarer_sense(roles: Graph) -> None:
    assert "CIO" in _labels(roles, URIRef(ROLE + "CIO"), SKOS.altLabel)
    assert "CIO" in _labels(roles, URIRef(ROLE + "CINO"), SKOS.hiddenLabel)
    assert "CDO" in _labels(roles, URIRef(ROLE + "CDO"), SKOS.altLabel)
    assert "CDO" in _labels(roles, URIRef(ROLE + "CDAO"), SKOS.hiddenLabel)
    cdao = _labels(roles, URIRef(ROLE + "CDAO"), SKOS.prefLabel)
    assert cdao == {"Chief Data and Analytics Officer"}


def test_short_forms_are_alt_labels(roles: Graph) -> None:
    for code in ROLE_CODES:
        if code not in {"PRESIDENT", "DIRECTOR", "HEAD"}:
            assert code in _labels(roles, URIRef(ROLE + code), SKOS.altLabel), code


def test_labels_are_disjoint_within_a_role(roles: Graph) -> None:
    """SKOS integrity: a label is preferred, alternative or hidden, not two of these."""
    for code in ROLE_CODES:
        node = URIRef(ROLE + code)
        kinds = [SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel]
        seen = [{(str(o).casefold(), o.language) for o in roles.objects(node, k)} for k in kinds]
        assert not (seen[0] & seen[1] or seen[0] & seen[2] or seen[1] & seen[2]), code
