"""The built TriG's named graphs as canonical N-Triples (sorted, distinct lines, with a digest),
to compare with what a store holds and to send it (stages/push.py)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pressgraph.errors import Errors, PressgraphError
from pressgraph.stages.remote import one_line


@dataclass(frozen=True)
class LocalGraph:
    """One named graph of the build: its triple count, sorted N-Triples and their SHA-256."""

    triples: int
    data: bytes
    digest: str


def read_graphs(trig: Path) -> tuple[dict[str, LocalGraph], int]:
    """The named graphs of a TriG file, and the number of triples in its default graph."""
    triples: dict[str, list[ox.Triple]] = defaultdict(list)
    loose = 0
    try:
        for quad in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                loose += 1
            else:
                triples[quad.graph_name.value].append(quad.triple)
    except SyntaxError as err:
        raise PressgraphError(Errors.KG014.format(path=trig, why=one_line(err))) from None
    except OSError as err:
        raise PressgraphError(Errors.KG006.format(path=trig, why=one_line(err))) from None
    return {iri: _canonical(items) for iri, items in triples.items()}, loose


def _canonical(triples: list[ox.Triple]) -> LocalGraph:
    """A graph as sorted, distinct N-Triples lines, with their digest."""
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    lines = sorted(set(text.splitlines()))
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    return LocalGraph(len(lines), data, hashlib.sha256(data).hexdigest())
