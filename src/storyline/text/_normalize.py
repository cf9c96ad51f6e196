"""Unicode repair and whitespace normalisation, before any other stage looks at text."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

import ftfy

from storyline.text._hyphens import join_spaced_hyphens, spaces_hyphens

_MULTINEWS_NEWLINE = "NEWLINE_CHAR"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_AS_SPACE = {c: " " for c in [0x09, 0xA0, *range(0x2000, 0x200C), 0x202F, 0x205F, 0x3000]}
_BLANK_RUNS = re.compile(r"\n{3,}")
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")
# ftfy is linear but not cheap; past this size we only fix what is cheap to fix.
_FTFY_MAX_CHARS = 2_000_000


_LINE_BREAK = re.compile(r"\r\n|\r|\n|" + _MULTINEWS_NEWLINE)
# Lines longer than this that ftfy changed map as one edit rather than through difflib.
_ALIGN_MAX_CHARS = 5_000
_MIN_TRUSTED_MATCH = 3


@dataclass(frozen=True, slots=True)
class Piece:
    """A paragraph (or line) of clean text and where it came from in the given text.

    `runs` are consecutive `(clean_length, given_length)` runs (see `OffsetMap`) that
    turn `given[start:end]` into `text`.
    """

    text: str
    start: int
    end: int
    runs: tuple[tuple[int, int], ...]

    def without_prefix(self, n_chars: int) -> Piece:
        """The piece less its first `n_chars` clean characters (an edit cut into stays whole)."""
        if n_chars <= 0:
            return self
        runs = list(self.runs)
        start, left = self.start, n_chars
        while runs and left >= runs[0][0]:
            n_clean, n_given = runs.pop(0)
            left -= n_clean
            start += n_given
        if runs and left > 0:
            n_clean, n_given = runs[0]
            if n_clean == n_given:
                runs[0] = (n_clean - left, n_given - left)
                start += left
            else:
                runs[0] = (n_clean - left, n_given)
        return Piece(self.text[n_chars:], start, self.end, tuple(runs))

    def before(self, n_chars: int) -> Piece | None:
        """The piece's first `n_chars` clean characters, its given extent cut to match;
        None where the cut would fall inside an edit (a repaired character)."""
        split = _split_runs(self.runs, n_chars)
        if split is None:
            return None
        return Piece(self.text[:n_chars], self.start, self.start + split[2], split[0])

    def after(self, n_chars: int) -> Piece | None:
        """The piece from clean character `n_chars` on, its given extent cut to match;
        None where the cut would fall inside an edit."""
        split = _split_runs(self.runs, n_chars)
        if split is None:
            return None
        return Piece(self.text[n_chars:], self.start + split[2], self.end, split[1])

    def prefix_end(self, n_chars: int) -> int:
        """The given-text offset where the first `n_chars` clean characters end."""
        return self.without_prefix(n_chars).start if n_chars < len(self.text) else self.end


Runs = tuple[tuple[int, int], ...]


def _split_runs(runs: Runs, at: int) -> tuple[Runs, Runs, int] | None:
    """`runs` split at clean offset `at`: the runs before, the runs after, and the given
    length the runs before cover (deletions at `at` go before). None when `at` falls
    strictly inside an edit run."""
    clean = given = 0
    for i, (n_clean, n_given) in enumerate(runs):
        if clean + n_clean <= at:
            clean, given = clean + n_clean, given + n_given
            continue
        if clean == at:
            return runs[:i], runs[i:], given
        if n_clean != n_given:
            return None
        k = at - clean
        return (*runs[:i], (k, k)), ((n_clean - k, n_clean - k), *runs[i + 1 :]), given + k
    return runs, (), given


def fix_line(line: str) -> str:
    """Repair one line: mojibake and odd characters, spaces folded, ends stripped."""
    plain = _normalize_line(line.replace("\ufeff", "").replace("\x00", ""))
    fixed = strip_link_markup(_fix_lines([plain])[0])
    return curl_wire_quotes(fixed) if wire_quoted(fixed) else fixed


_WIRE_CLOSE = re.compile(r"''(?!')")
# Two apostrophes not followed by a third: in a nested quote the single mark closes first.
_WIRE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—-]))''(?=[^\s',.;:!?)])")
# Two apostrophes that open a quote, in archives that write both marks so ("''We have a lot
# of needs,'' said the teacher"): at a line's start or after a space, before a word.


def wire_quoted(text: str) -> bool:
    """Whether a text writes its quotes as wire archives do: ``like this'' or ''like this''."""
    return "``" in text or ("''" in text and _WIRE_OPEN.search(text) is not None)


def curl_wire_quotes(line: str) -> str:
    """Wire archives (AP, NYT and Xinhua as LDC and NIST distribute them) write a quote
    as ``like this'' (some NYT copy as ''like this''): call this only for a text that
    does (`wire_quoted`). Two backquotes, or two apostrophes before a word at a line's
    start or after a space, become an opening mark and other two apostrophes a closing one, so the quote
    finder, the sentence splitter and the parser read them as the marks they stand for;
    " _ " becomes a dash."""
    if "``" in line or "''" in line:
        line = _WIRE_CLOSE.sub("”", _WIRE_OPEN.sub("“", line.replace("``", "“")))
    # The same archives write a dash as " _ " ("the suit _ that Microsoft ..."): one
    # character for one, so offsets stay where they are.
    return line.replace(" _ ", " — ") if " _ " in line else line


# "[Sergey Lavrov](#)", "[the ministry](http://...)": Markdown links left by a scraper.
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,2000}\)")
# "[[Damascus]]", "[[Hamad bin Jassim|Hamad]]": wiki links; the text shown is the last part.
# Not after a word or a bracket, and shown text that starts with a letter: "x[[0]]" and
# "df[['price']]" are code.
_WIKI_LINK = re.compile(r"(?<![\w\])])\[\[(?:[^\[\]|\n'\"]{1,300}\|)?([^\W\d_][^\[\]|\n'\"]{0,299})\]\]")


def strip_link_markup(line: str) -> str:
    """Keep the text of Markdown and wiki links a scraper left in a page, drop their
    targets and brackets."""
    if "[[" in line:
        line = _WIKI_LINK.sub(r"\1", line)
    if "](" not in line:
        return line
    while True:
        stripped = _MD_LINK.sub(r"\1", line)
        if stripped == line:
            return line
        line = stripped


# Mojibake that an archive's tokenizer then split, so ftfy cannot see it. UTF-8 read as
# Windows-1252 turns "’" (E2 80 99) into "â€™" and "é" (C3 A9) into "Ã©"; the tokenizer
# then wrote "Abbottâ€ ™ s", "workerâ€ �", "DauphinÃ ©", or broke the line inside the
# sequence ("â€\n™"). What completes a sequence is a byte 0x80-0xBF read as cp1252, or as
# latin-1 (a C1 control); `_completes` says which characters may.
_LEADS = ("â€", "Ã")  # General Punctuation (quotes, dashes, "…", "•"); Latin-1 letters
# An apostrophe inside a word, spaces set around it: "donâ€ ™ t", "Abbottâ€ ™ s", and after a
# one-letter prefix before a name, "Oâ€ ™ Reilly". Not "workersâ€ ™ rights", where the space
# after it is the writer's.
_SPLIT_APOSTROPHE = re.compile(
    r"(?:(?<=\w)â€\s*™\s+(?=(?:s|t|re|m|ve|ll|d)\b)|(?<=(?<!\w)[A-Z])â€\s*™\s+(?=[A-Z][a-z]))"
)
# A line that ends in such an apostrophe, and what of the next line is the rest of its word.
_APOSTROPHE_AT_END = re.compile(r"(?<=\w)â€\s*™$")
_ONE_LETTER_AT_END = re.compile(r"(?<!\w)[A-Z]â€\s*™$")
_SPLIT_MOJIBAKE = re.compile(r"(â€|Ã)\s+(\S)")
# What may complete a sequence at the start of the next line: its first character (and after
# an apostrophe, "Abbottâ€" / "™ s plans", the rest of the word: `_apostrophe_rest`).
_FIRST_CHARACTER = re.compile(r"[ \t\u00a0]*(\S)")


def _tail_byte(char: str) -> int | None:
    """The byte 0x80-0xBF that `char` stands for as a sequence's last character: cp1252's
    reading, a C1 control (latin-1's), or U+FFFD for a byte cp1252 leaves undefined (after
    "â€" the likely one is 0x9D, the closing "”"); None for any other character."""
    if char == "\ufffd":
        return 0x9D
    if "\x80" <= char <= "\x9f":
        return ord(char)
    try:
        data = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return data[0] if len(data) == 1 and 0x80 <= data[0] <= 0xBF and data[0] != 0xA0 else None


def _completing_byte(lead: str, char: str, before: str) -> int | None:
    """The byte `char` stands for where it completes the sequence `lead` opens (`before` the
    character before the lead), else None. Not a no-break space ("Ã " is "à", its second byte
    lost to a space, which ftfy repairs as it is); not U+FFFD after "Ã" (five letters share
    it). After "Ã", not punctuation when a capital comes before: that is a word in capitals
    with its own "Ã" ("ĐÃ “xong”", "IRMÃ — "), not "é" set apart. After "â€", not a
    character that would decode to an invisible one (U+2028, U+200B...)."""
    byte = _tail_byte(char)
    if byte is None:
        return None
    if lead == "Ã":
        capitals_own = before.isupper() and (unicodedata.category(char)[0] == "P" or char in "ºª°")
        return None if char == "\ufffd" or capitals_own else byte
    invisible = unicodedata.category(bytes([0xE2, 0x80, byte]).decode("utf-8")) in ("Cf", "Zl", "Zp")
    return None if invisible else byte


def _joined(match: re.Match[str]) -> str:
    lead, char = match.group(1), match.group(2)
    before = match.string[match.start() - 1] if match.start() else ""
    return lead + char if _completing_byte(lead, char, before) is not None else match.group()


_CONTRACTION = re.compile(r"[ \t\u00a0]*(?:s|t|re|m|ve|ll|d)\b")
_NAME_AFTER = re.compile(r"[ \t\u00a0]*[A-Z][a-z]+")


def has_split_mojibake(text: str) -> bool:
    """Whether `text` may hold mojibake a tokenizer split (a cheap scan for its starts)."""
    return any(lead in text for lead in _LEADS)


def _across_lines(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line bounds, where a line break that falls inside a sequence ("â€" / "™ s") or inside
    the word an apostrophe splits ("Oâ€ ™" / "Reilly said") is not one: the line takes the
    next line whole (one line fewer). The archive's tokenizer broke the line, not its
    writer; the given text of each line still repairs to that line's clean text."""
    out = []
    i = 0
    while i < len(bounds):
        start, end = bounds[i]
        j = i + 1
        while j < len(bounds) and _continues(text[start:end].rstrip(), text, *bounds[j]):
            end = bounds[j][1]
            j += 1
        out.append((start, end))
        i = j
    return out


def _continues(line: str, text: str, start: int, end: int) -> bool:
    """Whether the line `text[start:end]` goes on with the word or sequence that `line` cut."""
    if line.endswith(_LEADS):
        lead = "â€" if line.endswith("â€") else "Ã"
        first = _FIRST_CHARACTER.match(text, start, end)
        return (
            first is not None and _completing_byte(lead, first.group(1), line[: -len(lead)][-1:]) is not None
        )
    return line.endswith("™") and _apostrophe_rest(line, text, start, end) is not None


def _apostrophe_rest(line: str, text: str, at: int, end: int) -> int | None:
    """Where the rest of the word after a split apostrophe that ends `line` ends on the next
    line ("donâ€ ™" / "t know", "Oâ€ ™" / "Reilly said"), or None."""
    if _APOSTROPHE_AT_END.search(line) is None:
        return None
    one_letter = _ONE_LETTER_AT_END.search(line) is not None  # "Oâ€ ™": a name goes on
    word = _CONTRACTION.match(text, at, end) or (_NAME_AFTER.match(text, at, end) if one_letter else None)
    return word.end() if word else None


def join_split_mojibake(lines: list[str]) -> list[str]:
    """Space-normalised lines with mojibake that a tokenizer split put back together, so
    that ftfy can repair it: "Abbottâ€ ™ s" -> "Abbottâ€™s", "workerâ€ �" -> "workerâ€\\x9d",
    "DauphinÃ ©" -> "DauphinÃ©" (ftfy: "Abbott’s", "worker”", "Dauphiné"). A sequence cut by
    a line break comes as one line (`_across_lines`), and is joined the same way. Lines
    without a sequence's start are returned as they are; no line is added or removed."""
    return [_joined_line(line) if has_split_mojibake(line) else line for line in lines]


def _joined_line(line: str) -> str:
    line = _SPLIT_MOJIBAKE.sub(_joined, _SPLIT_APOSTROPHE.sub("â€™", line))
    return line.replace("â€\ufffd", "â€\x9d")


def _one_line(given: str) -> str:
    """A line as `_line_bounds` gives it, the line breaks inside it (where it took the next
    line) as spaces."""
    if "\n" in given or "\r" in given or _MULTINEWS_NEWLINE in given:
        return _LINE_BREAK.sub(" ", _BREAK_BEFORE_PUNCTUATION.sub("", given))
    return given


def repair_mojibake(text: str) -> list[str]:
    """The lines of `text`, with the mojibake of "â€" and "Ã" sequences repaired, split by a
    tokenizer or not ("Abbottâ€ ™ s" and "Abbottâ€™s" read "Abbott’s"), and as they are
    otherwise: for callers that read text unrepaired for speed (`storyline.timelines`, the
    clusterer's features). A cheap scan where there is none; the spaces of a text's lines
    are folded where there is some. Cleaning repairs the same and more with ftfy
    (`fixed_lines`)."""
    if not has_split_mojibake(text):
        return text.splitlines()
    lines = join_split_mojibake([_normalize_line(_one_line(text[a:b])) for a, b in _line_bounds(text)])
    return [_SEQUENCE.sub(_decoded, line) for line in lines]


# One sequence, whole again: its UTF-8 bytes read back (what ftfy does in cleaning, for
# these two starts only, at a hundredth of the cost).
_SEQUENCE = re.compile(r"(â€|Ã)(.)")


def _decoded(match: re.Match[str]) -> str:
    lead, char = match.groups()
    before = match.string[match.start() - 1] if match.start() else ""
    byte = _completing_byte(lead, char, before)
    if byte is None:
        return match.group()
    try:
        return ((b"\xe2\x80" if lead == "â€" else b"\xc3") + bytes([byte])).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def _fix_lines(lines: list[str]) -> list[str]:
    """Repair space-normalised lines with ftfy, in one call for the whole text.

    ftfy itself works line by line, so fixing the joined text changes each line
    exactly as fixing it alone would, at a fraction of the cost.
    """
    joined = "\n".join(lines)
    if len(joined) > _FTFY_MAX_CHARS or all(_is_clean(line) for line in lines):
        return lines
    # uncurl_quotes=False: typographic quotes are real content, not damage. A repair
    # can reveal another layer of mojibake, so repeat until nothing changes.
    for _ in range(3):
        fixed = ftfy.fix_text(joined, uncurl_quotes=False, fix_line_breaks=False, normalization="NFC")
        out = [_normalize_line(line) for line in fixed.split("\n")]
        if len(out) != len(lines):  # not seen: ftfy keeps line breaks with fix_line_breaks=False
            if len(lines) > 1:
                return [_fix_lines([line])[0] for line in lines]
            out = [" ".join(out)]
        again = "\n".join(out)
        if again == joined:
            break
        joined = again
    return joined.split("\n")


def _is_clean(line: str) -> bool:
    """Nothing for ftfy to do: no mojibake, control characters or HTML entities."""
    return line.isascii() and line.isprintable() and "&" not in line


def fixed_lines(text: str, *, hyphens: bool | None = None) -> list[Piece]:
    """Every line of `text` repaired, with its offsets in `text` (blank lines included).

    `hyphens`: whether the text writes its hyphens with spaces around them, as its cluster
    says (`spaces_hyphens_in`); None: as the text alone says (`spaces_hyphens`)."""
    bounds = _line_bounds(text)
    given = [text[start:end] for start, end in bounds]
    # Spaces first: ftfy judges mojibake by its neighbours, so the text it sees must
    # already be in its final spacing, or a second call could repair more.
    fixed = _fix_lines(
        join_split_mojibake(
            [_normalize_line(_one_line(g.replace("\ufeff", "").replace("\x00", ""))) for g in given]
        )
    )
    fixed = [join_spaced_clitics(strip_link_markup(line)) for line in fixed]
    # the text without the characters repair removes, so that a second pass judges its
    # quotes and hyphens alike
    seen = _GONE_RUN.sub("", text).replace("\u200b", " ")
    if wire_quoted(seen):
        fixed = [curl_wire_quotes(line) for line in fixed]
    if spaces_hyphens(seen) if hyphens is None else hyphens:  # "Strauss - Kahn", as an archive wrote it
        fixed = [join_spaced_hyphens(line) for line in fixed]
    return [
        Piece(f, start, end, tuple(align(g, f)))
        for (start, end), g, f in zip(bounds, given, fixed, strict=True)
    ]


# "Burger ’s", "don 't": an archive's tokenizer set a clitic apart from its word. No writer
# puts a space there ("the '90s" and "rock 'n' roll" do not match: a digit, or more letters
# after the clitic).
_SPACED_CLITIC = re.compile(r"(?<=\w) (?=['’](?:s|t|re|ve|ll|d|m)\b)")


def join_spaced_clitics(line: str) -> str:
    """`line` with a clitic set apart from its word joined to it: "Burger ’s" -> "Burger’s"."""
    return _SPACED_CLITIC.sub("", line) if " '" in line or " ’" in line else line


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """Where each line of `text` starts and ends, a mojibake sequence a line break cut
    kept whole on the line it starts (`_across_lines`)."""
    bounds: list[tuple[int, int]] = []
    at = 0
    for brk in _LINE_BREAK.finditer(text):
        bounds.append((at, brk.start()))
        at = brk.end()
    bounds.append((at, len(text)))
    if has_split_mojibake(text):
        bounds = _across_lines(text, bounds)
    return _punctuation_goes_on(text, bounds)


# A line that opens with the punctuation that ends a clause (", ' he says", ", it's a ..."):
# the archive's tokenizer broke the line before it; no writer starts a line so.
_GONE = "\x00-\x08\x0b\x0e-\x1f\x7f\ufeff"
"""Characters repair removes from a line (control characters, a byte-order mark; a zero-width
space becomes a space): a line of them alone is blank, and they hide no punctuation after them."""
_OPENS_WITH_PUNCTUATION = re.compile(rf"[ \t\u00a0\u200b{_GONE}]*[,;:)](?!\))")

_BREAK_BEFORE_PUNCTUATION = re.compile(
    rf"[ \t\u00a0]*(?:\r\n|\r|\n|{_MULTINEWS_NEWLINE})(?={_OPENS_WITH_PUNCTUATION.pattern})"
)


_VISIBLE = re.compile(rf"[^\s\u200b{_GONE}]")
_GONE_RUN = re.compile(rf"[{_GONE}]+")


def _punctuation_goes_on(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line bounds, where a line that opens with a comma, semicolon, colon or closing bracket
    is taken whole by the line before it (when that one is not blank): one line fewer."""
    out: list[tuple[int, int]] = []
    goes_on = False  # whether the last line kept is one that a line after it may go on
    for start, end in bounds:
        if goes_on and _OPENS_WITH_PUNCTUATION.match(text, start, end):
            out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
        goes_on = bool(_VISIBLE.search(text, start, end))
    return out


def fix_text(text: str) -> str:
    """Repair mojibake and odd characters, normalise newlines and spaces; keep paragraphs."""
    joined = "\n".join(piece.text for piece in fixed_lines(text))
    return _BLANK_RUNS.sub("\n\n", joined).strip()


def _normalize_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def split_paragraphs(text: str) -> list[str]:
    """Split text into repaired paragraphs (the units cleaning judges).

    Scraped pages put one paragraph per line, so every non-empty line is a unit,
    except in hard-wrapped blocks (most lines long and ending mid-sentence), whose
    lines are joined back together.
    """
    return [piece.text for piece in paragraph_pieces(text)]


def paragraph_pieces(text: str, *, hyphens: bool | None = None) -> list[Piece]:
    """`split_paragraphs`, each paragraph with its offsets in the given `text` (`hyphens`:
    see `fixed_lines`)."""
    out: list[Piece] = []
    block: list[Piece] = []
    for line in [*fixed_lines(text, hyphens=hyphens), None]:
        if line is not None and line.text:
            block.append(line)
            continue
        if len(block) > 2 and _is_hard_wrapped([p.text for p in block]):
            out.append(_join(block))
        else:
            out.extend(block)
        block = []
    return out


def _join(lines: list[Piece]) -> Piece:
    """Join hard-wrapped lines with one space (each space stands for a line break)."""
    runs: list[tuple[int, int]] = list(lines[0].runs)
    for before, line in itertools.pairwise(lines):
        runs.append((1, line.start - before.end))
        runs.extend(line.runs)
    return Piece(" ".join(p.text for p in lines), lines[0].start, lines[-1].end, tuple(runs))


_STRETCH = 32
"""Characters `align` compares at once where the two texts agree."""


def align(given: str, fixed: str) -> list[tuple[int, int]]:
    """Runs `(clean_length, given_length)` that turn `given` into `fixed`.

    Folded spaces and removed invisible characters are followed exactly; what ftfy
    repaired is located with difflib, and a very long repaired line is one edit.
    """
    if given == fixed:
        return [(len(fixed), len(given))]
    runs: list[tuple[int, int]] = []
    i = j = same = 0
    while i < len(given) and j < len(fixed):
        if given[i] == fixed[j]:
            # A stretch the two share, a slice at a time (each of its characters would take
            # this branch alone), then the one character.
            while given[i : i + _STRETCH] == fixed[j : j + _STRETCH] and i + _STRETCH <= len(given):
                i, j, same = i + _STRETCH, j + _STRETCH, same + _STRETCH
            if i < len(given) and j < len(fixed) and given[i] == fixed[j]:
                i, j, same = i + 1, j + 1, same + 1
            continue
        if given[i] == "_" and fixed[j] == "\u2014":  # a wire dash, one character for one
            i, j, same = i + 1, j + 1, same + 1
            continue
        if fixed[j] in "\u201c\u201d" and given.startswith(("``", "''"), i):
            # a wire quote mark, curled (`curl_wire_quotes`): two characters became one
            if same:
                runs.append((same, same))
                same = 0
            runs.append((1, 2))
            i, j = i + 2, j + 1
            continue
        if not _is_invisible(given[i]):
            break
        if same:
            runs.append((same, same))
            same = 0
        k = i
        while k < len(given) and _is_invisible(given[k]):
            k += 1
        # A folded run of spaces: the one space kept stands for the whole run.
        takes_space = fixed[j] == " "
        runs.append((1, k - i) if takes_space else (0, k - i))
        j += 1 if takes_space else 0
        i = k
    if same:
        runs.append((same, same))
    rest_given, rest_fixed = given[i:], fixed[j:]
    if rest_fixed and rest_given.strip() and len(rest_given) <= _ALIGN_MAX_CHARS:
        # Matched from the end: a repair shortens what it repairs from its first character
        # ("Ã©" -> "é"), so where the text after it starts with the same character ("Ã©©©"),
        # the copy is the rightmost placement, which difflib finds first on reversed strings.
        # Every space of the given text compares as " ", as cleaning folds it (one character
        # for one, so the offsets stay).
        n_given, n_fixed = len(rest_given), len(rest_fixed)
        matcher = SequenceMatcher(
            None, rest_given.translate(_AS_SPACE)[::-1], rest_fixed[::-1], autojunk=False
        )
        opcodes = [
            (tag, n_given - a1, n_given - a0, n_fixed - b1, n_fixed - b0)
            for tag, a0, a1, b0, b1 in reversed(matcher.get_opcodes())
        ]
        # Only matches of a few characters are trusted as copies: a one-letter "match"
        # inside repaired mojibake would pin the map to the wrong place.
        edit_clean = edit_given = 0
        for tag, a0, a1, b0, b1 in opcodes:
            if tag == "equal" and a1 - a0 >= _MIN_TRUSTED_MATCH:
                if edit_clean or edit_given:
                    runs.append((edit_clean, edit_given))
                    edit_clean = edit_given = 0
                runs.append((b1 - b0, a1 - a0))
            else:
                edit_clean, edit_given = edit_clean + b1 - b0, edit_given + a1 - a0
        if edit_clean or edit_given:
            runs.append((edit_clean, edit_given))
    elif rest_given or rest_fixed:
        runs.append((len(rest_fixed), len(rest_given)))
    return runs


def _is_invisible(char: str) -> bool:
    """Characters cleaning folds or removes: spaces of every kind, BOM, NUL."""
    return char.isspace() or char in "\ufeff\x00\u200b"


_MIN_WRAP = 40
"""Narrowest column taken for hard-wrapped text (columns are 60-80 characters; newspaper
columns about 40)."""


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of a similar width, most of them breaking mid-sentence: text wrapped at a
    fixed column (e-mail, plain-text wires), not one paragraph per line. Lines narrower
    than `_MIN_WRAP` are a page's menu, share line and byline, never a wrapped column."""
    body = lines[:-1]
    widest = max(len(line) for line in body)
    if widest > 100 or widest < _MIN_WRAP or any(len(line) < 0.7 * widest for line in body):
        return False
    mid_sentence = sum(1 for line in body if not line.endswith(_SENTENCE_END))
    return mid_sentence >= 0.5 * len(body)
