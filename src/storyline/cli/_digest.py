"""The `digest` command: stories and threads of a feed; a report per story, a page per thread, an index."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from storyline.analyze import DEFAULT_NER_MODEL, load_nlp
from storyline.cli._common import info, progress, write
from storyline.cli._stream import _add_cluster_options, _options, _Warnings
from storyline.digest import StoryGroup, build_digest, group_feed
from storyline.errors import ConfigError, Errors, InputError
from storyline.ingest import ArticleRow, iter_articles
from storyline.model import Article, ReportOptions, SummaryOptions
from storyline.render import STORY_FORMATS, IndexEntry, ThreadEntry, render_index, render_story, render_thread

SUFFIX = {"html": ".html", "md": ".md", "json": ".json"}


def add_digest_parser(sub: Any) -> None:
    d = sub.add_parser(
        "digest",
        help="cluster a feed into stories and threads; write a report per story, a page per thread, an index",
        description="Read one article per line ({id, text, title?, date?, url?, source?}), group the "
        "articles into stories and threads (as `storyline cluster`), write one story report per story "
        "and one page per thread (its stories in date order) into OUTDIR, and an index listing the "
        "threads, largest first, with their stories: title, dates, sources, a one-line summary, and "
        "a badge where sources disagree.",
    )
    d.add_argument("articles", type=Path, metavar="ARTICLES", help="JSONL(.gz) of articles, or - for stdin")
    d.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR", help="directory to write")
    d.add_argument("--format", choices=STORY_FORMATS, default="html", help="html (default), md or json")
    d.add_argument(
        "--min-size", type=int, default=1, help="report stories of at least N articles (default 1)"
    )
    d.add_argument("--words", type=int, default=120, help="word budget of each story's summary (default 120)")
    d.add_argument("--ner-model", default=DEFAULT_NER_MODEL, help="spaCy model for names")
    _add_cluster_options(d)


def digest(args: argparse.Namespace) -> int:
    if args.min_size < 1:
        raise ConfigError(Errors.SL202, name="--min-size", value=args.min_size, reason="must be at least 1")
    if args.words < 1:
        raise ConfigError(Errors.SL202, name="--words", value=args.words, reason="must be at least 1")
    outdir: Path = args.output
    if outdir.exists() and not outdir.is_dir():
        raise ConfigError(
            Errors.SL202, name="--output", value=str(outdir), reason="exists and is not a directory"
        )
    feed = Path(str(args.articles))
    if str(args.articles) != "-" and outdir.resolve() in (feed.resolve(), *feed.resolve().parents):
        # The digest replaces its folder's pages and removes stale ones: never near the input.
        reason = "holds the input feed; write the digest to a folder of its own"
        raise ConfigError(Errors.SL202, name="--output", value=str(outdir), reason=reason)
    started = time.perf_counter()
    articles = _read_articles(args.articles)
    if not any(a.text.strip() for a in articles):
        raise InputError(Errors.SL107)
    cluster_options = _options(args)
    load_nlp(args.ner_model)  # a missing model fails now, not after the whole feed is clustered
    threads = group_feed(
        articles, options=cluster_options, engine=args.engine, address=args.address, n_workers=args.workers
    )
    kept = [[s for s in t.stories if len(s.articles) >= args.min_size] for t in threads]
    stories: list[StoryGroup] = [s for group in kept for s in group]
    options = ReportOptions(
        summary=SummaryOptions(words=args.words, embedder=args.embedder, model=args.model),
        ner_model=args.ner_model,
    )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Errors.SL112, path=str(outdir), reason=exc.strerror or str(exc)) from None
    with progress(args.quiet, label="reporting stories") as advance:
        entries = build_digest(
            [list(s.articles) for s in stories],
            options=options,
            engine=args.engine,
            address=args.address,
            n_workers=args.workers,
            on_story=advance,
        )
    suffix = SUFFIX[args.format]
    for stale in (
        *outdir.glob(f"story-[0-9][0-9][0-9][0-9]{suffix}"),
        *outdir.glob(f"thread-[0-9][0-9][0-9][0-9]{suffix}"),
    ):
        stale.unlink()  # an earlier digest's pages, which this index would not list
    by_number: dict[int, IndexEntry] = {}
    for group, entry in zip(stories, entries, strict=True):
        name = None
        if entry.report is not None:
            name = f"story-{group.number:04d}{suffix}"
            write(render_story(entry.report, args.format), outdir / name)
        sources = tuple(dict.fromkeys(a.source for a in group.articles if a.source))
        by_number[group.number] = IndexEntry(
            group.number,
            entry.article_ids,
            group.latest,
            entry.report,
            name,
            entry.error,
            title=group.title,
            earliest=group.earliest,
            sources=sources,
        )
    index: list[ThreadEntry] = []
    for thread, members in zip(threads, kept, strict=True):
        if not members:
            continue
        page = f"thread-{thread.number:04d}{suffix}"
        listed = ThreadEntry(thread.number, thread.title, tuple(by_number[s.number] for s in members), page)
        write(render_thread(listed, args.format), outdir / page)
        index.append(listed)
    write(render_index(index, args.format), outdir / f"index{SUFFIX[args.format]}")
    if not args.quiet:
        elapsed = time.perf_counter() - started
        reported = sum(1 for e in entries if e.report is not None)
        info(
            f"{len(articles)} articles, {len(index)} threads, {len(entries)} stories ({reported} reported) "
            f"in {elapsed:.1f} s; "
            f"index: {outdir / ('index' + SUFFIX[args.format])}"
        )
    return 0


def _read_articles(path: Path) -> list[Article]:
    """All usable articles of the feed, in order; bad lines and duplicate ids are reported."""
    warn = _Warnings()
    articles: list[Article] = []
    for row in iter_articles(path):
        if isinstance(row, ArticleRow):
            articles.append(row.article)
        else:
            warn(row.message)
    warn.close("bad lines")
    seen: dict[str, int] = {}
    for position, article in enumerate(articles, start=1):
        if article.id in seen:
            raise InputError(Errors.SL110, article_id=article.id, first=seen[article.id], second=position)
        seen[article.id] = position
    if not articles:
        raise InputError(Errors.SL102, path=str(path), reason="no valid article line")
    return articles
