"""ETags on story and thread JSON and pages: 304 while unchanged, a new tag when the story changes."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from storyline.service import Settings, create_app, migrate
from storyline.service._reports import not_modified

FIRE = "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday; four workers died."
BUDGET = "Varnia's parliament passed the 2026 budget after a night-long debate on Tuesday."
DEADLINE_S = 300  # a bound on waiting for the background computation, not a measurement


def _client(path: Path) -> TestClient:
    db = str(path / "store.db")
    migrate(db)
    return TestClient(create_app(Settings(db_url=db, feed_poll_s=0)))


def _until_fresh(client: TestClient, path: str) -> httpx.Response:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        response = client.get(path)
        if response.headers["x-report-status"] == "fresh":
            return response
        time.sleep(0.2)
    raise AssertionError(f"{path} stayed stale")


def test_not_modified_compares_weakly() -> None:
    assert not_modified('"3-ab"', '"3-ab"')
    assert not_modified('W/"3-ab"', '"3-ab"') and not_modified('"3-ab"', 'W/"3-ab"')
    assert not_modified('"x", "3-ab" ', '"3-ab"') and not_modified(" * ", '"3-ab"')
    assert not not_modified(None, '"3-ab"') and not not_modified("", '"3-ab"')
    assert not not_modified('"4-ab"', '"3-ab"') and not not_modified("3-ab", '"3-ab"')


def test_etags_304_until_the_story_changes(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        first = client.post("/api/articles", json={"id": "f1", "text": FIRE}).json()["results"][0]
        story, thread = first["story"], first["thread"]
        for path, weak in (
            (f"/api/stories/{story}", False),
            (f"/stories/{story}", True),
            (f"/api/threads/{thread}", False),
            (f"/threads/{thread}", True),
        ):
            full = client.get(path)
            tag = full.headers["etag"]
            assert full.status_code == 200 and full.content
            assert tag.startswith('W/"') == weak and tag.endswith('"')
            assert full.headers["cache-control"] == "no-cache"
            for asked in (tag, tag.removeprefix("W/"), f'"other", {tag}', "*"):
                again = client.get(path, headers={"If-None-Match": asked})
                assert again.status_code == 304, (path, asked)
                assert again.content == b"" and again.headers["etag"] == tag
                assert "default-src 'none'" in again.headers["content-security-policy"]
            assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200

        api, page = f"/api/stories/{story}", f"/stories/{story}"
        old_body, old_page = client.get(api), client.get(page).headers["etag"]
        old_api = old_body.headers["etag"]
        assert old_api != old_page
        joined = client.post(
            "/api/articles", json={"id": "f2", "text": FIRE.replace("Saturday", "Saturday morning")}
        ).json()["results"][0]
        assert joined["story"] == story
        # The story changed: the old tags no longer match, while the old report is served stale ...
        changed = client.get(api, headers={"If-None-Match": old_api})
        assert changed.headers["x-report-status"] == "stale"
        assert changed.status_code == 200 and changed.headers["etag"] != old_api
        assert changed.content == old_body.content  # the same report, now stale: the tag differs
        assert client.get(page, headers={"If-None-Match": old_page}).status_code == 200
        # ... and again once the fresh report replaced it.
        fresh = _until_fresh(client, api)
        assert fresh.headers["etag"] not in (old_api, changed.headers["etag"])
        assert fresh.headers["x-report-version"] == "2"
        assert client.get(api, headers={"If-None-Match": fresh.headers["etag"]}).status_code == 304
        new_page = client.get(page)
        assert new_page.headers["etag"] != old_page
        assert client.get(page, headers={"If-None-Match": new_page.headers["etag"]}).status_code == 304


def test_a_store_made_again_gives_other_tags(tmp_path: Path) -> None:
    """Story 0, version 1 of another store is another report: its tag differs."""
    tags = []
    for n, text in enumerate((FIRE, BUDGET)):
        (tmp_path / str(n)).mkdir()
        with _client(tmp_path / str(n)) as client:
            story = client.post("/api/articles", json={"text": text}).json()["results"][0]["story"]
            response = client.get(f"/api/stories/{story}")
            assert story == 0 and response.headers["x-report-version"] == "1"
            tags.append(response.headers["etag"])
    assert tags[0] != tags[1]
