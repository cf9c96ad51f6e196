import json
import re

from storyline import Article, Summarizer
from storyline.render import render_json, render_markdown, render_text


def test_render_formats(hash_summarizer: Summarizer, cluster: list[Article]) -> None:
    summary = hash_summarizer(cluster)
    data = json.loads(render_json(summary))
    assert set(data) >= {"summary", "sources", "dropped"}
    assert set(data["summary"][0]) == {"text", "sources", "origin", "start", "end"}
    assert set(data["sources"][0]) >= {"id", "title", "date", "url"}
    assert all(set(d) >= {"source", "text", "reason"} for d in data["dropped"])
    md = render_markdown(summary)
    assert "### Sources" in md and "[1]" in md and "1. a" in md
    text = render_text(summary)
    assert "[a" in text


def test_markdown_cannot_be_injected(hash_summarizer: Summarizer) -> None:
    hostile = [
        Article(
            id="x`](javascript:alert(1))",
            url="javascript:alert(1)",
            title="<img src=x onerror=alert(1)>",
            text="The council met on Tuesday to discuss the flood defences for the town.\n"
            "Officials said the <b>work</b> would start [soon](javascript:x) and \u202eend\x1b[31m.",
        ),
        Article(
            id="y", url="https://example.org/a b>c", text="The council met on Tuesday about flood defences."
        ),
    ]
    md = render_markdown(hash_summarizer(hostile))
    # Markup from a report shows as escaped text, never as a tag or a link.
    assert not re.search(r"(?<!\\)<(img|b)\b", md) and not re.search(r"(?<!\\)\]\(", md)
    assert "\u202e" not in md and "\x1b" not in md
    assert "<https://example.org/a%20b%3Ec>" in md
