"""The offset map from cleaned text back to the given text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import OffsetMap
from storyline.text import fix_text, paragraph_pieces


def test_identity_map() -> None:
    offsets = OffsetMap.identity(10)
    assert offsets.to_given(2, 5) == (2, 5)
    assert offsets.to_given(0, 10) == (0, 10)


def test_deletion_and_edit_snap_outward() -> None:
    # given: "ab" + "XYZ" (deleted) + "cd" + "&amp;" (edited to "&") + "e"
    offsets = OffsetMap.from_runs([(2, 2), (0, 3), (2, 2), (1, 5), (1, 1)])
    assert offsets.clean_length == 6 and offsets.given_length == 13
    assert offsets.to_given(0, 2) == (0, 2)  # ends before the deletion
    assert offsets.to_given(2, 4) == (5, 7)  # starts after it
    assert offsets.to_given(4, 5) == (7, 12)  # the edit, whole
    assert offsets.to_given(3, 6) == (6, 13)


def test_adjacent_verbatim_runs_merge() -> None:
    assert OffsetMap.from_runs([(2, 2), (3, 3), (0, 0)]) == OffsetMap((0, 5), (0, 5))


_LINE = st.text(alphabet=st.sampled_from("ab cé\u00a0\t\ufeff&;Ã©"), max_size=30)


@given(st.lists(_LINE, max_size=8))
def test_every_paragraph_maps_back_to_its_given_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    for piece in paragraph_pieces(text):
        offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
        start, end = offsets.to_given(0, len(piece.text))
        # Deleted whitespace (and BOMs) at either edge stays outside the span.
        assert piece.start <= start <= end <= piece.end
        assert not fix_text(text[piece.start : start]) and not fix_text(text[end : piece.end])
        # Repairing the given slice gives the paragraph back (up to folded whitespace).
        assert " ".join(fix_text(text[start:end]).split()) == " ".join(piece.text.split())


# Words of an archive's split mojibake between its separators: line breaks inside a
# sequence or an apostrophe's word, Multi-News's line marker, a line broken before a comma.
_WORDS = st.sampled_from(
    [
        *("DauphinÃ ©", "CafÃ\n©", "BogotÃ ¡", "Abbottâ€ ™ s", "donâ€\n™ t", "Oâ€ ™\nReilly"),
        *("workerâ€ �", "â€œyes", "â€ “", "said", "the", "Lee", "Ã ©"),
    ]
)
_SEPARATORS = st.sampled_from([" ", "\n", "\r\n", "\r", "NEWLINE_CHAR", "\n, ", " \u00a0", "\n\n", ". "])
_ARCHIVE_TEXT = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=12).map(
    lambda pairs: "".join(word + separator for word, separator in pairs)
)


@given(_ARCHIVE_TEXT)
def test_repaired_split_mojibake_maps_back_to_its_given_text(text: str) -> None:
    for piece in paragraph_pieces(text):
        assert "NEWLINE_CHAR" not in piece.text
        offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
        start, end = offsets.to_given(0, len(piece.text))
        assert piece.start <= start <= end <= piece.end
        assert " ".join(fix_text(text[start:end]).split()) == " ".join(piece.text.split())
