"""A report's headline is the same in every process (no set order in the choice)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kessport-fire"


def _headline(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "report", str(EXAMPLE), "--format", "md"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[0]


def test_the_headline_does_not_depend_on_string_hashing() -> None:
    # Reports of the example tie for the most summary sentences; with a set's order
    # deciding, seed 1 gave "Kessport plant workers smelled ammonia ..." and seed 2
    # "Kessport counts the cost ...".
    assert _headline("1") == _headline("2") == _headline("3")
