"""Sentences that cannot stand alone: an attribution, a quote cut at its close, a pronoun
start, an unfinished sentence (a list's lead-in), a heading.

The summarizer (`storyline.summarize`) avoids them. The readability measure
(`storyline.evaluate`) counts an attribution or a cut quote with these tests, and keeps
its own rules for the other kinds, so it checks the selection rather than repeating it.
"""

from __future__ import annotations

import re
import unicodedata

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
_OPEN_END = frozenset(",;:-–—_")  # a list's lead-in ("... is urging automakers to:"), a cut clause
_CASED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "DIGIT")
_HEADING_MAX_WORDS = 12


def is_attribution_or_cut_quote(text: str) -> bool:
    """An attribution alone ("he said.") or a quote cut at its close."""
    return bool(_ATTRIBUTION.match(text) or _CLOSING_QUOTE_START.match(text))


def is_unfinished(text: str) -> bool:
    """The sentence stops where no sentence ends: on a colon that opens a list ("The rules
    require:"), a comma, semicolon or dash, or on a word of a script that ends sentences
    with a mark (Latin, Greek, Cyrillic), as a line broken mid-sentence or a headline does.

    Scripts that may end a sentence without a mark (Thai) or with their own (Chinese 。,
    Hindi ।) are left alone; so is a sentence ending in a closing quote or bracket.
    """
    end = text.rstrip()[-1:]
    if not end:
        return False
    if end in _OPEN_END:
        return True
    return end.isalnum() and unicodedata.name(end, "").startswith(_CASED_SCRIPTS)


def is_heading(text: str) -> bool:
    """A short line in capitals ("WHAT THE BILL WOULD DO"): a heading, not a sentence."""
    letters = [c for c in text if c.isalpha()]
    words = _WORD.findall(text)
    return len(letters) >= 6 and 2 <= len(words) <= _HEADING_MAX_WORDS and all(c.isupper() for c in letters)


HEADLINE_SMALL_WORDS = frozenset("a an the of to in on at for and or but by with from as vs via".split())
"""Words a title-case headline leaves in lower case."""


def is_title_case(text: str) -> bool:
    """A headline set in title case inside a report ("Japan Marks Subway Nerve Gas Attack",
    a digest's next item): three to twenty words, no stop at the end, and every word
    capitalised but the small ones (`is_heading` is the one in capitals). A tagger takes
    such capitals for names; a sentence ("Clinton met Yeltsin in Moscow.") is not one."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    if not 3 <= len(words) <= 20 or text.rstrip()[-1:] in '.!?:;,"”':
        return False
    content = [w for w in words if w.lower() not in HEADLINE_SMALL_WORDS]
    return (
        len(content) >= 3 and all(w[:1].isupper() for w in content) and not all(w.isupper() for w in content)
    )


# A connective ties the sentence to the one before it: "But those problems are minuscule ...",
# "In addition, ...". The words that also open sentences that read alone ("Still photographs
# ...", "Instead of raising taxes ...", "In addition to its plants ...") count only before a
# comma; none counts before a hyphen ("Then-President", "Still-unidentified gunmen").
_CONNECTIVE = re.compile(
    r"^\W*(?:"
    r"(?:but|and|nor|then|meanwhile|moreover|furthermore|nevertheless|nonetheless)\b(?!-)"
    r"|also\b(?![-\s]+known\b)(?!-)"
    r"|however\b(?!\s+(?:many|much|long|far)\b)(?!-)"
    r"|(?:still|yet|instead|besides|otherwise|likewise|similarly|consequently|therefore|thus|hence|earlier|later"
    r"|again|in\s+addition|as\s+a\s+result|at\s+the\s+same\s+time|by\s+contrast|in\s+contrast"
    r"|on\s+the\s+other\s+hand|even\s+so|even\s+then|in\s+response|despite\s+(?:this|that)|after\s+that"
    r"|for\s+(?:his|her|their|its)\s+part),"
    r")",
    re.IGNORECASE,
)


def starts_with_connective(text: str) -> bool:
    """The sentence opens with a connective ("But ...", "In addition, ...")."""
    return _CONNECTIVE.match(text) is not None


def starts_with_pronoun(text: str) -> bool:
    """The sentence's first word is a personal pronoun (he, she, they, ...)."""
    match = _WORD.search(text)
    return match is not None and match.group(0).lower() in _PRONOUNS
