"""Write the built graph article by article: each article's quads become text as they come.

One confidence per node and confidence property (`pg:confidence`, `itsrdf:taConfidence`): a
membership, claim or mention span found more than once keeps the highest, stated alike in every
article's graph (as `to_rdf.unify_confidences` does on a set of quads).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Literal

from pressgraph.stages.to_rdf import CONFIDENCES
from pressgraph.stages.trig import TrigWriter
from pressgraph.writing import write_atomic


class GraphWriter:
    """Collect the quads of a build and write them as canonical TriG."""

    def __init__(self) -> None:
        self._trig = TrigWriter()
        self._best: dict[object, Literal] = {}
        self._stated: set[tuple[object, object, object]] = set()  # (node, property, graph)

    def add(self, quads: Iterable[tuple]) -> None:
        """Add one article's quads (or any others); confidences are held back until the end."""
        kept = []
        best, stated = self._best, self._stated
        for quad in quads:
            s, p, o, g = quad
            if p not in CONFIDENCES:
                kept.append(quad)
                continue
            stated.add((s, p, g))
            if (s, p) not in best or o.toPython() > best[s, p].toPython():
                best[s, p] = o
        self._trig.add(kept)

    def write(self, path: Path) -> int:
        """Write the TriG file atomically.

        Returns:
            The number of quads written.
        """
        self._trig.add((s, p, self._best[s, p], g) for s, p, g in self._stated)
        self._best, self._stated = {}, set()
        count = len(self._trig)
        write_atomic(path, self._trig.chunks())
        return count
