"""What a file's bytes say about themselves, before decoding: binary magic numbers, byte order
marks, UTF-16 without a mark, and the charset an HTML page declares.
"""

from __future__ import annotations

import codecs
import re

MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive or Office document"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x7fELF", "executable"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
)
BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"}
NOT_PAGE_CODECS = {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode",
                   "undefined"}  # text codecs no web page is in (WHATWG forbids UTF-7)
ASCII_PROBE = bytes(range(0x20, 0x7F))


def byte_order_mark(data: bytes) -> str | None:
    """The codec a leading byte order mark names, if any."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def binary_kind(data: bytes) -> str | None:
    """What binary format the bytes look like (magic number or NUL bytes), None for text."""
    kind = next((kind for magic, kind in MAGIC if data.startswith(magic)), None)
    if kind is None and b"\x00" in data and not byte_order_mark(data):
        kind = None if bomless_utf16(data) else "NUL bytes"
    return kind


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, as the WHATWG maps it."""
    found = META_CHARSET.search(data[:4096])
    if not found:
        return None
    label = found.group(1).decode("ascii").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return info.name if _page_codec(info) else None


def _page_codec(info: codecs.CodecInfo) -> bool:
    """Whether a page may be decoded with a codec it declares: a text encoding that reads
    ASCII as ASCII, as every WHATWG encoding but UTF-16 does (not base64, rot13 or EBCDIC)."""
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_CODECS:
        return False
    try:
        return info.decode(ASCII_PROBE)[0] == ASCII_PROBE.decode("ascii")
    except (UnicodeError, ValueError, TypeError):
        return False


def bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when mostly-ASCII text has a NUL in every other byte."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 0.5 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even >= 0.5 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return None
