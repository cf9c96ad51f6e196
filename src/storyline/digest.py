"""A digest of a feed: cluster the articles into stories and threads, then report each story.

    articles -> cluster_articles (online, `cluster/`) -> threads of stories, titled
             -> one Reporter call per story

Reporting runs here, one story after another, or on Ray (`engine="ray"`) as tasks
on actors that each load the models once; the stories come back in the same order
either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from storyline.cluster import ClusterOptions, actor_map, cluster_articles, story_title, thread_title
from storyline.errors import InputError, StageError
from storyline.model import Article, ReportOptions, Story
from storyline.pipeline import Reporter


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One story of the feed: its articles and its report (or why there is none)."""

    story: int
    article_ids: tuple[str, ...]
    latest: dt.date | None
    report: Story | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """One story of a feed: its articles in date order, and its title."""

    number: int
    title: str
    articles: tuple[Article, ...]

    @property
    def earliest(self) -> dt.date | None:
        return min((a.date for a in self.articles if a.date), default=None)

    @property
    def latest(self) -> dt.date | None:
        return max((a.date for a in self.articles if a.date), default=None)


@dataclass(frozen=True, slots=True)
class ThreadGroup:
    """One thread of a feed: its stories in date order (undated last), and its topic."""

    number: int
    title: str
    stories: tuple[StoryGroup, ...]

    @property
    def n_articles(self) -> int:
        return sum(len(s.articles) for s in self.stories)


def group_feed(
    articles: Sequence[Article],
    *,
    options: ClusterOptions | None = None,
    engine: str = "local",
    address: str | None = None,
    n_workers: int | None = None,
) -> list[ThreadGroup]:
    """Cluster the feed; return its threads, largest first, then most recent first.

    Stories are numbered 1, 2, ... in that order, threads likewise; each story's articles
    and each thread's stories are in date order.
    """
    by_story: dict[int, list[Article]] = {}
    thread_of: dict[int, int] = {}
    for article, assignment in zip(
        articles,
        cluster_articles(articles, options=options, engine=engine, address=address, n_workers=n_workers),
        strict=True,
    ):
        if assignment.story is not None and assignment.thread is not None:
            by_story.setdefault(assignment.story, []).append(article)
            thread_of[assignment.story] = assignment.thread
    by_thread: dict[int, list[list[Article]]] = {}
    for story, group in by_story.items():
        group.sort(key=_date_key)
        by_thread.setdefault(thread_of[story], []).append(group)
    threads = list(by_thread.values())
    for stories in threads:
        stories.sort(key=lambda group: _date_key(group[0]))
    threads.sort(key=lambda stories: (-sum(map(len, stories)), -max(_latest_ordinal(g) for g in stories)))
    out: list[ThreadGroup] = []
    number = 0
    for t, stories in enumerate(threads, start=1):
        groups = []
        for group in stories:
            number += 1
            groups.append(StoryGroup(number, story_title(group), tuple(group)))
        out.append(ThreadGroup(t, thread_title(stories), tuple(groups)))
    return out


def group_stories(
    articles: Sequence[Article],
    *,
    options: ClusterOptions | None = None,
    engine: str = "local",
    address: str | None = None,
    n_workers: int | None = None,
) -> list[list[Article]]:
    """Cluster the feed; return its stories, largest first, then most recent first."""
    threads = group_feed(articles, options=options, engine=engine, address=address, n_workers=n_workers)
    stories = [list(s.articles) for t in threads for s in t.stories]
    stories.sort(key=lambda group: (-len(group), -_latest_ordinal(group)))
    return stories


def build_digest(
    stories: list[list[Article]],
    *,
    options: ReportOptions | None = None,
    engine: str = "local",
    address: str | None = None,
    n_workers: int | None = None,
    on_story: Callable[[], None] | None = None,
) -> list[DigestEntry]:
    """Report every story; entries keep the order of `stories` (numbered from 1)."""
    options = options or ReportOptions()
    reports = (
        _report_on_ray(stories, options, address=address, n_workers=n_workers)
        if engine == "ray"
        else _report_here(stories, options)
    )
    entries = []
    for number, (group, (report, error)) in enumerate(zip(stories, reports, strict=True), start=1):
        latest = max((a.date for a in group if a.date), default=None)
        entries.append(DigestEntry(number, tuple(a.id for a in group), latest, report, error))
        if on_story is not None:
            on_story()
    return entries


def _report_here(
    stories: list[list[Article]], options: ReportOptions
) -> Iterator[tuple[Story | None, str | None]]:
    reporter = Reporter(options)
    for group in stories:
        yield _report_one(reporter, group)


def _report_one(reporter: Reporter, group: list[Article]) -> tuple[Story | None, str | None]:
    try:
        return reporter(group), None
    except (InputError, StageError) as exc:  # a story that cannot be reported is listed, not fatal
        return None, str(exc)


class _ReportWorker:
    """One Reporter (its embedding and spaCy models loaded once) per Ray worker process."""

    def __init__(self, options: ReportOptions) -> None:
        self.reporter = Reporter(options)

    def report(self, group: list[Article]) -> tuple[Story | None, str | None]:
        return _report_one(self.reporter, group)


def _report_on_ray(
    stories: list[list[Article]], options: ReportOptions, *, address: str | None, n_workers: int | None
) -> Iterator[tuple[Story | None, str | None]]:
    """Report stories on Ray actors, results in order."""
    return actor_map(_ReportWorker, (options,), "report", stories, address=address, n_workers=n_workers)


def _date_key(article: Article) -> int:
    """Date order with undated articles last."""
    return article.date.toordinal() if article.date else dt.date.max.toordinal()


def _latest_ordinal(group: Sequence[Article]) -> int:
    dates = [a.date for a in group if a.date]
    return max(dates).toordinal() if dates else 0
