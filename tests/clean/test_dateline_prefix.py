import pytest

from storyline import Article
from storyline.clean import clean_article
from storyline.clean._rules import BULLET_PREFIX, DATELINE_PREFIX


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("BERLIN (AP) _ Two experts testified on Wednesday.", "BERLIN (AP) _ "),  # NYT wire's " _ "
        ("CROW AGENCY, Mont. _ First the Crow were bullied.", "CROW AGENCY, Mont. _ "),
        ("WASHINGTON, March 3 _ The Senate voted.", "WASHINGTON, March 3 _ "),
        ("KIEV, Ukraine (AP) — Russia pressed hard.", "KIEV, Ukraine (AP) — "),
        ("( cnn ) debris found in the ocean appears to be part of a plane.", "( cnn ) "),
        ("(CNN) -- Former anchor Tom Brokaw is being treated.", "(CNN) -- "),
        ("Boston ( cnn ) jurors resumed deliberating thursday morning.", "Boston ( cnn ) "),
        (
            "Colerain township, ohio ( wkrc ) - police say two teens were held.",
            "Colerain township, ohio ( wkrc ) - ",
        ),
        ("Washington ( cbs dc ) — a new study claims providers slow data.", "Washington ( cbs dc ) — "),
        ("Berlin/athens ( reuters ) - fresh fears that greece will default.", "Berlin/athens ( reuters ) - "),
    ],
)
def test_dateline_prefixes(line: str, prefix: str) -> None:
    match = DATELINE_PREFIX.match(line)
    assert match is not None and match.group(0) == prefix


@pytest.mark.parametrize(
    "line",
    [
        "Smith _ who said it first _ left early.",
        "The mayor said the plan would work.",
        "NATO said on Monday that talks would resume.",
        "Tom ( who ) left.",
        # A separator glued to the next word is left alone (it would leave "_Venezuelan").
        "CARACAS, Venezuela (AP) _Venezuelan, Mexican and Saudi ministers met.",
    ],
)
def test_not_dateline_prefixes(line: str) -> None:
    assert DATELINE_PREFIX.match(line) is None


def test_wire_dateline_with_underscore_is_cut_from_the_text() -> None:
    _cleaned, kept, dropped = clean_article(
        Article(
            id="x", title="T", text="PHOENIX _ Arizona officials said on Monday that the fire spread fast."
        )
    )
    assert [p.text for p in kept] == ["Arizona officials said on Monday that the fire spread fast."]
    assert dropped[0].reason == "dateline"


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        ("--Keep vessels at anchor until Friday.", "--"),
        ("-- $4 million for new harbour cranes.", "-- "),
        ("_ Ferries will run every hour from May.", "_ "),
        ("- Ferries will run every hour.", "- "),
        ("* Ferries will run every hour.", "* "),
        ("• Ferries will run every hour.", "• "),
        ("-That the port was closed too early.", "-"),
    ],
)
def test_bullet_prefixes(line: str, prefix: str) -> None:
    match = BULLET_PREFIX.match(line)
    assert match is not None and match.group(0) == prefix


@pytest.mark.parametrize(
    "line",
    ["-5 degrees was the low.", "-0-", "------", "Smith _ who said it first _ left.", "The port reopened."],
)
def test_not_bullet_prefixes(line: str) -> None:
    assert BULLET_PREFIX.match(line) is None


def test_a_list_marker_is_cut_and_the_item_maps_back() -> None:
    text = "The port authority asked ship owners to:\n--Keep their vessels at anchor until Friday."
    cleaned, kept, dropped = clean_article(Article(id="x", title="T", text=text))
    item = "Keep their vessels at anchor until Friday."
    assert [p.text for p in kept][-1] == item
    bullet = next(d for d in dropped if d.reason == "bullet")
    assert bullet.kind == "prefix" and text[bullet.start : bullet.end] == "--"
    at = cleaned.body.index(item)
    start, end = cleaned.to_given(at, at + len(item))
    assert text[start:end] == item
