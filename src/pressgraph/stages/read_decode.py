"""Turn an input file's bytes into text: refuse binaries, find the encoding, normalize.

Order: a byte order mark wins (UTF-8, UTF-16, UTF-32); NUL bytes mean UTF-16 without a mark
or a binary file; then a charset the HTML page declares, then strict UTF-8, then
charset-normalizer, asked first whether the bytes read as Windows-1252 (which also covers
Latin-1 text) and only then for its overall best guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from pressgraph.errors import Errors, InputError

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
MAX_CONTROL_SHARE = 0.05
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 and C1 but tab, \n, \v, \f, \r
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"}
NOT_PAGE_CODECS = {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode",
                   "undefined"}  # text codecs no web page is in (WHATWG forbids UTF-7)
ASCII_PROBE = bytes(range(0x20, 0x7F))


def normalize(text: str) -> str:
    """Line endings to \\n first (\\r\\n and lone \\r), then Unicode NFC."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def byte_order_mark(data: bytes) -> str | None:
    """The codec a leading byte order mark names, if any."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def binary_kind(data: bytes) -> str | None:
    """What binary format the bytes look like (magic number or NUL bytes), None for text."""
    kind = next((kind for magic, kind in MAGIC if data.startswith(magic)), None)
    if kind is None and b"\x00" in data and not byte_order_mark(data):
        kind = None if _bomless_utf16(data) else "NUL bytes"
    return kind


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode a whole file, normalize it and check that it holds text.

    Args:
        data: the file's bytes.
        path: the file as shown in error messages.
        declared: an encoding the file itself declares (an HTML meta charset), tried after
            any byte order mark and before strict UTF-8.

    Returns:
        The text with \\n line endings, NFC-normalized.

    Raises:
        InputError: KG001 empty, KG002 binary, KG003 no encoding fits.
    """
    if not data:
        raise InputError(Errors.KG001.format(path=path))
    kind = binary_kind(data)
    if kind:
        raise InputError(Errors.KG002.format(path=path, kind=kind))
    text = normalize(_decode(data, path, declared))
    controls = sum(1 for _ in CONTROL.finditer(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(Errors.KG002.format(path=path, kind=f"{controls} control characters"))
    if not text.strip():
        raise InputError(Errors.KG001.format(path=path))
    return text


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


def _decode(data: bytes, path: str, declared: str | None) -> str:
    """Pick the encoding and decode; raise KG003 when none fits."""
    forced = byte_order_mark(data) or (_bomless_utf16(data) if b"\x00" in data else None)
    if forced:
        return _strict(data, forced, path)
    for codec in filter(None, (declared, "utf-8")):
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):
            continue
    _refuse_broken_utf8(data, path)
    match = (charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
             or charset_normalizer.from_bytes(data).best())
    if match is None:
        raise InputError(Errors.KG003.format(path=path, why="no known encoding fits"))
    return _strict(data, match.encoding, path)


def _strict(data: bytes, codec: str, path: str) -> str:
    """Decode strictly with one codec or raise KG003 naming the bad byte."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        why = f"invalid {codec.upper()} at byte {err.start}"
        raise InputError(Errors.KG003.format(path=path, why=why)) from None


def _refuse_broken_utf8(data: bytes, path: str) -> None:
    """Raise KG003 for UTF-8 with a few bad bytes, which a guess would turn into mojibake."""
    good = len(UTF8_SEQUENCE.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    if good >= 3 and good >= 4 * bad:
        _strict(data, "utf-8", path)


def _bomless_utf16(data: bytes) -> str | None:
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

