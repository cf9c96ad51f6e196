"""A sentence is told under the day it is about, and under no other (issue 12).

Hand-made gold, written before looking at any output: an invented story (a market
bombing in Varnia, May 2013) told by six reports. Every sentence is labelled with the
day it tells of, or none when it tells of no single day (a plan, background, a span of
time, or two events on two days). The negative cases are the ones that went wrong:
"Police arrested three men on Monday over Saturday's bombing" was filed under Saturday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article
from storyline.text import make_splitter
from storyline.timelines import collect, own_day, rank_days, timeline

MAY = lambda day: dt.date(2013, 5, day)  # noqa: E731  11 May 2013 is a Saturday
TODAY = dt.date(2013, 6, 1)

# (report id, publication date, [(sentence, the day it tells of or None)])
GOLD: list[tuple[str, dt.date, list[tuple[str, dt.date | None]]]] = [
    ("ledger", MAY(11), [
        ("A bomb exploded at the crowded Varnia central market on Saturday, killing four people and wounding 30.", MAY(11)),
        ("Witnesses said the blast tore through the fruit stalls of the Varnia market shortly after noon.", MAY(11)),
        ("The Varnia market was built in 1998 and is the largest in the city.", None),
    ]),
    ("wire", MAY(12), [
        ("Thousands of Varnia residents marched in silence on Sunday to mourn the four people killed at the market.", MAY(12)),
        ("Saturday's bombing was the deadliest attack in Varnia in a decade, the city's mayor said.", MAY(11)),
        ("The Varnia market had reopened only last month after a fire destroyed its roof.", None),
    ]),
    ("herald", MAY(13), [
        ("Police arrested three men on Monday over Saturday's bombing of the Varnia market.", MAY(13)),
        ("The Varnia market has been closed since Saturday, and its traders fear for their livelihoods.", MAY(13)),
        ("The mayor visited the wounded in a Varnia hospital on Monday, two days after the bombing on Saturday.", MAY(13)),
    ]),
    ("courier", MAY(14), [
        ("The three men arrested on Monday were charged with the murder of the four Varnia victims on Tuesday.", MAY(14)),
        # A plan announced in a lead: the news of the report's day, never of the planned day.
        ("They will appear before a Varnia judge on Friday, prosecutors said.", MAY(14)),
        ("The four victims of the May 11 bombing were buried in Varnia on Tuesday.", MAY(14)),
    ]),
    ("gazette", MAY(15), [
        ("Varnia's interior minister resigned, taking the blame for the security failures at the market.", MAY(15)),
        ("The minister had promised last year to put more police officers in the Varnia markets.", None),
        ("The Varnia city council voted to pay for the funerals of the four victims, its speaker said.", MAY(15)),
    ]),
    ("post", MAY(18), [
        ("The Varnia market reopened on Saturday, a week after the bombing that killed four people.", MAY(18)),
        ("Police said the three men were arrested on Monday after a tip from a Varnia market trader.", MAY(13)),
        ("The three men deny the charges and will appear before a judge in June.", MAY(18)),
    ]),
]  # fmt: skip

LABEL = {text: day for _, _, sentences in GOLD for text, day in sentences}
# Sentences whose own date mention decides their day: the classifier must get these exactly.
# (The others carry no date of their own; they go under the report's day only as its lead.)
MENTIONED = {
    "A bomb exploded at the crowded Varnia central market on Saturday": MAY(11),
    "Thousands of Varnia residents marched in silence on Sunday": MAY(12),
    "Saturday's bombing was the deadliest attack": MAY(11),
    "Police arrested three men on Monday over Saturday's bombing": MAY(13),
    "The mayor visited the wounded": MAY(13),
    "The four victims of the May 11 bombing were buried": MAY(14),
    "The Varnia market reopened on Saturday": MAY(18),
    "Police said the three men were arrested on Monday": MAY(13),
    "They will appear before a Varnia judge on Friday": MAY(14),  # not Friday 17 May
    "The Varnia market was built in 1998": None,
    "The minister had promised last year": None,
    "The Varnia market had reopened only last month": None,
}


def _articles() -> list[Article]:
    return [
        Article(id=report, date=published, text="\n".join(text for text, _ in sentences))
        for report, published, sentences in GOLD
    ]


def _label(text: str) -> dt.date | None:
    return LABEL[text]


def test_each_sentence_is_given_the_day_it_tells_of() -> None:
    reports, _ = collect(_articles(), splitter=make_splitter("blingfire"), today=TODAY)
    found = {s.text: own_day(s, r.published) for r in reports for s in r.sentences}
    assert set(found) == set(LABEL)  # the splitter kept every gold sentence whole
    for start, day in MENTIONED.items():
        (text,) = [t for t in found if t.startswith(start)]
        assert found[text] == day, text
    # A sentence never gets a day other than its gold day (it may get none).
    wrong = {t: d for t, d in found.items() if d is not None and d != _label(t)}
    assert not wrong


def test_monday_arrests_are_not_filed_under_saturday() -> None:
    reports, _ = collect(_articles(), splitter=make_splitter("blingfire"), today=TODAY)
    (arrests,) = [s for r in reports for s in r.sentences if s.text.startswith("Police arrested")]
    assert MAY(11) in arrests.days  # Saturday still counts as a day the report points at
    assert own_day(arrests, MAY(13)) == MAY(13)


@pytest.mark.parametrize("sentences", [1, 2, 3])
def test_the_timeline_files_every_sentence_under_its_own_day(sentences: int) -> None:
    result = timeline(_articles(), dates=10, sentences=sentences, embedder="hash", today=TODAY)
    assert result.dates
    placed = [(d.date, s.text) for d in result.dates for s in d.summary]
    misplaced = [(day, text) for day, text in placed if _label(text) != day]
    assert not misplaced
    # Saturday 11 May is told by the bombing itself, not by what followed it.
    saturday = next(d for d in result.dates if d.date == MAY(11))
    assert all(_label(s.text) == MAY(11) for s in saturday.summary)
    assert any("exploded" in s.text or "deadliest" in s.text or "blast" in s.text for s in saturday.summary)


def test_a_plan_is_never_told_as_the_planned_day() -> None:
    result = timeline(_articles(), dates=10, sentences=3, embedder="hash", today=TODAY)
    friday = [s.text for d in result.dates if d.date == MAY(17) for s in d.summary]
    assert not any("will appear" in t for t in friday)


# The rules behind the gold, one case each (written with the code, not part of the gold).


def _own_days(text: str, published: dt.date) -> list[dt.date | None]:
    reports, _ = collect(
        [Article(id="a", date=published, text=text)], splitter=make_splitter("blingfire"), today=TODAY
    )
    return [own_day(s, published) for s in reports[0].sentences]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # A year after the day is background to the day's event.
        ("The former minister was questioned on Monday about an interview she gave him in 2003.", MAY(13)),
        # A year before it: two times of its own, no one day.
        ("He was diagnosed with cancer in October 1996 and died on Monday at his home.", None),
        # A month that holds the day agrees with it.
        ("In May the market was bombed on Saturday by two men on a motorbike.", MAY(11)),
        # A dateline is the report's, not the sentence's.
        (
            "VARNIA CITY, May 11 (Varnia Wire) - Police arrested three men on Monday over the bombing.",
            MAY(13),
        ),
        # A relative clause between commas tells of someone, not of the sentence's event.
        ("The mayor, who visited the market on Saturday, said on Tuesday it would reopen.", MAY(14)),
        # Two days of its own, and a span of days, give no day.
        ("The men arrested on Monday were charged with murder on Tuesday by the city prosecutor.", None),
        (
            "The Varnia market has been closed to the public since Saturday, officials said on Tuesday.",
            MAY(14),
        ),
    ],
)
def test_the_own_day_rules(text: str, day: dt.date | None) -> None:
    assert _own_days(text, MAY(15))[0] == day


def test_a_lead_that_names_no_date_is_the_news_of_its_day_unless_it_looks_back() -> None:
    text = (
        "Varnia's interior minister resigned, taking the blame for the security failures.\n"
        "The minister had promised to put more police officers in the city's markets.\n"
        "Varnia officials have in recent weeks warned of attacks on crowded places.\n"
        "The minister is expected to be replaced by his deputy, a former police chief."
    )
    assert _own_days(text, MAY(15)) == [MAY(15), None, None, None]  # the 4th is not a lead sentence


def test_a_report_s_publication_evidence_goes_to_the_day_its_lead_tells_of() -> None:
    # Three Tuesday reports lead with Monday's arrests; one leads with undated news of Tuesday.
    monday = [
        Article(
            id=f"m{i}",
            date=MAY(14),
            text=f"Police arrested {n} men on Monday over the Varnia market bombing.",
        )
        for i, n in enumerate(("three", "four", "five"))
    ]
    tuesday = Article(
        id="t", date=MAY(14), text="Tributes to the Varnia market victims filled the city square."
    )
    reports, _ = collect([*monday, tuesday], splitter=make_splitter("blingfire"), today=TODAY)
    ranked = rank_days(reports, start=None, end=None, latest=MAY(14))
    assert [e.day for e in ranked] == [MAY(13), MAY(14)]
    assert ranked[0].score > 2 * ranked[1].score
    assert ranked[1].n_published == 4  # still shown as published that day
