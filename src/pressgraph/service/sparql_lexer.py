"""A SPARQL lexer for the guard: it sets comments, strings, IRIs and variables apart.

`bare_words` reads the keywords, function names and prefixed names of a query, `word_pieces`
splits a prefixed name where pyoxigraph would read a keyword, `decode_escapes` decodes `\\u`
escapes, `nesting_depth` measures how deep the brackets nest, and `declares_dataset` tells
whether a query names its own dataset (FROM or FROM NAMED).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_STRING = "|".join([
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'(?:[^'\\\n\r]|\\.)*'",
    r'"(?:[^"\\\n\r]|\\.)*"',
])
_IRI = r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>"
_TOKEN = re.compile("|".join([
    r"(?P<skip>\s+|#[^\n\r]*)",
    f"(?P<string>{_STRING})",
    f"(?P<iri>{_IRI})",
    r"(?P<var>[?$]\w+|_:\w+)",
    r"(?P<word>[A-Za-z_][\w.-]*:[\w.:%\\-]*|:[\w.:%\\-]*|[A-Za-z_]\w*)",
    r"(?P<other>.)",
]), re.DOTALL)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def bare_words(text: str) -> Iterator[str]:
    """The keywords, function names and prefixed names of a query, upper-cased, in order."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            yield match.group().upper()


def declares_dataset(text: str) -> bool:
    """True if the query names its own dataset (FROM or FROM NAMED), which the union of the
    store's graphs as the default graph would otherwise override."""
    return "FROM" in bare_words(text)


def decode_escapes(text: str) -> str:
    """The text with SPARQL's `\\uXXXX` and `\\UXXXXXXXX` escapes decoded (invalid ones kept)."""
    def decode(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()
    return _UCHAR.sub(decode, text)


def nesting_depth(text: str) -> int:
    """How deep the brackets ({, ( and [) of a query nest, outside strings, IRIs and comments."""
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "other":
            continue
        if match.group() in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif match.group() in "})]":
            depth = max(0, depth - 1)
    return deepest


def word_pieces(word: str) -> list[str]:
    """A word, or a prefixed name's prefix and every piece after a dot (`ex:a.B` -> EX, B)."""
    prefix, colon, local = word.partition(":")
    return [prefix, *local.split(".")[1:]] if colon else [word]
