"""The view's values of RDF terms: `Lit` (a literal), `Blank` (a blank node) and `view_term`.

`Triples` (in `view_triples`) holds IRIs as plain `str`, literals as `Lit` (a `str` of the lexical
form that knows its datatype and language) and blank nodes as `Blank`; `view_term` turns an
rdflib term into one of them. `Lit.number` reads the numeric XSD datatypes below.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import BNode, Literal
from rdflib.namespace import XSD

_XSD = str(XSD)
INTEGERS = {f"{_XSD}{name}" for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
DECIMAL, FLOATS = f"{_XSD}decimal", {f"{_XSD}double", f"{_XSD}float"}


class Lit(str):
    """A literal: its lexical form, with `datatype` and `language` ('' when absent)."""

    datatype = ""
    language = ""

    @classmethod
    def of(cls, text: str, datatype: str | None = None, language: str | None = None) -> Lit:
        """A literal of some text, datatype and language."""
        made = cls(text)
        if datatype:
            made.datatype = datatype
        if language:
            made.language = language
        return made

    def number(self) -> int | Decimal | float | None:
        """The value of a numeric literal (int, Decimal or float), else None."""
        try:
            if self.datatype in INTEGERS:
                return int(self)
            if self.datatype == DECIMAL:
                return Decimal(self)
            return float(self) if self.datatype in FLOATS else None
        except (ValueError, InvalidOperation):
            return None


class Blank(str):
    """A blank node's label: never drawn, never an IRI."""


def view_term(term: object) -> str:
    """The view's value of an rdflib term."""
    if isinstance(term, Literal):
        datatype = term.datatype
        return Lit.of(str(term), str(datatype) if datatype else None, term.language)
    return Blank(term) if isinstance(term, BNode) else str(term)
