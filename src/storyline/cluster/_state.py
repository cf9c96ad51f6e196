"""The state directory of an incremental run (`--state DIR`): data only, never code.

    DIR/state.json          format name and version, the settings, pair model and (when
                            re-threading) igraph version the state depends on, and the
                            current snapshot with a SHA-256 per file
    DIR/assignments.jsonl   one {"id", "story", "thread", "n"} line per decided article (n:
                            its number in the clusterer's memory), appended
                            and flushed as the run goes: an assignment that reached the output
                            is here
    DIR/snapshot-NNNNNN/    the clusterer's memory as .npy arrays (read with
                            allow_pickle=False) and meta.json; written to a temporary
                            directory, renamed, then named in state.json (atomically replaced)
    DIR/threads-NNN.npy     re-threading (`_rethread.py`): the threads fixed at a checkpoint
                            for the decisions from number NNN on (int64, one per decision)
    DIR/stories-NNN.npy     the stories output for the same decisions (story merging,
                            `_merge.py`; the log holds the online pass's)
    DIR/threads-final.npy   the end of the last run's threads for the decisions after the
                            last checkpoint (its first number is where they start)
    DIR/stories-final.npy   the same for the stories
    DIR/lock                held (flock) while a run uses the directory; forked helpers let
                            go of it, so it is free once the run's process ends, however it
                            ends (kill -9 too)

Format version 4 (version 3 had no story merging, version 2 no re-threading vectors).
Resume works from any kill point: the snapshot records how many log lines it covers; logged ids after that are
replayed (their decision forced) when the input holds them again, in the same order, so
the memory is the one an uninterrupted run would have. The order of decisions depends on
the input alone (`_stream._Run`: articles already in the snapshot pass through the reorder
buffer as ghosts), so a resumed run gives the same assignments as an uninterrupted one.
The log holds each decision as made online; re-threading and story merging at the end of
a run regroup threads and stories from the snapshot's vectors, so the output's threads and
stories are those of the whole run so far.

A directory that is not a version-4 state (an older storyline's `snapshot.pkl`, another
tool's files, a corrupt or edited file) is refused with one error naming the file, and
nothing in it is written. Nothing is ever unpickled.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from storyline.cluster._kernels import Postings, Ragged
from storyline.cluster._online import MAX_TERMS, POSTING_LENGTH, OnlineClusterer, OnlineState, Table
from storyline.cluster._rethread import ArticleVectors
from storyline.errors import ConfigError, Errors, InputError

FORMAT = "storyline-cluster-state"
VERSION = 4
MANIFEST = "state.json"
LOG = "assignments.jsonl"
LOCK = "lock"
RECORDS = ("stories", "threads")
"""What checkpoints record per decision: re-threading's threads, story merging's stories."""
RECORD_NAME = re.compile(r"(threads|stories)-[0-9]{12}\.npy")
OLD_FILES = ("snapshot.pkl", "options.json")  # version 1 (pickle snapshots): refused, never read

Decision = tuple[int, int] | None
"""(story, thread), or None for an article without text."""

_TABLE_INTS = Table.INTS
_TABLE_RAGGED = (("term_idx", "term_sum"), ("name_idx", "name_sum"))


@dataclass
class Resumed:
    """What a state directory holds at the start of a run."""

    state: OnlineState | None = None
    logged: dict[str, Decision] = field(default_factory=dict)
    """Every id decided by earlier runs, with its story and thread."""
    pending: dict[str, Decision] = field(default_factory=dict)
    """Logged ids that the snapshot's memory does not include yet."""
    numbers: dict[str, int] = field(default_factory=dict)
    """Each decided id's number in the clusterer's memory (its latest log line's)."""


def read_assignments(directory: Path) -> dict[str, Decision]:
    """The story and thread of every article a state directory has decided (read only)."""
    if not (directory / MANIFEST).is_file():
        raise _error(directory, f"not a storyline state directory (no {MANIFEST})")
    entries, _, _ = _parse_log(directory / LOG)
    # The log holds the stories and threads decided online; story merging's and
    # re-threading's are recorded beside it, by the article's number in the clusterer's
    # memory (a later line for an id corrects it).
    records = [_read_records(directory, kind) for kind in RECORDS]
    result: dict[str, Decision] = {}
    for article_id, decision, number in entries:
        if decision is not None and number is not None:
            pair = list(decision)
            for level, (fixed, final_start, final) in enumerate(records):
                if number < len(fixed):
                    pair[level] = int(fixed[number])
                elif 0 <= number - final_start < len(final):
                    pair[level] = int(final[number - final_start])
            decision = (pair[0], pair[1])
        result[article_id] = decision
    return result


def _read_records(directory: Path, kind: str) -> tuple[npt.NDArray[np.int64], int, npt.NDArray[np.int64]]:
    """Threads or stories (`kind`) fixed at checkpoints (contiguous from decision 0), and
    where the last run's end-of-run ones start and what they are."""
    blocks: list[npt.NDArray[np.int64]] = []
    size = 0
    for path in sorted(directory.glob(f"{kind}-*.npy")):
        if not RECORD_NAME.fullmatch(path.name):
            continue  # threads-final.npy, or a file of another name (a copy): never read
        start = int(path.name[len(kind) + 1 : len(kind) + 13])
        array = _load_ints(path)
        if start != size:
            raise _error(path, f"starts at decision {start}, but the checkpoints before it end at {size}")
        blocks.append(array)
        size += len(array)
    fixed = np.concatenate(blocks) if blocks else np.zeros(0, np.int64)
    final_path = directory / f"{kind}-final.npy"
    if not final_path.exists():
        return fixed, size, np.zeros(0, np.int64)
    final = _load_ints(final_path)
    if len(final) < 1:
        raise _error(final_path, "empty")
    return fixed, int(final[0]), final[1:]


def _load_ints(path: Path) -> npt.NDArray[np.int64]:
    try:
        with path.open("rb") as fh:
            array = np.load(fh, allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise _error(path, f"not a plain array ({exc})") from None
    if (
        array.ndim != 1
        or array.dtype.kind not in "iu"
        or (len(array) and (array.min() < 0 or array.max() >= 2**62))
    ):
        raise _error(path, "not a list of story or thread numbers")
    result: npt.NDArray[np.int64] = array.astype(np.int64)
    return result


def _parse_log(path: Path) -> tuple[list[tuple[str, Decision, int | None]], int, int]:
    """The assignments of a log (id, decision, the article's number in the clusterer's
    memory), where its last whole line ends, and its size."""
    if not path.exists():
        return [], 0, 0
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.SL102, path=str(path), reason=exc.strerror or str(exc)) from None
    end = data.rfind(b"\n") + 1
    entries: list[tuple[str, Decision, int | None]] = []
    for line_no, line in enumerate(data[:end].split(b"\n")[:-1], start=1):
        try:
            record = json.loads(line)
            story, thread, number = record["story"], record["thread"], record.get("n")
            if (story is None) != (thread is None) or (story is None) != (number is None):
                raise ValueError("story, thread and n must all be numbers or all null")
            if not all(v is None or (isinstance(v, int) and v >= 0) for v in (story, thread, number)):
                raise ValueError("story, thread and n must be numbers from 0")
            decision = None if story is None else (story, thread)
            entries.append((str(record["id"]), decision, number))
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise _error(path, f"line {line_no} is not an assignment ({exc}); it was left as it is") from None
    return entries, end, len(data)


def _settings_before(saved: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """The values that settings newer than a state had in effect when it was made: before
    `story_merge_dated` existed, dated stories merged at `story_merge` like undated ones,
    so such a state resumes with `--story-merge-dated` set to its `story_merge` (and with
    any, when merging was off: `story_merge` 0 merges nothing)."""
    if "story_merge" not in saved:
        return {}
    merging = saved["story_merge"] != 0
    return {"story_merge_dated": saved["story_merge"] if merging else now.get("story_merge_dated")}


def _shown(value: Any) -> str:
    return "none" if value is None else json.dumps(value)


def _error(path: Path, reason: str) -> ConfigError:
    return ConfigError(Errors.SL203, path=str(path), reason=reason)


class StateStore:
    """Reads, locks and appends to one state directory."""

    def __init__(self, directory: Path, clusterer: OnlineClusterer) -> None:
        self.directory = directory
        self.clusterer = clusterer
        self.options = clusterer.options
        self.n_logged = 0
        self._log: IO[str] | None = None
        self._lock: IO[bytes] | None = None
        self._manifest: dict[str, Any] = {}

    # -- opening -------------------------------------------------------------------------
    def load(self) -> Resumed:
        """Check and lock the directory (creating it when new), read it, open the log for appending."""
        d = self.directory
        if d.exists() and not d.is_dir():
            raise _error(d, "exists and is not a directory")
        manifest_path = d / MANIFEST
        if d.is_dir() and not manifest_path.exists():
            old = [name for name in OLD_FILES if (d / name).exists()]
            if old:
                raise _error(
                    d / old[0],
                    "written by an older storyline (pickle snapshots, which are never loaded); "
                    "start a new state directory",
                )
            if any(d.iterdir()):
                raise _error(
                    d, f"not a storyline state directory (no {MANIFEST}); give an empty or new directory"
                )
        try:
            d.mkdir(parents=True, exist_ok=True)
            self._lock = (d / LOCK).open("ab")
        except OSError as exc:
            raise InputError(Errors.SL102, path=str(d), reason=exc.strerror or str(exc)) from None
        try:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            self._lock = None
            raise _error(d, "in use by another storyline run (locked); wait for it to finish") from None
        _HELD_LOCKS.add(self._lock.fileno())  # a forked helper must not keep it
        try:
            return self._read(manifest_path)
        except BaseException:
            self.close()
            raise

    def _read(self, manifest_path: Path) -> Resumed:
        fingerprint = self._fingerprint()
        if not manifest_path.exists():
            self._manifest = {"format": FORMAT, "version": VERSION, **fingerprint, "snapshot": None}
            self._write_manifest()
        else:
            self._manifest = self._read_manifest(manifest_path, fingerprint)
        resumed = Resumed()
        entries = self._read_log()
        self.n_logged = len(entries)
        covered = 0
        snapshot = self._manifest.get("snapshot")
        if snapshot is not None:
            resumed.state, covered, pending = self._read_snapshot(snapshot)
            resumed.pending.update(pending)
        for line_no, (article_id, decision, number) in enumerate(entries):
            resumed.logged[article_id] = decision
            if number is not None:
                resumed.numbers[article_id] = number
            if line_no >= covered:
                resumed.pending[article_id] = decision
        if resumed.state is not None:
            covered_records = [len(_read_records(self.directory, kind)[0]) for kind in RECORDS]
            if max(covered_records) > resumed.state.n_articles + len(resumed.pending):
                raise _error(
                    self.directory, "re-threading records cover more articles than the state decided"
                )
        try:
            self._log = (self.directory / LOG).open("a", encoding="utf-8")
        except OSError as exc:
            raise InputError(
                Errors.SL102, path=str(self.directory / LOG), reason=exc.strerror or str(exc)
            ) from None
        return resumed

    def _fingerprint(self) -> dict[str, Any]:
        fingerprint = {"options": self.options.fingerprint(), "pair_model": self.clusterer.model.digest}
        if self.options.rethread:
            # Louvain's communities can change between igraph versions: a resumed run must
            # re-thread as the killed one would have.
            fingerprint["igraph"] = importlib.metadata.version("igraph")
        return fingerprint

    def _read_manifest(self, path: Path, fingerprint: dict[str, Any]) -> dict[str, Any]:
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _error(path, f"unreadable ({exc}); it was left as it is") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise _error(path, "not a storyline state file")
        if manifest.get("version") != VERSION:
            raise _error(
                path, f"format version {manifest.get('version')!r}; this storyline reads version {VERSION}"
            )
        saved = manifest.get("options")
        if not isinstance(saved, dict):
            raise _error(path, "no settings recorded")
        now = fingerprint["options"]
        saved = {**_settings_before(saved, now), **saved}
        changed = sorted(k for k in set(saved) | set(now) if saved.get(k) != now.get(k))
        if changed:
            settings = "; ".join(
                f"{k}: {_shown(saved.get(k))} there, {_shown(now.get(k))} now" for k in changed
            )
            raise _error(path, f"it was made with other settings ({settings}); use a new directory")
        if manifest.get("pair_model") != fingerprint["pair_model"]:
            raise _error(
                path, "it was made with another pair model (another storyline version); use a new directory"
            )
        if manifest.get("igraph") != fingerprint.get("igraph"):
            raise _error(
                path,
                f"it was made with igraph {manifest.get('igraph')}, this run has {fingerprint.get('igraph')} "
                "(re-threading could differ); use a new directory, or that igraph",
            )
        return manifest

    def _read_log(self) -> list[tuple[str, Decision, int | None]]:
        path = self.directory / LOG
        entries, end, size = _parse_log(path)
        if end < size:
            # A run killed mid-line: that line never reached the output; cut it off.
            with path.open("r+b") as fh:
                fh.truncate(end)
        return entries

    def _read_snapshot(self, snapshot: Any) -> tuple[OnlineState, int, dict[str, Decision]]:
        try:
            folder = self.directory / str(snapshot["name"])
            files: dict[str, str] = dict(snapshot["files"])
        except (KeyError, TypeError, ValueError):
            raise _error(self.directory / MANIFEST, "the snapshot entry is malformed") from None
        arrays: dict[str, npt.NDArray[Any]] = {}
        meta: dict[str, Any] = {}
        for name, digest in sorted(files.items()):
            path = folder / name
            if "/" in name or name.startswith("."):
                raise _error(self.directory / MANIFEST, f"names a file outside the snapshot ({name!r})")
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _error(path, f"unreadable ({exc.strerror or exc})") from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise _error(path, "checksum mismatch: the file is corrupt or was changed")
            if name == "meta.json":
                try:
                    meta = json.loads(data)
                except ValueError as exc:
                    raise _error(path, f"unreadable ({exc})") from None
            else:
                try:
                    with path.open("rb") as fh:
                        arrays[name.removesuffix(".npy")] = np.load(fh, allow_pickle=False)
                except (ValueError, OSError) as exc:
                    raise _error(path, f"not a plain array ({exc})") from None
        try:
            state = self._restore(arrays, meta)
            pending = {
                str(k): (None if v is None else (int(v[0]), int(v[1]))) for k, v in meta["pending"].items()
            }
            covered = int(meta["covered"])
        except (KeyError, ValueError, TypeError, IndexError) as exc:
            raise _error(folder, f"the snapshot does not fit together ({exc})") from None
        return state, covered, pending

    def _restore(self, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any]) -> OnlineState:
        state = OnlineState(self.options)
        n = int(meta["n_articles"])
        state.n_docs = int(meta["n_docs"])
        state.n_articles = n
        state.doc_freq = arrays["doc_freq"].astype(np.float32)
        if state.doc_freq.shape != (self.options.n_features,):
            raise ValueError("doc_freq has the wrong width")
        state.article_story = arrays["article_story"].astype(np.int64)
        state.article_day = arrays["article_day"].astype(np.int64)
        if len(state.article_story) != n or len(state.article_day) != n:
            raise ValueError("article arrays do not match n_articles")
        for which in ("stories", "threads"):
            rows = [
                Ragged.from_flat(
                    MAX_TERMS,
                    arrays[f"{which}_{idx_key}"].astype(np.int64),
                    arrays[f"{which}_{sum_key}"].astype(np.float32),
                    arrays[f"{which}_{idx_key}_offsets"].astype(np.int64),
                )
                for idx_key, sum_key in _TABLE_RAGGED
            ]
            table = Table.restore(
                {key: arrays[f"{which}_{key}"].astype(np.int64) for key in _TABLE_INTS},
                arrays[f"{which}_dense"].astype(np.float32),
                *rows,
            )
            setattr(state, which, table)
        clusterer = OnlineClusterer(self.options, state=state, pair_model=self.clusterer.model)
        if n:
            state.dense_sum = arrays["dense_sum"].astype(np.float64)
            clusterer.reset_index(state.dense_sum.shape[0])
            vectors = arrays["index"].astype(np.float32)
            if vectors.shape != (n, clusterer.index_width(state.dense_sum.shape[0])):
                raise ValueError("index vectors do not match")
            if vectors.shape[1]:
                clusterer.refill_index(vectors)
            state.lsh_keys = [int(k) for k in arrays["lsh_keys"]]
            state.lsh_signatures = list(arrays["lsh_signatures"].astype(np.uint64))
            assert state.lsh is not None
            for lsh_key, signature in zip(state.lsh_keys, state.lsh_signatures, strict=True):
                state.lsh.insert(lsh_key, signature)
        if self.options.rethread:
            state.vectors = ArticleVectors.restore(
                self.options.n_features,
                self.options.rethread_neighbours,
                self.options.rethread_window,
                arrays,
            )
            if len(state.vectors) != n:
                raise ValueError("re-threading vectors do not match n_articles")
        for which in ("postings", "thread_postings"):
            terms, offsets, groups = (
                arrays[f"{which}_{k}"].astype(np.int64) for k in ("terms", "offsets", "groups")
            )
            if len(offsets) != len(terms) + 1 or (
                len(offsets) and (offsets[0] != 0 or offsets[-1] != len(groups))
            ):
                raise ValueError(f"{which} offsets do not match")
            # In insertion order: lookups read the most recent groups of each term.
            postings = Postings.from_lists(self.options.n_features, POSTING_LENGTH, terms, offsets, groups)
            setattr(state, which, postings)
        return state

    # -- writing ---------------------------------------------------------------------------
    def log(self, article_id: str, decision: Decision, number: int | None = None) -> None:
        """Append a decision, with the article's number in the clusterer's memory."""
        assert self._log is not None, "load() first"
        story, thread = decision if decision is not None else (None, None)
        record = {"id": article_id, "story": story, "thread": thread, "n": number if decision else None}
        self._log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.n_logged += 1

    def recorded(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The stories and threads fixed at checkpoints, by decision number (`_stream._Run`).
        A checkpoint killed between its two records is forgotten: nothing of it was output,
        and the resumed run passes it again."""
        stories, threads = (_read_records(self.directory, kind)[0] for kind in RECORDS)
        n = min(len(stories), len(threads))
        if len(stories) != n or len(threads) != n:
            self.truncate_records(n)
        return stories[:n], threads[:n]

    def recorded_final(self) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """Where the last run's end-of-run stories and threads start, and what they are
        (None: none, or only one of the two written)."""
        if not all((self.directory / f"{kind}-final.npy").exists() for kind in RECORDS):
            return None
        (_, start, stories), (_, thread_start, threads) = (_read_records(self.directory, k) for k in RECORDS)
        if start != thread_start or len(stories) != len(threads):
            return None
        return start, stories, threads

    def record(
        self,
        start: int,
        stories: npt.NDArray[np.int64],
        threads: npt.NDArray[np.int64],
        *,
        final: bool = False,
    ) -> None:
        """Record the stories and threads of decisions `start`.. as fixed at a checkpoint, or
        (`final`) as the end of the last run gave them (replaced by every run; read by
        `read_assignments`)."""
        self.flush()
        if self._log is not None:
            os.fsync(self._log.fileno())  # the decisions a record covers are on disk first
        for kind, values in zip(RECORDS, (stories, threads), strict=True):
            self._write_record(kind, start, values, final=final)
        _fsync_dir(self.directory)

    def _write_record(self, kind: str, start: int, values: npt.NDArray[np.int64], *, final: bool) -> None:
        name = f"{kind}-final.npy" if final else f"{kind}-{start:012d}.npy"
        array = np.concatenate([[start], values]).astype(np.int64) if final else values.astype(np.int64)
        tmp = self.directory / f".{name}.tmp{os.getpid()}"
        _write_file(tmp, _npy_bytes(array))
        os.replace(tmp, self.directory / name)

    def truncate_records(self, stop: int) -> None:
        """Forget the checkpoints' records from decision `stop` on (the run went another way).
        Latest first, so a kill part way leaves each kind's records contiguous from decision 0
        (longer than `stop`, or one kind longer than the other: `recorded` cuts them again)."""
        for kind in RECORDS:
            for path in sorted(self.directory.glob(f"{kind}-*.npy"), reverse=True):
                if path.name == f"{kind}-final.npy":
                    path.unlink()
                elif RECORD_NAME.fullmatch(path.name):
                    start = int(path.name[len(kind) + 1 : len(kind) + 13])
                    array = _load_ints(path)
                    if start >= stop:
                        path.unlink()
                    elif start + len(array) > stop:
                        self._write_record(kind, start, array[: stop - start], final=False)
        _fsync_dir(self.directory)

    def flush(self) -> None:
        if self._log is not None:
            self._log.flush()

    def snapshot(self, state: OnlineState, pending: dict[str, Decision]) -> None:
        """Write the clusterer's memory as arrays, with how much of the log it covers."""
        self.flush()
        if self._log is not None:
            os.fsync(self._log.fileno())
        previous = self._manifest.get("snapshot")
        number = 1 + (int(str(previous["name"]).rsplit("-", 1)[1]) if previous else 0)
        name = f"snapshot-{number:06d}"
        tmp = self.directory / f".{name}.tmp{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
        files: dict[str, str] = {}
        try:
            for key, array in self._arrays(state).items():
                files[f"{key}.npy"] = _write_file(tmp / f"{key}.npy", _npy_bytes(array))
            meta = {
                "n_docs": state.n_docs,
                "n_articles": state.n_articles,
                "covered": self.n_logged,
                "pending": {k: (None if v is None else list(v)) for k, v in pending.items()},
            }
            files["meta.json"] = _write_file(tmp / "meta.json", json.dumps(meta).encode())
            os.replace(tmp, self.directory / name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _fsync_dir(self.directory)
        self._manifest["snapshot"] = {"name": name, "files": files}
        self._write_manifest()
        for old in self.directory.glob("*snapshot-*"):  # earlier snapshots, and any a kill left half-written
            if old.is_dir() and old.name != name:
                shutil.rmtree(old, ignore_errors=True)

    def _arrays(self, state: OnlineState) -> dict[str, npt.NDArray[Any]]:
        n = state.n_articles
        dim = state.dense_sum.shape[0]
        out: dict[str, npt.NDArray[Any]] = {
            "doc_freq": state.doc_freq,
            "dense_sum": state.dense_sum,
            "article_story": state.article_story[:n],
            "article_day": state.article_day[:n],
            "index": OnlineClusterer(
                self.options, state=state, pair_model=self.clusterer.model
            ).index_vectors(),
            "lsh_keys": np.asarray(state.lsh_keys, dtype=np.int64),
            "lsh_signatures": np.asarray(state.lsh_signatures, dtype=np.uint64).reshape(
                -1, self.options.num_perm
            ),
        }
        if state.vectors is not None:
            out.update(state.vectors.arrays())
        for which in ("postings", "thread_postings"):
            postings: Postings = getattr(state, which)
            terms, offsets, groups = postings.lists()
            out[f"{which}_terms"] = terms
            out[f"{which}_offsets"] = offsets
            out[f"{which}_groups"] = groups
        for which in ("stories", "threads"):
            table: Table = getattr(state, which)
            for key, column in table.columns().items():
                out[f"{which}_{key}"] = column.astype(np.int64)
            out[f"{which}_dense"] = (
                np.stack(table.dense_sum).astype(np.float32) if len(table) else np.zeros((0, dim), np.float32)
            )
            for (idx_key, sum_key), ragged in zip(_TABLE_RAGGED, (table.terms, table.names), strict=True):
                flat_idx, flat_sum, offsets = ragged.flatten()
                out[f"{which}_{idx_key}_offsets"] = offsets
                out[f"{which}_{idx_key}"] = flat_idx
                out[f"{which}_{sum_key}"] = flat_sum
        return out

    def _write_manifest(self) -> None:
        data = (json.dumps(self._manifest, indent=1) + "\n").encode()
        path = self.directory / MANIFEST
        tmp = path.with_name(f".{MANIFEST}.tmp{os.getpid()}")
        _write_file(tmp, data)
        os.replace(tmp, path)
        _fsync_dir(self.directory)

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._lock is not None:
            _HELD_LOCKS.discard(self._lock.fileno())
            self._lock.close()  # closing releases the flock
            self._lock = None


# The flock belongs to the open file, which a forked process (the featurizing helper of
# `_stream._local_featurize`) shares: a helper outliving a killed run (SIGTERM, SIGKILL)
# would keep the directory locked. Each forked child lets go of it at once.
_HELD_LOCKS: set[int] = set()


def _let_go_of_locks_in_child() -> None:
    if not _HELD_LOCKS:
        return
    devnull = os.open(os.devnull, os.O_RDONLY)
    for fd in _HELD_LOCKS:  # the number stays valid (now /dev/null) for the copied file object
        os.dup2(devnull, fd)
    os.close(devnull)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_let_go_of_locks_in_child)


def _npy_bytes(array: npt.NDArray[Any]) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def _write_file(path: Path, data: bytes) -> str:
    """Write and fsync `path`; return the SHA-256 of `data`."""
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
