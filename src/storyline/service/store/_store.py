"""The store: articles with their story and thread, story and thread rows, cached reports, feeds.

Every write goes through `Store.add_articles`, which holds the write lock of the database
(SQLite: BEGIN IMMEDIATE; PostgreSQL: the `cluster_head` row FOR UPDATE) while it catches
the in-memory clusterer up with articles other processes stored, decides the new articles
and inserts them. An article is acknowledged only after its transaction committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.cluster import ClusterOptions, Features, Featurizer, story_title, thread_title
from storyline.errors import ConfigError, Errors
from storyline.model import Article
from storyline.service._clustering import LiveClusterer, Logged
from storyline.service.store._engine import make_engine, schema_revisions
from storyline.service.store._search import story_hits
from storyline.service.store._tables import (
    articles,
    cluster_head,
    feeds,
    reports,
    snapshot_files,
    snapshots,
    stories,
    threads,
)

SNIPPET_CHARS = 240
SNAPSHOT_FRACTION = 10
log = logging.getLogger("storyline.service")


@dataclass(frozen=True, slots=True)
class Stored:
    """An article's place in the store; `created` is False when it was there already."""

    article_id: str
    story: int
    thread: int
    created: bool


def article_id_of(article: Article) -> str:
    """The id an article is stored under: its own, else its URL, else a digest of its text."""
    if article.id:
        return article.id
    if article.url:
        return article.url
    return "sha256:" + hashlib.sha256(article.text.encode()).hexdigest()[:32]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _snippet(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SNIPPET_CHARS else line[: SNIPPET_CHARS - 1].rsplit(" ", 1)[0] + "…"


class Store:
    """One database, shared by the threads of one server process (and by other processes)."""

    def __init__(
        self,
        db: str,
        *,
        snapshot_every: int = 500,
        forward_to: Callable[[Sequence[Article]], list[Stored]] | None = None,
    ) -> None:
        """`forward_to`: where `add_articles` sends its batches instead of clustering them here
        (a worker of `storyline serve --workers N`: the process that started it clusters)."""
        self.db = db
        self._forward_to = forward_to
        self.engine = make_engine(db)
        self.snapshot_every = snapshot_every
        current, head = schema_revisions(self.engine)
        if current != head:
            self.engine.dispose()
            raise ConfigError(
                Errors.SL502,
                db=self._db_name(),
                reason=f"schema at {current or 'nothing'}, code at {head}; run: storyline serve --migrate",
            )
        self._write_lock = threading.Lock()
        self._featurizer = Featurizer(ClusterOptions())
        self._live: LiveClusterer | None = None
        self._since_snapshot = 0
        self._snapshot_lock = threading.Lock()
        self._saved_seq = 0  # the newest snapshot this process stored covers articles up to here

    def _db_name(self) -> str:
        return self.db.rsplit("@", 1)[-1]  # never a password

    def close(self) -> None:
        with self._write_lock:
            if self._live is not None and self._since_snapshot:
                self._snapshot(self._live)
            self.engine.dispose()

    # -- connections -------------------------------------------------------------------
    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as connection:
            connection = connection.execution_options(storyline_write=True)
            with connection.begin():
                yield connection

    # -- the clusterer ---------------------------------------------------------------------
    def _load_live(self, connection: sa.Connection) -> LiveClusterer:
        """The newest snapshot, if it fits, plus the articles after it."""
        row = connection.execute(
            sa.select(snapshots.c.id, snapshots.c.covered_seq).order_by(snapshots.c.id.desc()).limit(1)
        ).first()
        live = LiveClusterer(featurizer=self._featurizer)
        if row is not None:
            files = {
                r.name: bytes(r.data)
                for r in connection.execute(
                    sa.select(snapshot_files.c.name, snapshot_files.c.data).where(
                        snapshot_files.c.snapshot_id == row.id
                    )
                )
            }
            try:
                live = LiveClusterer.from_files(
                    files, last_seq=int(row.covered_seq), featurizer=self._featurizer
                )
            except ConfigError:  # made by another version: rebuild from the articles
                live = LiveClusterer(featurizer=self._featurizer)
        self._catch_up(connection, live)
        return live

    def _catch_up(self, connection: sa.Connection, live: LiveClusterer) -> None:
        while True:
            rows = connection.execute(
                sa.select(articles).where(articles.c.seq > live.last_seq).order_by(articles.c.seq).limit(4096)
            ).all()
            if not rows:
                return
            live.replay([Logged(r.seq, _article(r), r.story, r.thread) for r in rows])
            self._since_snapshot += len(rows)

    def _snapshot(self, live: LiveClusterer) -> None:
        self._save_snapshot(live.snapshot_files(), covered_seq=live.last_seq)
        self._since_snapshot = 0

    def _snapshot_due(self) -> bool:
        """Whether enough new articles went into memory since the last snapshot.

        At least `snapshot_every`, and at least a tenth of what memory holds: a snapshot's
        size grows with the store, so a fixed interval would cost more per article as the
        store grows; this way its cost per article stays flat, and a restart replays at
        most about a tenth of the store.
        """
        held = self._live.last_seq if self._live is not None else 0
        return self._since_snapshot >= max(self.snapshot_every, held // SNAPSHOT_FRACTION)

    def _save_snapshot(self, files: dict[str, bytes], *, covered_seq: int) -> None:
        """Store a snapshot's files and drop older snapshots; one at a time, the newest wins.

        Called without the write lock: the files were taken under it, and the articles
        they cover were committed before. A snapshot only shortens the next start (memory
        is the articles replayed in order), so one that is older than the newest saved is
        skipped, and a failure loses nothing (the caller logs it).
        """
        with self._snapshot_lock:
            if covered_seq <= self._saved_seq:
                return
            self._write_snapshot(files, covered_seq)
            self._saved_seq = covered_seq

    def _write_snapshot(self, files: dict[str, bytes], covered_seq: int) -> None:
        with self._writing() as connection:
            snapshot_id = connection.execute(
                snapshots.insert().values(covered_seq=covered_seq, created=_now()).returning(snapshots.c.id)
            ).scalar_one()
            connection.execute(
                snapshot_files.insert(),
                [{"snapshot_id": snapshot_id, "name": name, "data": data} for name, data in files.items()],
            )
            old = sa.select(snapshots.c.id).where(snapshots.c.id < snapshot_id)
            connection.execute(snapshot_files.delete().where(snapshot_files.c.snapshot_id.in_(old)))
            connection.execute(snapshots.delete().where(snapshots.c.id < snapshot_id))

    # -- writing -----------------------------------------------------------------------------
    def add_articles(self, batch: Sequence[Article]) -> list[Stored]:
        """Store each article (all have text) with its story and thread; known ids and URLs change nothing.

        The articles' features are computed before the write lock is taken (they depend on
        nothing else); the lock is held while deciding and inserting.
        """
        if self._forward_to is not None:
            return self._forward_to(batch)
        features = self._featurizer(list(batch)) if batch else None
        with self._write_lock:
            try:
                with self._writing() as connection:
                    connection.execute(_LOCK_HEAD).one()
                    if self._live is None:
                        self._live = self._load_live(connection)
                    else:
                        self._catch_up(connection, self._live)
                    result = self._insert(connection, self._live, batch, features)
            except BaseException:
                self._live = None  # memory may hold what was rolled back: rebuild on the next write
                raise
            taken = None
            if self._snapshot_due():
                # Only laying the memory out as bytes needs the lock (about 25 ms for 2,000
                # articles); storing them in the database does not.
                try:
                    taken = (self._live.snapshot_files(), self._live.last_seq)
                except OSError as exc:
                    log.error("snapshot not taken: %s", exc)
                self._since_snapshot = 0
        if taken is not None:
            try:
                self._save_snapshot(taken[0], covered_seq=taken[1])
            except (OSError, sa.exc.SQLAlchemyError) as exc:  # the articles are stored: answer them
                log.error("snapshot not stored: %s", type(exc).__name__)
        return result

    def _insert(
        self,
        connection: sa.Connection,
        live: LiveClusterer,
        batch: Sequence[Article],
        features: Features | None,
    ) -> list[Stored]:
        ids = [article_id_of(a) for a in batch]
        urls = [a.url for a in batch if a.url]
        known: dict[str, tuple[int, int]] = {}
        known_urls: dict[str, tuple[str, int, int]] = {}
        found = connection.execute(_KNOWN, {"ids": ids, "urls": urls}).all()
        for r in found:
            known[r.id] = (r.story, r.thread)
            if r.url:
                known_urls[r.url] = (r.id, r.story, r.thread)
        new: list[tuple[int, str, Article]] = []
        first_of: dict[str, int] = {}
        for position, (article_id, article) in enumerate(zip(ids, batch, strict=True)):
            if article_id in known or (article.url and article.url in known_urls):
                continue
            key = article.url or article_id
            if article_id in first_of or key in first_of:
                continue  # the same article twice in one batch: the first one counts
            first_of[article_id] = first_of[key] = position
            new.append((position, article_id, article))
        if features is None:
            decisions = live.decide([a for _, _, a in new])
        else:
            decisions = live.decide_rows(features, [(position, a) for position, _, a in new])
        now = _now()
        decided: dict[int, tuple[int, int]] = {}
        rows = []
        for (position, article_id, article), (story, thread) in zip(new, decisions, strict=True):
            decided[position] = (story, thread)
            rows.append(
                {
                    "id": article_id,
                    "url": article.url,
                    "title": article.title,
                    "date": article.date,
                    "source": article.source,
                    "text": article.text,
                    "story": story,
                    "thread": thread,
                    "added": now,
                }
            )
        if rows:
            connection.execute(articles.insert(), rows)
            last = connection.execute(_LAST_SEQ).scalar_one()
            connection.execute(_SET_HEAD, {"last": last})
            live.last_seq = int(last)
            self._since_snapshot += len(rows)
            self._update_groups(connection, rows, now)
        out: list[Stored] = []
        for position, (article_id, article) in enumerate(zip(ids, batch, strict=True)):
            if position in decided:
                story, thread = decided[position]
                out.append(Stored(article_id, story, thread, True))
            elif article_id in known:
                out.append(Stored(article_id, *known[article_id], False))
            elif article.url and article.url in known_urls:
                stored_id, story, thread = known_urls[article.url]
                out.append(Stored(stored_id, story, thread, False))
            else:  # a repeat inside this batch
                first = first_of.get(article_id, first_of.get(article.url or article_id, 0))
                story, thread = decided[first]
                out.append(Stored(ids[first], story, thread, False))
        return out

    def _update_groups(self, connection: sa.Connection, rows: list[dict[str, Any]], now: dt.datetime) -> None:
        """Insert or update the rows of the stories and threads that `rows` joined: one
        statement (executemany) per table and kind, the stories before the threads, whose
        titles are made from their stories' rows."""
        by_story: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            by_story.setdefault(row["story"], []).append(row)
        existing = {r.id: r for r in connection.execute(_STORIES_IN, {"ids": list(by_story)})}
        touched_threads: dict[int, list[dict[str, Any]]] = {}
        new_stories: dict[int, int] = {}
        titles: dict[tuple[int, ...], str] = {}  # a new one-story thread's title is its story's
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for story, members in by_story.items():
            thread = members[0]["thread"]
            touched_threads.setdefault(thread, []).extend(members)
            old = existing.get(story)
            if old is None:
                new_stories[thread] = new_stories.get(thread, 0) + 1
                values = _rollup(members, None, now, titles) | {"id": story, "thread": thread}
                inserts.append({"snippet": _snippet(members[0]["text"]), **values})
            else:
                updates.append({"_group": story, **_rollup(members, old, now, titles)})
        if inserts:
            connection.execute(stories.insert(), inserts)
        if updates:
            connection.execute(_UPDATE_STORY, updates)
        old_threads = {r.id: r for r in connection.execute(_THREADS_IN, {"ids": list(touched_threads)})}
        inserts, updates = [], []
        for thread, members in touched_threads.items():
            old = old_threads.get(thread)
            n_new = new_stories.get(thread, 0)
            if old is None:
                values = _rollup(members, None, now, titles) | {"id": thread, "n_stories": n_new}
                if n_new > 1:
                    values["title"] = _thread_title(connection, thread)
                inserts.append(values)
            else:
                values = _rollup(members, old, now, titles) | {"n_stories": old.n_stories + n_new}
                if (old.n_stories + n_new).bit_length() > old.n_stories.bit_length():
                    values["title"] = _thread_title(connection, thread)  # at 2, 4, 8, ... stories
                updates.append({"_group": thread, **values})
        if inserts:
            connection.execute(threads.insert(), inserts)
        if updates:
            connection.execute(_UPDATE_THREAD, updates)

    # -- reading -----------------------------------------------------------------------------
    def list_stories(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        since: dt.datetime | None = None,
        thread: int | None = None,
        q: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stories, most recently updated first; with `q`, the stories matching it, best first
        (the syntax and the ranking: storyline.service.store._search)."""
        recent = (stories.c.updated.desc(), stories.c.id.desc())
        query = sa.select(stories).order_by(*recent)
        if q:
            found = story_hits(self.engine.dialect.name, q)
            if found is None:
                return []
            hits, best = found
            query = sa.select(stories).join(hits, hits.c.story == stories.c.id).order_by(best, *recent)
        if since is not None:
            query = query.where(stories.c.updated >= since)
        if thread is not None:
            query = query.where(stories.c.thread == thread)
        with self._reading() as connection:
            rows = connection.execute(query.limit(limit).offset(offset)).mappings().all()
        return [_story_dict(r) for r in rows]

    def list_threads(self, *, limit: int = 20) -> list[dict[str, Any]]:
        query = sa.select(threads).order_by(threads.c.updated.desc(), threads.c.id.desc()).limit(limit)
        with self._reading() as connection:
            return [_thread_dict(r) for r in connection.execute(query).mappings()]

    def story(self, story_id: int) -> dict[str, Any] | None:
        with self._reading() as connection:
            row = connection.execute(sa.select(stories).where(stories.c.id == story_id)).mappings().first()
        return None if row is None else _story_dict(row)

    def thread(self, thread_id: int) -> dict[str, Any] | None:
        with self._reading() as connection:
            row = connection.execute(sa.select(threads).where(threads.c.id == thread_id)).mappings().first()
        return None if row is None else _thread_dict(row)

    def articles_of(self, *, story: int | None = None, thread: int | None = None) -> list[Article]:
        with self._reading() as connection:
            return _articles_of(connection, story=story, thread=thread)

    def story_articles(self, story_id: int) -> tuple[int, list[Article]]:
        """The story's version and its articles, read in one transaction (version first).

        Raises:
            KeyError: no such story.
        """
        with self._reading() as connection:
            version = connection.execute(
                sa.select(stories.c.version).where(stories.c.id == story_id)
            ).scalar_one_or_none()
            if version is None:
                raise KeyError(story_id)
            return int(version), _articles_of(connection, story=story_id)

    def thread_contents(self, thread_id: int) -> tuple[dict[str, Any], list[dict[str, Any]], list[Article]]:
        """The thread's row, its stories (newest first, at most 200) and its articles, in one transaction.

        Raises:
            KeyError: no such thread.
        """
        with self._reading() as connection:
            row = connection.execute(sa.select(threads).where(threads.c.id == thread_id)).mappings().first()
            if row is None:
                raise KeyError(thread_id)
            query = (
                sa.select(stories)
                .where(stories.c.thread == thread_id)
                .order_by(stories.c.updated.desc(), stories.c.id.desc())
                .limit(200)
            )
            found = [_story_dict(r) for r in connection.execute(query).mappings()]
            return _thread_dict(row), found, _articles_of(connection, thread=thread_id)

    def count_articles(self) -> int:
        with self._reading() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    def assignment(self, article_id: str) -> tuple[int, int] | None:
        with self._reading() as connection:
            row = connection.execute(
                sa.select(articles.c.story, articles.c.thread).where(articles.c.id == article_id)
            ).first()
        return None if row is None else (row.story, row.thread)

    # -- cached reports ----------------------------------------------------------------------
    def report_versions(self, kind: str, group_id: int) -> tuple[int, int | None] | None:
        """(the story's or thread's version, its cached report's version or None); None: no such group.

        One query: the group's row by its key, joined to its report's row by its key.
        """
        with self._reading() as connection:
            row = connection.execute(_VERSIONS[kind], {"group_id": group_id}).first()
        return None if row is None else (int(row[0]), None if row[1] is None else int(row[1]))

    def cached_report(self, kind: str, group_id: int) -> tuple[int, str] | None:
        """The cached report of a story or thread, whatever its version: (version, JSON text)."""
        with self._reading() as connection:
            row = connection.execute(
                sa.select(reports.c.version, reports.c.body).where(
                    reports.c.kind == kind, reports.c.id == group_id
                )
            ).first()
        return None if row is None else (int(row.version), row.body)

    def cached(self, kind: str, group_id: int, version: int) -> str | None:
        """The cached report made for exactly `version`, else None."""
        found = self.cached_report(kind, group_id)
        return found[1] if found is not None and found[0] == version else None

    def cache(
        self,
        kind: str,
        group_id: int,
        version: int,
        body: str,
        *,
        disagrees: bool | None = None,
        summary_line: str | None = None,
        title: str | None = None,
    ) -> None:
        """Keep `body` as the report of `version`, unless a report of a newer version is kept already.

        `title`: the title made from all its articles, stored if the story or thread is still at `version`.
        """
        with self._writing() as connection:
            held = connection.execute(
                sa.select(reports.c.version)
                .where(reports.c.kind == kind, reports.c.id == group_id)
                .with_for_update()
            ).scalar_one_or_none()
            if held is not None and held >= version:
                return
            if held is None:
                connection.execute(
                    reports.insert().values(kind=kind, id=group_id, version=version, body=body)
                )
            else:
                connection.execute(
                    reports.update()
                    .where(reports.c.kind == kind, reports.c.id == group_id)
                    .values(version=version, body=body)
                )
            titled = {"title": title} if title else {}
            if kind == "story":
                connection.execute(
                    stories.update()
                    .where(stories.c.id == group_id, stories.c.version == version)
                    .values(disagrees=disagrees, summary_line=summary_line, **titled)
                )
            elif titled:
                connection.execute(
                    threads.update()
                    .where(threads.c.id == group_id, threads.c.version == version)
                    .values(titled)
                )

    # -- feeds -------------------------------------------------------------------------------
    def add_feed(self, url: str) -> tuple[int, bool]:
        """The feed's id, and whether it is new."""
        with self._writing() as connection:
            row = connection.execute(sa.select(feeds.c.id).where(feeds.c.url == url)).first()
            if row is not None:
                return int(row.id), False
            new_id = connection.execute(
                feeds.insert().values(url=url, added=_now(), n_articles=0).returning(feeds.c.id)
            ).scalar_one()
            return int(new_id), True

    def list_feeds(self) -> list[dict[str, Any]]:
        with self._reading() as connection:
            return [
                {
                    "id": r.id,
                    "url": r.url,
                    "last_polled": r.last_polled.isoformat() if r.last_polled else None,
                    "last_error": r.last_error,
                    "n_articles": r.n_articles,
                }
                for r in connection.execute(sa.select(feeds).order_by(feeds.c.id))
            ]

    def feeds_due(self, *, every_s: float) -> list[tuple[int, str]]:
        cutoff = _now() - dt.timedelta(seconds=every_s)
        with self._reading() as connection:
            rows = connection.execute(
                sa.select(feeds.c.id, feeds.c.url, feeds.c.last_polled).order_by(feeds.c.id)
            ).all()
        return [(r.id, r.url) for r in rows if r.last_polled is None or _aware(r.last_polled) <= cutoff]

    def feed_polled(self, feed_id: int, *, n_new: int, error: str | None) -> None:
        with self._writing() as connection:
            connection.execute(
                feeds.update()
                .where(feeds.c.id == feed_id)
                .values(last_polled=_now(), last_error=error, n_articles=feeds.c.n_articles + n_new)
            )


def _versions_query(kind: str, group: sa.Table) -> sa.Select[Any]:
    joined = group.outerjoin(reports, sa.and_(reports.c.kind == kind, reports.c.id == group.c.id))
    return (
        sa.select(group.c.version, reports.c.version)
        .select_from(joined)
        .where(group.c.id == sa.bindparam("group_id"))
    )


_VERSIONS = {"story": _versions_query("story", stories), "thread": _versions_query("thread", threads)}


def _articles_of(
    connection: sa.Connection, *, story: int | None = None, thread: int | None = None
) -> list[Article]:
    query = sa.select(articles).order_by(articles.c.seq)
    if story is not None:
        query = query.where(articles.c.story == story)
    if thread is not None:
        query = query.where(articles.c.thread == thread)
    return [_article(r) for r in connection.execute(query)]


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _article(row: Any) -> Article:
    return Article(text=row.text, id=row.id, title=row.title, date=row.date, url=row.url, source=row.source)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _story_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "thread": row["thread"],
        "title": row["title"],
        "summary": row["summary_line"] or row["snippet"],
        "n_articles": row["n_articles"],
        "first_date": _iso(row["first_date"]),
        "last_date": _iso(row["last_date"]),
        "updated": _aware(row["updated"]).isoformat(),
        "version": row["version"],
        "disagrees": row["disagrees"],
    }


def _thread_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "n_stories": row["n_stories"],
        "n_articles": row["n_articles"],
        "first_date": _iso(row["first_date"]),
        "last_date": _iso(row["last_date"]),
        "updated": _aware(row["updated"]).isoformat(),
        "version": row["version"],
    }


THREAD_TITLE_STORIES = 64
"""A thread's title is made from at most this many of its stories (the newest)."""


def _group_title(members: list[dict[str, Any]]) -> str:
    """A new story's (or one-story thread's) title: its most representative headline, or one
    extracted from its text; the story's report refines it once computed."""
    return story_title([Article(text=m["text"], title=m["title"]) for m in members])


def _thread_title(connection: sa.Connection, thread: int) -> str:
    """The topic of a thread from its stories' titles and openings (cheap: no article is read).

    Made when the thread reaches 2, 4, 8, ... stories, so at most a logarithm of its stories
    many times; its timeline's computation refines it from the same columns then.
    """
    query = (
        sa.select(stories.c.title, stories.c.snippet, stories.c.summary_line)
        .where(stories.c.thread == thread)
        .order_by(stories.c.id.desc())
        .limit(THREAD_TITLE_STORIES)
    )
    return thread_title(
        [[Article(text=r.summary_line or r.snippet, title=r.title)] for r in connection.execute(query)]
    )


# Built once: a statement made per write costs more in SQLAlchemy's construction and cache
# keys than its SQL does. An UPDATE's SET clause comes from the parameter names (every
# parameter set of one executemany has the same names); IN lists are expanding parameters.
_UPDATE_STORY = stories.update().where(stories.c.id == sa.bindparam("_group"))
_UPDATE_THREAD = threads.update().where(threads.c.id == sa.bindparam("_group"))
_LOCK_HEAD = sa.select(cluster_head.c.last_seq).where(cluster_head.c.id == 1).with_for_update()
_SET_HEAD = cluster_head.update().where(cluster_head.c.id == 1).values(last_seq=sa.bindparam("last"))
_LAST_SEQ = sa.select(sa.func.max(articles.c.seq))
_KNOWN = sa.select(articles.c.id, articles.c.url, articles.c.story, articles.c.thread).where(
    sa.or_(
        articles.c.id.in_(sa.bindparam("ids", expanding=True)),
        articles.c.url.in_(sa.bindparam("urls", expanding=True)),
    )
)
_STORIES_IN = sa.select(stories).where(stories.c.id.in_(sa.bindparam("ids", expanding=True)))
_THREADS_IN = sa.select(threads).where(threads.c.id.in_(sa.bindparam("ids", expanding=True)))


def _rollup(
    members: list[dict[str, Any]], old: Any, now: dt.datetime, titles: dict[tuple[int, ...], str]
) -> dict[str, Any]:
    """A story's or thread's row after `members` joined it (`old`: its row before, or None).

    `titles` remembers the titles made for these members in this write: a new thread of one
    new story has the same members, so its title is made once.
    """
    dates = [m["date"] for m in members if m["date"] is not None]
    if old is None:
        key = tuple(map(id, members))
        if key not in titles:
            titles[key] = _group_title(members)
        return {
            "title": titles[key],
            "n_articles": len(members),
            "first_date": min(dates, default=None),
            "last_date": max(dates, default=None),
            "updated": now,
            "version": 1,
        }
    return {
        "title": old.title or _group_title(members),
        "n_articles": old.n_articles + len(members),
        "first_date": min([*dates, *([old.first_date] if old.first_date else [])], default=None),
        "last_date": max([*dates, *([old.last_date] if old.last_date else [])], default=None),
        "updated": now,
        "version": old.version + 1,
    }
