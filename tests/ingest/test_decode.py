import codecs

import pytest

from storyline import InputError
from storyline.ingest import decode_bytes, is_binary


def test_decode_utf8_and_bom() -> None:
    assert decode_bytes("café".encode()) == "café"
    assert decode_bytes(codecs.BOM_UTF8 + "café".encode()) == "café"


def test_decode_cp1252_curly_quotes() -> None:
    data = "\u201cWe reopened the café,\u201d she said \u2014 it\u2019s quiet.".encode("cp1252")
    assert decode_bytes(data) == "\u201cWe reopened the café,\u201d she said \u2014 it\u2019s quiet."


def test_decode_latin1() -> None:
    data = "Le maire de Besançon a déclaré que la rivière était en crue.".encode("latin-1")
    assert decode_bytes(data) == "Le maire de Besançon a déclaré que la rivière était en crue."


def test_decode_utf16() -> None:
    assert decode_bytes("Grüße".encode("utf-16")) == "Grüße"


def test_binary_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert is_binary(png)
    with pytest.raises(InputError, match="SL103"):
        decode_bytes(png, path="photo.txt")


def test_empty_is_text() -> None:
    assert decode_bytes(b"") == ""


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded_not_binary(encoding: str) -> None:
    text = "The mayor of Besançon said on Monday that the river had risen. " * 5
    data = text.encode(encoding)
    assert not is_binary(data)
    assert decode_bytes(data) == text


def test_nul_bytes_on_both_parities_stay_binary() -> None:
    with pytest.raises(InputError):
        decode_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 4000)
