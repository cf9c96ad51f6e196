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


@cache
def word_pairs(name: str) -> dict[str, str]:
    """The pairs of `analyze/data/<name>.txt`, first word to second: two words a line."""
    pairs = {}
    for line in lexicon(name):
        words = line.split()
        if len(words) == 2:
            pairs[words[0]] = words[1]
    return pairs
