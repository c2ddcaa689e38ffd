"""Write the hostile and broken input corpus of issue 6 into a folder, at test time.

Nothing large is committed: the 50 MB file, the 5 MB line and the 10,000 tiny files are
made here. `write_corpus(folder)` returns a `Manifest` saying which files are bad (with the
error code the build must give each), which are good, and the hostile strings that must come
out of the build as plain literals.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "sample"
GOOD_SAMPLES = ("002_3ca2d5351234b3e9.txt", "004_be3f5b0ee1991228.txt")
RLM, RLO = "\u200f", "\u202e"
HOSTILE_TITLE = f'<script>alert("title")</script> """ > \\ {RLO}evil{RLM} 📈 \x07bell'
HOSTILE_AUTHOR = f'Eve <img src=x onerror=alert(1)> O"Neil {RLM}📰'
HOSTILE_PUBLISHER = "Acme}} ; DROP GRAPH <urn:x> . \"\"\"injected\"\"\" @prefix x: <y> ."
HOSTILE_QUOTE = ('<svg onload=alert(2)> """quoted""" \\n > '
                 "SELECT * WHERE { ?s ?p ?o } 🚀")
HOSTILE_TEXT = (
    "Markets Update\n\n"
    "Jane Hostile, the chief executive of Example Widgets, spoke on Monday.\n\n"
    f"“{HOSTILE_QUOTE},” said Jane Hostile, chief executive of Example Widgets.\n\n"
    f"Sales rose 12% in 2023 at Example Widgets {RLO}reversed{RLM}, the company said. "
    "Its shares closed at $45 on Friday, up from $40 a week earlier.\n")
HOSTILE_NAME = f'q"""u>o\\te <b>{RLM}📈.txt'
HOSTILE_URL = 'javascript:alert("url")> <urn:x> .'
LATIN1_NAME = b"caf\xe9-latin1.txt"  # a file name that is not UTF-8


@dataclass
class Manifest:
    """What the corpus holds and what the build must say about it.

    Attributes:
        bad: relative path (for a JSON Lines line: `file#line`) -> the error code expected.
        good: the `dcterms:source` of every article that must be built.
        literals: hostile strings that must come out as literals of the graph.
    """

    root: Path
    bad: dict[str, str] = field(default_factory=dict)
    good: list[str] = field(default_factory=list)
    literals: list[str] = field(default_factory=list)


def write_corpus(folder: Path, big: bool = True) -> Manifest:
    """Write the corpus into `folder` (created); `big` adds the 50 MB file and the 5 MB line."""
    folder.mkdir(parents=True, exist_ok=True)
    made = Manifest(folder)
    _good(folder, made)
    _undecodable(folder, made)
    _binary(folder, made)
    _html(folder, made)
    _jsonl(folder, made)
    _links(folder, made)
    if big:
        _large(folder, made)
    return made


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    """Write bytes or UTF-8 text to folder/name, making sub-folders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _good(folder: Path, made: Manifest) -> None:
    """Two sample articles and one hostile-named article with hostile content."""
    for name in GOOD_SAMPLES:
        shutil.copy(SAMPLE / name, folder / name)
        made.good.append(name)
    _write(folder, HOSTILE_NAME, HOSTILE_TEXT)
    made.good.append(HOSTILE_NAME)
    made.literals += [HOSTILE_NAME, HOSTILE_TEXT]


def _undecodable(folder: Path, made: Manifest) -> None:
    """Empty files, undecodable bytes, mixed encodings, control characters, and a file
    name that is not UTF-8."""
    bad = {
        "empty.txt": (b"", "KG001"),
        "blank.md": (b" \n\t\n\r\n", "KG001"),
        "empty\nnewline name.txt": (b"", "KG001"),
        f"empty {RLO}txt.exe{RLM}.txt": (b"", "KG001"),
        "broken-utf8.txt": ("Naïve café résumé, déjà vu: the coöperative’s "
                            "report. ".encode() * 4 + b"\xff\xfe\xc3(", "KG003"),
        "mixed-encodings.txt": ("Zürich café “quoted” — résumé. ".encode() * 3
                                + "Zürich café résumé. ".encode("cp1252"), "KG003"),
        "controls.txt": (bytes(range(1, 9)) * 40 + b"text", "KG002"),
        "utf16-odd.txt": ("half".encode("utf-16-le") + b"\x00", "KG002"),
    }
    for name, (data, code) in bad.items():
        _write(folder, name, data)
        made.bad[name] = code
    (folder / os.fsdecode(LATIN1_NAME)).write_bytes(b"Example Widgets opened a store.\n")
    made.bad[os.fsdecode(LATIN1_NAME)] = "KG024"


def _binary(folder: Path, made: Manifest) -> None:
    """A PNG and random bytes under article names (a .png beside them is no article)."""
    png = _png()
    _write(folder, "photo.png", png)
    _write(folder, "logo.txt", png)
    _write(folder, "random.txt", random.Random(6).randbytes(8192))
    _write(folder, "random.html", random.Random(7).randbytes(8192))
    made.bad.update({"logo.txt": "KG002", "random.txt": "KG002", "random.html": "KG002"})


def _png() -> bytes:
    """A valid 1x1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc
    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def _html(folder: Path, made: Manifest) -> None:
    """Deeply nested HTML, a page whose scripts and handlers must not become text, and a
    page declaring a codec that is no text encoding."""
    para = ("<p>Revenue at Example Widgets rose 8% in 2023, the company said in a statement "
            "on Monday, and its chief executive expects further growth next year.</p>")
    nested = "<div>" * 20_000 + para + "</div>" * 20_000
    _write(folder, "nested.html", f"<html><body>{nested}</body></html>")
    made.bad["nested.html"] = "KG016"
    script = (
        '<html><head><title>Quarterly results</title><script>alert("head-script")</script>'
        '</head><body onload="alert(\'onload\')"><article><h1>Quarterly results</h1>'
        f'{para * 4}<img src="x" onerror="alert(\'img-handler\')">'
        '<script>document.write("body-script")</script>'
        '<a href="javascript:alert(\'link\')">more</a></article></body></html>')
    _write(folder, "scripted.html", script)
    made.good.append("scripted.html")
    declared = ('<html><head><meta charset="base64"><title>Results</title></head><body>'
                f"<article><h1>Results</h1>{para * 3}</article></body></html>")
    _write(folder, "charset-base64.html", declared)  # a codec no page is in: read as UTF-8
    made.good.append("charset-base64.html")


def _jsonl(folder: Path, made: Manifest) -> None:
    """JSON Lines with broken JSON, wrong types, missing text, a number too long to read, a
    hostile article, and one with an impossible date and a hostile URL."""
    hostile = {"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "author": HOSTILE_AUTHOR,
               "publisher": HOSTILE_PUBLISHER}
    lines = [
        json.dumps(hostile),
        '{"text": "unterminated',
        '{"text": 42}',
        '{"title": "no text here"}',
        '["a", "list"]',
        '{"text": "Fine words.", "author": ["not", "a", "string"]}',
        '{"text": "\\ud800 lone surrogate"}',
        "",
        '{"text": "   "}',
        json.dumps({"text": "Example Widgets said on Friday that its revenue rose 4% in 2023.",
                    "date": "2023-02-30", "url": HOSTILE_URL}),
        '{"text": "A number too long for Python.", "n": ' + "9" * 5000 + "}",
    ]
    _write(folder, "feed.jsonl", "\n".join(lines) + "\n")
    made.good += ["feed.jsonl#1", "feed.jsonl#10"]
    made.literals += [HOSTILE_TITLE, HOSTILE_AUTHOR, HOSTILE_PUBLISHER, HOSTILE_URL]
    for number in (2, 3, 4, 5, 6, 7, 9, 11):
        made.bad[f"feed.jsonl#{number}"] = "KG005"


def _links(folder: Path, made: Manifest) -> None:
    """Symbolic link loops, a dangling link, a file that cannot be read, a named pipe and a
    link to an endless device."""
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-dir").symlink_to(".")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "again").symlink_to("../sub")
    (folder / "dangling.txt").symlink_to("missing-target.txt")
    made.bad.update({"loop-a.txt": "KG006", "loop-b.txt": "KG006", "dangling.txt": "KG006"})
    unreadable = folder / "unreadable.txt"
    if os.geteuid() == 0:  # root reads a mode-000 file; /proc/self/mem fails with EIO
        unreadable.symlink_to("/proc/self/mem")
    else:
        unreadable.write_text("secret", encoding="utf-8")
        unreadable.chmod(0)
    made.bad["unreadable.txt"] = "KG006"
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer for ever
    (folder / "zero.txt").symlink_to("/dev/zero")  # endless bytes, size 0
    made.bad.update({"pipe.txt": "KG006", "zero.txt": "KG006"})


def _large(folder: Path, made: Manifest) -> None:
    """A 50 MB file (over the 20 MB limit) and a 5 MB line (over the model's 1M characters)."""
    sentence = b"Example Widgets said sales rose 3% as demand grew across its markets. "
    with (folder / "huge.txt").open("wb") as out:
        for _ in range(50_000_000 // (len(sentence) * 1000) + 1):
            out.write(sentence * 1000)
    made.bad["huge.txt"] = "KG004"
    line = sentence * (5_000_000 // len(sentence) + 1)
    _write(folder, "one-line.txt", line)
    made.bad["one-line.txt"] = "KG023"


def write_tiny_files(folder: Path, count: int = 10_000) -> list[str]:
    """`count` tiny articles in 100 sub-folders; returns their sources."""
    sources = []
    for index in range(count):
        name = f"d{index % 100:02d}/t{index:05d}.txt"
        _write(folder, name, f"Note {index}: Example Widgets opened store {index}.\n")
        sources.append(name)
    return sources
