"""Turn an input file's bytes into text: refuse binaries, find the encoding, normalize.

Order: a byte order mark wins (UTF-8, UTF-16, UTF-32); NUL bytes mean UTF-16 without a mark
or a binary file; then a charset the HTML page declares, then strict UTF-8, then
charset-normalizer, asked first whether the bytes read as Windows-1252 (which also covers
Latin-1 text) and only then for its overall best guess. Reading the marks and the declared
charset from the bytes is in `read_sniff`.
"""

from __future__ import annotations

import re
import unicodedata

import charset_normalizer

from pressgraph.errors import Errors, InputError
from pressgraph.stages.read_sniff import binary_kind, bomless_utf16, byte_order_mark

MAX_CONTROL_SHARE = 0.05
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 and C1 but tab, \n, \v, \f, \r
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def normalize(text: str) -> str:
    """Line endings to \\n first (\\r\\n and lone \\r), then Unicode NFC."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


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


def _decode(data: bytes, path: str, declared: str | None) -> str:
    """Pick the encoding and decode; raise KG003 when none fits."""
    forced = byte_order_mark(data) or (bomless_utf16(data) if b"\x00" in data else None)
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
