"""The story report end to end: the bundled example against its gold, the schema, the page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import storyline
from storyline import Article, Reporter, Story
from storyline.evaluate import score_report
from storyline.ingest import read_files
from storyline.render import render_story

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kessport-fire"
GOLD = ROOT / "tests" / "gold" / "kessport-fire.json"


@pytest.fixture(scope="module")
def reporter() -> Reporter:
    return Reporter()


@pytest.fixture(scope="module")
def example(reporter: Reporter) -> Story:
    articles, _ = read_files([EXAMPLE])
    return reporter(articles, cluster_id="kessport-fire")


def test_example_meets_its_gold(example: Story) -> None:
    scores = score_report(example.to_dict(), json.loads(GOLD.read_text(encoding="utf-8")))
    floors = {  # (precision, recall) measured 2026-11-22, less a margin for model noise
        "publication dates": (1.0, 1.0),
        "event dates": (0.9, 0.75),
        "entity merges": (0.9, 0.6),
        "quotes found": (0.95, 0.95),
        "quote speakers": (0.9, 0.9),
        "claims": (0.8, 0.75),
        "attributions": (0.75, 0.55),  # 0.833 / 0.600 measured 2026-12-07
        "disagreements": (0.75, 1.0),
    }
    for feature, (precision, recall) in floors.items():
        got = scores[feature]
        assert got.precision is not None and got.precision >= precision, (feature, got)
        assert got.recall is not None and got.recall >= recall, (feature, got)


def test_example_facts(example: Story) -> None:
    docs = {d.article.id: d for d in example.documents}
    assert docs["06-varnian-observer.html"].date_origin == "metadata"
    assert docs["04-meridian-post.txt"].article.date == dt.date(2026, 3, 10)  # "Published 3/10/2026"
    assert docs["07-unrelated.txt"].excluded
    valkov = next(e for e in example.entities if "Valkov" in e.name)
    assert {"Sergei Valkov", "Sergey Valkov", "Valkov"} <= {valkov.name, *valkov.aliases}
    deaths = next(c for c in example.claims if c.about == "deaths")
    assert deaths.disagreement and {4, 6, 7, 9} <= {v.value for v in deaths.values}
    assert all(len(a.sources) >= 2 for a in example.agreements) and example.agreements
    saturday = [e for e in example.timeline if str(e.date) == "2026-03-07"]
    assert any(len(e.sources) >= 3 for e in saturday)  # the fire, told by several reports
    keys = [e.date.key for e in example.timeline]
    assert keys == sorted(keys)


def test_json_schema(example: Story) -> None:
    data = json.loads(render_story(example, "json"))
    assert list(data)[:8] == [
        "id", "documents", "summary", "timeline", "entities", "quotes", "claims", "agreements",
    ]  # fmt: skip
    assert set(data["documents"][0]) >= {"id", "title", "date", "date_origin", "url", "dropped"}
    assert set(data["documents"][0]["dropped"][0]) >= {"text", "reason"}
    assert set(data["timeline"][0]) == {"date", "text", "sources", "source", "start", "end"}
    assert set(data["entities"][0]) == {"name", "type", "aliases", "sources", "mentions"}
    assert set(data["quotes"][0]) == {"speaker", "text", "sources", "source", "start", "end"}
    value = data["claims"][0]["values"][0]
    assert data["claims"][0]["disagreement"]  # a disagreement: each value says which reading it is
    assert set(value) == {"value", "text", "attributed_to", "source", "date", "reading", "start", "end"}
    agreed = next(c for c in data["claims"] if not c["disagreement"])["values"][0]
    assert set(agreed) == {"value", "text", "attributed_to", "source", "date", "start", "end"}
    assert set(data["summary"][0]) == {"text", "sources", "origin", "start", "end"}
    assert isinstance(data["claims"][0]["disagreement"], bool)
    assert set(data["agreements"][0]) == {"text", "sources"}


def test_markdown_has_every_section(example: Story) -> None:
    md = render_story(example, "md")
    for heading in ("## Summary", "## Where sources differ", "## Timeline", "## People", "## Sources"):
        assert heading in md


def test_markdown_quotes_close_before_their_citations(example: Story) -> None:
    import re

    md = render_story(example, "md")
    quoted = [line for line in md.splitlines() if line.startswith("  - “")]
    assert quoted
    for line in quoted:  # “what was said” [1] [2], never “what was said [1]”
        assert re.fullmatch(r"  - “[^”]*”( \[\d+\])+", line), line


def test_a_figure_no_source_disputes_cites_only_the_reports_that_give_it(reporter: Reporter) -> None:
    # a year apart, 14 and 40 arrests are two events: no disagreement, and no line may
    # cite the report that gives 40 for the figure 14
    story = reporter(
        [
            Article(id="a", text="Police in Dunmore arrested 14 people after the riot at the stadium.",
                    date=dt.date(2031, 1, 10)),
            Article(id="b", text="Police in Dunmore arrested 40 people at the harbour protest.",
                    date=dt.date(2032, 3, 2)),
            Article(id="c", text="At the harbour protest, police in Dunmore arrested 40 people.",
                    date=dt.date(2032, 3, 3)),
        ]
    )  # fmt: skip
    assert not any(c.disagreement for c in story.claims)
    md = render_story(story, "md")
    assert "- arrested: 40 [2] [3]\n" in md  # two reports give it alike
    assert "- arrested: 14" not in md  # one report's figure agrees with nothing: JSON only
    assert any(v.value == 14 for c in story.claims for v in c.values)


def test_html_is_self_contained_and_escapes_article_text(reporter: Reporter) -> None:
    hostile = Article(
        id="evil<b>",
        title="<script>alert('title')</script>",
        url="javascript:alert(1)",
        date=dt.date(2024, 5, 2),
        text=(
            "The harbour bridge closed on Thursday after a crack was found, the city council said.\n"
            "<script>alert('body')</script> Engineers will inspect the bridge on Friday, officials said.\n"
            '"We will not take any risks with the bridge," mayor Ana Ruiz said on Thursday.'
        ),
    )
    other = Article(
        id="b",
        date=dt.date(2024, 5, 2),
        text="The city council closed the harbour bridge on Thursday after engineers found a crack in it.",
    )
    page = render_story(reporter([hostile, other]), "html")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page and "href='javascript" not in page
    assert "http://" not in page and "https://" not in page  # nothing loaded from outside
    assert page.count("<section") >= 4


def test_undated_report_takes_the_date_of_reports_that_tell_the_same_events(reporter: Reporter) -> None:
    day = dt.date(2019, 8, 3)
    facts = [
        "A fire destroyed the old mill in Brenton on Friday night, fire officials said.",
        "About 60 firefighters fought the blaze for six hours before bringing it under control.",
        "Nobody was hurt, but the mill's owner said the building could not be saved.",
    ]
    dated = [
        Article(id=f"d{i}", date=day, text=" ".join(facts) + f" Report number {i} ends here.") for i in (1, 2)
    ]
    undated = Article(id="u", text=" ".join(facts))
    story = reporter([*dated, undated])
    docs = {d.article.id: d for d in story.documents}
    assert docs["u"].date_origin == "inferred" and docs["u"].article.date == day
    assert docs["d1"].date_origin == "given"


def test_public_api() -> None:
    story = storyline.report(
        [
            "Storms flooded the valley town of Marrow on Tuesday, and 300 residents left their homes.",
            "About 300 people left Marrow on Tuesday after storms flooded the valley town, officials said.",
        ],
        words=40,
    )
    assert story.summary.sentences and story.summary.n_words <= 40


def test_bad_documents_are_input_errors() -> None:
    with pytest.raises(storyline.InputError, match="not one string"):
        storyline.report("one long string of text")
    with pytest.raises(storyline.InputError, match="date must be"):
        storyline.report([Article(text="A fire broke out.", date="2026-03-09")])  # type: ignore[arg-type]


def test_markdown_escapes_article_text(reporter: Reporter) -> None:
    hostile = Article(
        id="x",
        text=(
            "The bridge closed on Thursday after a crack was found <script>alert(1)</script> in it.\n"
            "Engineers said [click](javascript:alert(8)) the bridge would reopen on Friday after repairs."
        ),
        url="javascript:alert(2)",
    )
    md = render_story(reporter([hostile]), "md")
    import re

    assert not re.search(r"(?<!\\)<script", md)  # only escaped: \<script\>
    assert "](javascript" not in md and "<javascript" not in md


def test_a_surname_two_people_share_says_whom_it_may_be() -> None:
    # Entities never merge "Quist" here (two people named in full share it); the card says so.
    articles = [
        Article(
            id="a",
            text=(
                "Seaman Tomas Quist, 21, died during training on Friday. His mother, Dora Quist, "
                "said he had wanted to serve since school. Quist joined the navy in May. "
                "Quist had trained for a month, the navy said."
            ),
        ),
        Article(
            id="b",
            text=(
                "Tomas Quist died on Friday during a training swim. Dora Quist thanked the navy. "
                "Quist was 21. Quist had been in the navy since May."
            ),
        ),
    ]
    page = render_story(Reporter()(articles, cluster_id="q"), "md")
    line = next(line for line in page.splitlines() if line.startswith("- **Quist**"))
    assert "one of Tomas Quist, Dora Quist" in line or "one of Dora Quist, Tomas Quist" in line
