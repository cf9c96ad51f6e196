"""Search cases run on SQLite (test_service_search.py) and on PostgreSQL (test_service_postgres.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alembic import command
from fastapi.testclient import TestClient

from storyline.service.store import make_engine, upgrade
from storyline.service.store._engine import _config
from storyline.service.store._tables import articles, stories, threads

FIRE = "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday; four workers died."
FIRE_LATER = (
    "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday morning; four workers "
    "died. Inspectors blamed a faulty heater."
)
BUDGET = "Varnia's parliament passed the 2026 budget after a night-long debate on Tuesday."
ROADS = (
    "A new bridge over the Kessa river opened to traffic after four years of work; the city said "
    "the project stayed within its budget."
)
FERRY = "A ferry ran aground off Kymata on Sunday; all 80 passengers were rescued by the coast guard."
ARTICLES = [
    {"id": "fire-1", "title": "Warehouse fire kills four", "text": FIRE},
    {"id": "fire-2", "text": FIRE_LATER},
    {"id": "budget-1", "title": "Parliament passes the budget", "text": BUDGET},
    {"id": "roads-1", "title": "Kessa bridge opens", "text": ROADS},
    {"id": "ferry-1", "title": "Ferry aground off Kymata", "text": FERRY},
]
# What users type: none of it may reach the database as query syntax, none may fail.
HOSTILE = [
    '"',
    '""',
    '"unterminated phrase',
    "*",
    "fire*",
    "NEAR(fire warehouse)",
    "fire AND",
    "OR",
    "AND OR NOT",
    "( )",
    "title:fire",
    "{title text}: fire",
    "^fire",
    "fire -",
    "- -",
    "-fire",
    "'; DROP TABLE articles; --",
    "\\",
    "100%_",
    "a\"b'c",
    "fire\x00heater",
    "fire\theater\n",
    "ünïcödé ∑ 火事",
    "!!fire & | <-> :*",
]


def search(client: TestClient, q: str, **params: Any) -> list[int]:
    response = client.get("/api/stories", params={"q": q, **params})
    assert response.status_code == 200, (q, response.text)
    return [s["id"] for s in response.json()["stories"]]


def check_search(client: TestClient) -> None:
    """Post ARTICLES and check what finds what, the ranking, the syntax and hostile input."""
    results = client.post("/api/articles", json=ARTICLES).json()["results"]
    story = {r["id"]: r["story"] for r in results}
    fire, budget, roads, ferry = story["fire-1"], story["budget-1"], story["roads-1"], story["ferry-1"]
    assert story["fire-2"] == fire  # the later report joined the story
    assert len({fire, budget, roads, ferry}) == 4

    # A word only in the second article's text finds the story (not only its first article or title).
    assert search(client, "heater") == [fire]
    assert search(client, "HEATER inspectors") == [fire]
    # Stemmed: other forms of the words find them.
    assert search(client, "fires") == [fire]
    assert search(client, "passing budgets") == [budget]
    assert search(client, "rescue") == [ferry]
    # All words must match.
    assert search(client, "budget ferry") == []
    # Ranked: the budget in a title and text comes before the budget in one sentence of a text.
    assert search(client, "budget") == [budget, roads]
    # "four" in two articles' texts and a title before "four" in one text.
    assert search(client, "four") == [fire, roads]
    # Phrases, or, minus.
    assert search(client, '"parliament passed"') == [budget]
    assert search(client, '"passed parliament"') == []
    assert sorted(search(client, "ferry or heater")) == sorted([ferry, fire])
    assert search(client, "budget -parliament") == [roads]
    assert search(client, "-budget") == []  # nothing asked for: nothing found
    # Filters and paging still apply.
    assert search(client, "budget", limit=1) == [budget]
    assert search(client, "budget", limit=1, offset=1) == [roads]
    assert search(client, "budget", thread=results[3]["thread"]) == [roads]
    assert search(client, "budget", since="2999-01-01") == []

    for q in HOSTILE:
        search(client, q)
        page = client.get("/search", params={"q": q})
        assert page.status_code == 200, (q, page.text)
    assert search(client, "fire*") == [fire]
    assert search(client, "'; DROP TABLE articles; --") == []
    assert search(client, "fire\x00heater") == [fire]
    assert client.get("/healthz").json()["articles"] == len(ARTICLES)
    page = client.get("/search", params={"q": "heater"})
    assert f'href="/stories/{fire}"' in page.text and "best match first" in page.text
    assert "No story matches" in client.get("/search", params={"q": "zeppelin"}).text


def stored_before_search(db: str, *, group: int, text: str) -> None:
    """A store at the first schema (`0001`) holding one article in story and thread `group`,
    then brought up to date: the search migration must index what was stored before it."""
    engine = make_engine(db)
    try:
        with engine.connect() as connection:
            command.upgrade(_config(connection.execution_options(storyline_write=True)), "0001")
            connection.commit()
        now = dt.datetime.now(dt.UTC)
        with engine.begin() as connection:
            connection.execute(
                articles.insert(),
                {"id": f"old-{group}", "title": "Harbour", "text": text, "story": group}
                | {"thread": group, "added": now},
            )
            connection.execute(
                stories.insert(),
                {"id": group, "thread": group, "title": "Harbour", "snippet": "The harbour froze."}
                | {"n_articles": 1, "updated": now, "version": 1},
            )
            connection.execute(
                threads.insert(),
                {"id": group, "n_stories": 1, "n_articles": 1, "updated": now, "version": 1},
            )
        upgrade(engine)
    finally:
        engine.dispose()
