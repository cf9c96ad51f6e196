"""The digest's index: every story of a feed by size and date, with a one-line summary."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass

from storyline.model import Story
from storyline.render._story import CSS, count_of, date_range, headline, md_escape


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """A line of the index: the story, the file its report went to, and its articles."""

    number: int
    article_ids: tuple[str, ...]
    latest: dt.date | None
    report: Story | None
    file: str | None
    error: str | None = None


def one_line(story: Story | None) -> str:
    """The story in one sentence: the summary's first sentence."""
    if story is None or not story.summary.sentences:
        return ""
    return story.summary.sentences[0].text


def render_index(entries: list[IndexEntry], fmt: str, *, title: str = "storyline digest") -> str:
    if fmt == "json":
        return (
            json.dumps(
                {"title": title, "stories": [_entry_json(e) for e in entries]}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    if fmt == "md":
        return _index_markdown(entries, title)
    return _index_html(entries, title)


def _entry_json(entry: IndexEntry) -> dict[str, object]:
    return {
        "story": entry.number,
        "title": headline(entry.report) if entry.report else None,
        "summary": one_line(entry.report),
        "articles": list(entry.article_ids),
        "size": len(entry.article_ids),
        "latest": entry.latest.isoformat() if entry.latest else None,
        "disagreements": sum(c.disagreement for c in entry.report.claims) if entry.report else 0,
        "file": entry.file,
        **({"error": entry.error} if entry.error else {}),
    }


def _index_markdown(entries: list[IndexEntry], title: str) -> str:
    n_articles = sum(len(e.article_ids) for e in entries)
    out = [f"# {title}", "", f"_{len(entries)} stories from {n_articles} articles, largest first_", ""]
    for entry in entries:
        name = md_escape(headline(entry.report)) if entry.report else f"story {entry.number}"
        link = f"[{name}]({entry.file})" if entry.file else name
        when = entry.latest.isoformat() if entry.latest else "undated"
        out.append(f"{entry.number}. **{link}** — {count_of(len(entry.article_ids), 'article')} · {when}")
        line = one_line(entry.report)
        if line:
            out.append(f"   {md_escape(line)}")
        elif entry.error:
            out.append(f"   _no report: {entry.error}_")
    return "\n".join(out) + "\n"


def _index_html(entries: list[IndexEntry], title: str) -> str:
    n_articles = sum(len(e.article_ids) for e in entries)
    rows = []
    for entry in entries:
        story = entry.report
        name = html.escape(headline(story) if story else f"Story {entry.number}")
        href = html.escape(entry.file or "", quote=True)
        link = f"<a href='{href}'>{name}</a>" if entry.file else name
        when = html.escape(
            date_range(story) if story else (entry.latest.isoformat() if entry.latest else "undated")
        )
        differs = sum(c.disagreement for c in story.claims) if story else 0
        badge = f" <span class=badge>{differs} disagreements</span>" if differs else ""
        line = html.escape(one_line(story) or (entry.error or ""))
        rows.append(
            f"<li><span class=n>{entry.number}</span><div><h3>{link}</h3>"
            f"<p class=meta>{count_of(len(entry.article_ids), 'article')} · {when}{badge}</p>"
            f"<p>{line}</p></div></li>"
        )
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width, initial-scale=1'>\n"
        "<meta http-equiv=Content-Security-Policy "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<header><p class=kicker>storyline digest</p><h1>{html.escape(title)}</h1>"
        f"<p class=meta>{count_of(len(entries), 'story', 'stories')} from {count_of(n_articles, 'article')}, "
        "largest first</p></header>\n"
        f"<ol class=sources>{''.join(rows)}</ol>\n</main>\n</body>\n</html>\n"
    )
