"""The digest end to end: a thread page opens with the thread's key dates, from its stories' reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

ARREST = (
    "Former ruler Teodor Malkovic was arrested in Kessport on a warrant from judge Amara Voss of the Lune."
)
RULING = "The Kessport court ruled that Teodor Malkovic can be extradited to the Lune for judge Amara Voss."


@pytest.mark.slow
def test_thread_page_shows_the_threads_key_dates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [
        {"id": "r0", "text": RULING, "date": "1998-11-25"},
        {"id": "a0", "text": ARREST, "date": "1998-10-17"},
        {"id": "a1", "text": ARREST.replace("was arrested", "was detained"), "date": "1998-10-17"},
        {"id": "r1", "text": RULING.replace("ruled", "decided"), "date": "1998-11-25"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    for fmt in ("json", "html"):
        out = tmp_path / fmt
        assert main(["digest", str(feed), "-o", str(out), "--format", fmt, "--quiet"]) == 0
    capsys.readouterr()
    (thread,) = json.loads((tmp_path / "json" / "index.json").read_text())["threads"]
    page = json.loads((tmp_path / "json" / thread["file"]).read_text())
    days = page["key_dates"]
    # Each story of the thread is one event on one day: the arrest, then the ruling.
    assert [d["date"] for d in days] == ["1998-10-17", "1998-11-25"]
    files = {s["story"]: s["file"] for s in page["stories"]}
    for day, words in zip(days, ("arrested", "ruled"), strict=True):
        (said, *_) = day["summary"]
        assert words in said["text"] or words.replace("arrested", "detained") in said["text"]
        assert said["file"] == files[said["story"]]
        assert len(said["sources"]) == 2  # both reports of the day carry the fact
    html = (tmp_path / "html" / thread["file"].replace(".json", ".html")).read_text()
    assert "<h2>Key dates</h2>" in html and "<time datetime=1998-10-17>" in html
