"""A build with the tokenizer-only "blank" model gives the articles and no facts (it crashed:
the claim rules read a dependency parse the blank model does not make)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pressgraph.config import load_config
from pressgraph.pipeline import build

ROOT = Path(__file__).resolve().parents[2]


def test_a_blank_model_builds_articles_without_facts(tmp_path):
    config = replace(load_config(ROOT / "build" / "pipeline.toml"), model="blank")
    result = build([ROOT / "corpus" / "sample"], tmp_path, config, progress=False,
                   use_cache=False)
    text = result.trig.read_text(encoding="utf-8")
    assert result.articles == 5
    assert "schema:Article" in text
    assert "/id/claim/" not in text and "/id/membership/" not in text
