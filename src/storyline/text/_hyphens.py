"""Hyphens that an archive wrote with spaces around them.

Some archives tokenized their text before sharing it: every hyphen stands apart from its
words ("Strauss - Kahn", "co - founder", "a 39 - year - old"), while the same texts write a
dash the same way ("The iMac - and to a lesser extent the G3 - have pushed"). Left as they
are, a name is two names and every summary or timeline line shows the gap.

Two decisions, both from the text alone:
- **Does this text space its hyphens?** Only if no hyphen in it joins two letters, and one
  spaced hyphen is one that no dash is ("co - founder", "Paris - based", "39 - year"), or
  two are ones a dash seldom is ("well - known", "ex - wife"), or one name is written
  "A - B" twice. Ordinary text with a dash or two (" - " between clauses, and no hyphenated
  word) is left as it is: "empty - like a ghost town", "the second half - traders".
- **Which spaced hyphens join?** In such a text, all of them but those that read as a
  dash: beside a function word ("systems - have", "iMac - and"), or before a particle
  that opens a clause ("case - in which"). Function words inside a chain join
  ("mother - in - law", "up - to - date").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A hyphen that joins two letters: text with one of these writes its hyphens as hyphens.
_LETTER_HYPHEN = re.compile(r"[^\W\d_]-[^\W\d_]")
# Spaced hyphens no dash could be: a prefix that is never a word alone ("co - founder"), a
# compound's end that is never a word alone after a noun ("Paris - based"; not before "by"
# or "as": "a study - led by" is a dash), a count's unit ("39 - year - old", "first - time",
# "long - term"), or a chain ("mother - in - law"). Words that are also words alone ("well",
# "half", "like", "time") take a dash after or before them in ordinary text.
_NUMBER = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|hundred|first|second|third|last|full|part|long|short"
)
_SURE_SPACED = re.compile(
    r"(?i)\b(?:co|non|anti|pre|vice|multi|semi|mid|self|inter|sub|counter) - "
    r"(?!(?:and|but|or|the|a|an|to|of|in|is|was|which|who|it|he|she|they)\b)[^\W\d_]"
    r"|[^\W\d_] - (?:based|led|owned|style|made|related|backed)\b"
    r"(?! (?:by|as|in|to|for|with|on|at|from)\b)"
    rf"|\b(?:{_NUMBER}) - (?:year|month|week|day|hour|minute|time|term|old|mile|point|man|seat|game|page)s?\b"
    r"|\b(?:in - law|to - date|to - face|of - the - art|and - a - half)\b"
)
_SPACED = re.compile(
    r"(?i)\b(?:co|self|non|anti|ex|pre|re|vice|multi|well|pro|post|mid|semi|half) - [^\W\d_]"
    r"|[^\W\d_] - (?:based|led|owned|like|old|year|month|week|day|hour|minute|time|term|level|style|made"
    r"|related|backed|law|known)\b"
    r"(?! (?:by|as|in|to|for|with|on|at|from)\b)"  # "a study - led by", "head - known as": dashes
)
# Spaced hyphens a dash could also be ("well - known" / "as well - but"): two of them, at
# two places, say as much as one of the above.
_LIKELY_SPACED = re.compile(
    r"(?i)\b(?:ex|re|well|pro|post|half|so|all) - "
    r"(?!(?:and|but|or|the|a|an|to|of|in|is|was|which|who)\b)[^\W\d_]"
    r"|[^\W\d_] - (?:like|old|year|month|week|day|time|term|level|law|known|up|off|out|over)\b"
    r"(?! (?:by|as|in|to|for|with|on|at|from|the|a|an|this|that|his|her|their|its)\b)"
)
_SPACED = re.compile(r"(?<=[^\W_]) - (?=[^\W_])")
_WORD_EDGE = re.compile(r"^\W+|\W+$")

# Words that stand beside a dash, seldom inside a compound.
_FUNCTION = frozenset(
    """a an the this that these those which who whom whose what when where while whether
    and but or nor yet because although though if unless as than
    is was are were be been being am has have had do does did will would can could should
    may might must shall not no it its he she they we i you his her their our my your him
    them us me of to for with at from about into onto upon among between against during
    after before since until without within also even just only including such there
    here says said how why both either neither each something someone nothing everything
    anything still already almost perhaps often never indeed however instead especially""".split()
)
# Function words that do start compounds ("then - CEO", "so - called", "by - election").
_COMPOUND_LEFT = frozenset({"so", "then", "by", "non", "all", "after"})
# A particle after a word ends a compound ("run - up", "sit - in", "stand - off") unless
# a clause follows it ("the case - in which", "Apple - on the other hand").
_PARTICLES = frozenset({"up", "out", "off", "in", "on", "down", "over", "back", "away", "by"})
_CLAUSE_AFTER_PARTICLE = frozenset(
    "a an the this that these those which his her its their our my your some any all what whom".split()
)


# Two capitalized words either side of a spaced hyphen: a name when written so twice.
_CAPITALIZED_PAIR = re.compile(r"\b([A-Z][a-z][^\W\d_]*) - ([A-Z][a-z][^\W\d_]*)\b")  # not "LIVE - Election"
# Prefixes that join a capitalized word ("pro - Western", "al - Qaida", "mid - May").
_PREFIXES = frozenset(
    "pro anti non ex mid post pre un trans all super neo pan inter al el ul ibn bin abu".split()
)


def spaces_hyphens(text: str) -> bool:
    """Whether `text` writes its hyphens with spaces around them (an archive's tokens)."""
    if " - " not in text or _LETTER_HYPHEN.search(text) is not None:
        return False
    if _SURE_SPACED.search(text) is not None:
        return True
    if len({m.group().lower() for m in _LIKELY_SPACED.finditer(text)}) >= 2:
        return True
    pairs = [m.groups() for m in _CAPITALIZED_PAIR.finditer(text)]
    return len(pairs) > len(set(pairs))  # "Strauss - Kahn" twice


def may_space_hyphens(text: str) -> bool:
    """Whether `text` could be of that kind: a spaced mark, and no hyphen joins two letters."""
    return " - " in text and _LETTER_HYPHEN.search(text) is None


def spaces_hyphens_in(texts: Sequence[str]) -> list[bool]:
    """`spaces_hyphens` for each of a cluster's reports, where a report too short to show it
    follows the others: when at least two reports space their hyphens, and at least half of
    those that could (`may_space_hyphens`) do, every report that could is taken too. The
    reports of one cluster mostly come from one archive."""
    own = [spaces_hyphens(t) for t in texts]
    could = [may_space_hyphens(t) for t in texts]
    taken = sum(own)
    if taken >= 2 and 2 * taken >= sum(could):
        return [o or c for o, c in zip(own, could, strict=True)]
    return own


def hyphens_to_join(line: str) -> list[int]:
    """Offsets, in `line`, of the spaced hyphens that join two words (see the module).

    Call it only for a text that `spaces_hyphens`.
    """
    marks = [m.start() + 1 for m in _SPACED.finditer(line)]
    if not marks:
        return []
    words = line.split(" ")
    # Map each mark to its word index: a mark is a word "-" with words either side.
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word) + 1
    index = {start: i for i, start in enumerate(starts)}
    joined: list[int] = []
    aside = False  # a dash opened an aside ("Jobs - and his friend - met"): the next may close it
    for mark in marks:
        i = index.get(mark)
        if i is None or i == 0 or i == len(words) - 1:
            continue
        verdict = _verdict(words, i)
        if verdict is _OPENS:
            aside = True
        elif verdict is _JOINS or (verdict is _MAY_JOIN and not aside):
            joined.append(mark)
        elif verdict is _MAY_JOIN:
            aside = False  # "... his friend - met": the aside's close
    return joined


def _bare(word: str) -> str:
    return _WORD_EDGE.sub("", word)


def _in_chain(words: list[str], i: int) -> bool:
    """Whether the word at `i` has a spaced hyphen on both sides ("in" of "in - law" in
    "mother - in - law")."""
    return 0 < i < len(words) - 1 and words[i - 1] == "-" and words[i + 1] == "-"


# What a spaced hyphen is, by its neighbours: a dash, a dash that opens an aside (a
# function word after it), a hyphen for sure, or a hyphen unless it closes an aside.
_DASH, _OPENS, _JOINS, _MAY_JOIN = object(), object(), object(), object()


def _verdict(words: list[str], i: int) -> object:
    """What the spaced hyphen `words[i]` between `words[i - 1]` and `words[i + 1]` is."""
    left_word, right_word = words[i - 1], words[i + 1]
    if not left_word[-1:].isalnum() or not right_word[:1].isalnum():
        return _DASH
    left, right = _bare(left_word).lower(), _bare(right_word).lower()
    chain_left = i >= 2 and _in_chain(words, i - 1)  # "in" of "in - law" is words[i - 1]
    chain_right = _in_chain(words, i + 1)
    if left in _FUNCTION and left not in _COMPOUND_LEFT and not chain_left:
        return _DASH
    if right in _FUNCTION and not chain_right:
        return _OPENS  # "company - Enron - style - and tipping off": a chain ends before "and"
    if chain_left or chain_right:
        return _JOINS  # "mother - in - law", "39 - year - old"
    if left in _PREFIXES or left in _COMPOUND_LEFT:
        return _JOINS  # "pro - Western", "so - called"
    if left_word[:1].islower() and right_word[:1].isupper():
        return _DASH  # "much further - NTT in Japan", "iMovie - Apple's editor"
    if right in _PARTICLES:
        after = _bare(words[i + 2]).lower() if i + 2 < len(words) else ""
        return _OPENS if after in _CLAUSE_AFTER_PARTICLE else _JOINS  # "run - up", "case - in which"
    if (left_word[:1].isupper() and right_word[:1].isupper()) or left[-1:].isdigit() or right[:1].isdigit():
        return _JOINS  # "Strauss - Kahn", "1998 - 2001", "10 - year"
    pair = f"{left_word} - {right_word}"
    if _SURE_SPACED.search(pair) or _LIKELY_SPACED.search(pair):
        return _JOINS
    return _MAY_JOIN


def join_spaced_hyphens(line: str) -> str:
    """`line` with the spaced hyphens `hyphens_to_join` finds written as hyphens."""
    marks = hyphens_to_join(line)
    if not marks:
        return line
    out, at = [], 0
    for mark in marks:
        out.append(line[at : mark - 1])
        out.append("-")
        at = mark + 2
    out.append(line[at:])
    return "".join(out)
