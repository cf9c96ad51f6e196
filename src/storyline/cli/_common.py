"""What every command shares: output files, progress, one-line messages."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

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
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("clusters", total=None)
        yield lambda: bar.advance(task)


def refuse_overwriting_input(output: Path | None, inputs: list[Path]) -> None:
    """Refuse an output that is an input (by identity: links too), lies inside an input
    directory, or is not a regular file (a device, FIFO or socket). Checked before
    anything is read or opened for writing."""
    if output is None or str(output) == "-":
        return
    target = output.resolve()
    if target.exists() and not target.is_file():
        reason = "is a directory" if target.is_dir() else "is not a regular file (give a file path, or no -o)"
        raise ConfigError(Errors.SL202, name="--output", value=str(output), reason=reason)
    for path in inputs:
        if str(path) == "-":
            continue
        source = path.resolve()
        same = target == source or (target.exists() and source.exists() and os.path.samefile(target, source))
        if same or (source.is_dir() and source in target.parents):
            reason = "would overwrite an input file" if same else "is inside an input directory"
            raise ConfigError(Errors.SL202, name="--output", value=str(output), reason=reason)


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
        yield sys.stdout
        return
    target = path.resolve() if path.is_symlink() else path
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(Errors.SL112, path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        tmp.unlink(missing_ok=True)


def write(text: str, path: Path | None) -> None:
    """Write a whole output at once (atomically when it goes to a file)."""
    with atomic_output(path) as fh:
        fh.write(text)


def error(message: str) -> None:
    print(f"storyline: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"storyline: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    print(f"storyline: {message}", file=sys.stderr)


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


def add_cluster_args(parser: argparse.ArgumentParser, *, per_line: str) -> None:
    """The inputs of a command that reads one cluster or a JSONL file of clusters."""
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--jsonl", type=Path, metavar="FILE", help=f"JSONL(.gz) of clusters: one {per_line} per line"
    )
    parser.add_argument("--words", type=int, default=230, help="word budget of the summary (default 230)")
    parser.add_argument("--keep-off-topic", action="store_true", help="do not leave out off-topic documents")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or closing line")
