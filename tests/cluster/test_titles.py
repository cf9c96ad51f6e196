"""Titles: a story's most representative headline or an extracted one; a thread's topic."""

from __future__ import annotations

from storyline.cluster import extract_headline, story_title, thread_title
from storyline.model import Article


def test_story_title_is_the_headline_whose_words_the_story_shares() -> None:
    articles = [
        Article(text="Dock workers in Port Selva walked out over pay.", title="Live updates"),
        Article(
            text="Port Selva dock workers strike over pay.", title="Port Selva dock workers strike over pay"
        ),
        Article(text="The strike in Port Selva stopped container traffic."),
    ]
    assert story_title(articles) == "Port Selva dock workers strike over pay"


def test_story_title_without_titles_is_a_short_extracted_headline() -> None:
    text = (
        "ULAN BATOR, Mongolia, January 13 (Xinhua) -- Mongolia has decided to apply to join the World Trade "
        "Organization and the Asia-Pacific Economic Cooperation forum, the government said today. More text."
    )
    title = story_title([Article(text=text)])
    assert title.startswith("Mongolia has decided to apply")
    assert title.endswith("…") and len(title.split()) <= 14
    assert "Xinhua" not in title and title != "Story report"
    assert extract_headline("short one. Second sentence.") == "Short one."


def test_thread_title_names_the_topic_not_one_event() -> None:
    arrest = [Article(text="Police said former ruler Teodor Malkovic was arrested in Kessport on Friday.")]
    ruling = [Article(text="A court in Kessport ruled that Teodor Malkovic can be extradited to the Lune.")]
    appeal = [Article(text="Lawyers for Teodor Malkovic appealed in Kessport against his extradition.")]
    title = thread_title([arrest, ruling, appeal])
    assert title.startswith("Teodor Malkovic, Kessport")
    assert thread_title([arrest]) == story_title(arrest)  # one story: its own title
