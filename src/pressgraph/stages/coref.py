"""Who 'he', 'she', 'it' and 'the company' stand for: simple, explainable back-references.

A person pronoun is the latest person named before it. An organization reference ('it', 'the
firm', 'the bank') is the most salient organization so far: the one named most often before
it, the latest on a tie. News stories name their main company again and again, and mention
regulators or rivals in passing, so salience beats recency for 'the company said'.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

PERSON_PRONOUNS = {"he", "she", "him", "her"}
ORG_PRONOUNS = {"it"}
COMPANY_NOUNS = {"company", "firm", "group", "airline", "retailer", "bank", "insurer",
                 "carrier", "business", "maker", "manufacturer", "chain", "operator", "carmaker",
                 "lender", "giant", "brewer", "supermarket", "conglomerate", "producer"}


def latest_person(people: list[Span], position: int) -> Span | None:
    """The last person named before `position` (a character offset)."""
    earlier = [p for p in people if p.end_char <= position]
    return earlier[-1] if earlier else None


def salient_org(orgs: list[Span], position: int) -> Span | None:
    """The organization named most often before `position`; the latest of those on a tie."""
    earlier = [o for o in orgs if o.end_char <= position]
    if not earlier:
        return None
    counts = Counter(o.text for o in earlier)
    best = max(counts.values())
    return next(o for o in reversed(earlier) if counts[o.text] == best)


def refers_to(word: str, people: list[Span], orgs: list[Span], position: int) -> Span | None:
    """The entity a pronoun or company noun at `position` stands for, if any."""
    word = word.casefold()
    if word in PERSON_PRONOUNS:
        return latest_person(people, position)
    if word in ORG_PRONOUNS or word in COMPANY_NOUNS:
        return salient_org(orgs, position)
    return None
