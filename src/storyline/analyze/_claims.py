"""Numeric claims: figures grouped by what they count, and where they disagree.

spaCy marks the figures (CARDINAL, MONEY, QUANTITY, PERCENT); what a figure counts
comes from the words around it and its place in the parse ("four people were
killed" counts deaths, "23 were taken to hospital" the injured, "EUR 180 million
for the damage" money). A figure keeps its hedge ("at least", "more than"), who the
report attributes it to (the subject of the sentence's speech verb, or "according
to ..."), its source and that source's date. Figures that count the same thing
form a claim; a claim whose figures differ is a disagreement, "over time" when
they change with the reports' dates and "across sources" when reports of one date
differ.

What is counted carries its scope: a part ("8 children among them"), a day (unless it
is the story's only day and no report gives a running total), a place (unless most
reports name it or the report leads with it), an earlier year, a rate, a projection, a
target, a poll, whose share of the vote. Figures of one quantity that can both be true
as worded (within a hedge, within rounding, converted between units) agree; so do two
counts of one date ten times apart, which count a part and a whole, not rival estimates.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from storyline.analyze._entities import PLACE_WORDS, EntityIndex
from storyline.analyze._nlp import Paragraph
from storyline.analyze._quotes import SOMEONE, SPEECH_VERBS, Quoted, name_of, subject_of
from storyline.analyze._units import METRE, Unit, last_place, read_unit, step, unit_of
from storyline.embed import FactMatcher
from storyline.model import Claim, ClaimValue, Corpus, Dropped, Entity, Span
from storyline.text import MONTH_WORDS, WEEKDAYS, find_event_dates, is_title_case, overlap, word_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# What a figure counts, from the words near it; the first cue found, nearest first, wins.
CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "deaths",
            r"^(kill\w*|dead|deaths?|died|die[sd]?|dying|perish\w*|fatalit\w+|bodies|lives|life|toll|murder\w*|"
            r"drown(?:s|ed|ing)?|slain|massacred)$",
        ),
        ("injured", r"^(injur\w*|wound\w*|hurt|hospital\w*|treated|casualt\w+)$"),
        ("missing", r"^(missing|unaccounted)$"),
        ("ill", r"^(ill|sick|sickened|sickening|sickens)$"),
        ("infected", r"^(infected|infecting|infects)$"),
        (
            "evacuated",
            r"^(evacu\w+|displaced|fled|flee|flees|fleeing|homeless|refugees|shelters?|sheltered|relocated|rehoused|moved)$",
        ),
        ("arrested", r"^(arrest\w*|detain\w*|custody|jailed|charged)$"),
        ("votes", r"^(votes?|voted|ballots?)$"),
        ("troops", r"^(troops|soldiers|forces)$"),
        ("jobs", r"^(jobs|layoffs|employees|staff)$"),
    )
)
_QUALIFIERS = (
    "no less than", "no more than", "well over", "more than", "at least", "as many as", "fewer than",
    "less than", "up to", "nearly", "almost", "about", "around", "roughly", "some", "over", "under",
    "approximately", "an estimated", "close to", "at most", "topping", "topped", "surpassing", "surpassed",
    "exceeding", "exceeded", "breaking", "faster than", "higher than", "greater than", "slower than",
    "lower than",
)  # fmt: skip
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
      "dozen": 12, "hundred": 100}  # fmt: skip
_SCALES = {"dozen": 12, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
           "crores": 1e7}  # fmt: skip
_CURRENCIES = {"€": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "dollars": "USD", "dollar": "USD",
               "dlrs": "USD", "£": "GBP", "sterling": "GBP", "¥": "JPY", "yen": "JPY", "yuan": "CNY",
               "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "rubles": "RUB", "roubles": "RUB",
               "ruble": "RUB", "rouble": "RUB", "rs": "INR", "rs.": "INR", "baht": "THB",
               "rand": "ZAR", "naira": "NGN", "shekel": "ILS", "shekels": "ILS", "lira": "TRY",
               "zloty": "PLN", "zlotys": "PLN", "ringgit": "MYR", "rupiah": "IDR", "hryvnia": "UAH",
               "hryvnias": "UAH", "forint": "HUF", "forints": "HUF", "koruna": "CZK",
               "kronor": "SEK", "krona": "SEK", "kroner": "NOK/DKK", "krone": "NOK/DKK",
               "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "taka": "BDT",
               "pesos": "peso", "peso": "peso",
               "dinars": "dinar", "dinar": "dinar", "shillings": "shilling"}  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+(?:-[a-z]+)?", re.IGNORECASE)
_ESTIMATES = frozenset("estimate figure count toll tally number total forecast projection".split())
_PEOPLE = frozenset("people person victim other".split())  # "45,000 others injured"
"""Nouns that name no group: "90 people were killed" counts deaths, whoever died."""
_GROUPS = frozenset(
    """resident worker civilian child man woman firefighter soldier officer passenger student patient
    member employee protester adult teenager migrant miner militant rebel fighter police policeman
    journalist tourist child baby girl boy""".split()
)
"""Nouns that name a group: "8 children were killed" counts deaths of children, a part of the toll."""
_UNITS = frozenset(
    """metre meter kilometre kilometer km mile foot feet inch yard acre hectare hour minute second day week
    month year decade century degree kilogram kg pound ton tonne litre liter gallon mph time block street
    avenue road page number no code""".split()
)
_LABELS = frozenset("flight case route highway".split())
"""Nouns a number names one of when it follows them ("Flight 990", "Route 66"), but counts
when it comes first ("300 flights", "120 cases of measles"). Pages stay out: "a 55-page
application" and "a guide of 100 pages" are what two things have, no rival counts."""
_VALUE_AFTER = frozenset(
    """magnitude category level grade stage phase force size score rating number no age ages
    aged tier rank class year population capacity elevation altitude depth height weight
    temperature speed total""".split()
)
"""Nouns a number right after gives a value of ("magnitude 7.1", "category 4", "level 3",
"ages 4 and 5", "bukoba, population 70,000"), not a label (`_label_after`)."""
_RANGE_TOKEN = re.compile(r"\d[\d,.]*[-–]\d[\d,.]*")
_SCALED_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:bn|tn|mn)", re.IGNORECASE)
"""A figure and its scale in one token ("$1.5bn", "£3bn"): the tokenizer splits "57m", not these."""
_RANGE_JOINERS = frozenset({"-", "–", "to"})
_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAMAGE = re.compile(r"^(damage\w*|cost\w*|loss\w*)$", re.IGNORECASE)
_AGE = re.compile(r"^-?years?-?old|^aged$|^age$", re.IGNORECASE)
_GLUED = re.compile(r"[-−]?\d+(?:\.\d+)?°?[CF]")
"""A temperature written in one token ("30C", "86°F")."""
_HEAT = re.compile(
    r"^(temperatures?|degrees?|heat|heatwave|hot|cold|warm|cool|chill\w*|freez\w*|frost|thermometers?|"
    r"mercury|weather|highs?|lows?|celsius|fahrenheit)$",
    re.IGNORECASE,
)
"""Words that make a bare "C" or "F" after a number a temperature."""
_MONEY_WORDS = re.compile(
    r"^(cost\w*|paid|pay\w*|fine[ds]?|spen[dt]\w*|worth|price\w*|budget\w*|fund\w*|sale[sd]?|salar\w+|"
    r"sold|sell\w*|raise[ds]?|earn\w*|bill\w*|loss\w*|lost|profits?|revenues?|banks?|compensation|damages|"
    r"bonus\w*|deal|invest\w*|donat\w+|sterling|money|cash|tax\w*|fees?|wages?|income|owed?|debts?|"
    r"spending|contract|award\w*|bail|ransom)$",
    re.IGNORECASE,
)
"""Words that make "pounds" money (never converted) rather than weight."""
_TEMPERATURE_NOUNS = frozenset("temperature temp heat mercury thermometer reading degree".split())
"""What "temperature" itself is; "highs of 30C" and "lows of 15C" stay apart."""
_WARMING = frozenset(
    "above below than warming warmer hotter cooler colder limit limits target targets goal goals cap "
    "pre-industrial preindustrial by increase increases".split()
)
"""A temperature near these words is a change or a target ("2C above pre-industrial
levels", "warming of 1.5C"), not a reading: a change converts without the offset."""
_COMPARING = frozenset("above below than warmer hotter cooler colder by".split())
"""Of those, the words of a comparison, which count only near the figure: "hundreds of
degrees hotter than volcanoes on Earth" further on compares something else."""
_WARMING_ANYWHERE = _WARMING - _COMPARING
"""The rest (a target, the warming, a rise), which count anywhere in the sentence."""
_COMPOUND_NEXT = re.compile(
    r"\s*(?:and\s+)?-?\s*\d|\s*,\s*(?:and\s+)?\d+(?:\.\d+)?½?\s*-?\s*(?:inch|ounce|oz|cm|centimet)",
    re.IGNORECASE,
)
"""What follows the first part of a measure in two units: "5 feet 6 inches", "5-foot-6",
"6 pounds, 13 ounces" (after a comma, only with the smaller unit named)."""
_COMPOUND_BEFORE = re.compile(
    r"\d\s*-?\s*(?:feet|foot|ft|pounds?|lbs?|met(?:re|er)s?|stones?)\s*[-,]?\s*(?:and\s+)?$"
)
_UNIT_PLURALS = {"foot": "feet", "inch": "inches"}
_SIZE_WORDS = {"long": "length", "wide": "width", "broad": "width", "high": "height", "tall": "height",
               "deep": "depth", "thick": "thickness"}  # fmt: skip


@dataclass(slots=True)
class _Figure:
    counted: str
    scope: str
    value: ClaimValue
    predicate: str = ""
    """For a count of a bare noun ("12 soldiers went", "four soldiers died"), the verb
    it is counted by: figures of one noun told by different verbs count different sets."""
    bound: bool = False
    """A measure that bounds another fact ("report within 30 days", "within 500 metres of
    the site"): a deadline or a radius, a claim only when two reports give it."""
    running: bool = False
    """A running total ("the toll rose to 40", "killed since March"), not one day's count."""
    so_far: bool = False
    """Counted up to now, in the present perfect ("7,500 have been killed"): as a running
    total, one quantity over months (`_one_event`), though not for a day's scope."""
    words: frozenset[str] = frozenset()
    """The content words of its sentence (`FactMatcher.words`), for `_one_statement`."""
    last_year: bool = False
    """Its scope's year is the one before the report's, said as "last year" or "last fall"
    rather than by its number: a time, not a name of another event (`_implicit_years`)."""
    owner: str = ""
    """For a crew, the vessel it is of ("the tanker's 23 crew", "118 sailors aboard the
    Kursk"), by its name or its noun, where the sentence says; see `_crews_apart`."""
    revises: bool = False
    """It takes a figure its sentence gave before to a new one ("rose to 17,997, but they
    revised that figure down to 12,514"): one quantity at two times (`_restated`)."""
    attackers: int = 0
    """For a toll of the dead, how many attackers it says it counts ("13 were killed,
    including the gunman": one), or -1 for a killer it says died beside the toll by his own
    hand ("killing five people and himself"): `_attackers_included`."""
    event_day: dt.date | None = None
    """The day its sentence dates the event it tells of ("the Aug. 7 bombing of the embassy,
    which killed 11"): `_named_day`, read through `_Told` by `_one_named_event`."""
    told_of: frozenset[str] = frozenset()
    """The events its verb tells of, as lemmas ("bombing" of "the bombing killed 10"):
    `_events_told`, read by `_one_named_event`."""
    places: frozenset[str] = frozenset()
    """The places its sentence names (tagged GPE or LOC), as written: `_one_named_event`."""


def extract_claims(
    corpus: Corpus,
    paragraphs: list[Paragraph],
    entities: EntityIndex,
    *,
    dates: dict[int, dt.date | None],
    events: Sequence[int] | None = None,
    quoted: Mapping[int, Sequence[Quoted]] | None = None,
) -> list[Claim]:
    """Group the figures of every report by what they count; flag the groups that disagree.

    `events`: each article's event (`Corpus.events`); figures of dated reports of
    different days and different events are no rivals, but for tallies (`_one_event`).
    None: one event. `quoted`: where each report quotes whom (`find_quotes`); a figure in
    a quotation whose own sentence names no voice is the speaker's ('"We found 40 bodies.
    Another 12 are missing," the chief said' gives both to the chief)."""
    figures: list[_Figure] = []
    # Places most reports name are where the story happens: no narrower scope.
    n_reports = len(corpus.articles) - len(corpus.excluded)
    common = frozenset(
        e.name for e in entities.entities if e.type in ("GPE", "LOC") and len(e.sources) >= 0.6 * n_reports
    )
    # Two of them joined by "and" ("the embassies in Kenya and Tanzania") are two places the
    # story happens in, not one: a figure in either is narrowed by it. A place the story
    # names with one it names less ("Turkey and Israel") is still the story's own.
    siblings = frozenset(p for pair in _sibling_places(paragraphs, entities) if pair <= common for p in pair)
    # Places that head rows of a table of tolls ("Izmit 4,179 dead, 10,759 injured") are
    # parts of the story's whole, however often the reports name them.
    rows = _table_rows(paragraphs, entities)
    siblings |= frozenset(rows.values())
    common -= siblings
    previous: dict[int, Paragraph] = {}
    duplicates: defaultdict[str, list[Dropped]] = defaultdict(list)
    for dropped in corpus.dropped:  # each report's dropped copies, looked up by `_in_copy`
        if dropped.reason == "duplicate" and dropped.start is not None:
            duplicates[dropped.source].append(dropped)
    # The places a report's first paragraph names are where its story happens: a figure
    # there is not narrowed by them ("The bombing in Kabul killed 24" against "31 died").
    lead: dict[int, frozenset[str]] = {}
    for para in paragraphs:
        if para.doc_index not in lead:
            lead[para.doc_index] = (common | _places(para, entities)) - siblings
    for number, para in enumerate(paragraphs):
        article = corpus.articles[para.doc_index]
        found: list[_Figure] = []
        for ent in number_spans(para.doc):
            date = dates.get(para.doc_index)
            figure = _figure(
                ent, para, entities, article.id, date, lead[para.doc_index], row=rows.get(number)
            )
            if figure is not None and figure.value.span is not None:
                bounds = parse_range(ent.text)
                if bounds is None:
                    found.append(figure)
                    continue
                # "80 to 100": one figure with two bounds; each bound is a value (so
                # either can be cited) and both carry the range's text for `compatible`.
                found.extend(replace(figure, value=replace(figure.value, value=bound)) for bound in bounds)
        before = previous.get(para.doc_index)
        previous[para.doc_index] = para
        found.extend(_age_figures(para, entities, article.id, dates.get(para.doc_index), before))
        # Reports left out of the story (off topic) are no sources of it.
        copies = [c for c in corpus.copies_of(para.doc_index, para.start) if c not in corpus.excluded]
        for figure in found:
            span = figure.value.span
            assert span is not None, "a figure has its span"
            if figure.value.attributed_to is None and quoted and not _asked(para, span):
                speaker = _quote_speaker(quoted.get(para.doc_index, ()), span)
                if speaker is not None:
                    figure = replace(figure, value=replace(figure.value, attributed_to=speaker))
            figures.append(replace(figure, value=replace(figure.value, span=corpus.to_given(span))))
            # A report that carried this paragraph word for word (cleaning kept one copy)
            # gives the figure too, as of its own date.
            for copy in copies:
                where = _in_copy(corpus, para, span, copy, duplicates)
                if where is not None:
                    source = corpus.articles[copy].id
                    value = replace(figure.value, source=source, date=dates.get(copy), span=where)
                    figures.append(replace(figure, value=value))
    event_of = {} if events is None else {a.id: e for a, e in zip(corpus.articles, events, strict=True)}
    dead = max((_attackers_dead(para.text) for para in paragraphs), default=0)
    figures = _named_unnamed(_crews_apart(figures), entities)
    return _group(figures, [a.id for a in corpus.articles], event_of, dead)


def _asked(para: Paragraph, span: Span) -> bool:
    """Whether the figure at `span` is in a question that asks ('"Were 40 people killed?"
    a reporter asked', "How many of the 12 ...?"): no one gives it. Not a question that
    states it ('"If I'm losing $505 billion with China, ...?"')."""
    end = re.search(r"[.!?]", para.text[span.end - para.start :])
    if end is None or end.group() != "?":
        return False
    before = para.text[: span.start - para.start]
    opening = before[max(before.rfind(c) for c in ".!?") + 1 :].lstrip(" \"'“‘`(")
    return opening.split(" ", 1)[0].lower() in _QUESTION_OPENERS


_QUESTION_OPENERS = frozenset(
    "is are was were do does did has have had will would could can should how".split()
)
"""First words of a question that asks ("Were ...", "How many ...")."""


def _quote_speaker(quoted: Sequence[Quoted], span: Span) -> str | None:
    """The speaker of the quotation (`quoted`, in order) that holds a figure's span."""
    k = bisect_right(quoted, (span.start, math.inf)) - 1
    # Quotations do not nest, so the one that opens last before the figure is the only
    # one that may hold it.
    if k >= 0 and quoted[k].start <= span.start and span.end <= quoted[k].end:
        return quoted[k].speaker
    return None


def _crews_apart(figures: list[_Figure]) -> list[_Figure]:
    """Crews of different vessels, where the reports count two or more ("the tanker's 23
    crew", "the 15 crew of the trawler"): each vessel's is its own quantity, and a crew
    whose vessel no sentence names is no rival of any other report's. One vessel under
    a name and a noun ("the Kursk", "the submarine") is one."""
    crews = [f for f in figures if f.counted == "crew"]
    names = {f.owner for f in crews if f.owner[:1].isupper()}
    nouns = {f.owner for f in crews if f.owner and not f.owner[:1].isupper()}
    if len(names) <= 1 and len(nouns) <= 1:
        return figures
    return [
        f
        if f.counted != "crew"
        else replace(f, counted=f"crew of {f.owner}")
        if f.owner
        else replace(f, predicate=f"{f.predicate} ({f.value.source})")
        for f in figures
    ]


def _crew_owner(ent: SpacySpan) -> str:
    """The vessel a crew figure is of: a possessive ("the tanker's 23 crew"), or the words
    after "aboard", "on board" or "of" ("118 sailors aboard Russia's Kursk submarine"), by
    its name where one is given, else its noun; "" where none is said."""
    doc = ent.doc
    noun = _sized_group(ent) or ent.root.head
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is not None:
        return owner.text if owner.pos_ == "PROPN" else str(owner.lemma_).lower()
    k = noun.i + 1
    if k + 1 < len(doc) and doc[k].dep_ == "acl" and doc[k + 1].lower_ in ("in", "inside", "aboard"):
        k += 1  # "116 sailors trapped in a sunken submarine"
    if k + 1 < len(doc) and doc[k].lower_ == "on" and doc[k + 1].lower_ == "board":
        k += 2
    elif k < len(doc) and doc[k].lower_ in ("aboard", "onboard", "of", "in", "inside"):
        k += 1
    else:
        return ""
    words = []
    for token in doc[k : k + 7]:
        described = token.pos_ == "VERB" and token.dep_ == "amod"  # "the ill-fated Kursk"
        if (
            token.pos_ not in ("DET", "ADJ", "ADV", "NOUN", "PROPN", "PART")
            and token.text != "-"
            and not described
        ):
            break
        words.append(token)
    name = [t for t in words if t.pos_ == "PROPN" and t.dep_ != "poss" and t.text[:1].isupper()]
    if name:
        return name[-1].text
    nouns = [t for t in words if t.pos_ == "NOUN"]
    return str(nouns[-1].lemma_).lower() if nouns else ""


def _in_copy(
    corpus: Corpus, para: Paragraph, span: Span, copy: int, duplicates: dict[str, list[Dropped]]
) -> Span | None:
    """Where the figure at `span` (of `para`'s article's cleaned text) stands in the given
    text of article `copy`, whose copy of the paragraph cleaning dropped (`duplicates`: each
    report's dropped copies): the same place when the copy is the same text, else the same
    occurrence of the figure's text, whole numbers only ("11" is not inside "111"); None
    when neither is found."""
    target = corpus.articles[copy]
    needle = para.text[span.start - para.start : span.end - para.start]
    whole = re.compile(rf"(?<![\d.,]){re.escape(needle)}(?![\d])")
    nth = len(whole.findall(para.text, 0, span.start - para.start))
    words: list[str] | None = None
    for dropped in duplicates.get(target.id, ()):
        given = target.text[dropped.start : dropped.end]
        if given == para.text:
            offset = (dropped.start or 0) - para.start
            return Span(target.id, span.start + offset, span.end + offset)
        words = word_tokens(para.text) if words is None else words
        if word_tokens(dropped.text) != words:
            continue
        found = list(whole.finditer(given))
        if nth >= len(found):
            return None
        at = (dropped.start or 0) + found[nth].start()
        return Span(target.id, at, at + len(needle))
    return None


def _entity_of(para: Paragraph, token: Token, entities: EntityIndex) -> Entity | None:
    """The cluster's entity a token stands in, if any."""
    at = para.start + token.idx
    return entities.at(para.doc_index, at, at + len(token.text))


def _place_name(para: Paragraph, token: Token, entities: EntityIndex) -> str:
    """The cluster's name for the place a token names (its own text where none)."""
    entity = _entity_of(para, token, entities)
    return entity.name if entity else token.text


_ROW = re.compile(r"([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}) \d[\d,.]* [a-z]+(?:, \d[\d,.]* [a-z]+)*\.?")
"""A row of a table by place: a name, then counts each with its word ("Golcuk 1,000 dead,
3,959 injured"), the whole paragraph."""


_NOT_PLACES = frozenset("total totals overall all sum toll update nationwide national".split())
"""Words that head a table's summing row, not a place's ("Total 8,280 dead")."""


def _row_head(para: Paragraph) -> re.Match[str] | None:
    row = _ROW.fullmatch(para.text.strip())
    return row if row is not None and row.group(1).split()[0].lower() not in _NOT_PLACES else None


def _row_name(para: Paragraph, row: re.Match[str], entities: EntityIndex) -> str:
    """The cluster's name for the place a table row opens with (its own text where none)."""
    start = para.start + para.text.index(row.group(1))
    entity = entities.at(para.doc_index, start, start + len(row.group(1)))
    return entity.name if entity else row.group(1)


def _table_rows(paragraphs: list[Paragraph], entities: EntityIndex) -> dict[int, str]:
    """The rows of tables by place, where a report has two rows or more: each row's
    paragraph (by its place in `paragraphs`) and the place it opens with."""
    rows: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for number, para in enumerate(paragraphs):
        if (row := _row_head(para)) is not None:
            rows[para.doc_index][number] = _row_name(para, row, entities)
    return {number: name for found in rows.values() if len(found) >= 2 for number, name in found.items()}


def _sibling_places(paragraphs: list[Paragraph], entities: EntityIndex) -> set[frozenset[str]]:
    """Pairs of places some sentence joins by "and" or "or" ("Kenya and Tanzania"): places
    side by side, where "Nairobi, Kenya" or "Homs in Syria" is one place within another."""
    found: set[frozenset[str]] = set()
    for para in paragraphs:
        for token in para.doc:
            if token.ent_type_ not in ("GPE", "LOC") or token.dep_ != "conj":
                continue
            head = token.head
            if head.ent_type_ in ("GPE", "LOC") and any(c.lower_ in ("and", "or") for c in head.children):
                names = frozenset({_place_name(para, token, entities), _place_name(para, head, entities)})
                if len(names) == 2:
                    found.add(names)
    return found


def _places(para: Paragraph, entities: EntityIndex) -> frozenset[str]:
    """The places a paragraph names, by the cluster's names for them."""
    names = set()
    for ent in para.doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            at = para.start + ent.start_char
            entity = entities.at(para.doc_index, at, para.start + ent.end_char)
            names.add(entity.name if entity is not None else ent.text)
    return frozenset(names)


AGE_OF = "age of "
"""What an age counts: "age of" and the person's name (one quantity per person)."""
_YEAR_OLD = re.compile(r"-?years?-?old", re.IGNORECASE)
_AGE_WORDS = {word: n for word, n in _WORD_NUMBERS.items() if 1 <= n <= 90 and word != "dozen"}
"""Ages written in words ("a six-year-old boy"), read only before "-year-old"."""
_AGE_CONTEXT = frozenset("at then when until since from by before after aged age".split())
_NOT_OWN = frozenset({"of", "'s", "’s", "by", "for", "to", "with"})
"""Words that set a name apart from the noun an age describes ("the 6-year-old son of ...")."""
_CLOSERS = frozenset({",", ".", ";", ")", ":", "...", "…"})
"""What may close an age given after a name: "Ohanian, 34,", "Keith Olbermann is 57 ..." (a
list of birthdays)."""


def _age_figures(
    para: Paragraph,
    entities: EntityIndex,
    source: str,
    date: dt.date | None,
    earlier: Paragraph | None = None,
) -> list[_Figure]:
    """The ages of named people the paragraph gives as they are now, each as "age of <name>".

    The forms: the apposition "Alexis Ohanian, 34," or "Wiola Smul (23)", "the 34-year-old
    Ohanian" (the name within a few words after, or right before: "Ohanian, the
    34-year-old"), "Ohanian, aged 34" or "now 34", and the age a person died at ("Lovelace
    died at the age of 44"). "The tennis champion, 35," and "the 35-year-old" (no noun
    after) stand for the person the sentence before has as its subject (`_person_before`);
    a list of birthdays gives ages too ("Keld Varga is 57 ...", `_birthday_item`). An age in
    the past ("Tollefsen, then 21,", "who was 69 at the time", "was 21 when she opened",
    "were 17 and 19 respectively") is no age now: it is listed as "age of <name> (earlier)",
    never compared (but "who died on Monday, was 60" is the age the person died at, an age
    as any other); "at 21 she moved" is left out. The age of someone the sentence does not
    name ("the 6-year-old boy", "a 47-year-old man") is given the name `_UNNAMED`, for
    `_named_unnamed` to give to the person the cluster names with it, or to leave out. An
    age in a clause set in an earlier year ("In 2012, Tor Sande, 45, was jailed") is the age
    of that year, its scope ("2012").
    """
    doc = para.doc
    people = _people(para, entities)
    ending = {e.end: e for e in people}
    respective, then_ages = _respective_ages(doc, people) if "respectively" in para.text else ({}, set())
    out: list[_Figure] = []
    for token in doc:
        age = int(token.text) if token.text.isdigit() else _AGE_WORDS.get(token.lower_)
        if age is None or not 1 <= age <= 120:
            continue
        i = token.i
        in_words = not token.text.isdigit()
        year_old = any(_YEAR_OLD.fullmatch("".join(t.text for t in doc[i + 1 : i + k])) for k in (2, 3, 4, 5))
        if in_words and not year_old:
            continue  # "six-year-old Elian Gonzalez"; a lone "six" is no age
        if in_words and i >= 1 and doc[i - 1].text == "-":
            # "twenty-five-year-old": the tens word before the hyphen; no other word age
            # after a hyphen ("thirty-one" is read whole or not at all)
            tens = _AGE_WORDS.get(doc[i - 2].lower_, 0) if i >= 2 else 0
            if tens < 20 or tens % 10 or age >= 10:
                continue
            age += tens
        if i in respective and respective[i] is None:
            continue  # "are 3 and 4 respectively in the rankings"
        person = respective.get(i)
        past = i in then_ages
        before = doc[i - 1] if i > 0 else None
        closed = i + 1 < len(doc) and doc[i + 1].text in _CLOSERS
        entity: Entity | None = None
        unnamed = False
        if person is not None:
            pass  # "Ana Roux and Ole Brun are 23 and 25 respectively"
        elif before is not None and before.text == "," and closed:
            person = ending.get(i - 1) or _known_person(doc, i - 2, entities)  # "Alexis Ohanian, 34,"
            if person is None and (_is_described(doc, i - 1) or _described_subject(doc[i - 2])):
                entity = _person_before(para, token.sent.start, earlier, entities)  # "The champion, 35,"
        elif before is not None and before.text == "(" and i + 1 < len(doc) and doc[i + 1].text == ")":
            person = ending.get(i - 1) or _known_person(doc, i - 2, entities)  # "Wiola Smul (23)"
        elif (
            before is not None
            and before.lower_ in ("aged", "now", "then")
            and i >= 2
            and doc[i - 2].text == ","
            and (closed or before.lower_ != "then")  # "questioned Brandt, then 12 more people"
        ):
            person = ending.get(i - 2) or _known_person(doc, i - 3, entities)  # "Ohanian, aged 34"
            past = before.lower_ == "then"  # "Tollefsen, then 21,": an age in the past
        elif (
            before is not None
            and before.lower_ in ("at", "age", "of")
            and token.ent_type_ != "TIME"
            and not year_old  # "the drama of 10-year-old Elian Gonzales"
        ):
            person = _died_at(token)  # "Katie Lovelace died in June at the age of 44"
        elif (
            before is not None
            and before.lemma_.lower() in ("be", "turn")
            and (closed or _today(doc, i + 1) or (before.tag_ == "VBD" and _then_words(doc, i + 1)))
        ):
            # "Rachel Walston, a financial adviser who turns 37 today,"; "Neruda, who was 69
            # at the time," (an age in the past; not "was 2 under par", "was 3 for 4")
            person, past = _who_is(token)
            if past and not _then_words(doc, i + 1) and any(t.lemma_.lower() == "die" for t in token.sent):
                past = False  # "Brandt, who died on Monday, was 60": the age he died at
            if person is None and before.lower_ == "is" and _birthday_item(doc, i, ending):
                person = ending.get(i - 1)  # "Keld Varga is 57 ..."
        elif before is not None and before.lower_ == "is" and _birthday_item(doc, i, ending):
            # "... actress Mira Olsen is 60 (h/t AP)": the last of a list of birthdays
            person = ending.get(i - 1)
        elif year_old:
            if any(t.lower_ in _AGE_CONTEXT for t in doc[max(0, i - 3) : i]):
                continue
            sent = token.sent
            # not a name right after "of", a possessive or "by", nor past a verb: "the six-year-old
            # case of Stephen Lawrence", "the 34-year-old daughter of Ana Roux", "the two-year-old
            # inquiry led by Robert Mueller" give another's age ("the 21-year-old University of
            # Wyoming student Matthew Shepard" his own)
            after = [
                e
                for e in people
                if i < e.start <= i + 8
                and e.end <= sent.end
                and doc[e.start - 1].lower_ not in _NOT_OWN
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1 : e.start])
                and not _names_a_noun(e)
            ]
            # "the 34-year-old Ohanian"; "Ohanian, the 34-year-old co-founder": the name
            # before only across a comma of the same sentence
            before_comma = (ending.get(i - k) for k in (2, 3))
            person = (
                after[0]
                if after
                else next(
                    (
                        e
                        for e in before_comma
                        if e is not None and e.end >= sent.start and doc[e.end].text == ","
                    ),
                    None,
                )
            )
            if (
                person is None
                and before is not None
                and before.lower_ == "the"
                and (_stands_alone(doc, i) or _described_subject(_described_noun(doc, i)))
            ):
                # "The 35-year-old has not played"; "The 44-year-old former paratrooper is"
                entity = _person_before(para, sent.start, earlier, entities)
            if person is None and entity is None and _unnamed_person(doc, i) and not _someone_else(doc, i):
                unnamed = True  # "the 6-year-old boy": whose age, the cluster tells (`_named_unnamed`)
        if person is not None:
            at = para.start + person.start_char
            entity = entities.at(para.doc_index, at, para.start + person.end_char)
            if entity is None or entity.type != "PERSON":
                entity = _person_named(person.text, entities) or entity
        # "In 2012, Tor Sande, 45, was jailed": his age then, counted as of that year;
        # "Since 2015, Sande, 50, has led ...": an age of no one year, left out
        then = _in_a_past_year(person, date) if person is not None else None
        if then == _SPANNED:
            continue
        if entity is not None:
            name = entity.name
        elif person is not None:
            name = person.text
        elif unnamed:
            name = _UNNAMED
        else:
            continue
        if past and then is None:
            name += " (earlier)"  # an age then, of no year the clause names: never a rival
        # The person is in what is counted: no narrower scope.
        number = doc[i : i + 1]
        figure = _as_figure(
            AGE_OF + name, float(age), token.text, "", number, para, entities, source, date,
            frozenset(), scope="" if then is None else str(then),
        )  # fmt: skip
        out.append(figure)
    return out


_UNNAMED = "?"
"""The name an age of a person the sentence does not name is first given ("the 6-year-old
boy"), until `_named_unnamed` finds whose it is."""


def _unnamed_person(doc: Doc, i: int) -> bool:
    """Whether "the N-year-old" or "a N-year-old" at token `i` is a person not named in the
    sentence: "old" stands alone ("the 6-year-old") or describes a noun for a person ("the
    6-year-old boy", "the 44-year-old former paratrooper", "a 41-year-old Mountain View
    man"), not a thing ("the 40-year-old freighter")."""
    if i == 0 or doc[i - 1].lower_ not in ("the", "a", "an"):
        return False
    old = _old_after(doc, i)
    if old is None:
        return False
    noun = _described_noun(doc, i)
    if noun is not None:
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in _DESCRIBED_PEOPLE
    after = doc[old.i + 1] if old.i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ")


_HARMED = frozenset(
    """kill murder shoot stab attack assault rob beat hit injure wound strike rape abduct kidnap
    killing death shooting stabbing robbery victim""".split()
)
"""Verbs and nouns that make the one they take a victim ("killing a 47-year-old man", "the
death of a 30-year-old woman", "the victim, a 34-year-old man"): most often not the person
the story names."""


def _someone_else(doc: Doc, i: int) -> bool:
    """Whether an unnamed "N-year-old" at token `i` is most likely not anyone the cluster
    names with that age: a victim of a harm (`_HARMED`, "charged with killing a 47-year-old
    man"), one said to be another ("a 47-year-old woman was also held"), or one of a year
    the sentence names ("In 2012, a 45-year-old man was jailed")."""
    sent = doc[i].sent
    if any(_YEAR.fullmatch(t.text) for t in sent):
        return True
    noun = _described_noun(doc, i) or _old_after(doc, i)
    if noun is None:
        return False
    if any(c.lower_ in ("another", "other") for c in noun.children):
        return True
    head = noun.head
    if head.lemma_.lower() in _HARMED or (head.dep_ == "prep" and head.head.lemma_.lower() in _HARMED):
        return True  # "killing a 47-year-old man", "the death of a 30-year-old woman"
    if noun.dep_ == "appos" and head.lemma_.lower() in _HARMED:
        return True  # "The victim, a 34-year-old man, died"
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in head.children)


def _named_unnamed(figures: list[_Figure], entities: EntityIndex) -> list[_Figure]:
    """The ages of people a report does not name ("the 6-year-old boy"), given to the one
    person of the cluster that a report names with that age ("Elian Gonzalez, 6,") and that
    the report names too; left out where no one or more than one person fits, or where the
    report gives that person another age. An age found so is never a new rival: it only
    adds the report to a figure another report gives by name."""
    unnamed = AGE_OF + _UNNAMED
    if not any(f.counted == unnamed for f in figures):
        return figures
    sources = {e.name: e.sources for e in entities.entities if e.type == "PERSON"}
    named: defaultdict[float, set[str]] = defaultdict(set)  # value -> "age of <name>" keys
    given: defaultdict[tuple[str, str], set[float]] = defaultdict(set)  # (key, source) -> values
    for f in figures:
        if f.counted.startswith(AGE_OF) and f.counted != unnamed and not f.scope:
            named[f.value.value].add(f.counted)
            given[f.counted, f.value.source].add(f.value.value)
    out = []
    for f in figures:
        if f.counted != unnamed:
            out.append(f)
            continue
        fits = [
            key
            for key in named.get(f.value.value, ())
            if f.value.source in sources.get(key.removeprefix(AGE_OF), ())
            and given.get((key, f.value.source), {f.value.value}) == {f.value.value}
        ]
        if len(named.get(f.value.value, ())) == 1 and len(fits) == 1:
            out.append(replace(f, counted=fits[0]))
    return out


def _people(para: Paragraph, entities: EntityIndex) -> list[SpacySpan]:
    """The paragraph's names of people: those the tagger labels so, and those it takes for
    something else here ("26-year-old Ilkay Yildiz" as an organisation, "the 21-year-old
    Shepard" as a product) that the cluster's entities, from all their mentions, hold to
    be a person."""
    people = []
    mentioned = None
    for ent in para.doc.ents:
        if (
            ent.label_ != "PERSON"
            and ent.root.dep_ in ("compound", "amod", "nmod")
            and ent.root.head.i >= ent.end
        ):
            continue  # "the 34-year-old Ford engineer": a name that describes a noun is no person
        if ent.label_ != "PERSON":
            if not (
                ent.text[:1].isupper() and not ent.text.isupper() and ent.text.replace(" ", "").isalpha()
            ):
                continue
            if mentioned is None:  # the mentions that are the tagged name, whole
                mentioned = {
                    (mention.span.start, mention.span.end): entities.entities[number]
                    for mention, number in entities.mentions_in(para.doc_index)
                }
            entity = mentioned.get((para.start + ent.start_char, para.start + ent.end_char))
            if entity is None and all(t.pos_ == "PROPN" for t in ent):
                entity = _person_named(ent.text, entities)  # a label names do not get ("PRODUCT")
            if entity is None or entity.type != "PERSON":
                continue
        people.append(ent)
    return people


_PLACE_LABELS = frozenset("GPE LOC FAC NORP".split())


def _respective_ages(doc: Doc, people: list[SpacySpan]) -> tuple[dict[int, SpacySpan | None], set[int]]:
    """The person each age of "Ana Roux and Ole Brun are 23 and 25 respectively" (or ",
    aged 23 and 25 respectively," or ", 23 and 25 respectively,") is of, by the age's token:
    as many names joined by "and" or commas right before as ages in the list, in order, one
    a person at least (`_people`) and none a place or a one-word name tagged as something
    else ("Apple"), and nothing but a stop or "and" after "respectively". Second, the ages
    of such a list in the past ("were 17 and 19 respectively"): ages then, not now."""
    out: dict[int, SpacySpan | None] = {}
    then: set[int] = set()
    for word in doc:
        if word.lower_ != "respectively":
            continue
        ages: list[Token] = []
        k = word.i - 1
        while k >= 0 and (doc[k].text.isdigit() or doc[k].lower_ in ("and", ",")):
            if doc[k].text.isdigit():
                ages.insert(0, doc[k])
            k -= 1
        if len(ages) < 2 or not all(1 <= int(t.text) <= 120 for t in ages):
            continue
        k = ages[0].i - 1
        # "won 23 and 25 percent of the vote respectively" is no list of ages
        if k < 0 or doc[k].lower_ not in ("are", "were", "aged", ","):
            continue
        past = doc[k].lower_ == "were"
        k -= 1 if doc[k].lower_ in ("are", "were", "aged") else 0
        k -= 1 if k >= 0 and doc[k].text == "," else 0
        names: list[SpacySpan] = []
        while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            end = k + 1
            while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
                k -= 1
            names.insert(0, doc[k + 1 : end])
            joined = k
            while k >= 0 and doc[k].lower_ in ("and", ",") and joined - k < 2:  # "A, B, and C"
                k -= 1
        tagged = [next((p for p in people if p.start <= n.start < p.end), None) for n in names]
        # "are 3 and 4 respectively in the rankings", "aged 23 and 25 respectively at the
        # time": no ages now
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        out.update((age.i, None) for age in ages)  # a list that is not read is nobody's age
        # the tagger often takes the second name of a list for an organisation ("Lyn Jeffries");
        # a one-word one ("Apple") or a place is no person, a full name untagged or so may be
        others = any(
            p is None and any(t.ent_type_ for t in n) and (len(n) < 2 or n[0].ent_type_ in _PLACE_LABELS)
            for n, p in zip(names, tagged, strict=True)
        )
        read = len(names) == len(ages) and any(tagged) and not others
        if read and (after is None or after.pos_ in ("PUNCT", "CCONJ")):
            out.update((age.i, tagged[n] or names[n]) for n, age in enumerate(ages))
            if past:
                then.update(age.i for age in ages)
    return out, then


def _in_a_past_year(person: SpacySpan, date: dt.date | None) -> int | None:
    """The year before the report's that the clause naming the person is set in ("In
    2012, Tor Sande, 45, was jailed": 2012), not one of a clause of its own ("Sande, 45,
    who was jailed in 2012, was freed"); `_SPANNED` where the clause runs from or to a
    past year ("Since 2015, Sande, 50, has led the firm": no one year's age); else None."""
    if date is None:
        return None
    verb = person.root.head
    for ent in person.sent.ents:
        years = [int(t.text) for t in ent if _YEAR.fullmatch(t.text)] if ent.label_ == "DATE" else []
        if not years or years[0] >= date.year:
            continue
        head = ent.root.head
        lead = head.lower_ if head.dep_ == "prep" else ""  # "since 2015", "in 2012"
        while head.dep_ in ("prep", "pobj") and head.head is not head:
            head = head.head
        if head == verb:
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
            return _SPANNED if perfect or lead in _SPANNING else years[0]
    return None


_SPANNING = frozenset("since until till through from by before after".split())
_SPANNED = -1
"""`_in_a_past_year`: a clause set over years, not in one (an age of no one year)."""


_CLOCK = frozenset("a.m. p.m. am pm o'clock gmt".split())


def _died_at(token: Token) -> SpacySpan | None:
    """The named person who died at the age `token` gives ("X died at 79", "X died on
    Friday at the age of 44", "X, who died at age 79"), else None."""
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _CLOCK:
        return None
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() != "die":
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "relcl":
        subject = verb.head  # "Katie Lovelace, who died at 44"
    if subject is None:
        return None
    # "His mother, Katie Lovelace, died": the name in apposition to the subject
    for word in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
        name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= word.i < e.end), None)
        if name is not None:
            return name
    return None


def _who_is(token: Token) -> tuple[SpacySpan | None, bool]:
    """The named person of "X, who is 45," or "X, an adviser who turns 37 today", or of a
    clause of its own that ends on the age: "Keith Olbermann is 57." (a list of birthdays);
    and whether the age is one in the past ("X, who was 12 when the war began", "X was 21
    when she opened a gallery"): an age then, not now."""
    verb = token.head
    lemma = verb.lemma_.lower()
    if lemma not in ("be", "turn") or token.dep_ not in _AGE_DEPS:
        return None, False
    past = verb.tag_ == "VBD" and lemma == "be"
    if verb.tag_ not in ("VBZ", "VBP") and not past:
        return None, False  # "will be 40", "turned 37 in March"
    doc = token.doc
    if verb.dep_ != "relcl":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ not in ("ROOT", "conj") or subject is None or subject.i > verb.i:
            return None, False
        return next(
            (e for e in doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None
        ), past
    head = verb.head
    for word in (head, head.head if head.dep_ == "appos" else head):
        name = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= word.i < e.end), None)
        if name is not None:
            return name, past
    return None, False


_AGE_DEPS = frozenset("attr acomp dobj npadvmod oprd".split())


def _then_words(doc: Doc, i: int) -> bool:
    """Whether the words from token `i` say when an age in the past was: "when ...",
    "then", "at the time" ("Maren Tollefsen was 21 when she opened"; not "was 2 under par",
    "was 3 for 4")."""
    words = [t.lower_ for t in doc[i : i + 3]]
    return bool(words) and (words[0] in ("when", "then") or words == ["at", "the", "time"])


_ELLIPSES = frozenset({"...", "…"})


def _birthday_item(doc: Doc, i: int, ending: Mapping[int, SpacySpan]) -> bool:
    """Whether the age at token `i` closes an item of a list of birthdays ("BIRTHDAYS:
    Senator Tomas Lind is 61 ... Keld Varga is 57 ... actress Mira Olsen is 60 (h/t AP)"),
    which the parser reads as one clause: a name of two words or more right before "is",
    opening its item (after the list's colon, an ellipsis or the sentence's start, past a
    title or a word for what the person does), with an ellipsis before the item or after
    the age, and nothing after the age but an ellipsis, a bracket or a stop. Not "The lead
    for Tomas Brandt is 12." nor "In the poll, Tomas Brandt is 45 (up from 41)"."""
    person = ending.get(i - 1)
    if person is None or len(person) < 2:
        return False
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    if after and after not in _ELLIPSES and after not in ("(", ".", ";"):
        return False
    k = person.start
    while k > person.sent.start and person.start - k < 3 and doc[k - 1].text[:1].isalpha():
        if not (doc[k - 1].text[:1].isupper() or doc[k - 1].pos_ == "NOUN"):
            return False  # "The lead for Tomas Brandt": no item of a list
        k -= 1
    opener = doc[k - 1].text if k > person.sent.start else ""
    if opener not in ("", ":", *_ELLIPSES):
        return False
    return opener in _ELLIPSES or after in _ELLIPSES


def _today(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ == "today"


def _is_described(doc: Doc, i: int) -> bool:
    """Whether the words before token `i` (a comma) are "the <description>" opening the
    sentence ("The tennis champion, 35,"): a person named before, described."""
    start = doc[i].sent.start
    words = doc[start:i]
    return (
        1 < len(words) <= 5
        and words[0].lower_ == "the"
        and words[-1].pos_ == "NOUN"
        and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "ADV") for t in words[1:])
        and not any(t.ent_type_ for t in words)
    )


_DESCRIBED_PEOPLE = SOMEONE | frozenset(
    """native winner graduate retiree immigrant refugee paratrooper marine sailor hostage
    grandmother grandfather brother sister uncle aunt nephew niece cousin runner climber rider
    pianist guitarist drummer dancer defender wrestler skater jockey photographer designer
    painter sculptor poet playwright producer filmmaker chef fisherman miner builder inmate
    prisoner defendant plaintiff freshman sophomore head maid chambermaid housekeeper""".split()
)
"""Nouns that describe a person ("the former paratrooper", "the Grammy winner", "the Ohio
native"): not an ending ("-er" is a freighter's and a reactor's as well)."""
_PERSON_NOUNS = _PEOPLE | _GROUPS | _DESCRIBED_PEOPLE
"""Nouns for people, whom a number after them counts and never labels ("victims 12",
"children (12)")."""
_DESCRIBING = frozenset({"", "NORP", "GPE", "PRODUCT", "CARDINAL", "ORDINAL", "DATE", "WORK_OF_ART", "EVENT"})
"""Entity types a description of a person may hold ("the six-time Grammy winner", "the
44-year-old Venezuelan leader", "the Ohio native"); a person's or a body's name makes it
another's ("the 21-year-old University of Wyoming student" may be any student)."""


def _described_subject(noun: Token | None) -> bool:
    """Whether `noun` heads "the <description>" as the subject of its clause ("Midway
    through her set, the six-time Grammy winner, 31, played"; "The 44-year-old former
    paratrooper is a messiah"): a person named before, described, as `_is_described` has
    it for a sentence's opening words. A noun that is itself of something ("the 6-year-old
    son of") is no description of one person, and the noun must be one for a person
    (`_DESCRIBED_PEOPLE`: "paratrooper", "winner"; not "the two-year-old inquiry", "the
    40-year-old freighter")."""
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    lemma = noun.lemma_.lower()
    if lemma not in _DESCRIBED_PEOPLE:
        return False  # "The two-year-old inquiry led by Rosa Mendel": a thing's age
    left = list(noun.lefts)
    if not left or left[0].lower_ != "the" or any(c.dep_ == "prep" for c in noun.rights):
        return False
    words = noun.doc[left[0].i : noun.i + 1]
    return (
        len(words) <= 8
        and all(t.ent_type_ in _DESCRIBING for t in words)
        and not any(t.pos_ in ("PRON", "VERB", "AUX") for t in words)
    )


def _names_a_noun(name: SpacySpan) -> bool:
    """Whether a name only qualifies a noun after it ("an Oscar nominee", "the Obama
    administration official"): the noun, not the name, is whom an age nearby describes."""
    root = name.root
    return root.dep_ == "compound" and root.head.i >= name.end and root.head.pos_ == "NOUN"


def _old_after(doc: Doc, i: int) -> Token | None:
    """The "old" of "the N-year-old" whose number is token `i`, if it comes within five tokens."""
    return next((doc[k] for k in range(i + 1, min(i + 6, len(doc))) if doc[k].lower_.endswith("old")), None)


def _described_noun(doc: Doc, i: int) -> Token | None:
    """The noun "the N-year-old" at token `i` describes ("the 44-year-old former
    paratrooper": "paratrooper"), if "old" modifies one."""
    old = _old_after(doc, i)
    return old.head if old is not None and old.dep_ == "amod" and old.head.i > old.i else None


def _stands_alone(doc: Doc, i: int) -> bool:
    """Whether "the N-year-old" stands for the person the sentence before is about ("The
    35-year-old has not played", "the 51-year-old's home"): no noun follows "old", and it
    is no object. As an object ("the custody battle over the 6-year-old") it may be anyone
    the story is about, not the last one named."""
    old = _old_after(doc, i)
    if old is None:
        return False
    nxt = doc[old.i + 1] if old.i + 1 < len(doc) else None
    alone = nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
    return alone and old.dep_ not in ("dobj", "pobj", "dative", "attr")


def _person_before(
    para: Paragraph, sent_start: int, earlier: Paragraph | None, entities: EntityIndex
) -> Entity | None:
    """Whom "the champion" or "the 35-year-old" stands for: the person the sentence before
    (in the paragraph before, for a paragraph's first sentence) has as its subject; when
    that subject is no name and no "he" or "she" ("Detectives say...", "You can..."),
    the only person that sentence names. None when it is not clear."""
    if sent_start == 0:
        if earlier is None or len(earlier.doc) == 0:
            return None
        para, sent_start = earlier, len(earlier.doc)
    doc = para.doc
    first = doc[sent_start - 1].sent
    # the parser cuts some sentences in two ("Serena won her record 23rd" | "Grand Slam
    # title ..."): the sentence before starts after the last full stop
    while first.start > 0 and doc[first.start - 1].text not in (".", "!", "?", "”", '"'):
        first = doc[first.start - 1].sent
    previous = doc[first.start : sent_start]
    # "Ortiz lost the final to a local player. The winner, 19, ...": the description may be
    # the person the sentence before brings in unnamed as well as its subject
    if any(_unnamed_other(t) for t in previous):
        return None
    root = first.root
    # "Detectives say Christopher King ... became the target": the reported clause's subject
    verbs = [c for c in root.children if c.dep_ == "ccomp"] if root.lemma_.lower() in SPEECH_VERBS else []
    subject = next((c for v in [*verbs, root] for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ == "PROPN":
        words = _name_words(subject)
        start, end = para.start + words[0].idx, para.start + subject.idx + len(subject.text)
        entity = entities.at(para.doc_index, start, end)
        if entity is None or entity.type != "PERSON":
            entity = _person_named(" ".join(t.text for t in words), entities)
        return entity
    if subject is not None and subject.lower_ in ("he", "she", "they", "him", "her"):
        return None
    named: list[Entity] = []
    for ent in previous.ents:
        if ent.label_ != "PERSON":
            continue
        at = para.start + ent.start_char
        entity = entities.at(para.doc_index, at, para.start + ent.end_char)
        if entity is None or entity.type != "PERSON":
            entity = _person_named(ent.text, entities)
        if entity is not None and entity not in named:
            named.append(entity)
    return named[0] if len(named) == 1 else None


def _unnamed_other(noun: Token) -> bool:
    """Whether a noun brings in a person unnamed as the object of a clause ("lost to a
    local player", "met another rival"), not one describing someone named ("Ferrante, a
    priest", "she is a nurse")."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _DESCRIBED_PEOPLE
        and noun.dep_ in ("dobj", "pobj", "dative", "conj")
        and not (noun.dep_ == "pobj" and noun.head.lower_ == "as")  # "worked as a teacher"
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)
    )


def _known_person(doc: Doc, i: int, entities: EntityIndex) -> SpacySpan | None:
    """A surname the tagger took for something else here ("Ohanian" as a nationality) but
    that names a person of the cluster: the token `i`, as a span, when it does."""
    # Capitalised, not all capitals: "McFadden" and "MacArthur" too, which `is_title` is not
    text = doc[i].text if i >= 0 else ""
    if i < 0 or doc[i].pos_ != "PROPN" or not text[:1].isupper() or text.isupper():
        return None
    return doc[i : i + 1] if _person_named(doc[i].text, entities) is not None else None


def _person_named(name: str, entities: EntityIndex) -> Entity | None:
    """The person of the cluster a name stands for, if any."""
    entity = entities.find(name)
    return entity if entity is not None and entity.type == "PERSON" else None


def number_spans(doc: Doc) -> list[SpacySpan]:
    """Runs of number words ("1,500", "180 million", "twenty-three"), outside dates and times.

    The tagger's entities miss figures ("around 120 million euros" is no entity in
    en_core_web_sm), so figures are read from the tokens; the entity labels only
    keep dates, times and ordinals out. Read once a Doc (`Doc.user_data`): the figure
    rules look them up many times.
    """
    from spacy.tokens import Span as SpacySpanType  # imported here: spaCy takes 1.5 s to import

    cached = doc.user_data.get(_NUMBER_SPANS)
    if cached is None:
        cached = doc.user_data[_NUMBER_SPANS] = [(s.start, s.end, s.label_) for s in _read_number_spans(doc)]
    return [SpacySpanType(doc, start, end, label=label) for start, end, label in cached]


_NUMBER_SPANS = "storyline.number_spans"

_ERA = re.compile(r"[bB]\.[cC]\.?(?:[eE]\.?)?|[aA]\.[dD]\.?|BCE?|AD")
"""The era after a year ("384 b.c.", "322 BC", "AD 79" is read by the tagger as a date)."""

_SHORT_CURRENCIES = frozenset("rmb ksh php sfr dkr nkr skr".split())
"""Currencies written as a capitalised word before the sum ("Ksh 500") beyond those of
`_CURRENCIES`, which `_names_one` leaves alone."""


def _era_after(token: Token) -> bool:
    """Whether a number is a year an era follows ("384 b.c.", "322 BC")."""
    return token.i + 1 < len(token.doc) and _ERA.fullmatch(token.nbor(1).text) is not None


def _names_one(token: Token) -> bool:
    """Whether a number names one thing after the capitalised word it follows ("Flight
    370", "Pier 39", "Route 9", "Ward 7", where the tagger reads that word as a name): a
    label, not a count of anything. Not where a noun or adjective after it says what it
    counts ("Izmit 4,179 dead"), after a currency ("Ksh 500") or letters in capitals, after
    a place or in a row of names and numbers ("Orsk 12, Varno 7"), nor in a headline, whose
    verb the tagger takes for a name ("Blast Kills 40"). "Game 7" and "Apollo 11", whose
    first word the tagger calls a common noun, are not caught."""
    head = token.head
    if token.dep_ != "nummod" or head.i != token.i - 1 or head.pos_ != "PROPN":
        return False
    word = head.text
    if len(word) < 3 or not word.isalpha() or not word[0].isupper() or word.isupper():
        return False
    if word.lower() in _SHORT_CURRENCIES or word.lower() in _CURRENCIES:
        return False
    if head.dep_ == "ROOT" or head.ent_type_ in ("GPE", "LOC"):
        return False  # "Blast Kills 40": a headline's verb; "Orsk 12, Varno 7": a place's count
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    sentence = token.sent
    if is_title_case(sentence.text):
        return False  # "Police Arrest 200 at Orsk Protest": a headline, its verb tagged a name
    # "Deaths by province: Orsk 12, Varno 7": names each with a number after, a table's row
    return _pairs_after(sentence, ("PROPN",)) < 2


def _pairs_after(sent: SpacySpan, tags: tuple[str, ...]) -> int:
    """How many numbers of a sentence stand right after a word of those parts of speech
    ("Orsk 12, Varno 7", "students 8, teachers 2"): two or more make a row of a table."""
    return sum(t.like_num and t.i > sent.start and t.nbor(-1).pos_ in tags for t in sent)


def _label_after(ent: SpacySpan) -> bool:
    """Whether a number right after the lower-case noun it hangs from names one of them
    rather than counting them ("search is faster in windows 8.1", "the bus 42", "ward 7",
    where text is written in lower case and `_names_one` sees no name): English puts a count
    before its noun. Not after a noun a number after measures (`_VALUE_AFTER`: "magnitude
    7.1"), after one that itself names a count ("deaths 12, injured 40") or people, after a
    word tagged a place ("kabul 7 killed"), in a list ("baghdad 12, basra 3"), nor with a noun
    after the number ("windows 8 users"), which may be what it counts."""
    root = ent.root
    head = root.head
    if (
        root.dep_ != "nummod"
        or head.i != ent.start - 1
        or head.pos_ not in ("NOUN", "PROPN")
        or not head.text.isalpha()
    ):
        return False
    if not head.text.islower():
        return False  # "Izmit 4,179 dead": a place that heads a row of a table, tagged a noun
    if head.pos_ == "PROPN" and (head.ent_type_ in ("GPE", "LOC", "FAC") or head.dep_ == "ROOT"):
        return False  # "kabul 7 killed": a place's count; a headline's verb taken for a name
    lemma = head.lemma_.lower()
    if lemma in _VALUE_AFTER or head.lower_ in _VALUE_AFTER or len(lemma) < 3:
        return False
    if any(c.match(head.lower_) or c.match(lemma) for _, c in CATEGORIES):
        return False
    if lemma in _PERSON_NOUNS or lemma in ("crew", "hostage", "survivor", "casualty"):
        return False  # "victims 12", "hostages 12 freed": people are counted, never labelled
    # "killed students 8, teachers 2": nouns each with a number after, a list of counts
    sent = ent.sent
    if _pairs_after(sent, ("NOUN", "PROPN")) >= 2:
        return False
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if (
        after is not None
        and after.text in (",", "and", "or")
        and ent.end + 1 < len(doc)
        and doc[ent.end + 1].like_num
    ):
        return False  # "floors 68, 69 and 72": a list, left as it was read
    if (
        after is not None
        and (after.pos_ != "VERB" or head.dep_ != "pobj")
        and any(c.match(after.text) or c.match(after.lemma_) for _, c in CATEGORIES)
    ):
        # "homs 45 dead", "orsk 12 killed": a row or a headline of a toll, lower-cased; not
        # "patients in ward 7 died", where the name is where they were
        return False
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")


def _reference_mark(token: Token) -> bool:
    """Whether a number is a note or reference mark: a whole number up to 999 alone in
    brackets at the end of a sentence or clause, after a word that is no name ("causes of
    death (1).", "as the study found [2],"). Not where the sentence has another number in
    brackets ("Dead (12), injured (40), missing (3)": a list of counts), nor after a word
    for people ("most of those killed were children (12),"). A name before it makes it an
    age ("Wiola Smul (23)")."""
    doc = token.doc
    i = token.i
    if not token.text.isdigit() or len(token.text) > 3 or i < 2 or i + 1 >= len(doc):
        return False
    opened, before, closed = doc[i - 1].text, doc[i - 2], doc[i + 1].text
    if (opened, closed) not in (("(", ")"), ("[", "]")):
        return False
    after = doc[i + 2].text if i + 2 < len(doc) else "."
    if after not in (".", ",", ";", "!", "?") or before.pos_ == "PROPN" or not before.is_alpha:
        return False
    if before.lemma_.lower() in _PERSON_NOUNS:
        return False
    sent = token.sent
    bracketed = sum(
        t.like_num
        and t.i > sent.start
        and t.i + 1 < len(doc)
        and t.nbor(-1).text in "(["
        and t.nbor(1).text in ")]"
        for t in sent
    )
    return bracketed == 1


_CONVERSION_WORDS = frozenset("about around roughly some approximately nearly almost us usd".split())
"""Words a conversion in brackets may hold beside its sum ("(about $2.2 million)", "($7,777
US)")."""


def _converted_sum(ent: SpacySpan) -> bool:
    """Whether a sum stands in brackets right after a sum in another currency ("pay
    CAD$10,000 ($7,777)", "€1.2bn ($1.4bn)", "2 million euros (about $2.2 million)"): the
    writer's conversion of it at some rate, which another report's sum in that currency is
    no rival of (two conversions differ by their rates). A sum in its own currency, or after a
    year or a label ("the budget for 2031 ($4.2 billion)", "No. 1 ($2.1 billion)"), stays."""
    doc = ent.doc
    i = ent.start
    while (
        i > 0
        and doc[i - 1].text != "("
        and (not doc[i - 1].text.isalnum() or doc[i - 1].lower_ in _CONVERSION_WORDS)
    ):
        i -= 1  # past a currency sign the span left out ("( $ 7,777 )"), or a hedge
    end = ent.end
    while end < len(doc) and doc[end].lower_ in _CONVERSION_WORDS | {"dollars"}:
        end += 1  # "($7,777 US)"
    if i < 2 or doc[i - 1].text != "(" or end >= len(doc) or doc[end].text != ")":
        return False
    k = i - 2
    if k > 0 and (doc[k].lower_ in _CURRENCIES or doc[k].lower_ in _DOLLAR_WORDS):
        k -= 1  # "2 million euros ($2.2 million)"
    before = _number_span_at(doc, k)
    if before is None:
        return False
    theirs, ours = _currency(before), _currency(ent)
    return theirs is not None and ours is not None and theirs != ours


def _read_number_spans(doc: Doc) -> list[SpacySpan]:
    """`number_spans`, read from the tokens."""
    from spacy.tokens import Span as SpacySpanType

    blocked = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME", "ORDINAL") for t in e}
    blocked -= {t.i for t in doc if _SCALED_TOKEN.fullmatch(t.text)}  # "£1.6bn last year": no date
    # "39 hours", "a two-day summit", "five weeks early" are tagged dates or times, but
    # they are lengths of time: figures (with a duration unit), not points in time.
    for e in doc.ents:
        if e.label_ in ("DATE", "TIME") and (_is_duration(e) or _RATE_ENT.fullmatch(e.text)):
            blocked -= {t.i for t in e if _numeric(t) or t.lower_ in _WORD_NUMBERS}
        elif e.label_ == "DATE" and _BARE_NUMBERS.fullmatch(e.text) and _listed(doc, e.start):
            # "floors 68, 69 and 72": small numbers listed after a number are no date
            blocked -= {t.i for t in e}
        elif e.label_ == "DATE" and _alternative_share(e):
            blocked -= {e.start}  # "40 or 45 percent": the tagger takes the 40 for a date
        elif e.label_ == "DATE" and _BARE_NUMBERS.fullmatch(e.text) and _placed_item(e):
            blocked -= {t.i for t in e}  # "injured in Kenya and 70 in Tanzania": a count
        elif e.label_ == "DATE" and _object_number(e):
            blocked -= {e.start}  # "killed 10 people and injured 70": a count, not a date
        elif e.label_ == "DATE" and _changed_count(e):
            # "crows rose from 51 to 84", "up from 18 last week": counts, no dates
            blocked -= {t.i for t in e if re.fullmatch(r"\d{1,3}", t.text)}
        elif e.label_ in ("DATE", "TIME") and _measured(e):
            # "two to four feet" is tagged a time: a measure, not a point in time
            blocked -= {t.i for t in e if _numeric(t) or t.lower_ in _WORD_NUMBERS}
    blocked |= _clock_times(doc)
    # "Pier 39", and "born in 384 b.c." (a year before or of the era): no counts
    blocked |= {t.i for t in doc if t.like_num and (_names_one(t) or _era_after(t) or _reference_mark(t))}
    # "between 80 and 100" is often tagged a date; a range of years stays one.
    lowers = [t.lower_ for t in doc]
    for i in range(1, len(doc) - 2) if "between" in lowers else ():
        is_range = lowers[i - 1] == "between" and lowers[i + 1] == "and"
        is_range = is_range and doc[i].like_num and doc[i + 2].like_num
        if is_range and not any(_YEAR.fullmatch(t.text) for t in (doc[i], doc[i + 2])):
            blocked -= {i, i + 1, i + 2}
    spans, i = [], 0
    while i < len(doc):
        token = doc[i]
        bare_hundred = token.lower_ in ("hundred", "thousand", "million", "billion", "trillion") and (
            i == 0
            or (doc[i - 1].lower_ not in ("a", "one", "half") and lowers[max(i - 2, 0) : i] != ["half", "-"])
        )
        text = token.text
        is_number = (
            token.like_num
            or token.lower_ in _WORD_NUMBERS
            or bool(_VULGAR_TOKEN.fullmatch(text))  # "2½"
            # Both forms hold a digit: most tokens are words, not worth two patterns.
            or (
                any(c.isdigit() for c in text)
                and bool(
                    _RANGE_TOKEN.fullmatch(text) or _GLUED.fullmatch(text) or _SCALED_TOKEN.fullmatch(text)
                )
            )
        )
        if i in blocked or not is_number or token.lower_ == "one" or bare_hundred:
            i += 1
            continue
        j = _number_run(doc, i + 1, blocked)
        if j + 1 < len(doc) and doc[j].text == "-" and _PROPER_FRACTION.fullmatch(doc[j + 1].text):
            j += 2  # "3-1/2", which the tokenizer cuts in three
        elif j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ in _SCALE_WORDS:
            j += 2  # "a $20-million claim": the scale is the number's, hyphen and all
        if _is_compound_word(doc, j - 1):
            j = _number_run(doc, j + 2, blocked)  # "twenty-two": one number, not a range
        if [t.lower_ for t in doc[j : j + 3]] == ["and", "a", "half"]:
            j += 3  # "five and a half"
        elif [t.lower_ for t in doc[j : j + 6]] == ["-", "and", "-", "a", "-", "half"]:
            j += 6  # "two-and-a-half"
        joiner = doc[j].lower_ if j + 1 < len(doc) else ""
        between = joiner == "and" and i > 0 and doc[i - 1].lower_ == "between"
        # "rose from 51 to 84": the count before and the count after, not a range
        changed = joiner == "to" and _from_on_a_change(doc, i)
        if (joiner in _RANGE_JOINERS or between) and doc[j + 1].like_num and j + 1 not in blocked:
            end = _number_run(doc, j + 2, blocked)
            # ... but "grew from 5 to 7 million", "from 5 to 7 percent": what comes after the
            # second number is the first's too, so the two are read as one range
            shared = any(t.lower_ in _SCALES for t in doc[j + 1 : end]) or (
                end < len(doc)
                and (doc[end].lower_ in ("%", "percent") or read_unit(" " + doc[end].text) is not None)
            )
            if (not changed or shared) and parse_range(doc[i:end].text) is not None:
                j = end
        start = i - 1 if i > 0 and doc[i - 1].text in _CURRENCIES else i
        if token.lower_ == "dozen" or token.lower_ in _SCALE_WORDS:
            # "a half-dozen", "half a dozen": six; "half a million", "a half-million": 500,000
            back = [t.lower_ for t in doc[max(i - 2, 0) : i]]
            start = (
                i - 2 if back in (["half", "-"], ["half", "a"]) else i - 1 if back[-1:] == ["half"] else start
            )
        span = doc[start:j]
        after = doc[j].lower_ if j < len(doc) else ""
        fraction = doc[j + 1 if after == "-" else j] if j + (after == "-") < len(doc) else None
        if (
            fraction is not None
            and fraction.lower_ in _FRACTIONS
            and not (fraction.i + 1 < len(doc) and doc[fraction.i + 1].text == "-")
        ):
            i = j  # "two-thirds of the voters": a share, not a count of thirds
            continue
        # "by 90 or 95 percent": the first of two alternatives is a share as the second is
        share = after in ("%", "percent", "per") or _share_alternative_at(doc, j)
        label = "PERCENT" if share else "MONEY" if _currency(span) else "CARDINAL"
        spans.append(SpacySpanType(doc, start, j, label=label))
        i = j
    return spans


def _clock_times(doc: Doc) -> set[int]:
    """The hour and minute tokens of a time of day written with a colon ("10:10 p.m."; "10:
    10 p.m." with a space after the colon, as Multi-News writes every colon), which the
    tagger may leave out of its time: no counts ("hurt in the 10: 10 p.m. incident"). Only
    with a word of the clock after it or a word of when before it ("at 9: 30"): not "Update
    2: 15 people were killed", nor a vote of "14: 10"."""
    times: set[int] = set()
    if ":" not in doc.text:
        return times  # most paragraphs: no token to look at
    for i in range(len(doc) - 2):
        hour, colon, minutes = doc[i], doc[i + 1], doc[i + 2]
        if (
            colon.text == ":"
            and not hour.whitespace_
            and _HOUR.fullmatch(hour.text)
            and _MINUTES.fullmatch(minutes.text)
            and (
                (i + 3 < len(doc) and doc[i + 3].lower_ in _CLOCK_AFTER)
                or (i > 0 and doc[i - 1].lower_ in _CLOCK_BEFORE)
            )
        ):
            times |= {i, i + 2}
    return times


_CLOCK_AFTER = frozenset("a.m. p.m. am pm a.m p.m gmt utc et est edt pt pst pdt local o'clock hours".split())
_CLOCK_BEFORE = frozenset("at around about after before until till by since from".split())


_HOUR = re.compile(r"[01]?\d|2[0-4]")
_MINUTES = re.compile(r"[0-5]\d")


_FRACTIONS = frozenset("thirds quarters fifths sixths eighths tenths".split())
"""What "two-thirds" or "three quarters" splits a whole into: no count (but "20 fifth-graders"
are pupils, and "one third" is no number run)."""


def _listed(doc: Doc, i: int) -> bool:
    """Whether token `i` continues a list of numbers ("68, 69") and no month follows it."""
    at = i - 1
    while at >= 0 and doc[at].text in (",", "and", "or"):
        at -= 1
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return at >= 0 and at < i - 1 and doc[at].like_num and not _MONTH_WORD.match(after)


_MONTH_WORD = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


def _measured(ent: SpacySpan) -> bool:
    """Whether a date or time the tagger found ends in a unit that measures no time ("two
    to four feet", "5 miles"): the last word after a number is a unit of length, weight,
    area, volume, speed or temperature."""
    last = ent[-1]
    if last.i == ent.start or not (
        _numeric(ent.doc[last.i - 1]) or ent.doc[last.i - 1].lower_ in _WORD_NUMBERS
    ):
        return False
    unit = read_unit(last.text)
    return unit is not None and unit[0].dimension != "duration" and unit[1] == len(last.text)


def _compared_with(ent: SpacySpan) -> SpacySpan | None:
    """The number of the sentence that an "up from" or "down from" figure was before ("36
    birds were found, up from 18"): the last one before the "up", with no verb between."""
    doc = ent.doc
    start = _unhedged(doc, ent.start)
    if start < 3 or not _up_from(doc, ent.start):
        return None
    up = doc[start - 2]
    for i in range(start - 3, ent.sent.start - 1, -1):
        if doc[i].like_num or doc[i].lower_ in _WORD_NUMBERS:
            # only a number of the clause "up" is in: what it counts, or its verb, holds it
            # ("36 birds were found, up from 18"; not "officials in 12 districts said that
            # infections were higher, up from 18")
            # ("the total rose to 42 cases, up from 30": the verb's "to" holds it)
            holder = doc[i].head
            if up.head not in (holder, holder.head, holder.head.head) and up.head is not doc[i]:
                return None
            return _number_span_at(doc, i)
    return None


def _before_change(ent: SpacySpan) -> bool:
    """Whether a count is the one a change started from: after "from" on a verb of change
    ("the toll rose from 51 to 84"), or "up from" / "down from" ("36, up from 18")."""
    if ent.start < 2 or _is_range(ent):
        return False  # "grew from 5 to 7 million": one range, read whole
    return _from_on_a_change(ent.doc, ent.start) or _up_from(ent.doc, ent.start)


def _from_on_a_change(doc: Doc, i: int) -> bool:
    """Whether the token at `i` follows a "from" that hangs from a verb of change ("rose
    from 51")."""
    return i > 0 and doc[i - 1].lower_ == "from" and doc[i - 1].head.lemma_.lower() in _CHANGE_VERBS


def _up_from(doc: Doc, i: int) -> bool:
    """Whether the token at `i` follows "up from" or "down from" ("36, up from 18"), past a
    hedge ("up from less than 1 percent")."""
    i = _unhedged(doc, i)
    return i > 1 and doc[i - 1].lower_ == "from" and doc[i - 2].lower_ in ("up", "down")


_HEDGES = tuple(sorted((tuple(q.split()) for q in _QUALIFIERS), key=len, reverse=True))
"""The hedges of `_QUALIFIERS` as words, longest first ("an estimated", "as many as", "about")."""


def _unhedged(doc: Doc, i: int) -> int:
    """Where the hedge right before the token at `i` starts ("less than 1": the "less"; "an
    estimated 18": the "an"), `i` where there is none."""
    for words in _HEDGES:
        k = i - len(words)
        if k >= 0 and tuple(t.lower_ for t in doc[k:i]) == words:
            return k
    return i


def _is_range(ent: SpacySpan) -> bool:
    """Whether a figure is two numbers read as one range ("5 to 7 million", "80-120")."""
    return any(t.lower_ in ("to", "and", "-", "–") for t in ent) or bool(_RANGE_TOKEN.fullmatch(ent.text))


def _changed_count(ent: SpacySpan) -> bool:
    """Whether a date the tagger found is "N to M" of one- to three-digit numbers after
    "from" that hangs from a verb of change ("crows rose from 51 to 84", "more than tripled,
    from 10 to 39"), or opens with such a number after "up from" ("36, up from 18 last
    week"): counts before and after a change, no span of years."""
    if re.fullmatch(r"\d{1,3} to \d{1,3}", ent.text):
        return _from_on_a_change(ent.doc, ent.start)
    # past a hedge the tagger took into the date ("up from about 18 last week")
    number = next((t for t in ent if t.like_num), None)
    return (
        number is not None
        and _unhedged(ent.doc, number.i) <= ent.start
        and bool(re.fullmatch(r"\d{1,3}", number.text))
        and _up_from(ent.doc, number.i)
    )


def _alternative_share(ent: SpacySpan) -> bool:
    """Whether a date the tagger found is one bare number before "or" and a share ("40 or
    45 percent"): the first of two alternatives, no date."""
    return (
        len(ent) == 1 and bool(re.fullmatch(r"\d{1,3}", ent.text)) and _share_alternative_at(ent.doc, ent.end)
    )


def _share_alternative_at(doc: Doc, end: int) -> bool:
    """Whether the tokens from `end` are "or" and a share ("90 or 95 percent"): the number
    before them is a share as the second is."""
    return (
        end + 2 < len(doc)
        and doc[end].lower_ == "or"
        and doc[end + 1].like_num
        and doc[end + 2].lower_ in ("%", "percent")
    )


def _object_number(ent: SpacySpan) -> bool:
    """Whether a date the tagger found is one bare number of one to three digits that a verb
    takes as its object or subject ("injured 70", "70 were hurt"): a count, no date."""
    root = ent.root
    return (
        len(ent) == 1
        and bool(re.fullmatch(r"\d{1,3}", root.text))
        and root.dep_ in ("dobj", "nsubj", "nsubjpass")
        and root.head.pos_ in ("VERB", "AUX")
    )


_BARE_NUMBERS = re.compile(r"\d{1,3}(?:\s*(?:,|and|or)\s*\d{1,3})*")
_VULGAR = "½⅓⅔¼¾⅛⅜⅝⅞"
_FRACTION = r"[1-7]/[2348]"
"""A fraction in digits read as one: halves, thirds, quarters and eighths, less than one."""
_DIGITS = rf"(?:\d+(?:[.,]\d+)?(?:[\s-]{_FRACTION}|\s?[{_VULGAR}])?|{_FRACTION}|[{_VULGAR}])"
"""A number in digits, with a fraction after it or alone ("2 1/2", "2½", "1/2")."""
_VULGAR_TOKEN = re.compile(rf"\d*[{_VULGAR}]")
_PROPER_FRACTION = re.compile(_FRACTION)


def _numeric(token: Token) -> bool:
    """A number in digits or words as spaCy reads one, or digits with a fraction sign ("2½")."""
    return bool(token.like_num or _VULGAR_TOKEN.fullmatch(token.text))


_DURATION_ENT = re.compile(
    r"(?:(?i:about|around|some|nearly|almost|roughly|more than|less than|over|under|at least|up to|"
    r"the|a|an|past|last|next|first|final|another|just|only|for)\s+)*"
    rf"(?:(?:{_DIGITS}|[A-Za-z]+(?:-[a-z]+)?)\s*(?:-|–|to|and)\s*)?"
    rf"(?:{_DIGITS}|[A-Za-z]+(?:-[a-z]+)?)(?:\s+and\s+a\s+half)?(?:\s*-\s*|\s+)"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)(?:\s+(?:later|earlier|early|late|long))?",
)
"""A length of time as spaCy tags it: a number or range and a unit in lower case ("60
Minutes" is a programme), with "later" or "early" after it at most."""


_RATE_ENT = re.compile(
    r"(?:(?i:about|around|some|nearly|almost|roughly|more than|less than|over|under|at least|up to)\s+)?"
    r"\d[\d,.]*\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)",
)
"""A rate tagged as a time ("about 400 an hour"): a figure, not a point in time."""


def _is_duration(ent: SpacySpan) -> bool:
    """Whether a date or time entity is a length of time ("39 hours", "two-day", "the
    past five weeks"), not a point in time ("four days ago", "five years old")."""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    if after in ("ago", "old") or not _DURATION_ENT.fullmatch(ent.text):
        return False
    number = next((t for t in ent if _numeric(t) or t.lower_ in _WORD_NUMBERS), None)
    return number is not None and number.lower_ not in ("one", "a") and not _YEAR.fullmatch(number.text)


_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS_WORDS = frozenset("one two three four five six seven eight nine".split())


def _is_compound_word(doc: Doc, i: int) -> bool:
    """Whether tokens i, i+1, i+2 are a hyphenated number word ("Twenty-two")."""
    return (
        i + 2 < len(doc)
        and doc[i].lower_ in _TENS
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].lower_ in _UNITS_WORDS
    )


def _number_run(doc: Doc, j: int, blocked: set[int]) -> int:
    """The end of the number words that continue a figure from token `j` ("180 million")."""
    while (
        j < len(doc)
        and j not in blocked
        and (doc[j].like_num or doc[j].lower_ in _SCALES or doc[j].lower_ == "hundred")
        and not _metres(doc, j)
    ):
        j += 1
    return j


_LENGTH_CUES = re.compile(
    r"^(feet|foot|ft|met(re|er)s?|km|miles?|tall|taller|high|higher|height|long|length|deep|depth|wide|width|"
    r"altitude|elevation|storeys?|stories|floors?|towers?|skyscrapers?|buildings?|bridges?|walls?|cliffs?|"
    r"peaks?|summits?|runways?|tunnels?)$",
    re.IGNORECASE,
)
"""Words that make an "m" after a number metres ("the 310m tower", "244m (800ft) up")."""


def _metres(doc: Doc, j: int) -> bool:
    """Whether the "m" at token `j`, right after a number, is metres, not millions: no
    currency before the number, and the sentence speaks of lengths or heights."""
    if doc[j].lower_ != "m" or j == 0 or not doc[j - 1].like_num:
        return False
    before = doc[max(j - 3, 0) : j - 1]
    if any(t.text in _CURRENCIES or t.lower_ in _CURRENCIES for t in before):
        return False
    if j + 1 < len(doc) and doc[j + 1].tag_ in ("NNS", "NNPS"):
        return False  # "1.2m people", "5m barrels": what is counted follows
    sent = doc[j].sent
    return any(_LENGTH_CUES.match(t.text) for t in sent if t.i != j)


@lru_cache(maxsize=1 << 16)
def parse_range(text: str) -> tuple[float, float] | None:
    """Read "40-50", "80 to 100", "$3-4 million" as (low, high); None unless low < high.

    A scale written once applies to both ends ("3-4 million" is 3 to 4 million).
    Compound number words ("twenty-three") fall out: their first part is the larger.
    """
    parts = re.split(r"\s*(?:[-–]|\bto\b|\band\b)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    low, high = parse_number(parts[0]), parse_number(parts[1])
    if low is None or high is None:
        return None
    scale = parts[1].split()[-1].lower() if parts[1].split() else ""
    if scale in _SCALES and not any(w.lower() in _SCALES for w in parts[0].split()):
        low *= _SCALES[scale]
    return (low, high) if low < high else None


def _figure(
    ent: SpacySpan,
    para: Paragraph,
    entities: EntityIndex,
    source: str,
    date: dt.date | None,
    common: frozenset[str] = frozenset(),
    *,
    row: str | None = None,
) -> _Figure | None:
    """The figure `ent` gives, or None; `row`: the place that heads the table row the
    paragraph is, which is then its scope ("Adapazari 3,046 dead, 6,884 injured")."""
    value = parse_number(ent.text)
    if value is None or _is_age_or_time(ent):
        return None
    if _denominator(ent):
        # "one in 11 buildings": a rate of buildings, never a count of 11 of them
        noun = _counted_noun(ent)
        about = f"one in N {noun}" if noun else "one in N"
        return _as_figure(about, value, ent.text, "", ent, para, entities, source, date, common)
    if (base := _out_of(ent)) is not None:
        # "14 out of every 100 Kenyans are infected": a rate per 100 Kenyans, no count of
        # 14 people; the 100 counts nobody
        if base.start < ent.start:
            return None
        noun = _counted_noun(base) or _nationality(base)
        about = f"{noun or 'rate'} per {base.text}"
        return _as_figure(about, value, ent.text, "", ent, para, entities, source, date, common)
    if (magnitude := _magnitude(ent, value, date)) is not None:
        measured, where = magnitude
        if not measured:
            return None  # "quakes greater than magnitude 7": a bar, no quake's magnitude
        return _as_figure(measured, value, ent.text, "", ent, para, entities, source, date, common, where)
    predicate = ""
    attributive = False
    scope_part = False  # a part of a whole told before it ("6,426 of which")
    revises = False  # a figure told before, taken to a new one ("revised that figure down to")
    currency = _currency(ent)
    if ent.label_ == "MONEY" or currency:
        if (
            value in _FACE_VALUES
            and ent.end < len(ent.doc)
            and ent.doc[ent.end].lemma_.lower() in _DENOMINATIONS
        ):
            return None  # "a $20 bill": a kind of banknote, no sum
        if _converted_sum(ent):
            return None  # "€1.2bn ($1.4bn)": the sum before, converted; no sum of its own
        kind = "damage" if _near(ent, _DAMAGE) else "money"
        about = f"{kind} ({currency or '?'})"
        # "$100,000 bond" and "$50,000 cash bail", "earning $2.6 billion" and "a supply
        # for $10": sums of one currency are one quantity only when paid for one thing
        predicate = _money_for(ent)
    elif ent.label_ == "PERCENT":
        noun = _share_of(ent)
        if noun is None and (lead_share := _compared_share(ent)) is not None:
            noun = lead_share  # "58 percent disapproved, compared with 35 percent who backed it"
        if noun is None and (first := _compared_with(ent)) is not None and first.label_ == "PERCENT":
            # "7 percent of the electricity, up from less than 1 percent a decade ago"
            lead_share = _share_of(first)
            noun = None if lead_share is None else f"{lead_share} (earlier)"
        if noun is None:
            return None  # a share of nothing named cannot be compared with anything
        if _before_change(ent) and not noun.endswith(" (earlier)"):
            noun = f"{noun} (earlier)"  # "rose to 7 percent from 5 percent": 5 was the share before
        about = f"% {noun}"
        owner = _share_owner(ent, para, entities) if noun in _WON else None
        if owner is not None and owner.lower() != noun:
            about = f"% {noun} of {owner}"  # "Obama won 52 percent of the vote": Obama's share
    elif (measure := _measure(ent)) is not None:
        return _measure_figure(ent, measure, para, entities, source, date, common)
    elif _GLUED.fullmatch(ent[-1].text):
        return None  # "Apartment 4F": read as a number only in case it was a temperature
    elif (holder := _n_time(ent)) is not None:
        about, predicate = "times", holder  # "the 23-time major winner": how often they won
    elif (times := _times(ent)) is not None:
        # "carried out 29 times", "five times as many": how often, or a ratio, by its verb
        about, predicate = times, _predicate(ent)
    else:
        noun = _counted_noun(ent)
        if noun is not None and ent.root.head.i == 0 and row is not None:
            noun = None  # "Izmit 4,179 dead": the parser hangs the count on the row's place
        if noun in _UNITS or (noun in _LABELS and ent.root.head.i < ent.start) or _label_after(ent):
            return None  # durations, measures nothing names, "Flight 990": context, not claims
        category = _state(ent, _category(ent))
        if category is None and (including := _including_whole(ent)) is not None:
            # "killed 247 people, including 12 Americans": the 12 count deaths of Americans (a
            # part, `_scope`), as "Twelve Americans were killed" would; by what the whole is
            # keyed, so "300 villages, including 40 in Orsk" counts no evacuated people
            lead = _figure(including, para, entities, source, date, common)
            category = lead.counted if lead is not None and lead.counted in _HARMS else None
        # "three of the 18 miners died": the verb tells of the three; but "one of more than
        # 7,000 people who perished": a clause on the whole tells of the whole
        told_of_whole = any(c.dep_ == "relcl" for c in ent.root.head.children)
        if category is not None and _predicate(ent) == _WHOLE and not told_of_whole:
            category = None
        # "3,879 bodies" count the dead: as written, as its lemma ("body") names no count
        written = ent.root.head.text if noun == "body" else ""
        handled = _bodies_handled(ent) if noun == "body" else ""
        if handled:
            about = handled  # "seven bodies have been identified": not the toll
        elif noun is not None and any(c.match(noun) or c.match(written) for _, c in CATEGORIES):
            about = category or noun  # "at least 6,000 lives" counts deaths
        elif noun is not None and noun.startswith("member of ") and category is not None:
            # "129 members of parliament were arrested": a group, counted apart
            joiner = " of " if category in _HARMS else " "
            about = f"{category}{joiner}members of {noun[len('member of ') :]}"
        elif noun in _GROUPS and category in _HARMS:
            about = f"{category} of {_plural(noun)}"  # a group: a part of the whole toll
        elif noun in _GROUPS and category is not None:
            about = category  # "1,200 residents were moved" counts the evacuated
        elif (people := _nationality(ent)) and category in _HARMS:
            about = f"{category} of {people}"  # "12 Americans were killed": a part too
        elif noun is not None and noun not in _PEOPLE:
            # "two neighbourhoods" counts neighbourhoods, whatever the sentence is about;
            # a thing or a group by what is done with it: "12 states voted" and "two states
            # hold primaries" count two sets of states, "6,000 workers went on strike" and
            # "the strike idled 18,000 workers" two sets of workers
            about = noun
            attributive = _attributive(ent) and _sized_group(ent) is None  # "a 107-man crew" is the crew
            # a plane's passengers are one group whatever is done with them ("carrying", "on board")
            # a group someone has ("GM's 224,000 workers", "the town's 6,000 residents") is its
            # size, whatever the verb
            owned = noun in _GROUPS and any(c.dep_ == "poss" for c in ent.root.head.children)
            owned = owned or noun.startswith("member of ")  # a body's members: its size
            predicate = "" if noun in _ABOARD or attributive or owned else _predicate(ent)
        elif category is None and noun in _PEOPLE:
            # "the church holds about 1,000 people": people, counted by what they do
            about, predicate = noun, _predicate(ent)
        else:
            about = category or noun or ""
        if about in ("deaths", "missing") and _DEAD_OR_MISSING.search(ent.doc[ent.end : ent.end + 6].text):
            about = "dead or missing"  # "300 dead or missing" is no toll of the dead
        if about in ("deaths", "injured") and _dead_or_hurt(ent):
            about = "dead or injured"  # "over 100 people dead or injured": casualties, not a toll
        if about in ("deaths", "injured") and _graver(ent):
            # "scores have been injured - 50 seriously": those hurt worst, as "50 were
            # seriously injured" counts them
            about = "seriously injured"
        if about == "ill" and _others(ent) and _after_a_death_count(ent):
            # "killed seven and sickened 55 others": the sick besides the dead, where "sickened
            # 61" counts the dead among them
            about = "ill besides the dead"
        if (about == "deaths" or about.startswith("deaths of ")) and _others(ent) and _death_told_before(ent):
            # "A 2-year-old boy died on Saturday. Three other people were killed at the
            # scene": those besides the boy, a part of the toll
            scope_part = True
        if not about and (named := _number_of(ent)) is not None:
            about = named  # "cut the number of seats to seven from nine": counts seats
        if not about and (group := _size_of(ent)) is not None:
            about = group  # "a crowd of 5,000", "a 3,000-strong crowd": the crowd's size
        if not about and (whole := _part_of_noun(ent)) is not None:
            about = whole  # "won 10 of the first 15 races": a part (see `_scope`) of races
        if not about and _per_period(ent):
            # "at a rate of about 847 an hour": a rate, by what is done at that rate
            about, predicate = "rate", _predicate(ent)
        if not about and (first := _listed_in(ent)) is not None:
            # "killed 4,179 in Izmit, 2,400 in Yalova and 984 in Istanbul": each place's
            # number counts what the first counts, in its own place (`_scope`)
            lead = _figure(first, para, entities, source, date, common)
            if lead is not None and not lead.counted.startswith(("money", "damage", "%", AGE_OF)):
                about, predicate = lead.counted, lead.predicate
        if not about and (first := _listed_after(ent)) is not None:
            # "floors 68, 69 and 72": each number of a list counts what the first counts
            lead = _figure(first, para, entities, source, date, common)
            if lead is not None:
                qualifier = _qualifier(ent)
                value_of = replace(lead.value, value=value, text=ent.text, qualifier=qualifier)
                start = para.start + ent.start_char
                span = Span(source, start, para.start + ent.end_char)
                return replace(lead, value=replace(value_of, span=span))
        if not about and (first := _compared_with(ent)) is not None:
            # "36 birds were found, up from 18 last week": the 18 counts the birds, before
            lead = _figure(first, para, entities, source, date, common)
            if lead is not None and not lead.counted.endswith(" (earlier)"):
                about, predicate = f"{lead.counted} (earlier)", lead.predicate
        if not about and (whole_of := _of_which(ent)) is not None:
            # "12,435 criminal cases, 6,426 of which were major cases": a part of those cases
            lead = _figure(whole_of, para, entities, source, date, common)
            if lead is not None and not _never_rivals(lead.counted):
                about, predicate, scope_part = lead.counted, lead.predicate, True
        if not about and (restated := _restated(ent)) is not None:
            # "the toll rose to 17,997, but they revised that figure down to 12,514"
            lead = _figure(restated, para, entities, source, date, common)
            if lead is not None:
                about, predicate, revises = lead.counted, lead.predicate, True
        if not about and (compared := _compared(ent)) is not None:
            # "82 bias crimes this year, compared with 46 during the same period last year"
            lead = _figure(compared[0], para, entities, source, date, common)
            if lead is not None and not _never_rivals(lead.counted):
                about, predicate = f"{lead.counted} {compared[1]}", lead.predicate
        if not about and (first := _listed_with(ent)) is not None:
            # "3,046 deaths, followed by Yalova with 2,400, Istanbul with 984": each place's
            # number counts what the first counts, in its own place (`_scope`)
            lead = _figure(first, para, entities, source, date, common)
            if lead is not None and not lead.counted.startswith(("money", "damage", "%", AGE_OF)):
                about, predicate = lead.counted, lead.predicate
        if not about:
            return None
        if _before_change(ent) and not about.endswith(" (earlier)"):
            about = f"{about} (earlier)"  # "the toll rose from 51 to 84": 51 was the toll before
    qualifier = _qualifier(ent)
    text = _as_written(ent, ent.text, qualifier)
    # what a thing has holds whatever day or place the sentence tells of
    scope = "" if attributive else None
    if row is not None:
        scope = f"in {row}"  # the row's place, whatever the tagger took it for
    if scope_part:
        scope = "part"
    figure = _as_figure(about, value, text, qualifier, ent, para, entities, source, date, common, scope)
    if revises:
        # "revised that figure down to 12,514 early today": the day dates the count, as for a
        # running total, and is no day's dead
        figure = replace(figure, revises=True, scope=_DAY_SCOPE.sub("", figure.scope))
    if about == "crew":
        owner = _crew_owner(ent)
        word = str(ent.root.head.lemma_).lower()
        if not owner and word in _SEAFARERS:
            # "the navy evacuated 300 sailors from the base": sailors, no crew of a vessel
            figure = replace(figure, counted=word)
        figure = replace(figure, owner=owner)
    return replace(figure, predicate=predicate) if predicate else figure


def _out_of(ent: SpacySpan) -> SpacySpan | None:
    """The other number of a rate "N out of every M", "N in every M" or "N out of M" for M a
    hundred, a thousand and so on ("14 out of every 100 Kenyans"; not "one in M", read by
    `_denominator`, nor "won 10 out of 15 races", a part): for N, the M after it; for M, the
    N before it. None otherwise."""
    doc = ent.doc
    for lead in (["out", "of", "every"], ["in", "every"], ["out", "of"]):
        k = ent.end + len(lead)
        if (
            [t.lower_ for t in doc[ent.end : k]] == lead
            and k < len(doc)
            and _per_base(doc[k], every="every" in lead)
            and ent.text.lower() not in ("one", "1")
        ):
            return _number_span_at(doc, k)
        k = ent.start - len(lead) - 1
        if (
            k >= 0
            and [t.lower_ for t in doc[k + 1 : ent.start]] == lead
            and _per_base(ent.root, every="every" in lead)
            and doc[k].like_num
            and doc[k].lower_ not in ("one", "1")
        ):
            return _number_span_at(doc, k)
    return None


def _per_base(token: Token, *, every: bool) -> bool:
    """Whether a number can be the base of a rate: any after "every", else a hundred, a
    thousand or more in tens ("out of 100")."""
    if not token.like_num:
        return False
    if every:
        return True
    value = parse_number(token.text)
    return value is not None and value >= 100 and math.log10(value).is_integer()


def _denominator(ent: SpacySpan) -> bool:
    """Whether a number is the second of a ratio ("one in five women", "1 in every 6", "one
    out of 10"): it counts nobody; "one in six" and "one in five" are two rates."""
    words = [t.lower_ for t in ent.doc[max(ent.start - 4, 0) : ent.start]]
    for lead in (["in"], ["in", "every"], ["out", "of"]):
        n = len(lead) + 1
        if len(words) >= n and words[-len(lead) :] == lead and words[-n] in ("one", "1"):
            return True
    return False


def _as_figure(
    about: str,
    value: float,
    text: str,
    qualifier: str,
    ent: SpacySpan,
    para: Paragraph,
    entities: EntityIndex,
    source: str,
    date: dt.date | None,
    common: frozenset[str],
    scope: str | None = None,
) -> _Figure:
    """The figure `ent` gives, counting `about`, with its scope (found here unless given),
    attribution and span."""
    start = para.start + ent.start_char
    verb, clause = _clause(ent)
    scope = _scope(ent, para, entities, date, common) if scope is None else scope
    # not a year written in the sentence before ("The outbreak came in 1999. That outbreak ...")
    last_year = (
        date is not None and str(date.year - 1) in scope.split(", ") and _year_said(ent.sent, date, ent)[1]
    )
    return _Figure(
        about,
        scope,
        ClaimValue(
            value=value,
            text=text,
            qualifier=qualifier,
            attributed_to=_attribution(ent, para, entities),
            source=source,
            date=date,
            span=Span(source, start, para.start + ent.end_char),
        ),
        running=_running(verb, clause),
        so_far=_present_perfect(verb),
        words=FactMatcher.words(ent.sent.text),
        last_year=last_year,
        attackers=_attackers_included(ent) if about.startswith("deaths") else 0,
        event_day=_named_day(ent, verb, date, told := _events_told(verb)),
        told_of=frozenset(_event_word(t) for t in told),
        places=frozenset(e.text.lower() for e in ent.sent.ents if e.label_ in ("GPE", "LOC"))
        if told
        else frozenset(),
    )


def _named_day(ent: SpacySpan, verb: Token, date: dt.date | None, told: list[Token]) -> dt.date | None:
    """The day of the event a figure tells of, where its sentence dates it in the event's
    own words ("the Aug. 7 bombing of the embassy, which killed 11", "killed in the
    earthquake of Aug. 17", "the toll from Tuesday's blast rose to 14") or on the verb that
    counts ("killed 257 on Aug. 7"). Not a date of another noun or clause ("a quake on
    Tuesday killed 52, the deadliest since the Aug. 7 quake"; "killed 14, the ministry said
    on Aug. 25"; "the bombing, which mirrored the Aug. 7 bombing, killed 14"), nor a day
    after the report. None where no such day, or two, is found; where the events are two
    joined ("the Aug. 7 bombing and a second one killed 30"); or where the sentence counts
    years back from the day ("last year's Aug. 7 bombing"), which a month and day without
    a year cannot place."""
    if date is None or not told or any(t.dep_ == "conj" or _joined(t) for t in told):
        return None
    sent = ent.sent
    if _YEARS_BACK.search(sent.text):
        return None
    events = {t.i for t in told}
    days = set()
    for found in find_event_dates(sent.text, published=date):
        if found.date.day is None or found.date.start > date:
            continue
        span = sent.doc.char_span(
            sent.start_char + found.span.start, sent.start_char + found.span.end, alignment_mode="expand"
        )
        if span is not None and _dates_the_event(span.root, verb, events):
            days.add(found.date.start)
    return days.pop() if len(days) == 1 else None


_YEARS_BACK = re.compile(
    r"\b(?:last year|a year (?:ago|after|since|on|earlier)|anniversary)\b", re.IGNORECASE
)
"""Words that set an event's month and day in another year than the report's nearest."""


def _joined(token: Token) -> bool:
    """Whether an event noun has another joined to it ("the bombing and a second one")."""
    return any(c.dep_ == "conj" for c in token.children)


_EVENT_KINDS = {
    **dict.fromkeys(("bombing", "bomb", "blast", "explosion", "fire", "blaze", "wildfire"), "blast"),
    **dict.fromkeys(("quake", "earthquake", "temblor", "tremor", "aftershock", "tsunami"), "quake"),
    **dict.fromkeys(("flood", "flooding", "storm", "hurricane", "cyclone", "typhoon", "tornado"), "weather"),
    **dict.fromkeys(("landslide", "mudslide", "avalanche"), "weather"),
    **dict.fromkeys(("shooting", "massacre", "rampage"), "shooting"),
    **dict.fromkeys(("crash", "accident", "derailment", "collapse", "sinking"), "crash"),
    **dict.fromkeys(("raid", "ambush", "strike"), "raid"),
    **dict.fromkeys(("riot", "stampede"), "riot"),
}
"""Event nouns of one kind (`_other_kinds`), broad, since one disaster is told in many
words (a storm's floods and landslides; a plant's blast and fire); "eruption" is a kind of
its own, and "attack" and "disaster" may name any."""
_ANY_KIND = frozenset({"attack", "disaster"})
_EVENT_NOUNS = frozenset(_EVENT_KINDS) | _ANY_KIND | {"eruption"}
"""Nouns of an event a toll is told of (`_events_told`), as lemmas."""


def _event_word(token: Token) -> str:
    """An event noun as `_EVENT_NOUNS` holds it ("bombings" -> "bombing"); "" for a word of
    two senses used in the other ("army fire", "a heart attack")."""
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _NOT_AN_EVENT for c in token.children):
        return ""
    return token.lower_ if token.lower_ in _EVENT_NOUNS else token.lemma_.lower()


_NOT_AN_EVENT = frozenset(
    {
        *("army", "sniper", "tank", "artillery", "rocket", "mortar", "gun", "police", "enemy", "friendly"),
        *("automatic", "heavy", "small-arms", "cross", "return", "heart", "panic", "asthma", "anxiety"),
    }
)
"""Words before "fire" or "attack" that make it no event a toll is told of (`_event_word`)."""


def _events_told(verb: Token) -> list[Token]:
    """The event nouns (`_EVENT_NOUNS`) a figure's verb tells of: its
    subject ("the Aug. 7 blast killed 11"), the noun its relative clause describes ("the
    bombing ..., which killed 11"), what its subject is of ("the toll from the blast"), the
    noun after "in", "from" or "by" ("killed in the earthquake of Aug. 17"), and for a verb
    that goes on from another ("the quake that hit on Aug. 17, killing 14,000"), that verb's."""
    nouns: list[Token] = []
    for current in (verb, verb.head) if verb.dep_ == "advcl" else (verb,):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if current.dep_ == "relcl":
            described = current.head
            subjects.append(described)
            # "the bombing of the embassy in Dar es Salaam, which killed 11": the clause
            # hangs from the last place named, and tells of the bombing
            for _ in range(3):
                if described.dep_ != "pobj" or described.head.lower_ not in ("of", "in", "at", "on"):
                    break
                described = described.head.head
                subjects.append(described)
        for subject in subjects:
            nouns.append(subject)
            nouns.extend(c for c in subject.children if c.dep_ == "conj")  # "the fire and the leak"
            nouns.extend(
                p
                for c in subject.children
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
                for p in c.children
                if p.dep_ == "pobj"
            )
        nouns.extend(
            p
            for c in current.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "from", "by")
            for p in c.children
            if p.dep_ == "pobj"
        )
    return [n for n in nouns if _event_word(n) in _EVENT_NOUNS]


def _dates_the_event(token: Token, verb: Token, events: set[int]) -> bool:
    """Whether a date (its head token) dates an event the figure's verb tells of: it
    modifies one of `events` ("the Aug. 7 bombing", "Tuesday's blast") or is the object of
    its "of" or "on" ("the earthquake of Aug. 17", "the bombing on Aug. 7"), or of an "on"
    that hangs from the verb itself ("killed 257 on Aug. 7"; `_named_day` asks only of a
    verb that tells of an event, so not "the gunman, who turned 30 on Aug. 5"; nor "killed
    14 on a street where the Aug. 7 bombing struck")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "on"):
        target = head.head
        return target.i in events or (head.lower_ == "on" and target.i == verb.i)
    return token.dep_ in ("nmod", "compound", "npadvmod", "amod", "poss", "nummod") and head.i in events


def _measure(ent: SpacySpan) -> tuple[Unit, str, Token, bool] | None:
    """The unit written right after a figure ("10 km", "6.2 miles", "30C"): the unit, its
    words as written, the token that heads them and whether the figure is one part of a
    measure in two units ("6 pounds, 13 ounces"); None for a count or money."""
    doc = ent.doc
    last = ent[-1]
    # The text right after the figure, from its tokens (doc.text joins the whole doc)
    after = last.whitespace_ + "".join(t.text_with_ws for t in doc[ent.end : ent.end + 12])
    if _GLUED.fullmatch(last.text):
        found = read_unit(re.sub(r"^[-−]?[\d.]+", "", last.text))
        if found is None:
            return None
        unit, written, head, end_char = found[0], "", last, ent.end_char
    elif ent.end < len(doc) and _metres(doc, ent.end):
        # "310m": spaCy splits off the "m", which `number_spans` left out as metres
        unit, written, head = METRE, "m", doc[ent.end]
        end_char = head.idx + len(head.text) - doc[ent.start].idx + ent.start_char
    else:
        found = read_unit(after[:40])
        if found is None:
            return None
        unit, end_char = found[0], ent.end_char + found[1]
        tokens = [t for t in doc[ent.end : ent.end + 6] if t.idx < end_char]
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        head = next((t for t in outer if t.pos_ in ("NOUN", "PROPN")), outer[0] if outer else tokens[-1])
        written = " ".join(after[: end_char - ent.end_char].strip(" -").split()).rstrip(".")
    # "5 feet 6 inches", "6 pounds, 13 ounces": one measure in two units, each part its
    # own figure (the pounds, the ounces), never a rival of a measure in one unit
    before = "".join(t.text_with_ws for t in doc[max(ent.start - 8, 0) : ent.start])[-20:]
    two_units = bool(_COMPOUND_NEXT.match(after, end_char - ent.end_char))
    part = bool(written) and unit.name in ("foot", "pound", "metre") and two_units
    part = part or bool(_COMPOUND_BEFORE.search(before))
    if unit.bare and not any(_HEAT.match(t.text) or _HEAT.match(t.lemma_) for t in ent.sent):
        return None  # "Group 4 C": a letter, not a temperature
    # "she has lost 35 pounds, the result of stress and diet": weight the verb takes, where
    # the sentence speaks of a body; "lost 500 pounds in the scam" stays money
    shed = (
        unit.name == "pound"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() in ("lose", "shed", "gain")
        and any(_BODY_WEIGHT.match(t.text) for t in ent.sent)
    )
    if unit.name == "pound" and (
        any(w.lower() in _SCALES for w in ent.text.split())
        or "£" in ent.sent.text
        or any(
            (_MONEY_WORDS.match(t.text) or _MONEY_WORDS.match(t.lemma_)) and not (shed and t.i == head.head.i)
            for t in ent.sent
        )
    ):
        return None  # "5 million pounds" is money: never converted
    return unit, written, head, part


_BODY_WEIGHT = re.compile(
    r"^(weight|weighs?|weighed|diet\w*|stress|ill(ness)?|surgery|obes\w+|overweight|slim\w*|thin(ner)?|"
    r"heav(y|ier)|light(er)?|fat|eating|exercis\w+|body)$",
    re.IGNORECASE,
)
"""Words that say "lost 35 pounds" is a body's weight."""
_APPROACH_WORDS = frozenset(
    "fly pass come approach swing swoop travel sail drift get zoom skim flyby fly-by encounter".split()
)
"""Words for moving near something ("flew", "a flyby"): "within" after them tells how near,
no radius."""


def _measure_figure(
    ent: SpacySpan,
    measure: tuple[Unit, str, Token, bool],
    para: Paragraph,
    entities: EntityIndex,
    source: str,
    date: dt.date | None,
    common: frozenset[str],
) -> _Figure | None:
    """A figure with a unit: what it measures is the thing the unit describes ("a 10-km
    tunnel", "100 kg of cocaine", "winds of 120 mph", "the tunnel is 6 miles long");
    with nothing named, what is done over it ("leased 2,000 square feet") or, for a length
    of time, nothing. The unit stays in its text, where `compatible` reads it to convert."""
    unit, written, head, part = measure
    value = parse_number(ent.text)
    if value is None:
        return None
    thing = _measured_thing(head)
    local = ""
    # A comparison counts near the figure only ("lava of 2,600 degrees F, hundreds of degrees
    # hotter than volcanoes on Earth" is a reading); a target or the warming anywhere in the
    # sentence ("within 2C beyond pre-industrial times, a target set in 2010")
    near = ent.doc[max(ent.start - 4, ent.sent.start) : min(head.i + 4, ent.sent.end)]
    if unit.dimension == "temperature" and (
        any(t.lower_ in _WARMING for t in near) or any(t.lower_ in _WARMING_ANYWHERE for t in ent.sent)
    ):
        return None
    if unit.dimension == "length" and not part and _depth(ent, head):
        # "the Kursk was some 450 feet down", "trapped 354 feet below the surface", "in 245
        # feet of water", "at a depth of 100 meters": the depth where the story's wreck or
        # site lies, whatever noun the sentence hangs it from
        counted = "depth"
    elif unit.dimension == "length" and not part and (anchor := _distance_from(head, para, entities)):
        # "65 miles west of Izmit", "about 100 km from Izmit": the distance from a named
        # place, whatever is that far from it (the epicentre, the town, the crash site)
        counted = f"{thing} (distance from {anchor})" if thing else f"distance from {anchor}"
    elif unit.dimension == "temperature":
        counted = "temperature" if thing is None or thing in _TEMPERATURE_NOUNS else f"{thing} temperature"
    elif thing is None:
        # "the baby lived for 39 hours", "they leased 2,000 square feet": a measure by
        # what is done over it; with no verb either, only a length of time is a figure.
        # Nothing named, one verb can tell of two things ("weighing 200 pounds" of two
        # suspects): such a figure is found, but rivals no other report's
        verb = _predicate(ent)
        if not verb and unit.dimension != "duration":
            return None
        counted = f"{unit.dimension} ({verb})" if verb else unit.dimension
        local = f"in {source}"
    else:
        size = _SIZE_WORDS.get(head.head.lower_) if head.head.pos_ == "ADJ" else None
        counted = f"{thing} ({size or unit.dimension})"
    if part:
        counted = f"{counted}, the {_UNIT_PLURALS.get(unit.name, unit.name + 's')}"
    number = ent.text
    doc = ent.doc
    if unit.dimension in ("temperature", "degree") and ent.text[:1] in "-−":
        value = -value
    elif (
        unit.dimension in ("temperature", "degree") and ent.start > 0 and doc[ent.start - 1].lower_ == "minus"
    ):
        value, number = -value, f"minus {number}"
    qualifier = _qualifier(ent)
    text = _as_written(ent, f"{number} {written}" if written else number, qualifier)
    figure = _as_figure(counted, value, text, qualifier, ent, para, entities, source, date, common)
    within = next((t for t in doc[max(ent.start - 3, 0) : ent.start] if t.lower_ == "within"), None)
    # "flew within 218 miles of Europa": how near a craft came, a distance; "not allowed
    # within 500 feet of homes": a radius a rule sets
    # ... unless a rule is told: "may not come within 100 feet of his former wife"
    approach = (
        within is not None
        and within.head.lemma_.lower() in _APPROACH_WORDS
        and not any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in within.head.children
        )
    )
    bound = within is not None and not approach
    return replace(figure, predicate=local or figure.predicate, bound=bound)


_DEPTH_AFTER = frozenset("down deep below beneath underwater underground undersea seabed seafloor".split())
"""Words after a length that make it a depth ("450 feet down", "100 meters deep")."""
_BOTTOM = frozenset("bottom floor bed seabed seafloor".split())
_SURFACES = frozenset("surface sea water wave ocean lake river ground ice earth seabed street".split())
"""What a depth is measured below ("354 feet below the surface", "below the Barents Sea")."""


def _depth(ent: SpacySpan, head: Token) -> bool:
    """Whether a length is a depth: "some 450 feet down", "354 feet below the surface",
    "100 meters deep", "in 245 feet of water", "nearly 300 feet on the bottom", "at a depth
    of 100 meters" (not "dove down to 16,700 feet": what comes before the figure is read
    only for "depth"). "10 degrees below zero" is no length and never gets here."""
    doc = ent.doc
    if _qualifier(ent) in _UPPER:
        return False  # "can dive to depths of up to 500 meters": what it can reach
    after = [t for t in doc[head.i + 1 : head.i + 5] if t.sent.start == ent.sent.start]
    # "354 feet below the surface", not "three feet below the worst fears" or "below zero"
    under = bool(after) and after[0].lower_ in ("below", "beneath")
    surface = any(t.lemma_.lower() in _SURFACES for t in after[1:4])
    descent = (
        len(after) > 1 and after[0].lower_ == "down" and after[1].lower_ == "to"
    )  # "33,000 feet down to"
    if after and after[0].lower_ in _DEPTH_AFTER and not (under and not surface) and not descent:
        return True
    if len(after) > 1 and after[0].lower_ == "of" and after[1].lemma_.lower() in ("water", "sea", "ocean"):
        return True  # "in 245 feet of water"
    if len(after) > 2 and after[0].lower_ in ("on", "at") and any(t.lower_ in _BOTTOM for t in after[1:4]):
        return True  # "nearly 300 feet on the bottom of the Atlantic"
    before = doc[max(ent.sent.start, ent.start - 4) : ent.start]
    # "fell to the seabed from a depth of 20 meters": where a fall began, no depth it lies at
    return any(t.lemma_.lower() == "depth" and t.head.lower_ != "from" for t in before)


_BEARINGS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east "
    "south-west northeastern northwestern southeastern southwestern northern southern eastern western".split()
)


def _distance_from(head: Token, para: Paragraph, entities: EntityIndex) -> str:
    """The named place a length is a distance from ("65 miles west of Izmit", "70 km from
    Istanbul", "40 miles off the coast of Oregon" is not: a coast is no place name), or ""."""
    doc = head.doc
    at = head.i + 1
    if at < len(doc) and doc[at].text == "(":
        # "about 220 miles (350 km) from Darwin": past the same length in other units
        close = next((t.i for t in doc[at : at + 6] if t.text == ")"), None)
        at = at if close is None else close + 1
    elif at < len(doc) and doc[at].text == ")":
        at += 1  # the length in brackets: "(350 km) from Darwin"
    after = [t for t in doc[at : at + 3] if t.sent.start == head.sent.start]
    if not after:
        return ""
    prep = after[0]
    if prep.lower_ in _BEARINGS and len(after) > 1 and after[1].lower_ == "of":
        prep = after[1]
    elif prep.lower_ != "from":
        return ""
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if place is None:
        return ""
    if found := _a_place(place, para, entities):
        return found
    # a name after a distance is a place, whatever the tagger took it for ("65 miles west of
    # Izmit" with Izmit tagged an organization); never a person
    entity = _entity_of(para, place, entities)
    named = place.pos_ == "PROPN" and place.text[:1].isupper() and place.ent_type_ != "PERSON"
    return _place_name(para, place, entities) if named and (entity is None or entity.type != "PERSON") else ""


_NUMBER_NOUNS = frozenset("number size total count".split())


def _number_of(ent: SpacySpan) -> str | None:
    """What "the number of X" counts when a figure is what that number goes to or from
    ("reducing the number of seats to seven from nine", "the number of troops rose to 30,000"),
    or what an estimate puts it at ("groups put the number of students at 1.23 million")."""
    root = ent.root
    doc = ent.doc
    at = _unhedged(doc, ent.start)
    prep = doc[at - 1] if at else None
    if prep is None or prep.lower_ not in ("to", "from", "at"):
        if root.dep_ != "pobj" or root.head.lower_ not in ("to", "from", "at"):
            return None
        prep = root.head
    verb = prep.head
    if prep.lower_ == "at":
        # "at 1.23 million" only after a verb that puts a number at a figure, which the
        # parser may hang on the words between ("the number of students learning at home")
        estimating = next((t for t in list(prep.ancestors)[:6] if t.lemma_.lower() in _ESTIMATING), None)
        if estimating is None:
            return None
        verb = estimating
    # "tripled, from 10 to 39": the parser may hang "to" on a number or on "from"
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # "the total number of birds found this year had doubled to 32": the parser may make
    # the number the subject of the participle after it, a clause hung on the verb
    participles = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < verb.i]
    for holder in [*verb.children, *(c for p in participles for c in p.children if c.dep_ == "nsubj")]:
        if holder.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        noun = None
        if holder.lemma_.lower() in _NUMBER_NOUNS:
            of = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        elif (
            holder.dep_ in ("nsubj", "nsubjpass")
            and holder.tag_ == "NNS"
            and verb.lemma_.lower() in _CHANGE_VERBS
        ):
            # "Bergen County crows rose from 51 to 84", "cases of malaria were reduced from
            # 86,392 to 39,855": the crows, the cases are counted
            noun = holder
        if noun is not None and noun.pos_ == "NOUN" and noun.is_alpha:
            name = str(noun.lemma_).lower()
            name = next((n for n, cue in CATEGORIES if cue.match(name) or cue.match(noun.text)), name)
            # "from nine" is the number before the change, not a rival of "to seven"
            return f"{name} (earlier)" if prep.lower_ == "from" and not _is_range(ent) else name
    return None


_ESTIMATING = frozenset("put estimate place peg set fix".split())
"""Verbs that put a number at a figure ("put the number of students at 1.23 million")."""
_CHANGE_VERBS = frozenset(
    "rise climb jump grow increase swell soar surge fall drop decline shrink double triple quadruple".split()
    + "reduce decrease lower raise boost slash halve".split()
)
"""Verbs by which a count goes from one number to another ("crows rose from 51 to 84")."""


def _listed_after(ent: SpacySpan) -> SpacySpan | None:
    """The first number of the list a figure comes later in ("68" of "floors 68, 69 and 72")."""
    root = ent.root
    if root.dep_ != "conj" or not root.head.like_num:
        return None
    first = root.head
    while first.dep_ == "conj" and first.head.like_num and first.head.i < first.i:
        first = first.head
    if first.i >= ent.start:
        return None
    doc = ent.doc
    return doc[first.i : first.i + 1]


def _listed_with(ent: SpacySpan) -> SpacySpan | None:
    """The first number of a list of names each "with" a number, where the first has its
    noun ("ranked second with 3,046 deaths, followed by Yalova with 2,400, Istanbul with
    984"): the number after "with" and a capitalised name, with no noun of its own."""
    doc, sent = ent.doc, ent.sent
    if len(ent) != 1 or ent.start - 2 < sent.start or doc[ent.start - 1].lower_ != "with":
        return None
    if not doc[ent.start - 2].text[:1].isupper() and doc[ent.start - 2].lower_ not in PLACE_WORDS:
        return None
    if ent.end < sent.end and doc[ent.end].pos_ in ("NOUN", "PROPN", "ADJ"):
        return None
    for token in reversed(doc[sent.start : ent.start - 2]):  # the nearest first
        after = doc[token.i + 1] if token.i + 1 < sent.end else None
        if (
            token.like_num
            and token.i > sent.start
            and doc[token.i - 1].lower_ == "with"
            and after is not None
            and after.pos_ == "NOUN"
        ):
            return doc[token.i : token.i + 1]
    return None


def _listed_in(ent: SpacySpan) -> SpacySpan | None:
    """The first count of the list by place `ent` is an item of (`_place_list`: 4,179 of
    "killed 4,179 in Izmit, 2,400 in Yalova and 984 in Istanbul"), or None."""
    found = _place_list(ent.sent)
    if found is None or ent.start not in found[1]:
        return None
    return _number_span_at(ent.doc, found[0])


_SEPARATORS = frozenset({",", "and", ";", ".", "while", "but", "with"})
"""Words that end a list item's own words ("in Yalova" of "2,400 in Yalova and 984 in ...")."""
_ITEM_BACK = 6
"""How far back from an item's "and" or comma `_place_list` looks for the place before it."""
_PLACE_TAGS = frozenset({"GPE", "LOC", "FAC"})
"""The tagger's labels for a place; one place of a list by place must have one."""
_NO_PLACE_TAGS = frozenset(
    "PERSON NORP DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY WORK_OF_ART LAW LANGUAGE".split()
)
"""The tagger's labels for words that name no place ("12 in Smith's unit", "two in March")."""


def _place_list(sent: SpacySpan) -> tuple[int, dict[int, list[Token]]] | None:
    """A list by place in the sentence: the first token of its first count, and its items
    by the first token of their number, each with its own words ("killed 4,179 in Izmit,
    2,400 in Yalova and 984 in Istanbul": 4,179, and 2,400 and 984 with "in Yalova" and "in
    Istanbul"; "5,400 people were injured in Kenya and 70 in Tanzania": 5,400, and 70).

    An item is a number after a comma or "and" that follows "in" or "at" a place, with "in"
    or "at" a place of its own (`_place_words`): the parser hangs such items anywhere, so
    the words decide. The first count is the number before the first item, where no verb
    but its own stands between them ("killed 30 people and wounded many in Homs and 12 in
    Hama" is no list: the 12 were wounded). None where the sentence has no such list. Read
    once a sentence (`Doc.user_data`)."""
    doc = sent.doc
    key = f"storyline.place_list.{sent.start}"
    if key in doc.user_data:
        cached = doc.user_data[key]
        return None if cached is None else (cached[0], {i: [doc[t] for t in w] for i, w in cached[1].items()})
    spans = [s for s in number_spans(doc) if sent.start <= s.start and s.end <= sent.end]
    placed = {s.start: pair for s in spans if (pair := _placed_item(s))}
    items = {start: words for start, (words, _) in placed.items()}
    # one of its places at least is tagged a place ("in Homs"): not "12 in First Class"
    anchored = any(t.ent_type_ in _PLACE_TAGS for pair in placed.values() for words in pair for t in words)
    listed: tuple[int, dict[int, list[Token]]] | None = None
    if items and anchored:
        first = min(items)
        lead = next((s for s in reversed(spans) if s.end <= first), None)
        if lead is not None:
            own = _clause(lead)[0]
            between = doc[lead.end : first]
            others = [t for t in between if t.pos_ in ("VERB", "AUX") and t.i != own.i]
            if all(t.dep_ in ("aux", "auxpass") and t.head.i == own.i for t in others):
                listed = (lead.start, items)
    doc.user_data[key] = (
        None if listed is None else (listed[0], {i: [t.i for t in w] for i, w in listed[1].items()})
    )
    return listed


def _placed_item(span: SpacySpan) -> tuple[list[Token], list[Token]] | None:
    """The own words of a number that is an item of a list by place (`_place_list`), and
    those of the place before it; None for any other number."""
    doc, sent = span.doc, span.sent
    words = _place_words(doc, span.end, sent.end)
    after = words[-1].i + 1 if words else sent.end
    if not words or (after < sent.end and doc[after].pos_ in ("VERB", "AUX")):
        return None  # "and 12 in Vorland were rescued": a clause of its own, no item
    before = _unhedged(doc, span.start) - 1  # "and more than 70 in Tanzania"
    if before > sent.start and doc[before].lower_ == "and" and doc[before - 1].text == ",":
        before -= 1
    if before <= sent.start or doc[before].lower_ not in (",", "and"):
        return None
    back = doc[max(sent.start, before - _ITEM_BACK) : before]
    at = next((t.i for t in reversed(back) if t.lower_ in ("in", "at")), None)
    if at is None:
        return None
    previous = _place_words(doc, at, before + 1)
    if not previous or any(t.like_num or t.pos_ in ("VERB", "AUX") for t in doc[at + 1 : before]):
        return None
    return words, previous


def _place_words(doc: Doc, at: int, end: int) -> list[Token]:
    """The words of "in" or "at" a place at `at`, up to the next comma, "and", other word
    of `_SEPARATORS` or verb before `end`: none unless one of them is a name that may be a
    place (written with a capital, not tagged a person, a date or a number, not a day's or
    a month's: not "two in March", "12 in Smith's unit"). The tagger takes places for
    bodies often enough ("in Hama") that `_place_list` asks only one place of a list to be
    tagged one."""
    if at >= end or doc[at].lower_ not in ("in", "at"):
        return []
    stop = next(
        (i for i in range(at + 1, end) if doc[i].lower_ in _SEPARATORS or doc[i].pos_ in ("VERB", "AUX")), end
    )
    words = list(doc[at:stop])
    named = any(
        t.text[:1].isupper()
        and t.ent_type_ not in _NO_PLACE_TAGS
        and t.lower_ not in WEEKDAYS
        and t.lower_.rstrip(".") not in MONTH_WORDS
        for t in words[1:]
    )
    return words if named else []


_SIZED = frozenset("crowd force army delegation convoy contingent brigade battalion".split())
"""Nouns for a body of people or things whose size a number gives ("a crowd of 5,000"); a
group within the story ("a family of four") is `_COLLECTIVES`, a part."""


_PUT_AT = frozenset({"put", "estimate", "place", "number"})


def _size_of(ent: SpacySpan) -> str | None:
    """The collective a number is the size of, where no noun follows the number: "a crowd of
    5,000", "a 3,000-strong crowd", "police put the crowd at 10,000"."""
    doc, root = ent.doc, ent.root
    if ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN"):
        return None  # "a convoy of 30 trucks" counts trucks
    holder = None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        holder = root.head.head
    elif ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "strong":
        holder = doc[ent.end + 1].head if doc[ent.end + 1].head.pos_ == "NOUN" else None
    elif root.dep_ == "pobj" and root.head.lower_ == "at" and root.head.head.lemma_.lower() in _PUT_AT:
        # "police put the crowd at 10,000", "the crowd was estimated at 50,000"
        verb = root.head.head
        holder = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if holder is None or holder.lemma_.lower() not in _SIZED:
        return None
    return str(holder.lemma_).lower()


def _part_of_noun(ent: SpacySpan) -> str | None:
    """The noun of "10 of the first 15 races", "three of the rivals": what a part counts."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ != "of" or not ent.start <= doc[ent.end].head.i < ent.end:
        return None
    noun = next((c for c in doc[ent.end].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or not noun.is_alpha or noun.lemma_.lower() in _UNITS:
        return None
    return str(noun.lemma_).lower()


_RATIO_AFTER = frozenset("as more larger bigger higher greater faster fewer less smaller lower".split())


def _n_time(ent: SpacySpan) -> str | None:
    """The noun of "the 23-time major winner", "a seven-time champion": who did it N times."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "-" or doc[ent.end + 1].lower_ != "time":
        return None
    noun = doc[ent.end + 1].head
    return str(noun.lemma_).lower() if noun.pos_ == "NOUN" and noun.i > ent.end + 1 else None


def _times(ent: SpacySpan) -> str | None:
    """What "N times" counts: "times" (how often: "played 50,000 times"), or "ratio" ("five
    times as many", "three times more"); None when no "times" follows the figure."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ("times", "time") or ent.text.lower() == "one":
        return None
    after = doc[ent.end + 1].lower_ if ent.end + 1 < len(doc) else ""
    return "ratio" if after in _RATIO_AFTER or after.endswith("er") else "times"


def _money_for(ent: SpacySpan) -> str:
    """What a sum is: the noun it qualifies ("$100,000 bond", "a fine of $10,000"), else
    the verb it is counted by ("awarded $57 million"), as its kind of sum (`_SUMS`)."""
    root = ent.root
    head = root.head
    if (
        head.i != root.i
        and head.pos_ == "NOUN"
        and root.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod")
    ):
        word = str(head.lemma_).lower()
    elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        word = str(head.head.lemma_).lower()
    else:
        word = _money_verb(ent)
    if any(_FUNDRAISING.match(t.lemma_) or _FUNDRAISING.match(t.text) for t in ent.sent):
        return _RAISED.get(word, _SUMS.get(word, word))
    return _SUMS.get(word, word)


def _money_verb(ent: SpacySpan) -> str:
    """The verb a sum is counted by, with its particle ("brought in")."""
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return ""
    lemma = str(verb.lemma_).lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    phrase = f"{lemma} {particle}" if particle else lemma
    return phrase if phrase in _SUMS or phrase in _RAISED else "" if lemma in _LIGHT_VERBS else lemma


# Kinds of sum: words that name one sum in different ways ("awarded $12 million" and "a
# $15 million verdict"; "the goal" and "the target"). A word not listed is its own kind.
_SUMS = {
    word.replace("_", " "): kind
    for kind, words in (
        ("raised", "raise collect garner amass fundraising fundraiser"),
        ("earned", "earn gross bring_in take_in rake_in pull_in haul_in"),
        ("awarded", "award verdict judgment judgement"),
        ("sought", "seek demand"),
        ("fined", "fine penalty"),
        ("goal", "goal target"),
    )
    for word in words.split()
}
_RAISED = {
    word.replace("_", " "): "raised"
    for word in "bring_in take_in rake_in pull_in haul_in total tally".split()
}
"""In a sentence about fundraising, money brought in or totalled is money raised ("the
campaign has brought in $1.5 million", "she raised $1.2 million"). A donation, a pledge
or a sum received is not: it is one gift, or money paid out of the fund. Nor is a sum a
verb says was reached ("topped $80,000", "the total hit..."): such a verb makes the sum
a floor (`_QUALIFIERS`), and the noun that reached it is too often another sum (a cost,
a fine, a price) to name a kind."""
_FUNDRAISING = re.compile(
    r"^(campaigns?|fundrais\w*|donat\w*|donors?|crowdfund\w*|gofundme|kickstarter|indiegogo|backers?|"
    r"pledge[sd]?|raise[sd]?|raising|charit\w+|appeals?)$",
    re.IGNORECASE,
)


def _predicate(ent: SpacySpan) -> str:
    """The verb a figure is counted by: "400 workers" in "employed 400 workers" is
    counted by "employ", in "1,000 workers had asked" by "ask"; "" for a verb that
    says nothing of it (`_LIGHT_VERBS`)."""
    for token in ent.root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.lower_ == "of" and token.head.like_num:
            # "won 10 of the 15 races": 15 is the whole the part is taken from; the
            # verb counts the part, not it
            return _WHOLE
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    lemma = str(verb.lemma_).lower() if verb is not None else ""
    return "" if lemma in _LIGHT_VERBS else lemma


_WHOLE = "the whole of a part"
_LIGHT_VERBS = frozenset("be have include involve say tell report see".split())
"""Verbs that say nothing of what is counted ("64 swimmers were in the water", "the
rescue involved 62 swimmers"): figures under them share one predicate."""


def _measured_thing(unit: Token) -> str | None:
    """The noun a measure describes, from the unit's place in the parse."""

    def noun(token: Token) -> str | None:
        if token.pos_ not in ("NOUN", "PROPN") or not token.text.isalpha() or token.i == unit.i:
            return None
        name = str(token.lemma_).lower()
        if read_unit(" " + token.text) is not None or name in _UNITS:
            return None
        # A capitalised plural the tagger takes for a name ("Lows of 15C") keeps its "s".
        return name[:-1] if token.pos_ == "PROPN" and name.endswith("s") and not name.endswith("ss") else name

    head = unit.head
    # "a 3-mile-long tunnel"; "the tunnel is 6.2 miles long"
    if head.lower_ in _SIZE_WORDS and head.i != unit.i:
        if head.dep_ == "amod":
            return noun(head.head)
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return noun(subject) if subject is not None else None
    # "a 10-km tunnel", "120 mph winds"
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.i != unit.i and noun(head):
        return noun(head)
    # "100 kg of cocaine", "within 10 km of the plant"
    for prep in unit.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and noun(obj):
                return noun(obj)
    # "winds of 120 mph", "a distance of 10 km"
    if unit.dep_ == "pobj" and head.lower_ == "of" and noun(head.head):
        return noun(head.head)
    # "Temperatures reached 30C", "the fire has burned 500 acres"
    for verb in [unit, *unit.ancestors][:4]:
        if verb.pos_ in ("VERB", "AUX"):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return noun(subject) if subject is not None else None
    return None


_SCALE_WORDS = frozenset("thousand million billion trillion lakh lakhs crore crores".split())
"""Scale words that close what is pending ("two thousand", "five lakh"), unlike "dozen" and
"hundred", which multiply it, and abbreviations ("bn"), which follow digits."""
_HALF_SCALE = re.compile(
    r"\s*(?:a\s+)?half(?:-|\s+a\s+|\s+)(dozen|thousand|million|billion|trillion)\s*", re.IGNORECASE
)
"""Half a dozen or half a scale word ("a half-dozen", "half a million"): half its value."""


_VULGAR_VALUES = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_VULGAR_NUMBER = re.compile(rf"(?<![\d.,])(\d*)\s?([{_VULGAR}])")
_SCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉⁄", "01234567890123456789/")
_SCRIPT_FRACTION = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+[/⁄][₀₁₂₃₄₅₆₇₈₉]+|\d⁄\d")
"""A fraction set in superscript and subscript digits ("¹/₂") or with the fraction slash
("3⁄4"), read as "1/2" and "3/4"; a square or cube ("km²", "10²") is no fraction and is
left as it is."""
_MIXED = re.compile(r"(?<![\d.,/])(?:(\d+)[\s-])?([1-7])/([2348])(?![\d/])")
"""A whole number and a proper fraction ("2 1/2", "2-1/2") or a fraction alone ("1/2",
"3/4"); not "24/7", "9/11" or "50/50", which are no fractions."""


def _as_decimal(match: re.Match[str]) -> str:
    whole = float(match.group(1)) if match.group(1) else 0.0
    if len(match.groups()) == 2:
        part = _VULGAR_VALUES[match.group(2)]
    else:
        numerator, denominator = int(match.group(2)), int(match.group(3))
        if numerator >= denominator:
            return match.group(0)
        part = numerator / denominator
    return f"{whole + part:g}"


def parse_number(text: str) -> float | None:
    """Read "1,500", "seven", "EUR 180m", "1.2 million", "twenty-three", "one hundred and
    three", "two thousand five hundred" as a number.

    Number words add up as they are said: a word under a hundred adds, "hundred" (and
    "dozen") multiplies what is pending, and a scale word ("thousand", "million") closes
    what is pending into the total. A scale word after digits multiplies them ("1.2
    million")."""
    text = text.replace("-and-a-half", " and a half")  # "two-and-a-half"
    text = _SCRIPT_FRACTION.sub(lambda m: m.group(0).translate(_SCRIPT_DIGITS), text)  # "2 ¹/₂"
    text = _MIXED.sub(_as_decimal, _VULGAR_NUMBER.sub(_as_decimal, text))  # "2 1/2", "2½", "1/2"
    if half := _HALF_SCALE.fullmatch(text):
        return _SCALES[half.group(1).lower()] / 2  # "half a dozen": six; "half a million"
    words = [w.lower() for w in _NUMBER.findall(text.replace("€", " ").replace("$", " ").replace("£", " "))]
    if words[-3:] == ["and", "a", "half"]:
        whole = parse_number(" ".join(words[:-3]))
        return None if whole is None else whole + 0.5  # "five and a half"
    value: float | None = None  # a figure in digits, times any scale after it
    total = pending = 0.0  # a figure in words: closed thousands, millions ...; what is pending
    spoken = False
    for word in words:
        if re.fullmatch(r"\d+(?:,\d{3})+", word):
            value = float(word.replace(",", ""))
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            value = float(word)
        elif re.fullmatch(r"\d+,\d{1,2}", word):  # decimal comma
            value = float(word.replace(",", "."))
        elif word in _SCALES and value is not None and not spoken:
            value *= _SCALES[word]
        elif word == "hundred" and value is not None and not spoken:
            value *= 100  # "2 hundred"
        elif word in _SCALE_WORDS:
            total += (pending or 1.0) * _SCALES[word]  # "a thousand", "two thousand"
            pending, spoken = 0.0, True
        elif "-" in word and all(p in _WORD_NUMBERS for p in word.split("-")):
            pending += sum(_WORD_NUMBERS[p] for p in word.split("-"))
            spoken = True
        elif word in ("hundred", "dozen"):
            pending = (pending or 1.0) * _WORD_NUMBERS[word]
            spoken = True
        elif word in _WORD_NUMBERS:
            pending += _WORD_NUMBERS[word]
            spoken = True
        elif (match := re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)", word)) is not None:
            value = float(match.group(1)) * _SCALES[match.group(2)]
        elif word not in ("and", "a"):  # "one or two", "one in three": the last number is read
            total, pending = 0.0, 0.0
    if spoken and value is None:
        return total + pending
    # "4.1 million" is 4099999.9999999995 in floats: twelve figures say what was written
    return None if value is None else float(f"{value:.12g}")


def _is_age_or_time(ent: SpacySpan) -> bool:
    doc = ent.doc
    after = doc[ent.end : ent.end + 2].text
    before = doc[max(ent.start - 1, 0) : ent.start].text
    if _AGE.search(after.replace(" ", "")) or _AGE.search(before) or re.search(r"\d:\d", ent.text):
        return True
    if _in_age_range(doc, ent.start):
        return True
    # "4.5 deaths per 100,000 children": the base of a rate, never a count
    if before.lower() == "per":
        return True
    # "died on 31 may", "by 5 March": a day of a month the tagger missed
    if (
        ent.end < len(doc)
        and doc[ent.end].lower_ in MONTH_WORDS
        and (doc[ent.end].lower_ != "may" or before.lower() in ("on", "since", "until", "by", "from"))
    ):
        return True
    set_off = (
        before == ","
        and ent.start >= 2
        and ent.text.isdigit()
        and int(ent.text) < 120
        and (ent.end == len(doc) or doc[ent.end].text in (",", ".", ")", ";"))
    )
    # "Adam Hardman, 7, were killed": a person's age after their name, as `_age_figures`
    # reads it, never a count
    if set_off and (doc[ent.start - 2].ent_type_ == "PERSON" or doc[ent.start - 2].pos_ == "PROPN"):
        return True
    # "police arrested a man, 30, on Monday": the age of one person a noun names, never
    # a count of the arrested
    person = doc[ent.start - 2] if ent.start >= 2 else None
    if (
        set_off
        and ent.start >= 3
        and person is not None
        and person.tag_ == "NN"
        and person.lemma_.lower() in _PERSON_NOUNS
        and any(c.lower_ in ("a", "an", "the", "one", "another") for c in person.children)
    ):
        return True
    # "Wiola Smul (23) was killed": the same age in brackets, after a name tagged a person;
    # not a place's or a party's count ("Orsk (12), Varno (7)", "Republicans (53)")
    if (
        before == "("
        and ent.start >= 2
        and doc[ent.start - 2].ent_type_ == "PERSON"
        and ent.text.isdigit()
        and int(ent.text) < 120
        and ent.end < len(doc)
        and doc[ent.end].text == ")"
    ):
        return True
    # "two men, 18 and 21, are in custody", "three women, 34, 41 and 52, were killed": a
    # list of ages after those they are of
    if _in_age_list(doc, ent.start, ent.end):
        return True
    if _shared_age(doc, ent.start, ent.end):
        return True
    timed = _in_running_time(doc, ent)
    if timed is not None:
        return timed
    # "his wife had died at 37", "died Sunday at 36": the age one died at, not a toll
    if before.lower() == "at" and _died_before(doc, ent.start - 1):
        return doc[ent.end].lower_ not in _CLOCK if ent.end < len(doc) else True
    return bool(re.fullmatch(r"(1[89]|20)\d\d", ent.text.strip()))


def _in_running_time(doc: Doc, ent: SpacySpan) -> bool | None:
    """Whether a number beside a colon is a part of a video's running time, as an archive's
    tokenizer split "3:03" (None where no colon case applies, for the checks after it)."""
    colon_after = ent.end + 1 < len(doc) and doc[ent.end].text == ":"
    # "Facebook Twitter Google Plus Embed 2: 38": a page's video bar gives the running time
    # right after "Embed", both parts
    if colon_after and ent.start > 0 and doc[ent.start - 1].lower_ == "embed":
        return True
    if ent.start > 2 and doc[ent.start - 1].text == ":" and doc[ent.start - 3].lower_ == "embed":
        return True
    # "3: 03": minutes and seconds with a leading zero, both parts (but "Update 2: 15
    # people", "05 persons")
    if colon_after and re.fullmatch(r"0\d", doc[ent.end + 1].text):
        return True
    # minutes with a leading zero before seconds ("01: 28"), either part ("01: 28 just
    # watched"; not the 15 of "UPDATE 02: 15 people were killed", where a noun follows; a
    # number with a leading zero before a colon is never a count)
    if colon_after and re.fullmatch(r"0\d", ent.text):
        return True
    if ent.start < 2 or doc[ent.start - 1].text != ":":
        return None
    minutes = doc[ent.start - 2].text
    if re.fullmatch(r"0\d", minutes):
        return _running_seconds(doc, ent.start)
    # any two digits after "0:" are seconds ("0: 26 police officers fired", the text
    # running on after a video's time); not after "UPDATE 2:", whose count may be told
    # by any word ("UPDATE 2: 15 killed")
    if minutes.isdigit():
        return bool(re.fullmatch(r"0\d", ent.text)) or (
            minutes == "0" and bool(re.fullmatch(r"[0-5]\d", ent.text))
        )
    return None


def _running_seconds(doc: Doc, i: int) -> bool:
    """Whether token `i` is the seconds of a running time: two digits under 60 that count
    nothing after them."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    counts = after is not None and (after.pos_ in ("NOUN", "PROPN") or after.like_num)
    return bool(re.fullmatch(r"[0-5]\d", doc[i].text)) and not counts


def _in_age_range(doc: Doc, start: int) -> bool:
    """Whether the number at token `start` is an end of a range of ages: "girls aged between
    15 and 19", "victims ranging in age from 17 to 59", "girls between the ages of six and
    12", the second end read apart as well."""
    lead = start - 1
    if lead >= 2 and doc[lead].lower_ in ("and", "to"):
        lead -= 2  # the second end: past the first and its joiner
    return (
        lead >= 1
        and doc[lead].lower_ in ("between", "from", "of")
        and doc[lead - 1].lower_ in ("aged", "ages", "age")
    )


def _in_age_list(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens `start:end` are one number of a list of two or more ages set off by
    commas right after a noun ("two men, 18 and 21, are", "three women, 34, 41 and 52,
    were"): whole numbers under 120, joined by commas and "and"."""

    def age(i: int) -> bool:
        return doc[i].text.isdigit() and int(doc[i].text) < 120

    if end - start != 1 or not age(start):
        return False
    first = start
    while first >= 2 and doc[first - 1].lower_ in (",", "and") and age(first - 2):
        first -= 2
    last = start
    while last + 2 < len(doc) and doc[last + 1].lower_ in (",", "and") and age(last + 2):
        last += 2
    numbers = (last - first) // 2 + 1
    opened = first >= 2 and doc[first - 1].text == "," and doc[first - 2].pos_ in ("NOUN", "PROPN")
    closed = last + 1 < len(doc) and doc[last + 1].text == ","
    joined = last >= 2 and doc[last - 1].lower_ == "and"
    return numbers >= 2 and opened and closed and joined


_SET_OFF = frozenset({",", "-", "--", "—", "–", "("})


def _shared_age(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens `start:end` are the one age of two or more people, set off after them
    by commas or dashes: "Ana Hale and Teo Dunn, both 17, were killed", "-- both 17 --",
    ", who were both 17,", "four students from the Orsk academy, all 19," ("all" only after
    a count in its sentence that is not the number itself, nor adds up to it: "the miners,
    all 33," and "killed 9 miners and 3 rescuers, all 12," count them)."""
    if end - start != 1 or start < 3 or not doc[start].text.isdigit() or int(doc[start].text) >= 120:
        return False
    lead = doc[start - 1].lower_
    if lead not in ("both", "all") or end >= len(doc) or doc[end].text not in (*_SET_OFF, ".", ";", ")"):
        return False
    k = start - 2
    if k >= 2 and doc[k].lower_ in ("were", "are") and doc[k - 1].lower_ == "who":
        k -= 2  # ", who were both 17,"
    if doc[k].text not in _SET_OFF:
        return False
    if lead == "both":
        return True
    counts = [
        value
        for t in doc[doc[start].sent.start : k]
        if t.like_num
        and t.ent_type_ not in ("DATE", "TIME")
        and (value := parse_number(t.text)) is not None
        and 1 <= value < 10_000
    ]
    age = float(doc[start].text)
    return bool(counts) and age not in counts and sum(counts) != age


def _died_before(doc: Doc, at: int) -> bool:
    """Whether a form of "die" comes right before token `at`, past words of when ("died at",
    "died Sunday at", "died early on Monday at")."""
    k = at - 1
    while k >= 0 and at - k <= 4 and (doc[k].lower_ in _WHEN_WORDS or doc[k].ent_type_ == "DATE"):
        k -= 1
    return k >= 0 and at - k <= 4 and doc[k].lemma_.lower() == "die"


_WHEN_WORDS = frozenset("on in early late last this yesterday today overnight".split())


_ATTACKERS = re.compile(
    r"(?P<lead>[^.;:!?]{0,70}?)\b(?:including|counting)\s+(?:(?P<det>the|both|all)\s+)?(?:(?P<num>\w+)\s+)?"
    r"(?:[a-z-]+\s+){0,2}(?P<noun>gunm[ae]n|shooters?|attackers?|assailants?|bombers?|hijackers?|perpetrators?)\b"
    r"(?!['’]s)",
    re.IGNORECASE,
)
"""A toll that says it counts its attackers ("killed 13, including the gunman", "15 people
died, including the two student gunmen")."""


def _other_count(lead: str) -> bool:
    """Whether the words between a toll and what follows it tell another count ("killing five
    and wounding four others and himself": the "himself" is the wounded's)."""
    words = re.findall(r"[a-z]+", lead.lower())
    return bool(re.search(r"\d", lead)) or any(w in _WORD_NUMBERS or w.startswith(_HURT) for w in words)


_HURT = ("wound", "injur", "hurt", "maim")


_OWN_HAND = re.compile(
    r"(?P<lead>[^.;:!?]{0,40}?)\b(?:and|then|before|after)\s+(?:then\s+|later\s+)?(?:"
    r"(?:him|her)self\b(?!\s+(?:was|were|is|wounded|injured|hurt|survived))|(?:killing|killed)\s+(?:him|her)self\b|"
    r"(?:taking|took)\s+(?:his|her)\s+(?:own\s+)?life\b|(?:committing|committed)\s+suicide\b)",
    re.IGNORECASE,
)
"""A toll its killer is said to have died beside, by his own hand, and not counted in
("killing five people and himself", "killed two before taking his own life")."""


def _attackers_included(ent: SpacySpan) -> int:
    """How many attackers a toll of the dead says it counts, in the words after the figure
    in its sentence (`_ATTACKERS`): one for "the gunman", two for "both gunmen", the number
    written for "the two gunmen"; 0 where it says none ("not including the gunman"), not
    how many ("including the gunmen"), or the words follow another number ("12 killed and
    3 hurt, including the gunman"). -1 where it says the killer died beside the toll by his
    own hand (`_OWN_HAND`: "killing five people and himself"), so one more died. Two reports
    whose tolls differ by just those attackers agree (`_attackers_explain`)."""
    match = _ATTACKERS.match(ent.doc.text, ent.end_char, ent.sent.end_char)
    if match is None:
        # "killing five people and himself": the killer is one more dead, not counted; not a
        # toll that counts him ("six, including the gunman, who then killed himself")
        own = _OWN_HAND.match(ent.doc.text, ent.end_char, ent.sent.end_char)
        return -1 if own is not None and not _other_count(own["lead"]) else 0
    if re.search(r"\d|\b(?:not|excluding)\s*$", match["lead"]):
        return 0
    if any(w in _WORD_NUMBERS for w in re.findall(r"[a-z]+", match["lead"].lower())):
        return 0  # "killed 13 and police detained two men, including the gunman": the men's
    if (match["det"] or "").lower() == "both":
        return 2
    number = parse_number(match["num"]) if match["num"] else None
    if number is not None:
        return int(number) if number == int(number) and 1 <= number <= 20 else 0
    return 0 if match["noun"].lower().endswith(("s", "men")) else 1


_BOTH_FATES = (
    r"(?:(?:killed|dead)\s+(?:or|and)\s+(?:injured|wounded|hurt)"
    r"|(?:injured|wounded|hurt)\s+(?:or|and)\s+(?:killed|dead))"
)
"""The dead and hurt told together ("killed or injured", "wounded and killed")."""
_DEAD_OR_HURT = re.compile(rf"^\W*(?:people\s+|persons\s+)?{_BOTH_FATES}\b", re.I)
"""Dead and hurt counted together, right after the count ("over 100 people dead or injured",
"200 killed or wounded"); not "12 killed and 40 injured", two counts."""


def _dead_or_hurt(ent: SpacySpan) -> bool:
    """Whether the dead and hurt are counted together right after a count (`_DEAD_OR_HURT`),
    where the second word has no count or object of its own ("left 300 people dead and
    injured thousands" is two counts)."""
    doc = ent.doc
    if _KILLED_OR_HURT.search(doc[max(ent.start - 3, 0) : ent.start].text):
        return True  # "the blast killed or injured 40 people"
    window = doc[ent.end : min(ent.end + 6, len(doc))]
    if not _DEAD_OR_HURT.search(window.text):
        return False
    second = next(
        (t for t in window if t.i > ent.end and t.head.i < t.i and t.dep_ == "conj" and t.head.i >= ent.end),
        None,
    )
    if second is None:
        return True
    after = doc[second.i + 1] if second.i + 1 < len(doc) else None
    owned = any(c.dep_ in ("dobj", "obj") for c in second.children)
    return not owned and not (after is not None and (after.like_num or after.lower_ in _QUANTITY_WORDS))


_KILLED_OR_HURT = re.compile(rf"\b{_BOTH_FATES}\s*$", re.I)
"""Two verbs of one count right before it ("killed or injured 40", "wounded or killed 12")."""
_QUANTITY_WORDS = frozenset(
    "thousands hundreds dozens scores many several some more at about nearly over".split()
)
_GRAVELY = frozenset("seriously critically severely gravely badly".split())


def _graver(ent: SpacySpan) -> bool:
    """Whether a count is of those hurt worst, told by an adverb right after it that ends
    its phrase and a word of injury before it in its sentence ("injuring 30, five
    seriously."; "scores have been injured - 50 seriously -")."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in _GRAVELY:
        return False
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if after is not None and not after.is_punct:
        return False  # "50 seriously injured" says so itself; "12 badly burned victims" are dead
    return any(t.lower_.startswith(_HURT) for t in doc[ent.sent.start : ent.start])


_DEAD_OR_MISSING = re.compile(r"\b(dead|killed|deaths?)\s+(or|and)\s+missing\b|\bmissing\s+or\s+dead\b", re.I)
_PART_AFTER = frozenset("of among".split())
_COLLECTIVES = frozenset("family group crew team party gang band couple household class squad unit".split())
"""Nouns whose size a figure can give ("a family of four"): a group within the story."""
_ON_PLACES = frozenset("board ground plane airplane aircraft flight train bus ship boat vessel".split())
_PART_BEFORE = frozenset("including include includes included among".split())
_ADDED_BEFORE = frozenset("another additional further".split())
_ADDED_AFTER = frozenset("more additional".split())
_PICKED_BEFORE = frozenset("first last initial remaining other final".split())
_RUNNING = frozenset("rise climb stand reach hit increase jump grow mount top".split())
_TOTALS = frozenset("toll total tally since far overall cumulative".split())
_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight overnight".split()
)


def _in_tally(ent: SpacySpan) -> bool:
    """One side of a tally: "a 219-197 vote", "a 219-to-197 vote", "the vote was 219 to 197"."""
    value = parse_number(ent.text)
    doc = ent.doc
    # the text around the figure from its tokens (doc.text joins the whole document)
    following = ent[-1].whitespace_ + "".join(t.text_with_ws for t in doc[ent.end : ent.end + 8])
    after = _TALLY_AFTER.match(following)
    if value is not None and after:
        other = parse_number(after.group(1))
        return other is not None and other < value
    preceding = "".join(t.text_with_ws for t in doc[max(ent.start - 8, 0) : ent.start])
    before = _TALLY_BEFORE.search(preceding[-20:])
    if value is not None and before:
        other = parse_number(before.group(1))
        return other is not None and other > value
    return False


_TALLY_AFTER = re.compile(r"\s*(?:-|–|to|-to-)\s*(\d[\d,]*)\b")
_TALLY_BEFORE = re.compile(r"\b(\d[\d,]*)\s*(?:-|–|to|-to-)\s*$")


def _after_someone(doc: Doc, i: int) -> bool:
    """Whether the words before token `i` ("and", "with") end a person's name or a noun for a
    person ("Lind and", "the son and", "a guard and", "found dead with" after a named
    subject), not a thing ("the crash and 11 others") or a number."""
    if i == 0:
        return False
    if _someone(doc[i - 1]):
        return True
    if doc[i].lower_ != "with":
        return False
    # "Lind was found dead with two others", "police found Lind dead with two others": the
    # one named is the clause's subject or object
    verb = doc[i].head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and verb.head.i != verb.i:
        verb = verb.head  # "dead with": up to "found"
    return any(_someone(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))


def _someone(word: Token) -> bool:
    """Whether a word names a person or is a noun for one: a name the tagger may take for a
    body's ("Marta Lind" as an organisation), not a place's or a date's."""
    if word.pos_ == "PROPN":
        return word.ent_type_ not in _PLACE_LABELS and word.ent_type_ not in ("DATE", "TIME", "EVENT")
    return word.ent_type_ == "PERSON" or (word.pos_ == "NOUN" and word.lemma_.lower() in _DESCRIBED_PEOPLE)


def _is_part_of(ent: SpacySpan) -> bool:
    """ "three of the dead", "two of them", "including 8 children", "a family of four":
    a part of a figure."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in _PART_AFTER:
        return True
    if _in_tally(ent):
        return True
    root = ent.root
    # "109 people aboard", "four on the ground": the people of one place in the event; but
    # "the 118 sailors on board" are the whole crew
    counted = _counted_noun(ent)
    holder = root.head if counted is not None else root
    for child in [*root.children, *holder.children] if counted != "crew" else ():
        if child.lower_ in ("aboard", "onboard") or (
            child.dep_ == "prep"
            and child.lower_ == "on"
            and any(g.lemma_.lower() in _ON_PLACES for g in child.children if g.dep_ == "pobj")
        ):
            return True
    # "a family of four", "a crew of five": the size of a group, not a total
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _COLLECTIVES:
        return True
    if any(t.lower_ in _PART_BEFORE for t in doc[max(ent.start - 2, ent.sent.start) : ent.start]):
        return True
    # "the first two debates", "the initial 2,600 officers", "the other three": some of a
    # set picked out by their place in it
    if ent.start > ent.sent.start and doc[ent.start - 1].lower_ in _PICKED_BEFORE:
        return True
    # "another 187 were detained", "20 more members", "a further 12": what was added to a
    # total is a part of it, no rival count
    if ent.start > ent.sent.start and doc[ent.start - 1].lower_ in _ADDED_BEFORE:
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in _ADDED_AFTER:
        return True
    # "found dead with two others", "the activist's son and 11 others": those besides someone
    # named, a part of the group, which is one more
    if ent.end < len(doc) and doc[ent.end].lower_ == "others" and ent.start > ent.sent.start:
        joiner = doc[ent.start - 1].lower_
        after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        # not "killed in the crash, with 20 others injured": others, told apart by what befell them
        told_apart = after is not None and (after.tag_ in ("VBN", "JJ") or after.pos_ == "AUX")
        if joiner in ("with", "plus", "and") and not told_apart and _after_someone(doc, ent.start - 1):
            return True
    # "Of the dead, 13 were militants"; "..., of whom 8 were children"
    before = doc[ent.sent.start : ent.start]
    return any(
        t.lower_ in _PART_AFTER
        and (t.i == ent.sent.start or doc[t.i + 1].lower_ in ("whom", "them", "those"))
        for t in before
    )


def _clause(ent: SpacySpan) -> tuple[Token, list[Token]]:
    """The verb a figure hangs from (else its sentence's root) and that verb's words."""
    sent = ent.sent
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), sent.root)
    return verb, [t for t in verb.subtree if sent.start <= t.i < sent.end]


def _fronted(verb: Token, ent: SpacySpan) -> list[Token]:
    """The words before the verb a figure's verb is joined to by "and", which hold for both
    ("On Monday, in Izmit, 3,261 were killed and 11,759 injured": Monday and Izmit); none
    for a verb that is no such conjunct, or one with a subject other than the figure's own
    ("In Orsk, 30 were killed, and the national toll rose to 150": the toll is no Orsk's)."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ not in ("VERB", "AUX"):
        return []
    own = {ent.root.i, ent.root.head.i}
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in own for c in verb.children):
        return []
    sent = verb.sent
    return [
        t
        for c in head.children
        if c.i < head.i and c.dep_ in ("prep", "npadvmod", "advmod")
        for t in c.subtree
        if sent.start <= t.i < sent.end
    ]


def _antecedent_words(verb: Token, clause: list[Token]) -> list[Token]:
    """The words of the noun a relative clause describes ("the bombing of the embassy in
    Dar es Salaam, which killed 11 people"): where that clause's count holds. None for
    a verb that heads no relative clause."""
    if verb.dep_ != "relcl":
        return []
    inside = {t.i for t in clause}
    sent = verb.sent
    return [t for t in verb.head.subtree if t.i not in inside and sent.start <= t.i < sent.end]


def _told_clause(ent: SpacySpan) -> tuple[Token, list[Token]] | None:
    """The clause that tells what befell the people a figure counts, when it hangs from
    their noun ("paid tribute in Paris to the 113 people killed when their jet crashed":
    "killed when their jet crashed", not "paid tribute in Paris"): the day, period and
    place of the count are that clause's. None when no such clause hangs from the noun."""
    root = ent.root
    holder = root.head if root.dep_ in ("nummod", "quantmod") else root
    sent = ent.sent
    for child in holder.children:
        told = child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.i > holder.i
        if told and any(cue.match(child.text) or cue.match(child.lemma_) for _, cue in _HARM_CUES):
            return child, [t for t in child.subtree if sent.start <= t.i < sent.end]
    return None


_HARM_CUES = tuple(
    (name, cue)
    for name, cue in CATEGORIES
    if name in ("deaths", "injured", "missing", "ill", "infected", "evacuated", "arrested")
)
"""What befalls people in a story's toll: killed, hurt, missing, sick, evacuated, arrested
(by name: the sick came in before "evacuated", and a slice of the first five had dropped
"arrested")."""


def _running(verb: Token, clause: list[Token]) -> bool:
    """Whether a figure is a running total ("the toll rose to 40", "killed since March")."""
    return verb.lemma_.lower() in _RUNNING or any(t.lemma_.lower() in _TOTALS for t in clause)


def _present_perfect(verb: Token) -> bool:
    """Whether a verb is in the present perfect ("have been killed", "has died")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children
    )


def _scope(
    ent: SpacySpan, para: Paragraph, entities: EntityIndex, date: dt.date | None, common: frozenset[str]
) -> str:
    """Where a count holds, from its clause: a part, a day, an earlier year, a place.

    Figures of different scope measure different quantities: a toll for Monday and
    the toll since March, the toll in Homs and the national one, this quake's dead
    and the 2009 quake's.
    """
    if _is_part_of(ent):
        return "part"
    sent = ent.sent
    verb, clause = _told_clause(ent) or _clause(ent)
    parts = []
    # "In Izmit, 3,261 were killed and 11,759 injured": a place or day before the first
    # verb holds for the verbs joined to it (read only for days and places)
    shared = _fronted(verb, ent)
    verbs = {verb.i} | ({verb.head.i} if shared else set())
    # "with 34 reported killed Monday" (a clause opened by "with"): the day may hang from
    # what the verb says befell them
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children):
        verbs |= {c.i for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"}
    # "The toll rose to six on Sunday" is the running toll as of Sunday, not Sunday's dead.
    for token in [] if _running(verb, clause) else [*clause, *shared]:
        # "53 were killed on Monday": the day hangs from the figure's own verb.
        on_verb = token.head.i in verbs or (token.head.lower_ == "on" and token.head.head.i in verbs)
        if token.lower_ in _DAYS and on_verb:
            parts.append(f"on {token.text}")
            break
    period = _period(ent, verb, clause)
    if period:
        parts.append(period)
    year = _earlier_year(sent, date, ent)
    if year is None:
        year = _years_ago(verb, date)  # "a decade ago, when 42,708 people died"
    if year is None:
        year = _anniversary_of(verb, date)  # "the fifth anniversary of attacks that killed 77"
    # "That earthquake killed more than 300 people": the event the sentence before named
    if year is None and _points_back(clause) and sent.start > 0:
        year = _earlier_year(ent.doc[sent.start - 1].sent, date)
    if year is not None:
        parts.append(year)
    # "Each year, floods kill 100-140 Americans": a rate, not this story's count
    rate = _rate(clause, ent)
    if rate:
        parts.append(rate)
    if _averaged(ent, verb):
        parts.append("average")
    # "as many as 40,000 could have died": a projection, not a count
    # and "estimated to rise to $2.95 by Memorial Day", "forecast to climb to 40": a forecast
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) or (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _FORECASTS
        and verb.lemma_.lower() in (_RUNNING | _FALLING) - {"stand"}
        and not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    ):
        parts.append("projected")
    # "agreed to take in 1,000 refugees under a quota": a target, not a count
    elif _is_target(ent.root):
        parts.append("target")
    # "48% in a Gallup poll", "a CNN poll put it at 52%": each poll its own quantity
    poll = _poll(clause)
    if poll:
        parts.append(poll)
    site = _site_of_bodies(ent)
    if site:
        parts.append(site)
    said, firm = _place_said_of(ent, verb, para, entities)
    if firm:  # an item of a list by "with", or what a sender gives
        parts.append(said)
        return ", ".join(parts)
    placed = False
    # a town or country before a building ("at the U.S. Embassy in Tanzania": Tanzania)
    words = [*clause, *_antecedent_words(verb, clause), *shared]
    listed = _place_list(sent)
    item = listed is not None and ent.start in listed[1]
    if listed is not None and item:
        # "... killed in Homs and 12 in Hama", "4,179 in Izmit, 2,400 in Yalova": the place
        # of 12 and of 2,400 is their own, not the verb's
        words = listed[1][ent.start]
    elif listed is not None:
        # and no other figure's place is one of theirs
        theirs = {t.i for own in listed[1].values() for t in own}
        words = [t for t in words if t.i not in theirs]
    # nor a count the parser joins to the figure's verb, with its verb left out ("30 sailors
    # died on the Kursk and 12 on the Arctic Star"): its place is its own
    gapped = {
        t.i for c in verb.children if c.dep_ == "conj" and _a_count(c) and c.i >= ent.end for t in c.subtree
    }
    words = [t for t in words if t.i not in gapped]
    # a place said to be one part ("in Kessland province alone") first, a building last
    for token in sorted(
        words, key=lambda t: (not (t.ent_type_ in ("GPE", "LOC") and _alone(t, ent)), t.ent_type_ == "FAC")
    ):
        if (
            token.ent_type_ in ("GPE", "LOC", "FAC")
            and token.i not in range(ent.start, ent.end)
            and not _names_a_currency(token)
            and not _names_a_disease(token)
            # a name as written, or one the cluster knows: not a tag on lower-cased text
            # ("in tel aviv" as the place "tel")
            and (token.text[:1].isupper() or _entity_of(para, token, entities) is not None)
        ):
            is_in = token.head.lower_ in ("in", "across", "at") or token.dep_ in ("compound", "amod", "poss")
            # "Istanbul 984 dead, 2,924 injured": a place that heads a line of a table
            is_in = is_in or token.i == ent.start - 1
            if is_in:
                placed = True
                place = _place_name(para, token, entities)
                # "in Kenya and Tanzania": both places together are the scope
                others = [
                    _place_name(para, c, entities) for c in token.conjuncts if c.ent_type_ in ("GPE", "LOC")
                ]
                if others:
                    parts.append("in " + " and ".join(sorted({place, *others})))
                elif place not in common or _contrasted(token, ent) or _alone(token, ent):
                    # the story's own city is no narrower scope, unless the sentence sets it
                    # against another place ("six in New York City and one in Westchester")
                    # or says it is one part ("14,718 injured in Kocaeli province alone")
                    parts.append(f"in {place}")
                elif token.dep_ == "compound":
                    continue  # "the U.S. Embassy in Nairobi": the place after a name's own may narrow it
                break
    if not placed and said and said.removeprefix("in ") not in common:
        parts.append(said)  # "Kocaeli province posted the highest casualty as 5,179 ..."
    elif not placed and item:
        return "part"  # an item of a list by place whose place was not read: a part still
    return ", ".join(parts)


def _alone(token: Token, ent: SpacySpan) -> bool:
    """Whether the place name `token` is in is followed by "alone", past a word for a kind
    of place ("in Kocaeli province alone", "in Homs alone"): one part of a wider count. Only
    a place of the figure's own: not one that hangs from another number or an "including"
    ("killed 310 people, including 140 in Kessport alone": the 310 is the whole)."""
    for above in token.ancestors:
        if above.pos_ in ("VERB", "AUX") or above.i in range(ent.start, ent.end):
            break
        if above.like_num or above.lower_ in ("including", "among", "of"):
            return False
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    end += 1
    if end < len(doc) and doc[end].lower_ in PLACE_WORDS:
        end += 1
    return end < len(doc) and doc[end].lower_ == "alone"


def _place_said_of(ent: SpacySpan, verb: Token, para: Paragraph, entities: EntityIndex) -> tuple[str, bool]:
    """Where a count is told of when no "in" says so, as a scope, and whether it holds
    however often the reports name the place. An item of a list by "with" (`_listed_with`:
    "followed by Yalova with 2,400, Istanbul with 984") is its own count ("in Yalova", or
    "of Phil Mickelson" for a person), a part of the whole, and wins over a place elsewhere
    in the clause; what a sender gives ("Germany sent 300 rescuers") is "from Germany". Else
    a place just before a lone "with", or the subject of a verb that tells a place's count
    (`_TOLD_OF`: "Kocaeli province posted the highest toll as 5,179 bodies were found",
    "Istanbul reported 984 deaths"), of the figure's verb or of the verb its "as" clause
    hangs from: a narrower place only where the reports do not mostly name it. Never a
    sayer ("Ankara put the toll at 4,600")."""
    doc, root = ent.doc, ent.root
    holder = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    with_ = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].lower_ == "with" else None
    if with_ is None and holder.dep_ == "pobj" and holder.head.lower_ == "with":
        with_ = holder.head
    if with_ is not None and with_.i > 0:
        listed = _listed_with(ent) is not None
        for token in (doc[with_.i - 1], with_.head):
            if listed and (item := _list_item(token, para, entities)):
                return item, True
            if not listed and (place := _a_place(token, para, entities)):
                return f"in {place}", False
    verbs = [verb] + ([verb.head] if verb.dep_ == "advcl" else [])
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma not in _TOLD_OF and lemma not in _SENT:
            continue
        for subject in v.children:
            own = subject.dep_ in ("nsubj", "nsubjpass") and subject.i not in range(ent.start, ent.end)
            if own and (place := _a_place(subject, para, entities)):
                return (f"from {place}", True) if lemma in _SENT else (f"in {place}", False)
    return "", False


_TOLD_OF = frozenset("post rank record register report suffer see lose lead follow top account".split())
"""Verbs whose subject is the place a count is of ("Yalova saw 2,400 deaths")."""
_SENT = frozenset("send dispatch deploy fly pledge donate offer contribute".split())
"""Verbs whose subject gives what is counted ("Germany sent 300 rescuers"): a count from it."""


def _list_item(token: Token, para: Paragraph, entities: EntityIndex) -> str:
    """The scope of a list item named by `token` ("Yalova" of "Yalova with 2,400"): "in" a
    place, whatever the tagger took it for, "of" a person the cluster names; none for a day
    or a month ("followed by Monday with 700") or a word that is no name."""
    if token.lower_ in PLACE_WORDS:
        place = _a_place(token, para, entities)
        return f"in {place}" if place else ""
    if not token.text[:1].isupper() or token.pos_ != "PROPN" or _names_a_currency(token):
        return ""
    if token.lower_ in WEEKDAYS or token.lower_.rstrip(".") in MONTH_WORDS:
        return ""
    entity = _entity_of(para, token, entities)
    # a person by a full name; a lone word the tagger took for one is a list's place
    person = entity is not None and entity.type == "PERSON" and len(entity.name.split()) > 1
    if person and entity is not None and token.ent_type_ not in ("GPE", "LOC"):
        return f"of {entity.name}"
    return f"in {_place_name(para, token, entities)}"


def _a_place(token: Token, para: Paragraph, entities: EntityIndex) -> str:
    """The cluster's name for the place a token names: a place the tagger marks, not a
    person or body the cluster names so ("Jordan scored 32 points"), or a word for a place
    with its name before it ("Kocaeli (Izmit) province")."""
    if token.lower_ in PLACE_WORDS:
        names = [c for c in token.children if c.dep_ in ("nmod", "compound") and c.text[:1].isupper()]
        return _place_name(para, names[0], entities) if names else ""
    if not token.text[:1].isupper() or _names_a_currency(token):
        return ""
    entity = _entity_of(para, token, entities)
    if entity is not None and entity.type in ("PERSON", "ORG", "NORP"):
        return ""
    return _place_name(para, token, entities) if token.ent_type_ in ("GPE", "LOC") else ""


_SITE_PREPS = frozenset({"in", "inside", "at"})
_WRECKAGE = frozenset({"rubble", "debris", "ruin", "wreckage"})  # where the whole toll lies
_KEEPING = frozenset({"bury", "hold", "keep", "store", "lay", "lie", "line", "house", "remain"})


_BODIES_HANDLED = {"identify": "bodies identified", "bury": "bodies buried"}
"""What is done with bodies that a count of them counts, by the verb: the bodies identified
or buried so far, which are no toll ("seven bodies have been identified" against "at least
43 died"; "authorities have buried 70,000 bodies, about a third of the estimated toll").
Bodies recovered or found are the toll as often as a part of it ("By Wednesday night,
according to an official count, 3,879 bodies had been recovered": a quake's toll), and stay
counted as deaths."""


def _bodies_handled(ent: SpacySpan) -> str:
    """What a count of bodies counts when a verb says what was done with them ("seven bodies
    were identified", "buried 70,000 bodies"): the key of that count ("bodies identified"),
    or "" where no such verb governs the bodies."""
    noun = ent.root.head
    if ent.root.dep_ != "nummod" or noun.lemma_.lower() != "body":
        return ""
    if noun.dep_ not in ("dobj", "nsubjpass"):
        return ""
    head = noun.head
    if any(c.dep_ == "neg" for c in head.children) or head.dep_ == "xcomp" or head.dep_ == "conj":
        return ""  # "have not been identified", "have yet to be identified": no count of those
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in head.children):
        return ""  # "recovered and identified 12 bodies": recovered, the toll, as well
    verb = head.lemma_.lower()
    if verb == "bury" and _site_of_bodies(ent):
        return ""  # "buried 900 bodies in a mass grave": the dead of one site, a part of the toll
    return _BODIES_HANDLED.get(verb, "")


def _site_of_bodies(ent: SpacySpan) -> str:
    """Where the bodies a figure counts lie, when the report says ("500 bodies inside the
    rink", "buried 1,000 bodies in a mass grave"): the bodies of one site, a part of the
    toll. Not "recovered from the rubble", which is the toll itself, nor "brought 38 bodies
    to the mortuary", where all a disaster's dead are often taken (review of c26d09c)."""
    noun = ent.root.head
    if ent.root.dep_ != "nummod" or noun.lemma_.lower() != "body":
        return ""
    kept = noun.dep_ in ("dobj", "nsubj", "nsubjpass") and noun.head.lemma_.lower() in _KEEPING
    holders = [noun, noun.head] if kept else [noun]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in _SITE_PREPS:
                site = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
                if site is not None and not site.ent_type_ and site.lemma_.lower() not in _WRECKAGE:
                    return f"at {site.lemma_.lower()}"
    return ""


def _period(ent: SpacySpan, verb: Token, clause: list[Token]) -> str:
    """The period a count covers, from its clause: "since May" ("187 have been arrested
    since May", "702 arrested since a crackdown began in May"), "since Sunday", and for a
    count that is no running total, "during January" ("the arrest of 40 people in January").
    `_lone_scope` drops it again where it is the only period the cluster counts over."""
    for token in clause:
        if token.lower_ != "since":
            continue
        if token.dep_ == "prep":  # "arrested since May"
            words = token.subtree
        elif token.dep_ == "mark" and token.head.i not in {t.i for t in ent.root.ancestors} | {ent.root.i}:
            words = token.head.subtree  # "since a crackdown began in May"
        else:
            continue  # "have since detained": an adverb, no period; a causal "since" clause
        for word in words:
            if word.i != token.i and _names_a_time(word):
                return f"since {word.text}"
    if _running(verb, clause):
        return ""
    # "in" on the verb, or on a word between it and the figure ("the arrest of 40 people in January")
    path = set()
    for token in [ent.root, *ent.root.ancestors]:
        path.add(token.i)
        if token.i == verb.i:
            break
    for token in clause:
        if token.lower_ == "in" and token.head.i in path:
            month = next((c for c in token.children if c.dep_ == "pobj"), None)
            if month is not None and month.lower_ in MONTH_WORDS and month.text[:1].isupper():
                return f"during {month.text}"
    return ""


def _names_a_time(word: Token) -> bool:
    """A month, a weekday or a year."""
    if word.lower_ in MONTH_WORDS:
        return word.text[:1].isupper()
    return word.lower_ in _DAYS - {"today", "tonight", "overnight"} or bool(_YEAR.fullmatch(word.text))


_TARGET_NOUNS = frozenset("quota cap ceiling target goal allowance".split())
_ALLOWS = frozenset("allow permit let".split())
_COMMITS = frozenset("agree pledge promise vow aim plan commit intend hope want expect seek".split())
_POLLS = frozenset("poll survey".split())


def _is_target(root: Token) -> bool:
    """A figure that sets a number to reach ("a quota of 1,000", "the quota allows 1,000
    refugees", "pledged to admit 500"), from the words it hangs from up to its verb."""

    def is_target(token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in _TARGET_NOUNS

    for token in [root, *root.ancestors]:
        if is_target(token):
            return True
        if token.pos_ in ("VERB", "AUX"):
            near = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            near += [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
            return any(is_target(c) for c in near) or (
                token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in _COMMITS | _ALLOWS
            )
    return False


def _poll(clause: list[Token]) -> str:
    """The named poll a figure comes from ("a Gallup poll", "a poll by Quinnipiac")."""
    for token in clause:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _POLLS:
            continue
        names = [c for c in token.children if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"]
        names += [
            o
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in ("by", "from", "for")
            for o in p.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN"
        ]
        if names:
            name = min(names, key=lambda t: t.i)
            words = [t.text for t in name.subtree if t.pos_ == "PROPN" or t.text in ("/", "-")]
            return f"{' '.join(words) or name.text} {token.lemma_.lower()}"
    return ""


_MAGNITUDE = re.compile(r"^magnitude$", re.IGNORECASE)
_BAR = frozenset("than above exceeding least over below under".split())
_QUAKES = frozenset("quake earthquake tremor temblor shock".split())
_AFTERSHOCK = re.compile(r"^aftershocks?$", re.IGNORECASE)


def _magnitude(ent: SpacySpan, value: float, date: dt.date | None) -> tuple[str, str] | None:
    """What a quake's magnitude counts, and its scope, where the figure is one ("a magnitude
    7.4 quake", "magnitude-7.4", "a 7.4-magnitude quake", "a magnitude of 7.4", "measured 7.8
    on the Richter scale"): the main quake's, or an aftershock's where the figure's own
    words say so (`_quake_noun`; where they say nothing, where the sentence speaks of
    aftershocks), scoped to an earlier year in its clause or to another quake ("another",
    "a new tremor" in its sentence or the one before). None for any other figure; a bar
    ("greater than magnitude 7", "at least 6.5") is ("", "")."""
    if not 1.0 <= value < 10.0 or len(ent) > 2:
        return None
    doc, sent = ent.doc, ent.sent
    if not _says_magnitude(doc[ent.start : ent.end]) and not _listed_magnitude(ent):
        return None
    if _barred(ent):
        return "", ""  # "six other quakes greater than magnitude 7", "at least 6.5 magnitude"
    noun = _quake_noun(ent)
    aftershock = noun == "aftershock" if noun else any(_AFTERSHOCK.match(t.text) for t in sent)
    about = "magnitude of aftershock" if aftershock else "magnitude"
    # "Another strong earthquake with a magnitude of 5.0 struck on Sunday", "A new tremor
    # 200 miles away sent residents into the streets. The 4.7-magnitude quake ...": another
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    other = any(t.lower_ in _ANOTHER and t.head.lemma_.lower() in _QUAKES for t in sent)
    other = other or (before is not None and any(_struck_anew(t) for t in before))
    # a year in the figure's own clause ("since a magnitude 8.1 quake in 1939"), not the sentence's
    _, clause = _clause(ent)
    years = [t.text for t in clause if re.fullmatch(r"(19|20)\d\d", t.text)]
    year = next((y for y in years if date is None or int(y) < date.year), None)
    # another quake at a place its sentence names ("centered near Haymana") is that place's
    place = _quake_place(ent) if other and not year else ""
    scope = year or (f"another quake {place}".strip() if other else "")
    return about, scope


_QUAKE_PREPS = frozenset("near in at off outside beneath under".split())


def _quake_place(ent: SpacySpan) -> str:
    """ "near Haymana": a place the magnitude's sentence names after "near", "in" and the
    like, as written."""
    for token in ent.sent:
        if token.ent_type_ in ("GPE", "LOC") and token.head.lower_ in _QUAKE_PREPS:
            return f"at {token.text}"  # "near Haymana" and "in Haymana" alike
    return ""


def _quake_noun(ent: SpacySpan) -> str | None:
    """The quake a magnitude is of, where its own words say: "aftershock" for "a
    4.2-magnitude aftershock", "quake" for "the 7.4 quake, followed by 1,000 aftershocks";
    None where they do not ("7.4 on the Richter scale")."""
    token = ent.root
    for _ in range(4):
        verb = token if token.pos_ in ("VERB", "AUX") else None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
        for candidate in [token, *subjects]:
            lemma = candidate.lemma_.lower()
            if lemma == "aftershock":
                return "aftershock"
            if lemma in _QUAKES:
                # "A magnitude 5.8 quake, the strongest aftershock yet, shook Izmit"
                named = [c for c in candidate.children if c.dep_ == "appos"]
                return "aftershock" if any(c.lemma_.lower() == "aftershock" for c in named) else "quake"
        if token.head is token:
            break
        token = token.head
    return None


_ANOTHER = frozenset({"another", "second", "separate"})
_STRUCK = frozenset("strike hit shake jolt rock rattle send".split())


def _struck_anew(token: Token) -> bool:
    """ "A new tremor 200 miles away sent residents running": a word for another quake
    before a quake that happened (the subject of a verb of striking, in the past, no modal:
    not "residents feared new tremors", not "another quake could strike")."""
    quake = token.head
    if token.lower_ not in (*_ANOTHER, "new") or quake.lemma_.lower() not in _QUAKES:
        return False
    verb = quake.head
    return (
        quake.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() in _STRUCK
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
    )


_BAR_GAP = 3
"""A bar word governs a magnitude within this many words before it, no definite article
between ("greater than magnitude 7", "bigger than a 6-point magnitude", "at least 6.5"; not
"collapsed under the 7.4-magnitude quake")."""


def _barred(ent: SpacySpan) -> bool:
    """Whether a bar word stands just before the magnitude ("than", "at least", "over")."""
    doc = ent.doc
    before = list(doc[max(ent.start - _BAR_GAP, ent.sent.start) : ent.start])
    for k, token in enumerate(before):
        between = [t.lower_ for t in before[k + 1 :]]
        if token.lower_ not in _BAR or any(w in _DEFINITE for w in between):
            continue
        # "over", "under": a preposition of place as often; only right before the figure
        # or "magnitude" ("quakes over magnitude 7"), never before an article
        if token.lower_ in _PLACE_PREPS and any(w != "magnitude" for w in between):
            continue
        return True
    return False


_DEFINITE = frozenset({"the", "its", "this", "that", "their"})
_PLACE_PREPS = frozenset({"over", "under", "below", "above"})


def _says_magnitude(ent: SpacySpan) -> bool:
    """The words around a number say it is a quake's magnitude: "magnitude" within three
    words ("a magnitude 7.4 quake", "magnitude-7.4", "a 7.4-magnitude quake"), "Richter"
    after it, a quake that "measured" it, or "degree" before a quake ("a 6.7-degree
    earthquake", "a quake of 6.7 degrees")."""
    doc, sent = ent.doc, ent.sent
    near = [t.text for t in doc[max(ent.start - 3, sent.start) : ent.start]]
    near += [t.text for t in doc[ent.end : min(ent.end + 3, sent.end)]]
    words = [p for w in near for p in w.split("-") if p]
    after = " ".join(t.lower_ for t in doc[ent.end : min(ent.end + 6, sent.end)])
    verb = ent.root.head
    measured = verb.lemma_.lower() in ("measure", "register") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _QUAKES | {"aftershock"} for c in verb.children
    )  # "The largest aftershock measured 5.3"
    if any(_MAGNITUDE.match(w) for w in words) or "richter" in after or measured:
        return True
    following = [p.lower() for t in doc[ent.end : min(ent.end + 2, sent.end)] for p in t.text.split("-") if p]
    return bool(
        following
        and following[0] in ("degree", "degrees")
        and any(t.lemma_.lower() in _QUAKES for t in sent)
        and not any(t.lower_ in _TEMPERATURE for t in sent)
    )


_REVISED = frozenset({"downgrade", "upgrade", "revise", "correct", "update"})
"""Verbs of a magnitude revised ("a preliminary magnitude of 7.8, but downgraded that to 7.4")."""
_TEMPERATURE = frozenset(
    "temperature temperatures celsius fahrenheit heat cold ° mercury thermometer freezing frost lows "
    "highs".split()
)
_ONE_DECIMAL = re.compile(r"\d\.\d")


def _listed_magnitude(ent: SpacySpan) -> bool:
    """ "magnitude 7.5 by the MIT scientists, 6.8 by Turkish scientists, and 7.8 by the US
    Geological Survey": a number written as magnitudes are (one decimal, "6.8"), with no
    noun after it, listed after a magnitude of the same form in its sentence: the number
    before it is one (said so, or listed so itself) and no verb stands between ("cut the
    forecast to 3.5 from 5.0" after "the magnitude 7.4 quake" is no list)."""
    doc, sent = ent.doc, ent.sent
    if len(ent) != 1 or not _ONE_DECIMAL.fullmatch(ent.text):
        return False
    if ent.end < sent.end and doc[ent.end].pos_ not in ("ADP", "CCONJ", "PUNCT"):
        return False
    for token in reversed(doc[sent.start : ent.start]):
        # "... put the magnitude at 7.4, while Kandilli Observatory said 7.8": a voice giving
        # its own reading is a list too; any other verb ends it
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() not in _REVISED | SPEECH_VERBS:
            return False
        if token.like_num:
            span = doc[token.i : token.i + 1]
            return bool(_ONE_DECIMAL.fullmatch(token.text)) and (
                _says_magnitude(span) or _listed_magnitude(span)
            )
    return False


def _earlier_year(sent: SpacySpan, date: dt.date | None, ent: SpacySpan | None = None) -> str | None:
    """A year a sentence names before the report's own ("the 2009 quake"); with `ent`, not
    one in a clause that describes something else than the figure's own clause ("The Kursk,
    launched in 1995, carries 107 personnel": the year is the launch's, the crew is now's),
    and also the year before the report's, said "last year" in the figure's own clause."""
    return _year_said(sent, date, ent)[0]


def _year_said(
    sent: SpacySpan, date: dt.date | None, ent: SpacySpan | None = None
) -> tuple[str | None, bool]:
    """The first year `_earlier_year` reads in a sentence, and whether it is said as "last
    year" with no year written by its number anywhere in the sentence."""
    own = ({t.i for t in ent.root.ancestors} | {ent.root.i}) if ent is not None else set()
    first: str | None = None
    relative = False
    for token in sent:
        year = re.fullmatch(r"(19|20)\d\d", token.text)
        if (
            year
            and token.ent_type_ in ("DATE", "CARDINAL", "")
            and (date is None or int(token.text) < date.year)
            and not (ent is not None and _aside(token, own))
        ):
            return (first or token.text), False  # a written year: no "last year" reading
        if first is None and date is not None and ent is not None and _last_year(token, ent, own, date):
            first, relative = str(date.year - 1), True  # "Last year the virus killed seven"
    return first, relative


_ORDINAL_YEARS = {
    w: i + 1 for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())
}


def _anniversary_of(verb: Token, date: dt.date | None) -> str | None:
    """The year of an event a figure's clause tells as the one an anniversary marks ("on
    the fifth anniversary of twin attacks that killed 77", in a report of 2016: "2011"; no
    number: "earlier"): a relative clause on the noun after "anniversary of", with no day
    of the report's own ("... anniversary of independence, where 9 were killed on Monday");
    None otherwise."""
    if verb.dep_ != "relcl" or any(t.lower_ in _DAYS for t in verb.subtree):
        return None  # "... where 9 were killed on Monday": today's toll, at the anniversary
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return (
            None  # "the anniversary of the coup by the army, which has killed 1,400 since": the toll to now
        )
    event = verb.head
    # "the anniversary of attacks by Anders Breivik that killed 77": the parser may hang the
    # clause on the name after "by"; the attacks are still what the anniversary marks
    if event.dep_ == "pobj" and event.head.lower_ == "by" and event.head.head.dep_ == "pobj":
        event = event.head.head
    if event.dep_ != "pobj" or event.head.lower_ != "of" or event.head.head.lemma_.lower() != "anniversary":
        return None
    years = next(
        (
            _ORDINAL_YEARS.get(t.lower_) or int(t.text[:-2])
            for t in event.head.head.lefts
            if t.lower_ in _ORDINAL_YEARS or re.fullmatch(r"\d{1,3}(st|nd|rd|th)", t.text)
        ),
        None,
    )
    return str(date.year - years) if date is not None and years else "earlier"


def _years_ago(verb: Token, date: dt.date | None) -> str | None:
    """The year a figure's verb is set in by "N years ago" or "a decade ago", on the verb
    ("killed 300 five years ago") or on the clause its "when" hangs from ("higher a decade
    ago, when 42,708 people died"): the report's year less those years, or "earlier" for an
    undated report. None for days, weeks or months ago, the story's own time."""
    heads = [verb]
    if verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children
    ):
        heads.append(verb.head)
    elif any(c.lower_ in ("now", "currently", "this") for c in verb.subtree):
        return None  # "has 450 students now", "killed 300 this winter": the figure is of now
    for head in heads:
        for ago in (c for c in head.children if c.lower_ == "ago"):
            words = [t for t in ago.subtree if t.i != ago.i]
            edge = ago.left_edge.i
            if edge > 0 and ago.doc[edge - 1].lower_ in _COMPARED_WITH:
                continue  # "fewer than five years ago": the figure is of now, set against then
            unit = next((t for t in words if t.lemma_.lower() in _YEARS_PER), None)
            if unit is None:
                continue
            if any(t.lower_ in ("few", "several", "many") for t in words):
                return "earlier"  # "a few years ago": some year before
            count = 2.0 if any(t.lower_ == "couple" for t in words) else None
            count = count or next((parse_number(t.text) for t in words if t.like_num), None)
            if count is None and not any(t.lower_ in ("a", "an") for t in words):
                continue  # "years ago": how many is not said
            years = (count or 1) * _YEARS_PER[unit.lemma_.lower()]
            return str(date.year - int(years)) if date is not None and years == int(years) else "earlier"
    return None


_YEARS_PER = {"year": 1, "decade": 10, "century": 100}
_COMPARED_WITH = frozenset("than as from with since".split())


_LAST_PERIODS = {"year": 13, "spring": 3, "summer": 6, "fall": 9, "autumn": 9}
"""Words after "last" that name a period of the year before the report's ("last year",
"last fall"), with the month the season begins: "last spring" is the year before only in
a report written before March. Not "last winter", which may run into the report's own
year, nor "last week" or "last month", which are the report's own time more often than not."""
_NOT_LAST_YEAR = frozenset(
    "the a this that his her its their our my your".split()
    + "since until till by over through throughout past for during".split()
)
"""Words before "last year" that make it no year: "the last year" and "over the last year"
(the twelve months before), "his last year in office", "since last year" (a start)."""


def _last_year(token: Token, ent: SpacySpan, own: set[int], date: dt.date) -> bool:
    """Whether `token` ends "last year" (or "last fall") said of the figure's own clause:
    not a span that starts then ("since last year") or a year of someone's ("his last
    year"); not one that hangs from another number ("against 61 last year"), that sits in
    a clause below the figure's verb ("has killed nine since it arrived last summer"), or
    above a clause the figure is in that describes something ("quoted X last year, who was
    convicted of killing two"); and not where the figure's own verb says "this year" or "so
    far" ("killed seven last year and has killed two so far this year")."""
    doc = token.doc
    month = _LAST_PERIODS.get(token.lower_)
    if month is None or token.i < 1 or doc[token.i - 1].lower_ != "last" or date.month >= month:
        return False
    before = doc[token.i - 2] if token.i >= 2 else None
    if before is not None and (before.lower_ in _NOT_LAST_YEAR or before.tag_ == "PRP$"):
        return False
    if _aside(token, own) or _of_another_number(token, ent) or _described_below(ent, token):
        return False
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    for head in token.ancestors:
        if verb is not None and head.i == verb.i:
            break
        if head.dep_ in ("advcl", "relcl", "acl") or head.lower_ in ("since", "until", "after", "before"):
            return False  # "since it arrived last summer": when a span began, not the count's year
    if verb is None:
        return True
    for t in verb.children:
        if t.lower_ == "far" and t.i > 0 and doc[t.i - 1].lower_ == "so":
            return False
        if t.lower_ == "year" and t.i > 0 and doc[t.i - 1].lower_ == "this":
            return False
    return True


def _described_below(ent: SpacySpan, token: Token) -> bool:
    """Whether the figure sits in a clause that describes a noun (a relative clause, a
    participle, an apposition) or an adverbial clause below where `token` hangs: "Last year,
    a writer quoted Bush mocking Tucker, who was convicted of killing two people" dates the
    quoting, not the two deaths, and "formed a group last year when they learned their state
    has four on death row" the forming."""
    above = {t.i for t in token.ancestors}
    for head in [ent.root, *ent.root.ancestors]:
        if head.i in above:
            return False
        if head.dep_ in ("relcl", "acl", "appos", "advcl"):
            return True
    return False


def _of_another_number(token: Token, ent: SpacySpan) -> bool:
    """Whether `token` hangs from a number other than the figure on its way up the tree
    ("13 infected this year, against 61 last year": the year is the 61's, not the 13's)."""
    for head in [token, *token.ancestors]:
        if ent.start <= head.i < ent.end:
            return False
        if head.like_num or any(
            c.dep_ == "nummod" and c.like_num and not ent.start <= c.i < ent.end for c in head.children
        ):
            return True
    return False


def _aside(token: Token, own: set[int]) -> bool:
    """Whether a token is inside a participle, relative clause or apposition that hangs off
    the sentence apart from the figure (`own`: the figure's token and its heads); one on the
    figure's own noun or verb is the figure's ("two people who perished in the 1996 crash")."""
    for head in [token, *token.ancestors]:
        if head.i in own:
            return False
        if head.dep_ in ("acl", "relcl", "appos"):
            return head.head.i not in own
    return False


_BACK = frozenset("that those previous earlier prior".split())
_MODALS = frozenset("could might may would".split())
_FORECASTS = frozenset("estimate forecast project predict".split())
_FALLING = frozenset("fall drop decline sink dip slide".split())
_PERIODS = frozenset("year day week month hour minute".split())
_EVERY = frozenset("each every per".split())


_AVERAGES = frozenset("average median".split())


def _averaged(ent: SpacySpan, verb: Token) -> bool:
    """Whether a figure is an average, a figure per one and not the whole: "the average
    shopper spent $398" (the subject of its verb), "an average salary of $60,000" or "an
    average of 50 a day" (its own noun), "spent $398 on average" (its verb); not "30
    murders, double the national average", "500 jobs with an average salary of $60,000"
    (another figure's), nor "above-average rainfall flooded 300 homes"."""

    def averaged(noun: Token, owned: bool = True) -> bool:
        # "the average resting heart rate", and "the average male's resting heart rate" (its owner's)
        return noun.lower_ in _AVERAGES or any(
            (
                c.dep_ == "amod"
                and c.lower_ in _AVERAGES
                and not any(g.lower_ in ("above", "below") for g in c.children)
            )
            or (owned and c.dep_ == "poss" and averaged(c, owned=False))
            for c in noun.children
        )

    root = ent.root
    owner = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        owner = root.head.head  # "an average of 50", "an average salary of $60,000"
    if averaged(owner):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(averaged(c) for c in subjects) and owner.i not in {c.i for c in subjects}:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ == "average" for o in c.children)
        for c in verb.children
    )


def _rate(clause: list[Token], ent: SpacySpan) -> str:
    """ "each year", "a day", "per week", "annually": the period a rate is counted over."""
    root = ent.root
    own = {t.i for t in ent} | ({root.head.i} if root.dep_ in ("nummod", "quantmod", "compound") else set())
    for token in clause:
        if token.lower_ == "annually":
            return "a year"
        if token.lemma_.lower() in _PERIODS and any(
            c.dep_ == "det" and (c.lower_ in _EVERY or (c.lower_ in ("a", "an") and token.head.i in own))
            for c in token.children
        ):
            # "300 cars a day", "847 an hour": the period hangs from the figure as an
            # adverb; "on a day when" is no rate
            return f"{'an' if token.lemma_.lower() == 'hour' else 'a'} {token.lemma_.lower()}"
    return ""


def _per_period(ent: SpacySpan) -> bool:
    """Whether a figure is a rate ("593 an hour", "300 cars a day", "40 per week"); not "30
    a week ago", a time."""
    doc = ent.doc
    for token in doc[ent.end : ent.end + 3]:
        if token.lemma_.lower() in _PERIODS:
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "ago":
                return False
            return any(c.dep_ == "det" and c.lower_ in _EVERY | {"a", "an"} for c in token.children)
    return False


def _points_back(clause: list[Token]) -> bool:
    """Whether a clause's subject points back to something named before ("that quake",
    "the previous attack"): an event other than the story's own."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and any(c.lower_ in _BACK for c in t.children)
        for t in clause
    )


def _plural(noun: str) -> str:
    irregular = {"child": "children", "man": "men", "woman": "women", "policeman": "policemen"}
    return irregular.get(noun, noun if noun.endswith("s") else noun + "s")


_DOLLAR_WORDS = frozenset({"dollar", "dollars", "dlr", "dlrs"})
""""dlrs" is the wire's abbreviation ("U.S. dlrs 3.7 billion")."""
_DOLLARS_OF = {
    "australian": "AUD", "canadian": "CAD", "u.s.": "USD", "us": "USD", "american": "USD",
    "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD",
    "zimbabwe": "ZWD", "zimbabwean": "ZWD", "jamaican": "JMD", "namibian": "NAD", "fijian": "FJD",
}  # fmt: skip
"""Whose dollars: "Australian dollars 6.2 billion" are not U.S. dollars."""
_MARKED_DOLLARS = {
    "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "hk": "HKD", "s": "SGD", "us": "USD",
    "u.s.": "USD", "nt": "TWD", "z": "ZWD",
}  # fmt: skip
"""The letters before a dollar sign ("A$6.2 billion", "HK$5 million")."""


def _currency(ent: SpacySpan) -> str | None:
    """The currency of a sum, from its own words and the word on each side: a code, or
    None. Dollars are U.S. dollars unless a nation or letters before them say whose."""
    doc = ent.doc
    tokens = list(doc[max(ent.start - 1, 0) : min(ent.end + 1, len(doc))])
    if ent.start >= 2 and doc[ent.start - 1].text == "." and doc[ent.start - 2].lower_ == "rs":
        tokens.append(doc[ent.start - 2])  # "Rs. 45 crore", as the tokenizer cuts "Rs."
    for k in range(ent.end + 1, min(ent.end + 3, len(doc))):
        if not doc[k - 1].text.istitle():
            break
        if doc[k].lower_ in _DOLLAR_WORDS:  # "5 million Canadian dollars", "New Zealand dollars"
            tokens.append(doc[k])
            break
    for token in tokens:
        word = token.lower_
        if word in _DOLLAR_WORDS:
            return _dollars_of(doc, token.i) or "USD"
        if "$" in word:
            prefix = word.split("$", 1)[0]
            glued = doc[token.i - 1] if token.i > 0 and not doc[token.i - 1].whitespace_ else None
            if not prefix and glued is not None and glued.lower_ in _MARKED_DOLLARS:
                prefix = glued.lower_  # "US" and "$" as the tokenizer may cut "US$"
            return _MARKED_DOLLARS.get(prefix, f"{prefix.upper()}$" if prefix else "USD")
        for mark, code in _CURRENCIES.items():
            if word == mark or (word.startswith(mark) and mark in "€£¥"):
                return code
    return None


def _dollars_of(doc: Doc, at: int) -> str | None:
    """The currency a nation's name just before the dollar word at `at` names."""
    one = doc[at - 1].lower_ if at >= 1 else ""
    two = f"{doc[at - 2].lower_} {one}" if at >= 2 else ""
    return _DOLLARS_OF.get(two) or _DOLLARS_OF.get(one)


def _names_a_currency(token: Token) -> bool:
    """A nation's name that says whose money a sum is ("U.S. dlrs", "Australian dollars"),
    not where the sum is counted."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is not None and (nxt.lower_ in _DOLLAR_WORDS or nxt.lower_ == "$")


def _count_head(ent: SpacySpan) -> Token:
    """The noun a number counts ("55 others": "others"), or the number itself when it
    stands alone."""
    return ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else ent.root


def _others(ent: SpacySpan) -> bool:
    """Whether a count is of "others" ("55 others", "15 other people"): those besides
    the ones the sentence counted before."""
    head = _count_head(ent)
    return head.lemma_.lower() == "other" or any(
        c.dep_ == "amod" and c.lower_ == "other" for c in head.children
    )


def _after_a_death_count(ent: SpacySpan) -> bool:
    """Whether the figure's sentence tells of deaths before it ("killed seven and sickened
    55 others")."""
    deaths = dict(CATEGORIES)["deaths"]
    return any(deaths.match(t.text) or deaths.match(t.lemma_) for t in ent.doc[ent.sent.start : ent.start])


_DIED = re.compile(r"^(kill\w*|dead|deaths?|died|die[sd]?|dying|perish\w*|drown\w*)$", re.IGNORECASE)
"""Words that tell someone died; not "murder" (a charge) nor "toll"."""


def _death_told_before(ent: SpacySpan) -> bool:
    """Whether a death is told before the figure, in its sentence or the one before ("A boy
    died on Saturday. Three other people were killed"), and after it: whom "other" sets a
    count of the dead beside. Not where the sentence names a day: "Two died on Monday. Three
    other people died on Tuesday" are two days' dead, which day scopes keep apart."""
    doc = ent.doc
    if any(t.lower_ in _DAYS for t in ent.sent):
        return False
    if _killed_beside(ent):
        return True  # "killed a woman and three other people": the woman is told in its clause

    def told(tokens: SpacySpan) -> bool:
        return any(_DIED.match(t.text) or _DIED.match(t.lemma_) for t in tokens)

    # its own words say they died ("three other people were killed"), not another fate told
    # beside the dead ("five were killed and 11 others injured": the injured)
    if not told(doc[ent.end : min(ent.end + 6, ent.sent.end)]):
        return False
    start = ent.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return told(doc[start : ent.start])


def _killed_beside(ent: SpacySpan) -> bool:
    """Whether the count is joined by "and" to the object of a verb of death ("killed a
    woman and three other people")."""
    head = _count_head(ent)
    if head.dep_ != "conj":
        return False
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    verb = head.head
    return head.dep_ in ("dobj", "obj") and bool(_DIED.match(verb.text) or _DIED.match(verb.lemma_))


_DISEASE_HEADS = frozenset("virus fever flu influenza encephalitis disease syndrome strain".split())


def _a_count(token: Token) -> bool:
    """Whether a token is a number, or a noun a number counts."""
    return token.like_num or any(c.dep_ == "nummod" for c in token.children)


def _contrasted(place: Token, ent: SpacySpan) -> bool:
    """Whether a count joined to the figure's by "and" is "in" another place ("killed six
    people in New York City and one in Westchester", or with the verb left out: "30 were
    killed in Homs and 12 in Hama"), or the figure is the first count or an item of a list by
    place (`_place_list`): the figure's place is then a part of the whole, not the story's
    own place. The other place may be tagged a body; a month or a date is none."""
    listed = _place_list(ent.sent)
    if listed is not None and (ent.start == listed[0] or ent.start in listed[1]):
        # the first count and the items of a list by place ("4,179 in Izmit, 2,400 in
        # Yalova"): parts set against each other
        return True
    head = _count_head(ent)
    joined = {t.i for t in head.conjuncts}
    verb = _clause(ent)[0]
    if any(c.dep_ == "cc" and c.lower_ == "and" for c in verb.children):
        # "30 people were killed in Homs and 12 in Hama": the parser joins the second count
        # to the verb, which it leaves out
        joined |= {c.i for c in verb.children if c.dep_ == "conj" and c.i > head.i and _a_count(c)}
    for token in ent.sent:
        named = token.ent_type_ in ("GPE", "LOC", "ORG") or (token.pos_ == "PROPN" and not token.ent_type_)
        if not named or token.i == place.i or token.head.lower_ != "in" or token.dep_ != "pobj":
            continue
        counted = token.head.head  # the count the other place is of, joined to the figure's
        if counted.i in joined and _a_count(counted):
            return True
    return False


def _names_a_disease(token: Token) -> bool:
    """A place's name inside a disease's ("St. Louis encephalitis", "West Nile virus",
    "Lassa fever"): no place a figure is counted in."""
    head = token
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    return head is not token and head.lemma_.lower() in _DISEASE_HEADS


def _window(ent: SpacySpan) -> list[Token]:
    """The words that say what a figure counts, nearest first.

    Its head; the head's verb when the head is a noun ("four people were killed");
    the words just after it ("23 were taken to hospital"); then the words before.
    """
    root = ent.root
    told = _told_by(ent)
    # "The death toll rose to six": the subject of the verb the figure hangs from.
    subjects = [
        child
        for head in list(root.ancestors)[:3]
        for child in head.children
        if child.dep_ in ("nsubj", "nsubjpass")
    ]
    subjects = [t for s in subjects for t in (s, *s.children) if t.i != root.i]
    # "23 were taken to hospital"; not past "and" before another verb ("infected 3,000
    # people and killed 120": the 3,000 are not the dead)
    after = []
    for token in ent.doc[ent.end : min(ent.end + 5, ent.sent.end)]:
        if token.dep_ == "cc" and token.head.pos_ == "VERB" and token.head.i < ent.start:
            following = next((c for c in token.head.children if c.dep_ == "conj" and c.i > token.i), None)
            if following is not None and following.pos_ == "VERB":
                break
        after.append(token)
    # "Seven people died and 55 others were infected": not back past "and" into the verb
    # before the figure's own ("died" says nothing of the 55)
    # nor back past the figure's own sentence ("... hours before their death. The 57 people
    # who spent a week in hospital": those 57 did not die)
    floor = max(ent.start - 4, _sentence_start(ent))
    verb = next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.dep_ == "conj" and verb.head.i < ent.start:
        joints = [c.i for c in verb.head.children if c.dep_ == "cc" and c.i < ent.start]
        floor = max([floor, *(i + 1 for i in joints)])
    # nor back past the word that opens the figure's own clause ("14 were killed and two
    # suspects were dead after two people ... barged into a party": the two who barged in
    # are not the dead)
    if verb is not None and verb.dep_ == "advcl":
        marks = [c.i for c in verb.children if c.dep_ == "mark" and c.i < ent.start]
        floor = max([floor, *(i + 1 for i in marks)])
    before = list(ent.doc[floor : ent.start])[::-1]
    return [*told, *subjects, *after, *before]


_CUT_AFTER = frozenset({"approx", "appx", "app", "est", "ca", "circa", "incl", "nr"})
"""Abbreviations before a number after which the parser may end a sentence ("killed
approx. | 20 people")."""


def _sentence_start(ent: SpacySpan) -> int:
    """Where a figure's sentence starts, past a cut the parser made right after an
    abbreviation before it (`_CUT_AFTER`)."""
    start = ent.sent.start
    doc = ent.doc
    if start >= 2 and doc[start - 1].text == "." and doc[start - 2].lower_ in _CUT_AFTER:
        return doc[start - 2].sent.start
    return start


def _told_by(ent: SpacySpan) -> list[Token]:
    """The first words of `_window`, those that tell what befell the figure's own noun: the
    word right after the figure, its head and that head's verb, the clauses on its noun and
    what its verb left it ("12 soldiers were killed", "killed 12 soldiers", "12 soldiers
    killed in the blast", "left four soldiers dead"); not the loose words around it ("sent
    2,000 soldiers to help evacuate residents"). Nearest first."""
    root = ent.root
    chain = []
    # "40 dead and over 500 injured": a word the figure stands right before, if it says
    # what happened, is nearer than anything the parse hangs the figure from.
    if ent.end < len(ent.doc) and ent.doc[ent.end].pos_ in ("ADJ", "VERB"):
        chain.append(ent.doc[ent.end])
    if root.head is not root:
        chain.append(root.head)
        # "killed 12 soldiers and three civilians": the civilians' verb is the first
        # conjunct's, not the soldiers the parse hangs them from
        first = root.head
        while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and root.head.pos_ == "NOUN":
            first = first.head
        if first.pos_ in ("NOUN", "PROPN", "NUM") and first.head is not first:
            chain.append(first.head)
            # "Three soldiers were killed, as were 12 civilians" ("as did 12 civilians"): the
            # verb that "as were" stands for tells what befell them, unless their own does
            # ("as were 12 civilians wounded in the attack")
            as_were = first.head
            if (
                (as_were.pos_ == "AUX" or as_were.lemma_.lower() in ("be", "do"))
                and as_were.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in as_were.children)
                and not any(
                    c.dep_ in ("acomp", "attr", "xcomp", "ccomp") or (c.pos_ == "VERB" and c.dep_ != "mark")
                    for c in as_were.children
                )
                and not any(
                    c.dep_ in ("acl", "relcl", "amod") and c.pos_ == "VERB" for c in root.head.children
                )
            ):
                chain.append(as_were.head)
    verbs = [t for t in root.head.children if t.dep_ in ("acl", "relcl", "amod")]
    # "three were killed and 20 others injured": the verb right after the noun is the
    # noun's own, nearer than the verb of the conjunct the parse hangs it from
    own = [t for t in verbs if t.i == root.head.i + 1 and t.pos_ == "VERB" and t.tag_ == "VBN"]
    if own and root.head in chain:
        at = chain.index(root.head) + 1
        chain[at:at] = own
        verbs = [t for t in verbs if t not in own]
    # "left four soldiers dead": what the verb left them
    verbs += [t for head in chain[-1:] for t in head.children if t.dep_ == "oprd"]
    return [*chain, *verbs]


def _category(ent: SpacySpan) -> tuple[str, Token] | None:
    """What a figure counts (a `CATEGORIES` name) and the word that says so; "12 hospitals"
    count hospitals, not those taken to one."""
    if (label := _field_label(ent)) is not None:
        return label  # "*MISSING: Estimates range up to 35,000": a fact box's field
    counted = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else None
    kind: tuple[str, Token] | None = None  # what the counted noun itself names ("12 soldiers")
    told: set[int] = set()
    for token in _window(ent):
        if counted is not None and token.i == counted.i and token.lemma_.lower() == "hospital":
            continue
        if kind is not None and token.i not in told:
            continue  # "sent 2,000 soldiers to help evacuate residents": still troops
        for name, cue in CATEGORIES:
            if cue.match(token.text) or cue.match(token.lemma_):
                if name in _KINDS and (kind is not None or (counted is not None and token.i == counted.i)):
                    # "killed 12 soldiers": deaths of soldiers; "30,000 troops" if nothing befalls them
                    if kind is None:
                        kind, told = (name, token), {t.i for t in _told_by(ent)}
                    break
                return name, token
    return kind


def _including_whole(ent: SpacySpan) -> SpacySpan | None:
    """The figure of the whole a figure after "including" is a part of ("killed 247 people,
    including 12 Americans": the 247), if any."""
    noun = ent.root.head if ent.root.dep_ in ("nummod", "quantmod") else ent.root
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "including":
        return None
    whole = prep.head
    number = whole if whole.like_num else next((c for c in whole.children if c.dep_ == "nummod"), None)
    return None if number is None else _number_span_at(ent.doc, number.i)


def _field_label(ent: SpacySpan) -> tuple[str, Token] | None:
    """The category a fact box's field names for the figure in it: "*DEAD: At least 12,018
    *MISSING: Estimates range up to 35,000 *INJURED: 33,515": a word for people a toll
    counts (`_FIELD_WORDS`), in capitals, opening its sentence or after a bullet, before a
    colon within the eight tokens before the figure, with no other bullet or figure between.
    None where the figure is in no such field ("*HOSPITALS: 12 damaged" counts buildings)."""
    doc = ent.doc
    for i in range(ent.start - 1, max(ent.start - 8, ent.sent.start, 0) - 1, -1):
        token = doc[i]
        if token.text in ("*", "•", ";") or token.like_num:
            return None
        if token.text != ":":
            continue
        label = doc[i - 1] if i > 0 else None
        if label is None or not (
            label.is_upper or label.i == label.sent.start or doc[label.i - 1].text in ("*", "•")
        ):
            return None
        if not _FIELD_WORDS.match(label.text):
            return None
        found = next((name for name, cue in CATEGORIES if cue.match(label.text)), None)
        return (found, label) if found is not None else None
    return None


_FIELD_WORDS = re.compile(
    r"^(dead|deaths|killed|fatalities|injured|wounded|hurt|casualties|missing|evacuated|displaced|"
    r"homeless|arrested|detained|sick|ill|infected)$",
    re.IGNORECASE,
)
"""Fields of a fact box that name people a toll counts (not "HOSPITALS:" or "SHELTERS:")."""


_KINDS = frozenset({"troops", "jobs"})
"""Categories a counted noun names by itself ("30,000 troops", "400 jobs"); what happens to
them, if the words say so ("killed 12 soldiers"), is what the figure counts."""


_IN_HOSPITAL = re.compile(r"^(hospital\w*|treated|treatment)$", re.IGNORECASE)
_STILL = frozenset("still remain remaining currently".split())
_CONDITIONS = frozenset("critical serious stable grave".split())
_NOW = {"injured": "still in hospital", "evacuated": "still displaced", "arrested": "still held"}
_HARMS = frozenset(
    {"deaths", "injured", "missing", "ill", "infected", "treated in hospital", "still in hospital"}
    | {"seriously injured"}
    | {f"in {c} condition" for c in _CONDITIONS}
)
"""What a group can be a part of ("8 children were killed", "two workers remain in hospital")."""


def _own_condition(ent: SpacySpan) -> str | None:
    """The condition a count itself is said to be in ("two in critical condition"), where
    "in ... condition" hangs from the number, whatever verb the count is joined to."""
    return _condition_in(
        t for prep in ent.root.children if prep.dep_ == "prep" and prep.lower_ == "in" for t in prep.subtree
    )


def _condition_in(words: Iterable[Token]) -> str | None:
    """ "in critical condition" where the words hold a condition word of "condition"."""
    condition = next(
        (t.lower_ for t in words if t.lower_ in _CONDITIONS and t.head.lemma_.lower() == "condition"), None
    )
    return f"in {condition} condition" if condition is not None else None


def _state(ent: SpacySpan, found: tuple[str, Token] | None) -> str | None:
    """A count of people in a state now is not the count of those it ever held.

    "12 were still in hospital", "three remain in critical condition", "500 remain in
    shelters", "two are still in custody" count who is there now; "41 were treated in
    hospital" counts who was taken there; "60 were injured" counts the injured, some
    never taken to hospital. The three can all be true at once, so they are three
    quantities; only the words of the figure's own clause count.
    """
    category, cue = found or (None, None)
    if (own := _own_condition(ent)) is not None:
        return own  # "left three dead and two in critical condition": the two are not dead
    if category is not None and category not in _NOW:
        return category
    clause = _own_clause(ent)
    if category in (None, "injured") and (condition := _condition_in(clause)) is not None:
        return condition
    if category is None or cue is None:
        return None
    words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
    if words & _STILL:
        return _NOW[category]
    if category == "injured" and (_IN_HOSPITAL.match(cue.text) or _IN_HOSPITAL.match(cue.lemma_)):
        return "treated in hospital"
    near = {t.lower_ for t in cue.doc[cue.i + 1 : cue.i + 4]}  # "injuries so serious that"
    # a severity told of another count after the figure is that count's ("injured 40, five
    # seriously", "wounded 40, 10 of them critically": the 40 are all the injured)
    doc = ent.doc
    severe = [
        t
        for t in clause
        if (t.lower_ in _SEVERE or t.lemma_.lower() in _SEVERE)
        and not any(doc[k].like_num for k in range(ent.end, t.i))
    ]
    if category == "injured" and (severe or near & _SEVERE):
        return "seriously injured"  # "five were seriously injured": a part of the injured
    return category


_SEVERE = frozenset(
    "serious seriously severe severely critical critically grave gravely life-threatening".split()
)


_CLAUSE_EDGES = frozenset("conj ccomp advcl parataxis relcl".split())


def _own_clause(ent: SpacySpan) -> list[Token]:
    """The words of the clause a figure is in, without the clauses joined to it
    ("41 were treated, and 12 were still in hospital": "still" is not 41's)."""
    root = ent.root
    verb = next((t for t in [root, *root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return list(ent.sent)
    inside = {t.i for t in root.ancestors} | {root.i}
    words: list[Token] = []
    stack = [verb]
    while stack:
        token = stack.pop()
        words.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSE_EDGES or c.i in inside)
    return words


def _near(ent: SpacySpan, cue: re.Pattern[str]) -> bool:
    return any(cue.match(t.lemma_) or cue.match(t.text) for t in ent.sent)


def _nationality(ent: SpacySpan) -> str | None:
    """The people a figure counts when a nationality names them ("236 Kenyans"). Not the
    lower-cased "67 israelis" an archive writes: read by the word list of peoples, it lost
    two real disagreements of the audits ("at least seven afghans killed" against "six shot
    dead" in an Afghan story: the people is the story's own) and added a false one."""
    head = ent.root.head
    if (
        ent.root.dep_ == "nummod"
        and head.ent_type_ == "NORP"
        and head.text.istitle()
        and head.text.endswith("s")
    ):
        return head.text
    return None


_ABOARD = frozenset({"passenger", "crew"})
"""Groups a vehicle holds: one count whatever verb tells it ("sank with 118 men aboard", "the
107 crew had little air")."""
_SEAFARERS = frozenset("sailor seaman seamen submariner".split())
"""Words for people who may be a vessel's crew: its crew only where the vessel is named
with them ("118 sailors aboard the Kursk"), not a navy's sailors at a base."""
_CREW = frozenset("crew crewman crewmen crewmember".split()) | _SEAFARERS
"""Words for the people who work a ship, submarine or plane: one count, "the crew"
("118 sailors aboard the Kursk", "the 118 crew", "a 118-man crew", "118 submariners aboard")."""


def _sized_group(ent: SpacySpan) -> Token | None:
    """The group "a 107-man crew" or "a 10-person team" gives the size of (the crew, the
    team), else None."""
    doc, head = ent.doc, ent.root.head
    glued = ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].i == head.i
    if not glued or head.lower_ not in ("man", "person") or head.dep_ not in ("amod", "compound", "nmod"):
        return None
    return head.head if head.head.pos_ == "NOUN" else None


def _aboard(noun: Token) -> bool:
    """Whether "aboard" or "on board" follows a noun ("118 men aboard", "the 107 men on board
    the submarine"): those a vessel carries."""
    after = [t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 3]]
    return after[:1] == ["aboard"] or after == ["on", "board"]


def _counted_noun(ent: SpacySpan) -> str | None:
    head = ent.root.head
    if ent.root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ == "NOUN" and head.text.isalpha():
        if head.lemma_ in ("time", "year", "day", "week"):
            return None
        noun = str(head.lemma_).lower()
        if (group := _sized_group(ent)) is not None:
            noun = str(group.lemma_).lower()  # "a 107-man crew", "a 10-man team": the crew, the team
        if noun in _CREW or (noun == "man" and _aboard(head)):
            return "crew"  # "118 sailors", "the 118 men aboard the Kursk"
        if noun == "member" and any(c.dep_ == "compound" and c.lower_ == "crew" for c in head.children):
            return "crew"  # "107 crew members"
        if noun == "member":
            # "42 members of parliament", "nine members of the committee": whose members
            body = next(
                (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")),
                None,
            )  # fmt: skip
            if body is not None:
                return f"member of {body.lemma_.lower()}"
            # "the board's 12 members", "the 10-member board", "a 27-member committee"
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if (
                owner is None
                and head.dep_ in ("amod", "compound", "nmod")
                and head.head.pos_ in ("NOUN", "PROPN")
            ):
                owner = head.head
            if owner is None and head.dep_ == "dobj" and head.head.lemma_.lower() == "have":
                # "the board has 12 members": the subject's members
                owner = next(
                    (c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None
                )
            if owner is not None:
                return f"member of {_body_name(owner)}"
        return _SAME_THINGS.get(noun, noun)
    return None


_SAME_THINGS = {
    "vessel": "ship",
    "airplane": "plane",
    "aircraft": "plane",
    "airliner": "plane",
    "automobile": "car",
}
"""Nouns that name one kind of thing ("10 ships" and "about 15 vessels" at the rescue site):
one key. Not "boat" (a ship's lifeboat), "jet" (a fighter) or "vehicle" (a truck too)."""


def _body_name(token: Token) -> str:
    """What a body is called: the named entity it heads ("the European Union", so the
    African Union is another body), else its lemma ("board")."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ in _OWNERS), None)
    if ent is not None:
        return ent.text.lower().removeprefix("the ")
    return str(token.lemma_).lower()


_OWNERS = frozenset("PERSON ORG NORP GPE".split())
_WON = frozenset("vote ballot seat".split())
"""What candidates win shares of: each candidate's share is its own quantity."""


def _share_owner(ent: SpacySpan, para: Paragraph, entities: EntityIndex) -> str | None:
    """Whose share "N percent of the X" is: the named subject of its verb ("Obama won 52
    percent of the vote", "Romney got 47 percent of the vote" are two shares)."""
    doc = ent.doc
    at = ent.end + 1 if ent.end < len(doc) and doc[ent.end].lower_ in ("percent", "per", "%") else ent.end
    if at < len(doc) and doc[at].lower_ == "cent":
        at += 1
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in _OWNERS:
        return None
    name = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
    if name is None:
        return None
    entity = entities.at(para.doc_index, para.start + name.start_char, para.start + name.end_char)
    if entity is None or entity.type != name.label_ or any(c.isdigit() for c in entity.name):
        return str(name.text)
    return entity.name


def _name_words(token: Token) -> list[Token]:
    """A name's words up to its head ("Ana Kessler" for "Kessler")."""
    return [t for t in token.subtree if t.i <= token.i and (t.i == token.i or t.dep_ in ("compound", "flat"))]


def _attributive(ent: SpacySpan) -> bool:
    """Whether a count describes a thing it is part of ("the 72-storey block", "a 320-room
    hotel"): what the thing has, as "has 87 storeys" says, whatever the sentence's verb."""
    noun = ent.root.head
    return noun.i >= ent.end and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN"


def _share_of(ent: SpacySpan) -> str | None:
    """What a percentage is a share of: "10 percent of the electricity", else the clause's subject."""
    doc = ent.doc
    at = ent.end + 1 if ent.end < len(doc) and doc[ent.end].lower_ in ("percent", "per", "%") else ent.end
    if at < len(doc) and doc[at].lower_ == "cent":
        at += 1
    if at + 1 < len(doc) and doc[at].lower_ == "of":
        for token in doc[at + 1 : at + 6]:
            if token.pos_ in ("NOUN", "PROPN"):
                return str(token.lemma_).lower()
    first = _split_first(ent)
    if first is not None:
        # "topping Gore 57 percent to 39 percent": Gore's 39, the other side of the 57
        share = _share_of(first)
        return None if share is None else f"{share} (the other side)"
    sign = doc[at - 1] if at > ent.end else ent.root
    # "5.2 percent population growth", "a vacancy rate of 3.7 percent": the noun the
    # share qualifies, with the nouns compounded into it
    owner = None
    if sign.dep_ in ("compound", "nmod", "amod") and sign.head.pos_ == "NOUN":
        owner = sign.head
    elif sign.dep_ == "pobj" and sign.head.lower_ == "of" and sign.head.head.pos_ == "NOUN":
        owner = sign.head.head  # "a vacancy rate of 3.7 percent"
    elif sign.dep_ == "pobj" and sign.head.lower_ == "at" and _named_thing(sign.head.head):
        # "the North Central market at 1.9 percent": a named thing's share, by its name
        owner = sign.head.head
        opening = min(t.i for t in owner.subtree if t.dep_ != "det" and t.i <= owner.i)
        names = [t.text for t in owner.doc[opening : owner.i] if t.text[:1].isupper()]
        return " ".join([*names, str(owner.lemma_).lower()])
    if owner is not None and owner.is_alpha and owner.lemma_.lower() not in _POLLS:
        words = [
            c.lower_ for c in owner.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i != sign.i
        ]
        return " ".join([*words, str(owner.lemma_).lower()])
    heads = list(ent.root.ancestors)
    if ent.root.dep_ == "conj" and ent.root.head.like_num:
        heads = heads[1:]  # "by 90 or 95 percent": the 95 hangs from the 90
    # "fell from 9 percent to 6 percent": the parser may hang "to" on "from", a step further
    reach = 4 if any(h.lower_ == "to" and h.head.lower_ == "from" for h in heads[:3]) else 3
    for head in heads[:reach]:
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in ("it", "they") and head.dep_ in ("advcl", "conj"):
                # "prices rose 4 percent here, while they jumped 12 percent there"
                subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                # "the unemployment rate was 12 percent", "the poverty rate stayed at 18
                # percent": two rates, named by the nouns compounded into "rate"
                words = [c.lower_ for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
                return " ".join([*words, str(subject.lemma_).lower()])
    return None


def _named_thing(token: Token) -> bool:
    """Whether a token is a common noun with an article and a name compounded into it ("the
    North Central market"), for no person or party ("the governor at 40 percent" in a poll)
    and outside a poll: a share "at" a figure is then the named thing's. Not "the office
    vacancy rate at 3.1 percent" (whose place the key would lose: two cities' rates rival),
    nor "rick santorum at 14 percent" in text without capitals, where the parser takes a
    name for a noun."""
    return (
        token.pos_ == "NOUN"
        and any(c.dep_ == "det" for c in token.children)
        and any(c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children)
        and token.lemma_.lower() not in SOMEONE | {"party", "incumbent", "challenger"}
        and not any(t.lemma_.lower() in _POLLS for t in token.sent)
    )


def _last_number_before(
    doc: Doc, at: int, start: int, keep: Callable[[SpacySpan], bool] | None = None
) -> SpacySpan | None:
    """The last figure (`number_spans`) that ends by token `at` and starts at or after
    `start`, of those `keep` keeps; None where there is none."""
    return next(
        (
            s
            for s in reversed(number_spans(doc))
            if s.end <= at and s.start >= start and (keep is None or keep(s))
        ),
        None,
    )


def _number_span_at(doc: Doc, i: int) -> SpacySpan | None:
    """The figure (`number_spans`) that holds token `i`, if any."""
    return next((s for s in number_spans(doc) if s.start <= i < s.end), None)


def _compared(ent: SpacySpan) -> tuple[SpacySpan, str] | None:
    """The figure a "compared with" or "compared to" figure is set beside, and the key's
    suffix: the last figure of its kind (a share for a share, else a number that is no
    share) before "compared" in the sentence. "58 percent of women disapproved, compared
    with 35 percent who backed it" sets the 35 beside the 58, "(compared)"; "82 bias crimes
    this year, compared with 46 during the same period last year" the 46 beside the 82,
    "(earlier)", as the words after it name a time. What the two share is not said (the
    same women, another city, the year before), so neither key ever rivals another
    (`_never_rivals`). None where there is no such figure."""
    doc = ent.doc
    sign = ent.root.head if ent.root.head.lower_ in ("percent", "%", "cent") else ent.root
    prep = sign.head
    if sign.dep_ != "pobj" or prep.lower_ not in ("with", "to") or prep.head.lemma_.lower() != "compare":
        return None
    compared = prep.head
    share = ent.label_ == "PERCENT"
    lead = _last_number_before(doc, compared.i, ent.sent.start, lambda s: (s.label_ == "PERCENT") == share)
    if lead is None:
        return None
    after = doc[ent.end : min(ent.end + 6, ent.sent.end)]
    words = itertools.takewhile(lambda t: t.text not in (",", ";", "."), after)
    then = any(t.ent_type_ == "DATE" or t.lower_ in _EARLIER_WORDS for t in words)
    return lead, "(earlier)" if then else "(compared)"


def _of_which(ent: SpacySpan) -> SpacySpan | None:
    """The whole a figure followed by "of which", "of whom" or "of them" is a part of: the
    last figure before it in the sentence ("12,435 criminal cases, 6,426 of which were
    major"); None otherwise."""
    doc = ent.doc
    words = [t.lower_ for t in doc[ent.end : ent.end + 2]]
    if words not in (["of", "which"], ["of", "whom"], ["of", "them"]):
        return None
    return _last_number_before(doc, ent.start, ent.sent.start)


def _restated(ent: SpacySpan) -> SpacySpan | None:
    """The figure an anaphor stands for when a verb of revising takes it to a new one ("the
    death toll rose to 17,997, but they revised that figure down to 12,514" gives the
    17,997): "that figure", "the estimate", "this tally" as the verb's object, or as its
    subject with "that" or "this" ("that figure rose to"). The figure is the last count
    before the anaphor in the sentence that is no place's or time's ("officials in 12
    provinces said the total rose to 300" restates nothing). None otherwise, and where the
    noun says what it counts ("the number of seats", read by `_number_of`)."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ != "to":
        return None
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    anaphor = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    if anaphor is None or anaphor.lemma_.lower() not in _ANAPHORS:
        return None
    pointing = (
        ("that", "this")
        if anaphor.dep_ != "dobj" or verb.lemma_.lower() not in _REVISING
        else ("that", "this", "the")
    )
    if not any(c.dep_ == "det" and c.lower_ in pointing for c in anaphor.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in anaphor.children):
        return None
    lead = _last_number_before(ent.doc, anaphor.i, ent.sent.start)
    if lead is None:
        return None
    holder = lead.root.head if lead.root.dep_ in ("nummod", "quantmod") else lead.root
    if holder.dep_ == "pobj" and holder.head.lower_ not in ("to", "at"):
        return None  # "in 12 provinces", "after 3 aftershocks": no count the anaphor takes up
    return lead


_REVISING = frozenset("revise raise lower cut put update adjust correct bring push".split())
"""Verbs that take a figure told before to a new one ("revised that figure down to")."""
_ANAPHORS = frozenset("figure tally estimate number total count".split())
"""Nouns that stand for a figure told before ("revised that figure down to 12,514")."""


def _compared_share(ent: SpacySpan) -> str | None:
    """What a share set beside another is (`_compared`), read from that share: "35 percent
    who backed it" beside "58 percent of women" is "woman (compared)"."""
    found = _compared(ent)
    share = None if found is None else _share_of(found[0])
    return None if found is None or share is None else f"{share} {found[1]}"


_EARLIER_WORDS = frozenset("earlier ago before previously previous prior".split())


_SPLIT_JOINERS = frozenset({"to", "against", "versus", "vs", "vs."})
_CONTESTS = frozenset(
    "lead top beat defeat win edge trail margin vote approve reject ahead poll split outpoll".split()
)
"""Words of a contest two shares split ("topping Gore 57 percent to 39 percent", "by a margin
of 58 percent to 42 percent"), not of a change or a range ("rose 2 percent to 9 percent")."""


def _split_first(ent: SpacySpan) -> SpacySpan | None:
    """The first share of a split that `ent` is the second of ("topping Gore 57 percent to 39
    percent", "58% against 42%"), as a span: the two shares side by side, after a word of a
    contest (`_CONTESTS`) where the joiner is "to"; None for anything else, a change ("from
    about 5 percent to 9 percent", "rose 2 percent to 9 percent") or a range ("reach 7
    percent to 8 percent")."""
    doc = ent.doc
    joiner = ent.start - 1
    if joiner < 3 or doc[joiner].lower_ not in _SPLIT_JOINERS:
        return None
    if doc[joiner - 1].lower_ not in ("percent", "%") or not doc[joiner - 2].like_num:
        return None
    first = doc[joiner - 2 : joiner - 1]
    if doc[joiner].lower_ == "to":
        before = doc[max(first.start - 8, 0) : first.start]
        if any(t.lower_ == "from" for t in before) or not any(
            t.lemma_.lower() in _CONTESTS or t.lower_ in _CONTESTS for t in before
        ):
            return None
    return first


_HEDGES_AFTER = {
    ("or", "more"): "at least",
    ("or", "so"): "about",
    ("or", "fewer"): "at most",
    ("or", "less"): "at most",
}
"""Hedges written after the number ("20 or more images", "30 or so people"), read as the
hedge before it that means the same, for comparing; the figure's text keeps them as written."""


def _qualifier(ent: SpacySpan) -> str:
    text = " ".join(t.lower_ for t in ent.doc[max(ent.start - 3, 0) : ent.start]) + " " + ent.text.lower()
    for qualifier in _QUALIFIERS:
        if re.search(rf"\b{qualifier}\b", text):
            return qualifier
    after = _hedge_after(ent)
    return "" if after is None else _HEDGES_AFTER[after]


def _hedge_after(ent: SpacySpan) -> tuple[str, str] | None:
    """The two words after a figure if they hedge it ("or more"), else None."""
    doc = ent.doc
    if ent.end + 2 > len(doc):
        return None
    words = (doc[ent.end].lower_, doc[ent.end + 1].lower_)
    if words not in _HEDGES_AFTER:
        return None
    after = doc[ent.end + 2] if ent.end + 2 < len(doc) else None
    if words[1] in ("more", "less", "fewer") and after is not None and after.lower_ == "than":
        return None  # "20 or more than 30": a choice, not a hedge
    return words


def _as_written(ent: SpacySpan, text: str, qualifier: str) -> str:
    """The figure's text with its hedge as written: before it ("at least 20") or after it
    ("20 or more")."""
    after = _hedge_after(ent)
    if after is not None and _HEDGES_AFTER[after] == qualifier:
        return f"{text} {' '.join(after)}"
    if qualifier and qualifier not in ent.text.lower():
        return f"{qualifier} {text}"
    return text


def _attribution(ent: SpacySpan, para: Paragraph, entities: EntityIndex) -> str | None:
    """Who the report gives the figure to, or None where it states the figure itself:
    "according to X"; the owner of an estimate that may speak ("the ministry's toll of 7",
    "the ministry's toll remains at 7"; not "Turkey's toll"); else the subject of a verb of
    saying (`_FIGURE_VERBS`) above the figure or speaking for its sentence, or the agent of a
    passive one ("was reported by the ministry"). Never what a passive verb says something
    of, a verb of saying in another sense ("accidents claimed 40 lives"), nor anyone for a
    figure that counts who speaks ("seven experts said")."""
    for token in ent.sent:
        if token.lower_ == "according":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return _speaker_name(obj, para, entities)
    for head in list(ent.root.ancestors)[:3]:
        # "the regional government's estimate of 180 million"
        if head.pos_ == "NOUN" and head.lemma_.lower() in _ESTIMATES:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and _may_speak(owner):
                return _speaker_name(owner, para, entities)
    if (owner := _estimate_owner(ent)) is not None:
        return _speaker_name(owner, para, entities)
    if (putter := _put_at(ent)) is not None:
        return _speaker_name(putter, para, entities)
    # The outermost speech verb above the figure is the report's source for it.
    governing = _governing(ent)
    others = [t for t in ent.sent if _FIGURE_VERBS.get(t.lemma_.lower()) is not None and t.pos_ == "VERB"]
    # A verb of saying the figure is not under speaks for it only as the sentence's own
    # ('"12 died," the army said', "as noted by the Chronicle, ...") or with a clause of its
    # own: not "when the residents complained, the commission agreed to pay $5,000".
    others = [t for t in others if _speaks_for_the_sentence(t, ent)]
    # nor the verb another clause of saying is joined to ("Police said 12 died, but hospital
    # officials reported 15 deaths": the 15 is not the police's)
    joined_to = set()
    if governing and governing[0].dep_ == "conj":
        token = governing[0]
        while token.dep_ == "conj":
            token = token.head
            joined_to.add(token.i)
    others = [t for t in others if t.i not in joined_to]
    # "say" and "tell" name a source; "report", "warn"... more often belong to the story.
    ordered = sorted(
        dict.fromkeys(v for v in [*governing, *others] if _says_figures(v, ent)),
        key=lambda t: t.lemma_.lower() not in ("say", "tell"),
    )
    counting: list[Token] = []  # verbs of saying whose every subject holds the figure
    for verb in ordered:
        if counting and not _above_or_aside(verb, counting, ent):
            continue
        if _passive(verb):
            # "the toll was reported by the ministry", "as noted by the Chronicle": the voice
            # is the agent of a verb the figure is under or of an "as" clause, not of one
            # that describes something else ("questions asked by employers", "charges,
            # denied by his wife"); "its existence was reported", "The blast, believed to
            # have been caused by a bomb": the subject of a passive is what is said
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            voice = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            gives = verb in governing or _as_clause(verb)
            if voice is not None and gives and not any(t.i == ent.root.i for t in voice.subtree):
                return _speaker_name(voice, para, entities)
            continue
        subjects: list[Token | None] = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects = subjects or [subject_of(verb) or _subject_above(verb)]
        # "Seven experts said ...": a figure in every subject of its verb counts who speaks,
        # and only a voice above that verb or set aside in the sentence may give it (see
        # `_above_or_aside`). Where the parse gives a verb two subjects ("18 others injured
        # ..., the agency reported"), the other one speaks.
        outside = [t for t in subjects if t is None or not any(w.i == ent.root.i for w in t.subtree)]
        if not outside:
            counting.append(verb)
            continue
        for subject in outside:
            if subject is not None and verb.lemma_.lower() == "show" and subject.lemma_.lower() in _PICTURES:
                continue  # "This photo shows the Bounty, a 180-foot sailboat": no voice
            if subject is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
                continue  # "80 to 100 homes destroyed but no deaths reported": no one speaks
            if subject is not None:
                if _a_share_of_people(subject):
                    # "62 percent of respondents say": a poll's answer, no source; nor is
                    # another clause's speaker ("Many said 300, the army said 250")
                    if governing and verb == governing[-1]:
                        return None  # the speech verb nearest above the figure
                    continue
                if subject.lower_ in _STAND_INS and any(g.i != verb.i for g in governing):
                    # "The union maintains that nine died, including two workers it says are
                    # missing": "it" is who speaks above, named there
                    continue
                if subject.lower_ in _RELATIVES and subject.head.dep_ == "relcl":
                    # "officials who said 40 died": the word the clause is set under; not
                    # for what the verb acts on ("Johnson, who has written four books",
                    # "blasts that claimed 300 lives")
                    if not _in_said_clause(verb, ent) or not _speaks(subject.head.head):
                        return None
                    subject = subject.head.head
                return _speaker_name(subject, para, entities)
    return None


_STAND_INS = frozenset({"it", "they"})
"""Subjects that name no one but stand for the voice of a clause above or beside them."""
_RELATIVES = frozenset({"who", "that", "which"})
"""Subjects of a relative clause, which stand for the word the clause is set under."""


def _speaks(word: Token) -> bool:
    """Whether a word names someone who may speak, or a work that reports: a name, a word
    for a person or a body ("officials", "the ministry"), a study or report ("a study that
    found that ..."); not "discoveries that showed"."""
    lemma = word.lemma_.lower()
    return (
        word.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")  # "Israel, which said 40 rockets ..."
        or (word.pos_ == "PROPN" and word.ent_type_ not in _NOT_VOICES)
        or lemma in SOMEONE | _VOICE_NOUNS | _WORKS
    )


_WORKS = frozenset("study report survey poll inquiry review audit analysis paper".split())
"""Works that report figures ("a study that found that 20 ...")."""


def _in_said_clause(verb: Token, ent: SpacySpan) -> bool:
    """Whether a figure is in what a verb of saying says: its clause ("said 40 people
    died"), or the object of one that reports ("reported 40 deaths")."""
    token = ent.root
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    if token.head.i != verb.i:
        return False
    return token.dep_ == "ccomp" or (token.dep_ == "dobj" and verb.lemma_.lower() in _REPORTING)


_REPORTING = frozenset("report announce confirm estimate predict forecast project".split())
"""Verbs of saying whose object is what is said ("the agency, which reported 40 deaths")."""


def _governing(ent: SpacySpan) -> list[Token]:
    """The verbs of saying above a figure, outermost first. One joined to another by "and"
    or "but" with a subject of its own is no clause of that one ("Police said 12 died, but
    hospital officials said the toll was 15": the 15 is the officials' alone), unless its
    subject is "it" or "they", which stand for the first one's."""
    found = []
    token = ent.root
    while token.head.i != token.i:
        if (
            token.dep_ == "conj"
            and _FIGURE_VERBS.get(token.lemma_.lower()) is not None
            # "The ministry said 12 died, and it said 40 were hurt": "it" is the ministry
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _STAND_INS for c in token.children)
        ):
            break
        token = token.head
        if _FIGURE_VERBS.get(token.lemma_.lower()) is not None:
            found.append(token)
    return found[::-1]


def _above_or_aside(verb: Token, counting: list[Token], ent: SpacySpan) -> bool:
    """Whether a verb of saying may give a figure that counts the speakers of `counting`
    ("three officials said ..."): it is above them ("..., the agency reported that three
    officials said"), or a tag set aside by commas ("In that case, Sparks noted, five
    justices agreed"; "three officials said ..., AP reported", which the parser may hang
    inside what the officials said). Not another clause's speaker ("seven senators asked
    ... why officials believe", "four siblings pushed back, saying ..., but an investigator
    suggested ...")."""
    if all(c in verb.subtree for c in counting) and verb not in counting:
        return True
    return _set_off(verb) or (verb.i > ent.end and _set_off(verb, after=False))


def _speaks_for_the_sentence(verb: Token, ent: SpacySpan) -> bool:
    """Whether a verb of saying speaks for a sentence's figure that is not under it: it is
    the sentence's main verb, a bare "X said" set in the sentence ("Nationwide, he said, 50
    growers ...") or after the figure ('... for the next five to 20 years," Thomas said';
    not "100 owners petitioned, but Chu said no"), an "as" clause ("As noted by the
    Chronicle, ..."), or it has a clause of its own."""
    if verb.dep_ == "ROOT" or _as_clause(verb):
        return True
    if any(c.dep_ == "ccomp" for c in verb.children):
        return not _in_other_clause(verb, ent)
    if not _bare_tag(verb):
        return False
    # after the figure, whatever the parser hung it on ("..., the agencies reported" read as a
    # clause on "apartment"); before it, set off as an aside
    return verb.i > ent.end or (verb.dep_ == "parataxis" and _set_off(verb))


_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "csubj", "pcomp"})


def _in_other_clause(verb: Token, ent: SpacySpan) -> bool:
    """Whether a verb of saying stands in a clause set under a word the figure is not
    under: a relative clause ("The mayor, who said the city was warned, confirmed that 14
    homes burned"), a clause of time or reason ("After officials said the bridge was safe,
    40 cars crossed it"); not an "as" clause, nor one set under what the figure counts ("the
    two he said would be charged", "the 40 people he said had died", "40 people, a toll that
    officials said would rise")."""
    token = verb
    counted = [ent.root, ent.root.head] if ent.root.dep_ == "nummod" else [ent.root]
    # and a word set beside it: "40 people, a toll that officials said would rise"
    counts = {t.i for t in counted} | {c.i for t in counted for c in t.children if c.dep_ == "appos"}
    while token.head.i != token.i:
        if token.dep_ in _SUBORDINATE and not _as_clause(token):
            # ... but those counted may not be who speaks ("three suspects who told police")
            about = token.head.i in counts and not any(
                c.dep_ == "nsubj" and c.lower_ in _RELATIVES for c in token.children
            )
            return not (token.left_edge.i <= ent.root.i <= token.right_edge.i or about)
        token = token.head
    return False


_TAG_PARTS = frozenset(
    {"nsubj", "punct", "advmod", "npadvmod", "prep", "aux", "cc", "dative", "conj", "advcl"}
)
"""What a bare tag of saying holds beside its verb: "the ministry said on Monday", "Lazio
said, and ...", "officials have said", "Bloomberg reported, citing people familiar"."""


def _bare_tag(verb: Token) -> bool:
    """Whether a verb of saying is a bare tag: its subject and words of when, where or to
    whom ("told a hearing"), no object of its own ("Chu said no")."""
    tell = verb.lemma_.lower() == "tell"
    return all(c.dep_ in _TAG_PARTS or (tell and c.dep_ == "dobj") for c in verb.children)


def _set_off(verb: Token, *, after: bool = True) -> bool:
    """Whether a clause of saying is set off by commas or dashes ("Nationwide, he said, 50
    growers"; not "the residents complained, the commission agreed to pay"); with `after`
    False, by one before it ("..., AP reported Thursday.")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    left = min([verb.i, *(w.left_edge.i for w in subjects)])
    right = max([verb.i, *(w.right_edge.i for w in subjects)])
    doc = verb.doc
    marks = (",", "—", "--", "_", "–")
    if left == 0 or doc[left - 1].text not in marks:
        return False
    return not after or (right + 1 < len(doc) and doc[right + 1].text in marks)


def _as_clause(verb: Token) -> bool:
    """ "As noted by the Chronicle", "as the ministry said": a clause that gives a voice."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _subject_above(verb: Token) -> Token | None:
    """The subject of the verb a verb of saying completes ("Police continued to insist that
    12 died", "The ministry continues to put the toll at 40")."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in ("continue", "keep", "plan"):
        return None  # not "declined to say", "refused to confirm", "invited them to testify"
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _a_person_subject(verb: Token) -> bool:
    """Whether a verb's subject is a person: a person's name or a personal pronoun."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i", "we", "they")
    )


_VERDICTS = frozenset({"guilty", "innocent", "liable", "responsible", "negligent"})
"""What "find" rules in a verdict, not a finding that gives figures."""
_PICTURES = frozenset("photo photograph image picture video footage map chart graphic screenshot".split())
"""What "shows" what it depicts, not a figure it gives."""
_FIGURE_VERBS: dict[str, bool] = {
    **dict.fromkeys(SPEECH_VERBS, False),
    **dict.fromkeys(("continue", "agree", "stress", "show", "maintain", "find", "recall"), True),
}
"""The verbs whose subject gives the figures they govern, mapped to whether they do so only
for the figures of a clause after them: the verbs of speech, and "show", "maintain" and
"find" ("The agency's data show that eight percent ...", "The union maintains that nine
people died", "scientists found that the ice is 40 percent thinner"). Those marked True
give a voice only to their clause ("officials agreed that ..."), not in their other senses:
"the storm continued its devastation, closing eight airports", "the rescue is continuing
with 22 ships", "a deal to limit warming to 2C was agreed", "the advice stresses statins",
"the photos show 12 people", "Mercedes has recalled 6,000 child seats"."""


def _says_figures(verb: Token, ent: SpacySpan) -> bool:
    """Whether a verb of `_FIGURE_VERBS` gives the figure `ent` a voice: not one that needs a
    clause, unless the figure is in it ("polls show that 58 percent ..."; not "an estimated 1
    million smoke, though figures show that ...", "Seven years later, scientists maintain
    that ..."), nor "claim" of lives ("accidents claimed more than 40 lives": a toll, told by
    no one)."""
    lemma = verb.lemma_.lower()
    in_clause = any(
        c.dep_ == "ccomp" and c.left_edge.i <= ent.start and ent.end - 1 <= c.right_edge.i
        for c in verb.children
    )
    # "Unemployment, the report found, rose to 6 percent", "..., the poll showed": a finding
    # told as a tag; never "fighting continued on Friday"
    tag = lemma in ("show", "find", "maintain", "recall") and (
        (_bare_tag(verb) and (verb.i > ent.end or _set_off(verb))) or _as_clause(verb)
    )
    if _FIGURE_VERBS.get(lemma) and not (in_clause or tag):
        return False
    if lemma == "find" and any(c.lower_ in _VERDICTS for c in verb.children):
        return False  # "the jury found him guilty of two counts": a verdict, no finding of figures
    objects = [c for c in verb.children if c.dep_ == "dobj"] if lemma == "add" else []
    # ("Officials added 30 people were still missing" is read as an object and a clause
    # right after it: a clause said)
    split = any(
        c.dep_ == "ccomp" and c.left_edge.i == o.right_edge.i + 1 for c in verb.children for o in objects
    )
    if (
        objects
        and not split
        and (
            any(c.left_edge.i <= ent.start < c.right_edge.i + 1 for c in objects)
            or not _a_person_subject(verb)
        )
    ):
        # "Texas added 98,000 inmates", "Kelly has added 500 inspectors": no saying; but "he
        # added his islands average just 2 meters above the sea", which the parser reads so
        return False
    return not (
        lemma == "claim"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "live") for c in verb.children)
    )


def _passive(verb: Token) -> bool:
    """Whether a verb is passive ("was reported", "is estimated", "were believed to"), or a
    past participle on a noun ("questions asked by employers", "the blast, believed to be")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    # a participle with no auxiliary and no subject is no finite verb ("questions asked by
    # employers"); with a subject it is a past tense the tagger took for one ("the group
    # reported that")
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
        return True
    # "The blast, believed to have been caused by a bomb, killed 247", which the parser may
    # read as "the blast believed": "X, believed to", "X, said to be" is the passive
    doc = verb.doc
    return 0 < verb.i < len(doc) - 1 and doc[verb.i - 1].text == "," and doc[verb.i + 1].lower_ == "to"


def _estimate_owner(ent: SpacySpan) -> Token | None:
    """The owner of an estimate that is the subject of the figure's verb, where the owner
    may speak (`_may_speak`): "The health ministry's official toll remains at seven", "the
    regional government's preliminary estimate put the damage at 180 million euros"."""
    verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _GIVEN_ESTIMATES or subject.i > ent.start:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" or not _may_speak(owner):
        return None
    # a body or a person, or a noun for one ("the ministry's toll"); not "the city's death
    # toll", "the war's death toll", "the pandemic's toll"
    return owner if owner.ent_type_ in ("ORG", "PERSON") or owner.lemma_.lower() in _VOICE_NOUNS else None


_GIVEN_ESTIMATES = _ESTIMATES - {"number", "total"}
"""Estimates someone gives, whose owner may be their voice; not "Apple's number of employees",
"the company's total"."""
_VOICE_NOUNS = frozenset(
    """ministry government police agency department office union authority army military
    administration commission committee council service institute bureau organization
    organisation group company hospital court embassy""".split()
)
"""Common nouns for a body that gives figures ("the health ministry's official toll")."""


def _put_at(ent: SpacySpan) -> Token | None:
    """Who puts an estimate at the figure: "UN officials put the toll at 7,500", "police
    placed the number of dead at 12" (the subject of "put" or "place" whose object is an
    estimate, `_ESTIMATES`, or a cost, with the figure after "at"), or raises, lowers or
    revises it to the figure ("the ministry raised the death toll to 40", `_PUT_VERBS`)."""
    at = next((t for t in ent.root.ancestors if t.lower_ in ("at", "to") and t.dep_ == "prep"), None)
    if at is None:
        return None
    verb = at.head
    if verb.lemma_.lower() not in _PUT_VERBS[at.lower_] or _passive(verb):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _ESTIMATES | _COSTS for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _subject_above(verb)
    if subject is not None and subject.lower_ in _SHARE_WORDS:
        # "some of the state's leading Democrats put the figure at $10 billion"
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if subject is None or subject.pos_ in ("PRON", "DET") or not _may_speak(subject):
        return None  # "..., which would put the total at 3,900 acres": the sentence's voice
    if at.lower_ == "to" and not _speaks(subject):
        return None  # "The new deaths raised the toll to 40": no one speaks
    return subject


_PUT_VERBS = {
    "at": frozenset({"put", "place"}),
    "to": frozenset({"raise", "lower", "revise", "increase", "update"}),
}
"""Verbs by which someone gives an estimate, by the word before the figure: "UN officials put
the toll at 7,500", "the ministry raised the death toll to 40"."""


_COSTS = frozenset("cost damage loss losses bill price value crowd attendance turnout".split())


def _may_speak(owner: Token) -> bool:
    """Whether the owner of an estimate may be its voice: not a place or an event, which own
    a toll without giving it ("Turkey's toll rose to 12,000", "the quake's toll")."""
    return owner.ent_type_ not in _NOT_VOICES and _event_word(owner) not in _EVENT_NOUNS


_NOT_VOICES = frozenset({"GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL"})
"""Entity labels of owners that do not speak for a toll they own (`_estimate_owner`)."""


_SHARE_WORDS = frozenset("percent % half third quarter majority minority most many few some all none".split())


def _a_share_of_people(subject: Token) -> bool:
    """Whether a speech verb's subject is a number or a share ("32 percent", "almost half",
    "most"): people a poll counts, not who gives the figure."""
    return bool(subject.like_num) or subject.lower_ in _SHARE_WORDS


def _speaker_name(token: Token, para: Paragraph, entities: EntityIndex) -> str | None:
    if token.pos_ == "PRON" and token.lower_ not in ("he", "she"):
        return None  # "it", "they": too vague to name without coreference
    return name_of(token, para, entities, None, 0)


def _same_predicates(figures: list[_Figure]) -> list[_Figure]:
    """Join the predicates two reports give one figure under ("awarded $57 million",
    "a $57 million verdict"): the words differ, the quantity is one."""
    parent: dict[tuple[str, str, str], tuple[str, str, str]] = {}

    def root(key: tuple[str, str, str]) -> tuple[str, str, str]:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    seen: dict[tuple[str, str, float], list[_Figure]] = defaultdict(list)
    for figure in figures:
        if figure.predicate:
            seen[figure.counted, figure.scope, figure.value.value].append(figure)
    for same in seen.values():
        first = same[0]
        for other in same[1:]:
            if other.value.source != first.value.source:
                a = root((first.counted, first.scope, first.predicate))
                b = root((other.counted, other.scope, other.predicate))
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return [
        replace(f, predicate=root((f.counted, f.scope, f.predicate))[2]) if f.predicate else f
        for f in figures
    ]


def _plain_groups(figures: list[_Figure]) -> list[_Figure]:
    """A group counted under a verb that says nothing of it ("150 firefighters were at the
    scene") is the group one other verb counts ("180 firefighters had worked through the
    night") when the cluster counts that group, in that scope, under that verb alone; under
    two verbs or more ("went on strike", "were idled") it stays apart, as which of them it
    is cannot be told."""
    verbs: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for figure in figures:
        if figure.counted in _GROUPS:
            verbs[figure.counted, figure.scope].add(figure.predicate)
    out = []
    for figure in figures:
        others = verbs.get((figure.counted, figure.scope), set()) - {""}
        if figure.counted in _GROUPS and not figure.predicate and len(others) == 1:
            figure = replace(figure, predicate=next(iter(others)))
        out.append(figure)
    return out


_DAY_SCOPE = re.compile(r"^on [A-Za-z]+(?:, |$)")


_PERIOD_SCOPE = re.compile(r"(?:^|, )(?:since|during) [A-Za-z0-9][A-Za-z0-9.]*(?=, |$)")


def _lone_scope(figures: list[_Figure], part: re.Pattern[str], *, unless_running: bool) -> list[_Figure]:
    """Drop a part of figures' scope (`part`: a day, a period) where the cluster counts a
    quantity over one such part only: it is then the story's own, not a narrower count.

    Days (`_DAY_SCOPE`, `unless_running`): "30 were killed on Monday" and "45 were killed"
    count one thing when no report gives a running total of it ("since March", "the toll
    rose to") and no other day: the day is then the day of the event. Periods
    (`_PERIOD_SCOPE`): "killed since March" and "killed" count one thing; counts over
    different periods ("arrested since May", "since Sunday") stay apart.
    """
    found: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    running: set[tuple[str, str]] = set()
    for figure in figures:
        key = (figure.counted, figure.predicate)
        if figure.running:
            running.add(key)
        found[key].update(m.group(0).strip(", ") for m in part.finditer(figure.scope))
    out = []
    for figure in figures:
        key = (figure.counted, figure.predicate)
        if len(found[key]) == 1 and not (unless_running and key in running):
            figure = replace(figure, scope=part.sub("", figure.scope).strip(", "))
        out.append(figure)
    return out


_YEAR_SCOPE = re.compile(r"(?:^|, )((?:19|20)\d\d)(?=, |$)")


def _split_year(scope: str) -> tuple[int | None, str]:
    """A scope's year and the rest of it ("1999, in Queens": 1999 and "in Queens")."""
    found = _YEAR_SCOPE.search(scope)
    return (int(found.group(1)), _YEAR_SCOPE.sub("", scope).strip(", ")) if found else (None, scope)


_BEFORE_YEAR = re.compile(r"^(?:on|since|during) ")
"""Parts of a scope written before its year (`_scope`: a day, a period)."""


def _implicit_years(figures: list[_Figure]) -> list[_Figure]:
    """Give a count its report's year as scope where later reports count the same thing as
    last year's: "the virus has killed five people" in a report of September 1999 is a
    reading of the count that "last year the virus killed seven", in a report of 2000, gives
    of 1999. `_group` reads the last-year figure and the counts so far of that year as one
    quantity at any distance, as running totals; a count told in the past tense ("seven were
    killed in the raid") keeps the week's window, so two of one week still rival and two
    months apart do not. A year the later report writes as a number ("the 1999 bombings")
    changes nothing here, as before."""
    named: defaultdict[tuple[str, str, str], set[int]] = defaultdict(set)
    for figure in figures:
        year, rest = _split_year(figure.scope)
        if year is not None and figure.last_year:
            named[figure.counted, figure.predicate, rest].add(year)
    if not named:
        return figures
    # The years of the reports that count each thing with no year
    own: defaultdict[tuple[str, str, str], set[int]] = defaultdict(set)
    for figure in figures:
        if figure.value.date is not None and _split_year(figure.scope)[0] is None:
            own[figure.counted, figure.predicate, figure.scope].add(figure.value.date.year)
    out = []
    for figure in figures:
        date = figure.value.date
        year, rest = _split_year(figure.scope)
        if year is not None and figure.last_year:
            if year not in own.get((figure.counted, figure.predicate, rest), ()):
                # "Breivik killed 77 people last summer", where no report of that year counts
                # them: a time of the story's own event, no other event's count
                figure = replace(figure, scope=rest, last_year=False)
        elif (
            date is not None
            and figure.scope != "part"
            and year is None
            and date.year in named.get((figure.counted, figure.predicate, figure.scope), ())
        ):
            parts = figure.scope.split(", ") if figure.scope else []
            at = next((i for i, part in enumerate(parts) if not _BEFORE_YEAR.match(part)), len(parts))
            parts.insert(at, str(date.year))
            figure = replace(figure, scope=", ".join(parts))
        out.append(figure)
    return out


_MARKED_RATE = re.compile(rf"\baverage\b|\ban? (?:{'|'.join(sorted(_PERIODS))})\b")
"""A scope `_averaged` or `_rate` gave ("average", "a day", "an hour")."""


def _unmarked_rate(figure: _Figure) -> bool:
    """A toll of people that is no whole number ("4.5 deaths per 100,000 children", "fell
    to 1.2 deaths in 2014"): a rate the sentence did not mark, never a count of people."""
    tally = figure.counted.split(" ", 1)[0]
    if tally not in _TALLIES or tally == "magnitude" or _MARKED_RATE.search(figure.scope):
        return False  # "on average 2.5 people were killed each day": a rate it says it is
    value = float(figure.value.value)
    return abs(value - round(value)) > 1e-6 * max(1.0, value)  # whole, to a float's precision


def _group(
    figures: list[_Figure], order: list[str], event_of: Mapping[str, int] | None = None, dead: int = 0
) -> list[Claim]:
    figures = [f for f in figures if not _unmarked_rate(f)]
    figures = _lone_scope(_plain_groups(_same_predicates(figures)), _DAY_SCOPE, unless_running=True)
    figures = _implicit_years(_lone_scope(figures, _PERIOD_SCOPE, unless_running=False))
    by_quantity: defaultdict[tuple[str, str, str], list[ClaimValue]] = defaultdict(list)
    told: set[tuple[str, str, str]] = set()
    # the figures counted so far (`_one_event`): a report's figure is, when any of its
    # sentences that give it says so ("5,400 have died" after "the toll rose to 5,400")
    so_far: set[ClaimValue] = set()
    words: dict[ClaimValue, frozenset[str]] = {}
    attackers: dict[ClaimValue, int] = {}  # tolls that say they count their attackers
    revisions: set[ClaimValue] = set()  # figures that revise one their report gave before
    named: dict[ClaimValue, _Told] = {}  # the events a figure tells of, and the day it names
    for figure in figures:
        values = by_quantity[figure.counted, figure.scope, figure.predicate]
        if not figure.bound:
            told.add((figure.counted, figure.scope, figure.predicate))
        unit = unit_of(figure.value.text)
        kept = next(
            (
                v
                for v in values
                if v.source == figure.value.source
                and v.value == figure.value.value
                and unit_of(v.text) == unit
            ),
            None,
        )
        if kept is None:
            values.append(kept := figure.value)
        elif kept.qualifier and not figure.value.qualifier:
            # "the deaths of at least five people ... There have been five confirmed deaths":
            # the report's figure is the one it states plainly
            values[values.index(kept)] = figure.value
            if kept in so_far:
                so_far.discard(kept)
                so_far.add(figure.value)
            words[figure.value] = words.pop(kept, figure.words)
            if kept in named:
                named[figure.value] = named.pop(kept)
            kept = figure.value
        if figure.running or figure.so_far or figure.last_year:
            so_far.add(kept)  # "last year ... killed seven": that year's count, read months on
        words.setdefault(kept, figure.words)
        if figure.attackers:
            attackers[kept] = figure.attackers
        if figure.revises:
            revisions.add(kept)
        if figure.told_of:
            named.setdefault(kept, _Told(figure.event_day, figure.told_of, figure.places))
    claims = []
    for key, values in by_quantity.items():
        counted, scope, _ = key
        if key not in told and len({v.source for v in values}) < 2:
            continue  # a deadline or a radius only one report gives: context
        values.sort(key=lambda v: (v.date or dt.date.min, order.index(v.source)))
        disagreement, kind, rivals = (
            (False, None, frozenset())
            if scope == "part" or _never_rivals(counted)
            else _disagreement(values, counted, so_far, event_of, words, attackers, revisions, dead, named)
        )
        about = f"{counted} ({scope})" if scope else counted
        # A disagreement lists its rival figures; the key's other figures (each fits every
        # figure of the other reports, or is of another event) are listed apart, as
        # figures no source disputes.
        parts = (
            [([v for v in values if v in rivals], True), ([v for v in values if v not in rivals], False)]
            if disagreement
            else [(values, False)]
        )
        for part, disputed in parts:
            if part:
                claims.append(
                    Claim(
                        about=about,
                        values=tuple(part),
                        disagreement=disputed,
                        kind=kind if disputed else None,
                        counted=counted,
                        scope=scope,
                        confident=disputed and _confident(counted, part),
                        readings=readings(part, counts=_counts_things(counted)) if disputed else (),
                    )
                )
    claims.sort(key=lambda c: (not c.disagreement, -len({v.source for v in c.values}), c.about))
    return claims


_TOLL = re.compile(
    r"\b(?:kill|dead(?!line)|death|die|injur|wound|hurt|victim|missing|casualt|fatalit"
    r"|in hospital|hospitali[sz])",
    re.IGNORECASE,
)
"""What a toll counts: people killed, hurt (in hospital) or missing; not a deadline."""
CLOSE = 1.2
"""Figures whose largest is within this factor of its smallest are close."""


def _generic(counted: str) -> bool:
    """Whether a key is a generic label: no toll (`_TOLL`), no quake's magnitude (a log
    scale), and no owner named ("age of Elian Gonzalez", "% vote of Vladimir Putin": one
    quantity, whatever words its reports tell it in).

    Two figures of one day (or undated) far apart under such a label ("people", "arrested",
    "storey", "depth"), from reports that tell them in different words, most often count
    different things, and are no rivals (`_disagreement`): they are listed as figures. On
    the audited clusters (tests/gold/audits: disagreements storyline reported on DUC 2006
    and Multi-News val, read by hand), this took out 43 read as false and 4 read as real
    (docs/benchmarks.md). They stay rivals where the two sentences say one thing but for
    the figure (`_one_statement`), where two voices estimate a sum (`_loose_amount`), where
    the figures are close (`_close`), and across days ("about 1,200 evacuated" on Saturday,
    "more than 1,500" on Monday)."""
    return not (" of " in counted or _TOLL.search(counted) or counted.startswith("magnitude"))


def _unlike(
    a: ClaimValue,
    b: ClaimValue,
    *,
    generic: bool,
    loose: bool,
    same_day: bool,
    told_as: Mapping[ClaimValue, frozenset[str]],
) -> bool:
    """Whether two figures of a generic key (`_generic`) are no rivals: of one day or
    undated, not close, told in different words, and no two voices' estimates of a sum."""
    if not generic or not (same_day or a.date is None or b.date is None) or _close(a, b):
        return False
    return not (_one_statement(told_as.get(a), told_as.get(b)) or (loose and _two_voices(a, b)))


def _close(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two figures are within `CLOSE` of each other, measures in their base unit."""
    low, high = sorted((_in_base_unit(a), _in_base_unit(b)))
    return low > 0 and high <= CLOSE * low


def _confident(counted: str, values: list[ClaimValue]) -> bool:
    """Whether a disagreement is of the kind that is mostly real: a toll, or close figures.

    Read by hand (tests/gold/audits, 195 disagreements storyline reported on DUC and three
    slices of Multi-News val), disagreements over a toll or between figures within a fifth
    of each other were real about half the time on every slice (0.45-0.55), the rest 0.06-
    0.27: two figures far apart under one label other than a toll most often count
    different things (a part and its whole, two budgets). On the figure gold, written
    before any output, the first kind's precision was 1.00 (dev, 11) and 0.75 (held out, 4)
    against 0.81 and 0.45 for all (docs/benchmarks.md)."""
    return bool(_TOLL.search(counted)) or _close(
        min(values, key=_in_base_unit), max(values, key=_in_base_unit)
    )


def _in_base_unit(value: ClaimValue) -> float:
    """A figure in its dimension's base unit where it has a unit ("65 miles" as 104.6 km), for
    comparing sizes: ends of an ambiguous unit's range averaged."""
    unit = unit_of(value.text)
    if unit is None or unit.offset:
        return value.value  # a count, or a temperature: no ratio of degrees means anything
    low, high = unit.to_base(value.value)
    return (low + high) / 2


_LOWER = frozenset(
    "more than|at least|over|well over|no less than|upwards of|topping|topped|surpassing|surpassed|exceeding|"
    "exceeded|breaking|faster than|higher than|greater than".split("|")
)
_UPPER = frozenset(
    "fewer than|less than|up to|under|at most|no more than|as many as|slower than|lower than".split("|")
)
_ONE_SIDED = _LOWER | _UPPER
_ROUND = 0.02
"""Two hedged figures this close are one figure rounded (258,000 and "about 260,000")."""
_ABOUT = 0.05
"""How far "about", "nearly" or "some" may stretch a figure."""


def compatible(a: ClaimValue, b: ClaimValue, *, counts: bool = False) -> bool:
    """Whether two figures for one quantity can both be true as worded.

    An exact figure fits inside another's hedge (16,271 and "more than 15,000"); two
    hedged figures within rounding are one, as are a round count and the exact one it
    rounds (`_round`: "12,000" and 12,040); but rival floors ("more than 7,500" and "more
    than 8,000") are two estimates, so they disagree, as do two other exact figures.
    Figures with units compare converted, within the precision they are written to
    (`_measures_compatible`); a unit against another dimension, or against a count,
    is no rival figure. `counts`: the key counts things (no sum, share or age), so a
    hedge stretches a whole count by at least one (`_stretch`).
    """
    unit_a, unit_b = unit_of(a.text), unit_of(b.text)
    if unit_a is not None or unit_b is not None:
        if unit_a is None or unit_b is None or unit_a.dimension != unit_b.dimension:
            return True  # km and kg, or km and a count: not one quantity
        return _measures_compatible(a, unit_a, b, unit_b)
    if a.value == b.value:
        return True
    range_a, range_b = parse_range(a.text), parse_range(b.text)
    if range_a is not None or range_b is not None:
        low_a, high_a = range_a or _interval(a, counts)
        low_b, high_b = range_b or _interval(b, counts)
        ends = [x for x in (low_a, high_a, low_b, high_b) if math.isfinite(x)]
        slack = _ROUND * max(ends) if a.qualifier or b.qualifier else 0.0
        return low_a <= high_b + slack and low_b <= high_a + slack
    hedged_a, hedged_b = bool(a.qualifier), bool(b.qualifier)
    if hedged_a and hedged_b and abs(a.value - b.value) <= _ROUND * max(a.value, b.value):
        return True
    for x, y in ((a, b), (b, a)):
        if (rough := _in_dozens(x)) is not None:
            low, high = _interval(y, counts)
            if low <= rough[1] and rough[0] <= high:
                return True
    # Two floors, each a count rounded down (`_floor_reach`): rivals when no one count fits
    # both ("more than 7,500" and "more than 8,000", two estimates), not when one count may
    # ("more than 30" and "at least 36" hospitalised)
    both_floors = a.qualifier in _LOWER and b.qualifier in _LOWER
    if both_floors and max(a.value, b.value) < min(_floor_reach(a), _floor_reach(b)):
        return True
    # "$57m" is written to the million: $57.1 million rounds to it, and so does $57.5
    # million to "$58m" (half a step rounds up; the float sum may miss by a hair).
    for x, y in ((a, b), (b, a)):
        if _scaled(x.text) and abs(x.value - y.value) <= step(x.value) / 2 * (1 + 1e-9):
            return True
        # "12,000" is a round count: 12,040 rounds to it, within a hundredth of it
        if _round(x) and abs(x.value - y.value) <= min(step(x.value) / 2, _ROUNDED * x.value):
            return True
    for x, y in ((a, b), (b, a)):
        if x.qualifier in _LOWER and y.qualifier and y.qualifier not in _LOWER | _UPPER:
            # "more than 100" and "some 120": the figure about which the other is may lie
            # above the floor, and below where the floor stops
            stretch = _stretch(y.value, counts)
            if y.value + stretch > x.value and y.value - stretch <= _floor_reach(x):
                return True
        if x.qualifier and not y.qualifier:
            if x.qualifier in _LOWER and y.value >= x.value:
                return True
            if x.qualifier in _UPPER and y.value <= x.value:
                return True
            if x.qualifier not in _LOWER | _UPPER and abs(x.value - y.value) <= _stretch(x.value, counts):
                return True
    return False


_VAGUE_FLOOR = re.compile(r"\bdozen", re.IGNORECASE)
"""Floors a writer gives in dozens ("more than a dozen", "over three dozen"): a rough size,
up to twice the figure (`_floor_reach`)."""


_DOZENS = 0.2
"""How far below a hedged size in dozens stretches ("close to two dozen" doctors are 20 to
26), half as far above."""


def _in_dozens(value: ClaimValue) -> tuple[float, float] | None:
    """The counts a size in two dozen or more, hedged but not bounded, allows ("close to
    two dozen", "nearly two dozen": a rough size, `_DOZENS` below and half that above, only
    below for "nearly" and "almost"); None for any other figure, for a bare "two dozen" (a
    count as written), for a floor or a ceiling in dozens (`_floor_reach` reads those), and
    for one dozen ("nearly a dozen" is eleven, not ten: `_stretch`)."""
    if value.value < 24 or not value.qualifier or value.qualifier in _ONE_SIDED:
        return None
    if not _VAGUE_FLOOR.search(value.text):
        return None
    below = value.qualifier in ("nearly", "almost")
    return value.value * (1 - _DOZENS), value.value * (1 if below else 1 + _DOZENS / 2)


def _floor_reach(floor: ClaimValue) -> float:
    """The largest count a floor allows: a writer rounds a count down to the floor's last
    digit other than zero, so "more than 200" is a count from 201 to 300, "more than 150"
    one to 160, "at least 73" (the count known so far) 73 or 74. Read where another report
    gives a figure about which (our own example's "more than 150" and "about 180"
    firefighters are rivals; an audit's "more than 100" and "some 120" patients are not)
    and where it gives a floor too ("more than 30" and "at least 36" fit one count; "more
    than 7,500" and "more than 8,000" fit none). A floor in dozens is a rough size, up to
    twice it (`_VAGUE_FLOOR`: "more than two dozen" fits "an estimated 30", "more than a
    dozen" not "about 40"); "at least four" is a count as "at least 4" is. An exact figure
    above a floor fits it however far: bounding that too found 3 more of the dev gold's 372
    rivals, but reported one of the held-out negatives."""
    value = floor.value
    if _VAGUE_FLOOR.search(floor.text):
        return value * 2  # "more than a dozen" to 24, "over two dozen" to 48
    if value <= 0:
        return 1.0
    # one step of the floor's last digit other than zero, within rounding ("4.1 million"
    # parses to 4,099,999.99...: the hundred thousands)
    return value + 10.0 ** last_place(value)


def _stretch(value: float, counts: bool = False) -> float:
    """How far "about", "nearly" or "some" stretches a figure: `_ABOUT` of it, and at least
    one for a whole count of five or more (`counts`), where that is less ("nearly a dozen"
    allows eleven; not "about two" three, nor "about 2 percent" 3 percent)."""
    if counts and value >= 5 and value == int(value):
        return max(_ABOUT * value, 1.0)
    return _ABOUT * value


_ROUNDED = 0.01
"""How far a round count written without a hedge ("12,000") may be from the exact count it
rounds: a hundredth of it ("12,040", 17,997 for "18,000"; not "7,085" for "7,000")."""


def _round(value: ClaimValue) -> bool:
    """A count of 10,000 or more written in digits to the thousand or coarser, with no hedge
    and no currency: a sum written out in full ("$57,000,000") is as exact as it looks."""
    bare = re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", value.text.strip()) is not None
    return bare and not value.qualifier and value.value >= 10_000 and value.value % 1000 == 0


@lru_cache(maxsize=1 << 16)
def _scaled(text: str) -> bool:
    """Whether a figure is written with a scale word ("57m", "1.7 million")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in _SCALES and w != "dozen" for w in words) or bool(
        re.search(r"\d(k|m|mn|bn|b|tn)\b", text.lower())
    )


def _interval(value: ClaimValue, counts: bool = False) -> tuple[float, float]:
    """The values a figure allows under its hedge: "more than 80" is 80 and up."""
    if value.qualifier in _LOWER:
        return value.value, math.inf
    if value.qualifier in _UPPER:
        return 0.0, value.value
    if value.qualifier:
        return value.value - _stretch(value.value, counts), value.value + _stretch(value.value, counts)
    return value.value, value.value


def _measures_compatible(a: ClaimValue, unit_a: Unit, b: ClaimValue, unit_b: Unit) -> bool:
    """Two measures of one dimension, converted to its base unit ("10 km" and "6.2 miles").

    Each figure stands for the values that round to it ("6.2" is 6.15 to 6.25, "10" 9.5
    to 10.5, see `step`); a hedge widens that as for counts ("about" by 5%, "more than"
    to no upper end). Figures agree when their spans meet. As for counts, two hedged
    figures agree only as one figure rounded or converted: rival floors disagree.
    """
    ranged = parse_range(a.text) is not None or parse_range(b.text) is not None
    if ranged or bool(a.qualifier) != bool(b.qualifier):
        fits = _meet(_span(a, unit_a, hedged=True), _span(b, unit_b, hedged=True))
    else:
        slack = _ROUND if a.qualifier and b.qualifier else 0.0
        fits = _meet(_span(a, unit_a, slack=slack), _span(b, unit_b, slack=slack))
    return fits or (
        not ranged and (_converted_to(a, unit_a, b, unit_b) or _converted_to(b, unit_b, a, unit_a))
    )


_CONVERTED = 0.1
"""How far a measure given in another unit may be rounded: writers round a conversion to
its last digit other than zero ("a 700-kilometer (400-mile) swath", 435 miles), up to a
tenth of it ("about 100 meters" is no 450 feet)."""


def _converted_to(a: ClaimValue, unit_a: Unit, b: ClaimValue, unit_b: Unit) -> bool:
    """Whether `b` may be `a` converted to another unit and rounded: `a` as written, in
    `b`'s unit, within `b`'s last digit other than zero (half its place either side, up to
    `_CONVERTED` of it) and `b`'s hedge. One side only: "a 10-meter wave" (33 feet) is no
    "40-foot wave" rounded. Not temperatures, whose scales start at other zeros, nor
    lengths of time ("6 weeks" is no rounded "50 days")."""
    if unit_a.name == unit_b.name or unit_a.offset or unit_b.offset or unit_a.dimension == "duration":
        return False
    if _bound_side(a.qualifier) != _bound_side(b.qualifier):
        return False  # "more than 10 miles" is no "10 km" converted, nor "more than 10 km"
    rounding = min(10.0 ** last_place(b.value) / 2, _CONVERTED * abs(b.value))
    about = (a.qualifier or b.qualifier) and not _bound_side(a.qualifier)
    low, high = _span(b, unit_b, slack=_ABOUT if about else 0.0, rounding=rounding)
    return all(low <= x <= high for x in unit_a.to_base(a.value))


def _bound_side(qualifier: str) -> str:
    """ "floor", "ceiling" or "" for a hedge: the side a one-sided hedge bounds."""
    return "floor" if qualifier in _LOWER else "ceiling" if qualifier in _UPPER else ""


def _span(
    value: ClaimValue, unit: Unit, *, hedged: bool = False, slack: float = 0.0, rounding: float = 0.0
) -> tuple[float, float]:
    """The base-unit values a measure allows: its rounding (`step`, or `rounding` where that
    is more), its hedge if `hedged`, `slack`."""
    low, high = _measured_range(value.text) or (value.value, value.value)
    low -= max(step(low) / 2, rounding) + slack * abs(low)
    high += max(step(high) / 2, rounding) + slack * abs(high)
    if hedged and value.qualifier in _LOWER:
        high = math.inf
    elif hedged and value.qualifier in _UPPER:
        low = -math.inf
    elif hedged and value.qualifier:
        low, high = low - _ABOUT * abs(low), high + _ABOUT * abs(high)
    return unit.to_base(low)[0], unit.to_base(high)[1]


def _measured_range(text: str) -> tuple[float, float] | None:
    """The two ends of a range of a measure, read without its unit: "5-12 m" is 5 to 12
    metres, not 5 to 12 million, as `parse_range` reads the "m" of a sum."""
    return parse_range(_UNIT_AT_END.sub("", text))


_UNIT_AT_END = re.compile(r"\s*[^\d\s.,]+\.?\s*$")


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


_APART = 10.0
"""Two counts of one time this many times apart are no rival estimates: one counts a
part, a day or a place, the other the whole ("three killed" in today's attack, "more
than 9,100 lives" in the past year). Sources that differ on one count differ by less. Nor
are two sums or shares under a key that names no owner (`_loose_amount`), of any dates: of
the 21 such the disagreement audits read, none was two estimates of one sum ("$6" a share
against "$2 billion" in sales, "$10" a ticket against a "$500,000" prize); but two that one
statement gives ("the jury awarded Velt $12 million" and "$1.2 million"), or a zero, stay
rivals."""


def _disagreement(
    values: list[ClaimValue],
    counted: str = "",
    so_far: Collection[ClaimValue] = (),
    event_of: Mapping[str, int] | None = None,
    words: Mapping[ClaimValue, frozenset[str]] | None = None,
    attackers: Mapping[ClaimValue, int] | None = None,
    revisions: Collection[ClaimValue] = (),
    dead: int = 0,
    named: Mapping[ClaimValue, _Told] | None = None,
) -> tuple[bool, str | None, frozenset[ClaimValue]]:
    """Figures disagree when two reports give figures that cannot both be true; one
    report's own figures do not (its "seven dead, two of them in hospital" counts
    parts, not rival tolls), nor do two counts of one date `_APART` times apart, nor two
    figures from reports more than `EVENT_DAYS` apart unless both are counted so far
    (`_one_event`), nor two tolls apart by just the attackers one says it counts
    (`attackers`: "13, including the gunman" and 12). Returns whether they disagree, how,
    and the rival figures: those with a rival in another report.

    Every test of a pair reads only the two figures as worded, their dates, voices and
    what each one's voice in its report also gives (`explained`), and that the reports
    differ. So values alike in all of that are one class, and classes are compared, not
    values: a figure that a thousand reports carry word for word is one class, and the
    cost does not grow with the square of the reports."""
    loose = _loose_amount(counted)
    said = (words or {}) if loose else {}
    plain_count = _counts_things(counted)
    tally = counted.split(" ", 1)[0] in _TALLIES  # "deaths", "deaths of civilians"
    generic = _generic(counted)
    told_as = (words or {}) if generic else {}
    # An age is one person's, whatever the event (`_ages_fit` reads it across events), and
    # a tally is read by its dates (`_one_event`): neither reads the events, so their
    # figures stay one class however many reports carry them.
    events = {} if event_of is None or counted.startswith(AGE_OF) or tally else event_of
    told: defaultdict[tuple[str, str | None], dict[tuple[float, str, str], ClaimValue]] = defaultdict(dict)
    for v in values:
        told[v.source, v.attributed_to].setdefault((v.value, v.text, v.qualifier), v)
    classes: dict[object, tuple[ClaimValue, set[str]]] = {}
    class_of: list[int] = []  # each value's class, numbered in order of first sight
    number: dict[object, int] = {}
    for v in values:
        gives = frozenset(told[v.source, v.attributed_to])
        key = (
            v.value,
            v.text,
            v.qualifier,
            v.date,
            v.attributed_to,
            gives,
            v in so_far,
            events.get(v.source),
            said.get(v),
            told_as.get(v),
            (attackers or {}).get(v, 0),
            (named or {}).get(v),
        )
        classes.setdefault(key, (v, set()))[1].add(v.source)
        class_of.append(number.setdefault(key, len(number)))
    fits: dict[tuple[tuple[float, str, str], tuple[float, str, str]], bool] = {}
    # the tolls of this key that say they count their attackers or died beside one
    own_attackers = {v: attackers[v] for v in values if v in attackers} if attackers else {}

    def fit(a: ClaimValue, b: ClaimValue) -> bool:
        key = ((a.value, a.text, a.qualifier), (b.value, b.text, b.qualifier))
        if key not in fits:
            fits[key] = compatible(a, b, counts=plain_count)
        return fits[key]

    def explained(a: ClaimValue, b: ClaimValue) -> bool:
        # A report that itself tells both figures ("a 219-197 vote", four soldiers killed
        # and twelve on the patrol) counts two quantities under one name: the other
        # report's figure matches one of them and rivals none. Figures a report gives to
        # different voices ("activists say 8,000, the UN 7,500") are rivals it reports.
        # A figure a report revised and its revision are one quantity at two times ("rose to
        # 17,997, but they revised that figure down to 12,514"): neither explains the other.
        gives_a = _told_beside(told[a.source, a.attributed_to].values(), a, revisions)
        gives_b = _told_beside(told[b.source, b.attributed_to].values(), b, revisions)
        if any(fit(v, a) for v in gives_b) or any(fit(v, b) for v in gives_a):
            return True
        # Two reports that give one total alike, and figures that add up to it, count its
        # parts ("Breivik killed 77: eight with a car bomb" and "77 ... 69 on the island"):
        # no rivals. A larger figure both give is not enough ("the war has killed 5,000").
        if not plain_count:
            return False
        total = a.value + b.value
        if any(x.value == total and fit(x, y) for x in gives_a for y in gives_b if y.value == total):
            return True
        # One report's total, and another's parts that add up to it ("77 were killed" and
        # "eight died in the bombing and 69 on the island"): the parts are no rivals of it.
        return _adds_up(a, gives_b) or _adds_up(b, gives_a)

    across = over_time = False
    keys = list(classes)
    rival = [False] * len(keys)
    for i, key_a in enumerate(keys):
        a, sources_a = classes[key_a]
        for j in range(i + 1, len(keys)):
            b, sources_b = classes[keys[j]]
            same_day = a.date == b.date
            if rival[i] and rival[j] and (across if same_day else over_time):
                continue  # nothing this pair could add
            if len(sources_a | sources_b) < 2:
                continue  # one report only: no pair of reports to set against each other
            if loose and not (_two_voices(a, b) or _one_statement(said.get(a), said.get(b))):
                continue
            if fit(a, b) or explained(a, b) or (plain_count and same_day and _apart(a, b)):
                continue
            if (
                loose
                and min(a.value, b.value) > 0
                and _apart(a, b)
                and not _one_statement(said.get(a), said.get(b))
            ):
                continue  # "$6 a share" and "$2 billion in sales": no two estimates of one sum
            if own_attackers and _attackers_explain(a, b, own_attackers):
                continue
            if (
                dead
                and counted == "deaths"
                and same_day
                and not ({a, b} & own_attackers.keys())
                and _with_attackers(a, b, dead)
            ):
                continue  # "killed 12 people" and "at least 13 dead", where the gunman was killed
            if _unlike(a, b, generic=generic, loose=loose, same_day=same_day, told_as=told_as):
                continue  # far apart, told differently, under a generic label: see `_generic`
            if counted.startswith(AGE_OF) and _ages_apart(a, b):
                continue  # "Junead Khan, 25" and the "23-year-old" that was his uncle: another's age
            if counted.startswith(AGE_OF) and not _one_event(a, b, so_far):
                if _ages_fit(a, b):
                    continue  # a person a year older a year on, at any distance
            elif not _one_event(a, b, so_far, events, named):
                continue
            rival[i] = rival[j] = True
            across = across or same_day
            over_time = over_time or not same_day
    if not (across or over_time):
        return False, None, frozenset()
    rivals = frozenset(v for v, c in zip(values, class_of, strict=True) if rival[c])
    return True, "both" if across and over_time else "across sources" if across else "over time", rivals


def _told_beside(
    told: Collection[ClaimValue], value: ClaimValue, revisions: Collection[ClaimValue]
) -> Collection[ClaimValue]:
    """What `value`'s report tells with it that may be another quantity (`_disagreement`'s
    `explained`): all of it, but a figure the report revised and its revision ("rose to
    17,997, but they revised that figure down to 12,514"), which are one quantity."""
    if not revisions:
        return told  # most clusters: nothing revised, nothing copied
    return [v for v in told if (v in revisions) == (value in revisions)]


def _never_rivals(counted: str) -> bool:
    """Keys whose figures are listed but never set against each other: a count before a
    change ("(earlier)": "up from 18 last week" and "up from 25 last month" are of two
    times no report dates, and an age then: "Ana Roux, then 21," and "Roux was 20 when"
    may be of two times), degrees with no scale ("95 degrees" from an American
    report, "35 degrees" from a British one), and shares set beside another ("(compared)":
    `_compared_share`)."""
    return counted.endswith((" (earlier)", "(degree)", " (compared)"))


_ATTACKER = r"(?P<noun>gunm[ae]n|shooters?|attackers?|assailants?|bombers?|hijackers?)"
_DEAD_ATTACKERS = (
    # "the gunman was killed", "both attackers were shot dead"
    re.compile(
        rf"\b(?P<det>the|a|both|one|two|three|four|five|six|\d)\s+(?:[a-z-]+\s+){{0,2}}{_ATTACKER}"
        r"(?:,[^.;]{1,100}?,)?\s+"  # "The suspected gunman, Ade Okoro, 34, of Vell, was also killed"
        r"(?:was|were|had been|have been)\s+(?:also\s+|later\s+)?(?:killed|shot dead|shot and killed)\b",
        re.IGNORECASE,
    ),
    # "police shot and killed the gunman", "killed both gunmen" (not "the gunman's wife")
    re.compile(
        rf"\b(?:killed|shot dead|shot and killed)\s+(?P<det>the|both|two|three|four|five|six)\s+"
        rf"(?:[a-z-]+\s+){{0,2}}{_ATTACKER}\b(?!['’]s)",
        re.IGNORECASE,
    ),
    # "left 32 people and three suicide bombers dead"
    re.compile(
        rf"\band\s+(?P<det>the|both|two|three|four|five|six|\d)\s+(?:[a-z-]+\s+){{0,2}}{_ATTACKER}\s+dead\b",
        re.IGNORECASE,
    ),
)
"""Sentences that say attackers died: how many (`_attackers_dead`)."""
_ATTACKER_WORD = re.compile(_ATTACKER, re.IGNORECASE)
"""A word for an attacker: every form above needs one (read first, as most paragraphs have none)."""


def _attackers_dead(text: str) -> int:
    """How many attackers a paragraph says died ("the gunman was killed" one, "both
    attackers were shot dead" two, "and three suicide bombers dead" three): 0 where it says
    none, or not how many ("the attackers were killed")."""
    most = 0
    if _ATTACKER_WORD.search(text) is None:
        return most
    for form, pattern in enumerate(_DEAD_ATTACKERS):
        for found in pattern.finditer(text):
            before = text[max(0, found.start() - 40) : found.start()].lower()
            if form == 0 and not re.search(
                r"(?:^|[.,;:!?]|\b(?:and|but|then|while|said|says|say|that|after|when))\s*$", before
            ):
                continue  # "a woman who confronted the gunman was killed": his, not the gunman's
            if re.search(r"\b(?:whether|if|unclear|not known)\b[^.]*$", before):
                continue  # "it was unclear whether the gunman was killed"
            det, noun = found["det"].lower(), found["noun"].lower()
            plural = noun.endswith(("s", "men"))
            number = 2 if det == "both" else 1 if det in ("the", "a", "one") else parse_number(det)
            if number is None or number < 1 or plural != (number > 1):
                continue
            most = max(most, int(number))
    return most


def _with_attackers(a: ClaimValue, b: ClaimValue, dead: int) -> bool:
    """Whether two tolls of one day may be one toll without and with the attackers the
    cluster says died (`dead`, `_attackers_dead`): the larger less exactly `dead` of them
    fits the smaller as worded ("at least 13" and "killed 12 people", where a report says
    the gunman was killed; 23 and 21, where both gunmen were; not 22 and 21 then). Neither
    toll may say itself how it counts them (`_attackers_explain` reads those)."""
    low, high = sorted((a, b), key=lambda v: v.value)
    return high.value - dead > 0 and compatible(replace(high, value=high.value - dead), low, counts=True)


def _attackers_explain(a: ClaimValue, b: ClaimValue, attackers: Mapping[ClaimValue, int]) -> bool:
    """Whether one toll, less the attackers it says it counts, fits the other as worded
    ("13 killed, including the gunman" and "12 people dead"), or one more, with the killer
    it says died by his own hand beside it ("killing five people and himself" and six
    dead); two that both say so fit as counts of the victims ("three killed, including the
    gunman" and "killing two before taking his own life"). Two tolls that say nothing of
    it are the victims and the victims with the killer where another report of the cluster
    tells both ("the soldier who killed three and then took his life": "three killed" and
    "four dead" are one toll). Else tolls that say alike are read as they are."""
    with_a, with_b = attackers.get(a, 0), attackers.get(b, 0)
    if with_a == with_b == 0 and not a.qualifier and not b.qualifier:
        low, high = sorted((a.value, b.value))
        return any(
            ((v.value, v.value - k) if k < 0 else (v.value - k, v.value)) == (low, high)
            and v.date == a.date == b.date  # of one day: not a toll that rose, nor another
            for v, k in attackers.items()
        )
    if with_a == with_b:
        return False
    if with_a and with_b:  # the victims each counts: "three, including the gunman" and "two, then himself"
        return compatible(
            replace(a, value=a.value - max(with_a, 0)),
            replace(b, value=b.value - max(with_b, 0)),
            counts=True,
        )
    # a toll less the attackers it counts; or one more, the killer who died beside its victims
    counted, other = (a, b) if with_a else (b, a)
    return compatible(replace(counted, value=counted.value - (with_a or with_b)), other, counts=True)


def _counts_things(counted: str) -> bool:
    """Whether a key counts things: no sum, share or age."""
    return not counted.startswith(("money", "damage", "%", AGE_OF))


def readings(values: Sequence[ClaimValue], *, counts: bool = False) -> tuple[int, ...]:
    """Which reading each of a disagreement's figures is (`Claim.readings`): a figure joins
    the first reading, in order of first appearance, whose every figure it is one reading
    with (`_one_reading`: "over 12,000" and "some 12,040", 17,997 and "nearly 18,000"), else
    it starts one. Fitting is not transitive ("more than 100" fits 116 and 118, which do not
    fit each other), so a figure must fit all of a reading, not one of it."""
    members: list[list[ClaimValue]] = []
    out = []
    for value in values:
        index = next(
            (i for i, m in enumerate(members) if all(_one_reading(value, v, counts) for v in m)), len(members)
        )
        if index == len(members):
            members.append([])
        members[index].append(value)
        out.append(index)
    return tuple(out)


def _one_reading(a: ClaimValue, b: ClaimValue, counts: bool = False) -> bool:
    """Whether two figures of a disagreement are one reading: they fit each other as worded
    (`compatible`, units converted), but for figures of different days that fit only by a
    floor or a ceiling holding a value more than rounding apart: a floor a later figure
    fits is an earlier reading of a count that grew ("at least four" on Saturday, six on
    Sunday), not the same one. An undated figure is of any day."""
    if not compatible(a, b, counts=counts):
        return False
    if a.date is None or b.date is None or a.date == b.date:
        return True
    one_sided = a.qualifier in _ONE_SIDED or b.qualifier in _ONE_SIDED
    no_units = unit_of(a.text) is None and unit_of(b.text) is None
    close = abs(a.value - b.value) <= _ROUND * max(abs(a.value), abs(b.value))
    return not (one_sided and no_units) or close


def _loose_amount(counted: str) -> bool:
    """Whether `counted` is a sum of money, a share or a length of time whose key names
    no owner. One report tells many of them ("$4 billion in merchandise", "$309 million
    at the box office", "20 percent for Biden", "a 13-hour filibuster" as planned), and
    the words that say which thing each is rarely make the key. Of 178 disagreements
    storyline reported in wire and web clusters nobody had tuned on, read by hand, 3 of
    the 39 such were real (docs/benchmarks.md). Two such figures are rivals only as two
    voices' estimates (`_two_voices`: "no less than EUR 180 million, the government said"
    against the company's "around EUR 120 million"); a share whose key names its owner
    ("% vote of Vladimir Putin") is one quantity as any other."""
    if " of " in counted:
        return False
    return counted.startswith(("money", "damage", "%")) or bool(_DURATION_KEY.search(counted))


def _one_statement(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Whether two sentences say one thing but for their figures: three content words or
    more in common, and most of the shorter one's ("A jury awarded Mara Velt $12 million"
    and "The jury awarded Velt $15 million, her lawyer said")."""
    if not a or not b:
        return False
    a, b = _wordless(a), _wordless(b)
    return len(a & b) >= _SAME_WORDS and overlap(a, b) >= _SAME_SHARE


def _wordless(words: frozenset[str]) -> frozenset[str]:
    """`words` less the figure's own: digits, scales, currencies, "percent"."""
    return frozenset(w for w in words if w not in _FIGURE_STEMS and not any(c.isdigit() for c in w))


_FIGURE_STEMS = frozenset(w[:5] for w in (*_SCALES, *_CURRENCIES, "pounds", "percent", "hundred", "cents"))
"""A figure's own words as `FactMatcher.words` cuts them ("milli", "dolla", "perce")."""
_SAME_WORDS = 3
_SAME_SHARE = 0.6


def _two_voices(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether each figure is given to a voice, and the two voices differ: neither's words
    are all among the other's ("Donald Trump" and "Trump" are one voice; the Interior
    Ministry and the Finance Ministry are two)."""
    if not a.attributed_to or not b.attributed_to:
        return False
    words_a, words_b = set(a.attributed_to.lower().split()), set(b.attributed_to.lower().split())
    return not (words_a <= words_b or words_b <= words_a)


_DURATION_KEY = re.compile(r"^duration\b|\(duration\)")
_DENOMINATIONS = frozenset({"bill", "note", "banknote", "coin"})
_FACE_VALUES = frozenset({1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000})
"""What a banknote or coin is worth ("a $20 bill", "10,000-yen notes"); "a $600 bill" is a sum."""
_TALLIES = frozenset(
    {"deaths", "injured", "missing", "ill", "infected", "evacuated", "arrested", "magnitude"}
)
EVENT_DAYS = 7
"""Reports this many days apart or fewer tell of one event: the story window
(`storyline.cluster.ClusterOptions.window_days`)."""


def _one_event(
    a: ClaimValue,
    b: ClaimValue,
    so_far: Collection[ClaimValue],
    event_of: Mapping[str, int] | None = None,
    named: Mapping[ClaimValue, _Told] | None = None,
) -> bool:
    """Whether two figures of one key can be rival figures of one quantity.

    Reports of one week tell of one event, so a key is one quantity there. Reports
    further apart, in a report over a long-running topic, tell of many events: "at
    least 50 people were arrested" in 1998 and "about 30 were detained" in 2000 count
    two sets of people, and so do two sums, shares or memberships years apart. A count
    that runs on ("the toll rose to 131", "killed since March", "7,500 have been killed")
    is one quantity however long it runs: two such totals are rivals at any distance, and so
    are two figures a sentence ties to one dated event (`_one_named_event`: "the Aug. 7
    bombing, which killed 11"). Undated reports count as of one event.

    Reports of different days that `event_of` puts in different events (the stories of
    the cluster's own reports) tell of two events however close their dates: in a
    cluster that follows a topic, "the Phantom Menace has grossed $309 million" and "Star
    Wars merchandise has earned $4 billion" are no rival sums. A tally (`_TALLIES`: deaths,
    the injured, the missing, the evacuated, arrests, and a quake's magnitude) is given no
    `event_of` and read by its dates alone: the clusterer splits one disaster's reports of
    different days more often than not (a quake's toll of 40 and of 52, its magnitude of
    7.8 and 7.4), and a toll is rarely told of two events in one week. A second quake
    within the week is told apart only where its words say so ("another", "a new tremor"
    in `_magnitude`), not by the clusterer's events."""
    if (
        event_of
        and a.date is not None
        and b.date is not None
        and a.date != b.date
        and event_of.get(a.source) != event_of.get(b.source)
    ):
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) <= EVENT_DAYS:
        return True
    return (a in so_far and b in so_far) or _one_named_event(a, b, named or {})


def _other_kinds(a: _Told | None, b: _Told | None) -> bool:
    """Whether two figures' verbs tell of events of different kinds (`_EVENT_KINDS`): a
    quake's toll and a bombing's; not "the bombing" and "the blast", "the storm" and "the
    floods", nor "the attack" and anything."""
    if a is None or b is None or a.events & _ANY_KIND or b.events & _ANY_KIND:
        return False
    kinds_a = {_EVENT_KINDS.get(e, e) for e in a.events}
    kinds_b = {_EVENT_KINDS.get(e, e) for e in b.events}
    return not kinds_a & kinds_b


class _Told(NamedTuple):
    """What events a figure's verb tells of (`_events_told`), the day its sentence dates
    them, if it does (`_named_day`), and the places its sentence names."""

    day: dt.date | None
    events: frozenset[str]
    places: frozenset[str] = frozenset()


def _one_named_event(a: ClaimValue, b: ClaimValue, named: Mapping[ClaimValue, _Told]) -> bool:
    """Whether two figures weeks apart tell of one event by the day a sentence names it
    (`_named_day`): both name one day ("the Aug. 7 bombing, which killed 11" and, a month
    on, "the Aug. 7 blasts killed 257, 11 in Tanzania"), or one names the day of the week
    the other report was written in, and that report's figure is told of an event of the
    same kind ("the bombing killed 10 people" on Aug. 12, "the Aug. 7 bombing ... killed
    11" on Aug. 29; not "shelling killed 10" against "the Aug. 2 ambush killed 14"). A
    toll recalled without its day ("the 1995 quake", "the previous earthquake") names no
    event and stays apart."""
    told_a, told_b = named.get(a), named.get(b)
    if told_a is None or told_b is None or _other_kinds(told_a, told_b):
        return False
    if told_a.places and told_b.places and not told_a.places & told_b.places:
        return False  # "the bombing in Dar es Salaam" and "the Aug. 7 bombing in Nairobi"
    if told_a.day is not None and told_b.day is not None:
        return told_a.day == told_b.day
    if told_b.day is not None:
        a, b, told_a, told_b = b, a, told_b, told_a
    if told_a.day is None:
        return False
    return 0 <= (b.date - told_a.day).days <= EVENT_DAYS  # type: ignore[operator]


def _adds_up(total: ClaimValue, parts: Iterable[ClaimValue]) -> bool:
    """Whether two different figures among `parts` (one report's, for one quantity) add up
    to `total`, an exact figure: "eight died in the bombing and 69 on the island" against
    "77 were killed". Hedged totals are left out: "more than 20" is a floor, not a sum."""
    if total.qualifier:
        return False
    values = sorted({p.value for p in parts if p.value > 0 and not p.qualifier})
    return any(total.value - v in values and total.value - v != v for v in values)


def _ages_fit(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two ages of one person, given more than `EVENT_DAYS` apart, can both be
    true: the later no lower, and older by no more than the years between them, give or
    take a birthday. An age is one quantity however far apart its reports are
    ("McKinney, 22" in November and "21" in March disagree; "Gingrich, 55" and ten
    months later "56" do not). Within a week, any two ages of one person are rivals."""
    assert a.date is not None and b.date is not None
    early, late = (a, b) if a.date <= b.date else (b, a)
    years = (late.date - early.date).days / 365.25  # type: ignore[operator]
    return 0 <= late.value - early.value <= years + 1


def _ages_apart(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two ages given one person are more than a birthday apart beyond the years
    between their reports: reports that differ on someone's age differ by one ("Heng, 26"
    and "25"; 89 and 88), while ages further apart are, in the audited reports, nearly
    always another's age credited to them (the uncle's 23 against the nephew's 25, a son's
    10 against his mother's 38). Such a pair is no disagreement."""
    years = abs((a.date - b.date).days) / 365.25 if a.date is not None and b.date is not None else 0.0
    return abs(a.value - b.value) > years + 1


def _apart(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two counts (no unit) are `_APART` times apart or more."""
    if unit_of(a.text) is not None or unit_of(b.text) is not None:
        return False
    low, high = sorted((abs(a.value), abs(b.value)))
    return high >= _APART * low
