"""Dates: when each report was published, and the dates of the events it tells.

Publication dates come, in order of trust, from the caller, the page's metadata
(trafilatura/htmldate, read at ingest), a date line at the head or foot of the text
("Last updated: January 30, 2012", "Afp February 07, 2012", "Published 3/10/2012"),
a dateline ("KESSPORT, March 8 (Varnia Wire) -", which has no year: it is taken from the
URL, a short line or the file name), a date in the URL, or a date in the file name or id
("APW19981112.0453.txt", "2012-03-10-syria.txt", as wire archives and saved pages name
them). Event dates are found with a pattern for each kind of expression, then
resolved against the publication date: dateparser reads the absolute forms, and
news conventions decide the relative ones ("on Saturday" in a Saturday report is
that day; in a Tuesday report, the Saturday before).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.model import Article, EventDate, PartialDate, Span

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONTH = rf"(?:{_MONTHS})\.?"
"""A month name or its abbreviation (a regex without groups), for every date pattern."""
MONTH_WORDS = frozenset(_MONTHS.split("|"))
"""The same names and abbreviations as a set of lower-case words."""
_MONTH = MONTH
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(_WEEKDAYS)
"""The names of the days of the week, in lower case."""
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# A full date with its year, as date lines print it.
_FULL_DATE = re.compile(
    rf"""(?<![\w/])(?:
        {_MONTH}\s+{_DAY},?\s+{_YEAR}
      | {_DAY}\s+{_MONTH},?\s+{_YEAR}
      | \d{{1,2}}/\d{{1,2}}/{_YEAR}
      | {_YEAR}-\d{{2}}-\d{{2}}
    )(?![\w/])""",
    re.IGNORECASE | re.VERBOSE,
)
# A dateline: a place in capitals, then a month and day, before the story starts.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'’-]{{2,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*(?P<date>(?i:{_MONTH})\s+{_DAY})\b",
    re.VERBOSE,
)
# "(Published Tuesday, March 29, 2016)", "first published on June 15, 2017", "Updated: 3/10/2012".
_STAMP = re.compile(
    rf"""\b(?:first\s+)?(?:published|updated|posted|last\s+modified)(?:\s+on)?\s*:?\s*
        (?:{_WEEKDAY},?\s+)?(?P<date>{_FULL_DATE.pattern})""",
    re.IGNORECASE | re.VERBOSE,
)
# What may stand before a stamp: nothing, a bracket or separator, or "(this article) was";
# not a clause ("an audit, published on May 5, 2019, warned ...").
_STAMP_LEAD = re.compile(r"(^|[(|•–—-]|\b(was|is|were|been|originally))\s*$", re.IGNORECASE)
_URL_DATE = re.compile(r"/(?P<y>20\d\d)[/-]?(?P<m>[01]\d)[/-]?(?P<d>[0-3]\d)(?:[/-]|\b)")
# A date in a file name or id: eight digits or a year, month and day joined by one mark,
# never inside a longer run of digits ("APW19981112.0453", "2012-03-10-syria").
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"
)

# Event date expressions in running text, most specific first; each alternative
# names its kind, which decides how it is resolved.
_EVENT = re.compile(
    rf"""(?<![\w-])(?:
        (?P<full>{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|\d{{1,2}}/\d{{1,2}}/{_YEAR})
      | (?P<monthday>{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w,]*\s*,?\s*{_YEAR})
      | (?P<monthyear>{_MONTH},?\s+{_YEAR})
      | (?P<month>(?:(?:in|since|during|until|by|early|late|mid|last|next|this)[\s-]+){_MONTH})(?!\s*\d)
      | (?P<year>(?:(?:in|since|during|until|by|before|after|through|throughout|early|late|mid)[\s-]+
                  |(?:first|second|third|fourth|last)\s+(?:quarter|half)\s+of\s+)(?:the\s+year\s+)?{_YEAR})
        (?![\d-]|,\d|\s+{_MONTH})
      | (?P<weekday>(?:(?:last|next|this|on|early|late|since|until|by)\s+(?:\w+\s+)?)?{_WEEKDAY}(?:['’]s)?)
      | (?P<rel>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night
               |(?:last|next|this)\s+(?:month|year)
               |(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|months?|years?|decades?)\s+ago)
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
_FUTURE = re.compile(
    r"\b(until|will|would|shall|is\s+to|are\s+to|is\s+expected|are\s+expected|plans?\s+to|scheduled|going\s+to"
    r"|(?:is|are)\s+(?:due|set\s+to|slated|poised\s+to))\b",
    re.IGNORECASE,
)
# A day a plan is set for, or put off to, is the coming one: "the vote was set for Monday",
# "the launch was delayed by a day to Thursday" (not "Friday night's shooting", a day gone by,
# nor "gathered for Friday prayers", a weekly rite: `_WEEKLY`). Only after a word of
# planning: "arrested for Friday's attack" or "turnout for Friday was low" look back.
_AHEAD = re.compile(
    r"\b(?:scheduled|set|slated|planned|booked|due|called|fixed|ready|forecast|timed|rescheduled"
    r"|delay(?:ed|s)?|postpon(?:ed|es?)|put\s+off|pushed\s+back|moved|adjourn(?:ed|s)?)"
    r"(?:\s+\w+){0,6}?\s+(?:for|to|till)\s+$",
    re.IGNORECASE,
)
_HASH_NAME = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}(?:\.|$)")
_POSSESSIVE_AFTER = re.compile(r"\s+\w+['’]s\b")  # "Friday night's shooting"
_WEEKLY = re.compile(r"\s+(?:prayers?|sermons?|services?|mass|worship|market)\b", re.IGNORECASE)
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_MONTH_WORDS = ("april", "may", "march", "june")  # also ordinary words: need a day or capital


@dataclass(frozen=True, slots=True)
class PublicationDate:
    date: dt.date
    origin: str
    evidence: str


def find_publication_date(article: Article) -> PublicationDate | None:
    """Return the report's own date and where it came from, or None.

    `article` is the report as given (before cleaning): its head and foot lines
    carry the date stamps that cleaning drops.
    """
    if article.date is not None:
        origin = article.date_source or "given"
        return PublicationDate(article.date, origin, article.date.isoformat())
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    edge = lines[:12] + lines[12:][-8:]
    for line in edge:
        stamp = _STAMP.search(line)
        if stamp and _STAMP_LEAD.search(line[: stamp.start()]):
            date = _parse_absolute(stamp.group("date"))
            if date is not None and date.day is not None:
                return PublicationDate(date.start, "date line", stamp.group(0).strip())
    for line in edge:
        match = _FULL_DATE.search(line)
        if match and _is_date_line(line, match.group(0)):
            date = _parse_absolute(match.group(0))
            if date is not None and date.day is not None:
                return PublicationDate(date.start, "date line", line)
    named = name_date(article.id)
    for line in lines[:15]:
        match = _DATELINE.match(line)
        if match:
            # The year is not in a dateline: take it from the URL or a short line, never the
            # story; else from the file name, the year that puts the day nearest its date.
            year = _year_from([article.url or ""]) or _year_from([x for x in edge if len(x.split()) <= 8])
            if year is not None:
                date = _parse_absolute(f"{match.group('date')} {year}")
                if date is not None and date.day is not None:
                    return PublicationDate(date.start, "dateline", match.group(0).strip())
            elif named is not None:
                near = _nearest_year(match.group("date"), named)
                if near is not None:
                    return PublicationDate(near, "dateline", match.group(0).strip())
    if article.url:
        found = _URL_DATE.search(article.url)
        if found:
            try:
                day = dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return None
            return PublicationDate(day, "url", article.url)
    if named is not None:
        return PublicationDate(named, "file name", article.id)
    return None


def name_date(name: str) -> dt.date | None:
    """The date a file name or id carries ("APW19981112.0453.txt" is 1998-11-12), or None.

    Only the last path component is read; a name with two different dates gives none.
    """
    base = re.split(r"[/\\]", name)[-1]
    if _HASH_NAME.match(base):
        return None  # "3f2a20190412ab.html": digits of a hash, not a date
    days = set()
    for found in _NAME_DATE.finditer(base):
        try:
            days.add(dt.date(int(found["y"]), int(found["m"]), int(found["d"])))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


def _nearest_year(month_day: str, near: dt.date) -> dt.date | None:
    """`month_day` ("January 22") in the year that puts it nearest `near`."""
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        date = _parse_absolute(f"{month_day} {year}")
        if date is not None and date.day is not None:
            days.append(date.start)
    return min(days, key=lambda d: abs((d - near).days)) if days else None


def _is_date_line(line: str, date: str) -> bool:
    """A line that is little more than a date ("Afp February 07, 2012"), not a sentence that has one."""
    extra = len(line.split()) - len(date.split())
    return extra <= 6 and not line.rstrip().endswith(".")


# An embedded post's signature alone: "— Ana Roux (@anaroux) March 8, 2026".
_SIGNATURE = re.compile(
    rf"^\W*[^()]{{1,60}}\(\s*@\w+\s*\)\s*(?:{_FULL_DATE.pattern})\W*$", re.VERBOSE | re.IGNORECASE
)


def is_date_stamp(text: str) -> bool:
    """A "Published ..." stamp, an embedded post's signature or a line that is little more
    than a date: when something was posted, not an event."""
    if _STAMP.search(text) or _SIGNATURE.match(text):
        return True
    match = _FULL_DATE.search(text)
    return match is not None and len(text.split()) <= len(match.group(0).split()) + 4


def find_event_dates(text: str, *, published: dt.date | None, article_id: str = "") -> list[EventDate]:
    """Find the date expressions in `text` and resolve them against `published`.

    Relative expressions ("on Saturday", "yesterday", "last month") need the
    publication date and are skipped without it; a month or a year alone stays
    partial ("2011-10", "2009").
    """
    found = []
    for match in _EVENT.finditer(text):
        kind = match.lastgroup or ""
        cue = match.group(0)
        if kind in ("monthday", "month") and not _is_month_reference(cue):
            continue
        future = bool(_FUTURE.search(_clause_before(text, match.start())))
        if (
            kind == "weekday"
            and not cue.endswith(("'s", "’s"))
            and _AHEAD.search(text[max(0, match.start() - 60) : match.start()])
            and not _WEEKLY.match(text, match.end())
            and not _POSSESSIVE_AFTER.match(text, match.end())
        ):
            future = True
        try:
            date = _resolve(kind, cue, published=published, future=future)
        except (OverflowError, ValueError):  # a date near year 1 or 9999: nothing to resolve
            continue
        if date is None:
            continue
        found.append(
            EventDate(
                date=date,
                cue=cue.strip(),
                span=Span(article_id, match.start(), match.end()),
                relative=kind not in ("full", "monthyear", "year"),
            )
        )
    return found


def _resolve(kind: str, cue: str, *, published: dt.date | None, future: bool) -> PartialDate | None:
    low = cue.lower()
    if kind in ("full", "monthyear"):
        return _parse_absolute(cue)
    if kind == "year":
        return PartialDate(int(re.findall(r"\d{4}", cue)[0]))
    if published is None:
        return None
    if kind == "monthday":
        return _nearest_month_day(cue, published, future=future)
    if kind == "month":
        return _month(low, published, future=future)
    if kind == "weekday":
        return _weekday(low, published, future=future)
    return _relative(low, published)


def _nearest_month_day(cue: str, published: dt.date, *, future: bool) -> PartialDate | None:
    """A month and day without a year: the year that puts it nearest the report, past first."""
    parsed = _parse_absolute(f"{cue} {published.year}")
    if parsed is None or parsed.month is None or parsed.day is None:
        return None
    date: dt.date | None = parsed.start
    if date is not None and not future and date > published + dt.timedelta(days=2):
        date = _replace_year(date, published.year - 1)
    elif date is not None and future and date < published - dt.timedelta(days=2):
        date = _replace_year(date, published.year + 1)
    return PartialDate.of(date) if date else None


def _month(cue: str, published: dt.date, *, future: bool) -> PartialDate:
    name = re.findall(_MONTH, cue, re.IGNORECASE)[-1].rstrip(".")
    month = _month_number(name)
    year = published.year
    if cue.startswith("next") or (future and not cue.startswith("last")):
        if month < published.month or (cue.startswith("next") and month <= published.month):
            year += 1
    elif month > published.month or (cue.startswith("last") and month == published.month):
        year -= 1
    return PartialDate(year, month)


def _weekday(cue: str, published: dt.date, *, future: bool) -> PartialDate:
    """News usage: a weekday is the most recent such day, or the coming one in future tense;
    the report's own weekday is its day ("results are due Thursday" in Thursday's paper), "next"
    a week on."""
    target = next(i for i, name in enumerate(_WEEKDAYS) if name in cue)
    delta = (published.weekday() - target) % 7
    nxt, last = re.search(r"\bnext\b", cue) is not None, re.search(r"\blast\b", cue) is not None
    if nxt or (future and not last):
        ahead = (target - published.weekday()) % 7
        return PartialDate.of(published + dt.timedelta(days=ahead or (7 if nxt else 0)))
    if last and delta == 0:
        delta = 7
    return PartialDate.of(published - dt.timedelta(days=delta))


def _relative(cue: str, published: dt.date) -> PartialDate | None:
    cue = " ".join(cue.split())
    if cue == "yesterday" or cue == "last night":
        return PartialDate.of(published - dt.timedelta(days=1))
    if cue in ("today", "tonight") or cue.startswith("this "):
        if cue == "this month":
            return PartialDate(published.year, published.month)
        if cue == "this year":
            return PartialDate(published.year)
        return PartialDate.of(published)
    if cue.endswith("ago"):
        n, unit = _NUMBER_WORDS.get(cue.split()[0], 1), cue.split()[1]
        if unit.startswith("day"):
            return PartialDate.of(published - dt.timedelta(days=n))
        if unit.startswith("month"):
            months = published.year * 12 + published.month - 1 - n
            return PartialDate(months // 12, months % 12 + 1)
        return PartialDate(published.year - n * (10 if unit.startswith("decade") else 1))
    if cue == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(first.year, first.month)
    if cue == "next month":
        nxt = (published.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return PartialDate(nxt.year, nxt.month)
    if cue == "last year":
        return PartialDate(published.year - 1)
    if cue == "next year":
        return PartialDate(published.year + 1)
    return None


def _is_month_reference(cue: str) -> bool:
    """Tell "in May" (a month) from "may" (a verb) and "march" (a walk)."""
    words = re.findall(r"[A-Za-z]+", cue)
    name = next((w for w in reversed(words) if _is_month_name(w)), "")
    if name.lower() in _MONTH_WORDS or len(name) <= 3:
        return name[:1].isupper()
    return True


def _is_month_name(word: str) -> bool:
    return re.fullmatch(_MONTH, word, re.IGNORECASE) is not None


def _month_number(name: str) -> int:
    key = name.lower()[:3]
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(key) + 1


def _clause_before(text: str, at: int) -> str:
    """The words of the clause that leads up to `at` (not crossing a quote or a comma)."""
    start = max(*(text.rfind(mark, 0, at) for mark in '.;,:"“”'), at - 80)
    return text[start + 1 : at]


def _year_from(lines: list[str]) -> int | None:
    years = [int(y) for line in lines[:20] for y in re.findall(rf"\b({_YEAR})\b", line)]
    return max(set(years), key=years.count) if years else None


def _replace_year(date: dt.date, year: int) -> dt.date | None:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February
        return None


def _parse_absolute(text: str) -> PartialDate | None:
    """Read an absolute date with dateparser; month-first for all-numeric dates, as US wires write."""
    text = re.sub(r"\s+of\s+", " ", text.strip())
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    date = data.date_obj.date()
    if data.period == "year":
        return PartialDate(date.year)
    if data.period == "month":
        return PartialDate(date.year, date.month)
    return PartialDate.of(date)


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False},
    )


def to_calendar_date(value: object) -> dt.date | None:
    """A `datetime.date` from a date or datetime (cut to its day); None stays None.

    Raises ValueError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"date must be a datetime.date (or None), not {type(value).__name__}")


def parse_date(value: object) -> dt.date | None:
    """Read a publication date in any common written form, or None.

    ISO ("2012-03-10", "2012-03-10T08:00Z") is read directly; other forms ("March 3,
    2012", "3 March 2012", "Sat, 10 Mar 2012 08:00:00 GMT", "3/10/2012") go through
    the same absolute-date reader as dates in the text. A date without a day is None.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return to_calendar_date(value)
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    if not re.search(r"\d", text) or len(text) > 80:
        return None
    found = _parse_absolute(re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?.*$", "", text))
    return found.start if found is not None and found.day is not None else None
