"""Fix the small English model's systematic entity errors with rules and lexicons.

- an entity never crosses a line break (entities that swallow the next line);
- leading job titles come off person names ("CMO Matt" -> "Matt"), and an entity made only of
  title words (role acronyms such as CMO or EVP tagged ORG, "Global Head" tagged PERSON) goes;
- a leading dash or "the" comes off; a possessive "'s" stays outside;
- the organization rules of `org_rules` (lists after a kind, reporting acronyms, events).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pressgraph.components import org_rules
from pressgraph.stages.lexicon import Lexicon, load_lexicon

KEPT = {"PERSON", "ORG", "GPE"}
BODIES = {"committee", "board", "directors", "council", "commission", "member", "members"}
LEADING_JUNK = {"—", "–", "-", "the", "The", "by", "By", "+", "|", "•", "“", '"'}


@Language.factory("pressgraph_entity_fixer", default_config={"patterns": "build/patterns"})
def make_entity_fixer(nlp: Language, name: str, patterns: str) -> EntityFixer:
    """Build the fixer with the lexicons in the `patterns` folder."""
    return EntityFixer(load_lexicon(Path(patterns)))


class EntityFixer:
    """Rewrite `doc.ents` after the NER component."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        fixed: list[Span] = []
        for ent in doc.ents:
            for piece in _split_lines(ent):
                span = self._fix(piece)
                if span is not None:
                    fixed.append(span)
        lexicon = self.lexicon
        merged = _merge_adjacent_people(doc, fixed)
        ents = [org_rules.person_as_org(e, lexicon) for e in merged]
        forced = {e.text for e, m in zip(ents, merged, strict=True)
                  if m.label_ == "PERSON" and e.label_ == "ORG"}
        ents = org_rules.majority_labels(ents, forced)
        ents = [e for e in ents if not (e.label_ == "ORG" and org_rules.is_non_org(e, lexicon))]
        acronyms = [a for a in org_rules.reporting_acronyms(doc, self.lexicon)
                    if not any(e.start < a.end and a.start < e.end for e in ents)]
        doc.ents = org_rules.overlay(ents, org_rules.listed_orgs(doc, self.lexicon) + acronyms)
        return doc

    def _fix(self, ent: Span) -> Span | None:
        """The corrected entity, or None when it is no person or organization."""
        if ent.label_ not in KEPT:
            return ent
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].text in LEADING_JUNK or doc[start].is_space
                               or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                               or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if ent.label_ == "PERSON":
            while start < end and self._is_title_token(doc[start].text):
                start += 1
        while end > start and ent.label_ == "ORG" and self._is_head(doc[end - 1].text):
            end -= 1
        if start >= end or self._not_a_name(doc[start:end]):
            return None
        label = ent.label_
        if label == "PERSON" and any(t.like_num for t in doc[start:end]):
            return None
        return Span(doc, start, end, label=label)

    def _not_a_name(self, span: Span) -> bool:
        """Title words only, two role acronyms ('CMO/CIO'), no capital, or too long."""
        words = [w for w in re.split(r"[\s/-]+", span.text) if w]
        acronyms = sum(1 for w in words if self._is_title_token(w) and w.rstrip("s").isupper())
        return (all(self._is_title_token(w) for w in words) or acronyms >= 2
                or not any(w[:1].isupper() for w in words) or len(words) > 5)

    def _is_head(self, word: str) -> bool:
        """The last word of a job title in the lexicon ('officer', 'CMO'), not of a body."""
        folded = word.casefold()
        return folded not in BODIES and any(
            title.casefold().split()[-1] == folded for title in self.lexicon.titles)

    def _is_title_token(self, word: str) -> bool:
        if word[-1:] == "s" and word[:-1].isupper():
            word = word[:-1]
        return (word in self.lexicon.titles and word.isupper()) or (
            word.casefold() in self.lexicon.title_words and word.casefold() not in {"and", "of"}
            and word[:1].isalpha())


def _split_lines(ent: Span) -> list[Span]:
    """Cut an entity at every token that holds or follows a line break."""
    pieces, start = [], ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > start:
                pieces.append(Span(ent.doc, start, end, label=ent.label_))
            start = token.i + 1
    if start < ent.end:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return pieces


def _merge_adjacent_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join a first name and a surname the model tagged as two persons ('Matt' 'Jauchius')."""
    merged: list[Span] = []
    for ent in sorted(ents, key=lambda s: s.start):
        last = merged[-1] if merged else None
        if (last is not None and last.label_ == ent.label_ == "PERSON" and last.end == ent.start
                and "\n" not in doc[last.end - 1].whitespace_):
            merged[-1] = Span(doc, last.start, ent.end, label="PERSON")
        elif last is None or ent.start >= last.end:
            merged.append(ent)
    return merged
