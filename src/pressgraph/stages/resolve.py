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
from pressgraph.stages.merges import MergeRules
from pressgraph.stages.resolve_rules import apply_rules, joined_by_spelling, joined_by_surname

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
    """Collect every name used across the corpus, then answer name -> Entity.

    Names share an entity when their normalized keys are equal, when they differ only in
    spaces or hyphens (organizations), when one is an acronym the text defines, or when a
    surname alone fits exactly one full name in the corpus. The merge rules win over all.

    Args:
        rules: the user's pinned and forbidden merges.
    """

    def __init__(self, rules: MergeRules | None = None) -> None:
        self.rules = rules or MergeRules()
        self.seen: Counter[tuple[str, str]] = Counter()
        self.acronyms: dict[tuple[str, str], str] = {}
        self._keys: dict[tuple[str, str], tuple[str, str]] | None = None
        self._members: dict[tuple[str, str], Counter[str]] = {}
        self._entities: dict[tuple[str, str], Entity] = {}  # answers, until a name is added

    def add(self, facts: ArticleFacts) -> None:
        """Count the names one article uses, and the acronyms it defines."""
        for name, label in _names(facts):
            self.seen[(label, name)] += 1
        for alias, full in facts.aliases:
            self.acronyms[("ORG", org_key(alias))] = org_key(full)
            self.seen[("ORG", full)] += 0
            self.seen[("ORG", alias)] += 0
        self._keys = None
        self._entities = {}

    def entity(self, name: str, label: str) -> Entity:
        """The entity a name stands for."""
        found = self._entities.get((name, label))
        if found is None:
            found = self._entities[name, label] = self._entity(name, label)
        return found

    def _entity(self, name: str, label: str) -> Entity:
        keys = self._resolved()
        key = keys.get((label, name), (self._base(name, label), ""))[0]
        names = self._members.get((label, key)) or Counter({name: 1})
        canonical = sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        return Entity(key, label, canonical, tuple(sorted(n for n in names if n != canonical)))

    def report(self) -> list[str]:
        """Lines naming each merge: which names became one entity, and on what evidence."""
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (label, name), (key, why) in sorted(self._resolved().items()):
            groups[(label, key)].append(f"{name} [{why}]" if why else name)
        return [f"{label} {key}: {' | '.join(names)}"
                for (label, key), names in sorted(groups.items()) if len(names) > 1]

    def _base(self, name: str, label: str) -> str:
        key = key_of(name, label)
        return self.acronyms.get((label, key), key)

    def _resolved(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(label, name) -> (key, why it joined that key), computed once per corpus."""
        if self._keys is None:
            keys = {ln: (self._base(ln[1], ln[0]), "") for ln in sorted(self.seen)}
            for (label, name), (key, _) in keys.items():
                if key != key_of(name, label):
                    keys[(label, name)] = (key, "acronym defined in the text")
            keys.update(joined_by_spelling(keys, self.seen))
            keys.update(joined_by_surname(keys))
            keys.update(apply_rules(keys, self.rules))
            self._keys, self._members = keys, defaultdict(Counter)
            for (label, name), (key, _) in keys.items():  # the names of each entity, counted
                self._members[(label, key)][name] = self.seen[(label, name)]
        return self._keys


def _names(facts: ArticleFacts) -> Iterable[tuple[str, str]]:
    """(name, label) of every person and organization an article names."""
    for mention in facts.mentions:
        yield mention.name, mention.label
    for author in facts.authors:
        yield author, "PERSON"
    for claim in facts.claims:
        if claim.claimant and claim.claimant_label:
            yield claim.claimant, claim.claimant_label
