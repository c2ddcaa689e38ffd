"""Shared fixtures: the project's patterns, and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = ROOT / "build" / "patterns"


@pytest.fixture(scope="session")
def lexicon():
    from pressgraph.stages.lexicon import load_lexicon

    return load_lexicon(PATTERNS)


@pytest.fixture(scope="session")
def rules():
    from pressgraph.stages.clean import load_rules

    return load_rules(PATTERNS / "boilerplate.tsv")


@pytest.fixture(scope="session")
def nlp():
    from pressgraph.nlp import load_nlp

    return load_nlp(PATTERNS)
