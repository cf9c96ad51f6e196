"""Run one piece of code under two source trees of storyline, each in its own child process.

For the scripts that list what a change alters outside the gold (`names_quotes_diff.py`,
`attribution_diff.py`): the old tree (for example from `git worktree add /tmp/before REV`)
and this checkout run `code` side by side, with `PYTHONPATH` set to each tree's `src` and a
fixed hash seed; `code` gets an output path and the input paths as arguments and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def run_both(before: Path, code: str, paths: list[Path]) -> tuple[Any, Any] | None:
    """The JSON `code` writes under the old tree (`before`, a src directory) and under this
    checkout's, or None (and a line on stderr) when either run fails."""
    with tempfile.TemporaryDirectory() as tmp:
        old_out, new_out = Path(tmp) / "old.json", Path(tmp) / "new.json"
        children = [_start(before, code, paths, old_out), _start(ROOT / "src", code, paths, new_out)]
        if any(child.wait() for child in children):
            print("a child run failed", file=sys.stderr)
            return None
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (old_out, new_out))
    return old, new


def compare(description: str, sets: dict[str, Path], code: str) -> tuple[Any, Any] | None:
    """A diff script's command line (`--before SRC`, `--sets NAME ...` of `sets`), then
    `run_both` over the chosen sets' paths."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--before", type=Path, required=True, help="the old tree's src directory")
    parser.add_argument("--sets", nargs="+", choices=sorted(sets), default=sorted(sets))
    args = parser.parse_args()
    return run_both(args.before, code, [sets[name] for name in args.sets])


def _start(src: Path, code: str, paths: list[Path], out: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
    return subprocess.Popen([sys.executable, "-c", code, str(out), *map(str, paths)], env=env)
