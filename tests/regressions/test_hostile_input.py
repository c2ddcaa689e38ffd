"""Issue 6 regressions: what the hostile-input corpus found in the read stage and the writer.

1. A file name with a line break or a right-to-left override made a two-line (or reordered)
   warning; names are now shown with such characters escaped.
2. A 5 MB one-line article (under the 20 MB file limit) reached spaCy, which raised E088 with
   a traceback; an article over the model's 1,000,000 characters is now a one-line KG023.
3. Outputs were written with mode 0600 (the temporary file's), unreadable to a web server,
   and a killed build left its `.NAME.*.tmp` files behind for good.
4. `pressgraph serve` answered an empty query (or a prologue alone) with 403 "refuses
   updates": both are valid empty SPARQL Updates; they are now a 400.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from pressgraph.errors import InputError, RequestError
from pressgraph.records import RawArticle
from pressgraph.service.guard import refuse_syntax_error
from pressgraph.service.protocol import read_request
from pressgraph.stages.read import MAX_CHARACTERS, iter_inputs, shown
from pressgraph.writing import write_atomic


def _errors(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


def test_a_name_with_a_line_break_or_bidi_override_gives_one_line(tmp_path):
    (tmp_path / "a\nb.txt").write_bytes(b"")
    (tmp_path / "c\u202etxt.exe.txt").write_bytes(b"")
    errors = _errors(iter_inputs([tmp_path]))
    assert len(errors) == 2
    assert all("\n" not in error and "\u202e" not in error for error in errors)
    assert any("a\\nb.txt" in error for error in errors)
    assert any("c\\u202etxt.exe.txt" in error for error in errors)
    assert shown(tmp_path / "plain é 📈.txt") == str(tmp_path / "plain é 📈.txt")


def test_an_article_over_the_models_length_is_one_kg023_line(tmp_path):
    (tmp_path / "long.txt").write_text("word " * (MAX_CHARACTERS // 5 + 1), encoding="utf-8")
    (tmp_path / "short.txt").write_text("A short article.", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    assert [item.source for item in items if isinstance(item, RawArticle)] == ["short.txt"]
    [error] = _errors(items)
    assert error.startswith("[KG023] ") and "long.txt: 1,000,005 characters" in error


def test_a_jsonl_line_over_the_models_length_names_its_line(tmp_path):
    lines = [json.dumps({"text": "x" * (MAX_CHARACTERS + 1)}), json.dumps({"text": "Fine."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    [error] = _errors(items)
    assert error.startswith("[KG023] ") and "feed.jsonl#1: 1,000,001 characters" in error
    [article] = [item for item in items if isinstance(item, RawArticle)]
    assert (article.source, article.stem) == ("feed.jsonl#2", "feed-2")


def test_outputs_get_the_umask_mode_or_keep_the_old_one(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    fresh = write_atomic(tmp_path / "new.txt", "x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() == "new"


def test_a_killed_writes_temp_files_are_removed_by_the_next_write(tmp_path):
    leftover = tmp_path / ".out.trig.abc123.tmp"
    leftover.write_text("half a graph", encoding="utf-8")
    other = tmp_path / ".other.trig.abc123.tmp"
    other.write_text("another output's", encoding="utf-8")
    write_atomic(tmp_path / "out.trig", "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.trig.abc123.tmp", "out.trig"]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment", "PREFIX x: <urn:y>"])
def test_an_empty_query_is_400_not_a_refused_update(text):
    assert refuse_syntax_error(text, SyntaxError("error at 1:1")).status == 400
    if not text.strip():
        with pytest.raises(RequestError) as refused:
            read_request("POST", "", "application/sparql-query", text.encode())
        assert refused.value.status == 400 and "empty query" in str(refused.value)


def test_a_real_update_is_still_403():
    assert refuse_syntax_error("PREFIX x: <urn:y> DROP ALL", SyntaxError("x")).status == 403
