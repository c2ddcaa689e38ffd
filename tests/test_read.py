"""The read stage: formats, encodings, bad inputs, walking, sources and stems.

All inputs are written into `tmp_path` by the tests themselves.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import random
import socket
from pathlib import Path

import pytest

from pressgraph.errors import InputError
from pressgraph.records import RawArticle
from pressgraph.stages.read import StemRegistry, iter_inputs

WESTERN = "The chief marketing officer said “growth will reach 5 €” – and the board agreed.\n"
ACCENTED = "Café résumé: the naïve élan of the directeur général, he said.\n"


def read_all(*paths: Path, **options) -> tuple[list[RawArticle], list[InputError]]:
    """Articles and errors from iter_inputs, each in the order yielded."""
    items = list(iter_inputs(list(paths), **options))
    assert all(isinstance(item, RawArticle | InputError) for item in items)
    articles = [item for item in items if isinstance(item, RawArticle)]
    return articles, [item for item in items if isinstance(item, InputError)]


def only_article(path: Path, **options) -> RawArticle:
    articles, errors = read_all(path, **options)
    assert errors == [], [str(error) for error in errors]
    assert len(articles) == 1
    return articles[0]


def only_error(path: Path, **options) -> str:
    articles, errors = read_all(path, **options)
    assert articles == []
    assert len(errors) == 1
    message = str(errors[0])
    assert "\n" not in message
    return message


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- plain text and encodings -------------------------------------------------------------


def test_txt_is_read_exactly(tmp_path):
    text = "Title line\n\nFirst paragraph.\nSecond line.  \n"
    article = only_article(write(tmp_path / "story.txt", text))
    assert (article.text, article.source, article.stem, article.fmt) == (
        text, "story.txt", "story", "txt")
    assert article.title is None


@pytest.mark.parametrize(
    ("label", "data", "expected"),
    [
        ("utf-8", WESTERN.encode("utf-8"), WESTERN),
        ("utf-8-sig", codecs.BOM_UTF8 + WESTERN.encode("utf-8"), WESTERN),
        ("utf-16-le-bom", codecs.BOM_UTF16_LE + WESTERN.encode("utf-16-le"), WESTERN),
        ("utf-16-be-bom", codecs.BOM_UTF16_BE + WESTERN.encode("utf-16-be"), WESTERN),
        ("utf-16-no-bom", WESTERN.encode("utf-16-le"), WESTERN),
        ("utf-32-bom", WESTERN.encode("utf-32"), WESTERN),
        ("cp1252", WESTERN.encode("cp1252"), WESTERN),
        ("cp1252-short", "It’s the CEO’s call.".encode("cp1252"), "It’s the CEO’s call."),
        ("latin-1", ACCENTED.encode("latin-1"), ACCENTED),
        ("latin-1-one-char", "é".encode("latin-1"), "é"),
        ("latin-1-german", "Die Geschäftsführerin sagte: Größe zählt.".encode("latin-1"),
         "Die Geschäftsführerin sagte: Größe zählt."),
        ("cp1251", "Генеральный директор компании заявил о росте продаж.".encode("cp1251"),
         "Генеральный директор компании заявил о росте продаж."),
    ],
)
def test_encodings_are_detected(tmp_path, label, data, expected):
    assert only_article(write(tmp_path / f"{label}.txt", data)).text == expected


def test_line_endings_become_newlines(tmp_path):
    text = "one\r\ntwo\rthree\n\r\nfour"
    expected = "one\ntwo\nthree\n\nfour"
    assert only_article(write(tmp_path / "crlf.txt", text)).text == expected
    utf16 = write(tmp_path / "crlf16.txt", text.encode("utf-16"))
    assert only_article(utf16).text == expected


def test_text_is_nfc(tmp_path):
    article = only_article(write(tmp_path / "nfd.txt", "Cafe\u0301 society"))
    assert article.text == "Caf\u00e9 society"


def test_markdown_title(tmp_path):
    article = only_article(write(tmp_path / "post.md", "# Big *news* today\n\nBody text.\n"))
    assert (article.fmt, article.title, article.stem) == ("md", "Big *news* today", "post")
    assert article.text.startswith("# Big")


def test_text_suffix_case_insensitive(tmp_path):
    write(tmp_path / "A.TXT", "upper")
    write(tmp_path / "b.text", "text suffix")
    articles, errors = read_all(tmp_path)
    assert errors == []
    assert [a.source for a in articles] == ["A.TXT", "b.text"]


# --- bad plain-text inputs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "detail"),
    [
        (b"", "KG001", ""),
        (b"  \n\t\r\n ", "KG001", ""),
        (codecs.BOM_UTF8, "KG001", ""),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "KG002", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "KG002", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(30), "KG002", "zip"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "KG002", "gzip"),
        (random.Random(7).randbytes(4096), "KG002", ""),
        (b"text" + b"\x00" * 3 + b"more text\x00\x01", "KG002", "NUL bytes"),
        (bytes(range(1, 9)) * 40 + b"some words", "KG002", "control characters"),
        (bytes(random.Random(3).choices(range(0x80, 0x100), k=600)), "KG003", ""),
        (b"The CEO said " + bytes([0xFF, 0xFE, 0xFD, 0x81, 0x9D, 0xC0, 0xC1, 0xF8]) * 20,
         "KG003", ""),
        (("naïve café “quoted”" * 20).encode("utf-8")[:-1], "KG003", "invalid UTF-8 at byte"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "pdf", "zip", "gzip", "random", "nul",
         "controls", "high-bytes", "garbage", "truncated-utf8"],
)
def test_bad_text_files(tmp_path, data, code, detail):
    path = write(tmp_path / "bad.txt", data)
    message = only_error(path)
    assert message.startswith(f"[{code}] {path}:")
    assert detail in message


def test_size_limit_small(tmp_path):
    write(tmp_path / "big.txt", "word " * 400)  # 2000 bytes
    write(tmp_path / "fits.txt", "x" * 1000)
    articles, errors = read_all(tmp_path, max_megabytes=0.001)
    assert [a.source for a in articles] == ["fits.txt"]
    assert [str(e) for e in errors] == [
        f"[KG004] {tmp_path / 'big.txt'}: 0.0 MB, over the 0.001 MB limit for one article. "
        "Split it, or raise [read] max_megabytes in the config."]


def test_size_limit_default_checked_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(51_000_000)  # sparse: costs no disk and would be all NUL bytes
    message = only_error(path)
    assert message.startswith(f"[KG004] {path}: 51.0 MB, over the 20 MB limit")


# --- paths that cannot be read --------------------------------------------------------------


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere"
    assert only_error(missing) == (
        f"[KG006] {missing}: cannot be read (no such file or directory). "
        "Check that it exists and is readable.")


def test_file_used_as_folder(tmp_path):
    inner = write(tmp_path / "plain.txt", "text") / "inner.txt"
    assert only_error(inner).startswith(f"[KG006] {inner}: cannot be read (not a directory)")


def test_broken_symlinks(tmp_path):
    link = tmp_path / "corpus" / "gone.txt"
    write(tmp_path / "corpus" / "ok.txt", "fine")
    link.symlink_to(tmp_path / "deleted.txt")
    assert "broken symbolic link" in only_error(link)
    articles, errors = read_all(tmp_path / "corpus")
    assert [a.source for a in articles] == ["ok.txt"]
    assert [str(e) for e in errors] == [
        f"[KG006] {link}: cannot be read (broken symbolic link). "
        "Check that it exists and is readable."]


def test_fifo_and_self_link_are_not_read(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", "fine")
    os.mkfifo(corpus / "a.txt")  # reading it would block forever
    (corpus / "c.txt").symlink_to(corpus / "c.txt")
    articles, errors = read_all(corpus)
    assert [a.source for a in articles] == ["b.txt"]
    assert [str(e).split(" (")[0] for e in errors] == [
        f"[KG006] {corpus / 'a.txt'}: cannot be read",
        f"[KG006] {corpus / 'c.txt'}: cannot be read"]
    assert "not a regular file" in str(errors[0])


def test_permission_denied(tmp_path, monkeypatch):
    # Tests run as root, for whom chmod 000 changes nothing, so refuse the open() itself.
    locked = write(tmp_path / "locked.txt", "secret")
    write(tmp_path / "open.txt", "public")
    real_open = Path.open

    def guarded_open(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    articles, errors = read_all(tmp_path)
    assert [a.text for a in articles] == ["public"]
    assert [str(e) for e in errors] == [
        f"[KG006] {locked}: cannot be read (permission denied). "
        "Check that it exists and is readable."]


def test_unsupported_single_file(tmp_path):
    path = write(tmp_path / "notes.rtf", "{\\rtf1 hello}")
    assert only_error(path).startswith(f"[KG007] {path}: no articles found")


# --- folders --------------------------------------------------------------------------------


def test_folder_without_articles(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "image.png", b"\x89PNG\r\n\x1a\n")
    write(corpus / ".hidden.txt", "hidden text")
    write(corpus / ".git" / "notes.txt", "inside a hidden folder")
    (corpus / "empty-sub").mkdir()
    assert only_error(corpus) == (
        f"[KG007] {corpus}: no articles found (.txt, .text, .md, .html, .htm, .jsonl). "
        "Pass a folder or files with articles.")
    (tmp_path / "void").mkdir()
    assert only_error(tmp_path / "void").startswith(f"[KG007] {tmp_path / 'void'}:")


def test_symlink_loop_terminates(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "top")
    write(corpus / "sub" / "b.txt", "nested")
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(corpus / "self")
    articles, errors = read_all(corpus)
    assert errors == []
    assert [a.source for a in articles] == ["a.txt", "sub/b.txt"]


def test_good_files_beside_bad_ones(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "Alpha article.")
    write(corpus / "b.txt", b"")
    write(corpus / "c.txt", b"\x89PNG\r\n\x1a\n" + bytes(40))
    write(corpus / "d" / "e.jsonl", '{"text": "Line one."}\nnot json\n{"text": "Line three."}\n')
    write(corpus / "f.html", NEWS_PAGE)
    items = list(iter_inputs([corpus]))
    summary = [it.source if isinstance(it, RawArticle) else str(it)[:7] for it in items]
    assert summary == ["a.txt", "[KG001]", "[KG002]", "d/e.jsonl#1", "[KG005]", "d/e.jsonl#3",
                       "f.html"]


def test_sources_and_stems_are_deterministic_and_unique(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for root in (first, second):
        write(root / "x" / "story.txt", f"{root.name} x")
        write(root / "y" / "story.txt", f"{root.name} y")
    write(first / "My Story #1.txt", "odd name")
    write(first / "story-1.txt", "clashes with the JSON Lines stem")
    write(first / "story.jsonl", '{"text": "from jsonl"}\n')
    runs = [[(a.source, a.stem) for a in read_all(first, second)[0]] for _ in range(2)]
    assert runs[0] == runs[1]
    sources = [source for source, _ in runs[0]]
    stems = [stem for _, stem in runs[0]]
    assert sources == ["My Story #1.txt", "story-1.txt", "story.jsonl#1", "x/story.txt",
                       "y/story.txt", "x/story.txt", "y/story.txt"]
    assert len(set(stems)) == len(stems)
    assert stems[:2] == ["My-Story-1", "story-1"]
    assert stems[2].startswith("story-1-") and stems[3] == "story"
    assert all(stem.startswith("story-") for stem in stems[4:])


def test_single_file_source_is_its_name(tmp_path):
    path = write(tmp_path / "deep" / "er" / "piece.txt", "text")
    assert (only_article(path).source, only_article(path).stem) == ("piece.txt", "piece")


def test_stem_registry():
    registry = StemRegistry()
    assert registry.claim("a b/c", "s1") == "a-b-c"
    again = registry.claim("a b/c", "s2")
    assert again.startswith("a-b-c-") and len(again) == len("a-b-c-") + 8
    assert registry.claim("a b/c", "s2") not in {"a-b-c", again}
    assert registry.claim("...", "s3") == "article"


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_lines_good_and_bad(tmp_path):
    lines = [
        json.dumps({"text": "First.\r\nSecond line.", "title": "T", "author": "A B",
                    "date": "2016-05-01", "url": "https://example.org/1", "publisher": "P",
                    "extra": 1}),
        "",
        '{"text": "broken',
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": "   "}',
        '{"text": 42}',
        '{"text": "ok", "title": 7}',
        '{"text": "bad \\ud800 escape"}',
        json.dumps({"text": "Cafe\u0301", "author": None}),
        "   ",
    ]
    path = write(tmp_path / "feed.jsonl", "\r\n".join(lines) + "\r\n")
    items = list(iter_inputs([path]))
    first = items[0]
    assert isinstance(first, RawArticle)
    assert (first.text, first.source, first.stem, first.fmt) == (
        "First.\nSecond line.", "feed.jsonl#1", "feed-1", "jsonl")
    assert (first.title, first.author, first.date, first.url, first.publisher) == (
        "T", "A B", "2016-05-01", "https://example.org/1", "P")
    errors = [str(item) for item in items[1:-1]]
    assert all(e.startswith(f"[KG005] {path}: line ") for e in errors)
    assert [e.split("line ")[1].split(" ")[0] for e in errors] == [
        "3", "4", "5", "6", "7", "8", "9"]
    for error, why in zip(errors, ["broken JSON", "an array, not an object", 'no "text"',
                                   '"text" is empty', '"text" is a number',
                                   '"title" is a number, not a string', "lone surrogate"],
                          strict=True):
        assert why in error
    last = items[-1]
    assert isinstance(last, RawArticle)
    assert (last.text, last.source, last.stem, last.author) == (
        "Café", "feed.jsonl#10", "feed-10", None)


def test_jsonl_bom_and_invalid_utf8_line(tmp_path):
    data = codecs.BOM_UTF8 + b'{"text": "one"}\n{"text": "caf\xe9"}\n'
    items = list(iter_inputs([write(tmp_path / "b.jsonl", data)]))
    assert isinstance(items[0], RawArticle) and items[0].text == "one"
    assert str(items[1]).startswith(f"[KG005] {tmp_path / 'b.jsonl'}: line 2 ")
    assert "invalid UTF-8" in str(items[1])


def test_jsonl_limit_is_per_line(tmp_path):
    big = json.dumps({"text": "w " * 1000})
    path = write(tmp_path / "c.jsonl", '{"text": "small"}\n' + big + '\n{"text": "after"}')
    items = list(iter_inputs([path], max_megabytes=0.001))
    assert [getattr(item, "text", None) for item in items] == ["small", None, "after"]
    assert str(items[1]).startswith(f"[KG004] {path}#2: 0.0 MB, over the 0.001 MB limit")


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "KG001"), (b"\n \n\r\n", "KG001"), (b"\x89PNG\r\n\x1a\n" + bytes(9), "KG002"),
     ('{"text": "x"}\n'.encode("utf-16"), "KG003"),
     ('{"text": "x"}\n'.encode("utf-16-le"), "KG003")],
    ids=["empty", "blank-lines", "png", "utf-16", "utf-16-no-bom"],
)
def test_jsonl_whole_file_errors(tmp_path, data, code):
    path = write(tmp_path / "d.jsonl", data)
    assert only_error(path).startswith(f"[{code}] {path}:")


# --- HTML -----------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Retailer appoints data chief | The Trade Ledger</title>
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2016-11-08T09:30:00Z">
<meta property="og:site_name" content="The Trade Ledger">
<link rel="canonical" href="https://ledger.example/news/retailer-data-chief">
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<main><article>
<h1>Retailer appoints data chief</h1>
<p class="byline">By Dana Whitfield</p>
<p>A national retail chain said on Tuesday that it had hired its first chief data officer,
who will report directly to the chief executive and oversee analytics across its stores.</p>
<p>“Data is now the centre of how we plan inventory,” the new executive said in a statement,
adding that the team would grow to forty analysts over the next eighteen months.</p>
<p>A survey by an industry group found that 58 percent of large retailers now employ a senior
data leader, up from 31 percent two years earlier, according to the report.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten gadgets you need this winter</a></li>
<li><a href="/b">Why shares slid on Friday</a></li></ul></aside>
<footer><p>© 2016 The Trade Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a>
</footer></body></html>
"""


def test_html_main_text_without_boilerplate(tmp_path):
    article = only_article(write(tmp_path / "page.html", NEWS_PAGE))
    must = ["hired its first chief data officer", "“Data is now the centre of how we plan",
            "58 percent of large retailers"]
    must_not = ["cookies", "Subscribe to our newsletter", "Most read", "Ten gadgets",
                "All rights reserved", "Privacy policy", "Markets"]
    assert all(text in article.text for text in must), article.text
    assert not [text for text in must_not if text in article.text], article.text
    assert (article.fmt, article.source, article.stem) == ("html", "page.html", "page")
    assert article.title == "Retailer appoints data chief"
    assert article.author == "Dana Whitfield"
    assert article.date == "2016-11-08"
    assert article.publisher == "The Trade Ledger"
    assert article.url == "https://ledger.example/news/retailer-data-chief"


def test_html_declared_windows_charset(tmp_path):
    page = NEWS_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "centre", "centre (€)")
    article = only_article(write(tmp_path / "old.htm", page.encode("cp1252")))
    assert "“Data is now the centre (€) of how" in article.text


DIV_PAGE = """<html><head><title>Q3 results</title></head><body>
<div class="header"><a href="/">Home</a> | <a href="/about">About us</a></div>
<div class="content"><div class="story">
<div>The company reported revenue of 4.2 billion dollars for the third quarter, beating
forecasts.</div>
<div>Its chief financial officer said margins would improve in 2017.</div>
<ul><li>Revenue up 12 percent</li><li>Net income up 8 percent</li></ul>
<div>Shares rose 3 percent in early trading.</div>
</div></div>
<div class="footer">Copyright 2016 Example Media. All rights reserved.</div></body></html>
"""


def test_html_without_semantic_tags(tmp_path):
    text = only_article(write(tmp_path / "q3.html", DIV_PAGE)).text
    must = ["revenue of 4.2 billion dollars", "margins would improve in 2017", "Net income up 8",
            "Shares rose 3 percent"]
    must_not = ["Home", "About us", "Copyright", "All rights reserved"]
    assert all(part in text for part in must), text
    assert not [part for part in must_not if part in text], text


NO_ARTICLE_PAGES = {
    "menu": "<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/m'>Markets</a></li></ul></nav><footer>All rights reserved</footer>"
            "</body></html>",
    "app-shell": "<!DOCTYPE html><html><head><title>App</title><script src='/app.js'></script>"
                 "</head><body><div id='root'></div><noscript>You need to enable JavaScript to run"
                 " this app.</noscript></body></html>",
    "title-only": "<html><head><title>Only a title</title></head><body></body></html>",
    "images": "<html><body><img src='a.png'><img src='b.png'></body></html>",
}


@pytest.mark.parametrize("name", sorted(NO_ARTICLE_PAGES))
def test_html_without_article_is_an_error_quietly_offline(tmp_path, caplog, capsys, monkeypatch,
                                                          name):
    def no_network(*args, **kwargs):
        raise AssertionError("the read stage must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = write(tmp_path / f"{name}.html", NO_ARTICLE_PAGES[name])
    with caplog.at_level(logging.DEBUG):
        message = only_error(path)
        only_article(write(tmp_path / "news.html", NEWS_PAGE))
    assert message.startswith(f"[KG016] {path}:")
    assert caplog.records == []
    assert capsys.readouterr() == ("", "")
