"""Server-rendered pages: latest threads and stories, a story, a thread, paste-a-report, search."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from storyline import __version__
from storyline.cluster import story_title
from storyline.errors import Errors, InputError
from storyline.model import Article
from storyline.render import CAUTION, READINGS_NOTE, reading_label
from storyline.service._inputs import ArticleIn, to_article
from storyline.service._reports import Reports, Served, not_modified
from storyline.service.deps import get_fetcher, get_reports, get_store, same_origin_form
from storyline.service.fetch import SafeFetcher
from storyline.service.store import Store

router = APIRouter(tags=["pages"], include_in_schema=False)
MAX_PASTED = 50
SEPARATOR = "---"


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    response: Response = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status
    )
    return response


@functools.cache
def _templates_digest() -> str:
    """The storyline version and a digest of the templates: a page's HTML is made by them."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=6)
    for path in sorted((Path(__file__).parents[1] / "templates").glob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _page_etag(served: Served) -> str:
    """A report page's ETag: its report's, and the templates'. Weak: the page is the same
    page, not the same bytes, if a story's row is read a moment later."""
    return f'W/"{_templates_digest()}-{served.tag}"'


def _unchanged(request: Request, served: Served) -> tuple[str, Response | None]:
    """The page's ETag, and a 304 answer when the browser holds that page already."""
    tag = _page_etag(served)
    if not_modified(request.headers.get("if-none-match"), tag):
        return tag, Response(status_code=304, headers={"ETag": tag, "Cache-Control": "no-cache"})
    return tag, None


def _tagged(response: Response, tag: str) -> Response:
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = "no-cache"
    return response


@router.get("/")
def home(request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    return _render(
        request,
        "index.html",
        {"threads": store.list_threads(limit=10), "stories": store.list_stories(limit=30), "q": ""},
    )


@router.get("/search")
def search(request: Request, store: Annotated[Store, Depends(get_store)], q: str = "") -> Response:
    q = q.strip()[:200]
    found = store.list_stories(limit=50, q=q) if q else []
    return _render(request, "search.html", {"q": q, "stories": found})


def view_of(report: dict[str, Any]) -> dict[str, Any]:
    """What the story template shows: numbered sources and each sentence's citation numbers."""
    documents = report.get("documents") or []
    number = {d["id"]: i for i, d in enumerate(documents, start=1)}

    def cites(sources: list[str]) -> list[dict[str, Any]]:
        return [{"n": number[s], "id": s} for s in sources if s in number]

    summary = [
        {"text": s["text"], "cites": cites(s.get("sources") or [])} for s in report.get("summary") or []
    ]
    timeline = [
        {"date": t.get("date"), "text": t.get("text"), "cites": cites(t.get("sources") or [])}
        for t in report.get("timeline") or []
    ]
    quotes = [
        {"speaker": q.get("speaker"), "text": q.get("text"), "cites": cites(q.get("sources") or [])}
        for q in report.get("quotes") or []
    ]
    differences = [
        {
            "about": c.get("about"),
            "rows": [
                {
                    **v,
                    "n": number.get(v.get("source") or ""),
                    "reading": reading_label(v["reading"]) if isinstance(v.get("reading"), int) else "",
                }
                for v in c.get("values") or []
            ],
            # a report written before `confident` existed shows its differences as before
            "confident": bool(c.get("confident", True)),
        }
        for c in report.get("claims") or []
        if c.get("disagreement")
    ]
    differences.sort(key=lambda d: not d["confident"])  # stable: each kind keeps its order
    headline = next((d.get("title") for d in documents if d.get("title")), None)
    return {
        "headline": headline or (summary[0]["text"] if summary else "Story"),
        "summary": summary,
        "timeline": timeline,
        "quotes": quotes[:12],
        "differences": differences,
        "caution": CAUTION,
        "readings_note": READINGS_NOTE,
        "entities": (report.get("entities") or [])[:20],
        "documents": [
            {**d, "n": number[d["id"]], "link": d.get("url") if _is_http(d.get("url")) else None}
            for d in documents
        ],
    }


def _is_http(url: object) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


@router.get("/stories/{story_id}")
async def story_page(
    request: Request,
    story_id: int,
    store: Annotated[Store, Depends(get_store)],
    reports: Annotated[Reports, Depends(get_reports)],
) -> Response:
    served = await reports.story(story_id)
    if served is None:
        raise HTTPException(404, f"no story {story_id}")
    tag, unchanged = _unchanged(request, served)
    if unchanged is not None:
        return unchanged
    row = await run_in_threadpool(store.story, story_id)
    if row is None:
        raise HTTPException(404, f"no story {story_id}")
    view = view_of(json.loads(served.body))
    view["headline"] = row.get("title") or view["headline"]  # the story's title, as the index shows it
    context = {"story": row, "view": view, "stale": served.stale}
    return _tagged(_render(request, "story.html", context), tag)


@router.get("/threads/{thread_id}")
async def thread_page(
    request: Request, thread_id: int, reports: Annotated[Reports, Depends(get_reports)]
) -> Response:
    served = await reports.thread(thread_id)
    if served is None:
        raise HTTPException(404, f"no thread {thread_id}")
    tag, unchanged = _unchanged(request, served)
    if unchanged is not None:
        return unchanged
    return _tagged(_render(request, "thread.html", {**json.loads(served.body), "stale": served.stale}), tag)


@router.get("/paste")
def paste_form(request: Request) -> Response:
    return _render(request, "paste.html", {"texts": "", "error": None})


@router.post("/paste", dependencies=[Depends(same_origin_form)])
async def paste_report(
    request: Request,
    texts: Annotated[str, Form(max_length=2_000_000)],
    reports: Annotated[Reports, Depends(get_reports)],
    fetcher: Annotated[SafeFetcher, Depends(get_fetcher)],
) -> Response:
    """Texts separated by a line of ---, or URLs one per line: the report, stored nowhere."""
    try:
        articles = await run_in_threadpool(_pasted, texts, fetcher)
        report = await reports.report(articles)
    except InputError as exc:
        return _render(request, "paste.html", {"texts": texts, "error": str(exc)}, status=422)
    view = view_of(report)
    view["headline"] = story_title(articles)
    return _render(request, "story.html", {"story": None, "view": view})


def _pasted(texts: str, fetcher: SafeFetcher) -> list[Article]:
    lines = [line.strip() for line in texts.splitlines() if line.strip()]
    if lines and all(line.lower().startswith(("http://", "https://")) for line in lines):
        items = [ArticleIn(url=line) for line in lines]
    else:
        parts = [p.strip() for p in _split(texts) if p.strip()]
        items = [ArticleIn(text=p) for p in parts]
    if not items:
        raise InputError(Errors.SL101)
    if len(items) > MAX_PASTED:
        raise InputError(Errors.SL109, doc_id="paste", reason=f"{len(items)} documents; at most {MAX_PASTED}")
    out = []
    for position, item in enumerate(items):
        article = to_article(item, fetcher=fetcher, position=position)
        out.append(
            Article(
                text=article.text,
                id=f"document {position + 1}",
                title=article.title,
                date=article.date,
                url=article.url,
                source=article.source,
            )
        )
    return out


def _split(texts: str) -> list[str]:
    parts: list[list[str]] = [[]]
    for line in texts.splitlines():
        if line.strip() == SEPARATOR:
            parts.append([])
        else:
            parts[-1].append(line)
    return ["\n".join(p) for p in parts]
