"""Bytes to text: UTF-8 first, UTF-16 with or without a BOM, then a detected legacy encoding
(Latin and Cyrillic code pages, Shift-JIS, EUC-JP, GB18030, Big5...); binaries refused."""

from __future__ import annotations

import codecs
import re

from storyline.errors import Errors, InputError

_SNIFF_BYTES = 8192
_GUESS_BYTES = 200_000
# C0 control bytes that never occur in text files (tab, LF, FF, CR and ESC excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_LEGACY_LATIN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows_1252", "ascii", "cp1250"}


def utf16_without_bom(data: bytes) -> str | None:
    """Tell "utf-16-le" or "utf-16-be" when the first bytes are UTF-16 text without a BOM, else None.

    Text in a Latin or Cyrillic script has a NUL as the high byte of nearly every
    character, so NULs sit on one parity only; a binary has them on both, or few.
    """
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.05:
        encoding = "utf-16-le"
    elif nul_even > 0.6 and nul_odd < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    text = head.decode(encoding, errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\f\r\x1b")
    return encoding if controls / len(text) < 0.05 and text.count("\ufffd") < len(text) / 20 else None


def is_binary(data: bytes) -> bool:
    """Tell binary content (images, archives, PDFs) from text by its first bytes."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, *, path: str = "<input>") -> str:
    """Decode file content, repairing the usual suspects (cp1252, latin-1, UTF-16, Shift-JIS)."""
    if is_binary(data):
        raise InputError(Errors.SL103, path=path)
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    family = (encoding or "").replace("-", "_").lower()
    if encoding is None or family in _LEGACY_LATIN or family in _KOREAN:
        # Mostly-ASCII text with a few Japanese or Chinese words is often guessed as a
        # Latin code page (its few high bytes are cp1252-valid), and short Japanese as
        # Korean: check the East Asian encodings. Korean decodes as Chinese too, so a
        # Korean guess is only checked for Japanese (kana).
        east_asian = _east_asian_encoding(data, chinese=family not in _KOREAN)
        if east_asian is not None:
            return data.decode(east_asian, errors="replace")
    if encoding is None or family in _LEGACY_LATIN:
        # cp1252 is what "latin-1" text on the web almost always is: it adds curly
        # quotes and dashes in 0x80-0x9f where latin-1 has control characters.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return data.decode(encoding, errors="replace")


# Tried in this order; Japanese needs kana (every Japanese text has some), Chinese needs
# every character outside ASCII to be CJK, with GB2312/Big5-like second bytes. A Latin
# code page rarely decodes strictly as any of them: an accented letter before a space or
# punctuation is an invalid pair.
_EAST_ASIAN = (("cp932", True), ("euc_jp", True), ("gb18030", False), ("big5", False))
_KANA = re.compile(r"[\u3041-\u30ff]")
_CJK = re.compile(r"[\u3000-\u303f\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef]")
_MIN_EAST_ASIAN_CHARS = 4
_KOREAN = {"cp949", "euc_kr", "johab", "iso2022_kr"}


def _east_asian_encoding(data: bytes, *, chinese: bool) -> str | None:
    """The East Asian legacy encoding (Shift-JIS, EUC-JP, GB18030, Big5) that `data`
    decodes strictly in, into Japanese or Chinese characters only; else None."""
    for encoding, needs_kana in _EAST_ASIAN:
        if not needs_kana and not chinese:
            continue
        try:  # the sample may end inside a character: not final
            text = codecs.getincrementaldecoder(encoding)().decode(data[:_GUESS_BYTES], final=False)
        except UnicodeDecodeError:
            continue
        wide = [ch for ch in text if ord(ch) > 127]
        if len(wide) < _MIN_EAST_ASIAN_CHARS or not all(_CJK.match(ch) for ch in wide):
            continue
        if needs_kana and not _KANA.search(text):
            continue
        if not needs_kana and sum(ch.encode(encoding)[-1] >= 0xA1 for ch in wide) < len(wide) * 0.3:
            # Latin text read as Chinese pairs each accented letter with the ASCII letter
            # after it (German "ür" is a valid GBK pair); real GB and Big5 text has most
            # second bytes at 0xA1 or above.
            continue
        return encoding
    return None


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_GUESS_BYTES]).best()
    return best.encoding if best is not None else None
