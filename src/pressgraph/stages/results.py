"""Query results, materialised the same way for the embedded store and a remote endpoint.

`QueryResult` holds one answer as bytes; `results_format.format_result` prints it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

_JSON = ox.QueryResultsFormat.JSON


@dataclass(frozen=True)
class QueryResult:
    """The materialised answer to one query.

    Attributes:
        form: "select", "ask" or "graph" (CONSTRUCT and DESCRIBE).
        data: W3C SPARQL 1.1 results JSON for select and ask; sorted N-Triples for graph.
    """

    form: str
    data: bytes

    @classmethod
    def of(cls, answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
        """Materialise a pyoxigraph answer (this runs the query to its end)."""
        if isinstance(answer, ox.QueryTriples):
            return cls.from_triples(answer)
        form = "ask" if isinstance(answer, ox.QueryBoolean) else "select"
        return cls(form, answer.serialize(format=_JSON))

    @classmethod
    def from_triples(cls, triples: Iterable[ox.Triple]) -> QueryResult:
        """A graph result holding these triples as sorted, distinct N-Triples lines."""
        text = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        lines = sorted(set(text.splitlines()))
        return cls("graph", "".join(f"{line}\n" for line in lines).encode("utf-8"))

    def solutions(self) -> ox.QuerySolutions | ox.QueryBoolean:
        """A fresh pyoxigraph iterator over the select rows (or the ask boolean)."""
        return ox.parse_query_results(self.data, _JSON)

    @property
    def variables(self) -> list[str]:
        """The select variables in query order (empty for ask and graph results)."""
        answer = self.solutions() if self.form == "select" else None
        return [v.value for v in answer.variables] if answer is not None else []

    def rows(self) -> list[tuple[str | None, ...]]:
        """The select rows as plain values (IRI, literal lexical form; None when unbound)."""
        names = self.variables
        return [tuple(plain_value(row[n]) for n in names) for row in self.solutions()]

    @property
    def boolean(self) -> bool:
        """The answer of an ASK query."""
        return bool(self.solutions())

    def triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE result, sorted."""
        return [quad.triple for quad in ox.parse(self.data, ox.RdfFormat.N_TRIPLES)]


def plain_value(term: object) -> str | None:
    """An RDF term as a plain value: IRI, literal lexical form, `_:id` for a blank node."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)
