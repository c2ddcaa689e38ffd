"""Organization rules the small model lacks, applied by the entity fixer.

- a list after an organization kind names organizations: "retailers such as A, B and C";
- an acronym that is the subject of a reporting verb is an organization ("IDC found ...");
- a phrase ending in a sector or event word is no organization ("Transportation Industry").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from pressgraph.stages.lexicon import Lexicon

LIST_CUES = {("such", "as"), ("like",), ("including",)}
CUE_STARTS = {cue[0] for cue in LIST_CUES}
JOINERS = {",", "and", "or", "&"}
NAME_GLUE = {"-", "&"}


def listed_orgs(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Organizations named in a list after a kind: 'social networks such as A and B'."""
    found: list[Span] = []
    for token in doc:
        if token.i == 0 or token.lower_ not in CUE_STARTS:
            continue
        width = _cue_width(doc, token.i)
        if not width:
            continue
        kind = doc[token.i - 1]
        if kind.lower_ in lexicon.org_nouns or kind.lemma_.lower() + "s" in lexicon.org_nouns:
            found += _names_from(doc, token.i + width)
    return found


def _cue_width(doc: Doc, index: int) -> int:
    """How many tokens the list cue at `index` takes (0: none)."""
    for cue in LIST_CUES:
        words = [t.lower_ for t in doc[index:index + len(cue)]]
        if tuple(words) == cue:
            return len(cue)
    return 0


def _names_from(doc: Doc, index: int) -> list[Span]:
    """Capitalized names joined by commas and 'and'/'or', from `index` on."""
    names, current = [], []
    for token in doc[index:index + 40]:
        if token.text[:1].isupper() or (current and token.text in NAME_GLUE) or (
                current and token.text[:1].isdigit()):
            current.append(token)
            continue
        if current:
            names.append(_trim(doc, current[0].i, current[-1].i + 1))
            current = []
        if token.lower_ not in JOINERS:
            break
    if current:
        names.append(_trim(doc, current[0].i, current[-1].i + 1))
    return [n for n in names if n is not None]


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """The name without trailing glue ('A &' -> 'A')."""
    while end > start and doc[end - 1].text in NAME_GLUE:
        end -= 1
    return Span(doc, start, end, label="ORG") if end > start else None


def reporting_acronyms(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """An all-capital word that is the subject of a reporting verb: 'IDC compared ...'."""
    found = []
    for token in doc:
        if (token.dep_ == "nsubj" and token.text.isupper() and token.is_alpha
                and 2 <= len(token.text) <= 6 and token.head.lemma_ in lexicon.cue_verbs
                and token.text not in lexicon.titles and token.text not in lexicon.places):
            found.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return found


def is_non_org(span: Span, lexicon: Lexicon) -> bool:
    """A capitalized phrase that ends in a sector or event word ('Global Summit')."""
    return len(span) > 1 and span[-1].lower_ in lexicon.non_org_heads


def person_as_org(span: Span, lexicon: Lexicon) -> Span:
    """A 'person' written in capitals ('SAIC') or ending in a company word ('Seibu Railways')
    is an organization."""
    if span.label_ != "PERSON":
        return span
    letters = [t.text for t in span if t.is_alpha]
    capitals = bool(letters) and all(w.isupper() and len(w) > 1 for w in letters)
    if capitals or span[-1].lower_.rstrip(".") in lexicon.org_suffixes or _described_as_org(
            span, lexicon):
        return Span(span.doc, span.start, span.end, label="ORG")
    return span


def _described_as_org(span: Span, lexicon: Lexicon) -> bool:
    """'NM Quill, the investment bank, ...', 'investment firm Grant Quill', 'Laura Quill,
    which ...': the words around the name say it is an organization."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and _kind_noun(before.lower_, lexicon) and before.text.islower():
        return True
    words = [t for t in doc[span.end:span.end + 6]]
    if len(words) >= 2 and words[0].text == "," and words[1].lower_ == "which":
        return True
    if len(words) < 3 or words[0].text != "," or words[1].lower_ not in ("the", "a", "an"):
        return False
    for token in words[2:]:
        if token.text in (",", ".", ";") or token.is_sent_start:
            return False
        if _kind_noun(token.lower_, lexicon):
            return True
    return False


def _kind_noun(word: str, lexicon: Lexicon) -> bool:
    """A noun naming a kind of organization ('bank', 'firms')."""
    return word + "s" in lexicon.org_nouns or word in lexicon.org_nouns


def majority_labels(ents: list[Span], forced: set[str] | frozenset[str] = frozenset()
                    ) -> list[Span]:
    """One label per name in a document: ORG for the `forced` names (an organization by
    a rule's evidence somewhere), else the one the model gave most often ('Acme United' tagged
    ORG twice and PERSON once is an organization); a tie keeps each as it is."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        if ent.label_ in ("PERSON", "ORG"):
            votes[ent.text][ent.label_] += 1
    out = []
    for ent in ents:
        count = votes.get(ent.text)
        if ent.text in forced and ent.label_ == "PERSON":
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")
        elif count and len(count) == 2 and count["ORG"] != count["PERSON"]:
            label = "ORG" if count["ORG"] > count["PERSON"] else "PERSON"
            ent = Span(ent.doc, ent.start, ent.end, label=label)
        out.append(ent)
    return out


def overlay(ents: list[Span], extra: list[Span]) -> list[Span]:
    """`ents` with `extra` spans added; an extra span replaces the entities it overlaps."""
    kept = [e for e in ents if not any(e.start < x.end and x.start < e.end for x in extra)]
    unique: list[Span] = []
    for span in sorted(extra, key=lambda s: (s.start, -s.end)):
        if not unique or span.start >= unique[-1].end:
            unique.append(span)
    return sorted(kept + unique, key=lambda s: s.start)
