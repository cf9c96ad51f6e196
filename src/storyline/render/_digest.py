"""The digest's pages: an index of threads and their stories, and one page per thread.

The index lists every thread (largest first) with its stories: title, dates, sources,
a one-line summary and a badge when sources disagree; each story links its report. A
thread page opens with the thread's summarized timeline (its key dates, one or two
cited sentences each, `thread_key_dates`), then lists the thread's stories in date
order and links their reports.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from storyline.cluster import lead_sentence
from storyline.model import Story
from storyline.render._story import CSS
from storyline.render._view import day
from storyline.text import (
    html_escape,
    is_attribution_or_cut_quote,
    is_heading,
    is_unfinished,
    md_escape,
    starts_with_connective,
    starts_with_pronoun,
)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """A story of the digest: the file its report went to, its articles, and what the index shows."""

    number: int
    article_ids: tuple[str, ...]
    latest: dt.date | None
    report: Story | None
    file: str | None
    error: str | None = None
    title: str = ""
    earliest: dt.date | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    """A thread of the digest: its topic, its stories in date order, and its page."""

    number: int
    title: str
    stories: tuple[IndexEntry, ...]
    file: str | None = None

    @property
    def n_articles(self) -> int:
        return sum(len(s.article_ids) for s in self.stories)


MAX_THREAD_DATES = 12
"""Most key dates a thread page shows: a newsroom timeline is a dozen dates or so, not every day."""
MAX_DAY_SENTENCES = 2
"""Most sentences a thread page gives one day."""


@dataclass(frozen=True, slots=True)
class ThreadSentence:
    """One sentence of a thread's key day, the reports that carry it, and the story it comes from."""

    text: str
    sources: tuple[str, ...]
    story: int
    file: str | None


@dataclass(frozen=True, slots=True)
class ThreadDay:
    """One key day of a thread and what happened on it."""

    date: dt.date
    summary: tuple[ThreadSentence, ...]


def thread_key_dates(
    thread: ThreadEntry, *, max_dates: int = MAX_THREAD_DATES, max_sentences: int = MAX_DAY_SENTENCES
) -> list[ThreadDay]:
    """The thread's summarized timeline, in date order: its stories' key dates, merged.

    Each story report already holds its key dates (the timeline of its reports, each
    day told by cited sentences that state facts no other day repeats). A thread page
    merges them by day and weighs each day by the distinct reports its sentences cite.
    Every story's best-cited day is kept first, so each event of the thread has its
    date; the best-cited remaining days fill up to `max_dates`. A day shows its
    `max_sentences` best-cited sentences, never the same text twice.
    """
    by_day: dict[dt.date, list[ThreadSentence]] = {}
    firsts: list[dt.date] = []
    for entry in thread.stories:
        if entry.report is None or not entry.report.key_dates:
            continue
        best = max(
            entry.report.key_dates,
            key=lambda k: (len({x for a in k.summary for x in a.sources}), -k.date.toordinal()),
        )
        firsts.append(best.date)
        for key in entry.report.key_dates:
            for said in key.summary:
                by_day.setdefault(key.date, []).append(
                    ThreadSentence(said.text, said.sources, entry.number, entry.file)
                )

    def weight(date: dt.date) -> tuple[int, int]:
        return (len({x for s in by_day[date] for x in s.sources}), -date.toordinal())

    chosen = list(dict.fromkeys(sorted(firsts, key=weight, reverse=True)))[:max_dates]
    rest = sorted((d for d in by_day if d not in chosen), key=weight, reverse=True)
    chosen += rest[: max_dates - len(chosen)]
    out = []
    for date in sorted(chosen):
        ranked = sorted(by_day[date], key=lambda s: -len(s.sources))  # stable: story order among equals
        unique: dict[str, ThreadSentence] = {}
        for sentence in ranked:
            unique.setdefault(sentence.text, sentence)
        out.append(ThreadDay(date, tuple(unique.values())[:max_sentences]))
    return out


def one_line(story: Story | None) -> str:
    """The story in one sentence: the summary's first sentence that reads alone, else its first.

    A digest shows the sentence without the summary around it, so a sentence that leans on
    one before it is passed over: one that opens with a pronoun or a demonstrative ("He
    made the statements ...", "This followed ..."), with a connective ("But those problems
    ..."), with a pronoun for the speaker of its quote or the subject after its opening
    phrase ("Like the other candidates, they are ..."), with a person's surname alone whose
    full name it does not give ("Sikosana made the statements at a meeting ..."), a
    list's lead-in ("The following are major news items ..."), an attribution alone or a
    heading."""
    if story is None:
        return ""
    surnames = _surnames_only(story)
    reports = [d.article for d in story.documents if not d.excluded]
    if len(reports) == 1:
        # One report: its lede is the story in one line, as a news desk writes it. From the
        # cleaned text, so its quote marks and dashes are those of the summary beside it.
        lede = lead_sentence(reports[0].body)
        if (
            lede[:1].isupper()  # not a lede cut after a dash ("the world's biggest ... fell")
            and _plain(lede) != _plain(reports[0].title or "")
            and _reads_alone(lede, surnames)
        ):
            return lede
    if not story.summary.sentences:
        return ""
    texts = [s.text for s in story.summary.sentences]
    return next((t for t in texts if _reads_alone(t, surnames)), texts[0])


_LEANS_BACK = frozenset("this these that those such it its".split())
# "This week ...", "That year ...": a time, not a reference back.
_TIME_AFTER = re.compile(
    r"^\W*(this|that)\s+(week|weekend|month|year|morning|afternoon|evening|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
# A pronoun that needs an earlier sentence, though the sentence does not open with it: the
# speaker of a quote that has just closed (“... every GM plant,” he said.) or the subject after
# a short opening phrase that names no one ("Like the other candidates, they are ..."; not
# "When Mary Robinson took office, she ..."); "it" is left out ("Slackers, it seems, ...").
_PRONOUN_SPEAKER = re.compile(
    r"[,.!?][”\"’']\s+(he|she|they|we)\s+(said|says|added|adds|told|tells|explained|noted|wrote|asked|warned"
    r"|argued|insisted|recalled|replied)\b",
    re.IGNORECASE,
)
_PRONOUN_AFTER_OPENING = re.compile(
    r"^\W*(?P<opening>(?:[^\s,;:“”\"]+\s+){0,5}[^\s,;:“”\"]+),\s+(he|she|they|we)\s", re.IGNORECASE
)
_LIST_LEAD_IN = re.compile(r"^\W*(the\s+following\b|following\s+(are|is)\b|here\s+(are|is)\b)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"^\W*([\w'’.-]+)")


def _plain(text: str) -> str:
    """Letters and digits only, lower-cased: a lede that is its title but for a full stop."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _surnames_only(story: Story) -> dict[str, str]:
    """The last word of each person's full name (of two words or more), lower-cased, with
    that full name: a sentence that opens with it alone leans on an earlier mention."""
    out: dict[str, str] = {}
    for entity in story.entities:
        words = entity.name.split()
        if entity.type == "PERSON" and len(words) >= 2:
            out.setdefault(words[-1].lower(), entity.name)
    return out


def _reads_alone(text: str, surnames: dict[str, str]) -> bool:
    if (
        starts_with_pronoun(text)
        or is_attribution_or_cut_quote(text)
        or is_heading(text)
        or is_unfinished(text)
    ):
        return False
    if _LIST_LEAD_IN.match(text) or starts_with_connective(text):
        return False
    if _PRONOUN_SPEAKER.search(text):
        return False
    opening = _PRONOUN_AFTER_OPENING.match(text)
    if opening and not any(w[:1].isupper() for w in opening.group("opening").split()[1:]):
        return False
    match = _FIRST_WORD.match(text)
    if match is None:
        return True
    first = re.sub(r"['’]s$", "", match.group(1)).lower()
    if first in _LEANS_BACK and not _TIME_AFTER.match(text):
        return False
    full = surnames.get(first)
    if full is None or full.lower() in text.lower():
        return True
    # "Apple Inc has announced ...": the word opens a longer name, not a surname alone.
    return bool(_LONGER_NAME.match(text, match.end())) and not match.group(1).endswith(("'s", "’s"))


_LONGER_NAME = re.compile(r"\s+(?:[A-Z][\w&.'’-]*)(?=[\s,.;:])")


def n_disagreements(entry: IndexEntry) -> int:
    return sum(c.disagreement and c.confident for c in entry.report.claims) if entry.report else 0


def dates(entry: IndexEntry) -> str:
    first, last = entry.earliest, entry.latest
    if first is None or last is None:
        return "undated"
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def render_index(threads: list[ThreadEntry], fmt: str, *, title: str = "storyline digest") -> str:
    if fmt == "json":
        payload = {"title": title, "threads": [_thread_json(t) for t in threads]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _index_markdown(threads, title)
    return _index_html(threads, title)


def render_thread(thread: ThreadEntry, fmt: str) -> str:
    key_dates = thread_key_dates(thread)
    if fmt == "json":
        payload = {**_thread_json(thread), "key_dates": [_day_json(d) for d in key_dates]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        lines = [f"# {md_escape(thread.title)}", "", f"_{_summary_line(thread)}_", ""]
        if key_dates:
            lines += ["## Key dates", ""]
            lines += [_day_markdown(d) for d in key_dates]
            lines += ["", "## Stories", ""]
        for entry in thread.stories:
            lines += _story_markdown(entry)
        return "\n".join(lines) + "\n"
    items = "".join(_story_html(entry) for entry in thread.stories)
    body = (
        f"<header><p class=kicker>thread</p><h1>{html_escape(thread.title)}</h1>"
        f"<p class=meta>{html_escape(_summary_line(thread))} · "
        "<a href='index.html'>all threads</a></p></header>\n"
        f"{_key_dates_html(key_dates)}"
        f"<section id=stories><h2>Stories</h2><ol class=sources>{items}</ol></section>"
    )
    return _page(thread.title, body)


def _cite_label(said: ThreadSentence) -> str:
    return f"story {said.story} · {_count(len(said.sources), 'report')}"


def _day_json(key: ThreadDay) -> dict[str, object]:
    return {
        "date": key.date.isoformat(),
        "summary": [
            {"text": s.text, "sources": list(s.sources), "story": s.story, "file": s.file}
            for s in key.summary
        ],
    }


def _day_markdown(key: ThreadDay) -> str:
    said = []
    for s in key.summary:
        label = md_escape(_cite_label(s))
        cite = f"[{label}](<{s.file}#key-dates>)" if s.file else label
        said.append(f"{md_escape(' '.join(s.text.split()))} ({cite})")
    return f"- **{day(key.date)}** " + " ".join(said)


def _key_dates_html(key_dates: list[ThreadDay]) -> str:
    if not key_dates:
        return ""
    items = []
    for key in key_dates:
        said = []
        for s in key.summary:
            label = html_escape(_cite_label(s))
            cite = (
                f"<a class=cite href='{html_escape(s.file)}#key-dates'>[{label}]</a>"
                if s.file
                else f"<span class=cite>[{label}]</span>"
            )
            said.append(f"{html_escape(s.text)} {cite}")
        items.append(
            f"<li><time datetime={key.date.isoformat()}>{html_escape(day(key.date))}</time>"
            f"<p>{' '.join(said)}</p></li>"
        )
    return f"<section id=key-dates><h2>Key dates</h2><ol class=timeline>{''.join(items)}</ol></section>\n"


def _summary_line(thread: ThreadEntry) -> str:
    stories = [s for s in thread.stories]
    firsts = [s.earliest for s in stories if s.earliest]
    lasts = [s.latest for s in stories if s.latest]
    span = f"{min(firsts).isoformat()} – {max(lasts).isoformat()}" if firsts and lasts else "undated"
    return f"{_count(len(stories), 'story', 'stories')}, {_count(thread.n_articles, 'article')}, {span}"


def _story_json(entry: IndexEntry) -> dict[str, object]:
    return {
        "story": entry.number,
        "title": entry.title,
        "summary": one_line(entry.report),
        "articles": list(entry.article_ids),
        "size": len(entry.article_ids),
        "earliest": entry.earliest.isoformat() if entry.earliest else None,
        "latest": entry.latest.isoformat() if entry.latest else None,
        "sources": list(entry.sources),
        "disagreements": n_disagreements(entry),
        "file": entry.file,
        **({"error": entry.error} if entry.error else {}),
    }


def _thread_json(thread: ThreadEntry) -> dict[str, object]:
    return {
        "thread": thread.number,
        "title": thread.title,
        "size": thread.n_articles,
        "file": thread.file,
        "stories": [_story_json(s) for s in thread.stories],
    }


def _story_markdown(entry: IndexEntry) -> list[str]:
    name = md_escape(entry.title or f"story {entry.number}")
    link = f"[{name}](<{entry.file}>)" if entry.file else name
    sources = f" · {md_escape(', '.join(entry.sources))}" if entry.sources else ""
    badge = f" · **sources disagree ({n_disagreements(entry)})**" if n_disagreements(entry) else ""
    out = [f"- **{link}** — {_count(len(entry.article_ids), 'article')} · {dates(entry)}{sources}{badge}"]
    line = one_line(entry.report)
    if line:
        out.append(f"  {md_escape(line)}")
    elif entry.error:
        out.append(f"  _no report: {md_escape(entry.error)}_")
    return out


def _index_markdown(threads: list[ThreadEntry], title: str) -> str:
    n_stories = sum(len(t.stories) for t in threads)
    n_articles = sum(t.n_articles for t in threads)
    out = [
        f"# {md_escape(title)}",
        "",
        f"_{_count(len(threads), 'thread')}, {_count(n_stories, 'story', 'stories')} from "
        f"{_count(n_articles, 'article')}, largest thread first_",
    ]
    for thread in threads:
        name = md_escape(thread.title)
        link = f"[{name}](<{thread.file}>)" if thread.file else name
        out += ["", f"## {link}", "", f"_{_summary_line(thread)}_", ""]
        for entry in thread.stories:
            out += _story_markdown(entry)
    return "\n".join(out) + "\n"


def _story_html(entry: IndexEntry) -> str:
    name = html_escape(entry.title or f"Story {entry.number}")
    link = f"<a href='{html_escape(entry.file)}'>{name}</a>" if entry.file else name
    differs = n_disagreements(entry)
    badge = f" <span class=badge>sources disagree ({differs})</span>" if differs else ""
    sources = f" · {html_escape(', '.join(entry.sources))}" if entry.sources else ""
    line = html_escape(one_line(entry.report) or (entry.error or ""))
    return (
        f"<li><span class=n>{entry.number}</span><div><h3>{link}</h3>"
        f"<p class=meta>{_count(len(entry.article_ids), 'article')} · {html_escape(dates(entry))}"
        f"{sources}{badge}</p><p>{line}</p></div></li>"
    )


def _index_html(threads: list[ThreadEntry], title: str) -> str:
    n_stories = sum(len(t.stories) for t in threads)
    n_articles = sum(t.n_articles for t in threads)
    sections = []
    for thread in threads:
        name = html_escape(thread.title)
        link = f"<a href='{html_escape(thread.file)}'>{name}</a>" if thread.file else name
        stories = "".join(_story_html(entry) for entry in thread.stories)
        sections.append(
            f"<section><h2>{link}</h2><p class=meta>{html_escape(_summary_line(thread))}</p>"
            f"<ol class=sources>{stories}</ol></section>"
        )
    body = (
        f"<header><p class=kicker>storyline digest</p><h1>{html_escape(title)}</h1>"
        f"<p class=meta>{_count(len(threads), 'thread')}, {_count(n_stories, 'story', 'stories')} from "
        f"{_count(n_articles, 'article')}, largest thread first</p></header>\n" + "\n".join(sections)
    )
    return _page(title, body)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width, initial-scale=1'>\n"
        "<meta http-equiv=Content-Security-Policy "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{html_escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )
