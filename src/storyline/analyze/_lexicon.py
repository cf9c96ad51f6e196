"""Word lists the analyses read, kept as data files in `analyze/data/`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lexicon(name: str) -> frozenset[str]:
    """The words of `analyze/data/<name>.txt`: one a line, lower case, '#' comments."""
    text = resources.files("storyline.analyze").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(word for word in words if word)
