"""Quotes: direct speech with its speaker, the same quote in several reports merged.

A quote is text in quotation marks of four words or more: in double marks, one left
open at the end of its paragraph (a long quote runs on), one whose opening mark is
missing, or in single marks in a report that uses no double ones. Its speaker is, in
order: a name labelling the paragraph ('Marta Lind - "..."'); the subject of the verb
the quoted clause hangs from, or of the nearest speech verb (tweeted, posted and
expressed count) in the quote's own sentence; the person doing what that sentence
tells when it has no speech verb ('His friend Ole Brun put it to him: "..."'); the
subject of a speech verb in another sentence of the paragraph (the ministry said;
said Droz), or what follows "according to". A pronoun is the subject of the sentence
before it, else the person named before it in the paragraph, else the person the
paragraph before is about, else the one quoted just before, else the one named last
(never a person the quote itself speaks of); "it" is the organisation just named; a
definite role ("the chief", "the athlete") is the person named with that title, else
the one the report is about; a statement, letter or tweet speaks for whoever issued
it. A paragraph that is only a quote continues the previous quote's speaker, or the
subject of the reported speech just before it, as news style does.
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
    from spacy.tokens import Span as Span_
    from spacy.tokens import Token

SPEECH_VERBS = lexicon("speech_verbs")
# Verbs that hand over written or posted words as well as spoken ones ("Romney tweeted",
# "she posted", "he voiced his 'deep concern...'"): attribution in quotes only, not in claims.
_QUOTE_VERBS = SPEECH_VERBS | frozenset({"tweet", "post", "express", "voice", "reveal", "exclaim", "joke"})
_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]")
# Speech that runs on into the next paragraph: an opening mark left unclosed at the end
# (news style closes only the last paragraph of a long quote); and a closing curly mark
# whose opening one was lost at the start of the paragraph, where a verb of saying
# follows it ('...in common," said Ilse Varga').
_RUN_ON = re.compile(r"[“\"]([^“”\"]+)$")
_LOST_OPENING = re.compile(
    r"^\s*([^“”\"]+[,.?!])”(?=\s+(?:\S+\s+){0,4}?(?:said|says|told|tells|added|adds|wrote|writes|asked|"
    r"explained|noted|insisted|stated|recalled)\b)"
)
# Single marks, in reports that quote with them only ('We will stay,' she said): a closing
# mark is one no letter follows, so "don't" and "Lind's" stay inside.
_SINGLE = re.compile(r"(?<!\w)[‘']((?:[^‘’'“”\"]|[’'](?=\w))+)[’'](?!\w)")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_DROP_DET = frozenset({"the", "a", "an"})
# Nouns a report uses for a person it has already named ("the athlete said", "the former
# governor told reporters"). Words for unnamed sources ("the official", "a spokesman",
# "the witness") are not here: those stay as written.
_EPITHETS = frozenset(
    """athlete player star singer actor actress rapper musician artist model comedian author
    writer novelist billionaire mogul tycoon businessman businesswoman entrepreneur founder
    senator congressman congresswoman lawmaker politician candidate nominee governor mayor
    president premier chancellor pope king queen prince princess champion legend coach
    golfer boxer swimmer sprinter skier cyclist quarterback striker goalkeeper pitcher
    mother father mom dad wife husband widow widower daughter son teen teenager chief sheriff
    commissioner minister secretary chairman chairwoman ceo prosecutor judge""".split()
)
# Nouns for a person a report need not name ("a spokesman for the port said").
_ROLES = _EPITHETS | frozenset(
    """spokesman spokeswoman spokesperson official source witness resident officer expert
    analyst lawyer attorney doctor neighbour neighbor friend relative manager employee worker
    teacher student""".split()
)
# What carries someone's written words ("the statement said", "another tweet read").
_DOCUMENTS = frozenset({"statement", "letter", "message", "tweet", "post", "note", "email", "memo"})


@dataclass(slots=True)
class _Found:
    doc_index: int
    text: str
    speaker: str | None
    span: Span
    words: frozenset[str]
    sequence: str = ""
    """Its words in order, lowercased (`_sequence`), for `_same`."""

    def __post_init__(self) -> None:
        if not self.sequence:
            self.sequence = _sequence(self.text)


def extract_quotes(corpus: Corpus, paragraphs: list[Paragraph], entities: EntityIndex) -> list[Quote]:
    """Every direct quote with its speaker, merged across reports, in order of first appearance."""
    found: list[_Found] = []
    last_speaker: dict[int, tuple[int, str | None]] = {}
    single = _single_quoting(paragraphs)
    for number, para in enumerate(paragraphs):
        matches = _quotations(para.text, single=para.doc_index in single)
        if not matches:
            continue
        article_id = corpus.articles[para.doc_index].id
        outside = _outside_quotes(para.text, matches)
        before = (
            paragraphs[number - 1] if number and paragraphs[number - 1].doc_index == para.doc_index else None
        )
        context = _Context(entities, last_speaker.get(para.doc_index), number, before)
        for match in matches:
            speaker = _speaker(para, match, outside, context)
            quoted = match.group(1)
            text = " ".join(quoted.split()).strip(" ,")
            # The span covers the quote as shown: without the comma that hands over to "he said".
            start = para.start + match.start(1) + (len(quoted) - len(quoted.lstrip(" ,")))
            end = para.start + match.end(1) - (len(quoted) - len(quoted.rstrip(" ,")))
            found.append(_Found(para.doc_index, text, speaker, Span(article_id, start, end), _words(text)))
            if not _is_title(text):
                # A quoted title ("State of the Union") is nobody's speech to continue.
                last_speaker[para.doc_index] = (number, speaker)
    return _merge(corpus, found)


def _quotations(text: str, *, single: bool = False) -> list[re.Match[str]]:
    """The quotations of four words or more in a paragraph, in order: in double marks, one
    left open at its end, one whose opening mark is missing, or in single marks where
    the report uses no double ones."""
    pattern = _SINGLE if single else _QUOTE
    closed = list(pattern.finditer(text))
    # A title in single marks ('Che tempo che fa', a headline's 'Lind Will Stay') is no speech.
    found = [m for m in closed if count_words(m.group(1)) >= 4 and not (single and _is_title(m.group(1)))]
    if not single:
        tail = _RUN_ON.search(text, closed[-1].end() if closed else 0)
        if tail is not None and count_words(tail.group(1)) >= 4:
            found.append(tail)
        lead = _LOST_OPENING.match(text)
        if lead is not None and count_words(lead.group(1)) >= 4:
            found.insert(0, lead)
    return found


def _single_quoting(paragraphs: list[Paragraph]) -> set[int]:
    """The reports that quote in single marks only: no double mark anywhere in them."""
    double = {p.doc_index for p in paragraphs if _DOUBLE_MARK.search(p.text)}
    return {p.doc_index for p in paragraphs if p.doc_index not in double}


_DOUBLE_MARK = re.compile(r"[“”\"]")


@dataclass(frozen=True, slots=True)
class _Context:
    """What a quote's speaker may be read from beyond its own paragraph."""

    entities: EntityIndex
    previous: tuple[int, str | None] | None  # (paragraph number, speaker) of the report's last quote
    number: int  # this paragraph's number
    before: Paragraph | None  # the report's paragraph just before this one


def _is_title(text: str) -> bool:
    """A quoted name of a show, book or event: every longer word capitalised, no sentence in it."""
    words = text.split()
    return not re.search(r"[.,;:!?]", text) and all(w[:1].isupper() for w in words if len(w) > 3)


def _outside_quotes(text: str, matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for match in matches:
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    return spans


def _speaker(
    para: Paragraph, match: re.Match[str], outside: list[tuple[int, int]], context: _Context
) -> str | None:
    entities, previous, number = context.entities, context.previous, context.number

    def is_outside(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in outside)

    def name(subject: Token) -> str | None:
        return name_of(
            subject, para, entities, previous, number, quoted=quoted, before=context.before, spoken=spoken
        )

    spoken = frozenset(
        entities.entities[index].name
        for mention, index in entities.mentions_in(para.doc_index)
        if para.start + match.start(1) <= mention.span.start < para.start + match.end(1)
    )

    quoted = tuple((para.start + a[1], para.start + b[0]) for a, b in pairwise(outside))
    # "Marta Lind: "...."": a paragraph that opens with a name and a colon or dash.
    label = _label(para, match, entities)
    if label:
        return label
    # The quote's own sentence first: the verb the quoted clause hangs from
    # ('"...," Lavrov stressed'), whatever other speaker the paragraph names.
    for verb in _governing_verbs(para, match, is_outside):
        subject = _subject(verb, is_outside) or _inverted_subject(verb, match)
        # Past a verb of saying, only a named or pronoun subject: "the report suggests"
        # or "analysts believe" are not who spoke the words.
        is_speech = verb.lemma_.lower() in _QUOTE_VERBS
        if subject is not None and (is_speech or subject.pos_ == "PROPN" or subject.lower_ in _PRONOUNS):
            found = name(subject)
            if found:
                return found
    own = _own_sentences(para, match)
    candidates = []
    for token in para.doc:
        if not is_outside(token):
            continue
        distance = token.idx - match.end() if token.idx >= match.end() else (match.start() - token.idx) * 1.5
        if token.lemma_.lower() in _QUOTE_VERBS and token.pos_ in ("VERB", "AUX"):
            candidates.append((token.sent.start not in own, 0, distance, token, "verb"))
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            candidates.append(
                (token.sent.start not in own, 0, abs(token.idx - match.end()), token, "according")
            )
        elif token.sent.start in own and token.pos_ in ("VERB", "AUX") and _is_main(token):
            # No verb of saying in the quote's sentence: the person doing what the sentence
            # tells ("His friend Ole Brun put it to him: "..."", "Lind voiced her "...""),
            # before any speaker of another sentence.
            candidates.append((False, 1, distance, token, "doer"))
    for _, _, _, token, kind in sorted(candidates, key=lambda c: c[:3]):
        subject = _according_object(token) if kind == "according" else _subject(token, is_outside)
        if subject is None or not is_outside(subject):
            continue
        is_document = subject.lemma_.lower() in _DOCUMENTS
        is_doer = subject.dep_ == "nsubj" and (is_document or _is_person_like(subject, para, entities))
        if kind == "doer" and not is_doer:
            continue
        found = name(subject)
        if found:
            return found
    if match.start() <= 2:
        # A paragraph that opens with the quote and names nobody continues the speaker
        # of the quote or the reported speech just before it.
        if previous is not None and previous[0] == number - 1:
            return previous[1]
        reported = _reported_speaker(context.before, entities, speech_only=True)
        if reported is not None:
            return reported
        if previous is not None and previous[0] >= number - 2:
            return previous[1]
    return None


_LABEL = re.compile(r"\s*(\S.{0,60}?)\s*(?:[:–—]|-+)\s*")


def _label(para: Paragraph, match: re.Match[str], entities: EntityIndex) -> str | None:
    """The speaker a paragraph names before a colon or dash ahead of its first quote:
    'Marta Lind - "We stay."', a transcript's 'LIND: "..."'."""
    head = _LABEL.fullmatch(para.text[: match.start()])
    words = head.group(1).split() if head is not None else []
    if head is None or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None
    start = para.start + head.start(1)
    for mention, index in entities.mentions_in(para.doc_index):
        entity = entities.entities[index]
        # The label is a name and nothing else ('Mr Lind said: "' is none), opening with
        # the mention (the tagger may stretch it over the dash: 'Marta Lind - "').
        if start <= mention.span.start <= start + 1 and entity.type in ("PERSON", "ORG"):
            return entity.name
    return None


def _is_main(verb: Token) -> bool:
    """A verb of the sentence's main clauses, not of a clause about something in it
    ('Lind listed reasons why Brenner would fail: ...': listed, not fail)."""
    while verb.head.i != verb.i:
        if verb.dep_ not in ("conj", "ccomp", "parataxis", "xcomp"):
            return False
        verb = verb.head
    return True


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
        is_speech = head.lemma_.lower() in _QUOTE_VERBS
        if (is_speech or token.dep_ in ("ccomp", "parataxis")) and head not in verbs:
            verbs.append(head)
    return verbs


def _inverted_subject(verb: Token, match: re.Match[str]) -> Token | None:
    """'"...," marveled resident Ilse Varga': the parser may take the name after an
    inverted speech verb for its object; only right after the quote, and only a name."""
    if verb.lemma_.lower() not in _QUOTE_VERBS or verb.idx - match.end() > 3:
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


def _subject(verb: Token, is_outside: Callable[[Token], bool]) -> Token | None:
    """The subject of `verb` outside the quotes, or of the clause it hangs from.

    The parser may give the verb a second subject inside the quote ('"Mitt's one of our
    leaders," Ryan said'), and a participle its clause's subject three heads up ('She
    chose to wait, saying...'); a relative clause's subject is the noun it describes.
    """
    head = verb
    for _ in range(4):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and is_outside(child):
                relative = child.lower_ in ("who", "that") or any(t.lower_ == "whose" for t in child.children)
                # "Lind, who told reporters ...": the person the relative clause is about.
                return head.head if relative and head.dep_ == "relcl" else child
        if head.dep_ not in ("conj", "advcl", "ccomp", "parataxis", "xcomp") or head.head.i == head.i:
            break
        head = head.head
    return None


def _is_person_like(subject: Token, para: Paragraph, entities: EntityIndex) -> bool:
    """A personal pronoun, or a subject whose own words hold a person's or body's name."""
    if subject.lower_ in _PRONOUNS:
        return True
    for token in _own_words(subject):
        at = para.start + token.idx
        named = entities.at(para.doc_index, at, at + len(token.text))
        if named is not None and named.type in ("PERSON", "ORG"):
            return True
    return False


def _own_words(subject: Token) -> list[Token]:
    """The subject's phrase without what hangs off a possessive ("JFK's friend Ken Ode":
    not JFK) or after a preposition or clause ("workers at the plant")."""
    words = []
    for token in subject.subtree:
        path = [token, *[a for a in token.ancestors if a.i != subject.i and subject.is_ancestor(a)]]
        if any(t.dep_ in ("poss", "prep", "relcl", "acl", "advcl") for t in path):
            continue
        words.append(token)
    return words


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
    before: Paragraph | None = None,
    spoken: frozenset[str] = frozenset(),
) -> str | None:
    """Who the subject token names; `quoted` (offsets in the article) holds quotations,
    whose names are spoken about, not speaking ('"We'll let General Mattis...," he said');
    `before` is the report's paragraph before this one, whose subject a pronoun opening
    a paragraph may stand for; `spoken` holds the names the quote itself mentions."""
    start = para.start + subject.idx
    entity = entities.at(para.doc_index, start, start + len(subject.text))
    if entity is not None:
        return entity.name
    if subject.lower_ in _PRONOUNS:
        return _antecedent(
            subject, para, entities, previous, number, quoted=quoted, before=before, spoken=spoken
        )
    if subject.lower_ == "it":
        # "It said": the organisation that is the subject just before.
        return _subject_before(subject, para, entities, quoted=quoted, types=("ORG",)) or (
            _reported_speaker(before, entities, speech_only=False, types=("ORG",))
        )
    if subject.pos_ == "PRON":
        return None  # "that", "this": no one by name
    if subject.lemma_.lower() in _DOCUMENTS and not _is_person_like(subject, para, entities):
        # "The statement said", "another tweet read": the words are whoever wrote them,
        # the owner named in a possessive ("Lind's letter") or after "from", else as for
        # a pronoun.
        for token in subject.subtree:
            if token.dep_ == "poss" and token.lower_ not in _PRONOUNS:
                at = para.start + token.idx
                named = entities.at(para.doc_index, at, at + len(token.text))
                if named is not None and named.type in ("PERSON", "ORG"):
                    return named.name
        for prep in subject.children:
            # "a statement from the ministry said"
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                for issuer in prep.children:
                    if issuer.dep_ == "pobj":
                        return name_of(issuer, para, entities, previous, number, quoted=quoted, before=before)
        return _antecedent(
            subject, para, entities, previous, number, quoted=quoted, before=before, spoken=spoken
        )
    if _is_epithet(subject, para, entities):
        # "The chief added": the person last named with that title ("Police Chief Ana
        # Roux"), else the one named just before in this paragraph, else the person the
        # report is about so far ("the athlete said").
        for name in (
            _titled(subject.lemma_.lower(), entities, para.doc_index, start, skip=spoken),
            _subject_before(subject, para, entities, quoted=quoted),
            _last_person(entities, para.doc_index, start, since=para.start, quoted=quoted, skip=spoken),
            _main_person(entities, para.doc_index, start, skip=spoken),
        ):
            if name and name not in spoken:
                return name
    # The subject's own words ("the foreign ministry", "company spokeswoman Marta Osk"),
    # not what hangs after it ("workers at the plant").
    words = sorted(
        [t for t in subject.lefts if t.dep_ not in ("punct", "cc", "conj")] + [subject], key=lambda t: t.i
    )
    # "Lifeguard Lt. John Sandmeyer said": the parse may make the title the subject,
    # so the name can sit just after it.
    is_title = subject.text.rstrip(".").lower() in TITLES
    after = list(para.doc[subject.i + 1 : subject.i + 5]) if is_title else []
    # A name in a possessive is whose the speaker is, not who speaks ("JFK's friend
    # Ken Ode recalled"): it counts only when no other name does.
    possessed = {t.i for w in subject.subtree if w.dep_ == "poss" for t in w.subtree}
    # Not a name in a clause about the subject ("a spokesman for the tower, designed by
    # Ines Falk, said"): only its own words, appositions and prepositions.
    clause = {t.i for w in subject.subtree if w.dep_ in ("acl", "relcl", "advcl") for t in w.subtree}
    ordered = [*words, *after, *(t for t in subject.subtree if t.i not in clause)]
    for token in [t for t in ordered if t.i not in possessed] + [t for t in ordered if t.i in possessed]:
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


def _antecedent(
    subject: Token,
    para: Paragraph,
    entities: EntityIndex,
    previous: tuple[int, str | None] | None,
    number: int,
    *,
    quoted: tuple[tuple[int, int], ...],
    before: Paragraph | None,
    spoken: frozenset[str],
) -> str | None:
    """The person a pronoun (or a word standing for one) speaks for.

    The person named last before it in this paragraph, else the person the paragraph
    before is about, else the one quoted just before, else the one named last before it
    in the report; never one the quote itself speaks of ('"I backed Lind all the way,"
    he said').
    """
    start = para.start + subject.idx
    found = [
        _subject_before(subject, para, entities, quoted=quoted) or _role_before(subject, para, entities),
        _last_person(entities, para.doc_index, start, since=para.start, quoted=quoted, skip=spoken),
        _reported_speaker(before, entities, speech_only=False),
        previous[1] if previous is not None and previous[0] >= number - 3 else None,
    ]
    for name in found:
        if name and name not in spoken:
            return name
    return _last_person(entities, para.doc_index, start, quoted=quoted, skip=spoken)


def _role_before(pronoun: Token, para: Paragraph, entities: EntityIndex) -> str | None:
    """An unnamed person the sentence before the pronoun's is about, in this paragraph:
    'A spokesman for the port said it was closed. "We are sorry," he said.'"""
    sents = [s for s in para.doc.sents if s.end <= pronoun.sent.start]
    if not sents or pronoun.lower_ not in ("he", "she"):
        return None
    for token in sents[-1]:
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.lemma_.lower() in _ROLES:
            return name_of(token, para, entities, None, 0)
    return None


def _is_epithet(subject: Token, para: Paragraph, entities: EntityIndex) -> bool:
    """'the athlete', 'the tennis star': a definite noun for a person, unnamed."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    if subject.lemma_.lower() not in _EPITHETS:
        return False
    return not _is_person_like(subject, para, entities)


def _titled(
    title: str, entities: EntityIndex, doc_index: int, before: int, *, skip: frozenset[str]
) -> str | None:
    """The person named last before `before` with `title` written before the name."""
    best = None
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        words = re.findall(r"\w+", f"{mention.written} {mention.text}".lower())
        is_titled = title in words and entity.type == "PERSON" and entity.name not in skip
        if is_titled and mention.span.start < before and (best is None or mention.span.start > best[0]):
            best = (mention.span.start, entity.name)
    return best[1] if best else None


def _main_person(entities: EntityIndex, doc_index: int, before: int, *, skip: frozenset[str]) -> str | None:
    """The person the report names most often before `before` (the later one on a tie)."""
    counts: dict[str, list[int]] = {}
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        if mention.span.start < before and entity.type == "PERSON" and entity.name not in skip:
            seen = counts.setdefault(entity.name, [0, 0])
            seen[0] += 1
            seen[1] = max(seen[1], mention.span.start)
    return max(counts, key=lambda n: (counts[n][0], counts[n][1])) if counts else None


def _subject_before(
    pronoun: Token,
    para: Paragraph,
    entities: EntityIndex,
    *,
    quoted: tuple[tuple[int, int], ...] = (),
    types: tuple[str, ...] = ("PERSON",),
) -> str | None:
    """The person who is the subject of the sentence before the pronoun's, in this paragraph.

    "Lind met Brenner on Monday. She told reporters..." - she is Lind, the subject,
    not Brenner, the person named last. A sentence wholly inside a quotation is
    skipped ('Lind wrote to him. "Come over. Do," she urged').
    """

    def is_quoted(token: Token) -> bool:
        return any(a <= para.start + token.idx < b for a, b in quoted)

    sents = [s for s in para.doc.sents if s.end <= pronoun.sent.start and not all(is_quoted(t) for t in s)]
    if not sents:
        return None
    return _sentence_subject(sents[-1], para, entities, is_quoted, types)


def _sentence_subject(
    sent: Span_,
    para: Paragraph,
    entities: EntityIndex,
    is_quoted: Callable[[Token], bool],
    types: tuple[str, ...] = ("PERSON",),
) -> str | None:
    """The person (or what `types` asks for) named in the subject of the sentence's main verb."""
    for token in sent:
        if is_quoted(token):
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            possessed = {t.i for w in token.subtree if w.dep_ == "poss" for t in w.subtree}
            words = list(token.subtree)
            for word in [w for w in words if w.i not in possessed] + [w for w in words if w.i in possessed]:
                named = _person(word, para, entities, types)
                if named is not None:
                    return named
            return None
    return None


def _person(
    token: Token, para: Paragraph, entities: EntityIndex, types: tuple[str, ...] = ("PERSON",)
) -> str | None:
    """The person a token's name belongs to: a mention, or a surname alone that the
    tagger missed but the report names elsewhere."""
    at = para.start + token.idx
    named = entities.at(para.doc_index, at, at + len(token.text))
    if named is None and token.pos_ == "PROPN" and token.text[:1].isupper():
        named = entities.find(token.text)
    return named.name if named is not None and named.type in types else None


def _reported_speaker(
    para: Paragraph | None, entities: EntityIndex, *, speech_only: bool, types: tuple[str, ...] = ("PERSON",)
) -> str | None:
    """The person the paragraph's last sentence with a named subject is about: the one
    it reports speaking ("Ek and his crew were lost, Lind said"), else the subject.

    With `speech_only`, only the subject of a verb of saying ("Lind tweeted that she
    would stay."), whom a next paragraph made of a quote alone goes on quoting.
    """
    if para is None:
        return None
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(para.text)]

    def is_quoted(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in spans)

    for sent in reversed(list(para.doc.sents)):
        for token in sent:
            if token.lemma_.lower() in _QUOTE_VERBS and token.pos_ == "VERB" and not is_quoted(token):
                subject = _subject(token, lambda t: not is_quoted(t))
                if subject is None:
                    continue
                named = _person(subject, para, entities, types)
                if named is None and speech_only and subject.pos_ in ("NOUN", "PROPN"):
                    # 'A spokesman for the tower said: ...' before a paragraph of quote.
                    named = name_of(subject, para, entities, None, 0)
                if named is not None:
                    return named
        if speech_only:
            continue
        found = _sentence_subject(sent, para, entities, is_quoted, types)
        if found is not None:
            return found
    return None


def _last_person(
    entities: EntityIndex,
    doc_index: int,
    before: int,
    *,
    since: int = 0,
    quoted: tuple[tuple[int, int], ...] = (),
    skip: frozenset[str] = frozenset(),
) -> str | None:
    best = None
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        is_candidate = (
            since <= mention.span.start < before
            and entity.type == "PERSON"
            and not any(a <= mention.span.start < b for a, b in quoted)
            and entity.name not in skip
        )
        if is_candidate and (best is None or mention.span.start > best[0]):
            best = (mention.span.start, entity.name)
    return best[1] if best else None


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _same(a: _Found, b: _Found) -> bool:
    small = min(len(a.words), len(b.words))
    if small < _SHORT:
        # A short quote shares most of its words with any long one ("It's not about you"):
        # it is the same quote only where its words stand in the other, in order.
        short, long = sorted((a.sequence, b.sequence), key=len)
        return f" {short} " in f" {long} "
    if a.doc_index == b.doc_index:
        # Two quotes of one report are one only when they hold nearly the same words (a
        # line and its embedded tweet), not when one person's words echo another's.
        return len(a.words & b.words) / len(a.words | b.words) >= 0.8
    return len(a.words & b.words) / small >= 0.8


_SHORT = 8


def _sequence(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


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
