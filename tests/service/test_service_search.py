"""Text search on SQLite (FTS5): what finds what, the ranking, hostile input, and the migration."""

from __future__ import annotations

from pathlib import Path

import pytest
from _search_cases import check_search, stored_before_search
from fastapi.testclient import TestClient

from storyline.service import Settings, Store, create_app, migrate
from storyline.service.store._search import fts5_query


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
    stored_before_search(db, group=0, text="The harbour of Kessport froze.")
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
