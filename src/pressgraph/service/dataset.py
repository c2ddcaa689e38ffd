"""The dataset a query runs on: pyoxigraph's arguments for the protocol's graphs or the query's.

The protocol's `default-graph-uri` and `named-graph-uri` come first; else the query's own FROM
and FROM NAMED; else the default graph is the union of the store's named graphs.
"""

from __future__ import annotations

import pyoxigraph as ox

from pressgraph.errors import Errors, RequestError
from pressgraph.service.sparql_lexer import declares_dataset
from pressgraph.stages.remote import one_line


def dataset_args(text: str, default_graphs: tuple[str, ...] = (),
                 named_graphs: tuple[str, ...] = ()) -> dict[str, object]:
    """pyoxigraph's query arguments for a query and the protocol's graph IRIs.

    Raises:
        RequestError: 400 (KG045) for a graph IRI that is not valid.
    """
    try:
        union = not default_graphs and not declares_dataset(text)
        args: dict[str, object] = {"use_default_graph_as_union": union}
        if default_graphs:
            args["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            args["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as err:
        why = f"a graph IRI is not valid ({one_line(err)})"
        raise RequestError(Errors.KG045.format(why=why, fix="Send absolute IRIs."), 400) from None
    return args
