"""`storyline report`: formats, batch mode and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

pytestmark = pytest.mark.slow  # loads the real models (spaCy, the static table)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kessport-fire"
HASH = ["--embedder", "hash"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "report", str(EXAMPLE), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["claims"] and data["timeline"] and data["quotes"]
    page = tmp_path / "story.html"
    code, out, _ = _run(capsys, "report", str(EXAMPLE), "-o", str(page))  # format from the suffix
    assert code == 0 and out == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, _ = _run(
        capsys, "report", str(EXAMPLE / "02-varnia-wire.txt"), str(EXAMPLE / "03-vestnik-varnii.txt")
    )
    assert code == 0 and out.startswith("# ") and "## Timeline" in out


def test_report_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = {
        "id": "c1",
        "documents": [
            "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes.",
            "About 300 people left their homes in Marrow on Tuesday after heavy rain caused flooding.",
        ],
    }
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"id": "c2", "documents": [" "]}) + "\n")
    dst = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "report", str(src), "--format", "json", "-o", str(dst), *HASH)
    assert code == 0 and "line 2" in err
    rows = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r.get("id") for r in rows] == ["c1", None, "c2"]
    assert rows[0]["summary"] and "error" in rows[1] and "error" in rows[2]
    code, _, err = _run(capsys, "report", str(src), "--format", "html", *HASH)
    assert code == 2 and "JSON lines" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "no such file"),
        (["empty"], "has no readable"),
        (["blank.txt"], "no usable text"),
        (["blank.txt", "--words", "0"], "must be at least 1"),
        (
            [str(EXAMPLE / "02-varnia-wire.txt"), "--ner-model", "no_such_spacy_model"],
            "cannot load spaCy model",
        ),
    ],
)
def test_report_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text(" \n")
    resolved = [str(tmp_path / a) if a in ("missing.txt", "empty", "blank.txt") else a for a in args]
    code, _, err = _run(capsys, "report", *resolved, *HASH)
    assert code in (2, 3) and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_output_inside_an_input_directory_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The storm hit the coast on Monday night, officials said.")
    code, _, err = _run(capsys, "report", str(src), "-o", str(src / "a.txt"), *HASH)
    assert code == 2 and "inside an input directory" in err
    assert (src / "a.txt").read_text().startswith("The storm")


def test_report_reads_jsonl_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    line = json.dumps({"id": "s1", "documents": ["A storm hit the coast on Monday night, officials said."]})
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))
    code, out, _ = _run(capsys, "report", "--format", "json", "--quiet", *HASH)
    assert code == 0 and json.loads(out)["id"] == "s1"
