"""Keep only the facts at or above a confidence: what `--min-confidence` queries and draws.

A claim or membership below the threshold goes with every triple about it (its quantities, its
evidence span); a mention span below it goes too, and an article stops `schema:mentions` an
entity once none of its mention spans is left. `org:memberOf` / `org:headOf` shortcuts go with
the last membership that backed them.
"""

from __future__ import annotations

import pyoxigraph as ox

PG = "https://pressgraph.example/vocab#"
PREFIXES = """PREFIX pg: <https://pressgraph.example/vocab#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
LOW_FACTS = PREFIXES + """SELECT DISTINCT ?node WHERE {
  { ?fact pg:confidence ?c FILTER(?c < THRESHOLD)
    OPTIONAL { ?fact <http://www.w3.org/ns/prov#wasDerivedFrom> ?span }
    VALUES ?which { 1 2 } BIND(IF(?which = 1, ?fact, ?span) AS ?node) }
  UNION { ?node itsrdf:taConfidence ?c FILTER(?c < THRESHOLD) }
  FILTER(BOUND(?node)) }"""
KEPT_MENTIONS = PREFIXES + """SELECT DISTINCT ?doc ?entity WHERE {
  ?span itsrdf:taIdentRef ?entity ; nif:referenceContext ?doc ; itsrdf:taConfidence ?c
  FILTER(?c >= THRESHOLD) }"""
SPANNED_MENTIONS = PREFIXES + """SELECT DISTINCT ?doc ?entity WHERE {
  ?span itsrdf:taIdentRef ?entity ; nif:referenceContext ?doc }"""
KEPT_LINKS = PREFIXES + """SELECT DISTINCT ?person ?org WHERE {
  ?m org:member ?person ; org:organization ?org ; pg:confidence ?c FILTER(?c >= THRESHOLD) }"""
SHORTCUTS = {"http://www.w3.org/ns/org#memberOf", "http://www.w3.org/ns/org#headOf"}
MENTIONS = "https://schema.org/mentions"


def confident_store(source: ox.Store, threshold: float) -> ox.Store:
    """An in-memory copy of `source` without the facts below `threshold` (0 to 1)."""
    low = {row[0].value for row in _select(source, LOW_FACTS, threshold)}
    spanned = _pairs(source, SPANNED_MENTIONS, threshold)
    kept_mentions = _pairs(source, KEPT_MENTIONS, threshold)
    kept_links = _pairs(source, KEPT_LINKS, threshold)
    copy = ox.Store()
    copy.bulk_extend([quad for quad in source.quads_for_pattern(None, None, None, None)
                      if _keeps(quad, low, spanned - kept_mentions, kept_links)])
    return copy


def _keeps(quad: ox.Quad, low: set[str], dropped_mentions: set, kept_links: set) -> bool:
    """Whether a quad survives the threshold."""
    subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
    if _is_low(subject, low) or _is_low(obj, low):
        return False
    if predicate == MENTIONS and (subject.value, obj.value) in dropped_mentions:
        return False
    return predicate not in SHORTCUTS or (subject.value, obj.value) in kept_links


def _is_low(term, low: set[str]) -> bool:
    """A node below the threshold, or a part of one (a claim's quantity 'claim/x/q1')."""
    if not isinstance(term, ox.NamedNode):
        return False
    value = term.value
    return value in low or value.rsplit("/", 1)[0] in low


def _select(store: ox.Store, query: str, threshold: float):
    return store.query(query.replace("THRESHOLD", repr(float(threshold))),
                       use_default_graph_as_union=True)


def _pairs(store: ox.Store, query: str, threshold: float) -> set[tuple[str, str]]:
    return {(row[0].value, row[1].value) for row in _select(store, query, threshold)}
