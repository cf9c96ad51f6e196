import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import OffsetMap
from storyline.text import fix_text, paragraph_pieces, split_paragraphs


def test_fix_text_empty() -> None:
    assert fix_text("") == ""
    assert fix_text("  \n\t \n") == ""


def test_fix_text_repairs_mojibake() -> None:
    # UTF-8 read as cp1252: the classic "cafÃ©" and "â€œquotedâ€\x9d".
    assert fix_text("the cafÃ© opened") == "the café opened"
    assert fix_text("He said â€œnoâ€\x9d.") == "He said \u201cno\u201d."


def test_fix_text_keeps_typographic_quotes() -> None:
    assert fix_text("\u201cWe will rebuild,\u201d she said.") == "\u201cWe will rebuild,\u201d she said."


def test_fix_text_multinews_newlines_and_spaces() -> None:
    assert fix_text("First line.NEWLINE_CHARNEWLINE_CHARSecond\u00a0 line.") == "First line.\n\nSecond line."


def test_fix_text_windows_newlines() -> None:
    assert fix_text("a\r\nb\rc") == "a\nb\nc"


@pytest.mark.parametrize("text", ["0\r\x1f,", "''\x1f0", "0\u200b''0"])
def test_fix_text_idempotent_around_invisible_characters(text: str) -> None:
    # cases the property below found: a line of a comma after a control character, and wire
    # quotes judged before the characters repair removes were gone
    once = fix_text(text)
    assert fix_text(once) == once


@given(st.text(max_size=300))
def test_fix_text_idempotent(text: str) -> None:
    once = fix_text(text)
    assert fix_text(once) == once


def test_split_paragraphs_one_per_line() -> None:
    assert split_paragraphs("Headline\n\nFirst paragraph.\nSecond paragraph.") == [
        "Headline",
        "First paragraph.",
        "Second paragraph.",
    ]


def test_split_paragraphs_joins_hard_wrapped_block() -> None:
    block = (
        "The council said on Tuesday that the river had burst its banks after three\n"
        "days of storms, and that emergency shelters had been opened in the two schools\n"
        "and the town hall for residents who were forced to leave their homes overnight.\n"
        "More rain is expected."
    )
    assert split_paragraphs(block) == [block.replace("\n", " ")]


def test_short_lines_are_never_a_wrapped_column() -> None:
    # A menu, a share line and a byline have similar widths and no full stop, but they are
    # lines of a page, not a column: each stays its own paragraph, so cleaning can drop it.
    lines = ["Home | News | Sport", "Share this article", "By Jo Smith"]
    assert split_paragraphs("\n".join(lines)) == lines


def test_markdown_link_residue_keeps_its_text() -> None:
    text = "Foreign Minister [Sergey Lavrov](#) met [the envoy](https://example.org/a_b) on Monday."
    assert fix_text(text) == "Foreign Minister Sergey Lavrov met the envoy on Monday."
    assert fix_text("a [b] (c) and f(x) stay") == "a [b] (c) and f(x) stay"
    piece = paragraph_pieces(text)[0]
    start = piece.text.index("Sergey")
    offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
    given_start, given_end = offsets.to_given(start, start + len("Sergey Lavrov"))
    assert text[given_start:given_end] == "Sergey Lavrov"


def _maps_back(text: str, wanted: str) -> bool:
    """Whether `wanted`, found in the first repaired paragraph of `text`, maps back onto
    the same words of `text` through the paragraph's offset runs."""
    piece = paragraph_pieces(text)[0]
    start = piece.text.index(wanted)
    offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
    given_start, given_end = offsets.to_given(start, start + len(wanted))
    return text[given_start:given_end] == wanted


def test_wire_quote_marks_become_typographic_ones() -> None:
    """AP and NYT archives write ``a quote'': the marks it stands for, offsets kept."""
    text = "MARALLA, Kenya (AP) _ ``We will not leave,'' she said. He called it ``a trap.''"
    fixed = fix_text(text)
    assert (
        fixed
        == "MARALLA, Kenya (AP) \u2014 \u201cWe will not leave,\u201d she said. He called it \u201ca trap.\u201d"
    )
    assert _maps_back(text, "a trap")
    # without an opening pair, two apostrophes are left as they are
    assert fix_text("the '' mark and it's fine") == "the '' mark and it's fine"


def test_wire_quotes_written_with_apostrophes_both_ways_become_typographic_ones() -> None:
    """Some NYT copy writes ''a quote'' with two apostrophes at both ends."""
    text = "''We will not leave,'' said Ana Roux. ''This is a sorry day.'' He is 6'2'' tall."
    fixed = fix_text(text)
    assert fixed == (
        "\u201cWe will not leave,\u201d said Ana Roux. \u201cThis is a sorry day.\u201d He is 6'2\u201d tall."
    )
    assert _maps_back(text, "a sorry day")
    # no opening pair before a word: a height in feet and inches stays as written
    assert fix_text("He is 6'2'' tall and fine.") == "He is 6'2'' tall and fine."


@given(st.text(alphabet="`' ab\n", max_size=40))
def test_wire_quote_offsets_hold_for_any_text(text: str) -> None:
    for piece in paragraph_pieces(text):
        offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
        assert offsets.clean_length == len(piece.text)
        assert 0 <= offsets.to_given(0, len(piece.text))[0] <= len(text)


def test_a_nested_wire_quote_closes_both_marks() -> None:
    text = "``They told me, `You cannot stay here,''' said Mara Quint. Tom Reede said nothing."
    assert (
        fix_text(text)
        == "\u201cThey told me, `You cannot stay here,'\u201d said Mara Quint. Tom Reede said nothing."
    )
    assert _maps_back(text, "said Mara")


def test_a_long_wire_line_keeps_exact_offsets() -> None:
    """Curled marks are aligned one by one, not as one edit of the whole line."""
    text = " ".join(f"``Quote number {i},'' said speaker {i}." for i in range(300))
    assert _maps_back(text, "speaker 299")


def test_a_wire_dash_becomes_a_dash_and_the_dateline_still_goes() -> None:
    from storyline.clean import clean_article
    from storyline.model import Article

    text = "CORRAN, Varnia (AP) _ The suit _ filed in May _ names ``three firms,'' a lawyer said."
    assert fix_text(text).endswith(
        "The suit \u2014 filed in May \u2014 names \u201cthree firms,\u201d a lawyer said."
    )
    cleaned, _, dropped = clean_article(Article(id="a", text=text))
    assert cleaned.body == "The suit \u2014 filed in May \u2014 names \u201cthree firms,\u201d a lawyer said."
    start = cleaned.body.index("filed")
    given = cleaned.to_given(start, start + len("filed in May"))
    assert text[given[0] : given[1]] == "filed in May"
    assert any(d.reason == "dateline" for d in dropped)


def test_wiki_link_markup_keeps_the_text_shown() -> None:
    text = "Talks in [[Damascus]] with [[Hamad bin Jassim Al Thani|Hamad]] failed."
    assert fix_text(text) == "Talks in Damascus with Hamad failed."
    assert _maps_back(text, "Damascus")
    # The shown part of a piped link maps onto the whole link, which holds it.
    piece = paragraph_pieces(text)[0]
    offsets = OffsetMap.from_runs([(0, piece.start), *piece.runs])
    start = piece.text.index("Hamad")
    given_start, given_end = offsets.to_given(start, start + len("Hamad failed"))
    assert "Hamad]] failed" in text[given_start:given_end]
    assert fix_text("x [[]] and [[a|b|c]] stay") == "x [[]] and [[a|b|c]] stay"


@given(
    st.text(alphabet="ab `'\u00e9\u00c3\u00a9", min_size=1, max_size=30),
    st.integers(0, 30),
)
def test_a_piece_cut_in_two_maps_each_part_back(text: str, at: int) -> None:
    """`Piece.before` and `Piece.after` keep each part one run of the given text."""
    for piece in paragraph_pieces(text):
        cut = min(at, len(piece.text))
        head, tail = piece.before(cut), piece.after(cut)
        if head is None or tail is None:  # the cut fell inside a repaired character
            assert head is None and tail is None
            continue
        assert head.text + tail.text == piece.text
        assert piece.start == head.start <= head.end <= tail.start <= tail.end == piece.end
        for part in (head, tail):
            offsets = OffsetMap.from_runs(part.runs)
            assert offsets.clean_length == len(part.text)
            assert offsets.given_length == part.end - part.start


# Mojibake an archive's tokenizer split: UTF-8 punctuation read as cp1252 ("â€™" for "’",
# "â€œ" for "“", "â€\x9d" for "”", "â€“" for "–"), then cut by spaces and line breaks.
def test_split_mojibake_is_joined_and_repaired() -> None:
    given = "The mayorâ€ ™ s aide said â€œthe bridge stays shutâ€ � and left â€ “ early."
    assert fix_text(given) == "The mayor’s aide said “the bridge stays shut” and left – early."


def test_split_mojibake_contractions_and_ellipsis() -> None:
    assert fix_text("We donâ€ ™ t know â€ ¦ yet") == "We don’t know … yet"
    assert fix_text("Theyâ€ ™ re here") == "They’re here"


def test_split_mojibake_over_a_line_break() -> None:
    # The tokenizer broke the line inside the sequence or inside the word an apostrophe
    # splits: that break is not the writer's, so the line goes on with the next one.
    assert fix_text("the plan,\nâ€ �\nPeters said.\nThe clubâ€\n™ s coach") == (
        "the plan,\n”\nPeters said.\nThe club’s coach"
    )
    assert fix_text("hackers.\nOâ€ ™\nReilly, a key supporter") == "hackers.\nO’Reilly, a key supporter"
    # (the line it took is gone, not left blank: a blank line would end a paragraph)
    assert fix_text("the womanâ€ ™\ns bag\nI think") == "the woman’s bag\nI think"
    # ...but not a break after a possessive plural or a closing quote mark
    assert fix_text("the workersâ€ ™\nRights group said") == "the workers’\nRights group said"


def test_split_latin_letter_mojibake() -> None:
    # "é" is C3 A9: "Ã©", split "Ã ©"; "Ã " before anything else is "à" (its no-break space lost).
    assert fix_text("the Tour de la RÃ ©gion") == "the Tour de la Région"
    assert fix_text("cafÃ©") == "café"


def test_split_mojibake_offsets_point_into_the_given_text() -> None:
    given = "Leeâ€ ™ s view: â€œno dealâ€ �"
    (piece,) = [p for p in paragraph_pieces(given) if p.text]
    assert piece.text == "Lee’s view: “no deal”"
    offsets = OffsetMap.from_runs(piece.runs)
    start = piece.text.index("no deal")
    a, b = offsets.to_given(start, start + len("no deal"))
    assert given[piece.start + a : piece.start + b] == "no deal"  # the same words in what was given
    a, b = offsets.to_given(0, len("Lee’s"))
    assert given[piece.start + a : piece.start + b] == "Leeâ€ ™ s"


def test_text_without_split_mojibake_is_untouched() -> None:
    # A real trade mark, a dagger, and words in capitals with their own "Ã" stay as they
    # are (Vietnamese and Portuguese: "Ã" then a quote mark or a dash is not "é" set apart).
    for text in (
        "iPhone™ sales",
        "see note †",
        "SÃO PAULO — Lula",
        "ĐÃ “xong”",
        "ĐÃ – BÁN",
        "A MANHÃ — FRIA",
        "ANH ĐÃ\n“Nói”",
        "O ALEMÃ º lugar",
    ):
        assert fix_text(text) == text
    # nor does a sequence become an invisible character ("â€" + "©" would be U+2029)
    assert "\u2029" not in fix_text("aâ€ ©b")


def test_repair_mojibake_reads_as_cleaning_does() -> None:
    from storyline.text import repair_mojibake

    given = "Leeâ€ ™ s view: â€œno dealâ€ �\nthe clubâ€\n™ s coach\nla RÃ ©gion"
    assert repair_mojibake(given) == ["Lee’s view: “no deal”", "the club’s coach", "la Région"]
    assert repair_mojibake(given) == fix_text(given).split("\n")
    assert repair_mojibake("plain\ntext ") == ["plain", "text "]  # nothing to repair: as given


def test_a_clitic_set_apart_joins_its_word() -> None:
    # An archive's tokenizer wrote "Burger ’s", "don 't": no writer puts a space there.
    assert fix_text("in Burger ’s witness statement") == "in Burger’s witness statement"
    assert fix_text("There ’s more, and I don 't know") == "There’s more, and I don't know"
    # ...but a decade, "rock 'n' roll" and a quoted word keep their space
    for text in ("the '90s", "rock 'n' roll", "he said 'sorry' twice", "the 'tough' one"):
        assert fix_text(text) == text


def test_a_line_that_opens_with_a_comma_goes_on_from_the_line_before() -> None:
    # The archive broke the line before the comma: one line, the comma against its word.
    given = "peak of my career\n, ' he says with a smile\nNext line."
    assert fix_text(given) == "peak of my career, ' he says with a smile\nNext line."
    piece = paragraph_pieces(given)[0]
    assert given[piece.start : piece.end] == "peak of my career\n, ' he says with a smile"
    # Not after a blank line, and not a smiley.
    assert fix_text("Done.\n\n, and more") == "Done.\n\n, and more"
    assert fix_text("Hello\n:)") == "Hello\n:)"
