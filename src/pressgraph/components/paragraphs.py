"""A component that starts a sentence after every line break (one paragraph per line)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("pressgraph_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the token after a newline as a sentence start, before the parser runs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc
