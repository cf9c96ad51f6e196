"""The `storyline` command: a thin face over the library's public API.

Exit codes: 0 done; 2 bad input or options (nothing could be done); 3 a model or
extra is missing; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM). Errors are one
line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import errno
import gc
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from storyline import __version__
from storyline.analyze import DEFAULT_NER_MODEL
from storyline.cli._common import (
    EXIT_BACKEND,
    EXIT_INPUT,
    add_cluster_args,
    add_embedder_args,
    add_output_args,
    atomic_output,
    check_model,
    error,
    info,
    one_line_library_logs,
    progress,
    refuse_overwriting_input,
    scorer_name,
    warn,
    write,
    write_bytes,
)
from storyline.cli._digest import add_digest_parser, digest
from storyline.cli._ingest import add_ingest_parser, ingest
from storyline.cli._serve import add_serve_parser, serve
from storyline.cli._stream import STREAM_COMMANDS, add_stream_parsers
from storyline.cli._timeline import _date, add_timeline_parser, timeline
from storyline.compare import SYSTEMS
from storyline.embed import EMBEDDERS
from storyline.errors import BackendError, ConfigError, Errors, InputError, StorylineError
from storyline.ingest import (
    BadLine,
    Cluster,
    is_cluster_file,
    iter_clusters,
    read_clusters,
    read_files,
    read_stdin,
    read_text,
)
from storyline.model import Article, Dropped, ReportOptions, Story, Summary, SummaryOptions
from storyline.pipeline import Failed, Reporter, Summarizer
from storyline.render import FORMATS, STORY_FORMATS, render, render_story
from storyline.summarize import SCORERS, SELECTORS
from storyline.text import SPLITTERS


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2 (argparse prints the usage
    and the error on several lines); sub-command parsers are of this class too."""

    def error(self, message: str) -> NoReturn:
        error(f"{message} (see: {self.prog} --help)")
        raise SystemExit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="storyline",
        description="Turn many news reports of one story into one cited summary.",
    )
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser(
        "summarize",
        help="summarize a cluster of reports (files, a directory, stdin) or a JSONL file of clusters",
        description="Summarize news reports into a cited summary. PATHs are .txt/.md/.html files or "
        "directories forming one cluster; a .jsonl[.gz] PATH (or --jsonl) holds one cluster per line.",
    )
    add_cluster_args(s, per_line="result")
    add_output_args(s, FORMATS, help="text (default), md or json")
    add_embedder_args(s, EMBEDDERS)
    s.add_argument("--splitter", choices=sorted(SPLITTERS), default="blingfire")
    s.add_argument(
        "--scorer",
        type=scorer_name,
        default="auto",
        help="auto (learned when trained for the embedder), "
        + ", ".join(sorted(SCORERS))
        + ", or a scorer file (.json) that scripts/train_scorer.py wrote",
    )
    s.add_argument("--selector", choices=sorted(SELECTORS), default="mmr")
    _add_update_args(s)
    s.add_argument(
        "--seen",
        type=Path,
        action="append",
        metavar="PATH",
        help="update summary: a report (file or directory) the reader already read; repeatable. "
        "No sentence stating one of its facts is picked (one cluster only)",
    )

    r = sub.add_parser(
        "report",
        help="the story report: summary, timeline, who said what, where sources agree and differ",
        description="Build the story report of one cluster (same inputs as summarize): a cited "
        "summary, a timeline with resolved dates, people and their quotes, figures that disagree "
        "across sources or over time, and facts several sources share. A .jsonl[.gz] PATH gives one "
        "JSON report per cluster line.",
    )
    add_cluster_args(r, per_line="report")
    add_output_args(r, STORY_FORMATS, help="html, md or json (default: from the -o suffix, else md)")
    add_embedder_args(r, EMBEDDERS)
    _add_update_args(r)
    r.add_argument(
        "--ner-model", default=DEFAULT_NER_MODEL, help=f"spaCy model for names (default {DEFAULT_NER_MODEL})"
    )

    e = sub.add_parser(
        "evaluate",
        help="score storyline and baselines with ROUGE against human summaries",
        description="Run systems side by side on a JSONL(.gz) file whose clusters carry `summary` "
        "(or `summaries`) and print ROUGE-1/2/Lsum (x100) and clusters/s for each.",
    )
    e.add_argument("data", type=Path, metavar="DATA")
    e.add_argument(
        "--systems", default="storyline,lead,lexrank,oracle", help="comma-separated: " + ",".join(SYSTEMS)
    )
    e.add_argument("--words", type=int, default=230, help="word budget every output is cut to (default 230)")
    e.add_argument("--metric", choices=("f1", "recall"), default="f1")
    e.add_argument("--limit", type=int, default=None, help="evaluate the first N clusters only")
    e.add_argument("--json", type=Path, metavar="FILE", help="write the scores as JSON")
    e.add_argument(
        "--per-cluster", type=Path, metavar="FILE.csv", help="write one row per cluster and system"
    )
    e.add_argument("--plot", type=Path, metavar="FILE.png", help="plot ROUGE against word budget (40-300)")
    add_embedder_args(e, EMBEDDERS)
    e.add_argument(
        "--scorer",
        type=scorer_name,
        default="auto",
        help="as summarize --scorer: a name or a scorer file (.json)",
    )
    e.add_argument("--quiet", action="store_true", help="no progress bar")
    add_stream_parsers(sub)
    add_digest_parser(sub)
    add_timeline_parser(sub)
    add_serve_parser(sub)
    add_ingest_parser(sub)
    return parser


def _batch_gc() -> None:
    """Fewer garbage collections for a batch command: what is loaded by now (modules, models)
    is never scanned again, and the youngest generation is collected every 20,000 new
    containers instead of 700. A command allocates many short-lived tuples and lists per
    article and frees them itself; the default thresholds cost `storyline cluster` 0.6 s of
    its ~7 s on the val stream in collections, these 0.1 s (docs/benchmarks.md, issue 11)."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        error(f"give a command: {', '.join(COMMANDS)} (see: storyline --help)")
        return EXIT_INPUT
    if args.command != "serve":  # uvicorn sets up its own logging
        one_line_library_logs()
        if argv is None:  # the program itself (not main() called from Python): its process is ours
            _batch_gc()
    # Only the main thread may set a handler (main() called from another thread keeps the default).
    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main else None
    try:
        code = COMMANDS[args.command](args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write error to stdout (a full disk) surfaces here, as one line
        return code
    except ConfigError as exc:
        error(str(_as_flag(exc, parser, args.command)))
        return EXIT_INPUT
    except InputError as exc:
        error(str(exc))
        return EXIT_INPUT
    except BackendError as exc:
        error(str(exc))
        return EXIT_BACKEND
    except StorylineError as exc:
        error(str(exc))
        return 1
    except Terminated:
        error("terminated (SIGTERM); a cluster --state run resumes where it stopped")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except SystemError as exc:
        # A signal that lands while a compiled kernel is being loaded or called comes out of it
        # wrapped ("... returned a result with an exception set"): still the signal.
        stop = _interruption_in(exc)
        if isinstance(stop, Terminated):
            error("terminated (SIGTERM); a cluster --state run resumes where it stopped")
            return EXIT_TERMINATED
        if stop is not None:
            error("interrupted")
            return 130
        raise
    except BrokenPipeError:
        # The reader went away (`| head`): not an error of ours.
        sys.stderr.close()
        return 0
    except OSError as exc:  # a full disk, a closed stdout, a read-only file system: one line
        if exc.filename:
            error(f"cannot read or write {exc.filename}: {exc.strerror or exc}")
        elif exc.errno in _WRITE_ERRNOS:  # no file named: a write to stdout failed
            error(f"cannot write stdout: {exc.strerror or exc}")
            _discard_stdout()
        else:
            error(f"cannot read or write: {exc.strerror or exc}")
        return EXIT_INPUT
    finally:
        if on_main:
            signal.signal(signal.SIGTERM, previous)


def _interruption_in(exc: BaseException) -> KeyboardInterrupt | None:
    """The SIGTERM (`Terminated`) or Ctrl-C among the causes of `exc`, if any."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that `finally` blocks run as for Ctrl-C: the
    output's temporary file is removed, the --state lock released, the helper stopped."""


EXIT_TERMINATED = 128 + signal.SIGTERM
_MAIN_PID = os.getpid()


def _terminate(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PID:  # a forked helper inherited the handler: die as asked
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    signal.signal(signum, signal.SIG_IGN)  # once is enough; cleaning up must not be cut short
    raise Terminated


_WRITE_ERRNOS = {errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EPIPE}


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what could not be
    written does not add an "Exception ignored" report to the one-line error."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _as_flag(exc: ConfigError, parser: argparse.ArgumentParser, command: str) -> ConfigError:
    """An invalid option named as the user typed it (--dates=0), not as the setting (dates=0)."""
    name = str(exc.fields.get("name", ""))
    flag = "--" + name.replace("_", "-")
    if not name or name.startswith("-") or exc.code != Errors.SL202.name:
        return exc
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    sub = subparsers[0].choices.get(command) if subparsers else None
    flags = {o for a in sub._actions for o in a.option_strings} if sub is not None else set()
    return ConfigError(Errors.SL202, **(exc.fields | {"name": flag})) if flag in flags else exc


@dataclass
class _Input:
    """What a command was given: a batch of clusters (JSONL) or the articles of one cluster."""

    batch: Iterator[Cluster | BadLine] | None = None
    where: str = ""
    articles: list[Article] = dataclasses.field(default_factory=list)
    skipped: list[Dropped] = dataclasses.field(default_factory=list)


def _resolve_input(args: argparse.Namespace) -> _Input:
    """Files, directories, a JSONL file (by --jsonl or its name) or stdin, checked once for
    every command that reads clusters; refuses an output that would overwrite an input."""
    jsonl = args.jsonl
    paths: list[Path] = list(args.paths)
    if jsonl is None and len(paths) == 1 and paths[0].is_file() and is_cluster_file(paths[0]):
        jsonl, paths = paths[0], []
    if jsonl is not None and paths:
        raise ConfigError(
            Errors.SL202, name="PATH", value=str(paths[0]), reason="give files or --jsonl, not both"
        )
    refuse_overwriting_input(args.output, [*paths, *([jsonl] if jsonl else [])])
    if jsonl is not None:
        return _Input(batch=read_clusters(jsonl), where=str(jsonl))
    if paths:
        articles, skipped = read_files(paths)
    else:
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError(Errors.SL101)
        text = read_stdin()
        if text.lstrip().startswith("{"):
            return _Input(batch=iter_clusters(iter(text.splitlines())), where="<stdin>")
        articles, skipped = read_text(text, id_prefix="stdin:"), []
    if not any(a.text.strip() for a in articles):
        raise _unsupported_script(articles) or _no_usable_text(articles, skipped) or InputError(Errors.SL107)
    for item in skipped:
        warn(f"skipped {item.source}: {item.detail}")
    return _Input(articles=articles, skipped=skipped)


def _check_batch_format(fmt: str | None) -> None:
    if fmt not in (None, "json"):
        raise ConfigError(Errors.SL202, name="--format", value=fmt, reason="a JSONL batch gives JSON lines")


def _add_update_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=_date,
        default=None,
        metavar="DATE",
        help="update summary: the reader saw every report dated before DATE (YYYY-MM-DD); "
        "leave those out, and every sentence stating one of their facts",
    )


def _summary_options(args: argparse.Namespace) -> SummaryOptions:
    """The summary options the flags ask for (`main` names a bad value by its flag)."""
    check_model(args.model)
    return SummaryOptions(
        words=args.words,
        embedder=args.embedder,
        model=args.model,
        splitter=getattr(args, "splitter", "blingfire"),
        scorer=getattr(args, "scorer", "auto"),
        selector=getattr(args, "selector", "mmr"),
        drop_off_topic=not args.keep_off_topic,
        since=getattr(args, "since", None),
    )


def _summarize(args: argparse.Namespace) -> int:
    options = _summary_options(args)
    seen: list[Article] | None = None
    if args.seen:
        refuse_overwriting_input(args.output, args.seen)
        seen = read_files(args.seen)[0]

    def one(given: _Input) -> str:
        summary = Summarizer(options)(given.articles, seen=seen)
        summary = dataclasses.replace(summary, dropped=(*given.skipped, *summary.dropped))
        return render(summary, args.format or "text")

    def many() -> _Many:
        if seen is not None:
            raise ConfigError(
                Errors.SL202,
                name="--seen",
                value=str(args.seen[0]),
                reason="works on one cluster, not a JSONL batch (--since splits each cluster by date)",
            )
        return Summarizer(options).summarize_many

    return _run_command(args, one, many, label="summarizing")


def _report(args: argparse.Namespace) -> int:
    options = ReportOptions(summary=_summary_options(args), ner_model=args.ner_model)

    def one(given: _Input) -> str:
        story = Reporter(options)(given.articles)
        summary = dataclasses.replace(story.summary, dropped=(*given.skipped, *story.summary.dropped))
        story = dataclasses.replace(story, summary=summary)
        return render_story(story, args.format or _format_from_suffix(args.output))

    return _run_command(args, one, lambda: Reporter(options).report_many, label="reporting")


def _run_command(
    args: argparse.Namespace,
    one: Callable[[_Input], str],
    many: Callable[[], _Many],
    *,
    label: str,
) -> int:
    """Resolve the input once; one cluster is rendered whole, a JSONL batch line by line."""
    given = _resolve_input(args)
    if given.batch is None:
        try:
            text = one(given)
        except InputError as exc:
            if exc.code == Errors.SL107.name:
                raise (
                    _unsupported_script(given.articles)
                    or _no_usable_text(given.articles, given.skipped)
                    or exc
                ) from None
            raise
        write(text, args.output)
        return 0
    _check_batch_format(args.format)
    return _run_batch(given.batch, many(), args, where=given.where, label=label)


# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer,
# Myanmar, Tibetan): the cleaner and the sentence tools find no words in them.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def _unsupported_script(articles: list[Article]) -> InputError | None:
    """When no text was usable because it is in a script written without spaces, say so and
    name the document (it was decoded: Shift-JIS, GB18030 and Big5 files are read)."""
    for article in articles:
        letters = [ch for ch in article.text if ch.isalpha()]
        if letters and sum(1 for ch in letters if _UNSPACED.match(ch)) / len(letters) > 0.5:
            return InputError(
                Errors.SL109,
                doc_id=article.id,
                reason="its text (decoded) is in a script written without spaces between words "
                "(Chinese, Japanese, Thai...), which storyline cannot split into words yet",
            )
    return None


def _no_usable_text(articles: list[Article], skipped: list[Dropped]) -> InputError | None:
    """One document without usable text is named (a deep or empty HTML page, say)."""
    names = [a.id for a in articles] + [d.source for d in skipped]
    if len(names) != 1:
        return None
    return InputError(
        Errors.SL109,
        doc_id=names[0],
        reason="no usable text: it is empty, whitespace or was dropped as page junk",
    )


def _format_from_suffix(path: Path | None) -> str:
    suffix = path.suffix.lower() if path else ""
    return {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")


def _evaluate(args: argparse.Namespace) -> int:
    from storyline.compare import evaluate_clusters  # imports rouge-score and sumy only when used

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    if args.words < 1:
        raise ConfigError(Errors.SL202, name="--words", value=args.words, reason="must be at least 1")
    if args.limit is not None and args.limit < 1:
        raise ConfigError(Errors.SL202, name="--limit", value=args.limit, reason="must be at least 1")
    budgets = [args.words] + ([w for w in PLOT_BUDGETS if w != args.words] if args.plot else [])
    check_model(args.model)
    options = SummaryOptions(words=args.words, embedder=args.embedder, model=args.model, scorer=args.scorer)
    for output in (args.json, args.per_cluster, args.plot):
        refuse_overwriting_input(output, [args.data])
    if args.plot is not None and args.plot.suffix.lower() not in PLOT_SUFFIXES:
        reason = f"the file name must end in one of {', '.join(PLOT_SUFFIXES)}"
        raise ConfigError(Errors.SL202, name="--plot", value=str(args.plot), reason=reason)
    records = read_clusters(args.data)
    with progress(args.quiet, label="evaluating") as advance:
        result = evaluate_clusters(
            records,
            systems=systems,
            words=budgets,
            metric=args.metric,
            options=options,
            limit=args.limit,
            on_cluster=advance,
        )
    for message in result.skipped[:20]:
        warn(message)
    if len(result.skipped) > 20:
        warn(f"... and {len(result.skipped) - 20} more skipped")
    main_scores = result.at(args.words)
    if not any(s.n for s in main_scores.values()):
        raise InputError(Errors.SL102, path=str(args.data), reason="no cluster with a reference summary")
    _print_table(main_scores, args, result.n_references)
    if args.json:
        payload = {
            "systems": {name: s.as_dict() for name, s in main_scores.items()},
            "words": args.words,
            "metric": args.metric,
            "references": "mean over references" if result.n_references > 1 else "single reference",
            "data": str(args.data),
        }
        if args.plot:
            payload["by_budget"] = {
                f"{name}@{w}": s.as_dict() for (name, w), s in sorted(result.scores.items())
            }
        write(json.dumps(payload, indent=2) + "\n", args.json)
    if args.per_cluster:
        _write_csv(result.rows, args.per_cluster)
    if args.plot:
        _plot(result, systems, budgets, args.plot)
    return 0


PLOT_BUDGETS = (40, 100, 150, 230, 300)
PLOT_SUFFIXES = (".png", ".svg", ".pdf")

# Each sub-command's handler, by name; `build_parser` declares their arguments.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "summarize": _summarize,
    "report": _report,
    "evaluate": _evaluate,
    **STREAM_COMMANDS,
    "digest": digest,
    "timeline": timeline,
    "serve": serve,
    "ingest": ingest,
}


def _print_table(scores: dict[str, Any], args: argparse.Namespace, n_refs: int) -> None:
    from rich.console import Console
    from rich.table import Table

    refs = "mean over references" if n_refs > 1 else "one reference"
    table = Table(title=f"ROUGE {args.metric} x100 at {args.words} words ({refs}, stemmed)")
    for column in ("system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "clusters/s", "n"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, s in scores.items():
        table.add_row(
            name,
            f"{s.mean('rouge1'):.2f}",
            f"{s.mean('rouge2'):.2f}",
            f"{s.mean('rougeLsum'):.2f}",
            f"{s.clusters_per_s:.1f}",
            str(s.n),
        )
    Console(width=100).print(table)


def _write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    import csv
    import io

    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    write(buffer.getvalue(), path)


def _plot(result: Any, systems: list[str], budgets: list[int], path: Path) -> None:
    import io

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise BackendError(Errors.SL401, what="matplotlib", extra="'storyline[eval]'") from None
    ordered = sorted(budgets)
    fig, axes = plt.subplots(1, 3, figsize=(13, 4), sharex=True)
    for ax, metric, title in zip(
        axes, ("rouge1", "rouge2", "rougeLsum"), ("ROUGE-1", "ROUGE-2", "ROUGE-Lsum"), strict=True
    ):
        for name in systems:
            ax.plot(ordered, [result.scores[(name, w)].mean(metric) for w in ordered], marker="o", label=name)
        ax.set_title(f"{title} ({result.metric})")
        ax.set_xlabel("word budget")
        ax.grid(alpha=0.3)
    axes[0].legend()
    fig.tight_layout()
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, dpi=110, format=path.suffix.lower().lstrip("."))
    finally:
        plt.close(fig)
    write_bytes(buffer.getvalue(), path)


_Many = Callable[[Iterable[tuple[str | None, Sequence[Article]]]], Iterator[Summary | Story | Failed]]


def _run_batch(
    records: Iterator[Cluster | BadLine],
    many: _Many,
    args: argparse.Namespace,
    *,
    where: str,
    label: str,
) -> int:
    """One JSON result per input line, in input order; bad lines and failed clusters get an error row.

    `many` is a summarizer's or reporter's batch method: it sees the clusters in
    order and gives one result each, so the bad lines are written in their places.
    """
    slots: list[Cluster | BadLine] = []

    def clusters() -> Iterator[tuple[str | None, list[Article]]]:
        for record in records:
            slots.append(record)
            if isinstance(record, Cluster):
                yield record.id, record.articles
            else:
                warn(record.message)

    def write_bad(bad: Cluster | BadLine) -> None:
        assert isinstance(bad, BadLine)
        out.write(json.dumps({"id": None, "line": bad.line_no, "error": bad.message}) + "\n")
        counts["bad"] += 1

    counts = {"ok": 0, "failed": 0, "bad": 0}
    started = time.perf_counter()
    with atomic_output(args.output) as out, progress(args.quiet or out is sys.stdout, label=label) as advance:
        written = 0
        for result in many(clusters()):
            # Bad lines came through `slots` before this result's cluster.
            while not isinstance(slots[written], Cluster):
                write_bad(slots[written])
                written += 1
            out.write(_result_line(result) + "\n")
            counts["failed" if isinstance(result, Failed) else "ok"] += 1
            written += 1
            advance()
        for bad in slots[written:]:
            write_bad(bad)
    elapsed = time.perf_counter() - started
    n = counts["ok"] + counts["failed"]
    return _close_batch(
        counts,
        quiet=args.quiet,
        where=where,
        rate=f"{n / elapsed if elapsed else 0.0:.2f} clusters/s",
        elapsed=elapsed,
    )


def _close_batch(counts: dict[str, int], *, quiet: bool, where: str, rate: str, elapsed: float) -> int:
    """The closing line of a batch run; an error when no cluster gave a result."""
    n = counts["ok"] + counts["failed"]
    if not quiet and counts["ok"]:  # else the error below says it, in one line
        info(
            f"{n} clusters in {elapsed:.1f} s ({rate}); "
            f"{counts['failed']} without usable text, {counts['bad']} bad lines"
        )
    if counts["ok"] == 0:
        raise (
            InputError(Errors.SL107)
            if n or counts["bad"] == 0
            else InputError(
                Errors.SL102, path=where, reason=f"no valid cluster line ({counts['bad']} bad lines)"
            )
        )
    return 0


def _result_line(result: Summary | Story | Failed) -> str:
    if isinstance(result, Failed):
        return json.dumps({"id": result.id, "error": result.message}, ensure_ascii=False)
    return json.dumps(result.to_dict(), ensure_ascii=False)
