"""Writing-system (script) detection, to tell a Cyrillic site header from English text."""

from __future__ import annotations

import re
from collections import Counter

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "greek": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
}


def script_counts(text: str) -> Counter[str]:
    """Count the letters of `text` in each script."""
    counts: Counter[str] = Counter()
    if text.isascii():  # no other script has an ASCII letter: one search, not twelve
        n = len(_SCRIPTS["latin"].findall(text))
        if n:
            counts["latin"] = n
        return counts
    for name, pattern in _SCRIPTS.items():
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    return counts


def dominant_script(text: str) -> str | None:
    """Return the script most letters of `text` are written in, or None if it has none."""
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None
