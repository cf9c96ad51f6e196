"""The HTTP API on a fresh SQLite file per test (TestClient runs the app's lifespan)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _service_fixtures import EXAMPLE, web_server
from fastapi.testclient import TestClient

from storyline.ingest import decode_bytes
from storyline.model import Article
from storyline.service import Settings, Store, create_app, migrate

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def example_articles() -> list[dict[str, str]]:
    return [
        {"id": p.name, ("html" if p.suffix == ".html" else "text"): decode_bytes(p.read_bytes())}
        for p in sorted(EXAMPLE.iterdir())
        if p.suffix in (".txt", ".html")
    ]


def make_client(tmp_path: Path, **settings: object) -> TestClient:
    db = str(tmp_path / "store.db")
    migrate(db)
    return TestClient(create_app(Settings(db_url=db, feed_poll_s=0, **settings)))  # type: ignore[arg-type]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path) as c:
        yield c


def test_articles_one_and_list_idempotent(client: TestClient) -> None:
    one = client.post(
        "/api/articles", json={"id": "solo", "text": "Varnia's parliament passed the budget on Tuesday."}
    )
    assert one.status_code == 200
    assert one.json()["results"][0] == {"position": 0, "id": "solo", "story": 0, "thread": 0, "created": True}
    first = client.post("/api/articles", json=example_articles()).json()
    assert first["n_stored"] == len(example_articles()) and first["n_errors"] == 0
    stories = {r["story"] for r in first["results"]}
    assert len(stories) <= 2  # six reports of one fire: one story (a stray report at most)
    again = client.post("/api/articles", json=example_articles()).json()
    assert again["n_stored"] == 0
    assert [(r["story"], r["thread"]) for r in again["results"]] == [
        (r["story"], r["thread"]) for r in first["results"]
    ]
    assert all(r["created"] is False for r in again["results"])
    assert client.get("/healthz").json()["articles"] == 1 + len(example_articles())


def test_bad_articles_reported_by_position_and_others_stored(client: TestClient) -> None:
    body = [
        {"title": "no text at all"},
        {"id": "ok", "text": "A ferry ran aground off Kymata; all passengers were rescued."},
        {"text": "   "},
        {"url": "ftp://example.com/x"},
        {"text": "extra field", "bogus": 1},
        "not an object",
        {"url": "http://10.0.0.1/admin"},
        {"text": "dated", "date": "not a date"},
    ]
    result = client.post("/api/articles", json=body).json()
    errors = {r["position"]: r["error"]["code"] for r in result["results"] if "error" in r}
    assert sorted(errors) == [0, 2, 3, 4, 5, 6, 7]
    assert errors[6] == "SL501"
    assert result["results"][1]["id"] == "ok" and result["n_stored"] == 1
    all_bad = client.post("/api/articles", json=[{"text": ""}])
    assert all_bad.status_code == 422


def test_error_shape_is_one_json_object(client: TestClient) -> None:
    for response in (
        client.get("/api/stories/999"),
        client.get("/api/threads/999"),
        client.post("/api/articles", json=[]),
    ):
        assert response.status_code in (404, 422)
        assert set(response.json()) == {"error"} and set(response.json()["error"]) == {"code", "message"}
    page = client.get("/stories/999")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_stories_paged_filtered_and_searched(client: TestClient) -> None:
    texts = [
        "Floods in the Oster valley forced 2,000 people from their homes on Monday.",
        "The central bank of Varnia raised its interest rate to 6 percent.",
        "A new bridge over the Kessa river opened to traffic after four years of work.",
    ]
    client.post(
        "/api/articles",
        json=[{"id": str(i), "text": t, "date": f"2026-03-0{i + 1}"} for i, t in enumerate(texts)],
    )
    page = client.get("/api/stories", params={"limit": 2}).json()
    assert len(page["stories"]) == 2 and page["next_offset"] == 2
    rest = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert len(rest["stories"]) == 1 and rest["next_offset"] is None
    found = client.get("/api/stories", params={"q": "interest RATE"}).json()["stories"]
    assert [s["summary"] for s in found] == [texts[1]]
    thread = found[0]["thread"]
    assert all(
        s["thread"] == thread for s in client.get("/api/stories", params={"thread": thread}).json()["stories"]
    )
    assert client.get("/api/stories", params={"since": "2999-01-01"}).json()["stories"] == []
    assert client.get("/api/stories", params={"q": "100%_"}).json()["stories"] == []


def test_story_report_same_json_as_cli_cached_until_changed(client: TestClient) -> None:
    results = client.post("/api/articles", json=example_articles()).json()["results"]
    story = results[0]["story"]
    first = client.get(f"/api/stories/{story}")
    assert first.status_code == 200
    report = first.json()
    assert set(report) == {
        "id",
        "documents",
        "summary",
        "timeline",
        "entities",
        "quotes",
        "claims",
        "agreements",
        "key_dates",
    }
    assert client.get(f"/api/stories/{story}").content == first.content  # cached
    listed = client.get("/api/stories").json()["stories"]
    assert next(s for s in listed if s["id"] == story)["summary"] == report["summary"][0]["text"]
    page = client.get(f"/stories/{story}")
    assert page.status_code == 200 and report["summary"][0]["text"].split(",")[0] in page.text
    # each figure of a disagreement shows its reading (A, B, ...), as the JSON numbers it
    readings = {v["reading"] for c in report["claims"] if c["disagreement"] for v in c["values"]}
    assert readings >= {0, 1} and ">Reading</th>" in page.text and "<td>B</td>" in page.text
    assert (
        "Content-Security-Policy" in page.headers
        and "default-src 'none'" in page.headers["Content-Security-Policy"]
    )
    thread = client.get(f"/api/threads/{results[0]['thread']}").json()
    assert story in [s["id"] for s in thread["stories"]]
    assert thread["timeline"] is None or thread["timeline"]["timeline"]


def test_text_fields_come_out_escaped(client: TestClient) -> None:
    body = {"id": XSS, "title": XSS, "source": XSS, "url": "javascript:alert(1)", "text": "x"}
    assert client.post("/api/articles", json=body).json()["n_errors"] == 1  # javascript: URLs refused
    body = {
        "id": XSS,
        "title": XSS,
        "source": XSS,
        "text": f'{XSS} The mayor of Kessport said "{XSS}" on Monday. Officials said at least 4 people died.',
    }
    result = client.post("/api/articles", json=body).json()["results"][0]
    for path in ("/", f"/stories/{result['story']}", f"/threads/{result['thread']}", "/search?q=script"):
        html = client.get(path).text
        assert "<script>alert" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert "&lt;script&gt;" in html or path.startswith("/threads")


def test_api_key_rate_and_size_limits(tmp_path: Path) -> None:
    with make_client(tmp_path, api_key="sekrit-key-123", rate_limit_per_min=5, max_body_bytes=2000) as c:
        article = {"text": "A storm closed the port of Kessport for two days."}
        assert c.post("/api/articles", json=article).status_code == 401
        assert (
            c.post(
                "/api/articles", json=article, headers={"Authorization": "Bearer wrong-key-000"}
            ).status_code
            == 401
        )
        ok = c.post("/api/articles", json=article, headers={"Authorization": "Bearer sekrit-key-123"})
        assert ok.status_code == 200
        assert c.get("/api/stories").status_code == 200  # reads need no key
        big = c.post(
            "/api/articles", json={"text": "x" * 3000}, headers={"Authorization": "Bearer sekrit-key-123"}
        )
        assert big.status_code == 413
        codes = [c.post("/api/articles", json=article).status_code for _ in range(5)]
        assert codes[-1] == 429


def test_feed_registered_polled_and_idempotent(tmp_path: Path) -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Kessport Herald</title>
    <item><guid>kh-1</guid><title>Port reopens</title><link>http://news.invalid/1</link>
    <pubDate>Sat, 07 Mar 2026 08:00:00 GMT</pubDate><description>The port of Kessport reopened on Saturday after the storm.</description></item>
    <item><guid>kh-2</guid><title>Budget &lt;b&gt;passed&lt;/b&gt;</title>
    <description>&lt;p&gt;Varnia's parliament passed the budget.&lt;/p&gt;</description></item>
    </channel></rss>"""
    with web_server({"/feed.xml": (200, {"Content-Type": "application/rss+xml"}, rss)}) as base:
        with make_client(tmp_path, allow_hosts=("127.0.0.1",)) as c:
            first = c.post("/api/feeds", json={"url": base + "/feed.xml"}).json()
            assert first["created"] is True and first["n_new"] == 2
            again = c.post("/api/feeds", json={"url": base + "/feed.xml"}).json()
            assert again["created"] is False and again["n_new"] == 0
            assert c.get("/healthz").json()["articles"] == 2
            assert c.get("/api/feeds").json()[0]["n_articles"] == 2
        with make_client(tmp_path / "other") if (tmp_path / "other").mkdir() is None else None as c:  # type: ignore[union-attr]
            refused = c.post("/api/feeds", json={"url": base + "/feed.xml"}).json()
            assert refused["n_new"] == 0 and "not a public address" in refused["feed"]["last_error"]


def test_post_report_stores_nothing(client: TestClient) -> None:
    report = client.post("/api/report", json={"documents": example_articles()})
    assert report.status_code == 200 and report.json()["summary"]
    assert client.get("/healthz").json()["articles"] == 0


def test_restart_new_articles_join_the_same_stories(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    migrate(db)
    fire = "A fire destroyed the Norvane fertiliser warehouse in Kessport on Saturday; four workers died."
    budget = "Varnia's parliament passed the 2026 budget after a night-long debate on Tuesday."
    store = Store(db, snapshot_every=1000)
    before = store.add_articles([Article(text=fire, id="f1"), Article(text=budget, id="b1")])
    # No close(): no snapshot was written, as after a kill; the next start replays the articles.
    store.engine.dispose()
    store = Store(db, snapshot_every=1000)
    after = store.add_articles([Article(text=fire.replace("Saturday", "Saturday morning"), id="f2")])
    assert after[0].story == before[0].story and after[0].thread == before[0].thread
    store.close()  # writes a snapshot
    store = Store(db, snapshot_every=1000)
    third = store.add_articles([Article(text=budget.replace("Tuesday", "Tuesday night"), id="b2")])
    assert third[0].story == before[1].story
    new = store.add_articles(
        [Article(text="Astronomers found a comet that will pass Earth in June.", id="c1")]
    )
    assert new[0].story not in (before[0].story, before[1].story)
    store.close()
    # The API answers from the same store after a restart.
    with TestClient(create_app(Settings(db_url=db, feed_poll_s=0))) as c:
        again = c.post("/api/articles", json={"id": "f1", "text": "ignored"}).json()["results"][0]
        assert again["story"] == before[0].story and again["created"] is False


def test_openapi_docs_are_served_without_a_cdn(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "https://" not in page.headers["content-security-policy"]
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert client.get("/docs-assets/../app.py").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "storyline"
