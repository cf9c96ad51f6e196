"""Every kind of hostile input against every command; counts what went wrong (issue 14).

    .venv/bin/python benchmarks/hostile_inputs.py [--only SUBSTRING] [--jobs 2] [--verbose]

Each case runs `python -m storyline ...` in its own temporary folder on invented inputs
(nothing outside temporary folders is read or written, but for /dev/zero, /dev/urandom and
/dev/full, which are read or written through). A read-only file system and a full disk are
real: a small tmpfs mounted in a private mount namespace (`unshare -m`, root in this
sandbox); where that is not possible those cases are skipped and said so.

Counted per case:
- traceback: "Traceback" on stderr, exit code 1 without a storyline error line, or death
  by a signal the script did not send;
- unclear: an error exit whose stderr has more (or fewer) than one non-warning line, does
  not name the path or option at fault, or carries raw ESC or bidi control characters;
- input changed: a file present before the run (inputs, earlier outputs, state) whose
  bytes changed or that disappeared, unless the case expects it to be rewritten;
- code run: a marker file that a crafted input (pickle, shell in names, ids, options)
  would create;
- wrong outcome: bad input accepted (exit 0) or good input refused; hang: over the limit;
- unsafe output: `](javascript:`, `<script`, ESC or U+202E in what the command wrote.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import hashlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
MARKER = "PWNED"
SHELL_MARKER = f"$(touch {MARKER})"
BIDI = "\u202e"
ESC = "\x1b"

WORDS = (
    "council vote bridge river mayor budget storm flood police court election senator market "
    "strike union hospital school fire rescue minister treaty border shipping harbour drought"
).split()


def sentence(i: int, topic: int) -> str:
    a, b, c = WORDS[topic % len(WORDS)], WORDS[(topic * 7 + 3) % len(WORDS)], WORDS[(i * 5 + 1) % len(WORDS)]
    return f"The {a} officials said on Monday that the {b} plan would change the {c} in Springfield. "


def article_text(i: int, topic: int) -> str:
    return "".join(sentence(i + k, topic) for k in range(6)) + f"Reporter {i} wrote this for desk {topic}.\n"


def write_articles(path: Path, n: int, *, gold: bool = False, topics: int = 5) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row: dict[str, object] = {
                "id": f"a{i}",
                "text": article_text(i, i % topics),
                "date": f"2020-03-{1 + i % 28:02d}",
                "title": f"Story {i % topics}",
            }
            if gold:
                row["story_id"] = f"s{i % topics}"
            fh.write(json.dumps(row) + "\n")


def write_clusters(path: Path, n: int, *, summary: bool = False) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for c in range(n):
            docs = [{"id": f"d{c}-{k}", "text": article_text(k, c)} for k in range(3)]
            row: dict[str, object] = {"id": f"c{c}", "documents": docs}
            if summary:
                row["summary"] = sentence(0, c) + sentence(1, c)
            fh.write(json.dumps(row) + "\n")


def two_reports(d: Path) -> None:
    (d / "a.txt").write_text(article_text(1, 1), encoding="utf-8")
    (d / "b.txt").write_text(article_text(2, 1), encoding="utf-8")


@dataclass
class Case:
    kind: str
    command: str
    argv: list[str]
    expect: str = "error"  # "error", "ok" or "any"
    needle: str | None = None  # the path or option an error must name
    setup: Callable[[Path], None] | None = None
    stdin: bytes | None = None
    stdout: str = "pipe"  # "pipe", "closed" or "full"
    mount: str | None = None  # "ro" or "full": argv runs with a tmpfs at ./mnt
    timeout_s: float = 90.0
    mutable: tuple[str, ...] = ()  # prefixes of files the command may rewrite
    stdin_fifo_writer: bytes | None = None  # bytes written into ./fifo.txt while the command runs


@dataclass
class Outcome:
    case: Case
    rc: int | None
    stderr: str
    seconds: float
    problems: dict[str, str] = field(default_factory=dict)


COLUMNS = ("traceback", "unclear", "input changed", "code run", "wrong outcome", "hang", "unsafe output")


def snapshot(d: Path) -> dict[str, str]:
    """SHA-256 of every regular file under d (symlinks and FIFOs are not followed)."""
    hashes: dict[str, str] = {}
    for root, _dirs, files in os.walk(d):
        for name in files:
            p = Path(root, name)
            if p.is_symlink() or not p.is_file():
                continue
            hashes[str(p.relative_to(d))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return hashes


def unsafe_outputs(d: Path, before: dict[str, str], stdout: bytes) -> str | None:
    texts = [("stdout", stdout.decode("utf-8", "replace"))]
    for rel, digest in snapshot(d).items():
        if before.get(rel) != digest and not rel.startswith("state"):
            texts.append((rel, (d / rel).read_bytes()[:5_000_000].decode("utf-8", "replace")))
    for where, text in texts:
        for bad in ("](javascript:", "<script", ESC, BIDI):
            if bad in text:
                return f"{where} holds {bad!r}"
    return None


def run_case(case: Case, *, mount_ok: bool) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        d = Path(tmp)
        if case.setup:
            case.setup(d)
        before = snapshot(d)
        given = (
            case.argv
            if case.command == "-" or case.argv[:1] == [case.command]
            else [case.command, *case.argv]
        )
        cmd = [PYTHON, "-m", "storyline", *given]
        if case.mount:
            if not mount_ok:
                return Outcome(case, None, "skipped: no private mount namespace", 0.0, {"skipped": "1"})
            (d / "mnt").mkdir(exist_ok=True)
            opts = "size=64k,ro" if case.mount == "ro" else "size=24k"
            quoted = " ".join(_shell_quote(a) for a in cmd)
            script = f"mount -t tmpfs -o {opts} none mnt && exec {quoted}"
            if case.mount == "full":  # filled to the last byte: any output, however small, fails
                script = (
                    f"mount -t tmpfs -o {opts} none mnt && {{ cat /dev/zero > mnt/pad; }} 2>/dev/null; "
                    f"exec {quoted}"
                )
            cmd = ["unshare", "-m", "sh", "-c", script]
        stdout_target: int | object = subprocess.PIPE
        if case.stdout == "closed":
            cmd = ["sh", "-c", " ".join(_shell_quote(a) for a in cmd) + " >&-"]
            stdout_target = subprocess.DEVNULL
        full = open("/dev/full", "wb") if case.stdout == "full" else None  # noqa: SIM115
        writer = None
        if case.stdin_fifo_writer is not None:
            payload = case.stdin_fifo_writer
            writer = threading.Thread(target=lambda: (d / "fifo.txt").write_bytes(payload), daemon=True)
            writer.start()
        started = time.perf_counter()
        env = {**os.environ, "COLUMNS": "100", "PYTHONWARNINGS": "ignore"}
        try:
            proc = subprocess.run(
                cmd,
                cwd=d,
                input=case.stdin if case.stdin is not None else b"",
                stdout=full or stdout_target,  # type: ignore[arg-type]
                stderr=subprocess.PIPE,
                timeout=case.timeout_s,
                env=env,
                start_new_session=True,
            )
            rc: int | None = proc.returncode
            out = proc.stdout or b""
            err = proc.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired as exc:
            rc, out = None, b""
            err = (exc.stderr or b"").decode("utf-8", "replace")
        finally:
            if full:
                full.close()
        seconds = time.perf_counter() - started
        outcome = Outcome(case, rc, err, seconds)
        judge(outcome, d, before, out)
        return outcome


def _shell_quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


def judge(o: Outcome, d: Path, before: dict[str, str], stdout: bytes) -> None:
    case, err, p = o.case, o.stderr, o.problems
    if o.rc is None:
        p["hang"] = f"over {case.timeout_s:.0f} s"
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("storyline: warning:")]
    if "Traceback" in err or (o.rc == 1 and not any(line.startswith("storyline: error:") for line in lines)):
        p["traceback"] = next((line for line in reversed(lines) if line.strip()), "exit 1")
    elif o.rc is not None and o.rc < 0:
        p["traceback"] = f"killed by signal {-o.rc}"
    if o.rc not in (0, None):
        if len(lines) != 1:
            p["unclear"] = f"{len(lines)} lines: " + " | ".join(lines[:3])[:200]
        elif case.needle and case.needle.lower() not in lines[0].lower():
            p["unclear"] = f"does not name {case.needle!r}: {lines[0][:200]}"
        elif ESC in err or BIDI in err:
            p["unclear"] = f"raw control characters: {lines[0][:200]!r}"
    if case.expect == "error" and o.rc == 0:
        p["wrong outcome"] = "accepted (exit 0)"
    elif case.expect == "ok" and o.rc not in (0, None):
        p["wrong outcome"] = f"refused (exit {o.rc}): {(lines or [''])[-1][:200]}"
    after = snapshot(d)
    changed = [
        rel
        for rel, digest in before.items()
        if after.get(rel) != digest and not any(rel.startswith(m) for m in case.mutable)
    ]
    if changed:
        p["input changed"] = ", ".join(sorted(changed)[:3])
    if any(Path(root, MARKER).exists() or MARKER in files for root, _, files in os.walk(d)):
        p["code run"] = "marker file created"
    unsafe = unsafe_outputs(d, before, stdout)
    if unsafe:
        p["unsafe output"] = unsafe


# ----------------------------------------------------------------- inputs


def gzip_bomb(path: Path, *, compressed_bytes: int = 1_500_000) -> None:
    """A .jsonl.gz of about `compressed_bytes` that inflates ~1000x: one endless line."""
    chunk = b"0" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"id": "bomb", "documents": [{"text": "')
        while path.stat().st_size < compressed_bytes:
            for _ in range(64):
                fh.write(chunk)
            fh.flush()


_BOMB_CACHE: dict[str, bytes] = {}
_BOMB_LOCK = threading.Lock()


def bomb_bytes() -> bytes:
    with _BOMB_LOCK:
        if "bomb" not in _BOMB_CACHE:
            with tempfile.TemporaryDirectory() as tmp:
                p = Path(tmp, "bomb.jsonl.gz")
                gzip_bomb(p)
                _BOMB_CACHE["bomb"] = p.read_bytes()
    return _BOMB_CACHE["bomb"]


def files(**contents: bytes | str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for name, data in contents.items():
            path = d / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, str):
                path.write_text(data, encoding="utf-8")
            else:
                path.write_bytes(data)

    return setup


def chain(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for step in steps:
            step(d)

    return setup


def symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda d: os.symlink(target, d / name)


def fifo(name: str) -> Callable[[Path], None]:
    return lambda d: os.mkfifo(d / name)


def articles(name: str = "feed.jsonl", n: int = 40, *, gold: bool = False) -> Callable[[Path], None]:
    return lambda d: write_articles(d / name, n, gold=gold)


def clusters(name: str = "clusters.jsonl", n: int = 3, *, summary: bool = False) -> Callable[[Path], None]:
    return lambda d: write_clusters(d / name, n, summary=summary)


def hardlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda d: os.link(d / target, d / name)


class _Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {MARKER}",))


def pickle_state(d: Path) -> None:
    (d / "state").mkdir()
    (d / "state" / "snapshot.pkl").write_bytes(pickle.dumps(_Evil()))


def built_state(d: Path) -> None:
    """A real state directory from a short run, to be corrupted by the next step."""
    write_articles(d / "feed.jsonl", 30)
    subprocess.run(
        [
            PYTHON,
            "-m",
            "storyline",
            "cluster",
            "feed.jsonl",
            "--state",
            "state",
            "-o",
            "first.jsonl",
            "--quiet",
        ],
        cwd=d,
        check=True,
        capture_output=True,
    )


def corrupt(rel_glob: str, data: bytes) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for p in sorted(d.glob(rel_glob)):
            p.write_bytes(data)

    return setup


def truncate(rel_glob: str) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        for p in sorted(d.glob(rel_glob)):
            p.write_bytes(p.read_bytes()[: max(1, p.stat().st_size // 2)])

    return setup


def killed_run(after_s: float, sig: int = signal.SIGKILL) -> Callable[[Path], None]:
    def setup(d: Path) -> None:
        write_articles(d / "feed.jsonl", 1500)
        proc = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "storyline",
                "cluster",
                "feed.jsonl",
                "--state",
                "state",
                "-o",
                "out.jsonl",
                "--quiet",
            ],
            cwd=d,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(after_s)
        proc.send_signal(sig)
        proc.wait()

    return setup


def deep_json_line(depth: int) -> str:
    return "[" * depth + "]" * depth


GOOD = article_text(1, 1)
JAPANESE = "\u6771\u4eac\u306e\u5e02\u9577\u306f\u6708\u66dc\u65e5\u306b\u8a71\u3057\u305f\u3002"
TOKYO = "The mayor of \u6771\u4eac\u306e\u5e02 said on Monday that the bridge plan would change the river."
RUSSIAN = (
    "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0437\u0430\u044f\u0432\u0438\u043b "
    "\u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a, \u0447\u0442\u043e "
    "\u043f\u043b\u0430\u043d \u043c\u043e\u0441\u0442\u0430 \u0438\u0437\u043c\u0435\u043d\u0438\u0442 "
    "\u0440\u0435\u043a\u0443. "
) * 8
UTF16_NO_BOM_LE = GOOD.encode("utf-16-le")
UTF16_NO_BOM_BE = GOOD.encode("utf-16-be")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 4000


def cases() -> list[Case]:
    c: list[Case] = []
    S, R, T = "summarize", "report", "timeline"

    # ---- encodings (all readable: expect ok)
    for label, data in (
        ("utf-16-le no BOM", UTF16_NO_BOM_LE),
        ("utf-16-be no BOM", UTF16_NO_BOM_BE),
        ("utf-16 BOM", GOOD.encode("utf-16")),
        ("utf-8 BOM", codecs.BOM_UTF8 + GOOD.encode()),
        ("cp1252 quotes", ("\u201cQuoted\u201d " + GOOD).encode("cp1252")),
        ("latin-1", ("Caf\u00e9 owners said. " + GOOD).encode("latin-1")),
        ("broken utf-8", GOOD.encode() + b"\xff\xfe\xc3(" + GOOD.encode()),
        ("shift-jis, English with Japanese names", (TOKYO + " " + GOOD).encode("shift_jis")),
        ("euc-jp, English with Japanese names", (TOKYO + " " + GOOD).encode("euc_jp")),
        ("cp1251 Russian", RUSSIAN.encode("cp1251")),
        ("koi8-r Russian", RUSSIAN.encode("koi8_r")),
    ):
        c.append(
            Case(f"encoding: {label}", S, ["a.txt", "--quiet"], expect="ok", setup=files(**{"a.txt": data}))
        )
    # Decoded, but written without spaces between words, which storyline cannot split yet:
    # a clear error naming the file (it used to be "no usable text", naming nothing).
    c.append(
        Case(
            "encoding: shift-jis, Japanese only",
            S,
            ["a.txt", "--quiet"],
            needle="a.txt",
            setup=files(**{"a.txt": (JAPANESE * 20).encode("shift_jis")}),
        )
    )
    c.append(
        Case(
            "encoding: utf-16 no BOM feed",
            T,
            ["a.txt", "--quiet"],
            expect="any",
            needle="a.txt",
            setup=files(**{"a.txt": ("On 3 March 2020 the council voted. " + GOOD).encode("utf-16-le")}),
        )
    )

    # ---- binaries
    c.append(Case("binary: png as .txt", S, ["a.txt"], needle="a.txt", setup=files(**{"a.txt": PNG})))
    c.append(Case("binary: elf as .html", R, ["a.html"], needle="a.html", setup=files(**{"a.html": ELF})))
    c.append(
        Case(
            "binary: one of two in a dir",
            S,
            ["docs", "--quiet"],
            expect="ok",
            setup=files(**{"docs__a.txt": PNG, "docs__b.txt": GOOD}),
        )
    )
    c.append(Case("binary: on stdin", S, [], stdin=PNG, needle="stdin"))
    c.append(Case("binary: jsonl", S, ["x.jsonl"], needle="x.jsonl", setup=files(**{"x.jsonl": PNG})))
    c.append(Case("binary: feed", "cluster", ["x.jsonl"], needle="x.jsonl", setup=files(**{"x.jsonl": PNG})))
    c.append(Case("binary: timeline feed", T, ["x.jsonl"], needle="x.jsonl", setup=files(**{"x.jsonl": ELF})))
    c.append(
        Case(
            "binary: evaluate data",
            "evaluate",
            ["x.jsonl"],
            needle="x.jsonl",
            setup=files(**{"x.jsonl": PNG}),
        )
    )
    c.append(
        Case(
            "binary: digest feed",
            "digest",
            ["x.jsonl", "-o", "site"],
            needle="x.jsonl",
            setup=files(**{"x.jsonl": PNG}),
        )
    )
    c.append(
        Case(
            "binary: gzip of junk",
            S,
            ["x.jsonl.gz"],
            needle="x.jsonl.gz",
            setup=files(**{"x.jsonl.gz": b"\x1f\x8b\x08\x00" + PNG}),
        )
    )

    # ---- FIFOs and devices
    c.append(
        Case(
            "fifo: input with a writer",
            S,
            ["fifo.txt", "--quiet"],
            expect="ok",
            setup=fifo("fifo.txt"),
            stdin_fifo_writer=GOOD.encode(),
        )
    )
    c.append(
        Case(
            "fifo: as -o",
            S,
            ["a.txt", "b.txt", "-o", "out.fifo"],
            needle="out.fifo",
            setup=chain(two_reports, fifo("out.fifo")),
        )
    )
    c.append(
        Case(
            "fifo: in a directory",
            S,
            ["docs", "--quiet"],
            expect="ok",
            setup=chain(files(**{"docs__a.txt": GOOD}), lambda d: os.mkfifo(d / "docs" / "p.txt")),
        )
    )
    c.append(
        Case("device: .txt -> /dev/zero", S, ["z.txt"], needle="z.txt", setup=symlink("z.txt", "/dev/zero"))
    )
    c.append(
        Case(
            "device: .txt -> /dev/urandom",
            S,
            ["u.txt"],
            needle="u.txt",
            setup=symlink("u.txt", "/dev/urandom"),
        )
    )
    c.append(
        Case(
            "device: .jsonl -> /dev/zero",
            S,
            ["z.jsonl"],
            needle="z.jsonl",
            setup=symlink("z.jsonl", "/dev/zero"),
        )
    )
    c.append(
        Case(
            "device: feed -> /dev/urandom",
            "cluster",
            ["u.jsonl"],
            needle="u.jsonl",
            setup=symlink("u.jsonl", "/dev/urandom"),
        )
    )
    c.append(
        Case(
            "device: timeline -> /dev/zero", T, ["z.txt"], needle="z.txt", setup=symlink("z.txt", "/dev/zero")
        )
    )
    c.append(
        Case(
            "device: -o /dev/null",
            S,
            ["a.txt", "b.txt", "-o", "null"],
            needle="null",
            setup=chain(two_reports, symlink("null", "/dev/null")),
        )
    )
    c.append(
        Case(
            "device: -o /dev/full",
            S,
            ["a.txt", "b.txt", "--quiet", "-o", "/dev/full"],
            needle="/dev/full",
            setup=two_reports,
        )
    )
    c.append(
        Case(
            "device: stdout is /dev/full",
            S,
            ["a.txt", "b.txt", "--quiet"],
            needle="stdout",
            stdout="full",
            setup=two_reports,
        )
    )
    c.append(
        Case(
            "device: cluster stdout /dev/full",
            "cluster",
            ["feed.jsonl", "--quiet"],
            needle="stdout",
            stdout="full",
            setup=articles(),
        )
    )
    c.append(
        Case(
            "closed stdout: summarize",
            S,
            ["a.txt", "b.txt", "--quiet"],
            needle="stdout",
            stdout="closed",
            setup=two_reports,
        )
    )
    c.append(
        Case(
            "closed stdout: cluster",
            "cluster",
            ["feed.jsonl", "--quiet"],
            needle="stdout",
            stdout="closed",
            setup=articles(),
        )
    )
    c.append(
        Case(
            "closed stdout: timeline",
            T,
            ["feed.jsonl", "--quiet"],
            needle="stdout",
            stdout="closed",
            setup=articles(),
        )
    )

    # ---- huge, deep, bombs
    c.append(
        Case(
            "huge: 40 MB text",
            S,
            ["big.txt", "--quiet"],
            expect="ok",
            setup=lambda d: (d / "big.txt").write_bytes(GOOD.encode() * (40_000_000 // len(GOOD))),
        )
    )
    c.append(
        Case(
            "huge: 8 MB html",
            S,
            ["big.html", "--quiet"],
            expect="ok",
            timeout_s=120,
            setup=lambda d: (d / "big.html").write_text(
                "<html><body>" + ("<p>" + GOOD + "</p>") * (8_000_000 // (len(GOOD) + 7)) + "</body></html>"
            ),
        )
    )
    c.append(
        Case(
            "deep: html 100k nested divs",
            S,
            ["deep.html", "--quiet"],
            expect="any",
            needle="deep.html",
            setup=lambda d: (d / "deep.html").write_text("<div>" * 100_000 + GOOD + "</div>" * 100_000),
        )
    )
    c.append(
        Case(
            "deep: jsonl line 100k deep + good",
            S,
            ["c.jsonl", "--quiet"],
            expect="ok",
            setup=chain(
                clusters("c.jsonl", 1),
                lambda d: (d / "c.jsonl").open("a").write(deep_json_line(100_000) + "\n"),
            ),
        )
    )
    c.append(
        Case(
            "deep: only a deep line",
            S,
            ["c.jsonl", "--quiet"],
            needle="c.jsonl",
            setup=lambda d: (d / "c.jsonl").write_text(deep_json_line(100_000) + "\n"),
        )
    )
    c.append(
        Case(
            "deep: feed line 100k deep",
            "cluster",
            ["feed.jsonl", "--quiet"],
            expect="ok",
            setup=chain(
                articles(), lambda d: (d / "feed.jsonl").open("a").write(deep_json_line(100_000) + "\n")
            ),
        )
    )
    c.append(
        Case(
            "bomb: 1.5 MB gzip cluster line",
            S,
            ["bomb.jsonl.gz", "--quiet"],
            needle="bomb.jsonl.gz",
            timeout_s=120,
            setup=lambda d: (d / "bomb.jsonl.gz").write_bytes(bomb_bytes()),
        )
    )
    c.append(
        Case(
            "bomb: 1.5 MB gzip feed",
            "cluster",
            ["bomb.jsonl.gz", "--quiet"],
            needle="bomb.jsonl.gz",
            timeout_s=120,
            setup=lambda d: (d / "bomb.jsonl.gz").write_bytes(bomb_bytes()),
        )
    )
    c.append(
        Case(
            "bomb: truncated gz keeps clusters",
            S,
            ["t.jsonl.gz", "--quiet", "-o", "out.jsonl"],
            expect="ok",
            setup=lambda d: (d / "t.jsonl.gz").write_bytes(
                gzip.compress(
                    b"".join(
                        json.dumps({"id": f"c{i}", "documents": [{"text": GOOD}]}).encode() + b"\n"
                        for i in range(50)
                    )
                )[:-30]
            ),
        )
    )
    c.append(
        Case(
            "huge: 200k-line feed of empties",
            "cluster",
            ["feed.jsonl", "--quiet", "-o", "out.jsonl"],
            expect="any",
            needle="feed.jsonl",
            setup=lambda d: (d / "feed.jsonl").write_text('{"id": 1, "text": ""}\n' * 20_000),
        )
    )

    # ---- symlinks, missing paths, permissions
    c.append(
        Case(
            "symlink loop",
            S,
            ["loop.txt"],
            needle="loop",
            setup=chain(symlink("loop.txt", "loop2.txt"), symlink("loop2.txt", "loop.txt")),
        )
    )
    c.append(
        Case(
            "symlink loop: timeline",
            T,
            ["loop.txt"],
            needle="loop",
            setup=chain(symlink("loop.txt", "loop2.txt"), symlink("loop2.txt", "loop.txt")),
        )
    )
    c.append(
        Case("dangling symlink", S, ["gone.txt"], needle="gone.txt", setup=symlink("gone.txt", "nowhere.txt"))
    )
    c.append(
        Case(
            "missing input keeps old output",
            S,
            ["typo.txt", "-o", "out.md"],
            needle="typo.txt",
            setup=files(**{"out.md": "yesterday's results\n"}),
        )
    )
    c.append(
        Case(
            "missing feed keeps old output",
            "cluster",
            ["typo.jsonl", "-o", "out.jsonl"],
            needle="typo.jsonl",
            setup=files(**{"out.jsonl": "yesterday\n"}),
        )
    )
    c.append(
        Case(
            "directory as file", S, ["emptydir"], needle="emptydir", setup=lambda d: (d / "emptydir").mkdir()
        )
    )
    c.append(Case("unsupported suffix", S, ["a.pdf"], needle="a.pdf", setup=files(**{"a.pdf": GOOD})))
    c.append(Case("empty file", S, ["e.txt"], setup=files(**{"e.txt": ""})))
    c.append(Case("whitespace only stdin", S, [], stdin=b"   \n\t\n"))

    # ---- outputs that would destroy inputs
    c.append(
        Case(
            "-o hard link to input",
            S,
            ["a.txt", "b.txt", "-o", "link.md"],
            needle="link.md",
            setup=chain(two_reports, hardlink("link.md", "a.txt")),
        )
    )
    c.append(
        Case(
            "-o is the feed (hard link)",
            "cluster",
            ["feed.jsonl", "-o", "out.jsonl"],
            needle="out.jsonl",
            setup=chain(articles(), hardlink("out.jsonl", "feed.jsonl")),
        )
    )
    c.append(
        Case(
            "-o is the timeline input",
            T,
            ["feed.jsonl", "-o", "feed.jsonl"],
            needle="feed.jsonl",
            setup=articles(),
        )
    )
    c.append(
        Case(
            "-o inside input dir",
            S,
            ["docs", "-o", "docs/out.txt"],
            needle="docs/out.txt",
            setup=files(**{"docs__a.txt": GOOD}),
        )
    )
    c.append(
        Case(
            "digest -o holds the feed",
            "digest",
            ["site/feed.jsonl", "-o", "site"],
            needle="site",
            setup=chain(lambda d: (d / "site").mkdir(), articles("site/feed.jsonl")),
        )
    )
    c.append(
        Case(
            "evaluate --json is the data",
            "evaluate",
            ["c.jsonl", "--json", "c.jsonl"],
            needle="c.jsonl",
            setup=clusters("c.jsonl", summary=True),
        )
    )
    c.append(
        Case(
            "-o read-only fs",
            S,
            ["a.txt", "b.txt", "--quiet", "-o", "mnt/out.md"],
            needle="mnt/out.md",
            setup=two_reports,
            mount="ro",
        )
    )
    c.append(
        Case(
            "-o full disk",
            S,
            ["big.txt", "--quiet", "--words", "2000", "-o", "mnt/out.json", "--format", "json"],
            needle="mnt/out.json",
            mount="full",
            setup=lambda d: (d / "big.txt").write_text("".join(article_text(i, i) for i in range(400))),
        )
    )
    c.append(
        Case(
            "cluster -o read-only fs",
            "cluster",
            ["feed.jsonl", "--quiet", "-o", "mnt/out.jsonl"],
            needle="mnt/out.jsonl",
            setup=articles(),
            mount="ro",
        )
    )
    c.append(
        Case(
            "cluster -o full disk",
            "cluster",
            ["feed.jsonl", "--quiet", "-o", "mnt/out.jsonl"],
            needle="mnt/out.jsonl",
            setup=articles(n=200),
            mount="full",
        )
    )
    c.append(
        Case(
            "cluster --state on full disk",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "mnt/state"],
            needle="mnt/state",
            setup=articles(n=200),
            mount="full",
        )
    )
    c.append(
        Case(
            "timeline -o read-only fs",
            T,
            ["feed.jsonl", "--quiet", "-o", "mnt/t.md"],
            needle="mnt/t.md",
            setup=articles(),
            mount="ro",
        )
    )
    c.append(
        Case(
            "digest -o read-only fs",
            "digest",
            ["feed.jsonl", "--quiet", "-o", "mnt/site"],
            needle="mnt/site",
            setup=articles(),
            mount="ro",
            timeout_s=180,
        )
    )

    # ---- state directories
    c.append(
        Case(
            "state: pickle snapshot",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state"],
            needle="state",
            setup=chain(articles(), pickle_state),
        )
    )
    c.append(
        Case(
            "state: is a file",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "st"],
            needle="st",
            setup=chain(articles(), files(st="x")),
        )
    )
    c.append(
        Case(
            "state: corrupt state.json",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state", "-o", "o.jsonl"],
            needle="state",
            setup=chain(built_state, corrupt("state/state.json", b"{not json")),
        )
    )
    c.append(
        Case(
            "state: corrupt .npy",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state", "-o", "o.jsonl"],
            needle="state",
            setup=chain(built_state, truncate("state/snapshot-*/*.npy")),
        )
    )
    c.append(
        Case(
            "state: corrupt log",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state", "-o", "o.jsonl"],
            needle="state",
            expect="any",
            mutable=("state/",),
            setup=chain(
                built_state, lambda d: (d / "state" / "assignments.jsonl").open("a").write("{garbage\n")
            ),
        )
    )
    c.append(
        Case(
            "state: foreign directory",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state"],
            needle="state",
            setup=chain(articles(), files(state__notes="my notes\n", state__options_json="{}")),
        )
    )
    for after_s in (2.0, 4.5):
        c.append(
            Case(
                f"kill -9 after {after_s} s, resume",
                "cluster",
                ["feed.jsonl", "--quiet", "--state", "state", "-o", "out.jsonl"],
                expect="ok",
                mutable=("state/", "out.jsonl", ".out.jsonl"),
                setup=killed_run(after_s),
                timeout_s=180,
            )
        )
    c.append(
        Case(
            "SIGTERM after 3 s, resume",
            "cluster",
            ["feed.jsonl", "--quiet", "--state", "state", "-o", "out.jsonl"],
            expect="ok",
            mutable=("state/", "out.jsonl", ".out.jsonl"),
            setup=killed_run(3.0, signal.SIGTERM),
            timeout_s=180,
        )
    )

    # ---- bad options
    two = ["a.txt", "b.txt"]
    for argv, needle, cmd in (
        ([S, *two, "--words", "0"], "--words", S),
        ([S, *two, "--words", "abc"], "--words", S),
        ([S, *two, "--format", "xyz"], "--format", S),
        ([S, *two, "--no-such-option"], "--no-such-option", S),
        ([R, *two, "--words", "-5"], "--words", R),
        ([R, *two, "--ner-model", "no_such_model"], "no_such_model", R),
        ([T, *two, "--dates", "0"], "--dates", T),
        ([T, *two, "--sentences", "-1"], "--sentences", T),
        ([T, *two, "--start", "2020-13-01"], "--start", T),
        ([T, *two, "--start", "2021-01-01", "--end", "2020-01-01"], "--start", T),
        (["cluster", "feed.jsonl", "--threshold", "5"], "--threshold", "cluster"),
        (["cluster", "feed.jsonl", "--window-days", "-1"], "--window-days", "cluster"),
        (["cluster", "feed.jsonl", "--workers", "0"], "--workers", "cluster"),
        (["cluster", "feed.jsonl", "--model", "/no/such/model"], "/no/such/model", "cluster"),
        (["evaluate-clusters", "feed.jsonl"], "feed.jsonl", "evaluate-clusters"),
        (["evaluate-clusters", "gold.jsonl", "--threshold", "nan"], "--threshold", "evaluate-clusters"),
        (["evaluate", "c.jsonl", "--limit", "0"], "--limit", "evaluate"),
        (["evaluate", "c.jsonl", "--systems", "nosuch"], "nosuch", "evaluate"),
        (["evaluate", "c.jsonl", "--words", "0"], "--words", "evaluate"),
        (["evaluate", "c.jsonl", "--plot", "x.xyz", "--systems", "lead"], "x.xyz", "evaluate"),
        (["evaluate", "c.jsonl", "--plot", "plots", "--systems", "lead"], "plots", "evaluate"),
        (["evaluate", "feed.jsonl", "--systems", "lead"], "feed.jsonl", "evaluate"),
        (["digest", "feed.jsonl", "-o", "site", "--min-size", "0"], "--min-size", "digest"),
        (["digest", "feed.jsonl", "-o", "a.txt"], "a.txt", "digest"),
        (["serve", "--port", "99999"], "--port", "serve"),
        (["serve", "--db", "nosuch://x", "--migrate"], "nosuch://x", "serve"),
        (["ingest", "a.txt", "--server", "http://127.0.0.1:1"], "127.0.0.1:1", "ingest"),
        (["ingest", "missing.txt", "--server", "http://127.0.0.1:1"], "missing.txt", "ingest"),
        (["nosuchcommand"], "nosuchcommand", "-"),
        ([], "command", "-"),
    ):
        c.append(
            Case(
                f"option: {' '.join(argv[1:]) or '(none)'}",
                cmd,
                argv,
                needle=needle,
                timeout_s=60,
                setup=chain(
                    two_reports,
                    articles(),
                    articles("gold.jsonl", gold=True),
                    clusters("c.jsonl", summary=True),
                    lambda d: (d / "plots").mkdir(),
                ),
            )
        )
    c.append(
        Case(
            "option: --engine ray --address 127.0.0.1:1",
            "cluster",
            ["cluster", "feed.jsonl", "--engine", "ray", "--address", "127.0.0.1:1", "--quiet"],
            needle="127.0.0.1:1",
            setup=articles(),
            timeout_s=60,
        )
    )

    # ---- injections in ids, urls and file names
    evil_names = {
        "shell": f"{SHELL_MARKER};touch {MARKER}.txt",
        "bidi": f"evil{BIDI}txt.exe.txt",
        "esc": f"evil{ESC}[2J{ESC}]0;title\a.txt",
        "newline": "evil\nstoryline: error: fake.txt",
    }
    for label, name in evil_names.items():
        needle = "evil" if label != "shell" else "touch"
        c.append(
            Case(
                f"name: {label} in a binary file's name", S, [name], needle=needle, setup=files(**{name: PNG})
            )
        )
        c.append(Case(f"name: {label} missing file", T, [name], needle=needle))
    c.append(
        Case(
            "name: bidi + esc in readable names (md)",
            S,
            ["docs", "--format", "md", "--quiet"],
            expect="ok",
            setup=files(**{f"docs__a{BIDI}b.txt": GOOD, f"docs__c{ESC}[31md.txt": article_text(3, 1)}),
        )
    )
    hostile_cluster = {
        "id": f"`x`</script><script>alert(1)</script>{BIDI}{ESC}[2J{SHELL_MARKER}",
        "documents": [
            {
                "id": f"d1`){BIDI}]({ESC}",
                "text": GOOD,
                "url": "javascript:alert(1)",
                "title": "<img src=x onerror=alert(1)>",
            },
            {
                "id": "d2",
                "text": article_text(2, 1) + " <script>alert(2)</script> [more](javascript:alert(3))",
                "url": "https://example.com/a>b)<script>",
            },
        ],
    }
    line = json.dumps(hostile_cluster) + "\n"
    for fmt in ("md", "text", "html"):
        cmd = R if fmt == "html" else S
        c.append(
            Case(
                f"injection: ids/urls, {cmd} --format {fmt}",
                cmd,
                ["docs", "--format", fmt, "--quiet", "-o", f"out.{fmt}"],
                expect="ok",
                timeout_s=180,
                setup=files(
                    **{
                        "docs__a.html": f"<html><head><title>{hostile_cluster['documents'][0]['title']}</title></head>"
                        f"<body><p>{GOOD}</p><a href='javascript:alert(1)'>x</a><script>alert(1)</script></body></html>",
                        "docs__b.md": article_text(2, 1) + f"\n[more](javascript:alert(3)) {BIDI}{ESC}[2J",
                    }
                ),
            )
        )
    c.append(
        Case(
            "injection: cluster line ids/urls (json batch)",
            S,
            ["h.jsonl", "--quiet", "-o", "out.jsonl"],
            expect="ok",
            setup=files(**{"h.jsonl": line}),
        )
    )
    feed = "".join(
        json.dumps(
            {
                "id": f"`{SHELL_MARKER}{BIDI}{i}",
                "text": article_text(i, 1),
                "date": "2020-03-05",
                "url": "javascript:alert(1)",
                "title": f"<script>{i}</script>",
                "source": f"{ESC}[2Jsrc",
            }
        )
        + "\n"
        for i in range(6)
    )
    c.append(
        Case(
            "injection: feed ids/urls, timeline md",
            T,
            ["feed.jsonl", "--format", "md", "--quiet", "-o", "t.md"],
            expect="ok",
            setup=files(**{"feed.jsonl": feed}),
        )
    )
    c.append(
        Case(
            "injection: feed ids/urls, cluster",
            "cluster",
            ["feed.jsonl", "--quiet", "-o", "out.jsonl"],
            expect="ok",
            setup=files(**{"feed.jsonl": feed}),
        )
    )
    c.append(
        Case(
            "injection: duplicate ids",
            "cluster",
            ["feed.jsonl", "--quiet"],
            expect="any",
            needle="line",
            setup=files(**{"feed.jsonl": feed + feed}),
        )
    )
    c.append(
        Case(
            "injection: option value with shell",
            S,
            ["a.txt", "--model", SHELL_MARKER, "--embedder", "transformer"],
            needle="touch",
            setup=two_reports,
        )
    )
    return c


def mount_namespace_works() -> bool:
    if not shutil.which("unshare"):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        probe = subprocess.run(
            [
                "unshare",
                "-m",
                "sh",
                "-c",
                f"mount -t tmpfs -o size=16k,ro none {tmp} && ! touch {tmp}/x 2>/dev/null",
            ],
            capture_output=True,
        )
        return probe.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=None, help="run the cases whose name holds this")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    parser.add_argument("--verbose", action="store_true", help="print every case, not only the failing ones")
    args = parser.parse_args()
    mount_ok = mount_namespace_works()
    selected = [case for case in cases() if args.only is None or args.only in case.kind]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda case: run_case(case, mount_ok=mount_ok), selected))
    elapsed = time.perf_counter() - started
    skipped = [o for o in outcomes if "skipped" in o.problems]
    tried = [o for o in outcomes if "skipped" not in o.problems]
    for o in tried:
        if o.problems or args.verbose:
            print(f"{o.case.command:<17} {o.case.kind!r:<55} exit {o.rc} {o.seconds:5.1f}s")
            for column, detail in o.problems.items():
                print(f"    {column}: {detail!r}")
    commands = sorted({o.case.command for o in tried})
    print()
    header = f"{'command':<17} {'cases':>5} " + " ".join(f"{col:>{max(len(col), 5)}}" for col in COLUMNS)
    print(header)
    print("-" * len(header))

    def row(name: str, group: list[Outcome]) -> str:
        counts = [sum(1 for o in group if col in o.problems) for col in COLUMNS]
        return f"{name:<17} {len(group):>5} " + " ".join(
            f"{n:>{max(len(col), 5)}}" for n, col in zip(counts, COLUMNS, strict=True)
        )

    for command in commands:
        print(row(command, [o for o in tried if o.case.command == command]))
    print("-" * len(header))
    print(row("total", tried))
    print(f"\n{len(tried)} cases in {elapsed:.0f} s; {len(skipped)} skipped (no private mount namespace)")
    return 0 if all(not o.problems for o in tried) else 1


if __name__ == "__main__":
    raise SystemExit(main())
