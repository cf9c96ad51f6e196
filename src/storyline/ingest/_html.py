"""HTML pages to articles, through trafilatura's main-content extraction."""

from __future__ import annotations

from storyline.model import Article
from storyline.text import parse_date

MAX_HTML_CHARS = 5_000_000
"""A page is parsed up to this many characters (news pages are rarely over 2 MB; the
parser's time grows fast on huge ones, and cleaning reads 300,000 characters of text)."""


def parse_html(html: str, *, article_id: str, url: str | None = None) -> Article:
    """Extract the main text, title, date and canonical url of one web page."""
    import trafilatura

    html = html[:MAX_HTML_CHARS]
    # Comments are left out here; cleaning also catches comment sections in plain text.
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or isinstance(doc, dict):
        return Article(text="", id=article_id, url=url)
    text = doc.text or ""
    date = parse_date(doc.date)
    return Article(
        text=text,
        id=article_id,
        title=doc.title or None,
        date=date,
        url=doc.url or url,
        source=doc.sitename or None,
        date_source="metadata" if date else None,
    )


def looks_like_html(text: str) -> bool:
    """Tell an HTML page from plain text by its opening."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
