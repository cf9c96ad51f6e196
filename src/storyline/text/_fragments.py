"""Sentences that cannot stand alone: an attribution, a quote cut at its close, a pronoun start.

The summarizer (`storyline.summarize`, which avoids them) and the readability measure
(`storyline.evaluate`, which counts them) share these tests, so what is measured is what is
avoided.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
_PRONOUNS = frozenset("he she him his her hers they them their theirs".split())
_ATTRIBUTION = re.compile(
    r"""^[\W_]*(
        (he|she|they|i|we|it|officials?|police|authorities|[A-Za-z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})
        \s+(said|says|added|adds|told\s+\w+(\s+\w+)?|wrote|writes|noted|explained|stated)
      | (said|says|added|adds|wrote|writes|noted)\s+(\w[\w.'’-]*)(\s+\w[\w.'’-]*){0,3}
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CLOSING_QUOTE_START = re.compile(r"^\s*(''|[\"'’”])(\s|$)")  # '' he said: not ''He said


def is_attribution_or_cut_quote(text: str) -> bool:
    """An attribution alone ("he said.") or a quote cut at its close."""
    return bool(_ATTRIBUTION.match(text) or _CLOSING_QUOTE_START.match(text))


def starts_with_pronoun(text: str) -> bool:
    """The sentence's first word is a personal pronoun (he, she, they, ...)."""
    match = _WORD.search(text)
    return match is not None and match.group(0).lower() in _PRONOUNS
