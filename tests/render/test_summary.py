import json

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
    assert "### Sources" in md and "[1]" in md and "1. `a`" in md
    text = render_text(summary)
    assert "[a" in text
