"""Cached reports on a real `storyline serve`: stale while recomputed, each computed once at a time."""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from _service_fixtures import EXAMPLE, running_server

from storyline.ingest import decode_bytes

READERS = 8
DEADLINE_S = 300  # a bound on waiting for the background computation, not a measurement


def example_articles() -> list[dict[str, str]]:
    return [
        {"id": p.name, ("html" if p.suffix == ".html" else "text"): decode_bytes(p.read_bytes())}
        for p in sorted(EXAMPLE.iterdir())
        if p.suffix in (".txt", ".html")
    ]


def _post(client: httpx.Client, articles: list[dict[str, str]]) -> list[dict[str, Any]]:
    response = client.post("/api/articles", json=articles)
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _first_story(client: httpx.Client, articles: list[dict[str, str]]) -> int:
    """Post `articles`; the story most of them joined."""
    stories = Counter(r["story"] for r in _post(client, articles))
    return stories.most_common(1)[0][0]


def _add_to(client: httpx.Client, story: int, candidates: list[dict[str, str]]) -> list[dict[str, str]]:
    """Post the candidates one at a time until one joins `story`; the ones not posted yet."""
    for n, article in enumerate(candidates):
        if _post(client, [article])[0]["story"] == story:
            return candidates[n + 1 :]
    raise AssertionError(f"no example article joined story {story}")


def _version(client: httpx.Client, story: int) -> int:
    listed = client.get("/api/stories", params={"limit": 100}).json()["stories"]
    return int(next(s["version"] for s in listed if s["id"] == story))


def _computed(client: httpx.Client) -> int:
    return int(client.get("/healthz").json()["reports_computed"])


def _until_fresh(client: httpx.Client, path: str) -> httpx.Response:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        response = client.get(path)
        assert response.status_code == 200, response.text
        if response.headers["x-report-status"] == "fresh":
            return response
        time.sleep(0.2)
    raise AssertionError(f"{path} was still stale after {DEADLINE_S} s")


def _concurrent_gets(base: str, path: str) -> list[httpx.Response]:
    def get(_: int) -> httpx.Response:
        return httpx.get(base + path, timeout=DEADLINE_S, trust_env=False)

    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(get, range(READERS)))


def test_stale_report_served_while_recomputed_then_replaced(tmp_path: Path) -> None:
    articles = example_articles()
    with (
        running_server(str(tmp_path / "store.db")) as (base, _),
        httpx.Client(base_url=base, timeout=DEADLINE_S, trust_env=False) as client,
    ):
        story = _first_story(client, articles[:3])
        first = client.get(f"/api/stories/{story}")
        assert first.status_code == 200
        assert first.headers["x-report-status"] == "fresh"
        old_version = _version(client, story)
        assert first.headers["x-report-version"] == str(old_version)
        computed = _computed(client)

        rest = _add_to(client, story, articles[3:])
        new_version = _version(client, story)
        assert new_version > old_version
        stale = client.get(f"/api/stories/{story}")
        # The story changed: the old report comes back at once, marked stale ...
        assert stale.status_code == 200
        assert stale.headers["x-report-status"] == "stale"
        assert stale.headers["x-report-version"] == str(old_version)
        assert stale.content == first.content
        # ... and is replaced by the report of the new version, computed once.
        fresh = _until_fresh(client, f"/api/stories/{story}")
        assert fresh.headers["x-report-version"] == str(new_version)
        assert len(fresh.json()["documents"]) == len(first.json()["documents"]) + 1
        assert _computed(client) == computed + 1

        # The story page says so too, while the new report is computed.
        _add_to(client, story, rest)
        page = client.get(f"/stories/{story}")
        assert page.status_code == 200 and 'id="stale-note"' in page.text
        _until_fresh(client, f"/api/stories/{story}")
        assert 'id="stale-note"' not in client.get(f"/stories/{story}").text


def test_concurrent_reads_compute_each_report_once(tmp_path: Path) -> None:
    articles = example_articles()
    with (
        running_server(str(tmp_path / "store.db")) as (base, _),
        httpx.Client(base_url=base, timeout=DEADLINE_S, trust_env=False) as client,
    ):
        story = _first_story(client, articles[:3])
        computed = _computed(client)
        # Never computed: every reader waits for the one computation, and gets its report.
        first = _concurrent_gets(base, f"/api/stories/{story}")
        assert [r.status_code for r in first] == [200] * READERS
        assert {r.headers["x-report-status"] for r in first} == {"fresh"}
        assert len({r.content for r in first}) == 1
        assert _computed(client) == computed + 1

        # Changed: every reader gets the old report (stale) or the new one, computed once.
        old_version = _version(client, story)
        _add_to(client, story, articles[3:])
        changed = _concurrent_gets(base, f"/api/stories/{story}")
        assert [r.status_code for r in changed] == [200] * READERS
        for response in changed:
            if response.headers["x-report-status"] == "stale":
                assert response.headers["x-report-version"] == str(old_version)
                assert response.content == first[0].content
        fresh = _until_fresh(client, f"/api/stories/{story}")
        assert fresh.headers["x-report-version"] == str(_version(client, story))
        assert _computed(client) == computed + 2


def test_thread_report_is_kept_and_refreshed(tmp_path: Path) -> None:
    articles = example_articles()
    with (
        running_server(str(tmp_path / "store.db")) as (base, _),
        httpx.Client(base_url=base, timeout=DEADLINE_S, trust_env=False) as client,
    ):
        results = _post(client, articles[:3])
        story = Counter(r["story"] for r in results).most_common(1)[0][0]
        thread = next(r["thread"] for r in results if r["story"] == story)
        first = client.get(f"/api/threads/{thread}")
        assert first.status_code == 200 and first.headers["x-report-status"] == "fresh"
        assert client.get(f"/api/threads/{thread}").content == first.content  # kept
        _add_to(client, story, articles[3:])
        stale = client.get(f"/api/threads/{thread}")
        assert stale.headers["x-report-status"] == "stale" and stale.content == first.content
        fresh = _until_fresh(client, f"/api/threads/{thread}")
        assert fresh.json()["thread"]["n_articles"] == first.json()["thread"]["n_articles"] + 1
        assert client.get("/api/threads/99999").status_code == 404
