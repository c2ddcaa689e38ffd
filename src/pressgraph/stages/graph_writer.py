"""Write the built graph article by article: each article's quads become text as they come.

One confidence per node: a membership or claim found in several articles keeps the highest,
stated alike in every article's graph (as `to_rdf.unify_confidences` does on a set of quads).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Literal

from pressgraph.namespace import PG
from pressgraph.stages.trig import TrigWriter
from pressgraph.writing import write_atomic


class GraphWriter:
    """Collect the quads of a build and write them as canonical TriG."""

    def __init__(self) -> None:
        self._trig = TrigWriter()
        self._best: dict[object, Literal] = {}
        self._stated: set[tuple[object, object]] = set()  # (node, graph) with a confidence

    def add(self, quads: Iterable[tuple]) -> None:
        """Add one article's quads (or any others); confidences are held back until the end."""
        kept = []
        best, stated = self._best, self._stated
        for quad in quads:
            s, p, o, g = quad
            if p != PG.confidence:
                kept.append(quad)
                continue
            stated.add((s, g))
            if s not in best or o.toPython() > best[s].toPython():
                best[s] = o
        self._trig.add(kept)

    def write(self, path: Path) -> int:
        """Write the TriG file atomically.

        Returns:
            The number of quads written.
        """
        self._trig.add((s, PG.confidence, self._best[s], g) for s, g in self._stated)
        self._best, self._stated = {}, set()
        count = len(self._trig)
        write_atomic(path, self._trig.chunks())
        return count
