"""Regression tests, one file per fixed error: a short inline text and the facts it must give."""

from __future__ import annotations

import pytest

from pressgraph.records import RawArticle
from pressgraph.stages.clean import clean
from pressgraph.stages.extract import extract


@pytest.fixture(scope="session")
def facts_of(nlp, lexicon, rules):
    """Extract the facts of one invented article text."""
    def run(text: str, stem: str = "t"):
        article = clean(RawArticle(f"{stem}.txt", stem, text), rules)
        return extract(article, nlp(article.text), lexicon)
    return run
