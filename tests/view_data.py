"""A small graph in the model's shape for the view tests, with hostile strings in it.

Two copies of one article, two people with positions at one organization, a second
organization, a quote and a statistic. One person's name is an HTML injection and the quote
and a headline contain `</script>`: the view must show them as text.
"""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from pressgraph.namespace import NIF, PG, SCHEMA, Iris

IRIS = Iris()
HOSTILE = "<img src=x onerror=alert(1)>"
QUOTE = "Marketing now owns 40% of the technology budget </script><b>bold</b>"
STAT = "three in four marketing chiefs share a budget with IT"
HOSTILE_HEADLINE = f"Acme copy </script>{HOSTILE}"
TEXT_1 = (
    "Acme Corp named Jane Roe its chief marketing officer on Monday. "
    f'"{QUOTE}," Roe said. Board member {HOSTILE} declined to comment.'
)
TEXT_2 = f"Acme Corp named Jane Roe its CMO. Globex Research found that {STAT}. {TEXT_1}"

ARTICLE_1, ARTICLE_2 = IRIS.doc("a1"), IRIS.doc("a2")
JANE, MALLORY = IRIS.person("jane-roe"), IRIS.person("mallory")
ACME, GLOBEX = IRIS.org("acme-corp"), IRIS.org("globex-research")
QUOTE_CLAIM = IRIS.claim("Quote", QUOTE, str(JANE))
STAT_CLAIM = IRIS.claim("Statistic", STAT, str(GLOBEX))
KINDS = {"Quote": "quote", "Statistic": "statistic"}


def span(ds: Dataset, graph: URIRef, stem: str, text: str, part: str) -> URIRef:
    """Add the NIF span of the first occurrence of `part` in `text` and return its IRI."""
    begin = text.index(part)
    node = IRIS.span(stem, begin, begin + len(part))
    g = ds.graph(graph)
    g.add((node, RDF.type, NIF.String))
    g.add((node, NIF.referenceContext, graph))
    g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(begin + len(part), datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.anchorOf, Literal(part)))
    return node


def _article(ds: Dataset, node: URIRef, stem: str, headline: str, text: str) -> None:
    """An article node in its own named graph."""
    g = ds.graph(node)
    for cls in (SCHEMA.Article, NIF.Context, PROV.Entity):
        g.add((node, RDF.type, cls))
    g.add((node, DCTERMS.source, Literal(f"news/{stem}.txt")))
    g.add((node, SCHEMA.headline, Literal(headline)))
    g.add((node, NIF.isString, Literal(text)))


def _agent(ds: Dataset, graph: URIRef, node: URIRef, name: str, person: bool) -> None:
    """A person or an organization restated in an article's graph."""
    g = ds.graph(graph)
    classes = (SCHEMA.Person, FOAF.Person) if person else (SCHEMA.Organization, ORG.Organization)
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, SCHEMA.name, Literal(name)))
    g.add((graph, SCHEMA.mentions, node))


def _membership(ds: Dataset, person: URIRef, key: str, title: str, code: str, evidence) -> None:
    """A position at Acme with its evidence span, plus the org:memberOf shortcut."""
    g = ds.graph(ARTICLE_1)
    node = IRIS.membership(key, "acme-corp")
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.organization, ACME))
    g.add((node, ORG.role, IRIS.role(code)))
    g.add((node, SCHEMA.roleName, Literal(title)))
    g.add((node, PROV.wasDerivedFrom, evidence))
    g.add((node, PG.confidence, Literal("0.8", datatype=XSD.decimal)))
    g.add((person, ORG.memberOf, ACME))


def _claim(ds: Dataset, graph: URIRef, node: URIRef, kind: str, text: str, author, evidence):
    """A claim with its kind, claimant and evidence span."""
    g = ds.graph(graph)
    g.add((node, RDF.type, SCHEMA.Claim))
    g.add((node, SCHEMA.text, Literal(text)))
    g.add((node, DCTERMS.type, IRIS.claim_kind(kind)))
    g.add((node, SCHEMA.author, author))
    g.add((node, SCHEMA.appearance, graph))
    g.add((node, PG.confidence, Literal("0.9", datatype=XSD.decimal)))
    g.add((node, PROV.wasDerivedFrom, evidence))


def view_dataset() -> Dataset:
    """The test graph: 8 drawn nodes (2 articles, 2 people, 2 organizations, 2 claims)."""
    ds = Dataset()
    _article(ds, ARTICLE_1, "a1", "Acme names a new CMO", TEXT_1)
    _article(ds, ARTICLE_2, "a2", HOSTILE_HEADLINE, TEXT_2)
    ds.graph(ARTICLE_1).add((ARTICLE_1, PROV.alternateOf, ARTICLE_2))
    ds.graph(ARTICLE_2).add((ARTICLE_2, PROV.alternateOf, ARTICLE_1))
    for graph in (ARTICLE_1, ARTICLE_2):
        _agent(ds, graph, JANE, "Jane Roe", True)
        _agent(ds, graph, ACME, "Acme Corp", False)
    _agent(ds, ARTICLE_1, MALLORY, HOSTILE, True)
    _agent(ds, ARTICLE_2, GLOBEX, "Globex Research", False)
    ds.graph(ARTICLE_1).add((JANE, SCHEMA.alternateName, Literal("J. Roe")))
    _membership(ds, JANE, "jane-roe", "chief marketing officer", "CMO",
                span(ds, ARTICLE_1, "a1", TEXT_1, "Jane Roe its chief marketing officer"))
    _membership(ds, MALLORY, "mallory", "Board member", "DIRECTOR",
                span(ds, ARTICLE_1, "a1", TEXT_1, f"Board member {HOSTILE}"))
    _claim(ds, ARTICLE_1, QUOTE_CLAIM, "Quote", QUOTE, JANE,
           span(ds, ARTICLE_1, "a1", TEXT_1, QUOTE))
    ds.graph(ARTICLE_2).add((QUOTE_CLAIM, SCHEMA.appearance, ARTICLE_2))
    ds.graph(ARTICLE_1).add((QUOTE_CLAIM, RDF.type, SCHEMA.Quotation))
    quantity = URIRef(f"{QUOTE_CLAIM}/q1")
    ds.graph(ARTICLE_1).add((QUOTE_CLAIM, PG.quantity, quantity))
    ds.graph(ARTICLE_1).add((quantity, RDF.type, SCHEMA.QuantitativeValue))
    ds.graph(ARTICLE_1).add((quantity, SCHEMA.value, Literal(40)))
    ds.graph(ARTICLE_1).add((quantity, SCHEMA.unitText, Literal("percent")))
    _claim(ds, ARTICLE_2, STAT_CLAIM, "Statistic", STAT, GLOBEX,
           span(ds, ARTICLE_2, "a2", TEXT_2, STAT))
    vocabulary = ds.graph(IRIS.graph("vocabulary"))
    for name, label in KINDS.items():
        vocabulary.add((IRIS.claim_kind(name), RDF.type, SKOS.Concept))
        vocabulary.add((IRIS.claim_kind(name), SKOS.prefLabel, Literal(label, lang="en")))
    return ds
