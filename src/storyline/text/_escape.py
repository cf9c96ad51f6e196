"""Escaping for every output format: text from a report never becomes markup, a link or a
terminal control sequence.

HTML goes through `html_escape`, Markdown through `md_escape`; links are made only
from http(s) URLs (`safe_url`, `md_link`). Control characters and bidirectional
overrides, which can disguise text in a terminal or a page, are removed (`plain`).
"""

from __future__ import annotations

import datetime as dt
import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
# Tab and newline are kept.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Text safe to print: control characters and bidi overrides removed."""
    return _INVISIBLE.sub("", text)


def html_escape(text: str) -> str:
    """Text for an HTML page or attribute."""
    return html.escape(plain(text), quote=True)


def md_escape(text: str) -> str:
    """Escape article text for Markdown: no links, HTML or emphasis can come from a report."""
    return _MD_SPECIAL.sub(r"\\\1", plain(text))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links: a `javascript:` URL from a scraped page must not become a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return plain(url.strip())
    return None


def md_link(url: str | None) -> str | None:
    """A Markdown autolink for an http(s) URL, its <, > and spaces percent-encoded; None otherwise."""
    safe = safe_url(url)
    if safe is None:
        return None
    return "<" + re.sub(r"[<>\s]", lambda m: f"%{ord(m.group(0)):02X}", safe) + ">"


def md_source(source_id: str, title: str | None, date: dt.date | None, url: str | None) -> list[str]:
    """The parts of a source's line in a Markdown list: id, title, date, link (each escaped)."""
    parts = [md_escape(source_id)]
    if title:
        parts.append(f"*{md_escape(' '.join(title.split()))}*")
    if date:
        parts.append(date.isoformat())
    if link := md_link(url):
        parts.append(link)
    return parts
