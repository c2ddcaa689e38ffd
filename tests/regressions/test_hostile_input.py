"""Issue 6 regressions: what the hostile-input corpus found in the read stage and the writer.

1. A file name with a line break or a right-to-left override made a two-line (or reordered)
   warning; names are now shown with such characters escaped.
2. A 5 MB one-line article (under the 20 MB file limit) reached spaCy, which raised E088 with
   a traceback; an article over the model's 1,000,000 characters is now a one-line KG023.
3. Outputs were written with mode 0600 (the temporary file's), unreadable to a web server,
   and a killed build left its `.NAME.*.tmp` files behind for good.
4. `pressgraph serve` answered an empty query (or a prologue alone) with 403 "refuses
   updates": both are valid empty SPARQL Updates; they are now a 400.
5. A file name that is not UTF-8 (a Latin-1 `caf\xe9.txt`) became a source with a lone
   surrogate, and writing the TriG failed with a UnicodeEncodeError traceback; it is now a
   one-line KG024 for that file.
6. An HTML page declaring a codec that is no text encoding (`<meta charset="base64">`, rot13,
   hex, zlib, "undefined") stopped the build with a LookupError or UnicodeError traceback; such
   a declaration is now ignored, as one of EBCDIC or UTF-7 is.
7. A JSON Lines line with a number of over 4300 digits raised ValueError (Python's integer
   conversion limit) through the reader; it is now that line's KG005.
8. A JSON Lines "date" is free text: "yesterday" or "2023-02-30" was written as an
   xsd:date literal, so the build printed rdflib tracebacks and failed SHACL; a date that is
   not a real YYYY-MM-DD or YYYY is now left out.
9. A query with brackets nested ~3,000 deep crashed pyoxigraph's parser (SIGSEGV): a query
   worker died on each (503) and `pressgraph query` segfaulted; it is now a 400 (KG009).
10. An output folder that could not be made (a file in its place) raised FileExistsError or
    NotADirectoryError out of `write_atomic`; it is now its KG013 line.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from rdflib import XSD, Literal

from pressgraph.errors import InputError, PressgraphError, RequestError
from pressgraph.namespace import SCHEMA, Iris
from pressgraph.records import ArticleFacts, RawArticle
from pressgraph.service.guard import MAX_DEPTH, check_query, refuse_syntax_error
from pressgraph.service.protocol import read_request
from pressgraph.stages.read import MAX_CHARACTERS, iter_inputs
from pressgraph.stages.read_paths import shown
from pressgraph.stages.resolve import Resolver
from pressgraph.stages.store import load_store, run_query
from pressgraph.stages.to_rdf import article_quads
from pressgraph.stages.trig import to_trig
from pressgraph.writing import write_atomic

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = ("<p>Revenue at Example Widgets rose 8% in 2023, the company said in a statement on "
             "Monday, and its chief executive expects further growth next year.</p>")


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


@pytest.mark.parametrize("target", ["out/graph.trig", "out/sub/graph.trig"])
def test_an_output_folder_in_place_of_a_file_is_one_kg013_line(tmp_path, target):
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    with pytest.raises(PressgraphError) as failed:
        write_atomic(tmp_path / target, "x")
    assert str(failed.value) == (f"[KG013] {tmp_path / target}: could not write the output (a "
                                 "file stands where its folder should be). Free disk space or "
                                 "pick another --out.")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file"


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


def test_a_file_name_that_is_not_utf8_is_one_kg024_line(tmp_path):
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Example Widgets opened a store.")
    (tmp_path / "good.txt").write_text("Example Widgets opened a store.", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    [error] = _errors(items)
    assert error.startswith("[KG024] ") and "caf\\udce9.txt" in error
    error.encode("utf-8")  # printable: the undecodable byte is shown escaped
    assert [item.source for item in items if isinstance(item, RawArticle)] == ["good.txt"]


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "undefined", "idna",
                                     "utf-7", "cp037"])
def test_a_page_declaring_a_codec_no_page_is_in_is_read_as_utf8(tmp_path, charset):
    page = (f'<html><head><meta charset="{charset}"><title>Results</title></head><body>'
            f"<article><h1>Results</h1>{PARAGRAPH * 3}<p>Zürich</p></article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = list(iter_inputs([tmp_path]))
    assert isinstance(article, RawArticle), article
    assert "Revenue at Example Widgets" in article.text and "Zürich" in article.text


def test_a_jsonl_number_too_long_for_python_is_that_lines_kg005(tmp_path):
    lines = ['{"text": "Fine words.", "n": ' + "9" * 5000 + "}", '{"text": "More words."}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    [error] = _errors(items)
    assert error.startswith("[KG005] ") and "line 1 " in error and "4300 digits" in error
    assert [item.source for item in items if isinstance(item, RawArticle)] == ["feed.jsonl#2"]


@pytest.mark.parametrize(("written", "datatype"), [
    ("yesterday", None), ("2023-13-45", None), ("2023-02-30", None), ("abcd", None),
    ("2023-1-5", None), ("２０２３", None), ("2024-02-29", XSD.date), ("2023", XSD.gYear)])
def test_only_a_real_date_is_written_as_a_date(written, datatype):
    raw = RawArticle("feed.jsonl#1", "feed-1", "Some text.", date=written, fmt="jsonl")
    facts = ArticleFacts(raw, None, (), written, None, (), (), ())
    quads = article_quads(facts, Iris(), Resolver())
    dates = [o for _, p, o, _ in quads if p == SCHEMA.datePublished]
    expected = [] if datatype is None else [Literal(written, datatype=datatype)]
    assert dates == expected
    assert "datePublished" not in to_trig(quads) or datatype is not None


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "SELECT * WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }",
    "SELECT * WHERE { ?s " + "(" * 20000 + "<urn:p>" + ")*" * 20000 + " ?o }",
], ids=["braces", "parentheses", "path"])
def test_a_query_nested_too_deep_is_400_not_a_crash(tmp_path, query):
    with pytest.raises(RequestError) as refused:
        check_query(query)
    assert refused.value.status == 400 and str(refused.value).startswith("[KG009] ")
    store = tmp_path / "store"
    load_store(ROOT / "tests" / "data" / "fixture.trig", store)
    with pytest.raises(PressgraphError, match=r"^\[KG009\] .* nest"):
        run_query(store, query)  # pressgraph query: it segfaulted


def test_nesting_within_the_limit_and_brackets_in_strings_are_fine():
    nested = "ASK " + "{ " * MAX_DEPTH + "}" * MAX_DEPTH
    check_query(nested)
    check_query('SELECT * WHERE { ?s ?p "' + "{(" * 5000 + '" } # ' + "[" * 5000)


def test_an_output_folder_that_is_a_file_is_one_line(tmp_path):
    """`build --out FILE` named a file: a KG013 line and exit 2, no traceback."""
    import subprocess
    import sys

    target = tmp_path / "taken"
    target.write_text("not a folder", encoding="utf-8")
    sample = Path(__file__).resolve().parents[2] / "corpus" / "sample"
    run = subprocess.run([sys.executable, "-m", "pressgraph", "build", str(sample), "--out",
                          str(target), "--quiet", "--config",
                          str(Path(__file__).resolve().parents[2] / "build" / "pipeline.toml")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "KG013" in run.stderr
    assert target.read_text(encoding="utf-8") == "not a folder"
