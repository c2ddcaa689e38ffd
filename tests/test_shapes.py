"""The SHACL shapes, run on their examples: tests/data/shapes/S<NN>-valid.ttl conforms,
every S<NN>-invalid-<k>.ttl does not, and only because of shape S<NN>.

The examples are validated with pySHACL directly (not through pressgraph's validate stage),
together with the vocabulary files, as a build's union graph would be.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from pressgraph.resources import project_file

EXAMPLES = Path(__file__).parent / "data" / "shapes"
SHAPES_NS = "https://pressgraph.example/shapes#"
VOCABULARY = ("ontology/pressgraph.ttl", "ontology/roles.ttl")
VALID = sorted(EXAMPLES.glob("S*-valid.ttl"))
INVALID = sorted(EXAMPLES.glob("S*-invalid-*.ttl"))
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(project_file("ontology/shapes/pressgraph-shapes.ttl"))


def _run(shapes: Graph, example: Path | None) -> tuple[bool, Graph]:
    """Validate an example plus the vocabulary, strictly (a warning also fails)."""
    data = Graph()
    for name in VOCABULARY:
        data.parse(project_file(name))
    if example is not None:
        data.parse(example)
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", inplace=False
    )
    return conforms, results


def _shape_id(example: Path) -> str:
    return example.name.split("-")[0]


def _owned(shapes: Graph, shape_id: str) -> set[URIRef]:
    """The node shape, property shapes and constraints whose id starts with `S<NN>-`."""
    return {s for s in set(shapes.subjects()) if str(s).startswith(f"{SHAPES_NS}{shape_id}-")}


def _top_shapes(shapes: Graph) -> set[URIRef]:
    return {s for target in TARGETS for s in shapes.subjects(target, None)}


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(shapes: Graph, example: Path) -> None:
    conforms, results = _run(shapes, example)
    assert conforms, results.serialize(format="turtle")


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails_on_its_shape(shapes: Graph, example: Path) -> None:
    conforms, results = _run(shapes, example)
    assert not conforms
    sources = {results.value(r, SH.sourceShape) for r in results.objects(None, SH.result)}
    assert sources, "no validation result"
    owned = _owned(shapes, _shape_id(example))
    assert sources <= owned, f"results from other shapes: {sorted(sources - owned)}"


def test_every_shape_has_a_valid_and_an_invalid_example(shapes: Graph) -> None:
    ids = {re.split(r"[#]", str(s))[1].split("-")[0] for s in _top_shapes(shapes)}
    assert ids == {f"S{n:02d}" for n in range(1, len(ids) + 1)}
    assert {_shape_id(p) for p in VALID} == ids
    assert {_shape_id(p) for p in INVALID} == ids


def test_shapes_have_stable_ids_and_messages(shapes: Graph) -> None:
    for shape in _top_shapes(shapes):
        pattern = re.escape(SHAPES_NS) + r"S\d\d-[A-Za-z]+Shape(-[A-Za-z]+)?"
        assert re.fullmatch(pattern, str(shape)), shape
        group = str(shape).split("Shape")[0]
        parts = [*shapes.objects(shape, SH.property), *shapes.objects(shape, SH.sparql)]
        assert parts, f"{shape} checks nothing"
        for part in parts:
            assert isinstance(part, URIRef) and str(part).startswith(group), part
            assert shapes.value(part, SH.message) is not None, f"{part} has no sh:message"


def test_vocabulary_files_conform(shapes: Graph) -> None:
    conforms, results = _run(shapes, None)
    assert conforms, results.serialize(format="turtle")


TEXT = "a😀b\ne\u0301 漢字 🇫🇷 z"


def test_sparql_substr_counts_code_points_like_python_in_rdflib() -> None:
    """SUBSTR(text, b+1, e-b) must equal text[b:e] for every span, emoji and newlines too."""
    query = "SELECT ?s WHERE { BIND (SUBSTR(?t, ?b + 1, ?e - ?b) AS ?s) }"
    graph = Graph()
    for begin in range(len(TEXT) + 1):
        for end in range(begin, len(TEXT) + 1):
            bindings = {"t": Literal(TEXT), "b": Literal(begin), "e": Literal(end)}
            row = next(iter(graph.query(query, initBindings=bindings)))
            assert str(row[0]) == TEXT[begin:end], (begin, end)
    strlen = "SELECT (STRLEN(?t) AS ?n) {}"
    length = next(iter(graph.query(strlen, initBindings={"t": Literal(TEXT)})))
    assert int(length[0]) == len(TEXT)


def test_sparql_substr_counts_code_points_like_python_in_oxigraph() -> None:
    store = pyoxigraph.Store()
    text = str(pyoxigraph.Literal(TEXT))  # N-Triples form: quoted and escaped
    for begin in range(len(TEXT) + 1):
        for end in range(begin, len(TEXT) + 1):
            query = f"SELECT (SUBSTR({text}, {begin + 1}, {end - begin}) AS ?s) {{}}"
            row = next(iter(store.query(query)))
            assert row["s"].value == TEXT[begin:end], (begin, end)
