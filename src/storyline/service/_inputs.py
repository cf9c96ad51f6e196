"""Articles as callers send them (text, HTML or a URL) to `Article`s."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from storyline.errors import Errors, InputError
from storyline.ingest import decode_bytes, looks_like_html, parse_html
from storyline.model import Article
from storyline.service.fetch import SafeFetcher
from storyline.text import parse_date

MAX_TEXT_CHARS = 1_000_000


class ArticleIn(BaseModel):
    """One article: `text`, `html` or `url` (fetched by the server), and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, min_length=1, max_length=512)
    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    url: str | None = Field(default=None, max_length=2048)
    title: str | None = Field(default=None, max_length=2000)
    date: str | None = Field(default=None, max_length=64)
    source: str | None = Field(default=None, max_length=512)


def to_article(item: ArticleIn, *, fetcher: SafeFetcher, position: int) -> Article:
    """The Article for one item; fetch its URL when it has no text or HTML.

    Raises:
        InputError: no text, HTML or URL; a URL that cannot be fetched; nothing readable.
    """
    name = item.id or item.url or str(position)
    given = sum(v is not None for v in (item.text, item.html))
    if given > 1:
        raise InputError(Errors.SL109, doc_id=name, reason="give one of text and html, not both")
    if item.url is not None and not item.url.lower().startswith(("http://", "https://")):
        raise InputError(Errors.SL109, doc_id=name, reason="url must be http:// or https://")
    if item.text is not None:
        article = Article(text=item.text, id=item.id or "", url=item.url)
    elif item.html is not None:
        article = parse_html(item.html, article_id=item.id or "", url=item.url)
    elif item.url is not None:
        fetched = fetcher.fetch(item.url)
        text = decode_bytes(fetched.body, path=item.url)
        if fetched.content_type != "text/plain" or looks_like_html(text):
            article = parse_html(text, article_id=item.id or "", url=item.url)
        else:
            article = Article(text=text, id=item.id or "", url=item.url)
        article = Article(
            text=article.text,
            id=article.id,
            title=article.title,
            date=article.date,
            url=item.url,  # the URL asked for: posting it again is recognised
            source=article.source,
        )
    else:
        raise InputError(Errors.SL109, doc_id=name, reason="give text, html or url")
    if not article.text.strip():
        raise InputError(Errors.SL109, doc_id=name, reason="no text (empty, or no article found in the page)")
    date = article.date
    if item.date is not None:
        date = parse_date(item.date)
        if date is None:
            raise InputError(Errors.SL109, doc_id=name, reason=f"unreadable date {item.date[:40]!r}")
    return Article(
        text=article.text,
        id=item.id or article.id,
        title=item.title or article.title,
        date=date,
        url=item.url or article.url,
        source=item.source or article.source,
    )
