"""A timeline as Markdown or as one self-contained HTML page (JSON is `Timeline.to_dict`).

Every piece of article text is escaped; only http(s) URLs become links; the page has
no script and loads nothing (a Content-Security-Policy says so to the browser).
"""

from __future__ import annotations

import datetime as dt
import json

from storyline.text import html_escape, md_escape, md_source, safe_url
from storyline.timelines._timeline import Timeline

TIMELINE_FORMATS = ("json", "md", "html")


def render_timeline(result: Timeline, fmt: str) -> str:
    """Render as "json", "md" or "html"."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "md":
        return _markdown(result)
    if fmt == "html":
        return _html(result)
    raise ValueError(f"unknown timeline format {fmt!r}; choose one of {', '.join(TIMELINE_FORMATS)}")


def _numbers(result: Timeline) -> dict[str, int]:
    return {source.id: i for i, source in enumerate(result.sources, start=1)}


def _day(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B %Y')}"


def _markdown(result: Timeline) -> str:
    number = _numbers(result)
    out = ["# Timeline", "", f"{len(result.dates)} dates from {result.n_articles} reports.", ""]
    for entry in result.dates:
        out.append(f"## {_day(entry.date)}")
        out.append("")
        for sentence in entry.summary:
            cites = " ".join(f"[{number[s]}]" for s in sentence.sources)
            out.append(f"- {_md(sentence.text)} {cites}")
        out.append("")
    if result.notes:
        out += ["## Notes", "", *(f"- {_md(note)}" for note in result.notes), ""]
    if result.sources:
        out += ["## Sources", ""]
        for source in result.sources:
            parts = md_source(source.id, source.title, source.date, source.url)
            out.append(f"- [{number[source.id]}] " + ", ".join(parts))
        out.append("")
    return "\n".join(out)


def _html(result: Timeline) -> str:
    number = _numbers(result)
    items = []
    for entry in result.dates:
        sentences = "".join(
            f"<li>{_e(s.text)} "
            + "".join(f"<a class=cite href='#s{number[x]}'>[{number[x]}]</a>" for x in s.sources)
            + "</li>"
            for s in entry.summary
        )
        items.append(
            f"<section class=day><h2><time datetime={entry.date.isoformat()}>"
            f"{_e(_day(entry.date))}</time></h2><ul>{sentences}</ul></section>"
        )
    notes = "".join(f"<li>{_e(note)}</li>" for note in result.notes)
    sources = []
    for source in result.sources:
        url = safe_url(source.url)
        label = _e(source.title or source.id)
        link = f"<a href='{_e(url)}' rel='noopener noreferrer'>{label}</a>" if url else label
        date = f" · {source.date.isoformat()}" if source.date else ""
        n = number[source.id]
        sources.append(f"<li id=s{n}>[{n}] {link} <small>{_e(source.id)}{date}</small></li>")
    body = "\n".join(items)
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width, initial-scale=1'>\n"
        "<meta http-equiv=Content-Security-Policy "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>Timeline · storyline</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<header><h1>Timeline</h1><p class=meta>{len(result.dates)} dates from "
        f"{result.n_articles} reports</p></header>\n{body}\n"
        + (f"<section><h2>Notes</h2><ul>{notes}</ul></section>\n" if notes else "")
        + (
            f"<section><h2>Sources</h2><ol class=sources>{''.join(sources)}</ol></section>\n"
            if sources
            else ""
        )
        + "</main>\n</body>\n</html>\n"
    )


def _e(text: str) -> str:
    return html_escape(text)


def _md(text: str) -> str:
    """Article text on one Markdown line, escaped."""
    return md_escape(" ".join(text.split()))


CSS = """
body{margin:0;background:#fbfaf7;color:#1d2327;font:17px/1.6 Georgia,'Times New Roman',serif}
main{max-width:760px;margin:0 auto;padding:40px 24px}
header{border-bottom:3px double #1d2327;margin-bottom:24px}
.meta{color:#5f6b73;font:14px system-ui,sans-serif}
.day{border-left:3px solid #b4442c;padding-left:18px;margin:0 0 22px}
.day h2{font:600 15px system-ui,sans-serif;color:#b4442c;margin:0}
.day ul{margin:4px 0 0;padding-left:18px}
.cite{font:12px system-ui,sans-serif;color:#5f6b73;text-decoration:none;margin-left:2px}
.sources{font-size:14px}
"""
