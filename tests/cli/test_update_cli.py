"""Update summaries on the command line: `--seen PATH` and `--since DATE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

HASH = ["--embedder", "hash"]
OLD = "A fire destroyed the Harwick paper mill on Monday night, the fire service said."
NEW = "Police arrested a former mill worker on Wednesday on suspicion of arson."
NEW_TOO = "On Wednesday police arrested a former worker at the mill on suspicion of arson."


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    read = tmp_path / "monday.txt"
    read.write_text(OLD + "\n")
    b1, b2 = tmp_path / "b1.txt", tmp_path / "b2.txt"
    b1.write_text(OLD + "\n" + NEW + "\n")
    b2.write_text(OLD.replace("said.", "said on Tuesday.") + "\n" + NEW_TOO + "\n")
    return read, b1, b2


def test_summarize_seen_leaves_out_what_the_reader_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    read, b1, b2 = _files(tmp_path)
    args = ["summarize", str(b1), str(b2), "--words", "16", "--format", "json", *HASH]
    code, out, err = _run(capsys, *args)
    assert code == 0, err
    assert any("destroyed" in s["text"] for s in json.loads(out)["summary"])
    code, out, err = _run(capsys, *args, "--seen", str(read))
    assert code == 0, err
    summary = json.loads(out)["summary"]
    assert summary and all("arrested" in s["text"] for s in summary)


def test_since_in_a_jsonl_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    docs = [
        {"id": "a1", "date": "2021-03-01", "text": OLD},
        {"id": "b1", "date": "2021-03-03", "text": OLD + "\n" + NEW},
        {"id": "b2", "date": "2021-03-03", "text": OLD.replace("said.", "said on Tuesday.") + "\n" + NEW_TOO},
    ]
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "mill", "documents": docs}) + "\n")
    dst = tmp_path / "out.jsonl"
    code, _, err = _run(
        capsys, "summarize", str(src), "--since", "2021-03-02", "--words", "16", "-o", str(dst), *HASH
    )
    assert code == 0, err
    (row,) = [json.loads(line) for line in dst.read_text().splitlines()]
    assert row["summary"] and all("arrested" in s["text"] for s in row["summary"])
    assert [d["source"] for d in row["dropped"] if d["reason"] == "seen_before"] == ["a1"]
    assert [s["id"] for s in row["sources"] if s["excluded"]] == ["a1"]


def test_seen_refuses_a_batch_and_since_needs_a_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    read, _, _ = _files(tmp_path)
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "c", "documents": [OLD, NEW]}) + "\n")
    code, _, err = _run(capsys, "summarize", str(src), "--seen", str(read), *HASH)
    assert code == 2 and "--seen" in err and "one cluster" in err
    with pytest.raises(SystemExit) as exit_:
        main(["summarize", str(read), "--since", "last tuesday", *HASH])
    assert exit_.value.code == 2 and "not a date" in capsys.readouterr().err


@pytest.mark.slow  # the report loads spaCy
def test_report_since(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    docs = [
        {"id": "a1", "date": "2021-03-01", "text": OLD},
        {"id": "b1", "date": "2021-03-03", "text": OLD + "\n" + NEW},
        {"id": "b2", "date": "2021-03-03", "text": OLD.replace("said.", "said on Tuesday.") + "\n" + NEW_TOO},
    ]
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "mill", "documents": docs}) + "\n")
    dst = tmp_path / "out.jsonl"
    args = ["report", str(src), "--words", "16", "-o", str(dst), *HASH]
    code, _, err = _run(capsys, *args, "--since", "2021-03-02")
    assert code == 0, err
    (row,) = [json.loads(line) for line in dst.read_text().splitlines()]
    assert row["summary"] and all("arrested" in s["text"] for s in row["summary"])
