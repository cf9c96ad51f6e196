"""The story report's key dates: the summarized timeline (issue 12), on the bundled example."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from storyline import Reporter
from storyline.ingest import read_files
from storyline.render import render_story


@pytest.mark.slow
def test_example_key_dates(example_dir) -> None:  # type: ignore[no-untyped-def]
    articles, _ = read_files([example_dir])
    story = Reporter()(articles, cluster_id="example")
    days = [k.date for k in story.key_dates]
    assert days == sorted(days) and len(days) == len(set(days))
    assert dt.date(2026, 3, 7) in days  # the fire, told by most reports
    fire = next(k for k in story.key_dates if k.date == dt.date(2026, 3, 7))
    assert len(fire.summary[0].sources) >= 3
    assert "07-unrelated.txt" not in {s for k in story.key_dates for a in k.summary for s in a.sources}
    data = json.loads(render_story(story, "json"))
    assert data["key_dates"][0]["date"] == days[0].isoformat()
    assert "<h2>Key dates</h2>" in render_story(story, "html") and "## Key dates" in render_story(story, "md")
