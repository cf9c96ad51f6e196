"""Writes: articles (one or a list), feeds, and reports of posted documents (nothing stored)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from storyline.errors import Errors, InputError
from storyline.model import Article
from storyline.service._feeds import poll_feed
from storyline.service._inputs import ArticleIn, to_article
from storyline.service._reports import Reports
from storyline.service.deps import get_fetcher, get_reports, get_settings, get_store, require_key
from storyline.service.errors import error_body
from storyline.service.fetch import SafeFetcher
from storyline.service.settings import Settings
from storyline.service.store import Store

router = APIRouter(prefix="/api", tags=["write"])

ARTICLES_EXAMPLE = [
    {"id": "kh-1", "title": "Fire at the port", "text": "A fire broke out...", "date": "2026-03-07"},
    {"url": "https://example.com/news/fire.html"},
]


def _validated(raw: Any, max_items: int) -> list[ArticleIn | InputError]:
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise HTTPException(422, "no article: send one article object or a non-empty list")
    if len(items) > max_items:
        raise HTTPException(413, f"{len(items)} articles in one request; at most {max_items}")
    out: list[ArticleIn | InputError] = []
    for position, item in enumerate(items):
        try:
            out.append(ArticleIn.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ())) or "article"
            out.append(InputError(Errors.SL109, doc_id=position, reason=f"{where}: {first.get('msg', '')}"))
    return out


@router.post(
    "/articles",
    dependencies=[Depends(require_key)],
    summary="Store one article or a list; answer each one's story and thread",
    openapi_extra={
        "requestBody": {
            "content": {"application/json": {"example": ARTICLES_EXAMPLE}},
            "description": "One article object or a list: {id?, text | html | url, title?, date?, source?}",
        }
    },
)
def post_articles(
    payload: Annotated[Any, Body()],
    store: Annotated[Store, Depends(get_store)],
    fetcher: Annotated[SafeFetcher, Depends(get_fetcher)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> JSONResponse:
    """Each result has its `position`; a bad article is reported there and the others are stored.

    Posting an id or URL the store already holds changes nothing (`created: false`).
    """
    items = _validated(payload, settings.max_articles)
    results: list[dict[str, Any] | None] = [None] * len(items)
    good: list[tuple[int, Article]] = []
    for position, item in enumerate(items):
        if isinstance(item, InputError):
            results[position] = {"position": position, **error_body(item.code, str(item))}
            continue
        try:
            good.append((position, to_article(item, fetcher=fetcher, position=position)))
        except InputError as exc:
            results[position] = {"position": position, **error_body(exc.code, str(exc))}
    stored = store.add_articles([a for _, a in good]) if good else []
    for (position, _), s in zip(good, stored, strict=True):
        results[position] = {
            "position": position,
            "id": s.article_id,
            "story": s.story,
            "thread": s.thread,
            "created": s.created,
        }
    n_errors = len(items) - len(good)
    body = {"results": results, "n_stored": sum(s.created for s in stored), "n_errors": n_errors}
    return JSONResponse(body, status_code=422 if not good else 200)


class FeedIn(BaseModel):
    url: str = Field(max_length=2048, examples=["https://example.com/feed.xml"])


@router.post(
    "/feeds", dependencies=[Depends(require_key)], summary="Register an RSS or Atom feed and poll it now"
)
async def post_feed(
    feed: FeedIn,
    store: Annotated[Store, Depends(get_store)],
    fetcher: Annotated[SafeFetcher, Depends(get_fetcher)],
) -> dict[str, Any]:
    if not feed.url.lower().startswith(("http://", "https://")):
        raise InputError(Errors.SL501, url=feed.url[:200], reason="only http(s) feeds")
    feed_id, is_new = await run_in_threadpool(store.add_feed, feed.url)
    n_new = await run_in_threadpool(poll_feed, store, fetcher, feed_id, feed.url)
    found = next((f for f in await run_in_threadpool(store.list_feeds) if f["id"] == feed_id), None)
    return {"id": feed_id, "created": is_new, "n_new": n_new, "feed": found}


@router.get("/feeds", summary="The registered feeds")
def get_feeds(store: Annotated[Store, Depends(get_store)]) -> list[dict[str, Any]]:
    return store.list_feeds()


class ReportIn(BaseModel):
    documents: list[ArticleIn] = Field(min_length=1, max_length=200)


@router.post(
    "/report", summary="Documents in, report out (the JSON of `storyline report`); nothing is stored"
)
async def post_report(
    request: ReportIn,
    reports: Annotated[Reports, Depends(get_reports)],
    fetcher: Annotated[SafeFetcher, Depends(get_fetcher)],
) -> dict[str, Any]:
    articles = await run_in_threadpool(_documents, request, fetcher)
    return await reports.report(articles)


def _documents(request: ReportIn, fetcher: SafeFetcher) -> list[Article]:
    articles = []
    for position, item in enumerate(request.documents):
        article = to_article(item, fetcher=fetcher, position=position)
        if not article.id:
            article = Article(
                text=article.text,
                id=article.url or str(position),
                title=article.title,
                date=article.date,
                url=article.url,
                source=article.source,
            )
        articles.append(article)
    return articles
