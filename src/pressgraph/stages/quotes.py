"""Find direct quotes, split them into statements, and find who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pressgraph.stages import coref
from pressgraph.stages.doc_text import doc_text

QUOTE = re.compile(r"“([^“”]{12,}?)(?:”|(?=\n(?!“))|$)|\"([^\"\n]{12,}?)\"", re.S)
ELLIPSIS = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
SIGNATURE = re.compile(r"^[\s,]*[—–-]{1,2}\s*")
BRACKET_SOURCE = re.compile(r"^\s*\[([A-Z][^\]]{1,60})\]")
REPORTED_AFTER = re.compile(
    r"\b(?:said|says|added|adds|noted|notes|explained|explains|told|tells|warned|warns|argued|"
    r"argues|insisted|insists|stressed|stresses|commented|continued|wrote|writes|according to)\b",
    re.I)
SPEECH_VERB = re.compile(REPORTED_AFTER.pattern.replace("said|", "said|say|stated|states|asked|"
                                                        "declared|"), re.I)
AFTER_END = re.compile(r"(?<=[.!?])\s|\n|[“\"]")
REFERENCE = re.compile(r"\b(he|she|it|(?<=the )(?:company|firm|group|bank|airline|carmaker|"
                       r"retailer|insurer|lender|giant|business|carrier|operator|maker))\b", re.I)


@dataclass(frozen=True)
class Quote:
    """One statement of a quote: its text range in the cleaned text and its speaker."""

    begin: int
    end: int
    speaker: str | None
    speaker_label: str | None
    how: str


def find_quotes(doc: Doc, people: list[Span], orgs: list[Span]) -> list[Quote]:
    """Every quote of at least six words, split into statements, with its speaker."""
    quotes = []
    for outer_end, begin, end in _joined(doc_text(doc), _quoted_runs(doc_text(doc))):
        speaker, label, how = _speaker(doc, begin - 1, outer_end, people, orgs)
        for b, e in _statements(doc_text(doc), begin, end):
            quotes.append(Quote(b, e, speaker, label, how))
    return quotes


def _quoted_runs(text: str) -> list[tuple[int, int, int]]:
    """(end of the closing mark, begin, end) of every quote of at least six words."""
    runs = []
    for match in QUOTE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        begin, end = match.start(group), match.end(group)
        inner = text[begin:end].rstrip()
        if len(inner.split()) >= 6 and not _embedded(text, match.start()):
            runs.append((match.end(), begin, begin + len(inner)))
    return runs


def _embedded(text: str, mark: int) -> bool:
    """A quoted phrase inside the writer's sentence ('sales were "not what we hoped for"'):
    the opening mark follows a word, with no punctuation between, that is no reporting verb
    ('said "...', 'noted that "...')."""
    before = text[max(0, mark - 40):mark]
    words = re.findall(r"[A-Za-z']+", before)
    if not before.rstrip() or not before.rstrip()[-1].isalpha() or not words:
        return False
    verb = words[-2] if words[-1].casefold() == "that" and len(words) > 1 else words[-1]
    return SPEECH_VERB.fullmatch(verb) is None


def _joined(text: str, runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Quotes broken by a speech tag ('"..," he said. "..."') joined into one quote; the
    first part's closing mark is where the speaker is looked for."""
    joined: list[tuple[int, int, int]] = []
    for run in runs:
        if joined:
            outer_end, begin, end = joined[-1]
            between = text[end:run[1]]
            if len(between) <= 80 and "\n" not in between and REPORTED_AFTER.search(between):
                joined[-1] = (outer_end, begin, run[2])
                continue
        joined.append(run)
    return joined


def _statements(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Split at ellipses; a piece of four or more sentences is split into sentences."""
    pieces, start = [], begin
    for match in ELLIPSIS.finditer(text, begin, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    out = []
    for b, e in pieces:
        cuts = [m.start() for m in SENTENCE_END.finditer(text, b, e)]
        if len(cuts) >= 3:
            bounds = [b, *cuts, e]
            out += [(x, y) for x, y in zip(bounds, bounds[1:], strict=False)]
        else:
            out.append((b, e))
    return [_trim(text, b, e) for b, e in out if len(text[b:e].split()) >= 4]


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    """Leave surrounding white space out of a range."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def _speaker(doc: Doc, begin: int, end: int, people: list[Span], orgs: list[Span]):
    """Who is quoted: a source named after the quote ('..., said Ann Roe', '... — Ann Roe'),
    a bracketed source, else a name before it in the paragraph, else 'he said' after it."""
    after = AFTER_END.split(doc_text(doc)[end:end + 200], 1)[0]
    verb = REPORTED_AFTER.search(after)
    if SIGNATURE.match(after) or verb:
        if verb is not None and verb.group(0).casefold() in ("told", "tells"):
            after = after[:verb.start()]  # '..., Ann Roe told the BBC': not the listener
        found = _named_in(people, end, end + len(after)) or _named_in(orgs, end, end + len(after))
        if found is not None:
            return found.text, found.label_, "signature" if SIGNATURE.match(after) else "said-after"
        reference = REFERENCE.search(after)
        if reference:
            entity = coref.refers_to(reference.group(1), people, orgs, begin)
            if entity is not None:
                return entity.text, entity.label_, "pronoun"
    source = BRACKET_SOURCE.match(after)
    if source:
        known = {o.text for o in orgs}
        words = source.group(1).split()
        for size in range(len(words), 0, -1):
            if " ".join(words[:size]) in known:
                return " ".join(words[:size]), "ORG", "source-note"
    paragraph_start = doc_text(doc).rfind("\n", 0, begin) + 1
    window = max(paragraph_start, begin - 400)
    person = [e for e in people if window <= e.start_char and e.end_char <= begin]
    org = [e for e in orgs if window <= e.start_char and e.end_char <= begin]
    if person:
        return person[-1].text, "PERSON", "name-before"
    if org:
        return org[-1].text, "ORG", "name-before"
    return None, None, "none"


def _named_in(entities: list[Span], begin: int, end: int) -> Span | None:
    """The first entity that starts between `begin` and `end`."""
    return next((e for e in entities if begin <= e.start_char < end), None)
