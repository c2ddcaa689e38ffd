"""The text of a parsed Doc, built once per Doc.

spaCy's `Doc.text` joins the text of every token on each call; the extraction rules ask for it
thousands of times per article. `doc_text` keeps it in `doc.user_data` instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "pressgraph.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed on the first call for this Doc and kept with it."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
