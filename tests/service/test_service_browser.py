"""The pages in a real browser: Playwright driving Debian's chromium against `storyline serve`.

The server runs as a subprocess on a fresh SQLite file; `storyline ingest` pushes the
bundled example to it. A browser that cannot start fails the test.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from _service_fixtures import ARGS, CHROMIUM, EXAMPLE, run_ingest, running_server
from playwright.sync_api import sync_playwright

XSS_TITLE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def test_pages_in_chromium(tmp_path: Path) -> None:
    with running_server(str(tmp_path / "store.db")) as (base, _):
        pushed = run_ingest(str(EXAMPLE), "--server", base, "--quiet")
        assert pushed.returncode == 0, pushed.stderr
        assert "stored" in pushed.stderr
        posted = httpx.post(
            f"{base}/api/articles",
            json={
                "id": XSS_TITLE,
                "title": XSS_TITLE,
                "text": f"{XSS_TITLE} Comet Hale-Vira will pass on 3 June.",
            },
            trust_env=False,
        )
        assert posted.status_code == 200
        # Reports are computed when first asked (models load then): ask once before the browser does.
        stories = httpx.get(f"{base}/api/stories", params={"q": "Kessport"}, trust_env=False).json()[
            "stories"
        ]
        main = max(stories, key=lambda s: s["n_articles"])
        assert main["n_articles"] >= 5
        for path in (f"/api/stories/{main['id']}", f"/api/threads/{main['thread']}"):
            assert httpx.get(base + path, timeout=300, trust_env=False).status_code == 200
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                context = browser.new_context(
                    viewport={"width": 375, "height": 800}, java_script_enabled=True
                )
                page = context.new_page()
                external: list[str] = []
                page.on("request", lambda r: None if r.url.startswith(base) else external.append(r.url))
                dialogs: list[str] = []
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

                page.goto(base + "/")
                assert page.get_by_role("heading", name="Latest").is_visible()
                assert page.get_by_role("navigation", name="Main").is_visible()
                assert page.get_by_role("main").is_visible()
                assert page.get_by_label("Search stories").is_visible()
                assert page.evaluate("document.documentElement.scrollWidth") <= 375  # phone width
                assert page.evaluate("window.__xss === undefined")
                assert XSS_TITLE in page.content().replace("&lt;", "<").replace("&gt;", ">").replace(
                    "&quot;", '"'
                )

                # The example's story: the card with most sources.
                page.locator(f'.card h3 a[href="/stories/{main["id"]}"]').first.click()
                page.wait_for_url("**/stories/*", timeout=120_000)
                assert page.get_by_role("heading", name="Summary", exact=True).is_visible()
                cites = page.locator(".sentence .cite")
                assert cites.count() > 0
                cites.first.click()
                assert page.url.split("#")[1].startswith("src-")
                assert page.get_by_role("heading", name="Sources", exact=True).is_visible()
                assert page.evaluate("document.documentElement.scrollWidth") <= 375
                page.screenshot(path=str(tmp_path / "story.png"), full_page=False)

                page.locator("a", has_text="thread").first.click()
                page.wait_for_url("**/threads/*", timeout=120_000)
                assert page.get_by_role("heading", name="Timeline", exact=True).is_visible()
                assert page.locator(".card").count() >= 1

                page.get_by_label("Search stories").fill("ammonia")
                page.get_by_role("button", name="Search").click()
                page.wait_for_url("**/search?q=ammonia")
                assert page.locator(".card").count() >= 1
                # Stemmed words, a phrase and a word left out; the example's story comes first.
                page.get_by_label("Search stories").fill('leaks "fertiliser plant" -zeppelin')
                page.get_by_role("button", name="Search").click()
                page.wait_for_url("**/search?q=*")
                assert page.get_by_text("best match first").is_visible()
                first = page.locator(".card h3 a").first.get_attribute("href")
                assert first == f"/stories/{main['id']}"
                # Query syntax typed by a user is words, not an error.
                page.get_by_label("Search stories").fill('"NEAR( ammonia* OR -')
                page.get_by_role("button", name="Search").click()
                page.wait_for_load_state()
                assert page.get_by_role("heading", name="Search", exact=True).is_visible()
                assert page.get_by_text("No story matches").is_visible()
                # A story page seen again is revalidated with its ETag (and the server answers
                # that tag with 304; the browser then shows its copy, reported as a 200).
                story_url = f"{base}/stories/{main['id']}"
                tag = page.goto(story_url).headers["etag"]  # type: ignore[union-attr]
                asked: list[str | None] = []
                page.on(
                    "request",
                    lambda r: (
                        asked.append(r.all_headers().get("if-none-match")) if r.url == story_url else None
                    ),
                )
                page.reload()
                assert page.get_by_role("heading", name="Summary", exact=True).is_visible()
                assert asked == [tag], (asked, tag)
                again = httpx.get(story_url, headers={"If-None-Match": tag}, trust_env=False)
                assert again.status_code == 304 and again.content == b""

                # The paste page works without JavaScript.
                nojs = browser.new_context(java_script_enabled=False).new_page()
                nojs.goto(base + "/paste")
                texts = "\n---\n".join(
                    (EXAMPLE / name).read_text(encoding="utf-8", errors="replace")
                    for name in ("01-kessport-herald.txt", "02-varnia-wire.txt")
                )
                nojs.get_by_label("Reports or URLs").fill(texts)
                nojs.set_default_timeout(120_000)
                nojs.get_by_role("button", name="Make the report").click()
                assert nojs.get_by_role("heading", name="Summary", exact=True).is_visible()
                assert nojs.locator(".sentence").count() > 0
                assert external == [] and dialogs == []
            finally:
                browser.close()
