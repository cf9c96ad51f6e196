"""Titles in the service: every story and thread has one from its first article on, pages show it,
and a thread that gains a story a month later is named for its topic, not for one day's event."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from _service_fixtures import EXAMPLE
from fastapi.testclient import TestClient

from storyline.cluster import story_title
from storyline.ingest import decode_bytes
from storyline.model import Article
from storyline.service import Settings, Store, create_app, migrate

FIRE = (
    "KESSPORT, Varnia (Varnia Wire) -- A fire at the Norvane Agrochem plant in Kessport killed four workers "
    "and forced the evacuation of the Saltmarsh district on Saturday, officials said."
)
CHARGES = (
    "KESSPORT, Varnia (Varnia Wire) -- Prosecutors in Kessport charged two Norvane Agrochem managers with "
    "negligence on Monday, a month after the fire at the plant."
)


def test_an_untitled_byline_led_article_is_titled_by_its_headline_on_every_page(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    text = decode_bytes((EXAMPLE / "07-unrelated.txt").read_bytes())
    with TestClient(create_app(Settings(db_url=db, feed_poll_s=0))) as client:
        posted = client.post("/api/articles", json={"id": "rovers", "text": text}).json()["results"][0]
        headline = "Rovers climb to third with comfortable win over Haltby"
        stories = client.get("/api/stories").json()["stories"]
        assert [s["title"] for s in stories] == [headline]
        index = client.get("/").text
        links = re.findall(r'<h3><a href="/(?:threads|stories)/\d+">([^<]*)</a>', index)
        assert links == [headline, headline]  # the thread, then its story: no "Thread 0", no byline
        assert "By Sports Desk" not in index.split("<p>")[0]
        thread_page = client.get(f"/threads/{posted['thread']}").text
        assert f"<h1>{headline}</h1>" in thread_page


def _row(article_id: str, text: str, title: str | None, date: dt.date, story: int) -> dict[str, object]:
    return {"id": article_id, "url": None, "title": title, "date": date, "source": None, "text": text,
            "story": story, "thread": 7, "added": dt.datetime.now(dt.UTC)}  # fmt: skip


def test_a_thread_gaining_a_story_a_month_later_is_retitled_by_its_topic(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    store = Store(db)
    day = dt.date(2026, 3, 7)
    fire_title = "Four dead as fire hits Norvane plant in Kessport"
    now = dt.datetime.now(dt.UTC)
    with store._writing() as connection:  # the rows the clusterer's decisions make, without the clusterer
        store._update_groups(connection, [_row("a", FIRE, fire_title, day, 1)], now)
    first = store.thread(7)
    assert first is not None and first["title"] == fire_title  # one story: its title
    later = day + dt.timedelta(days=31)
    with store._writing() as connection:
        store._update_groups(connection, [_row("b", CHARGES, None, later, 2)], now)
    thread = store.thread(7)
    assert thread is not None and thread["n_stories"] == 2
    story = store.story(2)
    assert story is not None and story["title"] == story_title([Article(text=CHARGES)])
    assert not story["title"].startswith("KESSPORT")
    assert thread["title"] not in {fire_title, story["title"]}
    assert {"Kessport", "Norvane Agrochem"} <= set(thread["title"].split(", "))
