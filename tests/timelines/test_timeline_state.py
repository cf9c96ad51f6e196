"""`storyline timeline FEED --state DIR --thread N`: the timeline of one thread of a clustering run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

FLOODS = [
    (
        "f1",
        "2024-03-04",
        "Heavy rain flooded the river town of Marrow on Monday, forcing 300 residents from homes.",
    ),
    (
        "f2",
        "2024-03-05",
        "The river Lune flooded Marrow on Monday; 300 residents left their homes, officials said.",
    ),
    (
        "f3",
        "2024-03-12",
        "Marrow flood victims returned home on Tuesday as the river Lune fell below its banks.",
    ),
]
ELECTION = [
    ("e1", "2024-03-04", "Voters in Kelby elected Dana Whitlow mayor on Sunday with 54 percent of the vote."),
    ("e2", "2024-03-06", "Dana Whitlow was sworn in as mayor of Kelby on Wednesday after Sunday's election."),
]


def test_timeline_of_one_thread(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": i, "date": d, "text": t} for i, d, t in FLOODS + ELECTION]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    state, assignments = tmp_path / "state", tmp_path / "assignments.jsonl"
    assert main(["cluster", str(feed), "--state", str(state), "-o", str(assignments), "--quiet"]) == 0
    thread_of = {r["id"]: r["thread"] for r in map(json.loads, assignments.read_text().splitlines())}
    flood_thread = thread_of["f1"]
    assert thread_of["e1"] != flood_thread  # the two topics are apart
    out = tmp_path / "timeline.json"
    args = ["timeline", str(feed), "--state", str(state), "--thread", str(flood_thread), "-o", str(out)]
    assert main([*args, "--embedder", "hash", "--quiet"]) == 0
    cited = {
        s for day in json.loads(out.read_text())["timeline"] for x in day["summary"] for s in x["sources"]
    }
    assert cited and cited <= {i for i, t in thread_of.items() if t == flood_thread}
    capsys.readouterr()
    assert main(["timeline", str(feed), "--thread", "0", "--embedder", "hash"]) == 2
    assert "together" in capsys.readouterr().err
    assert main(["timeline", str(feed), "--state", str(tmp_path), "--thread", "0", "--embedder", "hash"]) == 2
    assert "not a storyline state directory" in capsys.readouterr().err
