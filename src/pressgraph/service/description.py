"""The SPARQL 1.1 Service Description answered at the endpoint (GET /sparql with no query).

It says what the endpoint offers: SPARQL 1.1 Query (no Update, no federated SERVICE), the
result formats of negotiate.py, and a default graph that is the union of the named graphs.
"""

from __future__ import annotations

import pyoxigraph as ox

from pressgraph.service.negotiate import GRAPH_TYPES, TABLE_TYPES
from pressgraph.stages.results import QueryResult

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMAT_NAMES = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/trig": "TriG",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
}


def service_description(endpoint: str) -> QueryResult:
    """The service description of the endpoint at this URL, as a graph result.

    Args:
        endpoint: the endpoint's absolute URL (`http://host:port/sparql`).

    Returns:
        A "graph" QueryResult, to be written with negotiate.render like a CONSTRUCT result.
    """
    service = ox.NamedNode(endpoint)
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        (service, RDF_TYPE, _sd("Service")),
        (service, _sd("endpoint"), service),
        (service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        (service, _sd("feature"), _sd("UnionDefaultGraph")),
        (service, _sd("defaultDataset"), dataset),
        (dataset, RDF_TYPE, _sd("Dataset")),
        (dataset, _sd("defaultGraph"), default),
        (default, RDF_TYPE, _sd("Graph")),
        (service, ox.NamedNode("http://purl.org/dc/terms/description"), ox.Literal(
            "pressgraph's read-only SPARQL endpoint: no updates, no SERVICE, a timeout and "
            "a row limit per query.", language="en")),
    ]
    offered = [*dict.fromkeys([*TABLE_TYPES, *GRAPH_TYPES])]
    triples += [(service, _sd("resultFormat"), ox.NamedNode(FORMATS + _FORMAT_NAMES[media]))
                for media in offered if media in _FORMAT_NAMES]
    return QueryResult.from_triples(ox.Triple(*triple) for triple in triples)


def _sd(name: str) -> ox.NamedNode:
    """A term of the service description vocabulary."""
    return ox.NamedNode(SD + name)
