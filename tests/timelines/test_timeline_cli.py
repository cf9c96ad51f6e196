"""`storyline timeline`: a feed or a directory in, a timeline out; bad input is one line, exit 2.

`run` builds the command as storyline.cli._main does (a `timeline` subparser, errors
mapped to exit codes); once the command is wired in, `main([...])` can replace it.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from storyline.cli._common import EXIT_INPUT, error
from storyline.cli._timeline import add_timeline_parser, timeline
from storyline.errors import ConfigError, InputError
from storyline.model import Article


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="storyline")
    sub = parser.add_subparsers(dest="command")
    add_timeline_parser(sub)
    args = parser.parse_args(argv)
    try:
        return timeline(args)
    except (InputError, ConfigError) as exc:
        error(str(exc))
        return EXIT_INPUT


def _feed(path: Path, story: list[Article]) -> Path:
    lines = [
        json.dumps({"id": a.id, "text": a.text, "date": a.date.isoformat() if a.date else None})
        for a in story
    ]
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    else:
        path.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    return path


def test_feed_to_json(tmp_path: Path, story: list[Article], capsys: pytest.CaptureFixture[str]) -> None:
    feed = _feed(tmp_path / "feed.jsonl", story)
    out = tmp_path / "timeline.json"
    code = run(["timeline", str(feed), "--dates", "2", "--embedder", "hash", "-o", str(out)])
    assert code == 0
    data = json.loads(out.read_text())
    assert [d["date"] for d in data["timeline"]] == ["2012-02-04", "2012-02-17"]
    assert all(s["sources"] for d in data["timeline"] for s in d["summary"])
    err = capsys.readouterr().err
    assert "line 6" in err and "2 dates from 5 articles" in err  # the bad line is warned about


def test_gz_feed_to_markdown_on_stdout(
    tmp_path: Path, story: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _feed(tmp_path / "feed.jsonl.gz", story)
    assert run(["timeline", str(feed), "--dates", "1", "--embedder", "hash", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Timeline") and "## 4 February 2012" in captured.out
    assert captured.err == ""


def test_directory_to_html(tmp_path: Path, story: list[Article]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for article in story:
        assert article.date is not None
        # A dated stamp line as scraped pages have, read by find_publication_date.
        stamp = f"Published {article.date.strftime('%B %d, %Y')}"
        (folder / f"{article.id}.txt").write_text(f"{stamp}\n{article.text}\n", encoding="utf-8")
    out = tmp_path / "timeline.html"
    assert (
        run(
            [
                "timeline",
                str(folder),
                "--embedder",
                "hash",
                "--start",
                "2012-02-01",
                "-o",
                str(out),
                "--quiet",
            ]
        )
        == 0
    )
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "4 February 2012" in page and "<script" not in page


def test_no_dates_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "1", "text": "The plant is large and employs many people."}) + "\n")
    assert run(["timeline", str(feed), "--embedder", "hash"]) == EXIT_INPUT
    err = capsys.readouterr().err.strip()
    assert err.startswith("storyline: error: [SL113]") and "no dates" in err and "\n" not in err


@pytest.mark.parametrize(
    "extra",
    [["--dates", "0"], ["--sentences", "0"], ["--start", "2012-03-01", "--end", "2012-02-01"]],
)
def test_bad_options_exit_2(tmp_path: Path, story: list[Article], extra: list[str]) -> None:
    feed = _feed(tmp_path / "feed.jsonl", story)
    assert run(["timeline", str(feed), "--embedder", "hash", "--quiet", *extra]) == EXIT_INPUT


def test_bad_date_argument_is_a_usage_error(tmp_path: Path, story: list[Article]) -> None:
    feed = _feed(tmp_path / "feed.jsonl", story)
    with pytest.raises(SystemExit) as exc:
        run(["timeline", str(feed), "--start", "Feb 1"])
    assert exc.value.code == 2


def test_missing_input_and_overwriting_input(tmp_path: Path, story: list[Article]) -> None:
    assert run(["timeline", str(tmp_path / "nope.jsonl")]) == EXIT_INPUT
    feed = _feed(tmp_path / "feed.jsonl", story)
    assert run(["timeline", str(feed), "-o", str(feed)]) == EXIT_INPUT
