"""The state directory of an incremental run (`--state DIR`).

    DIR/options.json        the settings the state depends on; a run with others is refused
    DIR/assignments.jsonl   one {"id", "story"} line per decided article, appended and flushed
                            as the run goes: an assignment that reached the output is here
    DIR/snapshot.pkl        the clusterer's memory, rewritten atomically every
                            `snapshot_every` articles and at the end of a run

A killed run loses nothing it wrote: on resume, the log says which ids are decided (they
are output with their earlier story and never decided again), and those logged after the
last snapshot are added back into the clusterer's memory when the input holds them again.
The snapshot is a pickle: load only state directories you wrote yourself.
"""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from storyline.cluster._online import OnlineState
from storyline.cluster._options import ClusterOptions
from storyline.errors import ConfigError, Errors, InputError

LOG = "assignments.jsonl"
SNAPSHOT = "snapshot.pkl"
OPTIONS = "options.json"


@dataclass
class Resumed:
    """What a state directory holds at the start of a run."""

    state: OnlineState | None = None
    logged: dict[str, int | None] = field(default_factory=dict)
    """Every id decided by earlier runs, with its story."""
    pending: dict[str, int | None] = field(default_factory=dict)
    """Logged ids that the snapshot's memory does not include yet."""


class StateStore:
    """Reads and appends to one state directory."""

    def __init__(self, directory: Path, options: ClusterOptions) -> None:
        self.directory = directory
        self.options = options
        self.n_logged = 0
        self._log: IO[str] | None = None

    def load(self) -> Resumed:
        """Read the directory (creating it when new) and open the log for appending."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise InputError(Errors.SL102, path=str(self.directory), reason=reason) from None
        fingerprint = self.options.fingerprint()
        options_path = self.directory / OPTIONS
        if options_path.exists():
            saved = json.loads(options_path.read_text(encoding="utf-8"))
            changed = sorted(k for k in set(saved) | set(fingerprint) if saved.get(k) != fingerprint.get(k))
            if changed:
                raise ConfigError(
                    Errors.SL203,
                    path=str(self.directory),
                    reason=f"it was made with other settings ({', '.join(changed)}); use a new directory",
                )
        else:
            options_path.write_text(json.dumps(fingerprint, indent=1) + "\n", encoding="utf-8")
        resumed = Resumed()
        entries = self._read_log()
        self.n_logged = len(entries)
        covered = 0
        snapshot = self.directory / SNAPSHOT
        if snapshot.exists():
            try:
                with snapshot.open("rb") as fh:
                    state, covered, still_pending = pickle.load(fh)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError) as exc:
                reason = f"unreadable snapshot ({exc})"
                raise InputError(Errors.SL203, path=str(snapshot), reason=reason) from None
            resumed.state = state
            resumed.pending.update(still_pending)
        for line_no, (article_id, story) in enumerate(entries):
            resumed.logged[article_id] = story
            if line_no >= covered:
                resumed.pending[article_id] = story
        self._log = (self.directory / LOG).open("a", encoding="utf-8")
        return resumed

    def _read_log(self) -> list[tuple[str, int | None]]:
        path = self.directory / LOG
        if not path.exists():
            return []
        data = path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            # A run killed mid-line: that line never reached the output; cut it off.
            with path.open("r+b") as fh:
                fh.truncate(end)
        entries = []
        for line in data[:end].decode("utf-8").splitlines():
            record = json.loads(line)
            entries.append((str(record["id"]), record["story"]))
        return entries

    def log(self, article_id: str, story: int | None) -> None:
        assert self._log is not None, "load() first"
        self._log.write(json.dumps({"id": article_id, "story": story}, ensure_ascii=False) + "\n")
        self.n_logged += 1

    def flush(self) -> None:
        if self._log is not None:
            self._log.flush()

    def snapshot(self, state: OnlineState, pending: dict[str, int | None]) -> None:
        """Write the clusterer's memory atomically, with how much of the log it covers."""
        self.flush()
        if self._log is not None:
            os.fsync(self._log.fileno())
        path = self.directory / SNAPSHOT
        tmp = path.with_name(f".{SNAPSHOT}.tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump((state, self.n_logged, dict(pending)), fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None
