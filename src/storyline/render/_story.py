"""Render a Story (the report) as JSON, Markdown or one self-contained HTML page.

Every piece of article text goes through `html.escape` (and links through
`_safe_url`), so a report of a page that contains `<script>` shows the text and
runs nothing.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict

from storyline.model import Entity, Quote, Story

STORY_FORMATS = ("html", "md", "json")


def render_story(story: Story, fmt: str) -> str:
    """Render in one of STORY_FORMATS."""
    if fmt == "html":
        return render_story_html(story)
    if fmt == "md":
        return render_story_markdown(story)
    return render_story_json(story)


def render_story_json(story: Story, *, indent: int | None = 2) -> str:
    return json.dumps(story.to_dict(), ensure_ascii=False, indent=indent) + "\n"


def headline(story: Story) -> str:
    """The report's title: the cluster id, else the title of the report the summary leans on most."""
    if story.id:
        return story.id
    origins = [s.origin for s in story.summary.sentences]
    titled = {d.article.id: d.article.title for d in story.documents if d.article.title and not d.excluded}
    for origin in sorted(set(origins), key=lambda o: -origins.count(o)):
        if titled.get(origin):
            return str(titled[origin])
    return next(iter(titled.values()), "Story report")


def date_range(story: Story) -> str:
    dates = sorted(d.article.date for d in story.documents if d.article.date and not d.excluded)
    if not dates:
        return "undated"
    first, last = dates[0], dates[-1]
    return _day(first) if first == last else f"{_day(first)} – {_day(last)}"


# --- Markdown -------------------------------------------------------------------


def render_story_markdown(story: Story) -> str:
    """The report for terminals and notes: the same sections as the HTML page."""
    number = _numbers(story)
    out = [f"# {md_escape(headline(story))}", ""]
    n_docs = sum(1 for d in story.documents if not d.excluded)
    out.append(f"_{count_of(n_docs, 'report')} · {date_range(story)}_")
    out += ["", "## Summary", ""]
    out.append(
        " ".join(
            md_escape(s.text) + "".join(f" [{number[x]}]" for x in _sorted(s.sources, number))
            for s in story.summary.sentences
        )
    )
    disagreements = [c for c in story.claims if c.disagreement]
    if disagreements:
        out += ["", "## Where sources differ", ""]
        out += ["| what | figure | as given | attributed to | source | date |", "|---|---|---|---|---|---|"]
        for claim in disagreements:
            label = f"{claim.about} ({claim.kind})" if claim.kind else claim.about
            for value in claim.values:
                out.append(
                    f"| {md_escape(label)} | {_figure(value.value)} | {md_escape(value.text)} "
                    f"| {md_escape(value.attributed_to or '')} "
                    f"| [{number[value.source]}] | {value.date.isoformat() if value.date else ''} |"
                )
                label = ""
    if story.timeline:
        out += ["", "## Timeline", ""]
        for event in story.timeline:
            cites = "".join(f"[{number[x]}]" for x in _sorted(event.sources, number))
            out.append(f"- **{event.date}** {md_escape(event.text)} {cites}")
    people = [e for e in story.entities if e.type == "PERSON"]
    quotes_by = _quotes_by_speaker(story)
    if people or story.quotes:
        out += ["", "## People and what they said", ""]
        for person in people:
            aka = f" (also: {', '.join(md_escape(a) for a in person.aliases)})" if person.aliases else ""
            out.append(
                f"- **{md_escape(person.name)}**{aka} — {count_of(person.mentions, 'mention')} in "
                f"{count_of(len(person.sources), 'report')}"
            )
            for quote in quotes_by.pop(person.name, []):
                cites = "".join(f"[{number[x]}]" for x in _sorted(quote.sources, number))
                out.append(f"  - “{md_escape(quote.text)}” {cites}")
        for speaker, quotes in quotes_by.items():
            out.append(f"- **{md_escape(speaker or 'unattributed')}**")
            for quote in quotes:
                cites = "".join(f"[{number[x]}]" for x in _sorted(quote.sources, number))
                out.append(f"  - “{md_escape(quote.text)}” {cites}")
    others = [e for e in story.entities if e.type != "PERSON" and (e.mentions > 1 or len(e.sources) > 1)]
    if others:
        out += ["", "## Organisations and places", ""]
        out.append(
            ", ".join(f"{md_escape(e.name)} ({e.type}, {count_of(len(e.sources), 'report')})" for e in others)
        )
    if story.agreements:
        out += ["", "## Where sources agree", ""]
        for agreement in story.agreements:
            cites = "".join(f"[{number[x]}]" for x in _sorted(agreement.sources, number))
            out.append(f"- {md_escape(agreement.text)} {cites}")
    settled = [c for c in story.claims if not c.disagreement]
    if settled:
        out += ["", "## Other figures", ""]
        for claim in settled:
            sources = sorted({v.source for v in claim.values}, key=lambda x: number[x])
            cites = "".join(f"[{number[x]}]" for x in sources)
            out.append(f"- {md_escape(claim.about)}: {md_escape(claim.values[0].text)} {cites}")
    out += ["", "## Sources", ""]
    for doc in story.documents:
        article = doc.article
        parts = [f"{number[article.id]}. {md_escape(article.id)}"]
        if article.title:
            parts.append(f"*{md_escape(article.title)}*")
        if article.date:
            parts.append(f"{article.date.isoformat()} ({doc.date_origin})")
        link = md_link(article.url)
        if link:
            parts.append(link)
        if doc.excluded:
            parts.append("**left out**")
        dropped = [d for d in story.summary.dropped if d.source == article.id]
        if dropped:
            reasons: defaultdict[str, int] = defaultdict(int)
            for item in dropped:
                reasons[item.reason.replace("_", " ")] += 1
            parts.append("dropped: " + ", ".join(f"{n} {r}" for r, n in reasons.items()))
        out.append(" — ".join(parts))
    for warning in story.summary.warnings:
        out.append(f"\n> warning: {warning}")
    return "\n".join(out) + "\n"


# --- HTML -----------------------------------------------------------------------


def render_story_html(story: Story) -> str:
    """One self-contained page: no script, no external resource; every text escaped."""
    number = _numbers(story)
    title = headline(story)
    n_docs = sum(1 for d in story.documents if not d.excluded)
    sections = [
        f"<header><p class=kicker>storyline report</p><h1>{_e(title)}</h1>"
        f"<p class=meta>{count_of(n_docs, 'report')} · {_e(date_range(story))} · "
        f"{len(story.entities)} names · {len(story.quotes)} quotes · "
        f"{sum(c.disagreement for c in story.claims)} disagreements</p></header>",
        _html_summary(story, number),
        _html_differences(story, number),
        _html_timeline(story, number),
        _html_people(story, number),
        _html_agreements(story, number),
        _html_sources(story, number),
    ]
    body = "\n".join(s for s in sections if s)
    return (
        "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content='width=device-width, initial-scale=1'>\n"
        "<meta http-equiv=Content-Security-Policy "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_e(title)} · storyline</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n"
        "<footer>Made by storyline from the reports listed above; every sentence links to the "
        "reports that carry it.</footer>\n</body>\n</html>\n"
    )


def _html_summary(story: Story, number: dict[str, int]) -> str:
    sentences = " ".join(
        f"<span class=sent>{_e(s.text)}{_cites(s.sources, number)}</span>" for s in story.summary.sentences
    )
    warnings = "".join(f"<p class=warn>{_e(w)}</p>" for w in story.summary.warnings)
    return f"<section id=summary><h2>Summary</h2><p class=lede>{sentences}</p>{warnings}</section>"


def _html_differences(story: Story, number: dict[str, int]) -> str:
    claims = [c for c in story.claims if c.disagreement]
    if not claims:
        return ""
    rows = []
    for claim in claims:
        kind = f"<span class=badge>{_e(claim.kind)}</span>" if claim.kind else ""
        for i, value in enumerate(claim.values):
            head = f"<th rowspan={len(claim.values)}>{_e(claim.about)}<br>{kind}</th>" if i == 0 else ""
            rows.append(
                f"<tr>{head}<td class=num>{_figure(value.value)}</td><td>{_e(value.text)}</td>"
                f"<td>{_e(value.attributed_to or '—')}</td><td>{_cites((value.source,), number)}</td>"
                f"<td class=date>{_e(_day(value.date) if value.date else '—')}</td></tr>"
            )
    return (
        "<section id=differences><h2>Where sources differ</h2>"
        "<table><thead><tr><th>what</th><th>figure</th><th>as given</th><th>attributed to</th>"
        f"<th>source</th><th>report of</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _html_timeline(story: Story, number: dict[str, int]) -> str:
    if not story.timeline:
        return ""
    items = "".join(
        f"<li><time>{_e(str(e.date))}</time><p>{_e(e.text)}{_cites(e.sources, number)}</p></li>"
        for e in story.timeline
    )
    return f"<section id=timeline><h2>Timeline</h2><ol class=timeline>{items}</ol></section>"


def _html_people(story: Story, number: dict[str, int]) -> str:
    quotes_by = _quotes_by_speaker(story)
    cards, named = [], []
    for person in (e for e in story.entities if e.type == "PERSON"):
        quotes = quotes_by.pop(person.name, [])
        if quotes or person.mentions > 1:
            cards.append(_card(person.name, person, quotes, number))
        else:
            named.append(person)
    for speaker, quotes in quotes_by.items():
        cards.append(_card(speaker or "Unattributed", None, quotes, number))
    others = [e for e in story.entities if e.type != "PERSON" and (e.mentions > 1 or len(e.sources) > 1)]
    chips = "".join(
        f"<li title='{_e(', '.join(e.aliases))}'>{_e(e.name)} "
        f"<small>{_e(e.type)} · {len(e.sources)}</small></li>"
        for e in others
    )
    if not cards and not chips:
        return ""
    orgs = f"<h3>Organisations and places</h3><ul class=chips>{chips}</ul>" if chips else ""
    if named:
        also = "".join(f"<li>{_e(p.name)} <small>{_cites(p.sources, number)}</small></li>" for p in named)
        orgs = f"<h3>Also named</h3><ul class=chips>{also}</ul>{orgs}"
    return (
        f"<section id=people><h2>People and what they said</h2><div class=cards>{''.join(cards)}</div>"
        f"{orgs}</section>"
    )


def _card(name: str, entity: Entity | None, quotes: list[Quote], number: dict[str, int]) -> str:
    meta = ""
    if entity is not None:
        aka = f" · also {_e(', '.join(entity.aliases))}" if entity.aliases else ""
        meta = (
            f"<p class=meta>{count_of(entity.mentions, 'mention')} in "
            f"{count_of(len(entity.sources), 'report')}{aka}</p>"
        )
    said = "".join(f"<blockquote>{_e(q.text)}{_cites(q.sources, number)}</blockquote>" for q in quotes)
    return f"<article class=card><h3>{_e(name)}</h3>{meta}{said}</article>"


def _html_agreements(story: Story, number: dict[str, int]) -> str:
    items = "".join(f"<li>{_e(a.text)}{_cites(a.sources, number)}</li>" for a in story.agreements)
    settled = [c for c in story.claims if not c.disagreement]
    figures = "".join(
        f"<li><b>{_e(c.about)}</b>: {_e(c.values[0].text)}"
        f"{_cites(tuple(dict.fromkeys(v.source for v in c.values)), number)}</li>"
        for c in settled
    )
    if not items and not figures:
        return ""
    figures_html = f"<h3>Other figures (no source differs)</h3><ul>{figures}</ul>" if figures else ""
    return f"<section id=agreements><h2>Where sources agree</h2><ul>{items}</ul>{figures_html}</section>"


def _html_sources(story: Story, number: dict[str, int]) -> str:
    items = []
    for doc in story.documents:
        article = doc.article
        n = number[article.id]
        link = _safe_url(article.url)
        title = _e(article.title or article.id)
        title_html = f"<a href='{_e(link)}' rel=noreferrer>{title}</a>" if link else title
        date = (
            f"{_e(_day(article.date))} <small>({_e(doc.date_origin or '')})</small>"
            if article.date
            else "undated"
        )
        status = " <span class=badge>left out</span>" if doc.excluded else ""
        dropped = [d for d in story.summary.dropped if d.source == article.id]
        details = ""
        if dropped:
            rows = "".join(
                f"<li><span class=reason>{_e(d.reason.replace('_', ' '))}</span> {_e(d.text[:300])}</li>"
                for d in dropped
            )
            details = (
                f"<details><summary>{len(dropped)} items dropped</summary>"
                f"<ul class=dropped>{rows}</ul></details>"
            )
        items.append(
            f"<li id=src-{n}><span class=n>{n}</span><div><p>{title_html}{status}</p>"
            f"<p class=meta><code>{_e(article.id)}</code> · {date}</p>{details}</div></li>"
        )
    return f"<section id=sources><h2>Sources</h2><ol class=sources>{''.join(items)}</ol></section>"


# --- shared ---------------------------------------------------------------------


def _numbers(story: Story) -> dict[str, int]:
    return {d.article.id: i for i, d in enumerate(story.documents, start=1)}


def _sorted(sources: tuple[str, ...], number: dict[str, int]) -> list[str]:
    return sorted(sources, key=lambda s: number.get(s, 0))


def _cites(sources: tuple[str, ...], number: dict[str, int]) -> str:
    links = "".join(
        f"<a href='#src-{number[s]}' title='{_e(s)}'>{number[s]}</a>" for s in _sorted(sources, number)
    )
    return f"<sup class=cite>{links}</sup>"


def _quotes_by_speaker(story: Story) -> dict[str | None, list[Quote]]:
    grouped: dict[str | None, list[Quote]] = {}
    for quote in story.quotes:
        grouped.setdefault(quote.speaker, []).append(quote)
    return grouped


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 report", "2 reports"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def _figure(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _day(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links: a `javascript:` URL from a scraped page must not become a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


safe_url = _safe_url

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
# Control characters (ESC and the like) and bidirectional overrides, which can disguise
# text in a terminal or a page; tab and newline are kept.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Text safe to print: control characters and bidi overrides removed."""
    return _INVISIBLE.sub("", text)


def md_escape(text: str) -> str:
    """Escape article text for Markdown: no links, HTML or emphasis can come from a report."""
    return _MD_SPECIAL.sub(r"\\\1", plain(text))


def md_link(url: str | None) -> str | None:
    """An autolink for an http(s) URL, its <, > and spaces percent-encoded; None otherwise."""
    safe = _safe_url(url)
    if safe is None:
        return None
    return "<" + re.sub(r"[<>\s]", lambda m: f"%{ord(m.group(0)):02X}", plain(safe)) + ">"


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
