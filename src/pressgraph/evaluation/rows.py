"""The rows the scorer matches: each evaluation query's result, in the graph's own order.

Matching is greedy (see matching.py), so the order of the rows can decide which of two gold
claims a prediction takes. Claims and positions are walked as a reader of the canonical TriG
meets them: by the first article graph that states the node, then by the node's IRI. That is
also the order in which an rdflib-based scorer (such as the shared one) reads a graph the build
wrote, so the two give the same figures. The other queries are matched as sorted name sets and
need no order.
"""

from __future__ import annotations

import pyoxigraph as ox

from pressgraph.resources import project_file
from pressgraph.stages.store import run_query

# query -> (the node variable, the columns a row is, as the shared contract's DISTINCT sees it)
NODE_ORDER = {
    "claims": ("claim", ("source", "text", "attributedTo", "kind")),
    "positions": ("membership", ("source", "name", "title", "org", "role")),
}


def query_rows(store: ox.Store, name: str) -> list[dict]:
    """The rows of `ontology/evaluation/{name}.rq` as dicts of plain values, in a fixed order.

    Args:
        store: the graph, queried as the union of its named graphs.
        name: the query's file stem ("claims", "people", ...).
    """
    query = project_file(f"ontology/evaluation/{name}.rq").read_text(encoding="utf-8")
    result = run_query(store, query)
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows()]
    if name in NODE_ORDER:
        node, columns = NODE_ORDER[name]
        return graph_order(rows, node, columns)
    return sorted(rows, key=lambda r: tuple(str(v) for v in r.values()))


def graph_order(rows: list[dict], node: str, columns: tuple[str, ...]) -> list[dict]:
    """The rows by the node's first article graph, then the node IRI; one row per `columns`.

    Args:
        rows: query rows holding `article` (the article IRI), `node` and `columns`.
        node: the variable holding the claim or membership IRI.
        columns: the values that make a row distinct; of rows equal on them the first is kept
            (two nodes saying the same thing are one row, as a DISTINCT query over them).
    """
    first: dict[str, str] = {}
    for row in rows:
        graph = f"<{row['article']}>"  # graphs are written sorted as N-Triples terms
        first[row[node]] = min(first.get(row[node], graph), graph)
    ordered = sorted(rows, key=lambda r: (first[r[node]], f"<{r[node]}>",
                                          tuple(str(r.get(c) or "") for c in columns)))
    kept, seen = [], set()
    for row in ordered:
        key = tuple(row.get(c) for c in columns)
        if key not in seen:
            seen.add(key)
            kept.append({c: row.get(c) for c in (node, *columns)})
    return kept
