"""The command line, end to end: formats, batch mode, and every kind of bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.cli import main

HASH = ["--embedder", "hash"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(path: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.rglob("*")) if p.is_file()
    }


def test_summarize_example_json(capsys: pytest.CaptureFixture[str], example_dir: Path) -> None:
    before = _digest(example_dir)
    code, out, err = _run(capsys, "summarize", str(example_dir), "--format", "json", "--words", "120", *HASH)
    assert code == 0, err
    data = json.loads(out)
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 120
    assert {s["id"] for s in data["sources"]} >= {"01-kessport-herald.txt", "06-varnian-observer.html"}
    assert any(d["reason"] == "off_topic" and d["source"] == "07-unrelated.txt" for d in data["dropped"])
    assert _digest(example_dir) == before  # inputs never change


def test_summarize_markdown_to_file(
    capsys: pytest.CaptureFixture[str], example_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    code, out, _ = _run(capsys, "summarize", str(example_dir), "--format", "md", "-o", str(target), *HASH)
    assert code == 0 and out == ""
    text = target.read_text()
    assert "### Sources" in text and "[1]" in text


def test_batch_jsonl_with_bad_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = {
        "id": "c1",
        "documents": [
            "The dam held overnight, engineers said on Saturday morning.",
            "Engineers said the dam held through the night.",
        ],
    }
    empty = {"id": "c2", "documents": ["   "]}
    src = tmp_path / "clusters.jsonl.gz"
    with gzip.open(src, "wt") as fh:
        fh.write(
            json.dumps(good)
            + "\n{broken\n"
            + json.dumps(empty)
            + "\n"
            + json.dumps({**good, "id": "c3"})
            + "\n"
        )
    dst = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "summarize", "--jsonl", str(src), "-o", str(dst), *HASH)
    assert code == 0
    assert "line 2: invalid JSON" in err and "clusters/s" in err
    rows = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r.get("id") for r in rows] == ["c1", None, "c2", "c3"]
    assert rows[1]["line"] == 2 and "error" in rows[2] and rows[3]["summary"]


def test_jsonl_path_detected_without_flag(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "c.jsonl"
    src.write_text(
        json.dumps({"id": "x", "documents": ["A storm hit the coast on Monday night, officials said."]})
        + "\n"
    )
    code, out, _ = _run(capsys, "summarize", str(src), "--quiet", *HASH)
    assert code == 0 and json.loads(out)["id"] == "x"


def test_batch_all_lines_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("{nope\n[1]\n")
    code, _, err = _run(capsys, "summarize", "--jsonl", str(src), "-o", str(tmp_path / "o.jsonl"), *HASH)
    assert code == 2 and "no valid cluster line" in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: [str(d / "missing.txt")], "no such file"),
        (lambda d: [str(d / "empty_dir")], "has no readable"),
        (lambda d: [str(d / "blank.txt")], "no usable text"),
        (lambda d: [str(d / "image.txt")], "binary content"),
        (lambda d: [str(d / "report.pdf")], "unsupported file type"),
        (lambda d: ["--jsonl", str(d)], "is a directory"),
        (lambda d: [str(d / "blank.txt"), "--words", "0"], "must be at least 1"),
    ],
)
def test_bad_input_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, setup, message: str
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    code, _out, err = _run(capsys, "summarize", *setup(tmp_path), *HASH)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_output_may_not_overwrite_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The storm hit the coast on Monday night, officials said.")
    code, _, err = _run(capsys, "summarize", str(src), "-o", str(src), *HASH)
    assert code == 2 and "would overwrite an input file" in err
    assert src.read_text().startswith("The storm")


def test_fifty_megabyte_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = "The council met again on Tuesday to discuss the flood defences and the cost of repairs.\n"
    big.write_text(paragraph * (50_000_000 // len(paragraph)))
    code, out, err = _run(capsys, "summarize", str(big), "--format", "json", *HASH)
    assert code == 0, err
    data = json.loads(out)
    assert any(d["reason"] == "too_long" for d in data["dropped"])


def test_stdin_text_and_no_input(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "storyline", "summarize", *HASH]
    done = subprocess.run(
        cmd,
        input="A storm hit the coast on Monday night, officials said.",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "storm" in done.stdout
    empty = subprocess.run(cmd, input="", capture_output=True, text=True, check=False)
    assert empty.returncode == 2 and "no usable text" in empty.stderr and "Traceback" not in empty.stderr


def test_no_command_is_one_line_naming_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "give a command: summarize, report" in err, err


def test_issue14_japanese_in_shift_jis_is_decoded_then_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    japanese = tmp_path / "tokyo.txt"
    japanese.write_bytes(("東京の市長は月曜日に話した。" * 20).encode("shift_jis"))
    code, out, err = _run(capsys, "summarize", str(japanese), "--quiet", *HASH)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "tokyo.txt" in err and "without spaces between words" in err, err
    # English with Japanese words, in Shift-JIS: read and summarized, the names intact.
    mixed = tmp_path / "mixed.txt"
    text = (
        "The mayor of 東京の市 said on Monday that the council would vote on the bridge budget. "
        "Officials said the river flooded the harbour after three days of storms. "
    ) * 3
    mixed.write_bytes(text.encode("shift_jis"))
    code, out, err = _run(capsys, "summarize", str(mixed), "--quiet", "--format", "json", *HASH)
    assert code == 0, err
    assert "東京の市" in json.dumps(json.loads(out), ensure_ascii=False)


def test_issue14_one_document_without_text_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 100_000 + "The council met on Monday." + "</div>" * 100_000, encoding="utf-8")
    code, out, err = _run(capsys, "summarize", str(page), "--quiet", *HASH)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "deep.html" in err and "no usable text" in err, err


def test_issue14_batch_of_bad_lines_ends_in_one_error_line(tmp_path: Path) -> None:
    feed = tmp_path / "x.jsonl.gz"
    feed.write_bytes(gzip.compress(b"junk\n"))
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "summarize", str(feed), *HASH],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if not line.startswith("storyline: warning:")]
    assert errors == [f"storyline: error: [SL102] cannot read {feed}: no valid cluster line (1 bad lines)"]


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("/no/such/model", "no such model folder"),
        ("$(touch PWNED)", "not a model folder, nor a model name"),
        ("a--b", "not a model folder, nor a model name"),
    ],
)
def test_issue14_model_option_checked_before_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, model: str, message: str
) -> None:
    paths = _two_reports(tmp_path)
    code, out, err = _run(capsys, "summarize", *paths, "--model", model, "--embedder", "transformer")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "--model" in err, err
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


JUNK = ("Photo", "©", "COMMENTS", "Reply", "Share this", "By ", "http", "Главная", "Read more", "KESSPORT,")


def _check_example_summary(stdout: str) -> None:
    data = json.loads(stdout)
    words = sum(len(s["text"].split()) for s in data["summary"])
    assert 150 <= words <= 230
    assert all(s["sources"][0] == s["origin"] for s in data["summary"])
    assert any(len(s["sources"]) >= 3 for s in data["summary"])
    for s in data["summary"]:
        assert not any(j in s["text"] for j in JUNK), s["text"]
    assert "07-unrelated.txt" not in {src for s in data["summary"] for src in s["sources"]}
    assert any(d["reason"] == "off_topic" and d["source"] == "07-unrelated.txt" for d in data["dropped"])


@pytest.mark.parametrize("embedder", ["static", pytest.param("transformer", marks=pytest.mark.slow)])
def test_example_end_to_end_real_models(example_dir: Path, embedder: str) -> None:
    """The README's first command, through the installed entry point, with real models."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "storyline",
            "summarize",
            str(example_dir),
            "--format",
            "json",
            "--embedder",
            embedder,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    _check_example_summary(done.stdout)


def test_evaluate_command_outputs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "eval.jsonl"
    cluster = {
        "id": "flood",
        "documents": [
            "Heavy rain flooded the town of Marrow on Tuesday, forcing 300 residents from their homes. The river Lune burst its banks.",
            "About 300 people left their homes in Marrow after heavy rain. Forecasters expect more rain on Thursday.",
        ],
        "summary": "Heavy rain flooded Marrow and 300 residents left their homes after the river Lune burst its banks.",
    }
    data.write_text(json.dumps(cluster) + "\n" + json.dumps({**cluster, "id": "two"}) + "\n")
    out_json, csv_path, png = tmp_path / "s.json", tmp_path / "c.csv", tmp_path / "p.png"
    code, out, err = _run(
        capsys,
        "evaluate",
        str(data),
        "--systems",
        "storyline,lead,oracle",
        "--words",
        "20",
        "--json",
        str(out_json),
        "--per-cluster",
        str(csv_path),
        "--plot",
        str(png),
        "--quiet",
        *HASH,
    )
    assert code == 0, err
    assert "ROUGE-1" in out and "oracle" in out
    scores = json.loads(out_json.read_text())
    assert scores["words"] == 20 and scores["metric"] == "f1"
    assert set(scores["systems"]["lead"]) == {"rouge1", "rouge2", "rougeLsum", "clusters_per_s", "n"}
    assert csv_path.read_text().splitlines()[0] == "id,system,words,rouge1,rouge2,rougeLsum,n_words"
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_evaluate_without_references(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "eval.jsonl"
    data.write_text(json.dumps({"id": "x", "documents": ["A storm hit the coast on Monday."]}) + "\n")
    code, _, err = _run(capsys, "evaluate", str(data), "--systems", "lead", "--quiet")
    assert code == 2 and "no cluster with a reference summary" in err


def _batch_file(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    rows = [{"id": "a", "documents": ["The council met on Tuesday to discuss the new flood defences."]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_output_never_replaces_an_input_or_a_device(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    feed = _batch_file(tmp_path)
    link = tmp_path / "hard-link.jsonl"
    link.hardlink_to(feed)
    before = feed.read_bytes()
    code, _, err = _run(capsys, "summarize", str(feed), "-o", str(link), *HASH)
    assert code == 2 and "would overwrite an input file" in err
    code, _, err = _run(capsys, "summarize", str(feed), "-o", "/dev/null", *HASH)
    assert code == 2 and "not a regular file" in err
    assert feed.read_bytes() == before and Path("/dev/null").is_char_device()


def test_a_failed_run_leaves_the_earlier_output_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text("yesterday's results\n", encoding="utf-8")
    code, _, err = _run(capsys, "summarize", str(tmp_path / "typo.jsonl"), "-o", str(out), *HASH)
    assert code == 2 and "no such file" in err
    assert out.read_text(encoding="utf-8") == "yesterday's results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["results.jsonl"]  # no temporary file left


def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    feed = _batch_file(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "storyline", "summarize", str(feed), "--quiet", *HASH],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "No space left on device" in done.stderr, done.stderr


def _two_reports(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(
        (
            "The council of Springfield voted on Monday to build a new bridge over the river. "
            "The bridge will cost three million dollars, the mayor said.",
            "Springfield will build a bridge, the mayor said on Monday after the council vote. "
            "Work on the bridge starts in May.",
        )
    ):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_argparse_errors_are_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (
        ["summarize", "x.txt", "--words", "abc"],
        ["summarize", "--no-such-option"],
        ["nosuchcommand"],
        ["timeline", "x.txt", "--start", "2020-13-01"],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("storyline: error: ")


def test_binary_on_stdin_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    proc = subprocess.run(
        [sys.executable, "-m", "storyline", "summarize", *HASH], input=png, capture_output=True, timeout=120
    )
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.decode().strip().splitlines() == [
        "storyline: error: [SL103] <stdin>: not a text file (binary content); give .txt, .md, .html or "
        ".jsonl files"
    ]


def test_utf16_without_bom_is_summarized(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = _two_reports(tmp_path)
    Path(paths[0]).write_bytes(Path(paths[0]).read_text(encoding="utf-8").encode("utf-16-le"))
    code, out, err = _run(capsys, "summarize", *paths, "--format", "json", *HASH)
    assert code == 0, err
    assert "r0.txt" in {s["id"] for s in json.loads(out)["sources"]}


def test_symlink_loop_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    for argv in (
        ["summarize", str(tmp_path / "a.txt")],
        ["summarize", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.md")],
        ["timeline", str(tmp_path / "a.txt")],
    ):
        code, _, err = _run(capsys, *argv)
        assert code == 2
        assert "a.txt" in err and "symbolic link loop" in err and len(err.splitlines()) == 1, err


def test_control_and_bidi_characters_in_file_names_are_made_visible(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = "evil\u202etxt.exe\x1b[2J.txt"
    (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    code, _, err = _run(capsys, "summarize", str(tmp_path / name))
    assert code == 2
    assert "\u202e" not in err and "\x1b" not in err
    assert "evil\\u202etxt.exe\\x1b[2J.txt" in err
    code, _, err = _run(capsys, "timeline", str(tmp_path / "gone\nstoryline: error: fake.txt"))
    assert code == 2 and len(err.splitlines()) == 1 and "gone\\nstoryline" in err


def test_evaluate_plot_with_unknown_suffix_or_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(json.dumps({"id": "c", "documents": [{"text": "A b c."}], "summary": "A b."}) + "\n")
    (tmp_path / "plots").mkdir()
    for plot, needle in ((tmp_path / "x.xyz", "x.xyz"), (tmp_path / "plots", "is a directory")):
        code, _, err = _run(
            capsys, "evaluate", str(data), "--plot", str(plot), "--systems", "lead", "--quiet"
        )
        assert code == 2, err
        assert "--plot" in err or "--output" in err
        assert needle in err and len(err.splitlines()) == 1
    assert list((tmp_path / "plots").iterdir()) == []
    assert not (tmp_path / "x.xyz").exists()


@pytest.mark.parametrize("how", ["closed", "full"])
def test_stdout_write_errors_are_one_line(tmp_path: Path, how: str) -> None:
    paths = _two_reports(tmp_path)
    command = [sys.executable, "-m", "storyline", "summarize", *paths, *HASH]
    if how == "closed":
        proc = subprocess.run(["sh", "-c", " ".join(command) + " >&-"], capture_output=True, timeout=120)
    else:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "stdout" in err, err


def test_ray_address_with_nothing_listening_fails_fast(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pytest.importorskip("ray")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "The council met.", "date": "2020-03-01"}) + "\n")
    code, _, err = _run(
        capsys, "cluster", str(feed), "--engine", "ray", "--address", "127.0.0.1:1", "--quiet"
    )
    assert code == 3
    assert "127.0.0.1:1" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(("signal_raised", "code"), [("terminated", 143), ("interrupted", 130)])
def test_a_signal_inside_a_compiled_kernel_still_ends_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], signal_raised: str, code: int
) -> None:
    # numba wraps an exception raised while it loads or calls a kernel in a SystemError; a
    # SIGTERM that lands there is still a SIGTERM, not a traceback.
    from storyline.cli import _main

    def command(args: object) -> int:
        try:
            raise _main.Terminated if signal_raised == "terminated" else KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise SystemError("<function weigh_top> returned a result with an exception set") from exc

    monkeypatch.setitem(_main.COMMANDS, "cluster", command)
    assert main(["cluster", "-"]) == code
    err = capsys.readouterr().err
    assert signal_raised in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_scorer_file_is_a_setting(
    capsys: pytest.CaptureFixture[str], example_dir: Path, tmp_path: Path
) -> None:
    """--scorer names a scorer file as well as a registered scorer, on summarize and on
    evaluate; a file that is none, or no file, stops the command in one line before any
    input is read."""
    from storyline.summarize._learned import DEFAULT_MODEL

    copy = tmp_path / "my-scorer.JSON"
    copy.write_bytes(DEFAULT_MODEL.read_bytes())
    code, by_path, err = _run(
        capsys, "summarize", str(example_dir), "--format", "json", "--scorer", str(copy)
    )
    assert code == 0, err
    code, by_name, err = _run(capsys, "summarize", str(example_dir), "--format", "json")
    assert code == 0, err
    assert json.loads(by_path)["summary"] == json.loads(by_name)["summary"]
    cluster = tmp_path / "c.jsonl"
    cluster.write_text(
        json.dumps(
            {
                "id": "c1",
                "documents": [
                    "The dam held overnight, engineers said on Saturday.",
                    "The dam held, they said.",
                ],
                "summary": "Engineers said the dam held overnight.",
            }
        )
        + "\n"
    )
    code, out, err = _run(
        capsys, "evaluate", str(cluster), "--systems", "storyline", "--scorer", str(copy), "--quiet"
    )
    assert code == 0 and "storyline" in out, err
    damaged = tmp_path / "damaged.json"
    damaged.write_text(
        json.dumps({"format": "storyline-gbrt-1", "features": ["no_such_feature"], "trees": [{}]})
    )
    for bad, message in (
        (str(tmp_path / "missing.json"), "No such file"),
        (str(tmp_path), "choose from"),
        (str(damaged), "damaged scorer file: unknown features ['no_such_feature']"),
        ("nonsense", "choose from"),
    ):
        for command in ("summarize", "evaluate"):
            # stdin is never read: the option is refused first
            with pytest.raises(SystemExit) as exit_info:
                main([command, "-" if command == "summarize" else str(cluster), "--scorer", bad])
            assert exit_info.value.code == 2
            err = capsys.readouterr().err
            assert message in err and len(err.strip().splitlines()) == 1, err
