"""The `timeline` command: the key dates of many reports and what happened on each."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import Any

from storyline.cli._common import add_output_args, info, refuse_overwriting_input, warn, write
from storyline.cluster import read_assignments
from storyline.embed import EMBEDDERS
from storyline.errors import ConfigError, Errors, InputError
from storyline.ingest import ArticleRow, is_cluster_file, iter_articles, read_files
from storyline.model import Article
from storyline.timelines import TIMELINE_FORMATS, render_timeline
from storyline.timelines import timeline as build_timeline

MAX_WARNINGS = 5


def add_timeline_parser(sub: Any) -> None:
    t = sub.add_parser(
        "timeline",
        help="the key dates of many reports, each with what happened that day, cited",
        description="Read a feed (JSONL(.gz), one article per line: {id, text, date, title?, url?, "
        "source?}; - for stdin) or files and directories of reports, choose the days that most "
        "independent reports point at (published on them or naming them: 'on Saturday' in a report "
        "of Tuesday 7 February 2012 is 4 February) and tell what happened on each, citing every "
        "report that carries it.",
    )
    t.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="a feed, or files and directories")
    t.add_argument(
        "--dates", type=int, default=None, metavar="N", help="number of dates (default: from the material)"
    )
    t.add_argument("--sentences", type=int, default=1, metavar="K", help="sentences per date (default 1)")
    t.add_argument(
        "--start", type=_date, default=None, metavar="DATE", help="first date to keep (YYYY-MM-DD)"
    )
    t.add_argument("--end", type=_date, default=None, metavar="DATE", help="last date to keep (YYYY-MM-DD)")
    add_output_args(t, TIMELINE_FORMATS, help="json, md or html (default: from -o, else md)")
    t.add_argument(
        "--embedder", choices=sorted(EMBEDDERS), default="static", help="sentence embeddings (default static)"
    )
    t.add_argument(
        "--state", type=Path, default=None, metavar="DIR", help="a `storyline cluster --state` directory"
    )
    t.add_argument(
        "--thread", type=int, default=None, metavar="N", help="with --state: only the articles of thread N"
    )
    t.add_argument("--quiet", action="store_true", help="no closing line")  # fmt: skip


def timeline(args: argparse.Namespace) -> int:
    refuse_overwriting_input(args.output, list(args.inputs))
    fmt = args.format or _format_from_suffix(args.output)
    if (args.state is None) != (args.thread is None):
        raise ConfigError(
            Errors.SL202, name="--thread", value=args.thread, reason="give --state and --thread together"
        )
    started = time.perf_counter()
    articles = _read(args.inputs)
    if args.state is not None:
        articles = _thread_of(articles, args.state, args.thread)
    result = build_timeline(
        articles,
        dates=args.dates,
        sentences=args.sentences,
        start=args.start,
        end=args.end,
        embedder=args.embedder,
    )
    for note in result.notes:
        warn(note)
    write(render_timeline(result, fmt), args.output)
    if not args.quiet:
        elapsed = time.perf_counter() - started
        info(f"{len(result.dates)} dates from {len(articles)} articles in {elapsed:.1f} s")
    return 0


def _thread_of(articles: list[Article], state: Path, thread: int) -> list[Article]:
    """The articles that a clustering run (its state directory) put in `thread`."""
    decided = read_assignments(state)
    kept = [a for a in articles if (decided.get(a.id) or (None, None))[1] == thread]
    if not kept:
        threads = {d[1] for d in decided.values() if d is not None}
        reason = f"no article of the input is in thread {thread} ({len(threads)} threads in the state)"
        raise InputError(Errors.SL102, path=str(state), reason=reason)
    return kept


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (give YYYY-MM-DD)") from None


def _format_from_suffix(path: Path | None) -> str:
    suffix = path.suffix.lower() if path is not None else ""
    return {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")


def _read(inputs: list[Path]) -> list[Article]:
    """A feed (one JSONL(.gz) file or stdin) or report files; bad feed lines are warned about."""
    if len(inputs) == 1 and (str(inputs[0]) == "-" or is_cluster_file(inputs[0])):
        articles, n_bad = [], 0
        for row in iter_articles(inputs[0]):
            if isinstance(row, ArticleRow):
                articles.append(row.article)
                continue
            n_bad += 1
            if n_bad <= MAX_WARNINGS:
                warn(row.message)
        if n_bad > MAX_WARNINGS:
            warn(f"... and {n_bad - MAX_WARNINGS} more bad lines")
        if not articles:
            raise InputError(Errors.SL102, path=str(inputs[0]), reason="no valid article line")
        return articles
    if any(str(p) == "-" for p in inputs):
        raise ConfigError(Errors.SL202, name="INPUT", value="-", reason="stdin must be the only input")
    articles, dropped = read_files(inputs)
    for item in dropped[:MAX_WARNINGS]:
        warn(f"{item.source}: skipped ({item.reason})")
    return articles
