"""The `cluster` and `evaluate-clusters` commands: stories and threads from a stream (issues 5, 11)."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import sys
import time
from array import array
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from storyline.cli._common import atomic_output, check_model, info, refuse_overwriting_input, warn, write
from storyline.cluster import (
    ENGINES,
    AgglomerativeClusterer,
    Assignment,
    ClusterOptions,
    bcubed,
    cluster_articles,
)
from storyline.embed import EMBEDDERS
from storyline.errors import ConfigError, Errors, InputError
from storyline.ingest import ArticleRow, BadLine, iter_articles, missing_path, open_feed
from storyline.model import Article

# Distance thresholds the baseline is run at; it is reported at its best one (chosen on the
# gold labels, so the baseline gets an advantage ours does not have).
BASELINE_THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9, 0.925, 0.95)
# Above this many articles the baseline's n x n distance matrix (4 bytes each) is too big.
BASELINE_MAX_ARTICLES = 25_000
MAX_WARNINGS = 20


def add_stream_parsers(sub: Any) -> None:
    """Declare `cluster` and `evaluate-clusters` on the main parser's sub-parsers."""
    c = sub.add_parser(
        "cluster",
        help="group a stream of articles (JSONL) into stories and threads, online",
        description="Read one article per line ({id, text, title?, date?, url?, source?}) and write "
        'one {"id", "story", "thread"} line per article, in input order. A story is one event over '
        "days; a thread is a set of stories on one long-running topic. With --state DIR, later runs "
        "carry on from earlier ones: new articles join existing stories and threads or open new ones.",
    )
    c.add_argument("articles", type=Path, metavar="ARTICLES", help="JSONL(.gz) of articles, or - for stdin")
    c.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    c.add_argument("--state", type=Path, metavar="DIR", help="keep the clustering state here between runs")
    _add_cluster_options(c)

    e = sub.add_parser(
        "evaluate-clusters",
        help="score stories or threads against gold labels (B-cubed) beside a TF-IDF baseline",
        description="Cluster a JSONL(.gz) of articles whose gold group is in `story_id` (or --gold-field), "
        "and print B-cubed precision, recall and F1, groups found vs gold, and articles/s, for storyline "
        "(its stories or its threads: --level) and for TF-IDF + agglomerative clustering (cosine, "
        "average linkage) at its best threshold.",
    )
    e.add_argument("articles", type=Path, metavar="ARTICLES")
    e.add_argument(
        "--level", choices=("story", "thread"), default="story", help="what to score (default story)"
    )
    e.add_argument(
        "--gold-field", default="story_id", help="the field holding the gold label (default story_id)"
    )
    e.add_argument("--json", type=Path, metavar="FILE", help="write the scores as JSON")
    e.add_argument("--no-baseline", action="store_true", help="do not run the agglomerative baseline")
    _add_cluster_options(e)


def _add_cluster_options(p: argparse.ArgumentParser) -> None:
    d = ClusterOptions()
    p.add_argument(
        "--threshold",
        type=float,
        default=d.threshold,
        help=f"P(same story) to join one (default {d.threshold})",
    )
    p.add_argument(
        "--thread-threshold",
        type=float,
        default=d.thread_threshold,
        help=f"P(same thread) to join one (default {d.thread_threshold})",
    )
    p.add_argument(
        "--window-days",
        type=float,
        default=d.window_days,
        help=f"story time window (default {d.window_days:g})",
    )
    p.add_argument(
        "--story-span-days",
        type=float,
        default=d.story_span_days,
        help=f"most days from a story's first report to its last (default {d.story_span_days:g})",
    )
    p.add_argument(
        "--story-merge",
        type=float,
        default=d.story_merge,
        help="at the end of a run (and every re-threading checkpoint), join two stories of one thread "
        f"whose articles' leads reach this mean cosine; 0: never (default {d.story_merge:g})",
    )
    p.add_argument(
        "--story-merge-dated",
        type=float,
        default=d.story_merge_dated,
        help="the same for two stories with dated reports a day apart or less; only with "
        f"--story-merge above 0 (default {d.story_merge_dated:g})",
    )
    p.add_argument("--embedder", choices=sorted(EMBEDDERS), default=d.embedder, help="default static")
    p.add_argument("--model", default=None, help="Model2Vec or sentence-transformers model name or path")
    p.add_argument(
        "--index", choices=("auto", "flat", "hnsw"), default=d.index, help="faiss index (default auto)"
    )
    p.add_argument(
        "--retrieval",
        choices=("postings", "dense", "sketch", "both"),
        default=d.retrieval,
        help="candidate search: an inverted index of key terms (postings, the default; no model), "
        "embeddings in faiss (dense), hashed TF-IDF (sketch), or dense and sketch (both)",
    )
    p.add_argument(
        "--no-rethread",
        action="store_true",
        help="keep the online threads: skip regrouping stories into threads at the end of the run "
        "(threads are then final as each article is decided)",
    )
    p.add_argument("--engine", choices=ENGINES, default="local", help="featurize here or on Ray")
    p.add_argument("--address", default=None, help="Ray cluster address (default: start a local one)")
    p.add_argument(
        "--workers", type=int, default=None, help="Ray workers for a local cluster (default: CPUs)"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar or closing line")


def _options(args: argparse.Namespace) -> ClusterOptions:
    if args.workers is not None and args.workers < 1:
        raise ConfigError(Errors.SL202, name="--workers", value=args.workers, reason="must be at least 1")
    if args.address is not None and args.engine != "ray":
        raise ConfigError(Errors.SL202, name="--address", value=args.address, reason="needs --engine ray")
    check_model(args.model)
    if args.model is not None and args.retrieval in ("postings", "sketch"):
        raise ConfigError(
            Errors.SL202,
            name="--model",
            value=args.model,
            reason=f"--retrieval {args.retrieval} uses no model; add --retrieval dense or both",
        )
    return ClusterOptions(
        threshold=args.threshold,
        thread_threshold=args.thread_threshold,
        window_days=args.window_days,
        story_span_days=args.story_span_days,
        story_merge=args.story_merge,
        story_merge_dated=args.story_merge_dated,
        embedder=args.embedder,
        model=args.model,
        index=args.index,
        retrieval=args.retrieval,
        rethread=not args.no_rethread,
    )


class _Warnings:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, message: str) -> None:
        self.n += 1
        if self.n <= MAX_WARNINGS:
            warn(message)

    def close(self, what: str) -> None:
        if self.n > MAX_WARNINGS:
            warn(f"... and {self.n - MAX_WARNINGS} more {what}")


def _cluster(args: argparse.Namespace) -> int:
    options = _options(args)
    if str(args.articles) != "-":
        refuse_overwriting_input(args.output, [args.articles])
        if not args.articles.exists():  # before any output is touched
            raise missing_path(args.articles)
    slots: deque[ArticleRow | BadLine] = deque()
    warnings = _Warnings()
    counts = {"articles": 0, "no_text": 0, "bad": 0, "resumed": 0}
    today = dt.date.today()

    line_of = array("q")  # the input line of each article, to name a duplicate id by lines

    def articles() -> Iterator[Article]:
        for row in iter_articles(args.articles):
            slots.append(row)
            if isinstance(row, ArticleRow):
                line_of.append(row.line_no)
                if not row.article.text.strip():
                    warnings(
                        f"{args.articles}: line {row.line_no}: article {row.article.id!r} has no text; "
                        "its story and thread are null"
                    )
                elif row.article.date is not None and row.article.date > today:
                    warnings(
                        f"{args.articles}: line {row.line_no}: article {row.article.id!r} is dated in the "
                        f"future ({row.article.date.isoformat()}); it is clustered at that date"
                    )
                yield row.article
            else:
                warnings(row.message)

    started = time.perf_counter()
    stories: set[int] = set()
    threads: set[int] = set()
    # Written beside the target and renamed only when the run succeeds; a killed run
    # resumes from --state, so nothing computed is lost.
    with atomic_output(args.output) as out, _progress(args.quiet or out is sys.stdout) as advance:
        assignments = cluster_articles(
            articles(),
            options=options,
            state_dir=args.state,
            engine=args.engine,
            address=args.address,
            n_workers=args.workers,
        )
        for assignment in _naming_lines(_naming_state(assignments, args.state), args.articles, line_of):
            while isinstance(slots[0], BadLine):
                _write_bad(out, slots.popleft(), counts)  # type: ignore[arg-type]
            slots.popleft()
            out.write(_assignment_line(assignment) + "\n")
            counts["articles"] += 1
            counts["resumed"] += assignment.resumed
            if assignment.story is None:
                counts["no_text"] += 1
            else:
                stories.add(assignment.story)
                threads.add(assignment.thread)  # type: ignore[arg-type]
            advance()
        while slots:
            _write_bad(out, slots.popleft(), counts)  # type: ignore[arg-type]
    warnings.close("warnings")
    elapsed = time.perf_counter() - started
    n = counts["articles"]
    if not args.quiet:
        resumed = f", {counts['resumed']} from the state directory" if counts["resumed"] else ""
        info(
            f"{n} articles in {elapsed:.1f} s ({n / elapsed if elapsed else 0.0:.0f} articles/s); "
            f"{len(stories)} stories in {len(threads)} threads; "
            f"{counts['no_text']} without text, {counts['bad']} bad lines{resumed}"
        )
    if n == 0:
        reason = f"no valid article line ({counts['bad']} bad lines)" if counts["bad"] else "no articles"
        raise InputError(Errors.SL102, path=str(args.articles), reason=reason)
    return 0


# Write errors that name no file: inside the clustering they come from the state directory.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def _naming_state(assignments: Iterator[Assignment], state: Path | None) -> Iterator[Assignment]:
    """The assignments; a failed write to the --state directory (a full disk) is named by
    that directory, not left for `main` to call a failed write to stdout."""
    try:
        yield from assignments
    except OSError as exc:
        if state is None or exc.errno not in _WRITE_ERRNOS:
            raise
        where = exc.filename or state
        raise InputError(Errors.SL112, path=str(where), reason=exc.strerror or str(exc)) from None


def _naming_lines(assignments: Iterator[Assignment], feed: Path, line_of: array[int]) -> Iterator[Assignment]:
    """The assignments; a duplicate id is named by the feed's line numbers, not by the
    articles' positions (blank and bad lines make them differ)."""
    try:
        yield from assignments
    except InputError as exc:
        if exc.code != Errors.SL110.name:
            raise
        first, second = (int(str(exc.fields[k])) for k in ("first", "second"))
        if not 0 < first <= second <= len(line_of):
            raise
        reason = (
            f"duplicate article id {exc.fields['article_id']!r} (first on line {line_of[first - 1]}); "
            "ids must be unique"
        )
        raise InputError(Errors.SL106, where=str(feed), line_no=line_of[second - 1], reason=reason) from None


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[], None]]:
    """The bar of `progress` (cli/_common.py), moved every 64 articles: per article it costs ~5%."""
    if quiet:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("clustering"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=None)
        pending = 0

        def advance() -> None:
            nonlocal pending
            pending += 1
            if pending == 64:
                bar.advance(task, pending)
                pending = 0

        yield advance
        bar.advance(task, pending)


def _write_bad(out: IO[str], bad: BadLine, counts: dict[str, int]) -> None:
    record = {"id": None, "story": None, "thread": None, "line": bad.line_no, "error": bad.message}
    out.write(json.dumps(record) + "\n")
    counts["bad"] += 1


def _assignment_line(assignment: Assignment) -> str:
    record = {"id": assignment.article_id, "story": assignment.story, "thread": assignment.thread}
    return json.dumps(record, ensure_ascii=False)


def _evaluate_clusters(args: argparse.Namespace) -> int:
    options = _options(args)
    refuse_overwriting_input(args.json, [args.articles])
    started = time.perf_counter()
    rows: list[ArticleRow] = []
    warnings = _Warnings()
    if args.gold_field != "story_id" and str(args.articles) == "-":
        raise ConfigError(
            Errors.SL202, name="--gold-field", value=args.gold_field, reason="needs a file, not stdin"
        )
    golds = _gold_labels(args.articles, args.gold_field) if args.gold_field != "story_id" else None
    for row in iter_articles(args.articles):
        if isinstance(row, BadLine):
            raise InputError(Errors.SL102, path=str(args.articles), reason=row.message)
        if golds is not None:
            row = ArticleRow(row.article, row.line_no, golds.get(row.line_no))
        if row.gold is None:
            raise InputError(
                Errors.SL111, where=str(args.articles), line_no=row.line_no, field=args.gold_field
            )
        rows.append(row)
    read_s = time.perf_counter() - started
    if not rows:
        raise InputError(Errors.SL102, path=str(args.articles), reason="no articles")
    scored = [i for i, r in enumerate(rows) if r.article.text.strip()]
    for i in range(len(rows)):
        if not rows[i].article.text.strip():
            warnings(
                f"{args.articles}: line {rows[i].line_no}: article {rows[i].article.id!r} has no text; "
                "left out of the scores"
            )
    warnings.close("articles without text")
    gold = [rows[i].gold for i in scored]
    articles = [r.article for r in rows]

    results: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    with _progress(args.quiet) as advance:
        labels: list[int | None] = []
        for assignment in cluster_articles(
            articles, options=options, engine=args.engine, address=args.address, n_workers=args.workers
        ):
            labels.append(assignment.story if args.level == "story" else assignment.thread)
            advance()
    ours_s = time.perf_counter() - started + read_s
    results["storyline"] = _scores([labels[i] for i in scored], gold, len(rows) / ours_s)
    results["storyline"]["options"] = options.as_dict()
    results["storyline"]["level"] = args.level

    if not args.no_baseline:
        if len(rows) > BASELINE_MAX_ARTICLES:
            size_gb = len(rows) ** 2 * 4 / 1e9
            warn(f"baseline skipped: {len(rows)} articles need a {size_gb:.0f} GB distance matrix")
        else:
            results["baseline"] = _run_baseline(articles, scored, gold, read_s, quiet=args.quiet)
    _print_table(results, args)
    if args.json:
        payload = dict(results["storyline"])
        payload["baseline"] = results.get("baseline")
        payload["n_articles"] = len(rows)
        payload["n_without_text"] = len(rows) - len(scored)
        payload["data"] = str(args.articles)
        payload["gold_field"] = args.gold_field
        write(json.dumps(payload, indent=2) + "\n", args.json)
    return 0


def _gold_labels(path: Path, field: str) -> dict[int, str | None]:
    """The `field` of every JSON object line of `path`, by line number (a second, light read)."""
    labels: dict[int, str | None] = {}
    with open_feed(path) as fh:
        for line_no, line in enumerate(fh, start=1):
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the article reader reports it
            if isinstance(record, dict) and record.get(field) is not None:
                labels[line_no] = str(record[field])
    return labels


def _run_baseline(
    articles: list[Article], scored: list[int], gold: list[str | None], read_s: float, *, quiet: bool
) -> dict[str, Any]:
    """The baseline at each threshold; reported at the best, timed as one fit at that threshold."""
    baseline = AgglomerativeClusterer()
    if not quiet:
        info(f"baseline: TF-IDF + agglomerative clustering at distance thresholds {BASELINE_THRESHOLDS}")
    sweep = baseline.sweep(articles, BASELINE_THRESHOLDS)
    best = max(BASELINE_THRESHOLDS, key=lambda t: bcubed([sweep[t][i] for i in scored], gold).f1)
    started = time.perf_counter()
    labels = AgglomerativeClusterer(distance_threshold=best).cluster(articles)
    elapsed = time.perf_counter() - started + read_s
    result = _scores([labels[i] for i in scored], gold, len(articles) / elapsed)
    result["distance_threshold"] = best
    return result


def _scores(labels: list[int | None], gold: list[str | None], per_s: float) -> dict[str, Any]:
    b = bcubed(labels, gold)
    return {
        "bcubed_precision": round(b.precision, 4),
        "bcubed_recall": round(b.recall, 4),
        "bcubed_f1": round(b.f1, 4),
        "n_pred": b.n_pred,
        "n_gold": b.n_gold,
        "articles_per_s": round(per_s, 1),
    }


def _print_table(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    from rich.console import Console
    from rich.table import Table

    level = "Thread" if args.level == "thread" else "Story"
    table = Table(title=f"{level} clustering, B-cubed, gold {args.gold_field} ({args.articles})")
    for column in ("system", "precision", "recall", "F1", "groups (gold)", "articles/s"):
        table.add_column(column, justify="left" if column == "system" else "right")
    names = {"storyline": f"storyline (online, {args.level})", "baseline": "TF-IDF + agglomerative"}
    for key, r in results.items():
        name = names[key] + (f" @ {r['distance_threshold']}" if "distance_threshold" in r else "")
        table.add_row(
            name,
            f"{r['bcubed_precision']:.4f}",
            f"{r['bcubed_recall']:.4f}",
            f"{r['bcubed_f1']:.4f}",
            f"{r['n_pred']} ({r['n_gold']})",
            f"{r['articles_per_s']:.0f}",
        )
    Console(width=110).print(table)


STREAM_COMMANDS = {"cluster": _cluster, "evaluate-clusters": _evaluate_clusters}
