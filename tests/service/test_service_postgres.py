"""The store on a real PostgreSQL server started for the test (initdb + pg_ctl; fails if it cannot start)."""

from __future__ import annotations

from pathlib import Path

from _search_cases import check_search, stored_before_search
from _service_fixtures import postgres
from fastapi.testclient import TestClient

from storyline.model import Article
from storyline.service import Settings, Store, create_app, migrate
from storyline.service.store._tables import articles, cluster_head, stories, threads

FIRE = "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday; four workers died."
BUDGET = "Varnia's parliament passed the 2026 budget after a night-long debate on Tuesday."


def test_postgres_store_two_writers_restart_and_api(tmp_path: Path) -> None:
    with postgres(tmp_path) as url:
        migrate(url)
        migrate(url)  # migrating again at head changes nothing
        # Two stores on one database stand for two server processes: each catches up with
        # what the other stored before it decides.
        one, two = Store(url, snapshot_every=2), Store(url, snapshot_every=2)
        first = one.add_articles([Article(text=FIRE, id="f1"), Article(text=BUDGET, id="b1")])
        second = two.add_articles([Article(text=FIRE.replace("Saturday", "Saturday morning"), id="f2")])
        assert second[0].story == first[0].story
        third = one.add_articles([Article(text=BUDGET.replace("Tuesday", "Tuesday night"), id="b2")])
        assert third[0].story == first[1].story
        assert two.add_articles([Article(text="ignored", id="f1")])[0].created is False
        one.close()
        two.close()
        with TestClient(create_app(Settings(db_url=url, feed_poll_s=0))) as client:
            result = client.post(
                "/api/articles",
                json=[{"id": "f3", "text": FIRE.replace("four", "4")}, {"id": "b1", "text": "x"}],
            ).json()["results"]
            assert result[0]["story"] == first[0].story and result[0]["created"] is True
            assert result[1]["story"] == first[1].story and result[1]["created"] is False
            stories = client.get("/api/stories", params={"q": "NORVANE"}).json()["stories"]
            assert [s["id"] for s in stories] == [first[0].story] and stories[0]["n_articles"] == 3
            assert client.get("/healthz").json()["articles"] == 5


def test_postgres_search_and_migration(tmp_path: Path) -> None:
    with postgres(tmp_path) as url:
        # An article stored at the first schema is found after the search migration.
        stored_before_search(url, group=100, text="The harbour of Tessa froze.")
        store = Store(url)
        assert [s["id"] for s in store.list_stories(q="harbours Tessa")] == [100]
        with store.engine.begin() as connection:  # the rest of the cases start from an empty store
            connection.execute(threads.delete())
            connection.execute(stories.delete())
            connection.execute(articles.delete())
            connection.execute(cluster_head.update().values(last_seq=0))
        store.close()
        with TestClient(create_app(Settings(db_url=url, feed_poll_s=0))) as client:
            check_search(client)
