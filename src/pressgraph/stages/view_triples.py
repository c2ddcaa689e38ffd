"""The triples the view reads, held in dictionaries: what `view_network` builds a network from.

An rdflib graph is slow to fill and to look up (copying the whole BBC build, 735k triples,
takes 12 s and 1 GB; its terms hash and compare in Python). The view only reads some
properties of some nodes, so it works on `Triples`: IRIs as plain `str`, literals as `Lit`
(a `str` of the lexical form that knows its datatype and language; see `view_terms`), indexed
by subject and predicate and by predicate and object. `Triples.of_graph` copies an rdflib
graph (a Dataset is read as the union of its named graphs); `view_store.store_triples` fills
one from a pyoxigraph store with a few SPARQL SELECTs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import ConjunctiveGraph, Graph
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS

from pressgraph.namespace import NIF, PG, SCHEMA
from pressgraph.stages.view_terms import Blank, Lit, view_term

# the properties the view reads, as plain strings
TYPE, NAME, ALT_NAME = str(RDF.type), str(SCHEMA.name), str(SCHEMA.alternateName)
HEADLINE, SOURCE, AUTHOR = str(SCHEMA.headline), str(DCTERMS.source), str(SCHEMA.author)
PUBLISHED, PUBLISHER = str(SCHEMA.datePublished), str(SCHEMA.publisher)
MENTIONS, ALTERNATE_OF, TEXT = str(SCHEMA.mentions), str(PROV.alternateOf), str(SCHEMA.text)
KIND, APPEARANCE, HORIZON = str(DCTERMS.type), str(SCHEMA.appearance), str(
    SCHEMA.temporalCoverage)
CUE, QUANTITY, CONFIDENCE = str(PG.cue), str(PG.quantity), str(PG.confidence)
MEMBER, ORGANIZATION, ROLE = str(ORG.member), str(ORG.organization), str(ORG.role)
MEMBER_OF, UNIT_OF, ROLE_NAME = str(ORG.memberOf), str(ORG.unitOf), str(SCHEMA.roleName)
DERIVED_FROM, PREF_LABEL, NOTATION = str(PROV.wasDerivedFrom), str(SKOS.prefLabel), str(
    SKOS.notation)
VALUE, UNIT_TEXT, DESCRIPTION = str(SCHEMA.value), str(SCHEMA.unitText), str(SCHEMA.description)
CONTEXT, ANCHOR, BEGIN, END = (str(NIF.referenceContext), str(NIF.anchorOf),
                               str(NIF.beginIndex), str(NIF.endIndex))
IS_STRING = str(NIF.isString)


_NOTHING: dict = {}  # no subjects: never changed


class Triples:
    """A read-only set of triples with the few lookups the view needs.

    Args:
        triples: (subject, predicate, object) with IRIs as `str`, literals as `Lit` and blank
            nodes as `Blank`; repeats are dropped.
    """

    def __init__(self, triples: Iterable[tuple[str, str, str]] = ()) -> None:
        self._out: dict[str, dict[str, list[str]]] = {}  # predicate: subject: objects
        self._in: dict[str, dict[str, list[str]]] = {}  # predicate: object: subjects, lazily
        self.memo: dict[str, dict] = {}  # labels worked out once per node (view_labels)
        self._iris: set[str] | None = None
        for s, p, o in triples:
            self.add(s, p, o)

    def add(self, s: str, p: str, o: str) -> None:
        """Add one triple (unless it is there)."""
        objects = self._out.setdefault(p, {}).setdefault(s, [])
        if o not in objects:
            objects.append(o)
            self._iris = None
            self.memo.clear()  # labels read so far may change

    def add_pairs(self, p: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Add (s, p, o) for every (s, o) pair (unless it is there)."""
        by = self._out.setdefault(p, {})
        for s, o in pairs:
            objects = by.get(s)
            if objects is None:
                by[s] = [o]
            elif o not in objects:
                objects.append(o)
        self._iris = None
        self.memo.clear()
        self._in.pop(p, None)  # the reverse index of `subjects`, built again when asked

    @classmethod
    def of_graph(cls, data: Graph) -> Triples:
        """The triples of an rdflib graph; of every named graph for a Dataset."""
        if isinstance(data, ConjunctiveGraph):
            found = ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
        else:
            found = iter(data)
        return cls((view_term(s), str(p), view_term(o)) for s, p, o in found)

    def __len__(self) -> int:
        return sum(len(objects) for by in self._out.values() for objects in by.values())

    def objects(self, subject: str, predicate: str) -> Sequence[str]:
        """The objects of a subject and predicate (in no order; do not change them)."""
        return self._out.get(predicate, _NOTHING).get(subject, ())

    def subjects(self, predicate: str, obj: str | None = None) -> list[str]:
        """The subjects with that predicate and object, or with that predicate at all."""
        if obj is None:
            return list(self._out.get(predicate, ()))
        if predicate not in self._in:
            back: dict[str, list[str]] = {}
            for s, objects in self._out.get(predicate, {}).items():
                for o in objects:
                    back.setdefault(o, []).append(s)
            self._in[predicate] = back
        return self._in[predicate].get(obj, [])

    def subject_objects(self, predicate: str) -> list[tuple[str, str]]:
        """Every (subject, object) pair of a predicate."""
        return [(s, o) for s, objects in self._out.get(predicate, {}).items() for o in objects]

    def value(self, subject: str, predicate: str) -> str | None:
        """The smallest object of a subject and predicate, or None."""
        found = self._out.get(predicate, _NOTHING).get(subject)
        if not found:
            return None
        return found[0] if len(found) == 1 else min(found)

    def has(self, subject: str, predicate: str) -> bool:
        """Whether the subject has the predicate at all."""
        return subject in self._out.get(predicate, ())

    def iris(self) -> set[str]:
        """Every IRI used as a subject or an object (do not change the set)."""
        if self._iris is None:
            found: set[str] = set()
            for by in self._out.values():
                found.update(s for s in by if not isinstance(s, Blank))
                found.update(o for objects in by.values() for o in objects
                             if not isinstance(o, Lit | Blank))
            self._iris = found
        return self._iris
