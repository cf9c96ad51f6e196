"""Render a Summary as plain text, Markdown or JSON."""

from __future__ import annotations

import json
import textwrap

from storyline.model import Summary
from storyline.text import md_escape, md_source, plain

FORMATS = ("text", "md", "json")


def render_text(summary: Summary, *, width: int = 88) -> str:
    """Plain text: each sentence followed by its sources in brackets."""
    lines = []
    for s in summary.sentences:
        lines.append(
            textwrap.fill(
                plain(f"{s.text} [{', '.join(s.sources)}]"),
                width=width,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    if summary.excluded:
        lines.append("")
        lines.append(plain(f"Left out: {', '.join(summary.excluded)}"))
    for warning in summary.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    """Markdown: the summary with [n] markers, then the numbered list of sources."""
    number = {a.id: i for i, a in enumerate(summary.articles, start=1)}
    out = []
    if summary.id:
        out.append(f"## {md_escape(summary.id)}\n")
    body = " ".join(
        md_escape(s.text) + "".join(f" [{n}]" for n in sorted(number[src] for src in s.sources))
        for s in summary.sentences
    )
    out.append(body + "\n")
    out.append("### Sources\n")
    for article in summary.articles:
        parts = md_source(article.id, article.title, article.date, article.url)
        parts[0] = f"{number[article.id]}. {parts[0]}"
        if article.id in summary.excluded:
            parts.append("(left out: " + _exclusion_reason(summary, article.id) + ")")
        out.append(" — ".join(parts))
    n_dropped = sum(1 for d in summary.dropped if d.kind != "document")
    if n_dropped:
        out.append(f"\n_{n_dropped} junk lines dropped; see `--format json` for each with its reason._")
    for warning in summary.warnings:
        out.append(f"\n> warning: {warning}")
    return "\n".join(out) + "\n"


def render_json(summary: Summary, *, indent: int | None = 2) -> str:
    """JSON in the documented schema (`Summary.to_dict`)."""
    return json.dumps(summary.to_dict(), ensure_ascii=False, indent=indent) + "\n"


def render(summary: Summary, fmt: str) -> str:
    """Render in one of FORMATS (anything else: plain text)."""
    renderers = {"md": render_markdown, "json": render_json}
    return renderers.get(fmt, render_text)(summary)


def _exclusion_reason(summary: Summary, article_id: str) -> str:
    for d in summary.dropped:
        if d.source == article_id and d.kind == "document":
            return d.reason.replace("_", " ")
    return "no usable text"
