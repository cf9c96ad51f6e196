"""The clusterer the service keeps in memory, rebuilt from the store's snapshot and articles."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from storyline.cluster import ClusterOptions, Features, Featurizer, OnlineClusterer, StateStore
from storyline.model import Article

REPLAY_BATCH = 256
MEMORY_DIRS = ("/dev/shm",)  # RAM-backed folders, where one exists


@cache
def scratch_dir() -> str | None:
    """Where snapshots are laid out as files for a moment: a RAM-backed folder when one is writable.

    `StateStore` (storyline.cluster) writes a snapshot as files and fsyncs each one; the
    service reads them straight back into the database and deletes them. Those files
    are scratch, never the durable copy (the database transaction is), yet on a disk
    the fsyncs and unlinks cost about 0.3 s per snapshot (2,000 articles, ext4), under
    the write lock. In tmpfs they cost about nothing (0.3 s -> 0.025 s, measured).
    None: the system's temporary folder.
    """
    for candidate in MEMORY_DIRS:
        if os.path.isdir(candidate) and os.access(candidate, os.W_OK | os.X_OK):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Logged:
    """An article the store holds, with the decision made for it."""

    seq: int
    article: Article
    story: int
    thread: int


class LiveClusterer:
    """One online clusterer (storyline.cluster) fed one batch at a time.

    `last_seq` is the last stored article its memory includes: articles after it (written
    by another process, or after the last snapshot) are replayed with their decisions
    forced before anything new is decided.
    """

    def __init__(
        self, options: ClusterOptions | None = None, *, featurizer: Featurizer | None = None
    ) -> None:
        # The service keeps each decision as made: its store holds the online threads, and
        # re-threading (a batch step at the end of `storyline cluster`) would renumber them.
        self.options = options or ClusterOptions(rethread=False)
        self.clusterer = OnlineClusterer(self.options)
        self.featurizer = featurizer or Featurizer(self.options)
        self.last_seq = 0

    def replay(self, logged: Sequence[Logged]) -> None:
        """Put stored articles back into memory with the decisions they were given."""
        for start in range(0, len(logged), REPLAY_BATCH):
            batch = logged[start : start + REPLAY_BATCH]
            features = self.featurizer([entry.article for entry in batch])
            for row, entry in enumerate(batch):
                if features.has_text[row]:
                    day = entry.article.date.toordinal() if entry.article.date else None
                    self.clusterer.add(features, row, day=day, story=entry.story, thread=entry.thread)
                self.last_seq = max(self.last_seq, entry.seq)

    def decide(self, articles: Sequence[Article]) -> list[tuple[int, int]]:
        """The story and thread of each new article (every one has text), in order; remembered."""
        if not articles:
            return []
        return self.decide_rows(self.featurizer(list(articles)), list(enumerate(articles)))

    def decide_rows(self, features: Features, rows: Sequence[tuple[int, Article]]) -> list[tuple[int, int]]:
        """As `decide`, for articles whose features were computed before (`features` row, article).

        Features depend on nothing but the article, so a writer computes them before it
        takes the store's write lock, and holds the lock only while deciding.
        """
        out = []
        for row, article in rows:
            day = article.date.toordinal() if article.date else None
            out.append(self.clusterer.add(features, row, day=day))
        return out

    def snapshot_files(self) -> dict[str, bytes]:
        """The clusterer's memory as the files of a storyline.cluster state directory.

        Laid out in `scratch_dir()`; where that fails (a full RAM folder), in the system's
        temporary folder.
        """
        try:
            return self._snapshot_files(scratch_dir())
        except OSError:
            if scratch_dir() is None:
                raise
            return self._snapshot_files(None)

    def _snapshot_files(self, where: str | None) -> dict[str, bytes]:
        with tempfile.TemporaryDirectory(prefix="storyline-snapshot-", dir=where) as tmp:
            directory = Path(tmp) / "state"
            store = StateStore(directory, self.clusterer)
            store.load()
            try:
                store.snapshot(self.clusterer.state, {})
            finally:
                store.close()
            return {
                str(path.relative_to(directory)): path.read_bytes()
                for path in sorted(directory.rglob("*"))
                if path.is_file() and path.name != "lock"
            }

    @classmethod
    def from_files(
        cls,
        files: dict[str, bytes],
        *,
        last_seq: int,
        options: ClusterOptions | None = None,
        featurizer: Featurizer | None = None,
    ) -> LiveClusterer:
        """A clusterer whose memory is a snapshot (checked as any state directory is).

        Raises:
            ConfigError: the snapshot is corrupt or was made with other settings or model.
        """
        live = cls(options, featurizer=featurizer)
        with tempfile.TemporaryDirectory(prefix="storyline-snapshot-", dir=scratch_dir()) as tmp:
            directory = Path(tmp) / "state"
            for name, data in files.items():
                path = (directory / name).resolve()
                if directory.resolve() not in path.parents:
                    continue  # a name outside the directory is never written
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            store = StateStore(directory, live.clusterer)
            try:
                resumed = store.load()
            finally:
                store.close()
        if resumed.state is not None:
            live.clusterer.state = resumed.state
            live.last_seq = last_seq
        return live
