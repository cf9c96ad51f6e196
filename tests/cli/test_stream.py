"""`storyline cluster` and `storyline evaluate-clusters`, end to end, with bad input."""

from __future__ import annotations

import contextlib
import errno
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.cli import main

HASH = ["--embedder", "hash"]
FLOOD = [
    "Heavy rain flooded the town of Marrow, forcing 300 residents from their homes near the river Lune.",
    "The river Lune burst its banks in Marrow after three days of storms; 300 residents left their homes.",
]
MINE = [
    "Rescuers reached eleven miners trapped underground after a tunnel collapse at the Orsk copper mine.",
    "Eleven miners trapped by a collapse at the Orsk copper mine were brought to the surface by rescuers.",
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _write(path: Path, records: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _gold_stream() -> list[dict[str, str]]:
    return [
        {"id": "f0", "text": FLOOD[0], "story_id": "flood"},
        {"id": "m0", "text": MINE[0], "story_id": "mine"},
        {"id": "f1", "text": FLOOD[1], "story_id": "flood"},
        {"id": "m1", "text": MINE[1], "story_id": "mine"},
    ]


def test_cluster_one_line_per_article_in_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = _write(
        tmp_path / "articles.jsonl.gz",
        [
            {"id": "f0", "text": FLOOD[0], "title": "Marrow floods", "date": "2024-01-08"},
            {"id": "m0", "text": MINE[0]},
            {"id": "blank", "text": ""},
            "{not json",
            {"id": "f1", "text": FLOOD[1], "date": "2024-01-09"},
            {"id": "m1", "text": MINE[1], "url": "https://example.org/m1", "source": "Wire"},
        ],
    )
    dst = tmp_path / "out.jsonl"
    code, out, err = _run(capsys, "cluster", str(src), "-o", str(dst), *HASH)
    assert code == 0, err
    assert out == ""
    rows = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["f0", "m0", "blank", None, "f1", "m1"]
    story = {r["id"]: r["story"] for r in rows}
    assert story["f0"] == story["f1"] != story["m0"] == story["m1"]
    assert story["blank"] is None
    assert rows[3]["line"] == 4 and "invalid JSON" in rows[3]["error"]
    assert all(set(r) >= {"id", "story", "thread"} for r in rows)
    thread = {r["id"]: r["thread"] for r in rows}
    assert thread["f0"] == thread["f1"] and thread["blank"] is None
    assert "article 'blank' has no text; its story and thread are null" in err
    assert "line 4: invalid JSON" in err
    assert (
        "5 articles in" in err and "articles/s); 2 stories in 2 threads; 1 without text, 1 bad lines" in err
    )
    assert "Traceback" not in err


def test_cluster_no_rethread_keeps_the_online_threads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--no-rethread`: the same stories, threads as decided, and a state without re-threading
    records; the default run over 300 articles (above re-threading's minimum) records them."""
    src = _feed(tmp_path / "feed.jsonl", 300)
    runs = {}
    for flag in ("--no-rethread", None):
        state = tmp_path / f"state{'-online' if flag else ''}"
        dst = tmp_path / f"out{'-online' if flag else ''}.jsonl"
        args = ["cluster", str(src), "-o", str(dst), "--quiet", "--state", str(state), *HASH]
        code, _, err = _run(capsys, *args, *([flag] if flag else []))
        assert code == 0, err
        runs[flag] = [json.loads(line) for line in dst.read_text().splitlines()]
        assert bool(list(state.glob("threads-*.npy"))) == (flag is None)
    online, default = runs["--no-rethread"], runs[None]
    assert [r["story"] for r in online] == [r["story"] for r in default]
    logged = [
        json.loads(line)
        for line in (tmp_path / "state-online" / "assignments.jsonl").read_text().splitlines()
    ]
    assert [(r["story"], r["thread"]) for r in online] == [(r["story"], r["thread"]) for r in logged]


def test_cluster_duplicate_ids_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = _write(
        tmp_path / "a.jsonl",
        [{"id": "x", "text": FLOOD[0]}, {"id": "y", "text": MINE[0]}, {"id": "x", "text": FLOOD[1]}],
    )
    code, _, err = _run(capsys, "cluster", str(src), "-o", str(tmp_path / "o.jsonl"), "--quiet", *HASH)
    assert code == 2
    assert err.strip().splitlines() == [  # named by the feed's lines (issue 14)
        f"storyline: error: [SL106] {src}: line 3: duplicate article id 'x' (first on line 1); ids must be unique"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "missing.jsonl: no such file or directory"),
        (["{src}", "--window-days", "0"], "invalid option --window-days=0.0"),
        (["{src}", "--address", "ray://x:10001"], "--address"),
        (["{src}", "-o", "{src}"], "would overwrite an input file"),
    ],
)
def test_cluster_bad_options_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    src = _write(tmp_path / "a.jsonl", [{"id": "a", "text": FLOOD[0]}])
    argv = [a.format(src=src) for a in args]
    code, _, err = _run(capsys, "cluster", *argv, "--quiet", *HASH)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err


def test_cluster_state_directory_resumes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = _gold_stream()
    state = tmp_path / "state"
    first = _write(tmp_path / "first.jsonl", records[:2])
    both = _write(tmp_path / "both.jsonl", records)
    code, out1, err = _run(capsys, "cluster", str(first), "--state", str(state), *HASH)
    assert code == 0, err
    code, out2, err = _run(capsys, "cluster", str(both), "--state", str(state), *HASH)
    assert code == 0, err
    assert out2.splitlines()[:2] == out1.splitlines()
    assert "2 from the state directory" in err
    story = {r["id"]: r["story"] for r in map(json.loads, out2.splitlines())}
    assert story["f0"] == story["f1"] and story["m0"] == story["m1"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "snapshot.pkl").write_bytes(b"\x80\x04K\x01."), "older storyline"),
        (lambda d: (d / "other.txt").write_text("another tool"), "not a storyline state directory"),
    ],
)
def test_cluster_foreign_or_old_state_is_one_line_and_untouched(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    make(state)
    before = {p.name: p.read_bytes() for p in state.iterdir()}
    src = _write(tmp_path / "a.jsonl", _gold_stream())
    code, out, err = _run(capsys, "cluster", str(src), "--state", str(state), *HASH)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in state.iterdir()} == before


@pytest.mark.parametrize(
    "records",
    [
        [{"id": "only", "text": FLOOD[0]}],  # one article
        [{"id": "a", "text": FLOOD[0]}, {"id": "b", "text": FLOOD[0]}],  # identical articles
        [  # mixed dated and undated, out of order, one in the future
            {"id": "a", "text": FLOOD[0], "date": "2024-01-09"},
            {"id": "b", "text": MINE[0]},
            {"id": "c", "text": FLOOD[1], "date": "2024-01-08"},
            {"id": "d", "text": MINE[1], "date": "2999-01-01"},
        ],
        [{"id": "long", "text": "Marrow flood. " * 300_000}, {"id": "x", "text": FLOOD[1]}],  # 4 MB article
    ],
)
def test_cluster_awkward_streams_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, records: list[object]
) -> None:
    src = _write(tmp_path / "a.jsonl", records)
    code, out, err = _run(capsys, "cluster", str(src), *HASH)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records]  # type: ignore[index]
    assert all(r["story"] is not None and r["thread"] is not None for r in rows)
    if len(records) == 2 and records[0]["text"] == records[1]["text"]:  # type: ignore[index]
        assert rows[0]["story"] == rows[1]["story"]
    if any(r.get("date") == "2999-01-01" for r in records):  # type: ignore[union-attr]
        assert "dated in the future (2999-01-01)" in err


def test_evaluate_clusters_scores_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = _write(tmp_path / "gold.jsonl", _gold_stream())
    report = tmp_path / "scores.json"
    code, out, err = _run(capsys, "evaluate-clusters", str(src), "--json", str(report), "--quiet", *HASH)
    assert code == 0, err
    assert "storyline (online, story)" in out and "TF-IDF + agglomerative" in out
    data = json.loads(report.read_text())
    for key in ("bcubed_precision", "bcubed_recall", "bcubed_f1", "n_pred", "n_gold", "articles_per_s"):
        assert key in data and key in data["baseline"]
    assert (data["bcubed_f1"], data["n_pred"], data["n_gold"]) == (1.0, 2, 2)
    assert data["baseline"]["bcubed_f1"] == 1.0


def test_evaluate_clusters_thread_level_and_gold_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    records = [{**r, "topic": "same", "story_id": None} for r in _gold_stream()]  # type: ignore[dict-item]
    src = _write(tmp_path / "gold.jsonl", records)
    report = tmp_path / "scores.json"
    argv = [
        "evaluate-clusters",
        str(src),
        "--level",
        "thread",
        "--gold-field",
        "topic",
        "--json",
        str(report),
    ]
    code, out, err = _run(capsys, *argv, "--quiet", "--no-baseline", *HASH)
    assert code == 0, err
    assert "Thread clustering" in out and "gold topic" in out
    data = json.loads(report.read_text())
    assert data["level"] == "thread" and data["gold_field"] == "topic" and data["n_gold"] == 1


def test_evaluate_clusters_missing_story_id(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records: list[object] = [*_gold_stream(), {"id": "z", "text": "no gold here"}]
    src = _write(tmp_path / "gold.jsonl", records)
    code, _, err = _run(capsys, "evaluate-clusters", str(src), "--quiet", *HASH)
    assert code == 2
    assert err.strip().splitlines() == [
        f"storyline: error: [SL111] {src}: line 5: no 'story_id'; every article needs its gold story to be evaluated"
    ]


# Peak RSS of this process alone: VmHWM. (ru_maxrss is no good here: Linux carries it over
# from the forking parent, so the child of a big pytest process reports pytest's peak.)
_MEASURE = """
import sys
from storyline.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status") as fh:
    print(next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) // 1024)
sys.exit(code)
"""


@pytest.mark.slow  # about 25 s: 100,000 articles through the whole clusterer
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc (Linux)")
def test_cluster_100k_articles_streams_in_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "big.jsonl"
    vocabulary = [f"w{i}" for i in range(4000)]
    padding = "x" * 3000
    with src.open("w", encoding="utf-8") as fh:
        for i in range(100_000):
            story = i % 400
            words = [vocabulary[(story * 37 + k * 11) % 4000] for k in range(18)]
            words += [vocabulary[(i * 13 + k * 7) % 4000] for k in range(8)]
            # `extra` is a field the clusterer does not use: it makes the file 330 MB, so that
            # holding on to lines or records would show in the peak memory.
            fh.write(json.dumps({"id": f"a{i}", "text": " ".join(words), "extra": padding}) + "\n")
    dst = tmp_path / "out.jsonl"
    # No embedding model (sketch retrieval): the test is about the stream, not the model.
    argv = ["cluster", str(src), "-o", str(dst), "--quiet", "--retrieval", "sketch", "--index", "hnsw"]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.split()[-1])
    n_lines = 0
    with dst.open() as fh:
        for n_lines, line in enumerate(fh, start=1):
            assert json.loads(line)["id"] == f"a{n_lines - 1}"
    assert n_lines == 100_000
    # Measured: ~600 MB, of which ~400 MB is the interpreter and libraries and ~1.5 KB per
    # article the clusterer's memory (index, LSH, ids). Holding the file's lines alone would
    # add ~320 MB, and take it past the bound.
    assert src.stat().st_size > 300e6
    assert peak_mb < 850, f"peak RSS {peak_mb} MB"


def test_cluster_with_a_missing_feed_leaves_earlier_output_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "assignments.jsonl"
    out.write_text("yesterday\n", encoding="utf-8")
    code, _, err = _run(capsys, "cluster", str(tmp_path / "typo.jsonl"), "-o", str(out), *HASH)
    assert code == 2 and "typo.jsonl" in err
    assert out.read_text(encoding="utf-8") == "yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assignments.jsonl"]


def _feed(path: Path, n: int) -> Path:
    """n invented articles on a few topics; undated, so each is decided as soon as its batch
    is featurized. A run holds off deciding until 4 batches of 512 are read (its forked
    helper featurizes ahead): 2600 articles get the first decided and the stream open."""
    words = "council vote bridge river mayor budget storm flood police court election market".split()
    records = []
    for i in range(n):
        topic = i % 7
        text = " ".join(
            f"The {words[topic]} officials said on Monday that the {words[(topic * 5 + k) % 12]} plan "
            f"would change the {words[(i + k) % 12]} in Springfield."
            for k in range(6)
        )
        records.append({"id": f"a{i}", "text": text})
    return _write(path, records)


def _storyline_fed(feed: Path, *args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    """`storyline cluster -` given the feed on stdin, which stays open: the run cannot end
    before the test has signalled it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", "cluster", "-", *map(str, args)],
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(feed.read_text(encoding="utf-8"))
    proc.stdin.flush()
    return proc


def _wait_for_decisions(proc: subprocess.Popen[str], log: Path) -> None:
    """Until the run has logged a decision (its helper is forked by then); fails if it ends first."""
    deadline = time.monotonic() + 120  # a bound against hanging, not a measurement
    while not (log.exists() and log.stat().st_size > 0):
        assert proc.poll() is None, f"the run ended (exit {proc.returncode}) before it was signalled"
        assert time.monotonic() < deadline, "no decision logged in 120 s"
        time.sleep(0.05)


def test_issue14_sigterm_then_resume_at_once(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 2600)
    whole = subprocess.run(
        [sys.executable, "-m", "storyline", "cluster", str(feed), "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    state, out = tmp_path / "state", tmp_path / "out.jsonl"
    with _storyline_fed(feed, "--state", state, "-o", out, "--quiet", cwd=tmp_path) as run:
        _wait_for_decisions(run, state / "assignments.jsonl")
        run.send_signal(signal.SIGTERM)
        assert run.stderr is not None
        err = run.stderr.read()
        run.wait(timeout=300)
    assert run.returncode == 143, err
    assert len(err.strip().splitlines()) == 1 and "terminated" in err, err
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.tmp*"))  # nothing half-written
    # At once: nothing of the killed run (its featurizing helper included) holds the state.
    resumed = subprocess.run(
        [sys.executable, "-m", "storyline", "cluster", str(feed), "--state", str(state), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "from the state directory" in resumed.stderr
    assert out.read_text(encoding="utf-8") == whole


# Takes the state lock through the library, forks a child that sleeps (as the featurizing
# helper does), prints the child's pid and kills itself with SIGKILL: no cleanup runs.
_FORK_AND_DIE = """
import os, signal, sys, time
from pathlib import Path
from storyline.cluster import ClusterOptions, cluster_articles

def articles():
    yield "The council voted on the bridge budget on Monday."
    child = os.fork()
    if child == 0:  # let go of the pipes the test reads, so that it sees the parent end
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        time.sleep(120)
        os._exit(0)
    print(child, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    yield "never reached"

for _ in cluster_articles(articles(), options=ClusterOptions(embedder="hash"), state_dir=Path(sys.argv[1])):
    pass
"""


def test_issue14_a_helper_outliving_its_killed_run_does_not_hold_the_state(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    state = tmp_path / "state"
    done = subprocess.run(
        [sys.executable, "-c", _FORK_AND_DIE, str(state)], capture_output=True, text=True, check=False
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    child = int(done.stdout.split()[0])
    try:
        os.kill(child, 0)  # the helper is still running
        src = _write(tmp_path / "a.jsonl", [{"id": "a", "text": FLOOD[0]}])
        code, _, err = _run(capsys, "cluster", str(src), "--state", str(state), "--quiet", *HASH)
        assert code == 0, err
    finally:
        os.kill(child, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child, 0)  # not our child (orphaned to init): nothing to reap


def test_issue14_a_live_run_still_locks_the_state(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 2600)
    state = tmp_path / "state"
    with _storyline_fed(feed, "--state", state, "--quiet", cwd=tmp_path) as first:
        try:
            _wait_for_decisions(first, state / "assignments.jsonl")
            second = subprocess.run(
                [sys.executable, "-m", "storyline", "cluster", str(feed), "--state", str(state), "--quiet"],
                capture_output=True,
                text=True,
                check=False,
            )
            assert second.returncode == 2
            assert len(second.stderr.strip().splitlines()) == 1 and "in use by another" in second.stderr
        finally:
            first.kill()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads children from /proc (Linux)")
def test_issue14_the_helper_ends_when_its_run_is_killed(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 2600)
    state = tmp_path / "state"
    with _storyline_fed(feed, "--state", state, "--quiet", cwd=tmp_path) as run:
        _wait_for_decisions(run, state / "assignments.jsonl")
        children = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
        assert children, "the featurizing helper is running"
        run.kill()  # SIGKILL: no chance to stop the helper
        run.wait()
        deadline = time.monotonic() + 30  # a bound against hanging, not a measurement
        alive = [c for c in children if Path(f"/proc/{c}").exists()]
        while alive and time.monotonic() < deadline:
            time.sleep(0.1)
            alive = [c for c in alive if _running(c)]
        assert not alive, f"helper {alive} outlived its run"


def _running(pid: str) -> bool:
    """Alive and not a zombie (an orphan's zombie is init's to reap)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "/no/such/model"], "--model='/no/such/model': no such model folder"),
        (["--model", "./nope", "--retrieval", "dense"], "no such model folder"),
        (["--model", "owner/name"], "--retrieval postings uses no model"),
        (["--model", "$(touch PWNED)", "--retrieval", "dense"], "not a model folder, nor a model name"),
    ],
)
def test_issue14_cluster_model_checked_before_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    src = _write(tmp_path / "a.jsonl", [{"id": "a", "text": FLOOD[0]}])
    code, out, err = _run(capsys, "cluster", str(src), "--quiet", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert not (tmp_path / "PWNED").exists()


def test_issue14_state_write_error_names_the_state_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An injected full disk: every fsync fails as on a full file system; only the state
    # directory fsyncs when the output is stdout.
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    src = _write(tmp_path / "a.jsonl", [{"id": "a", "text": FLOOD[0]}])
    code, _, err = _run(capsys, "cluster", str(src), "--state", str(tmp_path / "state"), "--quiet", *HASH)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert "state" in err and "No space left on device" in err and "stdout" not in err, err


def test_issue14_duplicate_id_named_by_feed_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = _write(
        tmp_path / "feed.jsonl", [{"id": "x", "text": FLOOD[0]}, "", "{bad", {"id": "x", "text": MINE[0]}]
    )
    code, _, err = _run(capsys, "cluster", str(src), "--quiet", *HASH)
    assert code == 2
    errors = [line for line in err.splitlines() if not line.startswith("storyline: warning:")]  # line 3
    assert len(errors) == 1, err
    assert "feed.jsonl: line 4: duplicate article id 'x' (first on line 1)" in errors[0], err
