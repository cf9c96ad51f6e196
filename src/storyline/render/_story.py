"""Render a Story (the report) as JSON, Markdown or one self-contained HTML page.

Both Markdown and HTML render the same `StoryView` (render/_view.py). Every piece of
article text is escaped (`html.escape`, `md_escape`) and links are made only from
http(s) URLs, so a report of a page that contains `<script>` shows the text and runs
nothing.
"""

from __future__ import annotations

import json

from storyline.model import Story
from storyline.render._view import (
    CAUTION,
    READINGS_NOTE,
    Cited,
    Cites,
    Named,
    Person,
    StoryView,
    day,
    story_view,
)
from storyline.render._view import count_of as count_of
from storyline.render._view import date_range as date_range  # re-exported for the digest
from storyline.render._view import headline as headline
from storyline.text import html_escape, md_link, safe_url
from storyline.text import md_escape as md_escape  # re-exported for the digest

STORY_FORMATS = ("html", "md", "json")


def render_story(story: Story, fmt: str) -> str:
    """Render in one of STORY_FORMATS (anything else: JSON)."""
    renderers = {"html": render_story_html, "md": render_story_markdown}
    return renderers.get(fmt, render_story_json)(story)


def render_story_json(story: Story, *, indent: int | None = 2) -> str:
    return json.dumps(story.to_dict(), ensure_ascii=False, indent=indent) + "\n"


# --- Markdown -------------------------------------------------------------------


def render_story_markdown(story: Story) -> str:
    """The report for terminals and notes: the same sections as the HTML page."""
    view = story_view(story)
    out = [f"# {md_escape(view.headline)}", "", f"_{count_of(view.n_reports, 'report')} · {view.dates}_"]
    out += ["", "## Summary", "", " ".join(_md_cited(c) for c in view.summary)]
    if view.differences:
        out += ["", "## Where sources differ", "", f"_{READINGS_NOTE}_", ""]
        out += [
            "| what | reading | figure | as given | attributed to | source | date |",
            "|---|---|---|---|---|---|---|",
        ]
        for difference in view.differences:
            label = f"{difference.about} ({difference.kind})" if difference.kind else difference.about
            label += "" if difference.confident else f" — {CAUTION}"
            for row in difference.rows:
                when = row.date.isoformat() if row.date else ""
                out.append(
                    f"| {md_escape(label)} | {row.reading} | {row.value} | {md_escape(row.text)} "
                    f"| {md_escape(row.attributed_to or '')} | [{row.cite}] | {when} |"
                )
                label = ""
    if view.key_dates:
        out += ["", "## Key dates", ""]
        out += [f"- **{date}** " + " ".join(_md_cited(c) for c in said) for date, said in view.key_dates]
    if view.timeline:
        out += ["", "## Timeline", ""]
        out += [f"- **{date}** {_md_cited(said)}" for date, said in view.timeline]
    if view.people or view.also_named:
        out += ["", "## People and what they said", ""]
        for person in view.people:
            out.append(f"- **{md_escape(person.name or 'unattributed')}**{_md_person_meta(person)}")
            out += [f"  - “{md_escape(q.text)}”{_md_cites(q.cites)}" for q in person.quotes]
        if view.also_named:
            out.append("- also named: " + ", ".join(_md_named(n) for n in view.also_named))
    if view.places:
        out += ["", "## Organisations and places", "", ", ".join(_md_named(n) for n in view.places)]
    if view.agreements or view.figures:
        out += ["", "## Where sources agree", ""]
        out += [f"- {_md_cited(c)}" for c in view.agreements]
        out += [f"- {md_escape(about)}: {_md_cited(figure)}" for about, figure in view.figures]
    out += ["", "## Sources", ""]
    for source in view.sources:
        parts = [f"{source.number}. {md_escape(source.id)}"]
        if source.title:
            parts.append(f"*{md_escape(source.title)}*")
        if source.date:
            parts.append(f"{source.date.isoformat()} ({source.date_origin})")
        if link := md_link(source.url):
            parts.append(link)
        if source.excluded:
            parts.append("**left out**")
        if source.dropped:
            parts.append("dropped: " + ", ".join(f"{n} {r}" for r, n in source.dropped_counts))
        out.append(" — ".join(parts))
    out += [f"\n> warning: {md_escape(w)}" for w in view.warnings]
    return "\n".join(out) + "\n"


def _md_cited(item: Cited) -> str:
    return md_escape(item.text) + _md_cites(item.cites)


def _md_cites(cites: tuple[int, ...]) -> str:
    return "".join(f" [{n}]" for n in cites)


def _md_person_meta(person: Person) -> str:
    if not person.mentions:
        return ""
    aka = f" (also: {', '.join(md_escape(a) for a in person.aliases)})" if person.aliases else ""
    one_of = (
        f" (the surname alone: one of {', '.join(md_escape(n) for n in person.one_of)})"
        if person.one_of
        else ""
    )
    return f"{aka}{one_of} — {count_of(person.mentions, 'mention')} in {count_of(person.n_reports, 'report')}"


def _md_named(named: Named) -> str:
    return f"{md_escape(named.name)} ({named.type}, {count_of(len(named.cites), 'report')})"


# --- HTML -----------------------------------------------------------------------


def render_story_html(story: Story) -> str:
    """One self-contained page: no script, no external resource; every text escaped."""
    view = story_view(story)
    sections = [
        f"<header><p class=kicker>storyline report</p><h1>{_e(view.headline)}</h1>"
        f"<p class=meta>{count_of(view.n_reports, 'report')} · {_e(view.dates)} · "
        f"{view.n_names} names · {view.n_quotes} quotes · "
        f"{len(view.differences)} disagreements</p></header>",
        _html_summary(view),
        _html_differences(view),
        _html_key_dates(view),
        _html_timeline(view),
        _html_people(view),
        _html_agreements(view),
        _html_sources(view),
    ]
    body = "\n".join(s for s in sections if s)
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width, initial-scale=1'>\n"
        "<meta http-equiv=Content-Security-Policy "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_e(view.headline)} · storyline</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n"
        "<footer>Made by storyline from the reports listed above; every sentence links to the "
        "reports that carry it.</footer>\n</body>\n</html>\n"
    )


def _html_summary(view: StoryView) -> str:
    sentences = " ".join(f"<span class=sent>{_e(s.text)}{_cites(s.cites)}</span>" for s in view.summary)
    warnings = "".join(f"<p class=warn>{_e(w)}</p>" for w in view.warnings)
    return f"<section id=summary><h2>Summary</h2><p class=lede>{sentences}</p>{warnings}</section>"


def _html_differences(view: StoryView) -> str:
    if not view.differences:
        return ""
    rows = []
    for difference in view.differences:
        kind = f"<span class=badge>{_e(difference.kind)}</span>" if difference.kind else ""
        kind += "" if difference.confident else f"<br><span class=caution>{_e(CAUTION)}</span>"
        for i, row in enumerate(difference.rows):
            head = (
                f"<th rowspan={len(difference.rows)}>{_e(difference.about)}<br>{kind}</th>" if i == 0 else ""
            )
            rows.append(
                f"<tr>{head}<td class=reading>{_e(row.reading)}</td>"
                f"<td class=num>{row.value}</td><td>{_e(row.text)}</td>"
                f"<td>{_e(row.attributed_to or '—')}</td><td>{_cites((row.cite,))}</td>"
                f"<td class=date>{_e(day(row.date) if row.date else '—')}</td></tr>"
            )
    return (
        f"<section id=differences><h2>Where sources differ</h2><p class=note>{_e(READINGS_NOTE)}</p>"
        "<table><thead><tr><th>what</th><th>reading</th><th>figure</th><th>as given</th>"
        "<th>attributed to</th>"
        f"<th>source</th><th>report of</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _html_key_dates(view: StoryView) -> str:
    if not view.key_dates:
        return ""
    items = "".join(
        f"<li><time>{_e(date)}</time><p>"
        + " ".join(f"{_e(c.text)}{_cites(c.cites)}" for c in said)
        + "</p></li>"
        for date, said in view.key_dates
    )
    return f"<section id=key-dates><h2>Key dates</h2><ol class=timeline>{items}</ol></section>"


def _html_timeline(view: StoryView) -> str:
    if not view.timeline:
        return ""
    items = "".join(
        f"<li><time>{_e(date)}</time><p>{_e(said.text)}{_cites(said.cites)}</p></li>"
        for date, said in view.timeline
    )
    return f"<section id=timeline><h2>Timeline</h2><ol class=timeline>{items}</ol></section>"


def _html_people(view: StoryView) -> str:
    if not view.people and not view.also_named and not view.places:
        return ""
    cards = "".join(_card(person) for person in view.people)
    chips = ""
    if view.also_named:
        also = "".join(f"<li>{_e(n.name)} <small>{_cites(n.cites)}</small></li>" for n in view.also_named)
        chips += f"<h3>Also named</h3><ul class=chips>{also}</ul>"
    if view.places:
        places = "".join(
            f"<li title='{_e(', '.join(n.aliases))}'>{_e(n.name)} "
            f"<small>{_e(n.type)} · {len(n.cites)}</small></li>"
            for n in view.places
        )
        chips += f"<h3>Organisations and places</h3><ul class=chips>{places}</ul>"
    heading = "<h2>People and what they said</h2>"
    return f"<section id=people>{heading}<div class=cards>{cards}</div>{chips}</section>"


def _card(person: Person) -> str:
    meta = ""
    if person.mentions:
        aka = f" · also {_e(', '.join(person.aliases))}" if person.aliases else ""
        one_of = f" · the surname alone: one of {_e(', '.join(person.one_of))}" if person.one_of else ""
        meta = (
            f"<p class=meta>{count_of(person.mentions, 'mention')} in "
            f"{count_of(person.n_reports, 'report')}{aka}{one_of}</p>"
        )
    said = "".join(f"<blockquote>{_e(q.text)}{_cites(q.cites)}</blockquote>" for q in person.quotes)
    return f"<article class=card><h3>{_e(person.name or 'Unattributed')}</h3>{meta}{said}</article>"


def _html_agreements(view: StoryView) -> str:
    if not view.agreements and not view.figures:
        return ""
    items = "".join(f"<li>{_e(a.text)}{_cites(a.cites)}</li>" for a in view.agreements)
    figures = "".join(
        f"<li><b>{_e(about)}</b>: {_e(f.text)}{_cites(f.cites)}</li>" for about, f in view.figures
    )
    figures_html = f"<h3>Figures several reports give alike</h3><ul>{figures}</ul>" if figures else ""
    return f"<section id=agreements><h2>Where sources agree</h2><ul>{items}</ul>{figures_html}</section>"


def _html_sources(view: StoryView) -> str:
    items = []
    for source in view.sources:
        link = safe_url(source.url)
        title = _e(source.title or source.id)
        title_html = f"<a href='{_e(link)}' rel=noreferrer>{title}</a>" if link else title
        date = (
            f"{_e(day(source.date))} <small>({_e(source.date_origin or '')})</small>"
            if source.date
            else "undated"
        )
        status = " <span class=badge>left out</span>" if source.excluded else ""
        details = ""
        if source.dropped:
            rows = "".join(
                f"<li><span class=reason>{_e(reason)}</span> {_e(text[:300])}</li>"
                for reason, text in source.dropped
            )
            details = (
                f"<details><summary>{len(source.dropped)} items dropped</summary>"
                f"<ul class=dropped>{rows}</ul></details>"
            )
        items.append(
            f"<li id=src-{source.number}><span class=n>{source.number}</span><div><p>{title_html}{status}</p>"
            f"<p class=meta><code>{_e(source.id)}</code> · {date}</p>{details}</div></li>"
        )
    return f"<section id=sources><h2>Sources</h2><ol class=sources>{''.join(items)}</ol></section>"


# --- escaping -------------------------------------------------------------------


def _cites(cites: Cites) -> str:
    links = "".join(f"<a href='#src-{n}'>{n}</a>" for n in cites)
    return f"<sup class=cite>{links}</sup>"


def _e(text: str) -> str:
    return html_escape(text)


CSS = """
:root{--ink:#1d2327;--muted:#5f6b73;--line:#e3e6e8;--accent:#b4442c;--bg:#fbfaf7;--card:#fff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.6 Georgia,'Times New Roman',serif}
main{max-width:860px;margin:0 auto;padding:40px 24px 24px}
header{border-bottom:3px double var(--ink);margin-bottom:28px}
.kicker{font:600 12px/1 system-ui,sans-serif;letter-spacing:.12em;text-transform:uppercase;
 color:var(--accent)}
h1{font-size:34px;line-height:1.2;margin:8px 0 10px}
h2{font:700 14px/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);
 border-top:1px solid var(--line);padding-top:22px;margin:34px 0 14px}
h3{font:600 17px/1.3 system-ui,sans-serif;margin:0 0 4px}
section>h3{margin-top:22px}
.meta{font:14px/1.4 system-ui,sans-serif;color:var(--muted);margin:4px 0}
.lede{font-size:19px}
sup.cite{font:600 11px system-ui,sans-serif;margin-left:2px}
sup.cite a{color:var(--accent);text-decoration:none;margin-right:3px;padding:0 3px;
 border:1px solid #e8c9c1;border-radius:3px}
table{border-collapse:collapse;width:100%;font:14px/1.4 system-ui,sans-serif;background:var(--card)}
th,td{border-bottom:1px solid var(--line);padding:7px 8px;text-align:left;vertical-align:top}
thead th{color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase}
tbody th{background:#f6efe9;width:22%}
td.num{font-weight:700;font-variant-numeric:tabular-nums;color:var(--accent)}
td.date{white-space:nowrap;color:var(--muted)}
.caution{font-size:12px;color:#6b5a2a;font-style:italic}
.badge{display:inline-block;font:600 11px/1.6 system-ui,sans-serif;background:#f3ddd6;color:#7b2a18;
 border-radius:10px;padding:0 8px;margin-top:4px}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
ol.timeline li{position:relative;padding:0 0 12px 18px}
ol.timeline li::before{content:'';position:absolute;left:-6px;top:8px;width:10px;height:10px;
 border-radius:50%;
 background:var(--accent)}
ol.timeline time{font:600 13px system-ui,sans-serif;color:var(--muted)}
ol.timeline p{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:12px 14px}
blockquote{margin:8px 0 0;padding-left:10px;border-left:3px solid var(--accent);font-style:italic;
 font-size:15px}
ul.chips{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}
ul.chips li{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:2px 10px;
 font:14px system-ui,sans-serif}
ul.chips small{color:var(--muted)}
ol.sources{list-style:none;padding:0}
ol.sources>li{display:flex;gap:12px;padding:10px 0;border-bottom:1px solid var(--line)}
ol.sources p{margin:0}
.n{font:700 14px/26px system-ui,sans-serif;min-width:26px;height:26px;text-align:center;border-radius:50%;
 background:var(--ink);color:#fff}
details{font:13px/1.5 system-ui,sans-serif;color:var(--muted);margin-top:4px}
ul.dropped{padding-left:18px}
.reason{font-weight:600;color:var(--ink)}
.warn{color:var(--accent)}
footer{max-width:860px;margin:0 auto;padding:16px 24px 40px;font:13px system-ui,sans-serif;color:var(--muted)}
a{color:inherit}
"""
