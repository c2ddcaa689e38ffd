"""Write the built graph article by article: each article's quads become text as they come.

One confidence per node and confidence property (`pg:confidence`, `itsrdf:taConfidence`): a
membership, claim or mention span found more than once keeps the highest, stated alike in every
article's graph (as `to_rdf.unify_confidences` does on a set of quads).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pressgraph.stages.to_rdf import CONFIDENCES
from pressgraph.stages.trig import Row, TrigWriter
from pressgraph.writing import write_atomic


@dataclass(frozen=True)
class Rendered:
    """One article's quads as TriG text rows, its confidences apart (see `GraphWriter`)."""

    rows: list[Row]
    confidences: list[tuple[Row, Decimal]]  # each row with its value, to find the highest


class GraphWriter:
    """Collect the quads of a build and write them as canonical TriG."""

    def __init__(self) -> None:
        self._trig = TrigWriter()
        self._best: dict[tuple[str, str], tuple[Decimal, str]] = {}  # (node, property)
        self._stated: set[tuple[str, str, str]] = set()  # (graph, node, property)

    def render(self, quads: Iterable[tuple]) -> Rendered:
        """Quads as text rows, ready for `add_rendered` now or in a later build."""
        kept, confidences = [], []
        for quad in quads:
            (confidences if quad[1] in CONFIDENCES else kept).append(quad)
        values = [o.toPython() for _, _, o, _ in confidences]
        return Rendered(self._trig.render(kept),
                        list(zip(self._trig.render(confidences), values, strict=True)))

    def add(self, quads: Iterable[tuple]) -> None:
        """Add one article's quads (or any others); confidences are held back until the end."""
        self.add_rendered(self.render(quads))

    def add_rendered(self, rendered: Rendered) -> None:
        """Add quads as `render` gave them."""
        best, stated = self._best, self._stated
        for (graph, node, prop, obj), value in rendered.confidences:
            stated.add((graph, node, prop))
            if (node, prop) not in best or value > best[node, prop][0]:
                best[node, prop] = (value, obj)
        self._trig.add_rendered(rendered.rows)

    def write(self, path: Path) -> int:
        """Write the TriG file atomically.

        Returns:
            The number of quads written.
        """
        best = self._best
        self._trig.add_rendered((g, s, p, best[s, p][1]) for g, s, p in self._stated)
        self._best, self._stated = {}, set()
        count = len(self._trig)
        write_atomic(path, self._trig.chunks())
        self.index = self._trig.index
        return count
