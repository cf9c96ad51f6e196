from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.clean import clean_article, clean_corpus, dedupe_paragraphs
from storyline.ingest import read_files
from storyline.model import Article, Corpus
from storyline.text import paragraph_pieces

JUNK_FRAGMENTS = [
    "Главная",
    "Αρχική",
    "Home | World",
    "COMMENTS (3)",
    "Reply",
    "Replying to",
    "Photo:",
    "VPA/File",
    "©",
    "Share this article",
    "Read more",
    "Subscribe",
    "@vestnik",
    "https://",
    "By Tomas",
    "You’re reading",
    "Last updated",
    "Published 3/10/2026",
    "Comments are moderated",
    "Disqus",
    "[Advertisement]",
    "KESSPORT, March",
]


def test_clean_example_leaves_no_junk(example_dir: Path) -> None:
    articles, _ = read_files([example_dir])
    corpus = clean_corpus(Corpus(articles=tuple(articles)))
    for article in corpus.articles:
        for fragment in JUNK_FRAGMENTS:
            assert fragment not in article.body, (article.id, fragment)
    reasons = {d.reason for d in corpus.dropped}
    assert {
        "foreign_script",
        "comments",
        "caption",
        "byline",
        "dateline",
        "share_or_promo",
        "url_or_email",
        "reading_prefix",
        "duplicate",
        "navigation",
        "headline",
    } <= reasons


def test_clean_example_titles(example_dir: Path) -> None:
    articles, _ = read_files([example_dir])
    corpus = clean_corpus(Corpus(articles=tuple(articles)))
    by_id = {a.id: a for a in corpus.articles}
    assert (
        by_id["04-meridian-post.txt"].title
        == "Kessport counts the cost as prosecutors detain two Norvane managers"
    )
    assert by_id["01-kessport-herald.txt"].title.startswith("Four dead")


def test_clean_duplicates_within_and_across(example_dir: Path) -> None:
    articles, _ = read_files([example_dir])
    corpus = clean_corpus(Corpus(articles=tuple(articles)))
    dupes = [d for d in corpus.dropped if d.reason == "duplicate"]
    assert {d.source for d in dupes} == {"03-vestnik-varnii.txt", "05-kymata-news.txt"}
    assert corpus.copies  # the cross-document copy is remembered for citations
    # 02-varnia-wire (doc 1) carried the paragraph first; 05-kymata-news (doc 4) repeated it.
    assert [(doc, others) for (doc, _), others in corpus.copies.items()] == [(1, (4,))]


def test_clean_empty_and_error_pages() -> None:
    corpus = clean_corpus(
        Corpus(
            articles=(
                Article(id="e", text="   \n "),
                Article(
                    id="j",
                    text="We've detected that JavaScript is disabled in your browser. Would you like to proceed?",
                ),
                Article(id="ok", text="A flood hit the town of Marrow on Tuesday, the council said."),
            )
        )
    )
    assert corpus.excluded == {0, 1}
    reasons = {d.source: d.reason for d in corpus.dropped if d.kind == "document"}
    assert reasons == {"e": "empty", "j": "error_page"}


def test_clean_truncates_huge_article() -> None:
    text = ("The council met again on Tuesday to discuss the flood defences. " * 10 + "\n") * 2000
    cleaned, _kept, dropped = clean_article(Article(id="big", text=text), max_chars=50_000)
    assert len(cleaned.body) <= 50_000
    assert dropped[0].reason == "too_long" and "were not read" in (dropped[0].detail or "")


def test_comment_marker_near_top_is_not_a_section() -> None:
    text = "Comments (12)\n" + "\n".join(
        f"Paragraph {i} of the report says the storm moved north overnight." for i in range(5)
    )
    _cleaned, kept, _ = clean_article(Article(id="x", text=text))
    assert len(kept) == 5


def test_a_notice_to_the_browser_goes_and_the_report_run_on_after_it_stays() -> None:
    text = (
        "Javascript must be enabled to view our flood maps. To read the gauges without javascript, use our"
        " level 2.5+ stations feed or our other river feeds.\n"
        "Please turn on javascript. Media requires javascript to play. The river at Brenno rose 2.5 metres"
        " overnight, the water authority said.\n"
        "Users had to enable JavaScript to see the new flood maps, which drew complaints from farmers.\n"
        "Your browser does not support the video tag.\n"
        "Please enable JavaScript to watch. Flash floods swept the Kessla valley on Tuesday.\n"
        "Please enable JavaScript to watch this video Five people died when a bus overturned near Dunmore.\n"
        "Your browser is not the only thing tracking you online, the regulator said."
    )
    _cleaned, kept, dropped = clean_article(Article(id="x", title="T", text=text))
    assert [p.text for p in kept] == [
        "The river at Brenno rose 2.5 metres overnight, the water authority said.",
        "Users had to enable JavaScript to see the new flood maps, which drew complaints from farmers.",
        "Flash floods swept the Kessla valley on Tuesday.",
        # a notice with no stop of its own: the line is kept whole, not cut into the report
        "Please enable JavaScript to watch this video Five people died when a bus overturned near Dunmore.",
        "Your browser is not the only thing tracking you online, the regulator said.",
    ]
    assert [d.reason for d in dropped] == ["browser_notice"] * 4
    # the cut maps back to the given text
    assert text[kept[0].start : kept[0].end] == kept[0].text


def test_dateline_prefix_is_stripped() -> None:
    _cleaned, kept, dropped = clean_article(
        Article(
            id="x",
            title="T",
            text="KIEV, Ukraine (AP) — Russia pressed hard on Monday for a return to talks.",
        )
    )
    assert [p.text for p in kept] == ["Russia pressed hard on Monday for a return to talks."]
    assert dropped[0].reason == "dateline"
    # The dateline is kept on the article as a note, and the cut maps back to the given text.
    given = _cleaned.text
    assert [n.reason for n in _cleaned.clean.notes] == ["dateline"]
    assert given[dropped[0].start : dropped[0].end].strip() == "KIEV, Ukraine (AP) —"
    start, end = _cleaned.to_given(0, len(_cleaned.body))
    assert given[start:end] == "Russia pressed hard on Monday for a return to talks."


def test_dedupe_paragraphs_keeps_first() -> None:
    para = "The river burst its banks after three days of storms."
    docs = [[para, "Other text here."], ["Intro line.", para]]
    kept, copies, dropped = dedupe_paragraphs([paragraph_pieces("\n".join(d)) for d in docs], ["a", "b"])
    assert [[p.text for p in k] for k in kept] == [[para, "Other text here."], ["Intro line."]]
    assert copies == {(0, 0): (1,)}
    assert dropped[0].source == "b" and "same paragraph as in a" in (dropped[0].detail or "")


@settings(max_examples=50, deadline=None)
@example(
    [
        "Home | News | Sport",
        "Share this article",
        "By Jo Smith",
        "",
        "The river rose overnight, the council said on Tuesday.",
        "The river rose overnight, the council said on Tuesday.",
    ]
)  # once joined as a wrapped column, the menu lines were kept, then run into the body
@given(
    st.lists(
        st.sampled_from(
            [
                "By Jo Smith",
                "Home | News | Sport",
                "The river rose overnight, the council said on Tuesday.",
                "Share this article",
                "COMMENTS (2)",
                "Reply",
                "Residents were moved to two schools and the town hall.",
                "Главная | Новости",
                "(Photo: A. B./Herald)",
                "",
            ]
        ),
        max_size=12,
    )
)
def test_clean_is_idempotent(lines: list[str]) -> None:
    once, _, _ = clean_article(Article(id="x", title="Title", text="\n".join(lines)))
    twice, _, _ = clean_article(Article(id="x", title=once.title, text=once.body))
    assert twice.body == once.body
