"""Resolve names to entities across articles: one IRI key per real person or organization.

Within an article the extractor already maps short forms to full names. Across articles, names
are compared in a normalized form: case, accents, punctuation, honorifics and legal suffixes
(Inc, Corp, plc, Ltd ...) folded, so "Time Warner Inc" and "Time Warner" share one IRI.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pressgraph.namespace import slug
from pressgraph.records import ArticleFacts

LEGAL = re.compile(r"[\s,]+(?:inc|incorporated|corp|corporation|co|company|plc|ltd|limited|llc|"
                   r"lp|llp|ag|sa|nv|bv|gmbh|se|spa|oyj|ab|asa)\.?$", re.I)


@dataclass(frozen=True)
class Entity:
    """A resolved person or organization: its IRI key, canonical name and other names seen."""

    key: str
    label: str
    name: str
    aliases: tuple[str, ...]


def org_key(name: str) -> str:
    """The key of an organization's name, legal suffix and leading 'the' left out."""
    bare = LEGAL.sub("", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    return slug(bare or name)


def person_key(name: str) -> str:
    """The key of a person's full name."""
    return slug(name)


def key_of(name: str, label: str) -> str:
    return person_key(name) if label == "PERSON" else org_key(name)


class Resolver:
    """Collect every name used across the corpus, then answer name -> Entity."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.alias_of: dict[tuple[str, str], str] = {}

    def add(self, facts: ArticleFacts) -> None:
        """Count the names one article uses, and the aliases it defines."""
        for name, label in _names(facts):
            self.names[(label, key_of(name, label))][name] += 1
        for alias, full in facts.aliases:
            self.alias_of[("ORG", org_key(alias))] = org_key(full)
            self.names[("ORG", org_key(full))][full] += 0

    def entity(self, name: str, label: str) -> Entity:
        """The entity a name stands for."""
        key = key_of(name, label)
        key = self.alias_of.get((label, key), key)
        seen = self.names.get((label, key)) or Counter({name: 1})
        canonical = sorted(seen.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        aliases = tuple(sorted(n for n in seen if n != canonical))
        return Entity(key, label, canonical, aliases)

    def report(self) -> list[str]:
        """Lines naming each merge: which names became one entity, and why."""
        lines = []
        for (label, key), seen in sorted(self.names.items()):
            if len(seen) > 1:
                lines.append(f"{label} {key}: {' | '.join(sorted(seen))} (same normalized name)")
        for (label, alias), key in sorted(self.alias_of.items()):
            lines.append(f"{label} {alias} -> {key} (acronym defined in the text)")
        return lines


def _names(facts: ArticleFacts) -> Iterable[tuple[str, str]]:
    """(name, label) of every person and organization an article names."""
    for mention in facts.mentions:
        yield mention.name, mention.label
    for author in facts.authors:
        yield author, "PERSON"
    for claim in facts.claims:
        if claim.claimant and claim.claimant_label:
            yield claim.claimant, claim.claimant_label
