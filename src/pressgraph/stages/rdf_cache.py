"""A cache of each article's graph as TriG text rows, so a rebuild renders only what changed.

An article's graph is a function of its facts, its near-duplicate copies, the base IRI and the
resolver's answers for its names (entity key, canonical name, aliases: these depend on the whole
corpus). An entry is keyed by the first three (the facts-cache key holds the pipeline version,
so changed code or patterns miss) and records the resolver's answers it was made with; it is
used only while the resolver gives the same answers, so the bytes equal those of a clean build.
Entries live in OUT/cache/rdf/, beside the facts, and those a build did not use are deleted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pressgraph.namespace import Iris
from pressgraph.records import ArticleFacts
from pressgraph.stages.cache import PickleCache
from pressgraph.stages.graph_writer import GraphWriter, Rendered
from pressgraph.stages.resolve import Entity, Resolver
from pressgraph.stages.to_rdf import article_quads

Answers = dict[tuple[str, str], Entity]  # (name, label) -> the entity the resolver gave


class RecordingResolver:
    """A resolver that remembers every answer it gives."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.answers: Answers = {}

    def entity(self, name: str, label: str) -> Entity:
        found = self.answers[name, label] = self.resolver.entity(name, label)
        return found


@dataclass(frozen=True)
class Entry:
    """One article's rendered graph and the resolver answers it was made with."""

    answers: Answers
    rendered: Rendered


class RenderedCache(PickleCache):
    """Rendered article graphs under `folder` (OUT/cache/rdf).

    Args:
        folder: the cache folder.
        facts_key: the facts cache's key of an article as read (`FactsCache.key`).
    """

    def __init__(self, folder: Path, facts_key: Callable[[object], str]) -> None:
        super().__init__(folder)
        self.facts_key = facts_key
        self.hits = 0

    def key(self, facts: ArticleFacts, iris: Iris) -> str:
        """The entry key of an article's facts as this build resolves them."""
        fields = (self.facts_key(facts.raw), facts.alternates, str(iris.base))
        return hashlib.sha256(repr(fields).encode("utf-8")).hexdigest()

    def rendered(self, facts: ArticleFacts, iris: Iris, resolver: Resolver,
                 writer: GraphWriter) -> Rendered:
        """The article's graph rendered: from the cache if still valid, else made and saved."""
        key = self.key(facts, iris)
        entry = self.load(key)
        if isinstance(entry, Entry) and _still_valid(entry.answers, resolver):
            self.hits += 1
            return entry.rendered
        recording = RecordingResolver(resolver)
        rendered = writer.render(article_quads(facts, iris, recording))
        self.save(key, Entry(recording.answers, rendered))
        return rendered


def _still_valid(answers: Answers, resolver: Resolver) -> bool:
    """Whether the resolver still gives every recorded answer."""
    return all(resolver.entity(name, label) == found
               for (name, label), found in answers.items())
