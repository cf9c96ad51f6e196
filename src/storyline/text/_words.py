"""Content words: the cheap lexical test behind "these two sentences state the same fact"."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    """a about after all also an and any are as at be because been before being but by can could did
    do does for from had has have he her him his how i if in into is it its just more most my no not
    now of on one only or other our out over said says so some such than that the their them then
    there these they this those through to up us very was we were what when where which while who
    will with would you your""".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased content words cut to five letters (a cheap stem: "evacuated" ~ "evacuation")."""
    return {w[:5] for w in WORD.findall(text.lower()) if w not in STOPWORDS}


def overlap(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Share of the smaller set's words found in the other (overlap coefficient)."""
    return len(a & b) / max(min(len(a), len(b)), 1)
