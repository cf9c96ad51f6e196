"""Readable titles for stories and threads, from their articles alone (no model, no spaCy).

- A story's title is its most representative headline: of the articles that carry a
  title, the one whose title words are shared by the most articles of the story. Without
  titles, it is a short headline extracted from the most central article: its first
  sentence, dateline removed, cut at a word boundary.
- A thread's title names its topic, not one day's event: the names (capitalized words
  inside sentences) and key words found in the most of its stories, most widespread first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline.cluster._features import _SENTENCE_END, _stop_words
from storyline.model import Article

MAX_TITLE_WORDS = 14
MAX_TOPIC_TERMS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# "ULAN BATOR, Mongolia, January 13 (Xinhua) -- " or "GENEVA (Wire) - ": a dateline ends in a dash.
_DATELINE = re.compile(r"^[^\n]{0,90}?(?:\)|[A-Z]{2,})\s*(?:--|—|–|-)\s+")
# A run of capitalized words: "Teodor Malkovic", "European Central Bank".
_NAME_RUN = re.compile(r"\b[A-Z][A-Za-z'’-]*[A-Za-z](?:\s[A-Z][A-Za-z'’-]*[A-Za-z])*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _words(text: str) -> set[str]:
    stop = _stop_words()
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in stop}


def _central(articles: Sequence[Article]) -> Article:
    """The article whose words are shared by the most articles of the group (earliest on ties)."""
    bags = [_words(a.text[:3000]) for a in articles]
    df = Counter(w for bag in bags for w in bag)
    scores = [sum(df[w] for w in bag) / (len(bag) + 5) for bag in bags]
    return articles[max(range(len(articles)), key=lambda i: (scores[i], -i))]


def extract_headline(text: str) -> str:
    """A short headline from an article's text: its first sentence, without a dateline."""
    body = " ".join(text.split())
    body = _DATELINE.sub("", body, count=1)
    first = _SENTENCE.split(body, maxsplit=1)[0].strip()
    words = first.split()
    if len(words) > MAX_TITLE_WORDS:
        first = " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "…"
    return first[:1].upper() + first[1:] if first else "Untitled"


def story_title(articles: Sequence[Article]) -> str:
    """The most representative headline of a story's articles, or one extracted from its text."""
    if not articles:
        return "Untitled"
    titled = [a for a in articles if a.title and a.title.strip()]
    if titled:
        bags = [_words(a.text[:3000]) | _words(a.title or "") for a in articles]
        df = Counter(w for bag in bags for w in bag)

        def score(article: Article) -> float:
            words = _words(article.title or "")
            return sum(df[w] for w in words) / (len(words) + 2)

        best = max(titled, key=lambda a: (score(a), -titled.index(a)))
        return " ".join((best.title or "").split())
    return extract_headline(_central(articles).text)


def topic_terms(stories: Sequence[Sequence[Article]]) -> list[str]:
    """Names and key words in the most stories of a thread, then in the most articles."""
    stop = _stop_words()
    in_stories: Counter[str] = Counter()
    in_articles: Counter[str] = Counter()
    word_stories: Counter[str] = Counter()
    word_articles: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    for story in stories:
        story_names: set[str] = set()
        story_words: set[str] = set()
        for article in story:
            text = _DATELINE.sub("", " ".join(article.text[:3000].split()), count=1)
            found = set()
            for match in _NAME_RUN.finditer(text):
                before = text[max(0, match.start() - 3) : match.start()].rstrip(" ([‘'")
                words = re.sub(r"['’]s$", "", match.group()).split()
                if not before or before[-1] in _SENTENCE_END:
                    words = words[1:]  # a capital after a sentence end says nothing
                while words and words[0].lower() in stop:
                    words = words[1:]
                name = " ".join(words)
                key = name.lower()
                if len(key) < 3 or key in stop or (name.isupper() and len(name) > 5):
                    continue  # shouted datelines and headings are not names
                found.add(key)
                first_seen.setdefault(key, len(first_seen))
                spelling.setdefault(key, name)
            in_articles.update(found)
            story_names |= found
            bag = {w for w in _words(text[:1500]) if len(w) > 3}
            word_articles.update(bag)
            story_words |= bag
        in_stories.update(story_names)
        word_stories.update(story_words)
    # Most stories, then most articles, then full names before single words, then first seen.
    ranked = sorted(in_stories, key=lambda k: (-in_stories[k], -in_articles[k], -k.count(" "), first_seen[k]))
    terms = [spelling[k] for k in ranked[: MAX_TOPIC_TERMS - 1]]
    named = {t.lower() for t in terms}
    for word in sorted(word_stories, key=lambda w: (-word_stories[w], -word_articles[w], w)):
        if len(terms) >= MAX_TOPIC_TERMS:
            break
        if not any(word in n.split() for n in named):
            terms.append(word)
    return terms


def thread_title(stories: Sequence[Sequence[Article]]) -> str:
    """The topic of a thread: its most widespread names and key words; one story: its title."""
    stories = [s for s in stories if s]
    if not stories:
        return "Untitled"
    if len(stories) == 1:
        return story_title(stories[0])
    terms = topic_terms(stories)
    return ", ".join(terms) if terms else story_title(max(stories, key=len))
