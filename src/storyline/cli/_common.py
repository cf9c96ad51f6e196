"""What every command shares: output files, progress, one-line messages."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from storyline.errors import ConfigError, Errors, InputError

EXIT_INPUT = 2
EXIT_BACKEND = 3


@contextmanager
def progress(quiet: bool, *, label: str = "summarizing") -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr, or nothing when quiet; yields `advance()`."""
    if quiet:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # Transient: the bar is gone when the command ends, so an error stays one line.
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("clusters", total=None)
        yield lambda: bar.advance(task)


def refuse_overwriting_input(output: Path | None, inputs: list[Path]) -> None:
    """Refuse an output that is an input (by identity: links too), lies inside an input
    directory, or is not a regular file (a device, FIFO or socket). Checked before
    anything is read or opened for writing."""
    if output is None or str(output) == "-":
        return
    target = _resolve(output, name="--output")
    if target.exists() and not target.is_file():
        reason = "is a directory" if target.is_dir() else "is not a regular file (give a file path, or no -o)"
        raise ConfigError(Errors.SL202, name="--output", value=str(output), reason=reason)
    for path in inputs:
        if str(path) == "-":
            continue
        source = _resolve(path, name="PATH")
        same = target == source or (target.exists() and source.exists() and os.path.samefile(target, source))
        if same or (source.is_dir() and source in target.parents):
            reason = "would overwrite an input file" if same else "is inside an input directory"
            raise ConfigError(Errors.SL202, name="--output", value=str(output), reason=reason)


def _resolve(path: Path, *, name: str) -> Path:
    """The absolute path with links followed; a link loop is one clear error (Python 3.11
    raises RuntimeError for it)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        raise ConfigError(
            Errors.SL202, name=name, value=str(path), reason="is a symbolic link loop"
        ) from None


def open_output(path: Path | None) -> IO[str]:
    if path is None:
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise InputError(Errors.SL112, path=str(path), reason=exc.strerror or str(exc)) from None


@contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Write to a temporary file beside `path` and put it in place only when the block
    succeeds: an error or an interrupt leaves an earlier file of that name as it was.
    A symlink is written through (the link stays); None is stdout."""
    if path is None:
        if sys.stdout is None:  # started with stdout closed (`>&-`)
            raise InputError(Errors.SL112, path="stdout", reason="stdout is closed; give -o FILE")
        yield sys.stdout
        return
    with _atomic(path, "w") as fh:
        yield fh


@contextmanager
def _atomic(path: Path, mode: str) -> Iterator[IO[Any]]:
    """A temporary file beside `path`, put in its place only when the block succeeds."""
    target = _resolve(path, name="--output") if path.is_symlink() else path
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        with tmp.open(mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:  # named by the path the user gave, never the temporary file
        raise InputError(Errors.SL112, path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        with suppress(OSError):  # on a read-only file system even this may fail
            tmp.unlink(missing_ok=True)


def write(text: str, path: Path | None) -> None:
    """Write a whole output at once (atomically when it goes to a file)."""
    with atomic_output(path) as fh:
        fh.write(text)


def write_bytes(data: bytes, path: Path) -> None:
    """Write a whole binary output (a plot) to a file, atomically like `write`."""
    with _atomic(path, "wb") as fh:
        fh.write(data)


# C0/C1 controls (ESC starts terminal sequences), bidi overrides and isolates, line and
# paragraph separators: shown as escapes, so a file name cannot repaint the terminal,
# reverse the text around it or add a line to a one-line message.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with control and bidi characters made visible as escapes (ESC -> \\x1b)."""
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _say(line: str) -> None:
    if sys.stderr is not None:
        print(visible(line), file=sys.stderr)


def error(message: str) -> None:
    _say(f"storyline: error: {message}")


def warn(message: str) -> None:
    _say(f"storyline: warning: {message}")


def info(message: str) -> None:
    _say(f"storyline: {message}")


# Their retries and fallbacks are chatter ("Retrying in 8s", "Could not resolve the
# revision"): the one error line that follows says what failed.
_CHATTY = ("huggingface_hub", "sentence_transformers", "transformers", "urllib3", "filelock")


def one_line_library_logs() -> None:
    """Leave out the warnings of the model libraries, so that a failure stays one error line.

    A library's own handler (huggingface_hub, transformers) or Python's last-resort one
    would print each retry and fallback as a line of its own."""
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.ERROR)
    # These two set their own level (and add their own handler) when first imported.
    os.environ.setdefault("HF_HUB_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def add_output_args(parser: argparse.ArgumentParser, formats: Sequence[str], *, help: str) -> None:
    """--format and -o, the same on every command."""
    parser.add_argument("--format", choices=formats, default=None, help=help)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")


def add_embedder_args(parser: argparse.ArgumentParser, choices: Iterable[str]) -> None:
    """--embedder and --model, the same on every command that embeds sentences."""
    parser.add_argument(
        "--embedder",
        choices=sorted(choices),
        default="static",
        help="static (default, fast), transformer or hash",
    )
    parser.add_argument(
        "--model", default=None, help="embedding model name or path (default: the bundled one)"
    )


# A Hugging Face model id: a name, or owner/name (letters, digits, "-", "_", "."; at
# most 96 characters; no "--" or ".."), as huggingface_hub's validate_repo_id checks.
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


def check_model(value: str | None, *, flag: str = "--model") -> None:
    """Refuse a --model that is neither a model folder nor a model name the hub could hold,
    before any work starts (a name is only looked up when the model is loaded)."""
    if value is None:
        return
    path = Path(value).expanduser()
    if path.is_dir():
        return
    if path.exists():
        raise ConfigError(
            Errors.SL202, name=flag, value=value, reason="is a file; give a model folder or name"
        )
    looks_like_path = value.startswith(("/", ".", "~")) or value.endswith("/") or value.count("/") > 1
    if looks_like_path:
        raise ConfigError(Errors.SL202, name=flag, value=value, reason="no such model folder")
    if not _HUB_ID.match(value) or len(value) > 96 or "--" in value or ".." in value:
        raise ConfigError(
            Errors.SL202,
            name=flag,
            value=value,
            reason="not a model folder, nor a model name (letters, digits, -, _ and ., "
            "optionally owner/name)",
        )


def scorer_name(value: str) -> str:
    """--scorer: a registered scorer, "auto", or a scorer file (a path ending in .json),
    read and checked here, so that a bad one stops the command before any input is read."""
    from storyline.summarize import SCORERS
    from storyline.summarize._learned import load_model

    if value in SCORERS or value == "auto":
        return value
    if not value.lower().endswith(".json"):
        choices = ", ".join(sorted([*SCORERS, "auto"]))
        raise argparse.ArgumentTypeError(f"{value!r}: choose from {choices}, or give a scorer file (.json)")
    path = Path(value).expanduser()
    try:
        load_model(path)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc.fields.get('reason', exc)}") from None
    return str(path)


def add_cluster_args(parser: argparse.ArgumentParser, *, per_line: str) -> None:
    """The inputs of a command that reads one cluster or a JSONL file of clusters."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--jsonl", type=Path, metavar="FILE", help=f"JSONL(.gz) of clusters: one {per_line} per line"
    )
    parser.add_argument("--words", type=int, default=230, help="word budget of the summary (default 230)")
    parser.add_argument("--keep-off-topic", action="store_true", help="do not leave out off-topic documents")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or closing line")
