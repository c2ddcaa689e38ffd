"""The vocabularies of the model (see ontology/pressgraph.ttl) and the deterministic IRIs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD


class Vocabulary(Namespace):
    """A namespace that makes each term once: rdflib's makes a new URIRef at every access."""

    def __getattr__(self, name: str):
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


SCHEMA = Vocabulary("https://schema.org/")
NIF = Vocabulary("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Vocabulary("http://www.w3.org/2005/11/its/rdf#")
PG = Vocabulary("https://pressgraph.example/vocab#")
DEFAULT_BASE = "https://pressgraph.example/id/"

PREFIXES = {
    "schema": SCHEMA, "org": ORG, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF, "skos": SKOS,
    "dcterms": DCTERMS, "foaf": FOAF, "pg": PG, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
}

CLAIM_KINDS = ("Statistic", "Prediction", "Finding", "Quote", "Assertion")
ROLE_CODES = ("CEO", "CMO", "CIO", "CINO", "CTO", "CDO", "CDAO", "CFO", "COO",
              "EVP", "SVP", "VP", "PRESIDENT", "DIRECTOR", "HEAD")


def slug(text: str) -> str:
    """NFKC, casefold, strip accents, runs of anything but [a-z0-9] become '-'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare).strip("-") or "x"


def short_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of `text`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Iris:
    """Mint the model's IRIs under one configurable base.

    Args:
        base: the IRI every node's IRI starts with, ending in '/' or '#'.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = Namespace(base)

    def doc(self, stem: str):
        """The article node and its named graph."""
        return self.base[f"doc/{stem}"]

    def span(self, stem: str, begin: int, end: int):
        """An evidence span, as a NIF RFC 5147 style fragment."""
        return self.base[f"doc/{stem}#char={begin},{end}"]

    def person(self, key: str):
        return self.base[f"person/{key}"]

    def org(self, key: str):
        return self.base[f"org/{key}"]

    def membership(self, person_key: str, org_key: str | None, tenure: str | None = None):
        """One membership per person and organization (`none` when no organization is named);
        a former, outgoing or incoming one is apart: `.../{person}--{org}--former`."""
        suffix = f"--{tenure}" if tenure else ""
        return self.base[f"membership/{person_key}--{org_key or 'none'}{suffix}"]

    def claim(self, kind: str, text: str, author_iri: str | None):
        norm = re.sub(r"\s+", " ", text).strip().casefold()
        key = "|".join((kind, norm, author_iri or ""))
        return self.base[f"claim/{short_hash(key)}"]

    def role(self, code: str):
        return self.base[f"role/{code}"]

    def claim_kind(self, name: str):
        return self.base[f"claim-kind/{name}"]

    def graph(self, name: str):
        """A named graph that is not an article's: `graph/vocabulary`, `graph/build`."""
        return self.base[f"graph/{name}"]
