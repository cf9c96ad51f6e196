"""Which disagreements storyline states plainly and which it shows with a caution.

Read by hand, disagreements over a toll (the dead, hurt or missing) or between figures
within a fifth of each other were real about half the time on every audited slice; two
figures far apart under any other label were real 6-27% of the time, most often counting
different things (docs/benchmarks.md, issue 10). Every report here is invented.
"""

from __future__ import annotations

import pytest
from figure_claims import claims_of

import storyline
from storyline.model import Claim
from storyline.render import CAUTION, render_story_html, render_story_markdown


def _disagreements(claims: list[Claim]) -> dict[frozenset[float], bool]:
    return {frozenset(v.value for v in c.values): c.confident for c in claims if c.disagreement}


@pytest.mark.slow
def test_a_toll_disagrees_plainly_however_far_apart() -> None:
    found = _disagreements(
        claims_of(
            "Forty people were killed in the blast at the Orsk market, police said.",
            "The blast at the Orsk market killed 120 people, the health ministry said.",
        )
    )
    assert found == {frozenset({40.0, 120.0}): True}


@pytest.mark.slow
@pytest.mark.parametrize(("other", "confident"), [(450e6, True), (90e6, False)], ids=["close", "far"])
def test_close_figures_disagree_plainly_and_far_ones_with_a_caution(other: float, confident: bool) -> None:
    found = _disagreements(
        claims_of(
            "The new bridge over the Lune will cost $410 million, the council said.",
            f"The new bridge over the Lune will cost ${other / 1e6:.0f} million, the council said.",
        )
    )
    assert found == {frozenset({410e6, other}): confident}


@pytest.mark.slow
def test_reports_show_the_caution_beside_a_far_apart_figure_and_list_it_last() -> None:
    articles = [
        storyline.Article(
            id="a",
            text="Forty people were killed in the blast at the Orsk market, police said. "
            "Rebuilding the market will cost $410 million, the council said.",
        ),
        storyline.Article(
            id="b",
            text="The blast at the Orsk market killed 120 people, the health ministry said. "
            "Rebuilding the market will cost $90 million, the council said.",
        ),
    ]
    story = storyline.Reporter()(articles)
    assert {c.confident for c in story.claims if c.disagreement} == {True, False}
    markdown = render_story_markdown(story)
    assert markdown.count(CAUTION) == 1
    assert markdown.index("killed") < markdown.index(CAUTION)
    html = render_story_html(story)
    assert html.count(CAUTION) == 1
    claims = [c for c in story.to_dict()["claims"] if c["disagreement"]]
    assert sorted(c["confident"] for c in claims) == [False, True]
    # two rival figures are two readings, shown as A and B on the page and in the text
    assert all([v["reading"] for v in c["values"]] == [0, 1] for c in claims)
    assert "| what | reading | figure |" in markdown and "| A | 40 |" in markdown
    assert "<td class=reading>B</td>" in html
