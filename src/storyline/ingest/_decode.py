"""Bytes to text: UTF-8 first, then a detected legacy encoding; binaries refused."""

from __future__ import annotations

import codecs

from storyline.errors import Errors, InputError

_SNIFF_BYTES = 8192
# C0 control bytes that never occur in text files (tab, LF, FF, CR and ESC excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_LEGACY_LATIN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows_1252", "ascii", "cp1250"}


def is_binary(data: bytes) -> bool:
    """Tell binary content (images, archives, PDFs) from text by its first bytes."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, *, path: str = "<input>") -> str:
    """Decode file content, repairing the usual suspects (cp1252, latin-1, UTF-16)."""
    if is_binary(data):
        raise InputError(Errors.SL103, path=path)
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    if encoding is None or encoding.replace("-", "_").lower() in _LEGACY_LATIN:
        # cp1252 is what "latin-1" text on the web almost always is: it adds curly
        # quotes and dashes in 0x80-0x9f where latin-1 has control characters.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return data.decode(encoding, errors="replace")


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None
