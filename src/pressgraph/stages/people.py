"""Which of the model's PERSON entities a reader would take for a real, named person."""

from __future__ import annotations

from spacy.tokens import Span

from pressgraph.stages.names import HONORIFICS, NameBook


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


def companies_named_as_people(people: list[Span], book: NameBook, evidence: set[str],
                              cue_verbs: dict[str, str]) -> tuple[list[Span], list[Span]]:
    """Split off one-word 'people' that report like a company ('Yukos said'), as ORG spans.

    A one-word name with no honorific and no other sign of personhood (`evidence`) that is the
    subject of a reporting verb is taken for an organization: news stories name a person in
    full first, and a company by one word.

    Returns:
        The people kept, and the organizations found among them.
    """
    honoured = {book.person(p.text) for p in people if _has_honorific(p)}
    suspects = {book.person(p.text) for p in people if _reports(p, cue_verbs)}
    kept, companies = [], []
    for entity in people:
        name = book.person(entity.text)
        if (name and len(name.split()) == 1 and name in suspects and name not in honoured
                and name not in evidence):
            companies.append(Span(entity.doc, entity.start, entity.end, label="ORG"))
        else:
            kept.append(entity)
    return kept, companies


def _reports(entity: Span, cue_verbs: dict[str, str]) -> bool:
    """Whether the entity is the subject of a reporting verb."""
    return any(t.dep_ == "nsubj" and t.head.lemma_ in cue_verbs for t in entity)


def _has_honorific(entity: Span) -> bool:
    """Whether the word before (or the first word of) the entity is an honorific."""
    first = entity[0].lower_.rstrip(".")
    before = entity.doc[entity.start - 1].lower_.rstrip(".") if entity.start else ""
    return first in HONORIFICS or before in HONORIFICS
