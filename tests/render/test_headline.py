"""A report's headline is the same in every process (no set order in the choice)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kessport-fire"


def _headline(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "report", str(EXAMPLE), "--format", "md"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[0]


def test_the_headline_does_not_depend_on_string_hashing() -> None:
    # Reports of the example tie for the most summary sentences; with a set's order
    # deciding, seed 1 gave "Kessport plant workers smelled ammonia ..." and seed 2
    # "Kessport counts the cost ...".
    assert _headline("1") == _headline("2") == _headline("3")


def test_a_lone_title_the_summary_never_leans_on_is_not_the_headline() -> None:
    import datetime as dt

    from storyline import Article, ReportOptions, SummaryOptions, report
    from storyline.render._view import headline

    day = dt.date(2026, 3, 9)
    body = (
        "Police in Kessport arrested the harbour chief on Saturday after the fire at the Norvane plant "
        "killed seven workers. The chief denies the charges, his lawyer said. Prosecutors said the "
        "chief had ignored three warnings about the plant's ammonia tanks."
    )
    reports = [Article(id=f"r{i}", text=f"{body} Report {i} of the arrest.", date=day) for i in range(5)]
    caption = "Dora Vance, senior currency strategist at Marrow Bank"
    reports.append(
        Article(
            id="r5",
            title=caption,
            text=f"{body} Report 5 of the arrest.",  # a copy: the summary leans on the first
            date=day,
        )
    )
    story = report(reports, options=ReportOptions(summary=SummaryOptions(drop_off_topic=False)))
    assert "r5" not in {s.origin for s in story.summary.sentences}
    assert not next(d for d in story.documents if d.article.id == "r5").excluded
    assert headline(story) != caption
