"""Print the shape of a built graph: what the synthetic benchmark graph must resemble.

    python bench/graph_stats.py STORE_DIR [STORE_DIR ...]

Per store: how many articles, people, organizations, memberships, claims (quotes, predictions,
those naming a year, those with a claimant), quantities, mentions and spans; how many articles
the most named entity is in; and the join weight (the sum over entities of the square of the
number of articles naming each), which is what multiplies the rows of a query joining articles
through the entities they share.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
NAMED = "SELECT ?e (COUNT(DISTINCT ?a) AS ?c) { GRAPH ?a { ?a schema:mentions ?e } } GROUP BY ?e"
QUERIES = {
    "articles": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Article }",
    "people": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Person }",
    "organizations": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Organization }",
    "memberships": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a org:Membership }",
    "claims": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Claim }",
    "quotes": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Quotation }",
    "predictions": "SELECT (COUNT(DISTINCT ?x) AS ?n) "
                   "{ ?x dcterms:type ?k FILTER(STRENDS(STR(?k), '/Prediction')) }",
    "predictions naming a year":
        "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x schema:temporalCoverage ?y }",
    "claims with a claimant":
        "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:Claim ; schema:author ?w }",
    "quantities": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a schema:QuantitativeValue }",
    "mentions": "SELECT (COUNT(*) AS ?n) { GRAPH ?a { ?a schema:mentions ?e } }",
    "spans": "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a nif:String }",
    "quads": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
    "articles of the most named entity": f"SELECT (MAX(?c) AS ?n) {{ {NAMED} }}",
    "entities in more than 10 articles":
        f"SELECT (COUNT(*) AS ?n) {{ {NAMED} HAVING (COUNT(DISTINCT ?a) > 10) }}",
    "join weight": f"SELECT (SUM(?c * ?c) AS ?n) {{ {NAMED} }}",
}


def main() -> None:
    for folder in sys.argv[1:]:
        counts = shape(ox.Store.read_only(str(Path(folder))))
        sys.stdout.write(f"{folder}\n")
        for name, value in counts.items():
            per_article = value / max(counts["articles"], 1)
            sys.stdout.write(f"  {name:36s} {value:>10,}  {per_article:9.2f} an article\n")


def shape(store: ox.Store) -> dict[str, int]:
    """Each of `QUERIES`' counts on a store."""
    return {name: int(next(iter(store.query(PREFIXES + query,
                                            use_default_graph_as_union=True)))["n"].value)
            for name, query in QUERIES.items()}


if __name__ == "__main__":
    main()
