"""`storyline digest`: stories and threads from a feed, a report per story, a page per thread, an index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

FLOOD = [
    "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes, the council said.",
    "About 300 people left their homes in Marrow on Tuesday after heavy rain flooded the town centre.",
    "The river Lune burst its banks in Marrow after three days of rain, and 300 residents were evacuated.",
]
STRIKE = [
    "Dock workers in Port Selva walked out on Monday over pay, halting all container traffic at the harbour.",
    "A strike by Port Selva dock workers over pay stopped container traffic at the harbour on Monday.",
]


STRIKE_TITLES = ["Port Selva dock strike halts harbour", "Strike: what it means for shoppers"]


def _feed(path: Path, extra: str = "") -> Path:
    lines = [
        json.dumps({"id": f"flood-{i}", "text": t, "date": "2024-05-07", "source": ["Herald", "Post"][i % 2]})
        for i, t in enumerate(FLOOD)
    ] + [
        json.dumps({"id": f"strike-{i}", "text": t, "date": "2024-05-06", "title": STRIKE_TITLES[i]})
        for i, t in enumerate(STRIKE)
    ]
    path.write_text("\n".join(lines) + "\n" + extra)
    return path


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_digest_writes_a_report_per_story_and_an_index(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    out = tmp_path / "digest"
    code = main(["digest", str(feed), "-o", str(out), "--format", fmt, "--quiet"])
    capsys.readouterr()
    assert code == 0
    suffix = {"html": ".html", "md": ".md", "json": ".json"}[fmt]
    reports = sorted(out.glob(f"story-*{suffix}"))
    assert len(reports) == 2  # two stories, the larger first
    pages = sorted(out.glob(f"thread-*{suffix}"))
    assert len(pages) == 2  # unrelated: two threads
    index = (out / f"index{suffix}").read_text(encoding="utf-8")
    if fmt == "json":
        threads = json.loads(index)["threads"]
        assert [t["size"] for t in threads] == [3, 2]
        stories = [s for t in threads for s in t["stories"]]
        assert sorted(stories[0]["articles"]) == ["flood-0", "flood-1", "flood-2"]
        assert stories[0]["file"] == reports[0].name and "Marrow" in stories[0]["summary"]
        assert stories[0]["sources"] == ["Herald", "Post"]
        assert stories[0]["earliest"] == "2024-05-07" and stories[1]["latest"] == "2024-05-06"
        assert stories[1]["title"] == "Port Selva dock strike halts harbour"  # the headline that fits best
        assert "Marrow" in stories[0]["title"] and stories[0]["title"] != "Story report"
        assert json.loads(reports[0].read_text())["summary"]
        assert threads[0]["file"] == pages[0].name
    else:
        assert reports[0].name in index and "Marrow" in index and pages[0].name in index
        assert "Port Selva dock strike halts harbour" in index
        page = pages[0].read_text(encoding="utf-8")
        assert reports[0].name in page  # a thread page links its stories' reports


def test_digest_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dup = _feed(tmp_path / "dup.jsonl", json.dumps({"id": "flood-0", "text": "again"}) + "\n")
    code = main(["digest", str(dup), "-o", str(tmp_path / "d"), "--quiet"])
    _, err = capsys.readouterr()
    assert code == 2 and "duplicate article id 'flood-0'" in err and err.count("\n") == 1
    code = main(["digest", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "d"), "--quiet"])
    _, err = capsys.readouterr()
    assert code == 2 and "no such file" in err
    blank = tmp_path / "blank.jsonl"
    blank.write_text(json.dumps({"id": "a", "text": "  "}) + "\n")
    code = main(["digest", str(blank), "-o", str(tmp_path / "d"), "--quiet"])
    _, err = capsys.readouterr()
    assert code == 2 and "no usable text" in err


def test_digest_thread_page_lists_stories_by_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    arrest = "Former ruler Teodor Malkovic was arrested in Kessport on a warrant from judge Amara Voss of the Lune."
    ruling = (
        "The Kessport court ruled that Teodor Malkovic can be extradited to the Lune for judge Amara Voss."
    )
    lines = [
        {"id": "r0", "text": ruling, "date": "1998-11-25"},
        {"id": "a0", "text": arrest, "date": "1998-10-17"},
        {"id": "a1", "text": arrest.replace("was arrested", "was detained"), "date": "1998-10-17"},
        {"id": "r1", "text": ruling.replace("ruled", "decided"), "date": "1998-11-25"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "digest"
    assert main(["digest", str(feed), "-o", str(out), "--format", "json", "--quiet"]) == 0
    capsys.readouterr()
    threads = json.loads((out / "index.json").read_text())["threads"]
    assert len(threads) == 1 and len(threads[0]["stories"]) == 2
    page = json.loads((out / threads[0]["file"]).read_text())
    assert [s["earliest"] for s in page["stories"]] == ["1998-10-17", "1998-11-25"]
    assert "Malkovic" in threads[0]["title"]


@pytest.mark.slow
def test_digest_on_ray_matches_local(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    feed = _feed(tmp_path / "feed.jsonl")
    runs = {}
    try:
        for engine in ("local", "ray"):
            out = tmp_path / engine
            extra = ["--engine", "ray", "--workers", "1"] if engine == "ray" else []
            assert main(["digest", str(feed), "-o", str(out), "--format", "json", "--quiet", *extra]) == 0
            runs[engine] = json.loads((out / "index.json").read_text())["threads"]
    finally:
        ray.shutdown()  # the local cluster the command started
    capsys.readouterr()
    assert runs["ray"] == runs["local"]


def test_digest_refuses_to_write_into_the_feeds_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    feed = tmp_path / "site" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text(json.dumps({"id": "a", "text": "The council met on Tuesday."}) + "\n", encoding="utf-8")
    before = feed.read_bytes()
    assert main(["digest", str(feed), "-o", str(feed.parent)]) == 2
    assert "holds the input feed" in capsys.readouterr().err
    assert feed.read_bytes() == before and sorted(p.name for p in feed.parent.iterdir()) == ["feed.jsonl"]
