"""Publication dates from stamps and datelines; event dates resolved against them."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article, PartialDate
from storyline.text import find_event_dates, find_publication_date, parse_date, to_calendar_date
from storyline.text._dates import name_date

TUESDAY = dt.date(2012, 2, 7)


@pytest.mark.parametrize(
    ("text", "date", "origin"),
    [
        ("Syria vote blocked\nLast updated: January 30, 2012\nThe council met.", "2012-01-30", "date line"),
        ("Afp February 07, 2012\nDiplomats said on Saturday that talks failed.", "2012-02-07", "date line"),
        ("Published 3/10/2012\nStory text follows here.", "2012-03-10", "date line"),
        ("Long paragraph of the story. (Published Tuesday, March 29, 2016) More.", "2016-03-29", "date line"),
        ("CAIRO, Feb 7 (Wire) - The league met.\nFiled in 2012 by the desk.", "2012-02-07", "dateline"),
    ],
)
def test_publication_date_from_text(text: str, date: str, origin: str) -> None:
    found = find_publication_date(Article(text=text))
    assert found is not None
    assert (found.date.isoformat(), found.origin) == (date, origin)


def test_given_date_wins_and_url_date_is_last() -> None:
    given = find_publication_date(Article(text="Published 3/10/2012", date=dt.date(2012, 3, 9)))
    assert given is not None and given.date == dt.date(2012, 3, 9) and given.origin == "given"
    from_url = find_publication_date(Article(text="No date here.", url="https://x.org/2014/05/06/story"))
    assert from_url is not None and from_url.date == dt.date(2014, 5, 6) and from_url.origin == "url"
    assert find_publication_date(Article(text="Nothing dated at all.")) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("WIRE19981112.0453.txt", "1998-11-12"),  # a wire archive's id
        ("2012-03-10-harbour-fire.html", "2012-03-10"),
        ("notes/2012_03_10.txt", "2012-03-10"),
        ("2012-03-10", "2012-03-10"),
        ("feeds/19981112/story.txt", None),  # only the last path component is read
        ("scan-20121345.txt", None),  # no 45th day of the 13th month
        ("id-120120310.txt", None),  # inside a longer run of digits
        ("2012-03-10-to-2012-04-01.txt", None),  # two dates: neither is the report's
        ("report-2012.txt", None),
        ("3f2a20190412ab.html", None),  # a hash's hex digits
        ("20190412.html", "2019-04-12"),
        ("0", None),
    ],
)
def test_date_in_a_file_name(name: str, date: str | None) -> None:
    found = name_date(name)
    assert (found.isoformat() if found else None) == date


def test_file_name_date_comes_after_the_text_and_gives_a_dateline_its_year() -> None:
    named = find_publication_date(Article(text="No date in this text.", id="WIRE19981112.0453.txt"))
    assert named is not None and (named.date, named.origin) == (dt.date(1998, 11, 12), "file name")
    stamped = find_publication_date(
        Article(text="Published 3/10/2012\nThe council met.", id="WIRE19981112.txt")
    )
    assert stamped is not None and (stamped.date, stamped.origin) == (dt.date(2012, 3, 10), "date line")
    # The dateline's day, in the year that puts it nearest the file's date: a report filed
    # on 2 January under a dateline of 31 December is from the year before.
    dateline = find_publication_date(
        Article(text="KESSPORT, Dec. 31 (Wire) - The port closed.", id="W19990102.7.txt")
    )
    assert dateline is not None and (dateline.date, dateline.origin) == (dt.date(1998, 12, 31), "dateline")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Protesters gathered on Saturday in the capital.", "2012-02-04"),  # the Saturday before
        ("The minister spoke on Tuesday.", "2012-02-07"),  # the report's own day
        ("Troops withdrew yesterday.", "2012-02-06"),
        ("The envoy visited last month.", "2012-01"),
        ("Fighting began in October.", "2011-10"),  # partial, last year's October
        ("The vote will take place on Sunday.", "2012-02-12"),  # future tense looks ahead
        ("The plan was drafted in 2009.", "2009"),
        ("Talks opened on Jan. 28, after weeks of delay.", "2012-01-28"),
        ("The treaty was signed on March 3, 2011 in Cairo.", "2011-03-03"),
        ("Two days ago the border closed.", "2012-02-05"),
    ],
)
def test_event_dates_resolve_against_the_report(sentence: str, expected: str) -> None:
    found = find_event_dates(sentence, published=TUESDAY)
    assert [str(e.date) for e in found] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forecast is perfect for Friday, the crew said.", "2012-02-10"),  # a plan: ahead
        ("He was arrested for Friday night's shooting.", "2012-02-03"),  # no plan: gone by
        ("Turnout for Friday was lower than expected.", "2012-02-03"),
        ("The vote was set for Monday.", "2012-02-13"),
        ("The launch was delayed by a day to Thursday.", "2012-02-09"),
        ("The hearing was adjourned to Wednesday.", "2012-02-08"),
        ("Crowds gathered for Friday prayers in the square.", "2012-02-03"),  # a weekly rite: gone by
        ("Two men were charged for Friday's attack.", "2012-02-03"),  # possessive: gone by
        ("He moved to the capital on Friday.", "2012-02-03"),
        ("He is due back in court on Friday.", "2012-02-10"),  # due, set to, slated: a plan
        ("She is set to testify on Friday.", "2012-02-10"),
        ("Talks are slated to resume on Friday.", "2012-02-10"),
        ("The house is set back from the road and burned on Friday.", "2012-02-03"),  # set, no plan
        ("The results are due Tuesday.", "2012-02-07"),  # the report's own weekday: its day
        ("The results are due next Tuesday.", "2012-02-14"),
    ],
)
def test_a_day_set_or_put_off_for_is_the_coming_one(sentence: str, expected: str) -> None:
    assert [str(e.date) for e in find_event_dates(sentence, published=TUESDAY)] == [expected]


def test_relative_dates_need_a_publication_date_absolute_ones_do_not() -> None:
    assert find_event_dates("Protesters gathered on Saturday.", published=None) == []
    assert [str(e.date) for e in find_event_dates("It opened on 4 May 2010.", published=None)] == [
        "2010-05-04"
    ]


def test_month_words_that_are_not_months() -> None:
    assert find_event_dates("Officials may march to the square.", published=TUESDAY) == []


def test_partial_dates_sort_general_first() -> None:
    dates = [PartialDate(2012, 2, 4), PartialDate(2012), PartialDate(2012, 2), PartialDate(2011, 12, 31)]
    assert [str(d) for d in sorted(dates, key=lambda d: d.key)] == [
        "2011-12-31",
        "2012",
        "2012-02",
        "2012-02-04",
    ]
    assert PartialDate.parse("2011-10") == PartialDate(2011, 10)
    with pytest.raises(ValueError):
        PartialDate.parse("2011-13")


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    text = (
        "9 March 2026\nA safety audit of the plant, published on May 5, 2019, warned of corrosion.\n"
        "The plant opened on May 5, 1987."
    )
    found = find_publication_date(Article(text=text))
    assert found is not None and found.date == dt.date(2026, 3, 9)
    dateline = "KESSPORT, March 8 (Wire) - A fire at the plant, which has operated since 1987, killed seven."
    assert find_publication_date(Article(text=dateline)) is None  # no year to be had but the story's


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks resume by next Friday.", "2026-03-13"),
        ("Schools stay shut until next Monday.", "2026-03-16"),
        ("The road was closed due to the leak on Saturday.", "2026-03-07"),
    ],
)
def test_next_and_due_to(sentence: str, expected: str) -> None:
    found = find_event_dates(sentence, published=dt.date(2026, 3, 11))  # a Wednesday
    assert [str(e.date) for e in found] == [expected]


def test_dates_at_the_ends_of_the_calendar_do_not_crash() -> None:
    assert find_event_dates("It happened yesterday.", published=dt.date(1, 1, 1)) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-03-10", "2012-03-10"),
        ("2012-03-10T08:00:00Z", "2012-03-10"),
        ("March 3, 2012", "2012-03-03"),
        ("3 March 2012", "2012-03-03"),
        ("Sat, 10 Mar 2012 08:00:00 GMT", "2012-03-10"),
        ("3/10/2012", "2012-03-10"),
    ],
)
def test_parse_date_reads_common_forms(value: str, expected: str) -> None:
    assert str(parse_date(value)) == expected


@pytest.mark.parametrize("value", ["", "soon", "March 2012", "2012", "not a date 99", None])
def test_parse_date_gives_none_without_a_day(value: str | None) -> None:
    assert parse_date(value) is None


def test_to_calendar_date_cuts_datetimes_and_refuses_other_types() -> None:
    assert to_calendar_date(dt.datetime(2012, 3, 10, 23, 59)) == dt.date(2012, 3, 10)
    assert to_calendar_date(None) is None
    with pytest.raises(ValueError, match=r"datetime\.date"):
        to_calendar_date("2012-03-10")


def test_an_embedded_post_signature_is_a_stamp_not_an_event() -> None:
    from storyline.text import is_date_stamp

    assert is_date_stamp("— Ana Roux (@anaroux) February 15, 2017")
    assert not is_date_stamp(
        "Ana Roux (@anaroux) said on February 15, 2017 that the port would reopen in May."
    )
