"""Text search on SQLite (FTS5): what finds what, the ranking, hostile input, and the migration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _search_cases import check_search
from alembic import command
from fastapi.testclient import TestClient

from storyline.service import Settings, Store, create_app, migrate
from storyline.service.store import make_engine, upgrade
from storyline.service.store._engine import _config
from storyline.service.store._search import fts5_query
from storyline.service.store._tables import articles, stories, threads


def test_search_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    with TestClient(create_app(Settings(db_url=db, feed_poll_s=0))) as client:
        check_search(client)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("fire", '"fire"'),
        ("Fire warehouse", '"Fire" AND "warehouse"'),
        ('"parliament passed" budget', '"parliament passed" AND "budget"'),
        ("ferry or heater budget", '("ferry" OR "heater") AND "budget"'),
        ("or fire", '"fire"'),
        ("budget -roads -bridge", '("budget") NOT ("roads" OR "bridge")'),
        ('say "hi', '"say" AND "hi"'),
        ('a"b', '"a""b"'),
        ("NEAR(a b) AND c*", '"NEAR(a" AND "b)" AND "AND" AND "c*"'),
        ("-fire", None),
        ("* ( ) - _ ^", None),
        ("", None),
    ],
)
def test_fts5_query_quotes_every_word(q: str, expected: str | None) -> None:
    assert fts5_query(q) == expected


def test_migration_indexes_articles_stored_before_it(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    engine = make_engine(db)
    try:
        with engine.connect() as connection:
            command.upgrade(_config(connection.execution_options(storyline_write=True)), "0001")
            connection.commit()
        now = dt.datetime.now(dt.UTC)
        with engine.begin() as connection:
            connection.execute(
                articles.insert(),
                {"id": "a", "title": "Harbour", "text": "The harbour of Kessport froze.", "story": 0}
                | {"thread": 0, "added": now},
            )
            connection.execute(
                stories.insert(),
                {"id": 0, "thread": 0, "title": "Harbour", "snippet": "The harbour froze."}
                | {"n_articles": 1, "updated": now, "version": 1},
            )
            connection.execute(
                threads.insert(),
                {"id": 0, "n_stories": 1, "n_articles": 1, "updated": now, "version": 1},
            )
        upgrade(engine)
    finally:
        engine.dispose()
    store = Store(db)
    try:
        assert [s["id"] for s in store.list_stories(q="frozen harbours")] == []  # "frozen" is not "froze"
        assert [s["id"] for s in store.list_stories(q="harbours kessport")] == [0]
        with store.engine.connect() as connection:
            checked = connection.exec_driver_sql(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
            checked.close()
            connection.rollback()
    finally:
        store.close()
