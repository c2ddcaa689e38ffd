"""The data a validation reads: RDF files parsed by their suffix, and the union of all the
graphs of a dataset as one graph."""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.exceptions import ParserError

from pressgraph.errors import Errors, PressgraphError
from pressgraph.namespace import PREFIXES

RDF_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}


def union_graph(data: Dataset | Graph) -> Graph:
    """Copy every triple of every graph of `data` (named graphs included) into one new graph."""
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    if isinstance(data, Dataset):
        union.addN((s, p, o, union) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        union.addN((s, p, o, union) for s, p, o in data)
    return union


def parse_rdf(path: Path) -> Dataset:
    """Parse a .trig, .nq, .ttl or .nt file; triple formats go into the default graph.

    Raises:
        PressgraphError: KG006 if the file cannot be read, KG014 if it is not parsable RDF.
    """
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise PressgraphError(Errors.KG014.format(path=path, why=f"unknown suffix '{path.suffix}'"))
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PressgraphError(Errors.KG006.format(path=path, why=err.strerror or err)) from None
    dataset = Dataset()
    try:
        with warnings.catch_warnings():  # rdflib 7.6 warns about its own ConjunctiveGraph use
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except (SyntaxError, ParserError, ValueError) as err:
        why = " ".join(str(err).split())[:200]
        raise PressgraphError(Errors.KG014.format(path=path, why=why)) from None
    return dataset
