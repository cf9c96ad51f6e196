"""Readability counts over extractive summaries (issue 15): what a reader trips on.

Three kinds of sentence are counted, each by a plain rule (so counts can be compared
across systems in one run, not taken as exact):

- a **fragment**: an attribution alone ("he said.", "Smith added."), a sentence of
  fewer than four words, a quote cut at its close (it starts with a closing quote
  and a space: "'' he said", not DUC's opening "''He said"), a sentence that stops
  where none ends (on a colon that opens a list, a comma or dash, or on an ASCII letter
  or digit: a line broken mid-sentence, a headline), a heading in capitals, or a list
  item that still carries its marker ("-- ", "--Item", "_ ", "* ", "• ");
- a **wire credit**: a dateline or agency credit left at the start ("BERLIN (AP) _",
  "BEIJING, March 3 (Xinhua) --", "washington ( ap ) --"), or a credit anywhere
  ("(AP)", "Associated Press writer", "copyright");
- an **unresolved pronoun start**: the sentence opens with a personal pronoun (he, she,
  they and their other forms) and no earlier summary sentence comes from an earlier
  place in the same document, so whoever the pronoun names is not in the summary.
  Without the documents (`positions` not given), only the first summary sentence counts;
- an **unresolved connective start**: the sentence opens with a connective ("But ...",
  "In addition, ...") and the sentence before it in its document is not earlier in the
  summary, so what it answers or adds to is missing (only the first sentence counts
  without the documents);
- a **quote left open**: the sentence opens a quotation it does not close (a curly
  opening mark after its last closing one, or an odd number of straight marks whose last
  stands before a word), and none of the next six summary sentences closes one.

A sentence that starts on a comma or semicolon (a line broken inside a sentence) is a
fragment too.

The last sentence of a summary cut at the budget is not tested for length.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storyline.text import is_attribution_or_cut_quote, starts_with_connective, starts_with_pronoun

_WORD = re.compile(r"\w+", re.UNICODE)
_DATELINE = re.compile(
    r"""^\s*[\W_]*(
        [A-Z][A-Za-z.'’-]+(\s+[A-Za-z.'’-]+){0,3}(,\s*[A-Za-z.'’-]+(\s+[A-Za-z.'’-]+){0,2})?  # PLACE, Region
        (,?\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?                                              # , March 3
        \s*\(\s*[^()]{2,40}\s*\)\s*(--|[-–—_:])                                        # (AP) --
      | [A-Z][A-Z.'’-]{2,}(\s+[A-Z][A-Z.'’-]+){0,3}(,\s*[A-Z][\w.]+(\s+[A-Z][\w.]+){0,2})?  # BERLIN, Ga.
        (,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(--|[-–—_])\s                           # _ / --
    )""",
    re.VERBOSE,
)
_CREDIT = re.compile(
    r"""\(\s*(ap|afp|upi|reuters|xinhua|nyt|dpa|cnn)\s*\)
      | associated\s+press\s+writer | staff\s+writer | \bcopyright\b | all\s+rights\s+reserved
      | ^\s*by\s+[A-Z]+(\s+[A-Z.]+){1,3}\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


# The measure's own tests for these kinds (not the summarizer's: it checks the selection).
_STOPS_OPEN = re.compile(r"[,;:\-–—_A-Za-z0-9]\s*$")
_LIST_MARKER = re.compile(r"^\s*(--+\s*|[_*•·▪‣►]\s+|-\s+|[*•](?=[A-Za-z]))(?=[\w“\"'‘`$(])")
_LOWER = re.compile(r"[a-z]")
_CUT_START = re.compile(r"^\s*[,;]")
_QUOTE_LOOKAHEAD = 6
_OPENING_MARK = re.compile(r'(?:^|(?<=[\s(\[:]))"(?=\w)')
_CLOSING_MARK = re.compile(r'”|(?<=\S)"(?=\s|$)')
_UPPER_WORD = re.compile(r"\b[A-Z]{2,}")


def is_fragment(sentence: str) -> bool:
    """An attribution alone, under four words, a quote cut at its close, an unfinished
    sentence, a heading in capitals or a list item with its marker."""
    words = _WORD.findall(sentence)
    if len(words) < 4:
        return True
    if _STOPS_OPEN.search(sentence) or _LIST_MARKER.match(sentence) or _CUT_START.match(sentence):
        return True
    if len(words) <= 12 and not _LOWER.search(sentence) and _UPPER_WORD.search(sentence):
        return True  # a heading: no small letter in a short line of capitals
    return is_attribution_or_cut_quote(sentence)


def leaves_quote_open(sentence: str) -> bool:
    """A quotation opened in the sentence and not closed in it."""
    if "“" in sentence:
        return sentence.rfind("“") > sentence.rfind("”")
    last = sentence.rfind('"')
    return sentence.count('"') % 2 == 1 and bool(_OPENING_MARK.match(sentence, last))


def has_wire_credit(sentence: str) -> bool:
    """A dateline or agency credit at the start, or a credit line anywhere."""
    return bool(_DATELINE.match(sentence) or _CREDIT.search(sentence))


@dataclass
class Readability:
    """Counts of each kind over summaries, and the sentences they were counted over."""

    summaries: int = 0
    sentences: int = 0
    fragments: int = 0
    wire_credits: int = 0
    unresolved_pronouns: int = 0
    unresolved_connectives: int = 0
    open_quotes: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self,
        summary: Sequence[str],
        *,
        cut: bool = False,
        positions: Mapping[str, tuple[int, int]] | None = None,
        keep_examples: int = 3,
    ) -> None:
        """Count one summary (its sentences in reading order). `cut`: its last sentence was
        shortened to fit the budget. `positions` maps a sentence text to (document, position)."""
        self.summaries += 1
        self.sentences += len(summary)
        seen: list[tuple[int, int] | None] = []
        for k, sentence in enumerate(summary):
            last_cut = cut and k == len(summary) - 1
            place = positions.get(sentence) if positions is not None else None
            if not last_cut and is_fragment(sentence):
                self._hit("fragments", sentence, keep_examples)
            if has_wire_credit(sentence):
                self._hit("wire_credits", sentence, keep_examples)
            if starts_with_pronoun(sentence):
                if place is None:
                    resolved = k > 0  # no documents to look in: only the opening sentence counts
                else:
                    resolved = any(p is not None and p[0] == place[0] and p[1] < place[1] for p in seen)
                if not resolved:
                    self._hit("unresolved_pronouns", sentence, keep_examples)
            if starts_with_connective(sentence):
                resolved = k > 0 if place is None else (place[0], place[1] - 1) in seen
                if not resolved:
                    self._hit("unresolved_connectives", sentence, keep_examples)
            if leaves_quote_open(sentence):
                after = summary[k + 1 : k + 1 + _QUOTE_LOOKAHEAD]
                if not any(_CLOSING_MARK.search(later) for later in after):
                    self._hit("open_quotes", sentence, keep_examples)
            seen.append(place)

    def _hit(self, kind: str, sentence: str, keep: int) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        examples = self.examples.setdefault(kind, [])
        if len(examples) < keep:
            examples.append(sentence[:160])

    def as_dict(self) -> dict[str, int]:
        return {
            "summaries": self.summaries,
            "sentences": self.sentences,
            "fragments": self.fragments,
            "wire_credits": self.wire_credits,
            "unresolved_pronouns": self.unresolved_pronouns,
            "unresolved_connectives": self.unresolved_connectives,
            "open_quotes": self.open_quotes,
        }
