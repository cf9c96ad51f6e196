"""Word lists the analyses read, kept as data files in `analyze/data/`."""

from __future__ import annotations

import re
import unicodedata
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


def ascii_fold(text: str) -> str:
    """`text` without accents or other marks, in ASCII ("Côte" -> "Cote", "Şükrü" -> "Sukru")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def name_key(name: str) -> str:
    """A name folded for `known_names`: lower case, no accents, dots, commas, hyphens,
    apostrophes or possessive "'s", no leading "the" ("The U.S." -> "us", "G-20" -> "g20",
    "Côte d’Ivoire" -> "cote divoire")."""
    folded = name.lower().replace("’", "'")
    folded = ascii_fold(folded)
    folded = re.sub(r"'s\b", "", folded)  # "People's Republic": mentions drop the "'s"
    key = " ".join(re.sub(r"[.,'\-]", "", folded).split())
    return key.removeprefix("the ")


@cache
def known_names() -> dict[str, int]:
    """The forms of `analyze/data/known_names.txt` (one place or body a line, its forms
    separated by " | "), each folded by `name_key` to the number of its line; a form that
    ends with a dot ("Wyo.", "Va.") keeps it in its key ("wyo."), so that only a name written
    with the dot matches it, never "VA" of Veterans Affairs or a surname "Ky"."""
    text = (
        resources.files("storyline.analyze").joinpath("data", "known_names.txt").read_text(encoding="utf-8")
    )
    forms: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()):
        line = line.split("#", 1)[0]
        for form in line.split("|"):
            if key := name_key(form):
                forms[key + "." if form.strip().endswith(".") else key] = number
    return forms
