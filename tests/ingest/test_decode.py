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


@pytest.mark.parametrize("encoding", ["shift_jis", "euc_jp"])
def test_decode_japanese_legacy_encodings(encoding: str) -> None:
    text = "東京の市長は月曜日に話した。" * 20
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["shift_jis", "euc_jp"])
def test_decode_english_with_a_few_japanese_words(encoding: str) -> None:
    # Mostly ASCII: a detector alone calls this cp1252 (mojibake for the names).
    text = "The mayor of 東京の市 said on Monday that the council would vote on the budget. " * 3
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_decode_chinese_legacy_encodings(encoding: str) -> None:
    text = "台北市長星期一表示，議會將對橋樑預算進行表決。" * 10
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_decode_cyrillic_code_pages(encoding: str) -> None:
    text = "Мэр города заявил в понедельник, что план моста изменит реку. " * 8
    assert decode_bytes(text.encode(encoding)) == text


def test_latin_text_is_not_taken_for_east_asian() -> None:
    for text in (
        "Le maire de Besançon a déclaré que la rivière était en crue. " * 3,
        "Zürich: Straße gesperrt, sagte Müller am Montag. " * 3,
        "Die Brücke über den Fluß wurde für Fußgänger gesperrt, sagte Bürgermeisterin Köhler. " * 3,
        "El alcalde añadió que la decisión llegó tarde; según él, nadie sabía nada. " * 3,
        "\u201cWe reopened the café,\u201d she said \u2014 it\u2019s quiet. " * 3,
    ):
        assert decode_bytes(text.encode("cp1252")) == text
