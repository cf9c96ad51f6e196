"""Quotes: direct speech with its speaker, the same quote in several reports merged.

A quote is text in quotation marks of four words or more: in double marks, one left
open at the end of its paragraph (a long quote runs on), one whose opening mark is
missing, or in single marks in a report that uses no double ones. Straight double marks
pair by side (after a space and before a word a mark opens; after a word or a stop, before a
space or a stop, it closes): an opening mark another follows before any close was left
open, and a closing mark right after another closes a quote that held one. A name a thing
goes by ('a boat called "Sea Star"') is no one's words. Its speaker is, in
order: a name labelling the paragraph ('Marta Lind - "..."') or handing the quote over
with a colon inside it (a byline '"Why we stay," by the Herald's Marta Lind: "..."', a
handle '@martalind: "..."'); the subject of the verb the quoted clause hangs from, or
of the nearest speech verb (tweeted, posted and expressed count) in the quote's own
sentence (what a subject calls something, 'Lind called it "a gift"', is hers; a quote in
a clause a verb of saying reports, 'he claimed Lind had "..."', is the reporter's); a quote
after another's credit in its paragraph goes on with that speaker; the person doing what that sentence
tells when it has no speech verb ('His friend Ole Brun put it to him: "..."'); the
subject of a speech verb in another sentence of the paragraph (the ministry said;
said Droz), or what follows "according to". A pronoun is the subject of the sentence
before it, else the person named before it in the paragraph, else the person the
paragraph before is about, else the one quoted just before, else the one named last
(never a person the quote itself speaks of, nor one the report calls "she" for "he");
"it" is the organisation just named; a definite role ("the chief", "the athlete") is
the person named with that title, else the one the report is about; "the doctor" after
"a surgeon sought advice" is that surgeon; "the company" is the organisation a
sentence before is about; a statement, letter or tweet speaks for whoever issued it
(named with it, or as the subject that issued or spoke "in a statement" a few
paragraphs before), and an embedded post signed below the quote for its author. A person the report does
not name is kept as written ("one official at a state news agency", "a Shard
spokesman"), not as the organisation in the description; a one-word name is the person
named in full with it. A paragraph that is only a quote continues the previous quote's
speaker, or the subject of the reported speech just before it, as news style does (after a
paragraph that ends on a colon, that paragraph's subject: "released the following statement:"), or
takes the speaker of the quote that opens the next paragraph. A quote several reports
carry goes to the most reports' speaker, a name before a description on a tie.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from storyline.analyze._entities import TITLES, EntityIndex, person_shaped
from storyline.analyze._lexicon import lexicon, word_pairs
from storyline.analyze._nlp import Paragraph
from storyline.model import Corpus, Entity, Quote, Span
from storyline.text import CREDIT_VERBS, count_words, credit_after_mark, run_on_quotes

if TYPE_CHECKING:
    from spacy.tokens import Span as Span_
    from spacy.tokens import Token

SPEECH_VERBS = lexicon("speech_verbs")
# Verbs that hand over written or posted words as well as spoken ones ("Romney tweeted",
# "she posted", "he voiced his 'deep concern...'"): attribution in quotes only, not in claims.
# "The campaign charged", "Lind emails the staff" hand over words too.
_QUOTE_VERBS = SPEECH_VERBS | frozenset(
    {"tweet", "post", "express", "voice", "reveal", "exclaim", "joke", "charge", "email"}
    | {"ruminate", "observe", "wonder"}  # '"But how hard is it to fly?" Wiley ruminated.'
)
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
# Speech run on from the paragraph before in straight marks (`_runs`): up to the
# mark that closes it, or the whole paragraph when it has none.
_CONTINUED = re.compile(r'^ *([^“”"]*)"')  # greedy up to the first mark: linear on any line
# What follows a closing mark whose opening one stood in an earlier paragraph: a credit
# ('" said Louka Katseli, Greece's minister ...'), not speech left open.
# Only a verb first: speech may open with "I said" or "we told them".
_CREDIT_START = re.compile(
    rf"\s*,?\s*(?:{CREDIT_VERBS})"
    r"\s+(?:[A-Z]|(?:his|her|their|the|a|an|one)\s)"  # then who: 'said Armstrong', 'says his mother'
)
_ALL_CONTINUED = re.compile(r"^\s*+(.*\S)")  # (only for a line with no mark)
# Single marks, in reports that quote with them only ('We will stay,' she said): a closing
# mark is one no letter follows, so "don't" and "Lind's" stay inside.
_SINGLE = re.compile(r"(?<!\w)[‘']((?:[^‘’'“”\"]|[’'](?=\w))+)[’'](?!\w)")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_CLOSING_MARKS = frozenset({"''", "”", '"', "’", "'"})
_DROP_DET = frozenset({"the", "a", "an"})
# Nouns a report uses for a person it has already named ("the athlete said", "the former
# governor told reporters"). Words for unnamed sources ("the official", "a spokesman",
# "the witness") are not here: those stay as written.
_EPITHETS = frozenset(
    """athlete player star singer actor actress rapper musician artist model comedian author
    writer novelist billionaire mogul tycoon businessman businesswoman entrepreneur founder
    senator congressman congresswoman lawmaker politician candidate nominee governor mayor
    president premier chancellor pope king queen prince princess champion legend coach
    golfer boxer swimmer sprinter skier cyclist rider runner racer quarterback striker goalkeeper pitcher
    mother father mom dad wife husband widow widower daughter son teen teenager chief sheriff
    commissioner minister secretary chairman chairwoman ceo prosecutor judge""".split()
) | frozenset(
    """biographer poet playwright filmmaker photographer composer songwriter anchor
    presenter designer chef dancer drummer guitarist vocalist frontman rocker comic
    columnist blogger pundit commentator cleric preacher imam""".split()
)
# Nouns for a person a report need not name ("a spokesman for the port said").
_ROLES = _EPITHETS | frozenset(
    """spokesman spokeswoman spokesperson official source witness resident officer expert
    analyst lawyer attorney doctor neighbour neighbor friend relative manager employee worker
    teacher student editor reporter journalist director executive representative aide adviser
    advisor diplomat researcher scientist professor economist investigator detective agent
    trooper firefighter paramedic nurse surgeon physician parishioner member leader activist
    protester protestor organizer organiser volunteer survivor victim passenger customer owner
    landlord tenant villager farmer man woman person insider observer critic supporter voter
    parent boy girl colleague partner staffer guard soldier commander pilot driver engineer
    clerk priest pastor bishop historian scholar strategist pollster consultant negotiator
    envoy ambassador inspector administrator boss bystander eyewitness patient veteran mentor
    protege""".split()
)
# Nouns for an organisation a report has named ("the company said", "said the ministry").
_ORG_NOUNS = frozenset(
    """company firm group organisation organization agency ministry department corporation
    manufacturer maker retailer airline carrier charity network broadcaster newspaper
    administration union club""".split()
)
# Nouns for an institution that its name carries ("the university said" for Orsk State
# University, "the library says" for the Library of Congress): only a named one with that
# word stands for it. Not "court" or "bank": reports speak of unnamed ones ("a federal
# appeals court") beside named others; "council", "committee" and "bureau" only where no
# unnamed one is told of before the quote in its paragraph or the few before ("the city
# council voted"): `_unnamed_before`.
_NAMED_BY_NOUN = frozenset(
    """university college school library museum hospital commission foundation institute
    society council committee bureau""".split()
)
# Of those, verbs that hand over words only with no object of their own: "the campaign
# charged" does, "prosecutors charged Roux with ..." and "Roux emailed Brun a link" do not,
# nor does 'Roux observed "a minute of silence"'.
_BARE_ONLY = frozenset({"charge", "email", "observe", "wonder", "ruminate"})


def _says(verb: Token) -> bool:
    """Whether a verb hands over the words of a quote (`_QUOTE_VERBS`, `_BARE_ONLY`), or is
    one that does only with "out" ("one protester cried out:"; "she cried" alone may be
    weeping, "cried as the judge read:")."""
    lemma = verb.lemma_.lower()
    if lemma in _BARE_ONLY and any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    if lemma in _OUT_VERBS:
        # "pointed out the flaws" shows something; "pointed out that ...", '"...," points
        # out Laszlo' (the parse may take her for its object) say it
        out = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        return out and not (
            lemma == "point" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
        )
    return lemma in _QUOTE_VERBS


_OUT_VERBS = frozenset({"cry", "call", "point"})
"""Verbs that hand over words only with "out" ("cried out", "called out", "pointed out")."""


# Of those, the ones a person's name before stands for whose they are ("the Lind campaign",
# "the Lind family said"), not who speaks, as for "a Lind aide".
_GROUPS = frozenset({"campaign", "team", "family", "camp"})
# What carries someone's written words ("the statement said", "another tweet read").
_STATEMENTS = frozenset({"statement", "letter", "message", "tweet", "post", "note", "email", "memo"})
"""Documents a person or a body issues in its own name: with no issuer named, the one
the report speaks of (as for a pronoun)."""
_DOCUMENTS = _STATEMENTS | frozenset({"commentary", "editorial", "submission"})


@dataclass(slots=True)
class _Found:
    doc_index: int
    text: str
    speaker: str | None
    span: Span
    words: frozenset[str]
    sequence: str = ""
    """Its words in order, lowercased (`_sequence`), for `_same`."""
    credited: bool = False
    """Whether its paragraph names the speaker outside the quotes ('"...," Ana Roux said'),
    not only the paragraphs before it."""

    def __post_init__(self) -> None:
        if not self.sequence:
            self.sequence = _sequence(self.text)


class Quoted(NamedTuple):
    """Where a report quotes someone the story names as the quote's speaker: the
    quotation's offsets in the report's cleaned text."""

    start: int
    end: int
    speaker: str


def extract_quotes(corpus: Corpus, paragraphs: list[Paragraph], entities: EntityIndex) -> list[Quote]:
    """Every direct quote with its speaker, merged across reports, in order of first appearance."""
    return find_quotes(corpus, paragraphs, entities)[0]


def find_quotes(
    corpus: Corpus, paragraphs: list[Paragraph], entities: EntityIndex
) -> tuple[list[Quote], dict[int, tuple[Quoted, ...]]]:
    """`extract_quotes`, and where each report (by doc index) quotes whom: every quotation
    the story gives a speaker, as found in that report, with that speaker."""
    found: list[_Found] = []
    last_speaker: dict[int, tuple[int, str | None]] = {}
    single = _single_quoting(paragraphs)
    runs = _runs(paragraphs)
    # The line a run over lines opens on, for each line after it (those open inside speech):
    # what comes before a line of that speech is the narration of the line it opened on, not
    # the speech's lines.
    opened_on = {n: opening for opening, closing in runs for n in range(opening + 1, closing + 1)}
    run_on = set(opened_on)
    named = frozenset(e.name for e in entities.entities)
    embeds = _embeds(paragraphs, entities)
    signed = {at: author for _, at, _, author in embeds}  # paragraph number -> the post's author
    genders = _genders(paragraphs, entities)
    # Where each quote stands: (paragraph number, whether it opens its paragraph).
    places: list[tuple[int, bool]] = []
    # Whether each quote reaches its paragraph's end, for `_join_runs`.
    ends: list[bool] = []
    for number, para in enumerate(paragraphs):
        matches = _quotations(para.text, single=para.doc_index in single, run_on=number in run_on)
        if not matches:
            continue
        article_id = corpus.articles[para.doc_index].id
        # Words in marks too short to list ('" Fantastic, " gushed Ana Roux') are no
        # speaker either.
        short = [
            m
            for m in ([] if para.doc_index in single else _paired(para.text))
            if m.group(1).rstrip()[-1:] in (",", ".", "!", "?")  # an utterance, not '"Gang of Eight" said'
            and not any(m.start() < q.end() and q.start() < m.end() for q in matches)
        ]
        outside = _outside_quotes(para.text, sorted([*matches, *short], key=lambda m: m.start()))
        credits = _credit_words(para, matches)
        last = opened_on.get(number, number - 1) + 1  # the paragraphs before this one, up to `last`
        before = paragraphs[last - 1] if last and paragraphs[last - 1].doc_index == para.doc_index else None
        earlier = tuple(
            p for p in paragraphs[max(last - _EARLIER, 0) : last] if p.doc_index == para.doc_index
        )
        context = _Context(
            entities,
            last_speaker.get(para.doc_index),
            number,
            before,
            genders.get(para.doc_index, {}),
            earlier,
            signed.get(number),
        )
        prior: tuple[re.Match[str], str | None] | None = None
        for match in matches:
            speaker = _speaker(para, match, outside, context, prior)
            prior = (match, speaker)
            quoted = match.group(1)
            text = " ".join(quoted.split()).strip(" ,")
            if speaker not in named:
                speaker = _embedded_author(text, para.doc_index, number, embeds) or speaker
            if _is_title(text):
                speaker = None  # 'Kaufman's play "Gross Indecency: ..."': a title, nobody's words
            # The span covers the quote as shown: without the comma that hands over to "he said".
            start = para.start + match.start(1) + (len(quoted) - len(quoted.lstrip(" ,")))
            end = para.start + match.end(1) - (len(quoted) - len(quoted.rstrip(" ,")))
            credited = speaker is not None and bool(speaker.split()) and speaker.split()[-1] in credits
            span = Span(article_id, start, end)
            found.append(_Found(para.doc_index, text, speaker, span, _words(text), credited=credited))
            places.append((number, match.start() <= 2))
            ends.append(match.end() >= len(para.text.rstrip()))
            if not _is_title(text):
                # A quoted title ("State of the Union") is nobody's speech to continue.
                last_speaker[para.doc_index] = (number, speaker)
    credited_at_close = {closing for _, closing in runs if credit_after_mark(paragraphs[closing].text)}
    _join_runs(corpus, found, places, ends, runs, credited_at_close)
    _continue_backwards(found, places)
    return _merge(corpus, found, named)


def _join_runs(
    corpus: Corpus,
    found: list[_Found],
    places: list[tuple[int, bool]],
    ends: list[bool],
    runs: list[tuple[int, int]],
    credited_at_close: set[int],
) -> None:
    """One quote for each quotation that runs over lines (`_runs`), in place: the end of its
    opening line, the lines between and the start of its closing line were read as quotes of
    their own ('Koubbi said: " We plan to complain.' / 'I am working with her. "'), and a
    line too short for one ('" I\'m a doctor') is in it too. Its speaker is the one the
    closing line credits ('..., " said Vélez.', a paragraph in `credited_at_close`), else the
    one the opening line reports speaking ('Koubbi said: "'), else the first found."""
    for opening, closing in reversed(runs):
        parts = [
            k
            for k, (number, opens) in enumerate(places)
            if (number == opening and ends[k]) or opening < number < closing or (number == closing and opens)
        ]
        if len(parts) < 2 or parts != list(range(parts[0], parts[-1] + 1)):
            continue
        pieces = [found[k] for k in parts]
        if len({p.doc_index for p in pieces}) != 1:
            continue
        credited = [p.speaker for p in pieces if p.credited and p.speaker]
        first, last = pieces[0], pieces[-1]
        closing_piece = places[parts[-1]][0] == closing
        if closing in credited_at_close and closing_piece and last.speaker:
            speaker: str | None = last.speaker
        else:
            speaker = credited[0] if credited else next((p.speaker for p in pieces if p.speaker), None)
        body = corpus.articles[first.doc_index].body
        text = " ".join(body[first.span.start : last.span.end].split())
        found[parts[0]] = _Found(
            first.doc_index,
            text,
            speaker,
            Span(first.span.article_id, first.span.start, last.span.end),
            _words(text),
            credited=bool(credited),
        )
        del found[parts[0] + 1 : parts[-1] + 1]
        del places[parts[0] + 1 : parts[-1] + 1]
        del ends[parts[0] + 1 : parts[-1] + 1]


def _continue_backwards(found: list[_Found], places: list[tuple[int, bool]]) -> None:
    """A paragraph of quote that no one is named for, just before a paragraph that opens
    with a quote someone is ('"We lost everything." / "But we will rebuild," she
    added.'), is the same person's speech."""
    for i in range(len(found) - 2, -1, -1):
        (number, opens), (after, next_opens) = places[i], places[i + 1]
        same_report = found[i].doc_index == found[i + 1].doc_index
        if found[i].speaker is None and opens and next_opens and after == number + 1 and same_report:
            found[i].speaker = found[i + 1].speaker


# An embedded post's signature at the end of a paragraph, as web pages keep it:
# "... pic.twitter.com/x — Marta Lind (@martalind) July 11, 2013".
_EMBED = re.compile(r"[—–]\s*([^—–()\n]{2,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")


def _embeds(paragraphs: list[Paragraph], entities: EntityIndex) -> list[tuple[int, int, str, str]]:
    """The embedded posts: (report, paragraph number, its words, its author's name)."""
    found = []
    for number, para in enumerate(paragraphs):
        signed = _EMBED.search(para.text)
        if signed is not None:
            author = signed.group(1).strip()
            known = entities.find(author)
            name = known.name if known is not None and known.type in ("PERSON", "ORG") else author
            found.append((para.doc_index, number, _sequence(para.text[: signed.start()]), name))
    return found


def _embedded_author(
    text: str, doc_index: int, number: int, embeds: list[tuple[int, int, str, str]]
) -> str | None:
    """The author of an embedded post next to the quote that holds the quote's words
    ('Another tweet read: "Look up London..."' above the tweet itself, signed)."""
    words = _sequence(text)
    if count_words(words) < 4:
        return None
    for doc, at, posted, author in embeds:
        if doc == doc_index and at != number and abs(at - number) <= 2 and f" {words} " in f" {posted} ":
            return author
    return None


def _runs(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """The quotations over paragraphs (`run_on_quotes`) in reports whose straight marks all
    stand apart from the words, as the numbers of their opening and closing paragraphs; the
    paragraphs after an opening one, up to and with its closing one, open inside speech."""
    by_report: dict[int, list[int]] = {}
    for number, para in enumerate(paragraphs):
        by_report.setdefault(para.doc_index, []).append(number)
    out: list[tuple[int, int]] = []
    for numbers in by_report.values():
        for opening, closing in run_on_quotes([paragraphs[n].text for n in numbers]):
            out.append((numbers[opening], numbers[closing]))
    return sorted(out)


def _quotations(text: str, *, single: bool = False, run_on: bool = False) -> list[re.Match[str]]:
    """The quotations of four words or more in a paragraph, in order: in double marks, one
    left open at its end, one whose opening mark is missing, or in single marks where
    the report uses no double ones. `run_on`: the paragraph opens inside a quotation in
    straight marks (`_runs`), which runs to its first mark or its end."""
    found: list[re.Match[str]] = []
    pos = 0
    if run_on and not single:
        lead = _CONTINUED.match(text)
        if lead is None:
            whole = _ALL_CONTINUED.match(text)
            return [whole] if whole is not None and count_words(whole.group(1)) >= 4 else []
        if count_words(lead.group(1)) >= 4:
            found.append(lead)
        pos = lead.end()
    closed = list(_SINGLE.finditer(text, pos)) if single else _paired(text, pos)
    # A title in single marks ('Che tempo che fa', a headline's 'Lind Will Stay') is no speech.
    found += [m for m in closed if count_words(m.group(1)) >= 4 and not (single and _is_title(m.group(1)))]
    if not single:
        tail = _RUN_ON.search(text, closed[-1].end() if closed else pos)
        if tail is not None and count_words(tail.group(1)) >= 4 and not _CREDIT_START.match(tail.group(1)):
            found.append(tail)
        lead = _LOST_OPENING.match(text) if pos == 0 else None
        if lead is not None and count_words(lead.group(1)) >= 4:
            found.insert(0, lead)
    return found


_MARK = re.compile(r'[“”"]')
_BEFORE_OPENING = frozenset(" \t\n([{—–-/")
_AFTER_CLOSING = frozenset(" \t\n,.;:!?)]}—–-/'’")
_OPENS_ON = frozenset("'‘([$£€#@…")
_CLOSES_ON = frozenset(".,!?;:'’)]…%")


def _paired(text: str, pos: int = 0) -> list[re.Match[str]]:
    """Quotations in double marks from `pos`, each mark paired with the next that can close
    it. A straight mark's side is read from what stands beside it: after a space and before
    a word it opens, after a word or a stop and before a space or a stop it closes. An
    opening mark that another follows before any closing one was never closed ('...
    "For the two regions, however "no exposure was found," said ...'): the later one opens
    the quote, so the narration after it is not taken for speech; but where a second
    closing mark follows the first, the second quote stood inside the first ('"It would be
    tempting to say "I was right"."'), and the whole is one quote."""
    marks = [(m.start(), _side(text, m.start(), pos)) for m in _MARK.finditer(text, pos)]
    found = []
    opening: list[int] = []
    k = 0
    while k < len(marks):
        i, side = marks[k]
        if side == "open" or (side == "either" and not opening):
            opening = [*opening[-1:], i]
        elif opening:
            end = i + 1
            following = marks[k + 1][1] if k + 1 < len(marks) else None
            if len(opening) == 2 and following in ("close", "either"):
                k += 1  # a quote inside a quote: the outer one closes at the next mark
                end = marks[k][0] + 1
                start = opening[0]
            else:
                start = opening[-1]
            quote = _WHOLE_QUOTE.match(text, start, end)
            if quote is not None:
                found.append(quote)
            opening = []
        k += 1
    return found


_WHOLE_QUOTE = re.compile(r'[“"](.+)[”"]', re.DOTALL)


def _side(text: str, i: int, pos: int) -> str:
    """Whether the mark at `i` opens a quotation, closes one, or could do "either"."""
    char = text[i]
    if char == "“":
        return "open"
    if char == "”":
        return "close"
    before = text[i - 1] if i > pos else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _BEFORE_OPENING and (after.isalnum() or after in _OPENS_ON)
    closes = after in _AFTER_CLOSING and (before.isalnum() or before in _CLOSES_ON)
    return "open" if opens and not closes else "close" if closes and not opens else "either"


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
    genders: dict[str, str]  # whom the report calls "he" ("m") and whom "she" ("f")
    earlier: tuple[Paragraph, ...] = ()  # the report's paragraphs before this one, up to `_EARLIER`
    signed: str | None = None  # the author of the post this paragraph is, where it is one


_EARLIER = 3
"""How many paragraphs back "the statement" may find the one that issued it."""


def _is_title(text: str) -> bool:
    """A quoted name of a show, book or event: every longer word capitalised, no sentence in
    it, but for a colon before a subtitle ("Gross Indecency: The Three Trials of Oscar Wilde");
    two such words at least ("Maybe we can win" is speech)."""
    longer = [w for w in text.split() if len(w) > 3]
    return (
        not re.search(r"[.,;!?]|:(?!\s+[A-Z])", text)
        and len(longer) >= 2
        and all(w[:1].isupper() for w in longer)
    )


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
    context: _Context,
    prior: tuple[re.Match[str], str | None] | None = None,
) -> str | None:
    """Who speaks the quote `match`; `prior` is the quote before it in the paragraph, with
    the speaker found for it."""
    entities, previous, number = context.entities, context.previous, context.number

    def is_outside(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in outside)

    def name(subject: Token) -> str | None:
        return name_of(
            subject,
            para,
            entities,
            previous,
            number,
            quoted=quoted,
            before=context.before,
            spoken=spoken,
            genders=context.genders,
            earlier=context.earlier,
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
    other = False
    # 'Vesk, called "the finest painter of his age" by Mira Tolland': a name or a
    # description given by someone, whatever noun it describes.
    by = _NAMED_BY.match(para.text, match.end())
    if by and _NAMING_BEFORE.search(para.text, 0, match.start()):
        by_token = next((t for t in para.doc if t.idx >= by.start() and t.lower_ == "by"), None)
        agent = _object_of(by_token)
        named = _person(agent, para, entities, ("PERSON", "ORG")) if agent is not None else None
        if named is not None:
            return named
    own = _own_sentences(para, match)
    called = _called_as(para, match, own, is_outside, entities)
    if called is not None:
        found = called if isinstance(called, str) else name(called)
        if found:
            return found
    if _a_name_given(para, match):
        return None  # 'a boat called "Sea Star"': what a thing is called, no one's words
    for verb in _governing_verbs(para, match, is_outside):
        subject = _subject(verb, is_outside) or _inverted_subject(verb, match) or _document_of(verb)
        # Past a verb of saying, only a named or pronoun subject: "the report suggests"
        # or "analysts believe" are not who spoke the words.
        # "The statement read" (not "a relic of a message reads") is a verb of saying too.
        is_read = (
            verb.lemma_.lower() == "read" and subject is not None and subject.lemma_.lower() in _DOCUMENTS
        )
        is_speech = _says(verb) or is_read or verb.lemma_.lower() in _NAMING_VERBS
        if context.signed and subject is not None and subject.lower_ in ("i", "we"):
            # 'I said "it may be the wind" — Ana Roux (@anaroux) March 3, 2018': the post's
            # author quotes herself.
            return context.signed
        if subject is not None:
            other = True
        if subject is not None and (is_speech or subject.pos_ == "PROPN" or subject.lower_ in _PRONOUNS):
            found = name(subject)
            if found:
                return found
    # A byline or a handle before a colon inside the paragraph, where no verb of the
    # quote's own sentence says who spoke ('"Title": "...," wrote Ana Roux' is Roux's).
    label = _colon_label(para, match, entities)
    if label:
        return label
    owner = _words_owner(para, match, entities)
    if owner:
        return owner
    if prior is not None and prior[1] and _goes_on(para, prior[0], match, own, is_outside):
        return prior[1]  # '"...," said Ana Roux. "...."': she goes on
    candidates = []
    for token in para.doc:
        if not is_outside(token):
            continue
        distance = token.idx - match.end() if token.idx >= match.end() else (match.start() - token.idx) * 1.5
        if _says(token) and token.pos_ in ("VERB", "AUX"):
            candidates.append((token.sent.start not in own, 0, distance, token, "verb"))
        elif token.lemma_.lower() == "read" and token.pos_ == "VERB":
            candidates.append((token.sent.start not in own, 0, distance, token, "read"))
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            candidates.append(
                (token.sent.start not in own, 0, abs(token.idx - match.end()), token, "according")
            )
        elif token.sent.start in own and token.pos_ in ("VERB", "AUX") and _is_main(token):
            # No verb of saying in the quote's sentence: the person doing what the sentence
            # tells ("His friend Ole Brun put it to him: "..."", "Lind voiced her "...""),
            # before any speaker of another sentence.
            candidates.append((False, 1, distance, token, "doer"))
    # Speech run on from the paragraph before ('...she said: "The passing of weeks ...' /
    # '"Each day without her ...." The former GP told last week how ...'): its speaker goes
    # on, before a verb of another sentence, which tells of other words.
    opened_before = match.start() <= 2 and context.before is not None and _left_open(context.before.text)
    runs_on = opened_before and previous is not None and previous[0] == number - 1 and bool(previous[1])
    # '... said the crash "was developing within two minutes," the Vesti news agency
    # reported': an agency that reports what someone said in its sentence conveys the
    # words; the one who said them comes first.
    ranked = sorted(candidates, key=lambda c: (c[0], _speaker_verb(c[3], is_outside) is not c[3], c[1], c[2]))
    for elsewhere, _, _, token, kind in ranked:
        if elsewhere and runs_on and previous is not None:
            return previous[1]
        if kind == "according":
            subject = _according_object(token)
        else:
            subject = _subject(token, is_outside) or _inverted_subject(token, match)
        if subject is None or not is_outside(subject):
            continue
        is_document = subject.lemma_.lower() in _DOCUMENTS
        is_doer = subject.dep_ == "nsubj" and (is_document or _is_person_like(subject, para, entities))
        if (kind == "doer" and not is_doer) or (kind == "read" and not is_document):
            continue  # "read" hands over words only with a document as its subject
        if kind == "doer" and any(
            _says(a) and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in a.children)
            for a in token.ancestors
        ):
            continue  # 'Meyer had been "tried by the papers", he said': what he reports, not who
        found = name(subject)
        if found:
            return found
    alone = _alone_after(para, match, own, is_outside, entities)
    if alone is not None:
        return alone
    if context.signed and not other and not _is_title(match.group(1)):
        # A post's words in quote marks, where nothing in its paragraph gives them to another.
        return context.signed
    if match.start() <= 2 and context.before is not None and context.before.text.rstrip().endswith(":"):
        # 'The district attorney sent the following statement:' and then the statement: the
        # one the paragraph before hands over to.
        introduced = _introducer(context.before, entities)
        if introduced is not None:
            return introduced
    if match.start() <= 2:
        # A paragraph that opens with the quote and names nobody continues the speaker
        # of the quote or the reported speech just before it.
        if previous is not None and previous[0] == number - 1:
            return previous[1]
        reported = _reported_speaker(context.before, entities, speech_only=True)
        if reported is None and not match.group(1).rstrip(" ,").endswith("?"):
            # 'Manzano ... is a party to the case.' / 'But he said last week that he held out
            # little hope.' / '"I don't have many hopes ..."': whom that "he" stands for (not
            # a question, which may be put to him: '"What did you think?"' / 'I asked him.').
            reported = _reported_by_pronoun(context)
        if reported is None and opened_before:
            # 'Mark Stephens repeated his conviction that ... "' / '"The honeytrap has been
            # sprung."': speech the paragraph before opens is its subject's
            reported = _reported_speaker(context.before, entities, speech_only=False)
        if reported is not None:
            return reported
        if previous is not None and previous[0] >= number - 2:
            return previous[1]
    return None


def _alone_after(
    para: Paragraph,
    match: re.Match[str],
    own: set[int],
    is_outside: Callable[[Token], bool],
    entities: EntityIndex,
) -> str | None:
    """The person a paragraph's sentence just before a quote is about, where the quote is a
    sentence of its own with no credit ("On a personal level, Clay was pleased to hear it.
    "It's always a relief ..."): a wire paragraph goes on in that person's words."""
    words = match.group(1).rstrip()
    if match.start() <= 2 or _is_title(words) or words[-1:] not in (".", "!", "?"):
        return None  # "Her book is out. "The Art of Waiting"": a title, no one's words
    if any(is_outside(t) and t.is_alpha for t in para.doc if t.sent.start in own):
        return None
    before = [s for s in para.doc.sents if s.end <= min(own, default=0)]
    if not before or para.text[before[-1].end_char : match.start()].strip():
        return None
    # Not one something is done to ("Ortiz was jailed. "He ruined my life.""), nor a quote
    # that speaks of "he" or "she": its speaker is someone else.
    if not any(t.dep_ == "nsubj" and t.head.dep_ == "ROOT" for t in before[-1]):
        return None
    if set(re.findall(r"[a-z]+", words.lower())) & _THIRD_PERSON:
        return None
    return _sentence_subject(before[-1], para, entities, lambda t: not is_outside(t))


_THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})


def _left_open(text: str) -> bool:
    """Whether a paragraph ends inside a quotation: its last mark opens one ("she said: “The
    passing of ...", '... his view that the affair was political. "'). A straight mark
    opens one only after a space, a bracket or a dash, with an even number of straight
    marks before it, and none after a curly opening mark left open: not an inch
    (5'10") nor a closing mark after a curly opening one (“We will not leave," said Ana Roux)."""
    at = max(text.rfind("“"), text.rfind("”"), text.rfind('"'))
    if at < 0 or text[at] == "”":
        return False
    if text[at] == "“":
        return True
    opens = at == 0 or text[at - 1] in " \t([—–-"
    curly_open = text.rfind("“", 0, at) > text.rfind("”", 0, at)
    return opens and not curly_open and text.count('"', 0, at) % 2 == 0


def _object_of(preposition: Token | None) -> Token | None:
    """The noun a preposition ("by") takes, if any."""
    return (
        next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
    )


def _called_as(
    para: Paragraph,
    match: re.Match[str],
    own: set[int],
    is_outside: Callable[[Token], bool],
    entities: EntityIndex,
) -> str | Token | None:
    """Who calls a thing what the quote says, where "as" hands it over: the agent of 'a move
    hailed by Steve Jobs as "the next big step"' (a name), or the subject of 'The paper had
    criticized the plan "as bad policy"' (a token, to be named as any subject is). Only
    where no one else is said to speak in the quote's sentence ('Brun dismissed the claims
    as "baseless," his lawyer said' is the lawyer's) and the verb stands outside the quote."""
    lead = [t for t in para.doc if t.idx < match.start()]
    first = next((t for t in para.doc if t.idx >= match.start(1)), None)
    as_token = lead[-1] if lead and lead[-1].lower_ == "as" else first  # 'as "..."' or '"as ..."'
    if as_token is None or as_token.lower_ != "as":
        return None
    calling = as_token.head
    if calling.dep_ == "dobj" and calling.pos_ in ("NOUN", "PROPN"):
        calling = calling.head  # "criticized the plan "as bad policy"": "as" may hang on the object
    if calling.lemma_.lower() not in _CALLED_AS or not is_outside(calling):
        return None
    if any(
        t.sent.start in own and is_outside(t) and (_says(t) or t.lower_ == "according") and t != calling
        for t in para.doc
    ):
        return None
    by_token = next((c for c in calling.children if c.dep_ == "agent"), None)
    if by_token is not None:
        agent = _object_of(by_token)
        if agent is None or not is_outside(agent):
            return None
        return _person(agent, para, entities, ("PERSON", "ORG"))
    caller = next((c for c in calling.children if c.dep_ == "nsubj"), None)
    return caller if caller is not None and is_outside(caller) and caller.lower_ not in _PRONOUNS else None


_CALLED_AS = frozenset(
    "hail praise describe call brand label dub term denounce condemn decry deride slam blast criticize "
    "criticise dismiss defend".split()
)
"""Verbs by which someone calls a thing something ('hailed by Steve Jobs as "..."'): with
"by", the quote after "as" is the agent's words; not "commissioned by X as", "designed by"."""


# A quote given "by" someone right after it, where a verb of naming opens it.
_NAMED_BY = re.compile(r"[,\s]*by\s+")
_NAMING_BEFORE = re.compile(
    r"\b(?:called|dubbed|labell?ed|branded|termed|(?:described|hailed|praised|derided|decried) as)\s*$",
    re.IGNORECASE,
)

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


# Where the words that label a quote after a colon begin: after a sentence's end (a word
# of two small letters and a stop: not "J.C." or "Gen."), a dash, a colon, a quotation
# mark or an ellipsis.
_LABEL_START = re.compile(r"(?<=[a-z]{2}[.!?])\s|[–—:“”\"]|--|\s-\s|\.\.\.")
# A title in quotation marks after a name ('Marta Lind, "Why we stay":').
_TITLE_AFTER = re.compile(r",?\s*[“\"][^“”\"]*[”\"],?\s*$")
_TITLE_ISSUED = re.compile(r",?\s*[“\"][^“”\"]*[”\"],?\s*(?P<rest>[^“”\"]{1,40})$")
_HANDLE = re.compile(r"@\w{2,}")
_LEAD = re.compile(r":\s*(?:[\w’'-]+\s+){0,2}[\w’'-]+,$")


def _colon_label(para: Paragraph, match: re.Match[str], entities: EntityIndex) -> str | None:
    """The name a colon hands a quote over from, inside a paragraph as at its start: a
    byline ('"Why we stay," by the Herald's Marta Lind: "..."'), a handle ('@martalind:
    "..."'), a name with the title of what they wrote ('Marta Lind, "Why we stay": "..."').

    Only a name with at most a description before it and no verb ('Marta Lind told
    reporters: "..."' is the verb's), and no preposition but "by" ('an interview with
    Lind: "..."' is not Lind's word).
    """
    # A short lead after the colon may stand before the quote ('Ole Brun: On Monday, "...').
    head = _LEAD.sub(":", para.text[: match.start()].rstrip())
    if not head.endswith(":"):
        return None
    title = _TITLE_AFTER.search(head[:-1].rstrip())
    titled = _TITLE_ISSUED.search(head[:-1].rstrip())
    if title is None and titled is not None:
        # A title and when it was issued ('"Lind Statement," issued at 9 p.m.: "..."').
        rest = [t for t in para.doc if titled.start("rest") <= t.idx < titled.end("rest")]
        if rest and rest[0].tag_ == "VBN":
            return _title_owner(para, titled, entities)
    head = _TITLE_AFTER.sub("", head[:-1].rstrip())
    start = max((m.end() for m in _LABEL_START.finditer(head)), default=0)
    while start < len(head) and not (head[start].isalnum() or head[start] == "@"):
        start += 1
    segment = head[start:].rstrip()
    if title is not None and not segment:
        return _title_owner(para, title, entities)
    if not segment or count_words(segment) > 10:
        return None
    end = start + len(segment)
    tokens = [t for t in para.doc if start <= t.idx < end]
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    by = next((t for t in tokens if t.lower_ == "by"), None)
    if any(t.pos_ == "ADP" and t.lower_ != "by" for t in tokens):
        return None
    if by is not None and any(t.i < by.i and t.pos_ not in ("PUNCT",) for t in tokens):
        return None  # "by" opens a byline, nowhere else
    names = [
        (mention, entities.entities[index])
        for mention, index in entities.mentions_in(para.doc_index)
        if para.start + start <= mention.span.start and mention.span.end <= para.start + end + 1
    ]
    # Not a possessive's owner: "the Herald's" is whose the writer is.
    names = [
        (m, e)
        for m, e in names
        if e.type in ("PERSON", "ORG") and not re.match(r"['’]s\b", para.text[m.span.end - para.start :])
    ]
    if by is not None:
        # A byline's first writer ("by Ana Roux and Ole Brun"), not the outlet ("by the
        # Herald's Marta Lind").
        people = [e for _, e in names if e.type == "PERSON"]
        if people:
            return people[0].name
        # A writer the tagger did not take for a name: the capitalised words that end
        # the byline, after the outlet's possessive ("by Re/code's Ole Brun").
        after = max([by.i, *(t.i for t in tokens if t.tag_ == "POS")])
        written = [t for t in tokens if t.i > after]
        if 0 < len(written) <= 4 and all(t.text[:1].isupper() for t in written):
            return " ".join(t.text for t in written)
    last = [e for m, e in names if m.span.end >= para.start + end - 1]
    if last and (by is not None or last[0].type == "PERSON" or len(names) == 1):
        return last[0].name
    if (
        not names
        and by is None
        and count_words(segment) <= 3
        and all(w[:1].isupper() for w in segment.split())
    ):
        # A name the tagger did not mark as one ('Roux: "..."' after the host's line): a
        # person the cluster names so.
        known = entities.find(segment)
        if known is not None and known.type == "PERSON":
            return known.name
    handle = _HANDLE.fullmatch(segment)
    return handle.group(0) if handle else None


def _document_of(verb: Token) -> Token | None:
    """The statement a participle of saying describes ('Lind released a statement saying
    "..."'), which speaks for whoever issued it."""
    is_document = verb.dep_ == "acl" and verb.head.lemma_.lower() in _DOCUMENTS
    return verb.head if is_document and verb.lemma_.lower() in _QUOTE_VERBS else None


_RECEIVING = frozenset("receive get obtain read see find hear open reject dispute cite quote view".split())
"""Verbs whose subject took in a statement, not gave it out ("Roux received a letter")."""


def _issuer(document: Token, para: Paragraph, entities: EntityIndex) -> str | None:
    """Who issued a statement, as the sentence that tells of it says: the subject of the
    verb it is the object of ("the team released a statement") or that it hangs from by a
    preposition ("the family said in a statement", "Fox replied with a statement")."""
    if document.dep_ == "dobj":
        verb = document.head
    elif document.dep_ == "pobj" and document.head.dep_ == "prep":
        verb = document.head.head
    else:
        return None
    # Issued, sent, said or done in it: never received ("Roux received a letter saying
    # ..."), and not by a passive subject ("Brun was sent an email saying ...").
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _RECEIVING:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subject = _subject(verb, lambda t: True)
    if subject is None or subject.lemma_.lower() in _DOCUMENTS:
        return None
    if subject.pos_ == "PRON" and subject.lower_ not in _PRONOUNS:
        return None
    return name_of(subject, para, entities, None, 0)


_PAPER_NOUNS = frozenset("newspaper paper daily weekly journal magazine tabloid".split())
_RUNS_IN_PAPERS = frozenset({"commentary", "editorial"})


def _paper_it_ran_in(document: Token, para: Paragraph, entities: EntityIndex) -> str | None:
    """The named paper a commentary or an editorial ran in ("the commentary in Sunday's New
    Light of Myanmar newspaper", "an editorial in the Orsk Daily"), else None: a named body
    the tagger found whose name has a paper's word, or the capitalised words before a
    paper's noun. Not a court or a place ("a submission in the High Court")."""
    if document.lemma_.lower() not in _RUNS_IN_PAPERS:
        return None
    for prep in document.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for paper in (c for c in prep.children if c.dep_ == "pobj"):
            for token in paper.subtree:
                at = para.start + token.idx
                named = entities.at(para.doc_index, at, at + len(token.text))
                name_words = set(named.name.lower().split()) if named is not None else set()
                if named is not None and named.type == "ORG" and name_words & (_PAPER_NOUNS | _PAPER_NAMES):
                    return named.name
            # A paper's name the tagger left untagged: its capitalised words, past a day
            # before it ("Sunday's New Light of Myanmar newspaper", "the New Light of
            # Myanmar"); not a place's, a person's or a house's ("in the High Court").
            words = [t for t in paper.subtree if t.ent_type_ != "DATE" and t.dep_ not in ("case", "det")]
            run = [
                t for t in words if t.text[:1].isupper() or (t.lower_ in ("of", "the") and t.i > words[0].i)
            ]
            while run and not run[-1].text[:1].isupper():
                run.pop()
            said_paper = any(t.lemma_.lower() in _PAPER_NOUNS for t in paper.subtree)
            # (a place after "of" may name the paper: "the New Light of Myanmar")
            named_so = paper.pos_ == "PROPN" and not any(
                t.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP") or t.lower_ in _HOUSES
                for t in run
                if t.i <= paper.i
            )
            if (said_paper or named_so) and len(run) >= 2 and all(b.i == a.i + 1 for a, b in pairwise(run)):
                return " ".join(t.text for t in run)
    return None


_HOUSES = frozenset(
    "court parliament assembly senate congress council committee house chamber tribunal".split()
)


_PAPER_NAMES = frozenset(
    "times post daily herald tribune journal gazette telegraph guardian star news".split()
)


def _issuer_before(
    document: Token, para: Paragraph, earlier: tuple[Paragraph, ...], entities: EntityIndex
) -> str | None:
    """Who issued "the statement" a quote is read from: the one the nearest sentence before
    (in this paragraph or the few before, up to eight sentences back) tells issued a
    statement ("The team dismissed the findings in a short statement. '...,' the statement
    read"). Each paragraph's quotes are found once, so a long paragraph costs no more per
    quote."""
    sents = [(p, s) for p in earlier for s in p.doc.sents]
    sents += [(para, s) for s in para.doc.sents if s.end <= document.sent.start]
    quoted = {id(p): [(m.start(), m.end()) for m in _QUOTE.finditer(p.text)] for p in (*earlier, para)}
    lemma = document.lemma_.lower()
    for where, sent in reversed(sents[-8:]):
        spans = quoted[id(where)]
        for token in sent:
            if token.lemma_.lower() != lemma:
                continue
            if any(a <= token.idx < b for a, b in spans):
                continue
            if token.dep_ in ("dobj", "pobj"):
                # The nearest statement told of is the one: whoever issued it, or no one
                # found (never one issued further back); a commentary may be named by the
                # paper it ran in further back ("according to the commentary in ...").
                found = _issuer(token, where, entities) or _paper_it_ran_in(token, where, entities)
                if found is not None or lemma not in _RUNS_IN_PAPERS:
                    return found
                continue
            if (paper := _paper_it_ran_in(token, where, entities)) is not None:
                return paper  # "The commentary in the New Light of Myanmar said ..."
    return None


def _title_owner(para: Paragraph, title: re.Match[str], entities: EntityIndex) -> str | None:
    """Whose a quoted title says the words after its colon are: the name it opens with in
    a possessive ('"The Herald's Harbour Survey": "..."')."""
    opening = para.start + title.start() + len(title.group(0)) - len(title.group(0).lstrip(' ,“"'))
    for mention, index in entities.mentions_in(para.doc_index):
        entity = entities.entities[index]
        if opening <= mention.span.start <= opening + 4 and entity.type in ("PERSON", "ORG"):
            owns = re.match(r"['’]s\b", para.text[mention.span.end - para.start :])
            if owns:
                return entity.name
    # Not taken for a name: the capitalised words before the possessive ('"Ferry Watch
    # Group's Survey"'), or before the word for the document ('"Lind Campaign Statement
    # on the Ferry"').
    owner = _OWNER.match(title.group(0).lstrip(' ,“"'))
    return owner.group(1) if owner else None


_OWNER = re.compile(
    r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:['’]s\s|\s+(?:Statement|Letter|Memo|Message)\b)"
)


def _introducer(para: Paragraph, entities: EntityIndex) -> str | None:
    """Who the last sentence of a paragraph that ends on a colon has for its subject: the
    one it hands over to ("The family of Ole Brun released a statement:" is the family's,
    not Brun's)."""
    sentence = list(para.doc.sents)[-1]
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return name_of(subject, para, entities, None, 0)


_WORDS_NOUNS = frozenset(
    """view verdict response reply answer retort reaction comment message tweet words advice
    explanation assessment summary take warning plea""".split()
)
"""Nouns for what someone says, which a quote after a colon gives ("That was Lind's view:
"..."", "Typical was the tweet from Ana Roux: "..."")."""


_OBJECTS = frozenset({"pobj", "dobj", "dative"})


def _words_owner(para: Paragraph, match: re.Match[str], entities: EntityIndex) -> str | None:
    """Whose words a quote after a colon is, where a noun for words stands just before the
    colon with its owner: in the possessive ("Armstrong's view:") or after "from" or "of"
    ("the tweet from Ana Roux:"). The owner must be a person or a body."""
    colon = next((t for t in reversed(para.doc) if t.idx < match.start()), None)
    if colon is None or colon.i < 2 or colon.text != ":":
        return None
    before = para.doc[colon.i - 1]
    owners: list[Token] = []
    if before.lemma_.lower() in _WORDS_NOUNS and before.dep_ not in _OBJECTS:
        # not "response to Roux's warning:", "disagreed with Brun's assessment:": the noun
        # with the owner heads what stands before the colon
        owners = [c for c in before.children if c.dep_ == "poss"]
    elif before.pos_ == "PROPN" and before.dep_ == "pobj":
        # "the tweet from Ana Roux:": the noun for words is the head of the preposition
        prep = before.head
        noun = prep.head if prep.lower_ in ("from", "of", "by") else None
        if (
            noun is not None
            and noun.lemma_.lower() in _WORDS_NOUNS
            and noun.dep_ not in _OBJECTS
            and not any(c.dep_ == "poss" for c in noun.children)
        ):
            owners = [before]
    for owner in owners:
        named = _person(owner, para, entities, ("PERSON", "ORG"))
        if named is not None:
            return named
    return None


def _goes_on(
    para: Paragraph,
    prior: re.Match[str],
    match: re.Match[str],
    own: set[int],
    is_outside: Callable[[Token], bool],
) -> bool:
    """Whether a quote goes on with the speaker of the quote before it in its paragraph:
    only that quote's credit stands between them ('"...," said Ana Roux, a director. "..."'),
    and nothing in the quote's own sentences credits anyone."""
    between = para.text[prior.end() : match.start()]
    words = _tokens_in(para, prior.end(), match.start())
    if count_words(between) > _CREDIT_WORDS or not any(_says(t) for t in words):
        return False
    # The credit is the quote's before: nothing between opens a sentence of its own
    # ('"...," said Marta Lind. Ana Roux disagreed. "..."' is not Lind's to go on).
    if any(t.is_sent_start and t.sent.start != words[0].sent.start for t in words):
        return False
    return not any(
        is_outside(t) and (_says(t) or t.lower_ == "according") for t in para.doc if t.sent.start in own
    )


_CREDIT_WORDS = 15
"""The most words a quote's credit ('said Ana Roux, another of the directors') runs to."""


def _tokens_in(para: Paragraph, start: int, end: int) -> list[Token]:
    return [t for t in para.doc if start <= t.idx < end]


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
        is_speech = _says(head) or _names_it(head, token)
        first_person = match.group(1).split()[:1] in (["I"], ["We"], ["My"], ["Our"])
        if (
            is_speech
            and token.dep_ in _ADVERBIAL
            and head.dep_ == "ccomp"
            and _says(head.head)
            and not first_person  # '... had announced his resignation and then, "I will not be back"'
        ):
            # 'The department said that its forces had responded to threats "at numerous
            # locations"': the quote tells where the reported clause's verb acted, not what
            # it said; the words are the outer verb of saying's.
            head = head.head
        elif not is_speech and _reported(token) and head.dep_ == "ccomp" and _says(head.head):
            # 'He claimed Kelly had "blood coming out of her"': the clause the quote hangs
            # from is itself what a verb of saying reports; the words are its subject's.
            # Not past a pronoun ('the captain said he thinks it "will create change"'):
            # the clause's own subject is then most often the speaker.
            inner = subject_of(head)
            if is_outside(head.head) and (inner is None or inner.lower_ not in _PRONOUNS):
                head, is_speech = head.head, True
        head = _speaker_verb(head, is_outside)
        if (is_speech or token.dep_ in ("ccomp", "parataxis")) and head not in verbs:
            verbs.append(head)
    return verbs


_ADVERBIAL = frozenset({"prep", "conj", "advcl", "advmod", "npadvmod"})
_NAMING_VERBS = frozenset({"call", "dub", "label", "term", "brand"})
# How a quote hangs in a reported clause ('said Lind was "a disgrace"', 'claimed she had
# "no idea"', 'said it "will fail"').
_REPORTED = frozenset({"ccomp", "dobj", "attr", "acomp", "oprd", "xcomp"})


def _reported(token: Token) -> bool:
    """Whether a quoted word is what its clause predicates (`_REPORTED`), or the phrase a
    copula predicates ('said the recorder is "almost entirely in a foreign language"')."""
    return token.dep_ in _REPORTED or (token.dep_ == "prep" and token.head.lemma_.lower() == "be")


_ENTITLED = re.compile(
    r"(?<!\bare )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bfelt )(?<!\bfeel )"
    r"\b(?:entitled|titled|headlined)\s*,?\s*$",
    re.IGNORECASE,
)
"""Words right before a quote that make it a title ('a document entitled "A plan for revenge"');
not "are entitled" or "felt entitled", a right claimed ('entitled "to every cent"')."""


def _a_name_given(para: Paragraph, match: re.Match[str]) -> bool:
    """Whether the quote is the name a thing goes by ('a boat called "Sea Star"', 'a
    group named "Friends of the Harbour"', 'a document entitled "A plan for revenge"'):
    the object of a participle of naming, or the words right after "entitled"."""
    # The quote's first letter, past a space inside the marks (' entitled " A plan "', as
    # some archives write quotes)
    if _ENTITLED.search(para.text, 0, match.start()) and match.group(1).lstrip()[:1].isupper():
        return True
    return any(
        match.start(1) <= token.idx < match.end(1)
        and token.dep_ == "oprd"
        and token.head.lemma_.lower() in _NAMING_VERBS | {"name"}
        and token.head.dep_ == "acl"
        and token.head.tag_ == "VBN"  # not 'a statement calling the ruling "a victory"'
        and not any(c.dep_ == "dobj" for c in token.head.children)
        and not match.start(1) <= token.head.idx < match.end(1)  # not "words calling it a disease" inside
        for token in para.doc
    )


def _names_it(verb: Token, token: Token) -> bool:
    """Whether the quote is what a clause's subject calls something ('Lind called the plan
    "a gift to the town"'): the words are the subject's. Not a name a thing goes by ('a
    boat called "Sea Star"'), where "called" has no subject of its own."""
    if verb.lemma_.lower() not in _NAMING_VERBS or token.dep_ not in ("oprd", "conj"):
        return False
    if token.dep_ == "conj" and not any(c.dep_ == "oprd" for c in verb.children):
        return False  # 'called the plan "a gift", and "a gamble"': the second of two
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in verb.children)


def _inverted_subject(verb: Token, match: re.Match[str]) -> Token | None:
    """'"...," marveled resident Ilse Varga': the parser may take the name after an
    inverted speech verb for its object; only right after the quote, and only a name."""
    if verb.lemma_.lower() not in _QUOTE_VERBS | {"read"} or verb.idx - match.end() > 3:
        return None
    # '"...," read a post from Lind': the post, which speaks for its writer.
    names = [
        c
        for c in verb.rights
        if c.dep_ in ("dobj", "attr")
        and (c.pos_ == "PROPN" or (verb.lemma_.lower() == "read" and c.lemma_.lower() in _DOCUMENTS))
    ]
    # The parser may split "asked FOX 4 reporter Ole Brun" into two objects: the
    # last is the name, what comes before describes it.
    return names[-1] if names else None


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
    # "Interfax quoted Stepashin as saying": the one quoted speaks, not who quotes him.
    quoted = _quoted_as(verb)
    if quoted is not None and is_outside(quoted):
        return quoted
    # "Studies found no harm, ERA chief Ole Brun said": the parser may hang the name on
    # the clause before and leave the verb no subject; the name just before it is.
    prior = verb.doc[verb.i - 1] if verb.i else None
    is_bare = verb.lemma_.lower() in _QUOTE_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )
    is_name = prior is not None and prior.pos_ == "PROPN" and prior.dep_ not in ("dobj", "pobj")
    if is_bare and is_name and prior is not None and is_outside(prior):
        return prior
    if is_bare and (described := _described_before(verb)) is not None and is_outside(described):
        return described
    # '"...," Brooking's sister, Natalie, recalled': the parser may read the verb as a
    # participle of the noun before it; in a credit after a closed quote, set off by a
    # comma, with no agent, that noun speaks ("A letter to Ana Roux, written in 2019,
    # read: ..." and 'Brun, described as "..." in court papers,' are no credits).
    head = verb.head
    doc = verb.doc
    if (
        is_bare
        and verb.dep_ == "acl"
        and head.i < verb.i
        and doc[verb.i - 1].text == ","
        and not any(c.dep_ == "agent" for c in verb.children)
        and is_outside(head)
        and all(is_outside(t) for t in verb.subtree)
        and any(not is_outside(t) for t in doc[verb.sent.start : head.left_edge.i])
    ):
        return head
    # "``No!'' shouted an elderly man": after the closing mark the parser may read the
    # speaker of an inverted credit as the verb's object; the phrase right after it speaks.
    if is_bare and prior is not None and prior.text in _CLOSING_MARKS:
        # The phrase right after the verb, to its last head: "asked FOX 4 Reporter James
        # Rose" may come as two objects, "FOX" and "Rose"; the name at the end speaks.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i and is_outside(c)]
        if objects and objects[0].left_edge.i == verb.i + 1:
            run = [objects[0]]
            for child in objects[1:]:
                # a name after the first object's words, no mark between ("FOX 4 ... Rose");
                # not a second noun ("asked one woman the officer")
                if child.pos_ != "PROPN" or any(t.is_punct for t in verb.doc[run[-1].i : child.i]):
                    break
                run.append(child)
            return run[-1]
    # "The UAE followed, with President Ana Roux affirming the ...": in the absolute "with"
    # phrase the one after "with" does what the participle says, not the clause's subject.
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not any(c.dep_ == "nsubj" for c in verb.children):
        with_ = next(
            (c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i), None
        )
        doer = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
        # only a "with" phrase set off by a comma, the participle right after its name
        # ("met with Tom Reed in Oslo, saying ..." is the one who met)
        if (
            doer is not None
            and doer.pos_ == "PROPN"
            and with_ is not None
            and with_.i > verb.head.i
            and doc[with_.i - 1].text == ","
            and is_outside(doer)
            and all(t.is_punct for t in doc[doer.right_edge.i + 1 : verb.i])
        ):
            return doer
    head = verb
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "Her publisher Ostby Forlag called it ...": the parser may split a description
        # and the name after it into two subjects; the name speaks.
        split = len(subjects) == 2 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN"
        if split and subjects[1].left_edge.i == subjects[0].i + 1 and is_outside(subjects[1]):
            return subjects[1]
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and is_outside(child):
                relative = child.lower_ in ("who", "that") or any(t.lower_ == "whose" for t in child.children)
                # "Lind, who told reporters ...": the person the relative clause is about.
                return head.head if relative and head.dep_ == "relcl" else _chain_end(child)
        if head.dep_ not in ("conj", "advcl", "ccomp", "parataxis", "xcomp") or head.head.i == head.i:
            break
        # "Brun said that ships get a permit, adding, "...."": the parser may hang the
        # participle on the reported clause; the one who said it goes on, not its subject.
        reported = head.head
        if (
            head.dep_ == "advcl"
            and head.tag_ == "VBG"
            and _says(head)
            and reported.dep_ == "ccomp"
            and _says(reported.head)
            and reported.head.i < reported.i
            and (head.lemma_.lower() == "add" or not _someone_subject(reported))
        ):
            # "adding" goes on with the one who said it; "saying" only where the reported
            # clause has no one for its subject ("said the case had hurt, saying ...", not
            # "said the gunman called, saying ...", which is the gunman's)
            head = reported.head
            continue
        head = head.head
    return None


_MEDIA_WORDS = frozenset("agency newspaper news daily radio television tv broadcaster wire".split())


def _speaker_verb(verb: Token, is_outside: Callable[[Token], bool]) -> Token:
    """For a news medium's "reported" in a sentence where another verb of saying has
    someone for its subject ('Tolmachev said the crash made "a hole," the Vesti news
    agency reported'), that verb: the medium conveys the words; else `verb` itself."""
    if verb.lemma_.lower() != "report" or verb.pos_ != "VERB":
        return verb
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not {t.lower_ for t in subject.subtree} & _MEDIA_WORDS:
        return verb
    for other in verb.sent:
        holds_quote = any(not is_outside(t) for t in other.subtree)  # its clause has the quoted words
        if other is not verb and _says(other) and other.pos_ == "VERB" and is_outside(other) and holds_quote:
            inner = _subject(other, is_outside)
            if (
                inner is not None
                and inner.i != subject.i
                and (
                    inner.ent_type_ == "PERSON" or inner.lower_ in _PRONOUNS or inner.lemma_.lower() in _ROLES
                )
            ):
                return other
    return verb


def _someone_subject(verb: Token) -> bool:
    """Whether a clause's subject is someone: a name, a pronoun for people, a word for a
    person ("the gunman")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return (
                child.ent_type_ in ("PERSON", "ORG", "NORP")
                or child.lower_ in _PRONOUNS
                or child.lemma_.lower() in SOMEONE
            )
    return False


_PERSON_WORDS = frozenset(
    "gunman shooter attacker bomber killer suspect caller hijacker robber thief".split()
)
SOMEONE = _ROLES | _PERSON_WORDS


def _quoted_as(verb: Token) -> Token | None:
    """The one a report quotes "as saying" ("Interfax quoted Stepashin as saying", "the
    agency quoted the minister as saying: ...", "Roux was quoted as saying") where `verb`
    is "quote" or that "saying"."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    elif not any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in ("say", "tell") for g in c.children)
        for c in verb.children
    ):
        return None
    if verb.lemma_.lower() != "quote":
        return None
    # "Roux was quoted as saying by the Orsk Times": the one quoted is the passive's subject
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _described_before(verb: Token) -> Token | None:
    """ "Schroeder, whose father died in the war, said that ...": a name the parser hung
    elsewhere as an apposition, with a relative clause set off by commas between it and a
    verb of saying left with no subject, is that verb's subject. The first such name of the
    verb's sentence before it, and only a name."""
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.dep_ != "appos" or token.pos_ != "PROPN":
            continue
        clause = next((c for c in token.children if c.dep_ == "relcl"), None)
        if clause is None or token.i + 1 >= verb.i or verb.doc[token.i + 1].text != ",":
            continue
        if verb.doc[verb.i - 1].text == "," and clause.right_edge.i < verb.i:
            return token
    return None


def _is_person_like(
    subject: Token, para: Paragraph, entities: EntityIndex, *, types: tuple[str, ...] = ("PERSON", "ORG")
) -> bool:
    """A personal pronoun, or a subject whose own words hold a person's or body's name."""
    if subject.lower_ in _PRONOUNS:
        return True
    for token in _own_words(subject):
        at = para.start + token.idx
        named = entities.at(para.doc_index, at, at + len(token.text))
        if named is not None and named.type in types:
            return True
    return False


def _own_words(subject: Token) -> list[Token]:
    """The subject's phrase without what hangs off a possessive ("JFK's friend Ken Ode":
    not JFK) or after a preposition or clause ("workers at the plant"), but with a name set
    off after its place or body (`_apposed_after_object`)."""
    words = []
    for token in subject.subtree:
        path = [token, *[a for a in token.ancestors if a.i != subject.i and subject.is_ancestor(a)]]
        if any(t.dep_ in ("poss", "prep", "relcl", "acl", "advcl") for t in path):
            continue
        words.append(token)
    return words + _apposed_after_object(subject)


def _apposed_after_object(subject: Token) -> list[Token]:
    """ "The mayor of Kessport, Ana Roux, said": the parser hangs the name set off by commas
    on the place, but it names the mayor. The words of such an apposition to the object of
    the subject's own preposition, where that object is no word for a person ("the lawyer
    for the victim, Ana Roux" may name the victim) and the subject is one."""
    if not _is_noun(subject) or subject.lemma_.lower() not in _ROLES:
        return []
    words: list[Token] = []
    for prep in (c for c in subject.rights if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lemma_.lower() in _ROLES | _GROUPS or obj.ent_type_ in ("PERSON", "NORP"):
                continue
            for appos in (c for c in obj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"):
                if appos.left_edge.i > 0 and subject.doc[appos.left_edge.i - 1].text == ",":
                    words += list(appos.subtree)
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
    genders: dict[str, str] | None = None,
    earlier: tuple[Paragraph, ...] = (),
) -> str | None:
    """Who the subject token names; `quoted` (offsets in the article) holds quotations,
    whose names are spoken about, not speaking ('"We'll let General Mattis...," he said');
    `before` is the report's paragraph before this one, whose subject a pronoun opening
    a paragraph may stand for; `spoken` holds the names the quote itself mentions."""
    start = para.start + subject.idx
    entity = _entity_at(entities, para, subject)
    if (
        entity is not None
        and entity.type == "NORP"
        and subject.tag_ == "NNP"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    ):
        # "the Florida Republican said", "the Briton added": one person, called by party
        # or nation; as for "the athlete", whom the report is about just before.
        for name in (
            _subject_before(subject, para, entities, quoted=quoted),
            _last_person(entities, para.doc_index, start, since=para.start, quoted=quoted, skip=spoken),
            _main_person(entities, para.doc_index, start, skip=spoken),
        ):
            if name and name not in spoken:
                return name
    if (
        entity is not None
        and entity.type == "ORG"
        and (person := _titled_after_body(subject, para, entities))
    ):
        return person
    if entity is not None:
        return entity.name
    if (
        subject.dep_ == "appos"
        and _is_noun(subject)
        and subject.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
        and not any(
            d.lower_ == "whose"
            for c in subject.children
            if c.dep_ == "relcl"
            for t in c.children
            for d in t.children
        )
    ):
        # '..., said Ana Roux, the strategist who recalled ...': the words for a person set
        # beside a name that is a subject or object (reached by "who") are that person's;
        # not "the wife of Tom Reed, a teacher who told", nor "Tom Reed, a former officer
        # whose lawyer said" (the lawyer speaks)
        named = _entity_at(entities, para, subject.head)
        if named is not None and named.type == "PERSON":
            return named.name

    def antecedent() -> str | None:  # whom a pronoun or a document stands for
        return _antecedent(
            subject, para, entities, previous, number,
            quoted=quoted, before=before, spoken=spoken, genders=genders, earlier=earlier,
        )  # fmt: skip

    if subject.lower_ in _PRONOUNS:
        return antecedent()
    if subject.lower_ == "it":
        # "It said": the organisation that is the subject just before.
        return (
            _subject_before(subject, para, entities, quoted=quoted, types=("ORG",))
            or _reported_speaker(before, entities, speech_only=False, types=("ORG",))
            or _paper_before(subject, para, earlier or ((before,) if before is not None else ()), quoted)
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
        clauses = [t for c in subject.children if c.dep_ == "acl" for t in c.children]
        if subject.dep_ == "dobj" and subject.head.lemma_.lower() == "read":
            clauses += list(subject.head.children)  # '"...," read a post from Lind'
        for prep in [*subject.children, *clauses]:
            # "a statement from the ministry said", "the letter, signed by Lind, said"
            if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by"):
                for issuer in prep.children:
                    if issuer.dep_ == "pobj":
                        return name_of(issuer, para, entities, previous, number, quoted=quoted, before=before)
        # "The family said in a statement that ...", "Fox mocked him with a statement that
        # said ...", else "the statement read" after "the team dismissed it in a statement";
        # "the commentary in Sunday's New Light of Myanmar newspaper said": the paper.
        # A commentary or a submission with no issuer found stays as written: the last
        # person named is rarely its author.
        return (
            _issuer(subject, para, entities)
            or _paper_it_ran_in(subject, para, entities)
            or _issuer_before(subject, para, earlier, entities)
            or (antecedent() if subject.lemma_.lower() in _STATEMENTS else _as_written(subject))
        )
    noun = subject.lemma_.lower()
    if (
        _is_definite(subject)
        and noun in _ORG_NOUNS | _NAMED_BY_NOUN
        and all(c.dep_ in ("det", "punct") for c in subject.lefts)
        and not _is_person_like(subject, para, entities)
    ):
        # "The university said": the one body named before with that word in its name;
        # "the company said": else the organisation that is a subject just before, else
        # the one the report named last ("the foreign ministry" names itself well enough).
        found = None
        if noun in _ORG_NOUNS:
            found = _organisation_before(subject, para, before, entities, quoted=quoted)
        unnamed = noun in _UNNAMED_TOO and _unnamed_before(
            subject, para, (*earlier, *((before,) if before else ()))
        )
        if not found and subject.tag_ != "NNS" and not unnamed:  # not "the banks said"
            found = _body_with_word(noun, entities, para.doc_index, start)
        if not found and noun in _ORG_NOUNS:
            found = _last_person(entities, para.doc_index, start, quoted=quoted, types=("ORG",))
        if found:
            return found
    if (
        _is_definite(subject)
        and subject.lemma_.lower() in _ROLES
        and not _is_person_like(subject, para, entities, types=("PERSON",))
    ):
        # "A surgeon sought advice. '...,' the doctor wrote": the unnamed person the
        # sentence before introduced, kept as written.
        introduced = _introduced(subject, para, before, entities)
        if introduced:
            return introduced
        # "A source close to the family said: ... The source added": the unnamed person
        # quoted last, when described with that word.
        last = previous[1] if previous is not None else None
        # ... and with its other words: "the company spokesman" is not "a police spokesman"
        last_words = last.lower().split() if last else []
        if (
            last
            and subject.lower_ in last_words[:3]
            and all(m in last_words for m in _modifiers(subject))
            and entities.find(last) is None
        ):
            return last
    if _aged(subject, para, entities, (*earlier, *((before,) if before else ()))):
        # "Marianne Gingrich said she was exhausted." / "..., the 48-year-old Ohio native
        # would say only, '...'": the one the sentence before is about.
        for name in (
            _subject_before(subject, para, entities, quoted=quoted),
            _reported_speaker(before, entities, speech_only=False, skip=spoken),
        ):
            if name and name not in spoken:
                return name
    epithet = _is_epithet(subject, para, entities)
    if (
        epithet
        and (described := _described_by_clause(subject))
        and not _titled(subject.lemma_.lower(), entities, para.doc_index, start, skip=spoken)
    ):
        # "The judge who sentenced the father said": that judge, where no one named was
        # given the title ("Judge Ana Roux jailed him. ... the judge who sentenced him said")
        return described
    if (
        epithet
        and subject.lemma_.lower() in _KIN_WORDS
        and any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in subject.children)
        and not _kin_named(entities, para.doc_index, subject.lemma_.lower())
    ):
        # "the boy's mother told the show": kin of someone unnamed, as written, not the
        # person named last
        described = _as_written(subject)
        if described:
            return described
    if epithet:
        # "The chief added": the person last named with that title ("Police Chief Ana
        # Roux"), else the one named just before in this paragraph, else the person the
        # report is about so far ("the athlete said").
        for name in (
            _titled(subject.lemma_.lower(), entities, para.doc_index, start, skip=spoken),
            # "..., the city's police chief said. Police Chief Ana Roux told ...": the
            # description first, the name just after.
            _titled(
                subject.lemma_.lower(),
                entities,
                para.doc_index,
                start,
                skip=spoken,
                ahead=True,
                modifiers=_modifiers(subject),
            ),
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
    # A name before a common noun is whom it belongs to ("a Trump aide", "one former
    # Southern Weekly editor", "the Kessport fire department"), not who speaks.
    is_role = _is_noun(subject) and subject.lemma_.lower() in _ROLES | _GROUPS
    modifying = {
        t.i
        for c in subject.lefts
        if _is_noun(subject) and c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")
        for t in c.subtree
    }
    # So is one after a preposition ("a spokeswoman for Governor Marta Lind"), up to a
    # comma (the parser may hang an apposition there: "director of sales, Xavier Buchon").
    # And after an adjective set after the word ("a source close to Ana Roux", "a person
    # familiar with the talks").
    adjectives = [c for c in subject.rights if c.dep_ in ("amod", "acl") and c.pos_ == "ADJ"]
    preps = [c for c in subject.rights if c.dep_ == "prep"]
    preps += [p for c in adjectives for p in c.children if p.dep_ == "prep"]
    for prep in (c for c in preps if is_role):
        for token in prep.subtree:
            if token.text in _STOPS:
                break
            modifying.add(token.i)
    # A name set beside a word for a person is the person's, however the tagger took it
    # ("The mayor of Accumoli, Stefano Petrucci, said").
    apposed = {t.i for c in subject.children if is_role and c.dep_ == "appos" for t in c.subtree}
    apposed |= {t.i for t in _apposed_after_object(subject)}
    # Not a name after a preposition inside the apposition: it is another's ("His lawyer, a
    # former aide to Senator Marta Lind, said" is the lawyer, as written).
    others = {i for i in apposed if _after_preposition(para.doc[i], apposed)}
    apposed -= others
    modifying |= others
    organisation = None
    for token in [t for t in ordered if t.i not in possessed] + [t for t in ordered if t.i in possessed]:
        at = para.start + token.idx
        named = _entity_at(entities, para, token)
        if named is None or named.type not in ("PERSON", "ORG"):
            continue
        # A person named in a possessive is whose the speaker is, never who speaks ("Reynolds'
        # rep told E! News", "Lind's lawyer said"): the speaker is the role, as written.
        whose = token.i in modifying or token.i in possessed
        is_person = (
            named.type == "PERSON" and token.i not in possessed and (not is_role or token.i not in modifying)
        ) or token.i in apposed
        if is_person:
            # A person's name before any organisation's ("British Mountaineering Council
            # training officer Jon Garside").
            return named.name
        if organisation is None:
            organisation = (named.name, whose)
    if organisation is not None and not is_role and not organisation[1]:
        return organisation[0]
    # A name beside the word for a person that the tagger missed here, past a possessive
    # owner ("Putin's former mentor, ex-Mayor Anatoly Sobchak, told").
    owner_only = organisation is None or organisation[1]
    if apposed and owner_only and (beside := _apposed_name(para, apposed, entities)) is not None:
        return beside
    described = _as_written(subject)
    if organisation is not None or is_role:
        # A person or body the report does not name ("a Metropolitan police spokesman",
        # "one former Southern Weekly editor"): as written, with whose it is.
        found = described or (organisation[0] if organisation is not None else None)
        if found:
            return found
    text = " ".join(t.text for t in words if t.lower_ not in _DROP_DET)
    # The subject's words with what describes them, as written ("the Texas-based company",
    # "the South Korean government"), not only its own children ("based company").
    first = min(
        (c.left_edge.i for c in subject.lefts if c.dep_ not in ("punct", "cc", "conj")), default=subject.i
    )
    while first < subject.i and para.doc[first].lower_ in _DROP_DET:
        first += 1
    span = para.doc[first : subject.i + 1]
    inside = any(a <= para.start + span[0].idx < b for a, b in quoted)
    written = (
        span.text if first < subject.i and not inside and not any(t.text in _STOPS for t in span) else ""
    )
    if text[:1].isupper() and count_words(text) <= 3:
        # A surname alone ("said Droz") that the tagger did not mark as a name.
        known = entities.find(text)
        if known is not None and count_words(text) == 1:
            known = _in_full(entities, para.doc_index, start, text, known)
        if known is None and count_words(text) == 1 and subject.pos_ == "PROPN":
            known = _given_in_report(entities, para.doc_index, text)
        if known is not None:
            return known.name
    text = written if written and count_words(written) <= 8 else text
    return text if text and count_words(text) <= 8 else None


def _apposed_name(para: Paragraph, apposed: set[int], entities: EntityIndex) -> str | None:
    """The person named by the words set beside a word for a person where the tagger did not
    mark them as a name here ("Putin's former mentor, ex-Mayor Anatoly Sobchak, told"): the
    last run of proper nouns of the apposition's own words (not those after a preposition
    in it: "a former aide to Senator Marta Lind" names the senator, not the aide), titles
    before it left out, two words or more, that names a person of the cluster; after a
    title, also a name of a person's shape the tagger took for something else (it had called
    Sobchak a place), never a place's or body's longer name ("Imam Khomeini International
    Airport"). Else None."""
    doc = para.doc
    run: list[Token] = []
    for i in sorted(apposed):
        token = doc[i]
        if _after_preposition(token, apposed):
            run = []
        elif token.pos_ == "PROPN" and (not run or run[-1].i == i - 1):
            run.append(token)
        elif token.pos_ == "PROPN":
            run = [token]
        elif token.text not in (",", "."):
            run = []
    titles = [k for k, t in enumerate(run) if t.text.rstrip(".").lower() in TITLES]
    run = run[titles[-1] + 1 :] if titles else run  # "ex-Mayor Anatoly Sobchak": "Anatoly Sobchak"
    if len(run) < 2:
        return None
    known = entities.find(" ".join(t.text for t in run))
    if known is None:
        return None
    if known.type == "PERSON" or (
        titles and known.type != "ORG" and person_shaped(tuple(known.name.split()))
    ):
        return known.name
    return None


def _after_preposition(token: Token, within: set[int]) -> bool:
    """Whether a word of an apposition hangs, inside it, from a preposition or a clause ("to
    Senator Marta Lind" of "a former aide to Senator Marta Lind")."""
    while token.i in within and token.head.i != token.i:
        if token.dep_ in ("prep", "pobj", "relcl", "acl", "advcl"):
            return True
        token = token.head
    return False


def _titled_after_body(subject: Token, para: Paragraph, entities: EntityIndex) -> str | None:
    """The person a body's name and a title stand before, where the parser made the body
    the subject ("said state Department of Public Health spokesperson Roseanne Pawelec":
    Pawelec speaks, not the department): the name right after the title right after the
    body's name. None where no such person follows."""
    doc = para.doc
    end = subject.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "ORG":
        end += 1  # past the body's name
    if end >= len(doc) or doc[end].text.rstrip(".").lower() not in TITLES:
        return None
    while end < len(doc) and doc[end].text.rstrip(".").lower() in TITLES:
        end += 1  # "spokesperson", "press secretary", "Lt."
    if end >= len(doc) or doc[end].ent_type_ != "PERSON":
        return None
    named = _entity_at(entities, para, doc[end])
    return named.name if named is not None and named.type == "PERSON" else None


def _given_in_report(entities: EntityIndex, doc_index: int, word: str) -> Entity | None:
    """The one person the report names in full with `word` as the given name ("adds Jared"
    after "says Jared Gale, 7,"), where the tagger did not take the word alone for a name."""
    found = {
        index
        for mention, index in entities.mentions_in(doc_index)
        if entities.entities[index].type == "PERSON"
        and len(words := entities.entities[index].name.split()) > 1
        and words[0] == word
    }
    return entities.entities[found.pop()] if len(found) == 1 else None


_UNNAMED_TOO = frozenset({"council", "committee", "bureau"})


def _unnamed_before(subject: Token, para: Paragraph, earlier: tuple[Paragraph, ...]) -> bool:
    """Whether a paragraph before the quote, or its own before the subject, tells of an
    unnamed body of the subject's word ("the city council voted", "a House committee"): a
    lower-case word or a name of no body set before that word."""
    noun = subject.lemma_.lower()
    for where in (*earlier, para):
        for token in where.doc:
            if where is para and token.i >= subject.i:
                break
            if token.lemma_.lower() != noun or token.ent_type_ == "ORG":
                continue
            if any(c.dep_ in ("amod", "compound", "nmod") for c in token.lefts):
                return True
    return False


def _body_with_word(noun: str, entities: EntityIndex, doc_index: int, before: int) -> str | None:
    """The one organisation the report names before `before` with `noun` among the words
    of its name ("Orsk State University" for "the university"), else None."""
    named = {
        entities.entities[index].name
        for mention, index in entities.mentions_in(doc_index)
        if mention.span.start < before
        and entities.entities[index].type == "ORG"
        and noun in entities.entities[index].name.lower().split()
    }
    return next(iter(named)) if len(named) == 1 else None


def _entity_at(entities: EntityIndex, para: Paragraph, token: Token) -> Entity | None:
    """The entity the token names; a name of one word stands for the person the report
    named in full with that word (`_in_full`: "Wu Lihong ... Wu said" in a report that
    also names Wu Si; "Ella" after "Ella Ruhl"), where the merged entity does not
    carry that word in a longer name."""
    doc_index, start = para.doc_index, para.start + token.idx
    end = start + len(token.text)
    entity = entities.at(doc_index, start, end)
    if entity is None:
        return None
    own = entity.name.lower().split()
    if len(own) > 1 and token.lower_ in own:
        return entity  # most names: a word of the entity's own full name
    here = next(
        (m for m, _ in entities.mentions_in(doc_index) if m.span.start < end and start < m.span.end), None
    )
    if here is None or len(here.tokens) != 1:
        return entity
    return _in_full(entities, doc_index, start, here.tokens[0], entity)


def _in_full(entities: EntityIndex, doc_index: int, start: int, word: str, entity: Entity) -> Entity:
    """The person the report named in full with `word` before `start`, where `entity`
    does not carry that word in a longer name: the only one, else the one named just
    before (within `_NEAR` characters) when no other is ("Wu Si ... Wu Lihong said ...
    Wu said"); else `entity` ("Melania Trump ... Donald Trump ... Trump said" far after
    both is left as written)."""
    word = word.lower()
    own = [w.lower() for w in entity.name.split()]
    if len(own) > 1 and word in own:
        return entity
    # As a surname ("Donald Trump") before as a family name written first ("Wu Lihong"),
    # never in a possessive ("Trump's Twitter").
    by_place: tuple[dict[str, tuple[int, Entity]], dict[str, tuple[int, Entity]]] = ({}, {})
    for mention, index in entities.mentions_in(doc_index):
        other = entities.entities[index]
        words = [w.lower() for w in mention.tokens]
        is_full = len(words) > 1 and other.type == "PERSON" and not re.search(r"['’]s\b", mention.text)
        if not is_full or mention.span.start >= start or word not in (words[0], words[-1]):
            continue
        found = by_place[word != words[-1]]
        if mention.span.start > found.get(other.name, (-1, other))[0]:
            found[other.name] = (mention.span.start, other)
    last = by_place[0] or by_place[1]
    if len(last) == 1:
        return next(iter(last.values()))[1]
    near = [other for at, other in last.values() if start - at <= _NEAR]
    return near[0] if len(near) == 1 else entity


_NEAR = 500
"""How near before a short name a full one must be to stand for it among others (characters)."""


def _is_noun(token: Token) -> bool:
    """A common noun, also where the tagger took a lower-case one for a name ("the prime minister")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())


def _chain(token: Token) -> list[Token]:
    """The words of a hyphenated noun the parser split into siblings ("the ex - parishioner",
    each a subject of "said"): the token and those joined to it by hyphens, in order."""
    doc, words = token.doc, [token]

    def joined(a: int, b: int) -> bool:
        hyphen = doc[a + 1]
        return (
            hyphen.text == "-"
            and not doc[a].whitespace_
            and not hyphen.whitespace_
            and (doc[b].head.i == token.head.i and doc[b].dep_ == token.dep_)
        )

    while words[0].i >= 2 and joined(words[0].i - 2, words[0].i - 2):
        words.insert(0, doc[words[0].i - 2])
    while words[-1].i + 2 < len(doc) and joined(words[-1].i, words[-1].i + 2):
        words.append(doc[words[-1].i + 2])
    return words


def _chain_end(token: Token) -> Token:
    """The last word of a hyphenated noun the parser split (`_chain`), its head word."""
    return _chain(token)[-1] if _is_noun(token) else token


def _is_definite(subject: Token) -> bool:
    """'the doctor', 'the company': a noun with "the" (or "this", "that") before it."""
    return _is_noun(subject) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for w in _chain(subject) for c in w.children
    )


_STOPS = frozenset({",", "(", ")", ";", ":", "—", "–", '"', "“", "”", "‘", "’", "'"})


def _as_written(subject: Token) -> str | None:
    """A speaker the report does not name, as written: the noun with what describes it
    ("one official at a state news media organization"), up to a comma, a dash or a
    relative clause, with no "the" or "a" before it; only the noun and the words before it
    when that runs long."""
    doc = subject.doc
    start, end = _chain(subject)[0].left_edge.i, subject.right_edge.i + 1
    for token in doc[subject.i + 1 : end]:
        if token.text in _STOPS or (token.text == "-" and token.whitespace_):
            end = token.i
            break
    for clause in subject.rights:
        if clause.dep_ == "relcl":  # not "who knew him", "who now works for ..."
            end = min(end, clause.left_edge.i)
    for token in doc[start : subject.i]:
        if token.text in _STOPS or (token.text == "-" and token.whitespace_):
            start = token.i + 1
    if count_words(doc[start:end].text) > 12:
        end = subject.i + 1
    while start < end and doc[start].lower_ in _DROP_DET:
        start += 1
    # "A source close to the Linds'" written "the Lind's": a possessive that owns nothing
    # is the family, the plural ("the Linds").
    text = _FAMILY.sub(r"\1s", doc[start:end].text.strip())
    return text if text and count_words(text) <= 12 else None


def _kin_named(entities: EntityIndex, doc_index: int, kin: str) -> bool:
    """Whether the report names someone with that word for kin ("His mother, Maria Reed")."""
    return any(mention.kin == kin for mention, _ in entities.mentions_in(doc_index))


def _described_by_clause(subject: Token) -> str | None:
    """A definite noun for a person that its relative clause picks out ("the judge who
    sentenced the father", "the woman who found the body"), as written without "the"; None
    for any other, and for a clause of saying or being ("the chief, who said ...", "the
    officer who is in charge"), which describes one named before."""
    clause = next((c for c in subject.rights if c.dep_ == "relcl"), None)
    if clause is None or _says(clause) or clause.lemma_.lower() in ("be", "have"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in clause.children):
        return None  # "the man whose son died": whose, not who
    doc = subject.doc
    start = subject.left_edge.i
    while start < subject.i and doc[start].lower_ in _DROP_DET:
        start += 1
    end = clause.right_edge.i + 1
    if any(t.text in _STOPS for t in doc[start:end]) or count_words(doc[start:end].text) > 12:
        return None
    return doc[start:end].text


_FAMILY = re.compile(r"(\bthe [A-Z][\w-]*)['’]s$")


def _introduced(
    subject: Token, para: Paragraph, before: Paragraph | None, entities: EntityIndex
) -> str | None:
    """The unnamed person the sentence before introduced ("A surgeon sought advice."),
    as written, for a definite word for a person after it ("the doctor wrote")."""
    sents = [s for s in para.doc.sents if s.end <= subject.sent.start]
    if sents:
        sent, where = sents[-1], para
    elif before is not None:
        sent, where = list(before.doc.sents)[-1], before
    else:
        return None
    for token in sent:
        indefinite = any(
            c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in token.children
        )
        if (
            token.dep_ in ("nsubj", "nsubjpass")
            and _is_noun(token)
            and token.lemma_.lower() in _ROLES
            and indefinite
        ):
            # Named after all ("A police officer, Ana Roux, said ...") or as written.
            return name_of(token, where, entities, None, 0)
    return None


def _agrees(pronoun: str, noun: Token) -> bool:
    """Whether a pronoun can stand for the noun: "he" or "she" for one person, "they" for more."""
    if pronoun in ("he", "she"):
        return noun.tag_ == "NN"
    return pronoun == "they" and noun.tag_ == "NNS"


_KIN_WORDS = frozenset("mother father mom dad wife husband widow widower daughter son sister brother".split())
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f"}
# Verbs of saying to someone, whose "she" may be the one told ("Kennedy told von Post she...").
_ADDRESSED = frozenset({"tell", "ask", "urge", "warn", "remind", "assure", "promise", "inform"})
_GENDERED = {
    **dict.fromkeys(
        """husband son father brother uncle nephew grandfather grandson boyfriend dad king prince
        actor spokesman chairman businessman congressman boy man widower""".split(),
        "m",
    ),
    **dict.fromkeys(
        """wife daughter mother sister aunt niece grandmother granddaughter girlfriend mom queen
        princess actress spokeswoman chairwoman businesswoman congresswoman girl woman widow""".split(),
        "f",
    ),
}


def _given_sex(words: tuple[str, ...]) -> str:
    """ "m" or "f" for a person's name of two words or more whose first is a given name of
    one sex (`given_names`: "Marsha Greenberg" "f"), else ""."""
    return word_pairs("given_names").get(words[0].lower(), "") if len(words) > 1 else ""


def _genders(paragraphs: list[Paragraph], entities: EntityIndex) -> dict[int, dict[str, str]]:
    """The persons the reports call "he" ("m") or "she" ("f"): by the pronoun that is
    the subject of what they say ("Lind said she would stay"), by "Mr", "Mrs" or "Ms" before
    their names, by a word for a man or a woman set beside them ("Her husband, Peter
    Holm", "actress Marta Lind"), and, weakest, by a given name of one sex the report writes
    (`_given_sex`): only where that leans clearly one way (more than two to one). Each
    report apart: one may call Jackie "Mrs. Kennedy", another JFK "Kennedy"."""
    by_doc: dict[int, list[tuple[int, int, str]]] = {}
    counts: dict[tuple[int, str], list[int]] = {}
    given_by: dict[tuple[int, str], set[str]] = {}  # the sexes a report's given names say
    for mention, index in entities.mentions:
        entity = entities.entities[index]
        if entity.type != "PERSON":
            continue
        by_doc.setdefault(mention.doc_index, []).append((mention.span.start, mention.span.end, entity.name))
        title = mention.written.split()[0].rstrip(".").lower() if mention.written else ""
        if title in _HONORIFICS:
            counts.setdefault((mention.doc_index, entity.name), [0, 0])[_HONORIFICS[title] == "f"] += 2
        if given := _given_sex(mention.tokens):
            # "Marsha Greenberg" as this report writes the name (not the cluster's name for
            # the person, which a merge may have chosen from another report)
            given_by.setdefault((mention.doc_index, entity.name), set()).add(given)
    for mentions in by_doc.values():
        mentions.sort()
    for para in paragraphs:
        mentions = by_doc.get(para.doc_index, [])
        if not mentions:
            continue
        spans = [(m.start(), m.end()) for m in _QUOTE.finditer(para.text)]
        for sent in para.doc.sents:
            a, b = para.start + sent.start_char, para.start + sent.end_char
            at = bisect_left(mentions, (a, 0, ""))
            here = []
            while at < len(mentions) and mentions[at][0] < b:
                here.append(mentions[at])
                at += 1
            if not here:
                continue
            named: dict[int, str] = {}  # token index -> person, outside quotes
            for token in sent:
                at = para.start + token.idx
                for start, end, name in here:
                    if start <= at < end and not any(x <= token.idx < y for x, y in spans):
                        named[token.i] = name
            for i, name in named.items():
                token = para.doc[i]
                beside = [c for c in token.children if c.dep_ in ("appos", "compound")]
                beside += [token.head] if token.dep_ == "appos" else []
                for word in beside:
                    if any(c.dep_ == "appos" and named.get(c.i, name) != name for c in word.children):
                        continue  # "Tom Jones, his wife, Ruth Anne": the word is Ruth Anne's
                    gender = _GENDERED.get(word.lemma_.lower()) if word.i not in named else None
                    if gender is not None:
                        counts.setdefault((para.doc_index, name), [0, 0])[gender == "f"] += 2
            for token in sent:
                # "Lind said she would stay": a subject pronoun of what a person says, with
                # no one else told ("Kennedy told von Post she looked well" is not).
                if token.dep_ not in ("nsubj", "nsubjpass") or any(x <= token.idx < y for x, y in spans):
                    continue
                if token.lower_ not in _HE and token.lower_ not in _SHE:
                    continue
                clause = token.head
                verb = clause.head
                if clause.dep_ != "ccomp" or verb.i == clause.i or not _says(verb):
                    continue
                if verb.lemma_.lower() in _ADDRESSED or any(
                    c.dep_ in ("dobj", "dative", "iobj") for c in verb.children
                ):
                    continue
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                people = {named[t.i] for c in subjects for t in _own_words(c) if t.i in named}
                if len(people) == 1:
                    counts.setdefault((para.doc_index, people.pop()), [0, 0])[token.lower_ in _SHE] += 1
    for key, sexes in given_by.items():
        said = counts.setdefault(key, [0, 0])
        if len(sexes) == 1 and sum(said) <= 1:
            # one vote a report, read only where the report says little else: alone it
            # decides; against one pronoun it leaves the sex unknown ("attorney Charles
            # Babcock said she would testify": the "she" is his client); a title, a word for
            # kin or two pronouns are left to decide ("Mr. Karen Demirchyan")
            said[sexes == {"f"}] += 1
    genders: dict[int, dict[str, str]] = {}
    for (doc_index, name), (he, she) in counts.items():
        if he > 2 * she:
            genders.setdefault(doc_index, {})[name] = "m"
        elif she > 2 * he:
            genders.setdefault(doc_index, {})[name] = "f"
    return genders


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
    genders: dict[str, str] | None = None,
    earlier: tuple[Paragraph, ...] = (),
) -> str | None:
    """The person a pronoun (or a word standing for one) speaks for.

    The person named last before it in this paragraph, else the person the paragraph
    before is about, else the one quoted just before, else the one named last before it
    in the report; never one the quote itself speaks of ('"I backed Lind all the way,"
    he said'), nor one the reports call "she" for "he" or "he" for "she".
    """
    spoken = spoken | _reported_names(subject, para, entities)
    chained = _same_pronoun_before(subject, para, quoted)
    if chained is not None:
        # "Brenner met Lind. He told her ... '...,' he said": whom the first "he" is.
        return _antecedent(
            chained,
            para,
            entities,
            previous,
            number,
            quoted=quoted,
            before=before,
            spoken=spoken,
            genders=genders,
            earlier=earlier,
        )
    start = para.start + subject.idx
    other = {"he": "f", "she": "m"}.get(subject.lower_)
    skip = spoken | {name for name, gender in (genders or {}).items() if gender == other}

    # "He told Winfrey he wanted to race again." / "'...,' he said": where the paragraph
    # before is about the same "he", the one he told there is no answer found before this
    # paragraph (this paragraph may name the told one speaking: "Winfrey replied.").
    back = skip | _told_in(before, entities) if _pronoun_subject(before, subject.lower_) else skip
    found: list[tuple[Callable[[], str | None], frozenset[str]]] = [
        (lambda: _subject_before(subject, para, entities, quoted=quoted, skip=skip), skip),
        (lambda: _role_before(subject, para, entities), skip),
        (lambda: _according_before(subject, para, before, entities), skip),
        (
            lambda: _last_person(entities, para.doc_index, start, since=para.start, quoted=quoted, skip=skip),
            skip,
        ),
        # "She added that it was clear Lind had 'no choice'." / "She said: '...'": the one
        # the same pronoun quoted in the paragraph before stood for, not Lind.
        (
            lambda: _same_pronoun_since(
                subject.lower_, previous, number, earlier or ((before,) if before else ()), entities
            ),
            back,
        ),
        (
            lambda: _reported_speaker(before, entities, speech_only=False, pronoun=subject.lower_, skip=back),
            back,
        ),
        (
            lambda: (
                _only_person_named(before, entities, skip=back)
                if subject.sent.start == 0 and subject.lower_ in ("he", "she")
                else None
            ),
            back,
        ),
        (lambda: previous[1] if previous is not None and previous[0] >= number - 3 else None, back),
    ]
    for candidate, skipped in found:
        name = candidate()
        if name and name not in skipped:
            return name
    return _last_person(entities, para.doc_index, start, quoted=quoted, skip=back)


def _reported_names(pronoun: Token, para: Paragraph, entities: EntityIndex) -> frozenset[str]:
    """The persons named in what the pronoun's verb of saying reports, whom the pronoun
    never stands for ("Assange had been tried by the media, he said": had the speaker been
    Assange, the report would say "he had been"; the pronoun that governs a clause is no
    name inside it)."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in ("he", "she") or not _says(verb):
        return frozenset()
    names = set()
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for token in clause.subtree:
            if token.dep_ in ("poss", "compound") or any(a.dep_ == "poss" for a in token.ancestors):
                continue  # "Reed's wife has been a rock, he said", "the Kennedy family": his own
            named = _person(token, para, entities)
            if named is not None:
                names.add(named)
    return frozenset(names)


def _same_pronoun_since(
    pronoun: str,
    previous: tuple[int, str | None] | None,
    number: int,
    earlier: tuple[Paragraph, ...],
    entities: EntityIndex,
) -> str | None:
    """The one quoted last, where every paragraph from that quote's to this one's is about
    the same "he" or "she": "She added that it was clear Lind had 'no choice'." / "She
    said: '...'", and in wire text, a sentence a paragraph, "He also criticized the policy
    outlined by Bush." / "'...,' he said": the one "he" stood for, not Bush. `earlier` are
    the report's paragraphs just before this one, the last right before it; none after the
    quote's may name someone as a subject."""
    if previous is None or previous[1] is None or not earlier:
        return None
    back = number - previous[0]
    if not 1 <= back <= len(earlier):
        return None
    between = earlier[len(earlier) - back :]
    if not all(_pronoun_subject(p, pronoun) for p in between):
        return None
    # "Gov. Ed Marsh took the stage. He spoke for an hour.": a paragraph with someone named
    # as a subject brings in whom its "he" is
    if any(
        _sentence_subject(sent, p, entities, lambda t: False) for p in between[1:] for sent in p.doc.sents
    ):
        return None
    return previous[1]


def _told_in(para: Paragraph | None, entities: EntityIndex) -> frozenset[str]:
    """The persons the main verb of the paragraph's last sentence tells something ("He told
    Winfrey ...", "he said to Winfrey ..."). Not one asked, who may answer next."""
    if para is None:
        return frozenset()
    root = list(para.doc.sents)[-1].root
    objects: list[Token] = []
    if root.lemma_.lower() == "tell":
        objects = [c for c in root.children if c.dep_ in ("dobj", "dative")]
    elif _says(root):
        objects = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    named = (_person(o, para, entities) for o in objects if o.pos_ == "PROPN")
    return frozenset(n for n in named if n is not None)


def _pronoun_subject(para: Paragraph | None, pronoun: str) -> bool:
    """Whether the main verb of the paragraph's last sentence has `pronoun` ("he", "she") for
    its subject."""
    if para is None or pronoun not in ("he", "she"):
        return False
    sents = list(para.doc.sents)
    return bool(sents) and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.lower_ == pronoun for t in sents[-1]
    )


def _organisation_before(
    subject: Token,
    para: Paragraph,
    before: Paragraph | None,
    entities: EntityIndex,
    *,
    quoted: tuple[tuple[int, int], ...],
) -> str | None:
    """The organisation that is a subject in the nearest sentence before that has one,
    in this paragraph or the one before ("Fox News was more pointed than the RNC. ...
    the network said": Fox News, not the RNC named last)."""
    sents = [(para, s) for s in para.doc.sents if s.end <= subject.sent.start]
    if before is not None:
        sents = [(before, s) for s in before.doc.sents] + sents
    for where, sent in reversed(sents):
        for token in sent:
            at = where.start + token.idx
            if token.dep_ not in ("nsubj", "nsubjpass") or any(a <= at < b for a, b in quoted):
                continue
            for word in _own_words(token):
                named = _person(word, where, entities, ("ORG",))
                if named is not None:
                    return named
    return None


def _same_pronoun_before(
    pronoun: Token, para: Paragraph, quoted: tuple[tuple[int, int], ...]
) -> Token | None:
    """The same "he" or "she" as the subject of the sentence before, in this paragraph."""

    def is_quoted(token: Token) -> bool:
        return any(a <= para.start + token.idx < b for a, b in quoted)

    if pronoun.lower_ not in ("he", "she"):
        return None
    sents = [s for s in para.doc.sents if s.end <= pronoun.sent.start and not all(is_quoted(t) for t in s)]
    if not sents:
        return None
    for token in sents[-1]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and not is_quoted(token):
            return token if token.lower_ == pronoun.lower_ else None
    return None


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


def _according_before(
    pronoun: Token, para: Paragraph, before: Paragraph | None, entities: EntityIndex
) -> str | None:
    """An unnamed person the sentence just before the pronoun's credits with what it
    tells ("..., according to one senior union official. / "We won't leave," he said."),
    in this paragraph or as the last sentence of the one before."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    sents = [s for s in para.doc.sents if s.end <= pronoun.sent.start]
    where, sent = (para, sents[-1]) if sents else (before, list(before.doc.sents)[-1] if before else None)
    if where is None or sent is None:
        return None
    for token in sent:
        source = _according_object(token) if token.lower_ == "according" else None
        if source is not None and source.lemma_.lower() in _ROLES and source.tag_ != "NNS":
            return name_of(source, where, entities, None, 0)
    return None


def _is_epithet(subject: Token, para: Paragraph, entities: EntityIndex) -> bool:
    """'the athlete', 'the tennis star', 'the city's police chief': a definite noun for a
    person, unnamed."""
    definite = [c for c in subject.children if c.dep_ == "det" and c.lower_ == "the"]
    definite += [d for c in subject.children if c.dep_ == "poss" for d in c.children if d.lower_ == "the"]
    if not _is_noun(subject) or not definite:
        return False
    if subject.lemma_.lower() not in _EPITHETS:
        return False
    return not _is_person_like(subject, para, entities)


def _aged(subject: Token, para: Paragraph, entities: EntityIndex, earlier: tuple[Paragraph, ...]) -> bool:
    """Whether the subject is "the N-year-old <noun>" (a noun no word for a role or title
    names: 'the 48-year-old Ohio native'), for a person named before: not where "a
    N-year-old" brought in someone unnamed before it ("A 45-year-old plumber reached the
    car first. ... said the 45-year-old plumber")."""
    old = next((t for t in subject.lefts if t.lower_.endswith("old") and t.dep_ == "amod"), None)
    if (
        old is None
        or not _is_definite(subject)
        or not _is_noun(subject)
        or subject.lemma_.lower() in _EPITHETS
    ):
        return False
    age = next((t.text for t in subject.doc[max(old.i - 4, 0) : old.i] if t.like_num), None)
    if age is None or _is_person_like(subject, para, entities):
        return False
    told = [p.text for p in earlier] + [para.text[: subject.idx]]
    # not "Rob Vance, a 31-year-old Ohio native,": that one is named
    unnamed = re.compile(rf"(?<!, )\b(?:[Aa]n?|[Aa]nother)\s+{re.escape(age)}[- ]years?[- ]old\b")
    return not any(unnamed.search(text) for text in told)


def _titled(
    title: str,
    entities: EntityIndex,
    doc_index: int,
    before: int,
    *,
    skip: frozenset[str],
    ahead: bool = False,
    modifiers: tuple[str, ...] = (),
) -> str | None:
    """The person named last before `before` with `title` written before the name; with
    `ahead`, the one named first after it, within `_NEAR` characters. Every word of
    `modifiers` must be written with the title too ("police" of "the police chief")."""
    best = None
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        words = re.findall(r"\w+", f"{mention.written} {mention.text}".lower())
        is_titled = (
            title in words
            and all(m in words for m in modifiers)
            and entity.type == "PERSON"
            and entity.name not in skip
        )
        at = mention.span.start
        if ahead:
            if is_titled and before < at <= before + _NEAR and (best is None or at < best[0]):
                best = (at, entity.name)
        elif is_titled and at < before and (best is None or at > best[0]):
            best = (at, entity.name)
    return best[1] if best else None


def _modifiers(noun: Token) -> tuple[str, ...]:
    """The words that say which one a noun is ("police" of "the police chief")."""
    return tuple(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))


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
    skip: frozenset[str] = frozenset(),
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
    found = _sentence_subject(sents[-1], para, entities, is_quoted, types)
    return None if found in skip else found


_PAPERS = _DOCUMENTS | frozenset(
    "report study survey editorial ruling listing ad advert advertisement document filing indictment "
    "complaint bulletin".split()
)
"""What "it" may stand for when "it said" follows: a written thing that is a subject before."""


def _paper_before(
    pronoun: Token, para: Paragraph, earlier: tuple[Paragraph, ...], quoted: tuple[tuple[int, int], ...]
) -> str | None:
    """What "it" stands for in "It said ...", where no organisation is: the report, study or
    statement that is the subject of the sentence before, as written ("Friday's report was
    more explicit. It said ..."), across earlier sentences whose subject is "it" too."""
    if pronoun.dep_ != "nsubj" or not _says(pronoun.head):
        return None  # "it was believed that ...": no one's words
    sents = [(where, s) for where in earlier for s in where.doc.sents]
    sents += [(para, s) for s in para.doc.sents if s.end <= pronoun.sent.start]
    for where, sent in reversed(sents[-4:]):
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or any(a <= where.start + subject.idx < b for a, b in quoted):
            return None
        if subject.lower_ == "it" and _says(sent.root):
            continue  # "It said ... / '...,' it said": the same report goes on
        if subject.lemma_.lower() not in _PAPERS or not any(
            c.dep_ == "det" or c.dep_ == "poss" for c in subject.children
        ):
            return None  # "It rejected the findings", "It was not possible to verify": not a report's words
        # "A report by Amnesty accused the army. '...,' it said": what the report accuses
        # is told by the report's subject sentence, and its words are the accused's; only a
        # report that speaks or is described ("was more explicit") does.
        if sent.root.lemma_.lower() not in ("be", *SPEECH_VERBS) or sent.root.lemma_.lower() in _ACCUSING:
            return None
        return _as_written(subject)
    return None


_ACCUSING = frozenset("accuse blame criticise criticize condemn fault charge allege".split())


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
    # "Ms Ardern, who was elected in October, announced that ...": the parser may make the
    # name the root and its verb of saying a clause on it; the name is the subject. Only a
    # verb of saying with what was said, not a caption's participle ("Ole Brun, pictured
    # with his wife ...", "arrested by Detective Marta Lind").
    root = sent.root
    said = any(
        c.dep_ == "acl" and _says(c) and any(g.dep_ == "ccomp" for g in c.children) for c in root.children
    )
    if root.pos_ == "PROPN" and not is_quoted(root) and said:
        return _person(root, para, entities, types)
    return None


def _person(
    token: Token, para: Paragraph, entities: EntityIndex, types: tuple[str, ...] = ("PERSON",)
) -> str | None:
    """The person a token's name belongs to: a mention, or a surname alone that the
    tagger missed but the report names elsewhere."""
    at = para.start + token.idx
    named = _entity_at(entities, para, token)
    if named is None and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper():
        # A surname the tagger took for a noun ("Charamut's campaign"): only one the
        # report names elsewhere.
        named = entities.find(token.text)
        if named is not None:
            named = _in_full(entities, para.doc_index, at, token.text, named)
    return named.name if named is not None and named.type in types else None


def _reported_speaker(
    para: Paragraph | None,
    entities: EntityIndex,
    *,
    speech_only: bool,
    types: tuple[str, ...] = ("PERSON",),
    pronoun: str | None = None,
    skip: frozenset[str] = frozenset(),
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
            if _says(token) and token.pos_ == "VERB" and not is_quoted(token):
                subject = _subject(token, lambda t: not is_quoted(t))
                if subject is None:
                    continue
                named = _person(subject, para, entities, types)
                is_role = (
                    pronoun is not None and subject.lemma_.lower() in _ROLES and _agrees(pronoun, subject)
                )
                if named is None and is_role:
                    # 'The mayor, Ana Roux, said ...' (her name after the word for her),
                    # else 'A Shard spokesman said ...', before '"...," he said.'
                    named = name_of(subject, para, entities, None, 0)
                if named is None and speech_only and subject.pos_ in ("NOUN", "PROPN"):
                    # 'A spokesman for the tower said: ...' before a paragraph of quote.
                    named = name_of(subject, para, entities, None, 0)
                if named is None and subject.lower_ in ("he", "she"):
                    named = _pronoun_of_clause_subject(token, subject, para, entities, types)
                if named is not None and named not in skip:
                    return named
        if speech_only:
            continue
        found = _sentence_subject(sent, para, entities, is_quoted, types)
        if found is not None and found not in skip:
            return found
    return None


_DOUBLE_MARKS = ('"', "“", "”", "``", "''")


def _reported_by_pronoun(context: _Context) -> str | None:
    """The person a "he" or "she" stands for who speaks in the last sentence of the paragraph
    before ("But he said last week that ..."), by the paragraphs before that one."""
    para = context.before
    if para is None:
        return None
    sent = list(para.doc.sents)[-1]
    for token in sent:
        if not (_says(token) and token.pos_ == "VERB" and _is_main(token)):
            continue
        if any(mark in para.text[: token.idx] for mark in _DOUBLE_MARKS):
            return None  # '..., he told CNN.': a credit of a quote before it, read with it
        subject = _subject(token, lambda t: True)
        if subject is None or subject.lower_ not in ("he", "she"):
            continue
        earlier = context.earlier[:-1]
        return name_of(
            subject,
            para,
            context.entities,
            None,
            context.number - 1,
            before=earlier[-1] if earlier else None,
            genders=context.genders,
            earlier=earlier,
        )
    return None


def _pronoun_of_clause_subject(
    verb: Token, pronoun: Token, para: Paragraph, entities: EntityIndex, types: tuple[str, ...]
) -> str | None:
    """'Ana Roux raised it in an interview when she said ...': the named subject of the
    clause the saying hangs from, where no other person stands between as its object ("Judge
    Tom Reed stopped the witness when she said": the witness may be "she")."""
    above = next((a for a in verb.ancestors if any(c.dep_ == "nsubj" for c in a.children)), None)
    if above is None:
        return None
    subject = next(c for c in above.children if c.dep_ == "nsubj")
    if subject.lower_ in _PRONOUNS:
        return None
    objects = [c for c in above.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in above.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.i < pronoun.i and (
            obj.lemma_.lower() in _ROLES or _person(obj, para, entities, ("PERSON",)) is not None
        ):
            return None
    return _person(subject, para, entities, types)


def _only_person_named(para: Paragraph | None, entities: EntityIndex, *, skip: frozenset[str]) -> str | None:
    """The one person the paragraph's last sentence names outside quotes as the one who
    acts (`_doer`: "The tape was bought by historian Ole Brun." before 'He said: "..."'),
    else None."""
    if para is None:
        return None
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(para.text)]
    last = list(para.doc.sents)[-1]
    since, until = para.start + last.start_char, para.start + last.end_char
    named = {
        entities.entities[index].name
        for mention, index in entities.mentions_in(para.doc_index)
        if since <= mention.span.start < until
        and entities.entities[index].type == "PERSON"
        and not mention.describes  # "the Ranger uranium mine had operated", tagged a person
        and not any(a <= mention.span.start - para.start < b for a, b in spans)
        and _doer(para, mention.span.start, mention.span.end)
    }
    return next(iter(named)) if len(named) == 1 and not named & skip else None


def _doer(para: Paragraph, start: int, end: int) -> bool:
    """Whether the name at `start:end` (article offsets) does what its sentence tells: its
    subject, or the agent of a passive ("bought by historian Ole Brun"), not its object
    or victim."""
    span = para.doc.char_span(start - para.start, end - para.start, alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    while token.dep_ in ("appos", "compound", "flat") and token.head is not token:
        token = token.head
    if token.dep_ == "nsubj":
        return True  # not "nsubjpass": "Anna Berg was found dead" is no one who speaks next
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _last_person(
    entities: EntityIndex,
    doc_index: int,
    before: int,
    *,
    since: int = 0,
    quoted: tuple[tuple[int, int], ...] = (),
    skip: frozenset[str] = frozenset(),
    types: tuple[str, ...] = ("PERSON",),
) -> str | None:
    best = None
    for mention, index in entities.mentions_in(doc_index):
        entity = entities.entities[index]
        is_candidate = (
            since <= mention.span.start < before
            and entity.type in types
            # "He once attended a Noam Chomsky lecture.": no one "he" stands for (a body's
            # name before a noun still names it: "a Fox News executive")
            and not (mention.describes and entity.type == "PERSON")
            # "Droz told Kymata News. ... The company said": not the paper he told
            and not (mention.addressed and entity.type == "ORG")
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


def _rivals(found: list[_Found]) -> list[list[int]]:
    """For each quote, the earlier quotes that may be `_same` as it, in order.

    Every way `_same` holds needs the two to share at least 0.8 of the smaller one's
    words (a short quote inside a long one shares all of its words; the other two tests
    ask for 0.8 of the smaller set or of both together). The shared counts of all pairs
    come from one sparse product, so only those pairs are compared: comparing each quote
    with every earlier one grew with the square of a long cluster's quotes.
    """
    import numpy as np
    import scipy.sparse as sp

    vocabulary: dict[str, int] = {}
    rows = [i for i, item in enumerate(found) for _ in item.words]
    columns = [vocabulary.setdefault(w, len(vocabulary)) for item in found for w in item.words]
    words = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, columns)), shape=(len(found), max(len(vocabulary), 1))
    )
    shared = (words @ words.T).tocsr()
    sizes = [len(item.words) for item in found]
    empty = [i for i, size in enumerate(sizes) if size == 0]
    rivals = []
    for i, size in enumerate(sizes):
        if size == 0:
            rivals.append(list(range(i)))
            continue
        lo, hi = shared.indptr[i], shared.indptr[i + 1]
        near = {
            j
            for j, count in zip(shared.indices[lo:hi].tolist(), shared.data[lo:hi].tolist(), strict=True)
            if j < i and 5 * count >= 4 * min(size, sizes[j]) - 1
        }
        rivals.append(sorted(near.union(j for j in empty if j < i)))
    return rivals


def _merge(
    corpus: Corpus, found: list[_Found], named: frozenset[str] = frozenset()
) -> tuple[list[Quote], dict[int, tuple[Quoted, ...]]]:
    groups: list[list[_Found]] = []
    group_of: list[int] = []
    for item, rivals in zip(found, _rivals(found), strict=True):
        # The first group that holds a quote `_same` as this one, as a scan of every group.
        same = [group_of[j] for j in rivals if _same(item, found[j])]
        if same:
            group_of.append(min(same))
            groups[min(same)].append(item)
        else:
            group_of.append(len(groups))
            groups.append([item])
    order = [a.id for a in corpus.articles]
    quotes = []
    quoted: dict[int, list[Quoted]] = {}
    for group in groups:
        speaker = _group_speaker(group, named)
        for g in group:
            # A report that names the speaker beside its copy of the quote keeps its own
            # ('..., fire chief John Harris said' where another report has the mayor).
            own = g.speaker if g.credited and g.speaker else speaker
            if own:
                quoted.setdefault(g.doc_index, []).append(Quoted(g.span.start, g.span.end, own))
        longest = max(group, key=lambda g: len(g.text))
        # A report that carried the quote's paragraph word for word (cleaning kept one copy)
        # carries the quote too.
        docs = {g.doc_index for g in group}
        docs.update(
            c for g in group for c in corpus.copies_of(g.doc_index, g.span.start) if c not in corpus.excluded
        )
        sources = sorted({corpus.articles[d].id for d in docs}, key=order.index)
        span = corpus.to_given(longest.span)
        quotes.append(Quote(speaker=speaker, text=longest.text, sources=tuple(sources), span=span))
    return quotes, {d: tuple(sorted(q)) for d, q in quoted.items()}


def _credit_words(para: Paragraph, matches: list[re.Match[str]]) -> frozenset[str]:
    """The words of a paragraph outside its quotations, where a verb that hands over words
    stands among them (none where none does): a speaker whose name's last word is one is
    credited in the quote's own paragraph ('"...," Ana Roux said'; not a name in passing,
    "the shelter on Park Avenue", with no such verb)."""
    inside = [(m.start(), m.end()) for m in matches]
    words = [t for t in para.doc if not any(a <= t.idx < b for a, b in inside)]
    if not any(t.lemma_.lower() in _QUOTE_VERBS for t in words):
        return frozenset()
    return frozenset(t.text for t in words)


def _group_speaker(group: list[_Found], named: frozenset[str]) -> str | None:
    """The speaker of a quote several reports (or one twice) carry: the most reports'
    speaker; on a tie a name over a description ("one local resident" in one report,
    "Mountain View resident Eamonn Callon" in another), then the one a report credits in
    the quote's own paragraph over one read from the paragraphs before ('Remera said ...
    “We interviewed all the mothers...”' in one report, '"We interviewed ...," Emmanuelle
    Amar, director of Remera, said' in another), then the speaker of the fullest quotation
    over that of a fragment of it."""
    speakers = [g.speaker for g in group if g.speaker]
    credited = {g.speaker for g in group if g.credited}

    def rank(name: str) -> tuple[int, bool, bool, int]:
        longest = max(len(g.text) for g in group if g.speaker == name)
        return (speakers.count(name), name in named, name in credited, longest)

    return max(speakers, key=rank) if speakers else None
