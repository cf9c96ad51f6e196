"""Screenshots of the three page kinds of `storyline serve` for docs/screenshots/.

Starts a real server on a fresh SQLite file, pushes the bundled example with `storyline
ingest`, and photographs the index, the example's story report and its thread page in
Debian's chromium (Playwright), at desktop and phone width:

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "service"))

from _service_fixtures import ARGS, CHROMIUM, EXAMPLE, run_ingest, running_server  # noqa: E402

WIDTHS = {"desktop": 1200, "phone": 390}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_server(str(Path(tmp) / "store.db")) as (base, _):
        pushed = run_ingest(str(EXAMPLE), "--server", base, "--quiet")
        if pushed.returncode != 0:
            print(pushed.stderr, file=sys.stderr)
            return 1
        stories = httpx.get(f"{base}/api/stories", trust_env=False).json()["stories"]
        main_story = max(stories, key=lambda s: s["n_articles"])
        pages = {
            "index": "/",
            "story": f"/stories/{main_story['id']}",
            "thread": f"/threads/{main_story['thread']}",
        }
        for path in pages.values():  # reports are computed when first asked: ask before the browser
            httpx.get(base + path, timeout=600, trust_env=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                for width_name, width in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    for name, path in pages.items():
                        page.goto(base + path)
                        target = args.out / f"{name}-{width_name}.png"
                        page.screenshot(path=str(target), full_page=width_name == "desktop")
                        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                    page.close()
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
