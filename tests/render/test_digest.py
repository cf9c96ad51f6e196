"""Thread pages of the digest: the thread's summarized timeline (key dates, cited), in every format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from playwright.sync_api import sync_playwright

from storyline.model import (
    Agreement,
    Article,
    DocumentInfo,
    Entity,
    KeyDate,
    Span,
    Story,
    Summary,
    SummarySentence,
)
from storyline.render import IndexEntry, ThreadEntry, one_line, render_thread, thread_key_dates
from storyline.render._view import story_view

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
D = dt.date


def _story(*key_dates: KeyDate) -> Story:
    return Story(summary=Summary(sentences=(), articles=()), documents=(), key_dates=key_dates)


def _key(date: dt.date, *said: tuple[str, tuple[str, ...]]) -> KeyDate:
    return KeyDate(date, tuple(Agreement(text, sources) for text, sources in said))


def _entry(number: int, report: Story | None, file: str | None = None) -> IndexEntry:
    return IndexEntry(
        number, (f"a{number}",), None, report, file or f"story-{number:04d}.html", title=f"S{number}"
    )


def _thread(*entries: IndexEntry) -> ThreadEntry:
    return ThreadEntry(1, "Kessport plant", tuple(entries), "thread-0001.html")


ARREST = _story(
    _key(D(1998, 10, 17), ("Malkovic was arrested in Kessport.", ("a0", "a1", "a2"))),
    _key(D(1998, 10, 18), ("His lawyers appealed the arrest.", ("a1",))),
)
RULING = _story(
    _key(
        D(1998, 11, 25),
        ("The court ruled he can be extradited.", ("r0", "r1")),
        ("Judges were split three to two.", ("r1",)),
        ("Protesters gathered outside the court.", ("r2",)),
    ),
    _key(
        D(1998, 10, 17),
        ("Malkovic was arrested in Kessport.", ("r0",)),
        ("Police cars blocked the road.", ("r1",)),
    ),
)


def test_no_key_dates_no_timeline() -> None:
    thread = _thread(_entry(1, None, file=None), _entry(2, _story()))
    assert thread_key_dates(thread) == []
    assert "Key dates" not in render_thread(thread, "html") and "Key dates" not in render_thread(thread, "md")
    assert json.loads(render_thread(thread, "json"))["key_dates"] == []


def test_stories_key_dates_merge_by_day_in_date_order() -> None:
    days = thread_key_dates(_thread(_entry(1, ARREST), _entry(2, RULING)))
    assert [d.date for d in days] == [D(1998, 10, 17), D(1998, 10, 18), D(1998, 11, 25)]
    arrest = days[0]
    # The same sentence told in two stories is shown once; the best-cited first.
    assert [s.text for s in arrest.summary] == [
        "Malkovic was arrested in Kessport.",
        "Police cars blocked the road.",
    ]
    assert arrest.summary[0].story == 1 and arrest.summary[0].file == "story-0001.html"
    assert arrest.summary[0].sources == ("a0", "a1", "a2")
    ruling = days[2]
    assert len(ruling.summary) == 2  # at most two sentences a day
    assert ruling.summary[0].text == "The court ruled he can be extradited."


def test_every_story_keeps_its_best_day_when_dates_are_few() -> None:
    thread = _thread(_entry(1, ARREST), _entry(2, RULING))
    days = thread_key_dates(thread, max_dates=2)
    # 17 Oct is the arrest story's best-cited day; 25 Nov the ruling's; 18 Oct gives way.
    assert [d.date for d in days] == [D(1998, 10, 17), D(1998, 11, 25)]
    busy = _story(
        *(
            _key(D(2001, 1, i), (f"Event {i} happened.", tuple(f"x{i}-{j}" for j in range(5))))
            for i in range(1, 20)
        )
    )
    days = thread_key_dates(_thread(_entry(1, busy), _entry(2, RULING)))
    assert len(days) == 12  # never every day of the thread
    assert D(1998, 11, 25) in [d.date for d in days]  # the smaller story still has its date


def test_thread_page_formats_cite_the_story_reports() -> None:
    thread = _thread(_entry(1, ARREST), _entry(2, RULING))
    page = render_thread(thread, "html")
    assert "<h2>Key dates</h2>" in page and "<time datetime=1998-10-17>17 Oct 1998</time>" in page
    assert "href='story-0001.html#key-dates'>[story 1 · 3 reports]</a>" in page
    assert page.index("Key dates") < page.index("<h2>Stories</h2>")
    md = render_thread(thread, "md")
    assert "## Key dates" in md and "- **25 Nov 1998** The court ruled he can be extradited." in md
    assert "(<story-0002.html#key-dates>)" in md
    data = json.loads(render_thread(thread, "json"))
    assert [d["date"] for d in data["key_dates"]] == ["1998-10-17", "1998-10-18", "1998-11-25"]
    assert data["key_dates"][0]["summary"][0] == {
        "text": "Malkovic was arrested in Kessport.",
        "sources": ["a0", "a1", "a2"],
        "story": 1,
        "file": "story-0001.html",
    }
    assert data["stories"][0]["story"] == 1  # the page's own fields stay


def test_thread_page_timeline_in_chromium(tmp_path: Path) -> None:
    hostile = _story(_key(D(2012, 2, 4), (f"{XSS} A fire broke out at the Kessport plant.", ("a0", "a1"))))
    thread = _thread(_entry(1, hostile), _entry(2, RULING))
    page_file = tmp_path / "thread-0001.html"
    page_file.write_text(render_thread(thread, "html"), encoding="utf-8")
    (tmp_path / "story-0001.html").write_text(
        "<!DOCTYPE html><title>story 1</title><section id=key-dates><h2>Key dates</h2></section>",
        encoding="utf-8",
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
            page.goto(page_file.as_uri())
            assert page.get_by_role("heading", name="Key dates").is_visible()
            days = page.locator("#key-dates time")
            assert days.all_inner_texts() == ["17 Oct 1998", "25 Nov 1998", "4 Feb 2012"]
            fire = page.locator("#key-dates li").nth(2)
            assert XSS in fire.inner_text()  # shown as text, never run
            assert page.evaluate("window.__xss === undefined")
            assert page.evaluate("document.documentElement.scrollWidth") <= 375  # phone width
            fire.locator("a.cite").click()
            page.wait_for_url("**/story-0001.html#key-dates")
            assert page.title() == "story 1"
        finally:
            browser.close()


def _summary_story(*texts: str, people: tuple[str, ...] = ()) -> Story:
    sentences = tuple(SummarySentence(t, "a0", ("a0",), Span("a0", 0, len(t))) for t in texts)
    entities = tuple(Entity(name, "PERSON", (name,), ("a0",), 2) for name in people)
    return Story(summary=Summary(sentences=sentences, articles=()), documents=(), entities=entities)


def test_one_line_is_the_first_summary_sentence_that_reads_alone() -> None:
    plain = "Zimbabwe's information minister accused Britain of plotting against the government."
    assert one_line(_summary_story(plain, "He said so on Monday.")) == plain
    # A surname alone, whose full name the sentence does not give, leans on an earlier mention.
    leaning = "Sikosana made the statements at a meeting of editors in Harare."
    full = "Minister Jonathan Sikosana accused Britain of plotting against the government."
    assert one_line(_summary_story(leaning, full, people=("Jonathan Sikosana",))) == full
    assert one_line(_summary_story(full, leaning, people=("Jonathan Sikosana",))) == full
    # ... but not when no one of that surname is known, or the full name follows.
    assert one_line(_summary_story(leaning, full)) == leaning
    named = "Sikosana, Jonathan Sikosana's deputy said, left Harare."
    assert one_line(_summary_story(named, full, people=("Jonathan Sikosana",))) == named
    # ... nor when the word opens a longer name: a tagger's "Store Apple" is no reason to pass
    # over "Apple Inc has announced ...".
    company = "Apple Inc has announced that its co-founder has died."
    assert one_line(_summary_story(company, full, people=("Store Apple",))) == company
    assert one_line(_summary_story("Apple’s shares fell.", full, people=("Store Apple",))) == full
    for lead_in in (
        "The following are major news items in leading Kenyan newspapers today.",
        "This followed a week of protests in the capital.",
        "They gathered outside the court on Tuesday.",
        "he said.",
        "WHAT THE BILL WOULD DO",
        "But those problems are minuscule compared with what the carmaker faces on Thursday.",
        "And the minister noted some benefits to the plan.",
        "In addition, the court fined the company $2 million.",
        "“The plant supplies almost every factory we have,” he said.",
        "Like the other candidates, they are running on local issues.",
    ):
        assert one_line(_summary_story(lead_in, plain)) == plain, lead_in
    # A word that only looks like a connective opens a sentence that reads alone.
    for alone in (
        "Andrew Moyo was sworn in as mayor of Harare on Monday.",
        "Stillwater police closed the bridge.",
        "“The plant supplies almost every factory,” the union's president, Ana Lopez, said.",
        "On Monday, the court fined the company $2 million.",
        "Young savers, it seems, start putting money aside at 25.",
        "Long before Ted Cruz became a senator from Texas, he was a gamer.",
    ):
        assert one_line(_summary_story(alone, plain)) == alone
    # Nothing reads alone: the first sentence, as before.
    assert one_line(_summary_story("He said so.", "They left.")) == "He said so."
    assert one_line(_summary_story()) == ""
    assert one_line(None) == ""


def test_a_shared_surname_alone_names_the_people_it_may_be() -> None:
    people = ("James Derek Lovelace", "Katie Lovelace", "Ana Lopez", "Lovelace", "Lopez")
    entities = tuple(Entity(name, "PERSON", (name,), ("a0",), 3) for name in people)
    story = Story(summary=Summary(sentences=(), articles=()), documents=(), entities=entities)
    shown = {p.name: p.one_of for p in story_view(story).people}
    assert shown["Lovelace"] == ("James Derek Lovelace", "Katie Lovelace")
    assert shown["Lopez"] == ()  # one person of that name: no doubt to show
    assert shown["Katie Lovelace"] == ()


def test_one_report_is_told_in_one_line_by_its_lede() -> None:
    text = (
        "Kessport to hold its first solar boat race\n"
        "KESSPORT (Wire) - Kessport will hold its first solar boat race on Saturday, the festival said.\n"
        "The race is part of the science festival, which opened on Friday."
    )
    report = DocumentInfo(Article(text=text, id="a0", title="Kessport to hold its first solar boat race"))
    summary = Summary(
        sentences=(
            SummarySentence("The race is part of the science festival.", "a0", ("a0",), Span("a0", 0, 1)),
        ),
        articles=(),
    )
    story = Story(summary=summary, documents=(report,))
    assert one_line(story) == "Kessport will hold its first solar boat race on Saturday, the festival said."
    # Two reports: the summary speaks for them (its sentences cite both).
    two = Story(summary=summary, documents=(report, DocumentInfo(Article(text=text, id="a1"))))
    assert one_line(two) == "The race is part of the science festival."


def test_a_lede_that_is_the_title_or_cut_after_a_dash_is_not_the_one_liner() -> None:
    summary = Summary(
        sentences=(SummarySentence("Shares of Kessport Yards fell 5%.", "a0", ("a0",), Span("a0", 0, 1)),),
        articles=(),
    )
    for text, title in (
        ("Kessport Yards shares fall.\nKessport Yards shares fall", "Kessport Yards shares fall"),
        ("KESSPORT - the biggest yard in the north -- fell 5% on Monday, traders said.", None),
    ):
        story = Story(summary=summary, documents=(DocumentInfo(Article(text=text, id="a0", title=title)),))
        assert one_line(story) == "Shares of Kessport Yards fell 5%.", text
    assert one_line(_summary_story("This week the council voted to close the yard.")).startswith("This week")
