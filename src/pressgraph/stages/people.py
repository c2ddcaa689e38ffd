"""Which of the model's PERSON entities a reader would take for a real, named person."""

from __future__ import annotations

from spacy.tokens import Span

from pressgraph.stages.names import NameBook

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady"}


def credible_people(people: list[Span], book: NameBook, evidence: set[str]) -> list[Span]:
    """The entities of people named in full, or named once with some sign of personhood.

    A one-word name ('Watson', 'Spock', 'the Hatfields') is kept only when the article
    gives it an honorific ('Mr Ebbers'), or `evidence` holds it: an author, a person with a
    position, a claimant.

    Args:
        people: the PERSON entities of the article.
        book: the article's names, mapping short forms to full names.
        evidence: full names known to be people from other rules.
    """
    honoured = {book.person(p.text) for p in people if _has_honorific(p)}
    keep = []
    for entity in people:
        name = book.person(entity.text)
        if name and (len(name.split()) >= 2 or name in evidence or name in honoured):
            keep.append(entity)
    return keep


def _has_honorific(entity: Span) -> bool:
    """Whether the word before (or the first word of) the entity is an honorific."""
    first = entity[0].lower_.rstrip(".")
    before = entity.doc[entity.start - 1].lower_.rstrip(".") if entity.start else ""
    return first in HONORIFICS or before in HONORIFICS
