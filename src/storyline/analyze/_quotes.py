"""Quotes: direct speech with its speaker, the same quote in several reports merged.

A quote is text in double quotation marks of four words or more. Its speaker is
the subject of the nearest speech verb outside the quotation marks in the same
paragraph ("...," Lavrov told his Arab counterparts; the ministry said; said Droz),
or what follows "according to". A pronoun subject is the person last quoted or
named before it in the same report; a paragraph that is only a quote continues
the previous paragraph's speaker, as news style does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from storyline.analyze._entities import TITLES, EntityIndex
from storyline.analyze._lexicon import lexicon
from storyline.analyze._nlp import Paragraph
from storyline.model import Corpus, Quote, Span
from storyline.text import count_words

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_VERBS = lexicon("speech_verbs")
_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_DROP_DET = frozenset({"the", "a", "an"})


@dataclass(slots=True)
class _Found:
    doc_index: int
    text: str
    speaker: str | None
    span: Span
    words: frozenset[str]


def extract_quotes(corpus: Corpus, paragraphs: list[Paragraph], entities: EntityIndex) -> list[Quote]:
    """Every direct quote with its speaker, merged across reports, in order of first appearance."""
    found: list[_Found] = []
    last_speaker: dict[int, tuple[int, str | None]] = {}
    for number, para in enumerate(paragraphs):
        matches = [m for m in _QUOTE.finditer(para.text) if count_words(m.group(1)) >= 4]
        if not matches:
            continue
        article_id = corpus.articles[para.doc_index].id
        outside = _outside_quotes(para.text, matches)
        for match in matches:
            speaker = _speaker(para, match, outside, entities, last_speaker.get(para.doc_index), number)
            quoted = match.group(1)
            text = " ".join(quoted.split()).strip(" ,")
            # The span covers the quote as shown: without the comma that hands over to "he said".
            start = para.start + match.start(1) + (len(quoted) - len(quoted.lstrip(" ,")))
            end = para.start + match.end(1) - (len(quoted) - len(quoted.rstrip(" ,")))
            found.append(_Found(para.doc_index, text, speaker, Span(article_id, start, end), _words(text)))
            last_speaker[para.doc_index] = (number, speaker)
    return _merge(corpus, found)


def _outside_quotes(text: str, matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for match in matches:
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    return spans


def _speaker(
    para: Paragraph,
    match: re.Match[str],
    outside: list[tuple[int, int]],
    entities: EntityIndex,
    previous: tuple[int, str | None] | None,
    number: int,
) -> str | None:
    def is_outside(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in outside)

    quoted = tuple((para.start + a[1], para.start + b[0]) for a, b in pairwise(outside))
    # The quote's own sentence first: the verb the quoted clause hangs from
    # ('"...," Lavrov stressed'), whatever other speaker the paragraph names.
    for verb in _governing_verbs(para, match, is_outside):
        subject = subject_of(verb) or _inverted_subject(verb, match)
        # Past a verb of saying, only a named or pronoun subject: "the report suggests"
        # or "analysts believe" are not who spoke the words.
        is_speech = verb.lemma_.lower() in SPEECH_VERBS
        if subject is not None and is_outside(subject) and (is_speech or subject.pos_ in ("PROPN", "PRON")):
            name = name_of(subject, para, entities, previous, number, quoted=quoted)
            if name:
                return name
    own = _own_sentences(para, match)
    candidates = []
    for token in para.doc:
        if not is_outside(token):
            continue
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            distance = (
                token.idx - match.end() if token.idx >= match.end() else (match.start() - token.idx) * 1.5
            )
            candidates.append((token.sent.start not in own, distance, token, "verb"))
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            distance = abs(token.idx - match.end())
            candidates.append((token.sent.start not in own, distance, token, "according"))
    for _, _, token, kind in sorted(candidates, key=lambda c: c[:2]):
        subject = subject_of(token) if kind == "verb" else _according_object(token)
        if subject is None or not is_outside(subject):
            continue
        name = name_of(subject, para, entities, previous, number, quoted=quoted)
        if name:
            return name
    if previous is not None and previous[0] >= number - 2 and match.start() <= 2:
        return previous[1]
    return None


def _own_sentences(para: Paragraph, match: re.Match[str]) -> set[int]:
    """The first tokens of the sentences the quote runs through, and of the one its closing mark is in."""
    return {
        sent.start
        for sent in para.doc.sents
        if sent.start_char <= match.end() and match.start() < sent.end_char
    }


def _governing_verbs(
    para: Paragraph, match: re.Match[str], is_outside: Callable[[Token], bool]
) -> list[Token]:
    """Verbs outside the quote that the quoted clause depends on, as reported speech.

    A speech verb, or any verb the quote is the clausal complement of ('"...,"
    Lavrov stressed'); a quoted noun phrase ('what he called "a lie"') does not count.
    """
    verbs = []
    for token in para.doc:
        if not match.start(1) <= token.idx < match.end(1):
            continue
        head = token.head
        if head is token or not is_outside(head) or head.pos_ not in ("VERB", "AUX"):
            continue
        is_speech = head.lemma_.lower() in SPEECH_VERBS
        if (is_speech or token.dep_ in ("ccomp", "parataxis")) and head not in verbs:
            verbs.append(head)
    return verbs


def _inverted_subject(verb: Token, match: re.Match[str]) -> Token | None:
    """'"...," marveled resident Ilse Varga': the parser may take the name after an
    inverted speech verb for its object; only right after the quote, and only a name."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.idx - match.end() > 3:
        return None
    names = [c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ == "PROPN"]
    return names[0] if names else None


def subject_of(verb: Token) -> Token | None:
    for head in (verb, verb.head):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if head.dep_ not in ("conj", "advcl", "ccomp", "parataxis"):
            break
    return None


def _according_object(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def name_of(
    subject: Token,
    para: Paragraph,
    entities: EntityIndex,
    previous: tuple[int, str | None] | None,
    number: int,
    *,
    quoted: tuple[tuple[int, int], ...] = (),
) -> str | None:
    """Who the subject token names; `quoted` (offsets in the article) holds quotations,
    whose names are spoken about, not speaking ('"We'll let General Mattis...," he said')."""
    start = para.start + subject.idx
    entity = entities.at(para.doc_index, start, start + len(subject.text))
    if entity is not None:
        return entity.name
    if subject.lower_ in _PRONOUNS:
        # The person named last before the pronoun in this paragraph, else the one
        # quoted just before, else the one named last before it in the report.
        here = _subject_before(subject, para, entities, quoted=quoted) or _last_person(
            entities, para.doc_index, start, since=para.start, quoted=quoted
        )
        if here is not None:
            return here
        if previous is not None and previous[1] and previous[0] >= number - 3:
            return previous[1]
        return _last_person(entities, para.doc_index, start, quoted=quoted)
    # The subject's own words ("the foreign ministry", "company spokeswoman Marta Osk"),
    # not what hangs after it ("workers at the plant").
    words = sorted(
        [t for t in subject.lefts if t.dep_ not in ("punct", "cc", "conj")] + [subject], key=lambda t: t.i
    )
    # "Lifeguard Lt. John Sandmeyer said": the parse may make the title the subject,
    # so the name can sit just after it.
    is_title = subject.text.rstrip(".").lower() in TITLES
    after = list(para.doc[subject.i + 1 : subject.i + 5]) if is_title else []
    for token in [*words, *after, *subject.subtree]:
        at = para.start + token.idx
        named = entities.at(para.doc_index, at, at + len(token.text))
        if named is not None and named.type in ("PERSON", "ORG"):
            return named.name
    text = " ".join(t.text for t in words if t.lower_ not in _DROP_DET)
    if text[:1].isupper() and count_words(text) <= 3:
        # A surname alone ("said Droz") that the tagger did not mark as a name.
        known = entities.find(text)
        if known is not None:
            return known.name
    return text if text and count_words(text) <= 8 else None


def _subject_before(
    pronoun: Token, para: Paragraph, entities: EntityIndex, *, quoted: tuple[tuple[int, int], ...] = ()
) -> str | None:
    """The person who is the subject of the sentence before the pronoun's, in this paragraph.

    "Lind met Brenner on Monday. She told reporters..." - she is Lind, the subject,
    not Brenner, the person named last.
    """
    sents = [s for s in para.doc.sents if s.end <= pronoun.sent.start]
    if not sents:
        return None
    for token in sents[-1]:
        if any(a <= para.start + token.idx < b for a, b in quoted):
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            for word in token.subtree:
                at = para.start + word.idx
                named = entities.at(para.doc_index, at, at + len(word.text))
                if named is not None and named.type == "PERSON":
                    return named.name
            return None
    return None


def _last_person(
    entities: EntityIndex,
    doc_index: int,
    before: int,
    *,
    since: int = 0,
    quoted: tuple[tuple[int, int], ...] = (),
) -> str | None:
    best = None
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        is_candidate = (
            since <= mention.span.start < before
            and entity.type == "PERSON"
            and not any(a <= mention.span.start < b for a, b in quoted)
        )
        if is_candidate and (best is None or mention.span.start > best[0]):
            best = (mention.span.start, entity.name)
    return best[1] if best else None


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _same(a: _Found, b: _Found) -> bool:
    small = min(len(a.words), len(b.words))
    return small > 0 and len(a.words & b.words) / small >= 0.8


def _merge(corpus: Corpus, found: list[_Found]) -> list[Quote]:
    groups: list[list[_Found]] = []
    for item in found:
        for group in groups:
            if any(_same(item, other) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    order = [a.id for a in corpus.articles]
    quotes = []
    for group in groups:
        speakers = [g.speaker for g in group if g.speaker]
        speaker = max(speakers, key=speakers.count) if speakers else None
        longest = max(group, key=lambda g: len(g.text))
        sources = sorted({corpus.articles[g.doc_index].id for g in group}, key=order.index)
        span = corpus.to_given(longest.span)
        quotes.append(Quote(speaker=speaker, text=longest.text, sources=tuple(sources), span=span))
    return quotes
