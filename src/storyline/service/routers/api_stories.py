"""Reads: stories (paged, filtered), a story's report, a thread's stories and timeline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from storyline.service._reports import Reports, Served, not_modified
from storyline.service.deps import get_reports, get_store
from storyline.service.store import Store

router = APIRouter(prefix="/api", tags=["read"])


@router.get("/stories", summary="Stories, most recently updated first")
def list_stories(
    store: Annotated[Store, Depends(get_store)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    since: Annotated[dt.datetime | None, Query(description="updated at or after (ISO date or time)")] = None,
    thread: int | None = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description=(
                "words in an article's title or text (stemmed; all must match), "
                '"a phrase", `or`, `-word`; the stories found come best match first'
            ),
        ),
    ] = None,
) -> dict[str, Any]:
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    found = store.list_stories(limit=limit + 1, offset=offset, since=since, thread=thread, q=q)
    more = len(found) > limit
    return {"stories": found[:limit], "next_offset": offset + limit if more else None}


STALE_NOTE = (
    "`X-Report-Status: stale` means the story changed since this report was made; a fresh one is "
    "being computed and replaces it (`X-Report-Version` is the story version it was made for). "
    "The `ETag` changes when the story changes or its report is replaced: with `If-None-Match` "
    "naming it, the answer is 304 without a body."
)


def _answer(request: Request, served: Served) -> Response:
    headers = served.headers()
    if not_modified(request.headers.get("if-none-match"), served.etag):
        return Response(status_code=304, headers=headers)
    return Response(served.body, media_type="application/json", headers=headers)


@router.get(
    "/stories/{story_id}",
    summary="A story's report (the JSON of `storyline report`)",
    description="Computed when first asked and kept until the story changes. " + STALE_NOTE,
)
async def get_story(
    story_id: int, request: Request, reports: Annotated[Reports, Depends(get_reports)]
) -> Response:
    served = await reports.story(story_id)
    if served is None:
        raise HTTPException(404, f"no story {story_id}")
    return _answer(request, served)


@router.get(
    "/threads/{thread_id}",
    summary="A thread: its stories and its timeline",
    description="Kept until the thread changes. " + STALE_NOTE.replace("story", "thread"),
)
async def get_thread(
    thread_id: int, request: Request, reports: Annotated[Reports, Depends(get_reports)]
) -> Response:
    served = await reports.thread(thread_id)
    if served is None:
        raise HTTPException(404, f"no thread {thread_id}")
    return _answer(request, served)
