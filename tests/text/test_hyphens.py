"""Spaced hyphens of an archive that tokenized its text, joined in cleaning; dashes kept."""

import pytest

from storyline.clean import clean_corpus
from storyline.model import Article, Corpus, OffsetMap
from storyline.text import fix_text, paragraph_pieces
from storyline.text._hyphens import join_spaced_hyphens, spaces_hyphens, spaces_hyphens_in

ARCHIVE = (
    "The co - founder of the Lisbon - based start - up was arrested on Sunday.\n"
    "Marie Delacroix - Ferrand , 52 , was held for a 10 - day inquiry.\n"
    "Police said the 39 - year - old - a well - known figure in the city - denied it.\n"
    "Her mother - in - law called the up - to - date report a so - called leak.\n"
    "Delacroix - Ferrand returned home - and the press followed her.\n"
)


def test_archive_text_is_taken_as_spacing_its_hyphens() -> None:
    assert spaces_hyphens(ARCHIVE)


@pytest.mark.parametrize(
    "text",
    [
        # ordinary text: a dash or two, and no word joined by a hyphen
        "The mayor spoke - and then left. Nobody stayed - not even the guards.",
        # a hyphen written as one ("co-founder") says the spaced marks are dashes
        "The co-founder spoke - and the pro - market wing agreed.",
        # a participle after a dash opens a clause: "a study - led by ..."
        "This was the key finding of a new study - led by the university of Lisbon.",
        "Images inside their head - known as the mind's eye.",
        # a dash beside a word that also starts or ends compounds (a reviewer's cases)
        "The streets were empty - like a ghost town after the storm.",
        "It was a mistake - time will tell whether it costs him.",
        "Stocks fell in the second half - traders blamed the Fed.",
        "The vote was held on Monday - day three of the crisis - and ended.",
        "She was treated at the scene - paramedics said. Her ex - a builder - came.",
        "LIVE - Election results. The count continues - turnout was high. LIVE - Election results",
        "",
    ],
)
def test_ordinary_text_is_not(text: str) -> None:
    assert not spaces_hyphens(text)


def test_a_name_written_twice_is_evidence_enough() -> None:
    text = "Anna Berg - Moreau spoke.\nLater Berg - Moreau left."
    assert spaces_hyphens(text)
    assert not spaces_hyphens("Lisbon - The mayor spoke.\nPorto - A storm hit.")


@pytest.mark.parametrize(
    ("line", "joined"),
    [
        ("the co - founder of Lisbon - based firms", "the co-founder of Lisbon-based firms"),
        ("Marie Delacroix - Ferrand spoke", "Marie Delacroix-Ferrand spoke"),
        ("a 39 - year - old man", "a 39-year-old man"),
        ("her mother - in - law and an up - to - date list", "her mother-in-law and an up-to-date list"),
        ("the so - called leak", "the so-called leak"),
        (
            "the run - up to the vote and a sit - in on Monday",
            "the run-up to the vote and a sit-in on Monday",
        ),
        ("the 1998 - 2001 term", "the 1998-2001 term"),
        ("the pro - Western and anti - American camps", "the pro-Western and anti-American camps"),
        ("talks with al - Qaida leaders", "talks with al-Qaida leaders"),
    ],
)
def test_hyphens_join(line: str, joined: str) -> None:
    assert join_spaced_hyphens(line) == joined


@pytest.mark.parametrize(
    "line",
    [
        # a function word beside the mark: a dash
        "The new phone - and to a lesser extent the old one - sold well",
        "The systems - have pushed sales up",
        # an aside a dash opened is closed by the next mark
        "Ferrand - and her lawyer - denied it",
        # a particle that opens a clause
        "the court case - in which she is named",
        # a lower-case word before a capitalized one: a break, not a compound
        "others go much further - Telco in Japan cut prices",
        # a chain that ends at a function word
        "sold shares of his own company - Acme - style - and told his family",
    ],
)
def test_dashes_stay(line: str) -> None:
    joined = join_spaced_hyphens(line)
    for a, b in [
        ("phone", "and"),
        ("one", "sold"),
        ("systems", "have"),
        ("Ferrand", "and"),
        ("lawyer", "denied"),
    ]:
        if f"{a} - {b}" in line:
            assert f"{a} - {b}" in joined
    for a, b in [("case", "in"), ("further", "Telco"), ("style", "and")]:
        if f"{a} - {b}" in line:
            assert f"{a} - {b}" in joined


def test_only_archive_text_is_changed() -> None:
    plain = "The mayor spoke - and then left. Nobody stayed - not even the guards."
    assert fix_text(plain) == plain
    assert "Delacroix-Ferrand" in fix_text(ARCHIVE)
    assert "the 39-year-old - a well-known figure in the city - denied" in fix_text(ARCHIVE)


def test_joined_text_maps_back_to_the_spaced_text() -> None:
    for piece in paragraph_pieces(ARCHIVE):
        at = piece.text.find("Delacroix-Ferrand")
        if at < 0:
            continue
        offsets = OffsetMap.from_runs(piece.runs)
        start = piece.start + offsets.start(at)
        end = piece.start + offsets.end(at + len("Delacroix-Ferrand"))
        assert ARCHIVE[start:end] == "Delacroix - Ferrand"


def test_cleaned_article_keeps_the_given_text_and_maps_spans_back() -> None:
    article = Article(id="a1", text=ARCHIVE)
    cleaned = clean_corpus(Corpus((article,))).articles[0]
    assert cleaned.text == ARCHIVE  # what the user gave is never changed
    clean = cleaned.clean
    assert clean is not None
    at = clean.text.index("start-up")
    start, end = clean.offsets.start(at), clean.offsets.end(at + len("start-up"))
    assert ARCHIVE[start:end] == "start - up"


def test_a_short_report_follows_its_clusters_other_reports() -> None:
    short = "The rider won the time - trial stage on Sunday."  # nothing in it shows the archive
    assert not spaces_hyphens(short)
    ordinary = "The mayor spoke - and then left. Nobody stayed - not even the guards."
    assert spaces_hyphens_in([ARCHIVE, ARCHIVE.replace("Sunday", "Monday"), short]) == [True, True, True]
    # One archive report is not enough, nor two among more that could be and are not.
    assert spaces_hyphens_in([ARCHIVE, short]) == [True, False]
    assert spaces_hyphens_in([ARCHIVE, ARCHIVE, short, ordinary, ordinary]) == [
        True,
        True,
        False,
        False,
        False,
    ]
    # A report with a hyphen written as one is never taken.
    assert spaces_hyphens_in([ARCHIVE, ARCHIVE, "A well-known rider won the time - trial."])[2] is False


def test_cleaning_a_cluster_joins_a_short_reports_hyphens() -> None:
    short = "The rider won the time - trial stage on Sunday."
    articles = (
        Article(id="a", text=ARCHIVE),
        Article(id="b", text=ARCHIVE + "\nMore."),
        Article(id="c", text=short),
    )
    cleaned = clean_corpus(Corpus(articles)).articles
    assert (
        cleaned[2].clean is not None
        and cleaned[2].clean.text == "The rider won the time-trial stage on Sunday."
    )
    assert cleaned[2].text == short
    alone = clean_corpus(Corpus((Article(id="c", text=short),))).articles[0]
    assert alone.clean is not None and alone.clean.text == short
