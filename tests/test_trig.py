"""The canonical TriG writer: same quads, same bytes; hostile text survives a round trip."""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from pressgraph.namespace import SCHEMA
from pressgraph.stages.trig import to_trig

G = URIRef("https://pressgraph.example/id/doc/a")
HOSTILE = 'x """ y \\ z <script>alert(1)</script> \u202e emoji \U0001f600 > \n end'


def quads():
    person = URIRef("https://pressgraph.example/id/person/p")
    span = URIRef("https://pressgraph.example/id/doc/a#char=0,5")
    return [(person, SCHEMA.name, Literal(HOSTILE), G), (span, SCHEMA.text, Literal("abc"), G),
            (person, SCHEMA.alternateName, Literal("B"), G)]


def test_same_quads_give_same_bytes_in_any_order():
    assert to_trig(quads()) == to_trig(list(reversed(quads())))


def test_output_reparses_to_the_same_quads():
    dataset = Dataset()
    dataset.parse(data=to_trig(quads()), format="trig")
    graph = dataset.graph(G)
    expected = Dataset().graph(G)
    for s, p, o, _ in quads():
        expected.add((s, p, o))
    assert isomorphic(graph, expected)
    assert str(next(graph.objects(None, SCHEMA.name))) == HOSTILE
