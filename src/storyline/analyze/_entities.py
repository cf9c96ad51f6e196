"""Entities: people, organisations and places, one name across every spelling.

spaCy finds the mentions; merging is ours, because the variants that matter in
news are not in any model: transliterations (Sergei/Sergey, Jassim/Jassem,
Sheikh/Sheik), Arabic particles and hyphens (al-Arabi / Elaraby / el-Araby,
al-Assad / alAssad / Assad), titles ("Regional governor Sergey Valkov"), and a
surname alone standing for the full name met elsewhere in the cluster.

Two names match when their tokens match pairwise by a spelling key (ASCII,
particles off, common transliteration pairs folded, vowels dropped after the first
letter) and are close as strings (difflib ratio), so "Marta" and "Morty" share a
key but not a ratio.

Words of four letters or fewer must match letter for letter ("Zhou" is not "Zhu"); a
hyphen between given names counts as a space ("Abdel-Fattah"); a first initial may stand
before the given name ("J. Randolph Evans", "Randolph Evans"); a lone surname of nine
letters or more may be one letter off its full name's ("Murjatmodjo"); the surname of
"Sammy Davis Jr." is "Davis". A word the cluster writes after "Mr." or "Ms." is a
family name, which may open a full name ("Mr. Xi", "Xi Jinping"). Acronyms read dotted
abbreviations and ampersands ("USGS", "J&J"), and initials may stand for two or three
words inside a body's name ("U.N. Security Council").

Around the merge: the tagger's spans are trimmed where a name plainly ends (a
bracket, a slash, a headline verb, a comma between two names, an "and" between two
people's names, a legal form, a lower-case "province"); a name after a title or beside
a body in a tagged list is a person's ("Bishop Ana Roux", "the Harbour Board, Ana
Roux"); a surname two people share in the cluster goes to the one its report names in
full; surnames the tagger missed (hyphenated ones too) and @handles that run a full
name together are added after the merge, and "the Tapper-Trump exchange" names two
people; the capitalised titles before a person's name are kept as written forms
("Maryland Gov. Ana Roux", "Gov. Ana Roux"), with "Lt." that the tagger cuts in two,
hyphenated titles ("Det.-Sgt.", "President-elect") and a capitalised "The" the tagger left
out ("The Rev. Ana Roux"). A title before a surname two people share says which one is
meant where it stands before only one full name ("Chief Roux"); "Kate and Gerry Roux"
names Kate Roux. Bodies: "Johnson and Johnson" cut at its "and" is one name; "the Post" is
the one "... Post" of the cluster; "X Police Service" is also "X Police"; one long word one
letter off is a misspelling; an acronym in brackets after a body's name is its name; a
company with a legal form ("Roux LP") is never a person's surname.
Every look-up is by key, so the cost grows with the mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from storyline.analyze._lexicon import ascii_fold, known_names, lexicon, name_key, word_pairs
from storyline.analyze._nlp import NOUN_INDEX, Paragraph
from storyline.model import Corpus, Entity, Span
from storyline.text import HEADLINE_SMALL_WORDS, is_title_case

if TYPE_CHECKING:
    from nicknames import NickNamer
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
TITLES = lexicon("titles")
# Church, council and police ranks the shared list lacks; the quote finder reads that list
# as it is, so these are added for names only. None of them is a common given name.
_TITLES = (
    TITLES
    | frozenset({"bishop", "archbishop", "cardinal", "pastor", "rabbi", "reverend", "msgr", "councilman"})
    | frozenset({"councilwoman", "councillor", "councilor", "alderman", "assemblyman", "assemblywoman"})
)
_TITLES |= frozenset({"commissioner", "sheriff", "trooper", "deacon"})
_TITLES |= frozenset({"daw"})  # Burmese honorific for a woman ("Daw Aung San Suu Kyi")
_TITLES |= frozenset({"adviser", "advisor"})  # "US National Security Adviser HR McMaster"
_TITLES |= frozenset({"speaker", "premier"})  # "House Speaker Newt Gingrich", "Premier Li Qiang"
_PARTICLES = ("al", "el", "ul", "bin", "ibn", "abu")
_ORG_WORDS = lexicon("org_words")
_DEMONYMS = lexicon("demonyms")


def _is_demonym(word: str) -> bool:
    """A word for a people or a nationality, singular or plural ("Tanzanian", "Africans")."""
    key = word.lower()
    return key in _DEMONYMS or (key.endswith("s") and key[:-1] in _DEMONYMS)


_VARIANTS = word_pairs("spelling_variants")
# Titles that are also given names or surnames ("Martin Luther King Jr.", "John Major"):
# never read as a job standing between a place and a name.
_NAME_LIKE_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "lord", "lady", "dame", "sir", "father"}
)
_NAME_LIKE_TITLES |= frozenset(
    {"major", "judge", "justice", "chancellor", "chief", "head", "chair", "leader"}
)
# Particles that open a surname in European names ("De Angelis", "van Dijk", "da Silva").
_SURNAME_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der", "le", "la"}
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POST_NOMINALS = frozenset("QC MP MEP MSP OBE MBE CBE KBE DBE".split())
"""Ranks and honours written after a person's name, in capitals ("Clare Montgomery QC"); not
"SC" or "KC", which end clubs' names as often ("Columbus Crew SC", "Sporting KC")."""
_PLACE_LEADS = frozenset(
    "little new old north south east west upper lower greater port fort mount lake".split()
)
"""First words of a place's name of two words ("Little Havana", "New Delhi"): such a name,
though the tagger takes it for a person, has no surname, and "Havana" is another place."""
_ARABIC_PARTICLES = frozenset({"bin", "ibn"})
"""Particles that open a surname whatever their case ("Bin Laden"); "al" and "el" only in
lower case ("al Thani"): "Al Gore" and "El Salvador" are no surnames."""
# Platforms the tagger takes for people ("Twitter" was a PERSON in 9 of 41 sample clusters).
_PLATFORMS = frozenset(
    "twitter facebook instagram youtube snapchat tiktok reddit linkedin whatsapp telegram gmail "
    "google tumblr pinterest periscope vine skype".split()
)
_CAMEL = re.compile(r"\b(al|el|Al|El)(?=[A-Z])")
_LEADING_THE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’‘]s?$")
_FOLDS = (("kh", "k"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"))
_QAF = re.compile(r"q(?![iu])")
"""A "q" for the Arabic qaf ("Qasim", "Tariq"): not "qu", nor the pinyin "qi" ("Qiang")."""


@dataclass(slots=True)
class Mention:
    text: str
    label: str
    doc_index: int
    span: Span
    tokens: tuple[str, ...]
    """The name's words with titles and "the" removed."""
    titled: bool = False
    """A title stood before the name or inside it ("King Abdullah", "Gen. Mordechai")."""
    written: str = ""
    """The name with the capitalised titles before it ("Gov. Ana Roux"), where there are any."""
    determined: str = ""
    """The name as written after a capitalised "The" the tagger left out ("The Shard", "The
    Rev. Ana Roux"), where there is one."""
    kin: str = ""
    """The word for kin just before the name ("wife" of "his wife, Ana"), singular."""
    describes: bool = False
    """The name stands before a common noun it describes ("a Noam Chomsky lecture"): it
    names no one the sentence is about."""
    pronoun: str = ""
    """ "m" or "f" where the sentence of which the name is the subject goes on with "he",
    "his", "she" or "her" (`_pronoun_for`)."""
    place: bool = False
    """The name heads a word for a place ("the Saltmarsh district", "the Saltmarsh and Lower
    Quay districts"): `_heads_a_place`, read by `_type_of`."""
    acts: bool = False
    """The name, or the noun it qualifies, is the subject of a verb or its agent ("the
    Taliban said", "Hezbollah officials said", "approved by the Relief Corps"): `_acts`,
    read by `_type_of` (a name that acts stays a body, whatever place word it also heads)."""
    addressed: bool = False
    """The name is who someone speaks to ("told Reuters", "said in an interview with the
    AP"): `_addressed`; no body "the company" stands for."""


@dataclass(slots=True)
class _Group:
    """Mentions of one entity, with what the merge asks of them kept up to date as they
    join, so that no question reads every mention again (a name met thousands of times
    would make the merge grow with the square of the mentions)."""

    mentions: list[Mention] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    courtesies: set[str] = field(default_factory=set)
    """The courtesy titles of its mentions ("m" for "Mr.", "f" for "Mrs.")."""
    lasts: set[str] = field(default_factory=set)
    """The last words of its names of two or more words."""
    full_at: dict[int, list[int]] = field(default_factory=dict)
    """The reports that name it in two or more words, each with where (sorted offsets):
    `_lead_of_report`."""
    kins: set[str] = field(default_factory=set)
    """The words for kin set just before its mentions ("wife", "daughter")."""
    pronouns: set[str] = field(default_factory=set)
    """What its mentions' sentences call it ("m" for "he", "f" for "she"): `_pronoun_for`."""
    full_titles: set[str] = field(default_factory=set)
    """The titles written before its names of two or more words ("sir")."""
    middle_titles: dict[int, set[str]] = field(default_factory=dict)
    """Per report, the titles written before its names that give a middle name or initial
    ("gov" of "Texas Gov. George W. Bush"): `_joins`."""
    words_keys: set[str] = field(default_factory=set)
    """The word-for-word spelling keys of its names of two or more words."""
    company_initials: set[str] = field(default_factory=set)
    """Initials with the company word its names end in ("BBC" of "British Broadcasting
    Corp.", whose name keeps "British Broadcasting"): `_company_initials`."""
    legal_form: bool = False
    """Whether a mention names it with a legal form after the name ("Sun Microsystems Inc.")."""
    tokens: tuple[str, ...] = ()
    """Its longest name (the shorter spelling of two of one length)."""

    def __post_init__(self) -> None:
        mentions, self.mentions = self.mentions, []
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.labels[mention.label] += 1
        if courtesy := _courtesy(mention):
            self.courtesies.add(courtesy)
        if mention.kin:
            self.kins.add(mention.kin)
        if mention.pronoun:
            self.pronouns.add(mention.pronoun)
        self.legal_form = self.legal_form or _legal_form(mention)
        if len(mention.tokens) > 1:
            if title := _title_word(mention):
                self.full_titles.add(title)
                if len(mention.tokens) > 2 and mention.label == "PERSON":
                    self.middle_titles.setdefault(mention.doc_index, set()).add(title)
            self.lasts |= (
                _surnames(mention.tokens) if mention.label == "PERSON" else {_surname(mention.tokens)}
            )
            insort(self.full_at.setdefault(mention.doc_index, []), mention.span.start)
            self.words_keys.add(_words_key(mention.tokens))
            if mention.label != "PERSON":
                self.company_initials |= _company_initials(mention)
                self.words_keys |= _other_forms_keys(mention)
        if _longer(mention.tokens, self.tokens):
            self.tokens = mention.tokens

    @property
    def has_person(self) -> bool:
        return self.labels["PERSON"] > 0


def _longer(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return (len(a), -len(" ".join(a))) > (len(b), -len(" ".join(b))) or not b


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The merged entities, and which entity each (article, character) mention belongs to."""

    entities: tuple[Entity, ...]
    mentions: tuple[tuple[Mention, int], ...]
    _by_doc: dict[int, list[tuple[Mention, int]]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    """`mentions` of each article, in the same order (`at` is asked once per token
    it reads, so a scan of every mention made it grow with the cluster's square)."""
    _found: dict[str, Entity | None] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    """`find`'s answers so far."""
    _by_key: dict[str, list[int]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    """The entities (by number, ascending) whose name or an alias has a word with this
    `_match_keys` key; built on the first `find`. `find` tests only these: a scan of every
    entity and alias for each name made quotes and figures grow with the cluster's square."""

    def __post_init__(self) -> None:
        for mention, entity in self.mentions:
            self._by_doc.setdefault(mention.doc_index, []).append((mention, entity))

    def at(self, doc_index: int, start: int, end: int) -> Entity | None:
        """The entity mentioned inside article `doc_index` between `start` and `end`."""
        for mention, entity in self._by_doc.get(doc_index, ()):
            if mention.span.start < end and start < mention.span.end:
                return self.entities[entity]
        return None

    def mentions_in(self, doc_index: int) -> list[tuple[Mention, int]]:
        """The mentions of article `doc_index` with their entity numbers, in `mentions` order."""
        return self._by_doc.get(doc_index, [])

    def find(self, name: str) -> Entity | None:
        """The entity whose name or alias matches `name` (spelling variants allowed)."""
        if name not in self._found:
            self._found[name] = self._find(name)
        return self._found[name]

    def _find(self, name: str) -> Entity | None:
        tokens = name_tokens(name)
        if not tokens:
            return None
        if not self._by_key:
            for number, entity in enumerate(self.entities):
                for alias in (entity.name, *entity.aliases):
                    for key in _match_keys(name_tokens(alias)):
                        numbers = self._by_key.setdefault(key, [])
                        if not numbers or numbers[-1] != number:
                            numbers.append(number)
        candidates = sorted({n for key in _match_keys(tokens) for n in self._by_key.get(key, ())})
        for entity in (self.entities[n] for n in candidates):
            for alias in (entity.name, *entity.aliases):
                if names_match(tokens, name_tokens(alias)) or (
                    len(tokens) == 1 and same_word(tokens[0], name_tokens(alias)[-1:] or ("",))
                ):
                    return entity
        return None


def _words_outside_names(doc: Doc) -> int:
    """Capitalised words no entity holds: "Vows", "Find", "Bombers" make a line a headline,
    where a line of names only ("Ana Roux, Ole Brun and Eli Sand") has none."""
    inside = {t.i for ent in doc.ents for t in ent}
    return sum(
        1
        for t in doc
        if t.is_alpha and t.i not in inside and t.text[:1].isupper() and t.lower_ not in HEADLINE_SMALL_WORDS
    )


def extract_entities(corpus: Corpus, paragraphs: list[Paragraph]) -> EntityIndex:
    """Collect named-entity mentions and merge them across reports and spellings."""
    mentions = []
    tagged_handles: set[tuple[int, int]] = set()
    hyphenated = _spaced_hyphen_names(paragraphs)
    cued: set[tuple[str, ...]] = set()  # names tagged as no person where the words say one
    # The words the cluster writes in lower case: common words, not names ("young", "said").
    lower = _lower_words(corpus, paragraphs)
    for para in paragraphs:
        article_id = corpus.articles[para.doc_index].id
        # A headline inside a report: the tagger reads its capitals as organisations
        # ("Japan Marks Subway"); its places and people ("After Va. Woman ...") stand.
        headline = is_title_case(para.text) and _words_outside_names(para.doc) >= 2
        for tagged in _whole_bodies(para.doc, lower):
            label = LABELS.get(tagged.label_)
            if label is None or (headline and label not in ("PERSON", "GPE", "LOC", "NORP")):
                continue
            if tagged.text.startswith("@"):
                tagged_handles.add((para.doc_index, para.start + tagged.start_char))
            for ent, part_label in _parts(tagged, label, hyphenated):
                mention = _mention(para, article_id, ent, part_label)
                if mention is not None:
                    mentions.append(mention)
                    if mention.label != "PERSON" and _person_cue(para.doc, ent):
                        cued.add(mention.tokens)
                    elif (
                        mention.label == "PERSON"
                        and part_label != "PERSON"
                        and _noun_for_a_person_before(para.doc, ent)
                    ):
                        # "adult film actress Stormy Daniels", tagged a body: the word before
                        # made this mention a person's (`_mention`), and so the name's others
                        cued.add(mention.tokens)
    mentions = _as_people(mentions, cued)
    # A word for kin or a pronoun read beside a name a body's or a place's still is no sex of
    # it ("Goldman Sachs said he was dismissed": the he is someone else; review of 0452feb)
    mentions = [
        m if m.label == "PERSON" or not (m.kin or m.pronoun) else replace(m, kin="", pronoun="")
        for m in mentions
    ]
    mentions = _join_pairs(corpus, _split_couples(mentions))
    mentions += _bracketed_acronyms(corpus, mentions)
    mentions += _untagged_acronyms(corpus, paragraphs, mentions, lower)
    groups = _merge(mentions)
    _find_surnames(corpus, paragraphs, groups, mentions, lower)
    _link_handles(corpus, paragraphs, groups, tagged_handles)
    return _index(corpus, groups)


_JOINING_WORDS = frozenset({"and", "of", "for", "on", "&"})


def _whole_bodies(doc: Doc, lower: frozenset[str]) -> list[SpacySpan]:
    """The tagger's entities, with a body's name it cut after a joining word made whole:
    "[The International Council on Monuments and] [Sites]" is one name, "the International
    Council on Monuments and Sites", as "[the Bank of] [England]" is "the Bank of England".
    The name runs on over the capitalised words right after it, and any entity the tagger
    made of them, where at least three words of the name (a leading "the" aside) stand
    before the joining word and no comma ("Mercedes-Benz and Volvo", "King, Pierce and
    Snohomish" are lists). After "and", only one word that the cluster also writes in lower
    case, a common noun ("sites", "prevention"), with no name's tag of a person or a place:
    "the National Council of Churches and Greenpeace" are two bodies, and so may be "Ford
    Motor and General Motors"."""
    from spacy.tokens import Span as SpacySpanType  # imported here: spaCy takes 1.5 s to import

    out: list[SpacySpan] = []
    skip_to = -1
    for ent in doc.ents:
        if ent.start < skip_to:
            continue
        end = ent.end
        words = [w for w in ent.text.split() if w.lower() != "the"]
        if (
            ent.label_ == "ORG"
            and len(words) > 3
            and "," not in ent.text
            and ent[-1].lower_ in _JOINING_WORDS
        ):
            while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
                end += 1
            if ent[-1].lower_ in ("and", "&"):
                word = doc[ent.end] if ent.end < len(doc) else None
                common = word is not None and word.lower_ in lower and word.ent_type_ not in _NAMED_TAGS
                if end - ent.end != 1 or not common:
                    end = ent.end
        if end > ent.end:
            out.append(SpacySpanType(doc, ent.start, end, label=ent.label_))
            skip_to = end
        else:
            out.append(ent)
    return out


_NAMED_TAGS = frozenset({"PERSON", "GPE", "LOC", "NORP"})


_OPENING_MARK = re.compile(r"(?:``|[\"“‘])$")
_CLOSING_MARK = re.compile(r"^[,.!?]?(?:''|[\"”’])")


def _a_title_in_marks(text: str, start: int, end: int) -> bool:
    """Whether a name is all that quotation marks hold (``Donahue'', "Oprah," as a show, a
    book or a film is named), or all before the colon of a title in marks (``Oprah Winfrey
    Presents: David and Lisa''): a work's title, not the person or body it names."""
    if not _OPENING_MARK.search(text[max(0, start - 2) : start]):
        return False
    if _CLOSING_MARK.match(text[end : end + 3]):
        return True
    rest = _TITLE_REST.match(text, end)
    if rest is None or not _CLOSING_MARK.match(text[rest.end() : rest.end() + 3]):
        return False
    # a title's subtitle is in capitals ("David and Lisa"), not spoken words ("he is the man")
    words = rest.group(1).split()
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in HEADLINE_SMALL_WORDS for w in words)


_TITLE_REST = re.compile(r":\s([^\"“”`'\n]{1,60}?)(?=''|[\"”’])")
"""A title's part after its colon, up to the closing mark (": David and Lisa")."""


def _person_cue(doc: Doc, ent: SpacySpan) -> bool:
    """Whether the words around a name shaped as a person's say it is one, whatever the
    tagger took it for: an age set off beside it ("Karatas, 45,", "Banon, now 31,", "26-year-old Ilkay
    Yildiz"), a word for kin or a word only for a person heading an apposition ("Karatas,
    the widow of a miner", "Fomina, a spokeswoman"), or a known given name and a surname
    before "of the" and a body of people ("Valentina Fomina of the mothers' committee"; not
    "Georgia Power of course", "Charlotte Hornets of the league").
    Not a count in brackets ("Ohio (18)"), nor an age of a body ("the 230-year-old Bank
    of New York"), nor a possessive or a modifier after the comma ("MSNBC, a sister
    network of NBC News")."""
    one_word = len(ent) == 1 and ent[0].text[:1].isupper() and not ent[0].text.isupper()
    if not (one_word or person_shaped(tuple(ent.text.split()))):
        return False
    if ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN"):
        return False  # "the 58-year-old Orsk alliance": the name modifies a noun
    after = [t.lower_ for t in doc[ent.end : ent.end + 5]]
    # "Karatas, 45," and "Banon, now 31," or "Banon, aged 31,"
    lead = 2 if len(after) >= 4 and after[1] in ("now", "aged") else 1
    if len(after) >= lead + 2 and after[0] == "," and doc[ent.end + lead].like_num and after[lead + 1] == ",":
        age = _whole_years(doc[ent.end + lead].text)
        if age is not None and 1 <= age <= 110:
            return True
    before = [t.lower_ for t in doc[max(ent.start - 3, 0) : ent.start]]
    if before[-3:] in (["year", "-", "old"], ["years", "-", "old"]) or before[-1:] == ["year-old"]:
        return True
    if _apposed_to_a_person(doc, ent):
        return True
    if len(after) >= 3 and after[0] == "," and after[1] in ("the", "a", "an", "his", "her", "their"):
        at = ent.end + 2
        if doc[at].pos_ in ("ADJ", "PROPN") and doc[at].ent_type_ in ("", "NORP", "GPE"):
            # "Göran Rudling, a Swedish blogger": the apposition's noun past its adjectives
            at = next((c.i for c in ent.root.children if c.dep_ == "appos" and at < c.i <= at + 2), at)
        noun = doc[at].lower_
        modified = at + 1 < len(doc) and (
            doc[at + 1].lower_ in ("'s", "’s", "'", "’") or doc[at + 1].pos_ == "NOUN"
        )
        return not modified and (noun in _KIN | _PERSON_NOUNS or noun.removesuffix("s") in _KIN)
    # "Valentina Fomina of the mothers' committee": a given name and a surname, of a body
    return (
        len(ent) >= 2
        and after[:2] == ["of", "the"]
        and _of_a_body(doc, ent.end)
        and _known_given(ent[0].text)
        and not ent[-1].text.lower().endswith("s")
        and person_shaped(tuple(ent.text.split()))
    )


_APPOSED_NOUNS = frozenset({"mentor", "friend", "colleague", "aide", "deputy", "successor", "predecessor"})
"""Words for a person, beyond titles and those of `_PERSON_NOUNS`, that an apposition after
them names ("Putin's former mentor, Anatoly Sobchak")."""


def _apposed_to_a_person(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a full name shaped as a person's is set off by a comma as the apposition of a
    word for a person before it ("Putin's old mentor in Moscow, Anatoly Sobchak, told ...",
    "the city's mayor, Ana Roux"): the small tagger reads a name after "in Moscow," as a
    place. Not a place the news names ("a resident of Queens, New York")."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.i >= ent.start or ent.start == 0 or doc[ent.start - 1].text != ",":
        return False
    noun = head.lemma_.lower()
    if head.pos_ != "NOUN" or noun not in _PERSON_NOUNS | _KIN | _TITLES | _APPOSED_NOUNS:
        return False
    # "a spokesman for the city, Baton Rouge,": the name renames the common noun between
    between = doc[head.i + 1 : ent.start]
    if any(t.dep_ == "pobj" and t.pos_ == "NOUN" for t in between):
        return False
    words = tuple(ent.text.split())
    return person_shaped(words) and name_key(ent.text) not in known_names()


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_BODIES_OF_PEOPLE = frozenset(
    """committee union party council group association organization organisation campaign board
    university institute foundation society league movement coalition department ministry office
    agency commission network center centre""".split()
)


def _of_a_body(doc: Doc, of: int) -> bool:
    """Whether the phrase after "of" at token `of` is a body of people ("of the mothers'
    committee", "of the Orsk Bar Association"), not "of course" or a thing."""
    heads = [c for c in doc[of].children if c.dep_ == "pobj"]
    return bool(heads) and heads[0].lemma_.lower() in _BODIES_OF_PEOPLE


def _whole_years(text: str) -> int | None:
    """A whole number of years as written in digits ("45"), else None."""
    return int(text) if text.isdigit() and len(text) <= 3 else None


def _as_people(mentions: list[Mention], cued: set[tuple[str, ...]]) -> list[Mention]:
    """Mentions the tagger took for a body or a place, made a person's where the cluster's
    words say elsewhere that the name is one (`_person_cue`): the name itself, a full name
    shaped as a person's that ends in a cued surname ("Ayse Karatas", tagged a place, where
    "Karatas, 45," is cued), and that surname alone. Not a lone word some body's or place's
    longer name also holds ("Ford" beside "Ford Motor"), nor one also tagged a place
    elsewhere ("Jordan" the country beside "Michael Jordan, 45,")."""
    if not cued:
        return mentions
    # A cued name's surname: a one-word name, or the last word of a full name.
    surnames = {tokens[-1] for tokens in cued if len(tokens) == 1 or person_shaped(tokens)}
    others = [m for m in mentions if m.label != "PERSON"]

    def full_name(tokens: tuple[str, ...]) -> bool:
        return len(tokens) > 1 and tokens[-1] in surnames and person_shaped(tokens)

    in_names = {w for m in others if len(m.tokens) > 1 and not full_name(m.tokens) for w in m.tokens}
    places = {m.tokens[0] for m in others if len(m.tokens) == 1 and m.label in ("GPE", "LOC")}
    out = []
    for mention in mentions:
        tokens = mention.tokens
        # A lone word, cued or not, that is also a place or a word of a body's longer name
        # elsewhere stays as tagged ("Jordan, 24," the guard beside "Jordan" the country).
        person = mention.label in ("ORG", "GPE", "LOC") and (
            full_name(tokens)
            or (len(tokens) == 1 and tokens[0] in surnames and tokens[0] not in in_names | places)
        )
        out.append(replace(mention, label="PERSON") if person else mention)
    return out


_BRACKETED = re.compile(r" ?\(([A-Z][A-Z&.]*[A-Z.])\)")


def _noun_for_a_person_before(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a word only for a person or for kin stands right before a name of a person's
    shape ("actress Stormy Daniels", "his mother, Cindy Dixon"): not a title or an office,
    which a body's name may follow too ("Deputy White House ...")."""
    before = _word_before(doc, ent.start)
    return (
        before is not None
        and before.text.rstrip(".").lower() in _PERSON_NOUNS | _KIN
        and person_shaped(tuple(ent.text.split()))
    )


def _bracketed_acronyms(corpus: Corpus, mentions: list[Mention]) -> list[Mention]:
    """The acronym in brackets just after a body's name, which the tagger left untagged
    ("Kessport University (KU)"): a name of that body."""
    starts = {(m.doc_index, m.span.start) for m in mentions}
    found = []
    for mention in mentions:
        if mention.label == "PERSON" or len(mention.tokens) < 2:
            continue
        match = _BRACKETED.match(corpus.articles[mention.doc_index].body, mention.span.end)
        if match is None or (mention.doc_index, match.start(1)) in starts:
            continue
        acronym = match.group(1)
        if _acronym_of((acronym,), mention.tokens):
            span = Span(mention.span.article_id, match.start(1), match.end(1))
            found.append(Mention(acronym, mention.label, mention.doc_index, span, (acronym,)))
    return found


_LONE_CAPITALS = re.compile(r"(?<![\w.&/:@'’-])[A-Z]{3,6}(?![\w&/:@-]|\.\w|['’][A-Za-z]{2})")
"""A word of three to six capitals standing alone: no hyphen, slash, colon or dot against it
("ISIS-GS", "BUD/S", "AC:360", "U.S."), though a possessive may follow ("TBS' partners").
Not two: "GA" in "Atlanta, GA 30309", "MP" in "Labor MP Bernie Grant", "TV" in "a TV
commercial" and "US" in "US 12 cents" are no bodies' initials, though one of the cluster
may have them."""


_EVERYDAY_ACRONYMS = frozenset(
    """CPR GPS MRI SUV IED DNA RNA HIV AIDS ATM PPE CEO CFO COO CTO GMT UTC EST EDT CST CDT PST PDT
    MPH RPM GDP IPO ICU VIP RSVP FAQ PDF URL USB LED LCD DVD SMS GIF HTML API IVF ICBM UAV RPG MVP
    LGBT LGBTQ ADHD PTSD SARS MERS COVID NFT ETF CPI ATV BMX DUI DWI""".split()
)
"""Acronyms news uses as common nouns ("performed CPR", "an MRI scan", "the SUV rolled over"):
no body's name, whatever body of the cluster has those initials."""
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
"""A Roman numeral ("Phase III", "Super Bowl LVII"), no acronym."""


def _in_capitals(token: Token) -> bool:
    """A word in capitals among others ("WATCH THE HSB REPORT", "UPDATE: CPR, PARAMEDICS
    SAVE BOY"): shouted, not named. The words beside it, or most words of its sentence."""
    doc = token.doc
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if any(t.is_alpha and len(t) > 1 and t.text.isupper() for t in near):
        return True
    words = [t for t in token.sent if t.is_alpha and len(t) > 1]
    return sum(t.text.isupper() for t in words) * 2 > len(words) > 2


def _read_as_acronym(token: Token) -> bool:
    """Whether an untagged word in capitals may be a body's acronym: a noun, not a verb or
    other word written in capitals for stress ("it WON a similar case"), not one after "a"
    or "an" (a thing: "an MRI scan", "a SUV"), nor in brackets after a person's name ("Mo
    Farah (GBR)"), no everyday acronym and no Roman numeral."""
    if token.pos_ not in ("PROPN", "NOUN") or token.text in _EVERYDAY_ACRONYMS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children):
        return False  # read as a noun but acting as a verb: "it WON a similar case"
    if _ROMAN.fullmatch(token.text):
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    if (
        before is not None
        and before.text == "("
        and token.i > 1
        and token.doc[token.i - 2].ent_type_ == "PERSON"
    ):
        return False  # "Mo Farah (GBR)": a person's country or party in brackets
    return before is None or before.lower_ not in ("a", "an")


def _covered(mentions: list[Mention]) -> defaultdict[int, list[tuple[int, int]]]:
    """The spans the mentions cover, report by report."""
    covered: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions:
        covered[mention.doc_index].append((mention.span.start, mention.span.end))
    return covered


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of `spans` overlaps start..end."""
    return any(a < end and start < b for a, b in spans)


def _untagged_acronyms(
    corpus: Corpus, paragraphs: list[Paragraph], mentions: list[Mention], lower: frozenset[str]
) -> list[Mention]:
    """The acronyms of bodies the tagger left untagged ("the ARB", "SDFD officials said",
    "TBS' partners"), each a mention of the body whose name it abbreviates.

    A word is taken when its capitals are the initials of exactly one body's name of two
    words or more tagged in the cluster, itself no acronym ("Accountability Review Board";
    not "FOX 4" for "FOX", nor "Crimewatch TV" for "TV"); when no name the tagger found
    holds it; when the cluster never writes it in lower case ("IT", "WHO"); when it may be
    one (`_read_as_acronym`: not "performed CPR", "an MRI scan", "Phase III", "it WON"); and
    not in a headline or among words in capitals. The merge then joins it to that body as
    any acronym.
    """
    bodies: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
    for mention in mentions:
        if mention.label == "ORG" and len(mention.tokens) > 1 and not any(map(_is_acronym, mention.tokens)):
            for letters in _initials(mention.tokens):
                bodies[letters].add(tuple(t.lower() for t in mention.tokens))
    if not bodies:
        return []
    covered = _covered(mentions)
    found = []
    for para, at, word in _matches(corpus, paragraphs, _LONE_CAPITALS):
        if len(bodies.get(word, ())) != 1 or word.lower() in lower:
            continue
        start = para.start + at
        if _inside(covered[para.doc_index], start, start + len(word)):
            continue
        span = para.doc.char_span(at, at + len(word))
        if span is None or len(span) != 1 or span[0].ent_type_ or _in_capitals(span[0]):
            continue
        if not _read_as_acronym(span[0]):
            continue
        if is_title_case(para.text):
            continue
        where = Span(corpus.articles[para.doc_index].id, start, start + len(word))
        found.append(Mention(word, "ORG", para.doc_index, where, (word,)))
    return found


_COUPLE = re.compile(r"([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][\w'’-]+)")


def _split_couples(mentions: list[Mention]) -> list[Mention]:
    """One name the tagger made of two people's ("Judy and Dennis Shepard", often taken
    for a body): two people of that surname, where both given names are ones the
    `nicknames` table knows ("Ana and Tomas Roux" is Ana Roux and Tomas Roux)."""
    out = []
    for mention in mentions:
        couple = _COUPLE.fullmatch(mention.text) if mention.label in ("PERSON", "ORG") else None
        first, second, surname = couple.groups() if couple else ("", "", "")
        if not (
            couple
            and _known_given(first)
            and _known_given(second)
            and not _known_given(surname)
            and person_shaped((second, surname))
        ):
            out.append(mention)
            continue
        start, span = mention.span.start, mention.span
        out.append(
            Mention(
                first,
                "PERSON",
                mention.doc_index,
                Span(span.article_id, start, start + len(first)),
                (first, surname),
            )
        )
        at = start + couple.start(2)
        full = f"{second} {surname}"
        out.append(
            Mention(
                full,
                "PERSON",
                mention.doc_index,
                Span(span.article_id, at, at + len(full)),
                (second, surname),
            )
        )
    return out


def _join_pairs(corpus: Corpus, mentions: list[Mention]) -> list[Mention]:
    """Two names the tagger cut apart at an "and": one word twice is one company's name
    ("Johnson and Johnson"), and a given name before another's full name takes that
    surname ("Kate and Gerry McCann": "Kate" is Kate McCann), where both words are given
    names the `nicknames` table knows and the first is no one's surname in the cluster."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].doc_index, mentions[i].span.start))
    surnames = {_surname(m.tokens).lower() for m in mentions if m.label == "PERSON" and len(m.tokens) > 1}
    replaced: dict[int, Mention] = {}
    dropped: set[int] = set()
    for a, b in pairwise(order):
        x, y = mentions[a], mentions[b]
        if x.doc_index != y.doc_index or len(x.tokens) != 1 or x.text != x.tokens[0] or a in dropped:
            continue
        body = corpus.articles[x.doc_index].body
        if body[x.span.end : y.span.start] != " and ":
            continue
        if (
            y.text == x.text
            and x.text[:1].isupper()
            and x.label in ("PERSON", "ORG")
            and y.label == x.label
            and x.text.lower() not in surnames  # "Williams and Williams": two of a family
        ):
            text = body[x.span.start : y.span.end]
            span = Span(x.span.article_id, x.span.start, y.span.end)
            replaced[a] = Mention(text, "ORG", x.doc_index, span, name_tokens(text, titles=False))
            dropped.add(b)
        elif (
            x.label == y.label == "PERSON"
            and len(y.tokens) == 2
            and not x.titled
            and x.text.lower() not in surnames
            and _known_given(x.text)
            and _known_given(y.tokens[0])
            and person_shaped(y.tokens)
        ):
            tokens = (x.tokens[0], y.tokens[1])
            replaced[a] = Mention(
                x.text, x.label, x.doc_index, x.span, tokens, x.titled, x.written, x.determined
            )
    return [replaced.get(i, m) for i, m in enumerate(mentions) if i not in dropped]


def _mention(para: Paragraph, article_id: str, ent: SpacySpan, label: str) -> Mention | None:
    """The mention a tagged span makes, or None where it is no name."""
    # "A World Trade Organization panel": the tagger took the article in (not "An Sung-min")
    if len(ent) > 1 and label != "PERSON" and ent[0].tag_ == "DT" and ent[0].lower_ in ("a", "an"):
        ent = ent[1:]
    lead = len(ent.text) - len(ent.text.lstrip("`'\"“‘ "))  # the tagger may take the mark in
    if _a_title_in_marks(para.text, ent.start_char + lead, ent.end_char):
        return None  # "The success of ``Donahue''": the show, not the host
    if label == "PERSON" and len(ent) > 1 and ent[0].pos_ == "VERB" and ent[0].text.endswith("ing"):
        ent = ent[1:]  # "Attacking Romney": a headline's verb before the name
    if label == "PERSON" and _is_demonym(ent[0].text):
        if len(ent) >= 3 and all(t.text[:1].isupper() for t in ent[1:]):
            ent = ent[1:]  # "Tanzanian Rashid Saleh Hemed": the nationality is no part of the name
        elif len(ent) == 1:
            label = "NORP"  # "Africans", "a Turk": a people, not a person
    if (
        label == "ORG"
        and len(ent) > 1
        and ent.start > 0
        and not (ent.end < len(para.doc) and para.doc[ent.end].pos_ == "NOUN" and para.doc[ent.end].is_lower)
        and (word := para.doc[ent.start - 1]).text[:1].isupper()
        and word.text.isalpha()
        and _is_demonym(word.text)
        and word.lower_ not in _NOT_NATIONS
    ):
        # "Egyptian Islamic Jihad" tagged as "Islamic Jihad": the nationality the tagger
        # left out says which body it is (not the "Palestinian Islamic Jihad" of the same
        # report), `_other_nations`
        ent = para.doc[ent.start - 1 : ent.end]
    before_token = _word_before(para.doc, ent.start)
    before = before_token.text.rstrip(".").lower() if before_token is not None else ""
    adjective = before == "premier" and before_token is not None and before_token.text.islower()
    if before in _TITLES and label == "ORG" and not adjective and not _is_org_name(tuple(ent.text.split())):
        label = "PERSON"  # "spokeswoman Halina Vors": the tagger took the name for a body
    after = para.doc[ent.end] if ent.end < len(para.doc) else None
    attributive = after is not None and after.pos_ == "NOUN" and after.text.islower()
    if label == "ORG" and not attributive and _noun_for_a_person_before(para.doc, ent):
        # "Mountain View resident Eamonn Callon", "actress Stormy Daniels"; not "a student
        # Black Lives Matter group" (attributive)
        label = "PERSON"
    if label == "ORG" and _title_led_person(tuple(ent.text.split())):
        label = "PERSON"  # "Bishop Lawrence Provenzano": a title makes the name a person's
    if (
        label == "ORG"
        and (office := _office_prefix(words := ent.text.split()))
        and (person_shaped(tuple(words[office:])) or _lone_surname(words[office:]))
        and words[-1].lower() not in _FACILITIES  # "US President Kennedy Center" stays a body
    ):
        # "US National Security Adviser HR McMaster": an office, then a name; "Robbery
        # Homicide Division Detective Koman": a body, a rank, a surname
        label = "PERSON"
    if (
        label in ("PERSON", "ORG")
        and len(ent) > 2
        and ent[-1].text in _POST_NOMINALS
        and person_shaped(tuple(t.text for t in ent[:-1]))
    ):
        # "Geoffrey Robertson QC", "Jo Cox MP": a rank or an honour after the name is no part
        # of it, kept in the form as written
        post_nominal = ent[-1].text
        ent, label = ent[:-1], "PERSON"
    else:
        post_nominal = ""
    if label == "PERSON" and _counted_name(para.doc, ent):
        return None  # "its 32 Daytime Emmys": things counted, no person
    if label == "PERSON" and ent.text.strip().lower() in _PLATFORMS:
        label = "ORG"  # "said on Twitter": the small tagger often takes a platform for a person
    if label == "PERSON" and len(ent) > 1 and ent[-1].lower_.rstrip(".") in _COMPANY_ENDS:
        label = "ORG"  # "Delphi Automotive", "Orsk Airlines": no person's name ends so
    if label == "ORG":
        # "his KGB years", "the Patriotic Front coalition": a common noun the tagger ran on
        # into a body's name is no part of it. Not a place's ("Halden province", "Kennedy
        # airport", whose last word says what the place is).
        tail = len(ent)
        while tail > 1 and ent[tail - 1].is_alpha and ent[tail - 1].is_lower:
            tail -= 1
        if tail < len(ent) and any(t.text[:1].isupper() and t.lower_ not in _DETERMINERS for t in ent[:tail]):
            ent = ent[:tail]
    text = _POSSESSIVE.sub("", ent.text.strip())
    if _ends_in_title(text):
        return None  # "San Diego Lifeguard Lt": a place and a rank, the name comes after
    if label == "PERSON" and _is_possessive_phrase(text):
        return None  # "Trump's Utah": not a person's name
    if text.startswith("@"):
        return None  # a handle, not a name: `_link_handles` places it
    if para.text[max(ent.start_char - 2, 0) : ent.start_char].strip() == "@":
        return None  # "@ FoxNews Great, now I can ..." (as scraped): a handle and a word, no name
    cut = _name_end(ent, label)
    if cut < ent.end:
        text = _POSSESSIVE.sub("", para.doc[ent.start : cut].text.strip())
    elif (joined := _JOINED_SENTENCE.fullmatch(text)) and not _is_title(joined.group(1)):
        text, cut = joined.group(1), ent.start  # "the USGS.Geologists studied" (as scraped): "USGS"
    tokens = name_tokens(text, titles=label == "PERSON")
    if label == "ORG":
        tokens = _without_legal_suffix(tokens)
    if label in ("GPE", "LOC"):
        tokens = _without_place_word(tokens)
    if label != "PERSON":
        tokens = _without_owner(text, _without_domain(tokens))
    if not tokens or not any(c.isupper() for c in text):
        return None
    start = para.start + ent.start_char
    end = para.start + ent.end_char if cut == ent.end else start + len(text)
    # Only a written title ("King Abdullah"): "I miss Barry" has none.
    written_title = before in _TITLES and before_token is not None and before_token.text[:1].isupper()
    titled = written_title or len(text.split()) > len(tokens)
    written = ""
    first = ent.start
    if label == "PERSON" and (lead := _title_lead(para.doc, ent.start)) < ent.start:
        written = f"{para.doc[lead : ent.start].text} {text}"
        first = lead
    if label == "PERSON" and len(tokens) == 1 and _kin_of_namesake(para.doc, first, tokens[0]):
        return None  # "Kennedy, brother of President Kennedy": another Kennedy, unnamed
    if post_nominal:
        written = f"{written or text} {post_nominal}"
    determined = ""
    # Not where the name stands before a noun ("The Okafor campaign"): "The" is that noun's.
    modifier = ent.end < len(para.doc) and para.doc[ent.end].pos_ in ("NOUN", "PROPN")
    if first > 0 and para.doc[first - 1].text == "The" and not modifier and not _LEADING_THE.match(text):
        determined = f"The {written or text}"
    span = Span(article_id, start, end)
    # Also for a name shaped as a person's that the tagger took for a body or a place ("his
    # mother, Doreen Marlow", tagged a body): `_as_people` may make it a person's later.
    personal = label == "PERSON" or (
        label in ("ORG", "GPE", "LOC") and len(tokens) > 1 and person_shaped(tokens)
    )
    kin = (_kin_before(para.doc, first) or _kin_after(ent)) if personal else ""
    # "a Noam Chomsky lecture", "the Obama administration": the name of a noun's kind
    describes = (
        ent.end < len(para.doc)
        and para.doc[ent.end].pos_ == "NOUN"
        and para.doc[ent.end].text.islower()
        and first > 0
        and (para.doc[first - 1].lower_ in _DETERMINERS or para.doc[first - 1].tag_ == "PRP$")
    )  # not "named Gary Walsh chairman"
    pronoun = _pronoun_for(ent) if personal and len(tokens) > 1 else ""
    return Mention(
        text,
        label,
        para.doc_index,
        span,
        tokens,
        titled,
        written,
        determined,
        kin,
        describes,
        pronoun,
        place=label == "ORG" and _heads_a_place(ent),
        acts=_acts(ent.root),
        addressed=_addressed(ent.root),
    )


def _addressed(root: Token) -> bool:
    """Whether a name (its root token) is who someone speaks to: the object of "tell"
    ("Droz told Kymata News"), or after "to"/"with" on a verb or noun of speaking ("said to
    Reuters", "in an interview with the AP")."""
    if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell":
        return True
    if root.dep_ != "pobj" or root.head.lower_ not in ("to", "with"):
        return False
    return root.head.head.lemma_.lower() in ("say", "speak", "talk", "interview", "comment")


def _acts(root: Token) -> bool:
    """Whether a name (its root token) acts in its sentence: the subject of a verb, a word
    before or the owner of one ("Hezbollah officials said", "Brightline's chief said"), or
    the agent of a passive ("approved by the Relief Corps")."""
    if root.dep_ in ("compound", "poss") and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _heads_a_place(ent: SpacySpan) -> bool:
    """Whether a name stands before a word for a place that it names: "the Saltmarsh
    district", "the Saltmarsh and Lower Quay districts" (the tagger reads such names as a
    body's). Not where that word itself stands before a noun ("the Kessport district
    court", "the Ohio state legislature"): the name is then the body's."""
    if ent.text.isupper():
        return False  # "the UN districts of the camp": an acronym is a body's
    root = ent.root
    head = root.head
    if root.dep_ == "conj" and head.i < root.i:
        root, head = head, head.head
    return (
        root.dep_ in ("compound", "nmod")
        and head.i >= ent.end
        and head.lower_ in _PLACE_NOUNS
        and head.text.islower()
        and head.dep_ != "compound"
    )


_HE = frozenset({"he", "his", "him", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
_MARKS = frozenset({'"', "``", "''", "“", "”"})


def _pronoun_for(ent: SpacySpan) -> str:
    """ "m" or "f" where a name is the subject of its sentence's verb and a "he" or "she"
    after that verb is the subject of what the verb reports ("Ana Roux said she would
    appeal"), or a "his" or "her" owns a word for kin ("Tipper Gore raised $150,000 for her
    husband's campaign"), with no other person's name or noun for a person, nor a quotation
    mark, before it. A rule of thumb, read only where a courtesy title must tell two people
    of one surname apart and no title or word for kin says (`_sex_of`)."""
    root = ent.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.i < ent.end:
        return ""
    doc = ent.doc
    verb = root.head
    for token in doc[verb.i + 1 : root.sent.end]:
        if token.text in _MARKS or token.ent_type_ == "PERSON":
            return ""
        someone = token.pos_ == "NOUN" and token.lemma_.lower() in _PERSON_NOUNS | _KIN | _SOMEONE_ELSE
        if someone and not (token.head.lemma_.lower() in _KIN and token.dep_ == "poss"):
            return ""  # "praised the nurse for her courage": "her" may be the nurse
        if token.lower_ not in _HE | _SHE:
            continue
        said = token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp" and token.head.head == verb
        kin = token.dep_ == "poss" and token.head.lemma_.lower() in _KIN
        if said or kin:
            return "m" if token.lower_ in _HE else "f"
    return ""


# Nouns for someone other than the subject that a pronoun after them may stand for.
_SOMEONE_ELSE = frozenset("queen king princess prince woman man girl boy child".split())


# Last words of a company's name that no person's name ends in (unlike "Post", "Times" or
# "Union", which are surnames too): a name the tagger took for a person is a company's.
_COMPANY_NOUNS = frozenset(
    "automotive systems technologies industries holdings motors airlines airways".split()
)
"""Words that say a name is a company's, at its end."""
_COMPANY_ENDS = _COMPANY_NOUNS | frozenset(
    """pharmaceuticals chemicals electronics communications enterprises corp corporation inc ltd llc plc
    gmbh""".split()
)


# Words only for a person, which may stand right before a name the tagger takes for a body.
_PERSON_NOUNS = frozenset(
    """resident residents spokesman spokeswoman spokesperson witness neighbour neighbor
    teacher student reporter journalist professor economist historian scholar detective
    trooper firefighter paramedic nurse surgeon physician activist protester volunteer
    survivor villager farmer actress actor singer rapper comedian novelist author
    lawyer attorney doctor blogger campaigner judge prosecutor magistrate solicitor barrister
    columnist commentator sprinter footballer businessman businesswoman
    entrepreneur billionaire""".split()
)


# Words for kin one person may be at once, to different people: a wife is often a mother
# and a widow in one story, never a daughter or a son of the same family.
_KIN_CLASS = {
    **dict.fromkeys("wife mother widow stepmother grandmother fiancee girlfriend".split(), "f"),
    **dict.fromkeys("husband father widower stepfather grandfather fiance boyfriend".split(), "m"),
    **dict.fromkeys("daughter stepdaughter granddaughter niece".split(), "fc"),
    **dict.fromkeys("son stepson grandson nephew".split(), "mc"),
}
# Every word for kin: those above, and those that say nothing of sex.
_KIN = frozenset(_KIN_CLASS) | frozenset("sister brother aunt uncle cousin".split())


def _kin_before(doc: Doc, start: int) -> str:
    """The word for kin just before a name, past one comma ("his wife, Ana Roux";
    "daughters Ana and Eva"), singular; "" where there is none."""
    at = start - 1
    comma = at >= 0 and doc[at].text == ","
    if comma:
        at -= 1
    if at < 0:
        return ""
    word = doc[at].lower_
    word = word[:-1] if word.endswith("s") and word[:-1] in _KIN else word
    if word not in _KIN:
        return ""
    if not comma:
        return word  # "daughters Jackie Sue Cushman", however the parser hangs the words
    # Past a comma, the word must be the name's own ("his wife, Ana"), not the end of a
    # phrase before it ("After losing her son, Ana Roux moved").
    root = doc[start]
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    return word if root.head.i == at or doc[at].head.i == root.i else ""


def _kin_of_namesake(doc: Doc, start: int, surname: str) -> bool:
    """Whether a surname alone at token `start` follows "<kin> of" after the same surname
    a few words before ("Kennedy, brother of President Kennedy"; "Ana Roux, widow of Roux"):
    a relative of the one named first, whom no full name here tells apart."""
    if start < 3 or doc[start - 1].lower_ != "of":
        return False
    word = doc[start - 2].lower_
    if word not in _KIN and word.removesuffix("s") not in _KIN:
        return False
    return any(t.text == surname for t in doc[max(0, start - 8) : start - 2])


def _kin_after(ent: SpacySpan) -> str:
    """The word for kin that heads the name's apposition ("Elizabeth Dole, wife of Bob
    Dole"; "Tipper Gore, the vice president's wife,"), singular; "" where there is none."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return ""
    for token in doc[ent.end + 1 : min(ent.end + 7, len(doc))]:
        if token.text in (",", ".", ";"):
            return ""
        word = token.lower_[:-1] if token.lower_.endswith("s") and token.lower_[:-1] in _KIN else token.lower_
        if token.dep_ == "appos" and ent.start <= token.head.i < ent.end:
            # "Rob Tarrant, his wife and their sons": the wife is another's kin; "Lena
            # Tarrant, his wife, said": she is the wife
            owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)
            closed = token.i + 1 < len(doc) and doc[token.i + 1].text in (",", ".", ";")
            return word if word in _KIN and (closed or not owned) else ""
    return ""


def _sex_of(group: _Group) -> str:
    """ "f" or "m" where the cluster's courtesy titles and words for kin of the person
    agree on one, or, where there are none, the pronouns its reports go on with after it
    (`Mention.pronoun`); else ""."""
    said = set(group.courtesies) | {_KIN_CLASS.get(k, "")[:1] for k in group.kins}
    said.discard("")
    if not said:
        said = group.pronouns  # what its reports call it, where no title or kin says
    return next(iter(said)) if len(said) == 1 else ""


def _kin_clash(kin: str, kins: set[str]) -> bool:
    """Whether a word for kin names someone other than every word for kin of a group."""
    return bool(kin and kins) and all(_KIN_CLASS.get(kin, kin) != _KIN_CLASS.get(k, k) for k in kins)


_JOINED_SENTENCE = re.compile(r"([A-Z][\w&]{2,})\.[A-Z][a-z]+")
"""A name run into the next sentence where a scrape lost the space ("USGS.Geologists")."""

_COMMA_SUFFIXES = _SUFFIXES | {"inc", "ltd", "llc", "plc", "co", "corp", "lp", "llp", "sa", "ag", "nv"}


_HYPHEN_WITH_SPACES = re.compile(r"(?<=\w) - (?=\w)")
_SPACED_HYPHEN = re.compile(r"\b([A-Z]\w+) - ([A-Z]\w+)\b")
MIN_SPACED_HYPHENS = 2
"""A hyphen with a space on each side between the same two capitalized words this many
times in a story's paragraphs (copies of a paragraph once) joins them into one name: an
archive that tokenizes "Strauss-Kahn" as "Strauss - Kahn" writes it so every time, while a
dash between two names ("on Fox - Rubio also appeared") seldom recurs with the same two
words. A rule of thumb for such archives: web and wire text write a hyphen against its words
(a review found no pair written so twice in 3,000 Multi-News val clusters or the DUC
2006-2007 sets)."""


_OWNING_BODIES = _ORG_WORDS | frozenset("administration bureau division center centre".split())
"""Words for a body that end a body's name before its possessive: `_ORG_WORDS` and more."""


def _owner_part(ent: SpacySpan) -> SpacySpan | None:
    """The body a tagged span opens with when a possessive parts it from what the body has
    ("the Energy Information Administration’s Electric Power Monthly", "the Justice
    Department's Civil Rights Division"): two words or more that end with a word for a
    body, before "'s". None otherwise: "Moody's Investors Service", "People's Liberation
    Army" and "Children's Hospital" are names with a possessive inside."""
    doc = ent.doc
    for i in range(ent.start + 2, ent.end - 1):
        if doc[i].text in ("'s", "’s") and doc[i - 1].lower_ in _OWNING_BODIES:
            words = [t for t in doc[ent.start : i] if t.lower_ != "the"]
            if len(words) >= 2:
                return doc[ent.start : i]
    return None


def _spaced_hyphen_names(paragraphs: list[Paragraph]) -> frozenset[tuple[str, str]]:
    """The pairs of capitalized words written "A - B" at least `MIN_SPACED_HYPHENS` times."""
    texts = {para.text for para in paragraphs}  # copies of one wire report count once
    seen = Counter((m.group(1), m.group(2)) for text in texts for m in _SPACED_HYPHEN.finditer(text))
    return frozenset(pair for pair, n in seen.items() if n >= MIN_SPACED_HYPHENS)


def _parts(
    ent: SpacySpan, label: str, hyphenated: frozenset[tuple[str, str]] = frozenset()
) -> list[tuple[SpacySpan, str]]:
    """A tagged span of people or bodies split at its commas ("Lund, Okafor"; "the Harbour
    Board, Ana Roux"), except before a suffix ("Ana Roux, Jr."; "Acme, Inc."), and at an
    "and" between two names of two or more words each ("Tina Fey and Eva Longoria", not
    "Johnson and Johnson"), each with its label.

    The tagger often takes a list of people for one body: a part shaped like a person's
    name is a person where the tagger said so, where a body stands beside it ("the Harbour
    Board, Ana Roux"), or where each name of an "and" opens with a known given name."""
    pieces = _split_at_dashes(ent, hyphenated)
    if len(pieces) != 1:  # "on CBS, NBC and Fox — Rubio also appeared": two names
        return [part for piece in pieces for part in _parts(piece, label, hyphenated)]
    if label not in ("PERSON", "ORG"):
        return [(ent, label)]
    if label == "ORG" and (owner := _owner_part(ent)) is not None:
        # "the Energy Information Administration’s Electric Power Monthly": two names; what
        # the body has is one only where it is written as one ("Iraq policy" is not)
        rest = ent.doc[owner.end + 1 : ent.end]
        named = len(rest) > 0 and all(t.text[:1].isupper() or not t.is_alpha for t in rest)
        return [(owner, label), *(_parts(rest, label, hyphenated) if named else [])]
    parts = [ent]
    if "," in ent.text:
        parts = _split(ent, ",")
        if any(part[0].text.rstrip(".").lower() in _COMMA_SUFFIXES for part in parts[1:]):
            parts = [ent]
    labelled: list[tuple[SpacySpan, str]] = []
    for part in parts:
        halves = _split(part, "and") if any(t.text == "and" for t in part) else [part]
        people = len(halves) > 1 and all(person_shaped(tuple(h.text.split())) for h in halves)
        if people and (label == "PERSON" or all(_known_given(h[0].text) for h in halves)):
            labelled.extend((half, "PERSON") for half in halves)
            continue
        body_beside = len(parts) > 1 and any(_is_org_name(tuple(p.text.split())) for p in parts)
        person = body_beside and person_shaped(tuple(part.text.split()))
        labelled.append((part, "PERSON" if person else label))
    return labelled


def _split(ent: SpacySpan, word: str) -> list[SpacySpan]:
    """The pieces of a span between the tokens written `word`."""
    doc, pieces, start = ent.doc, [], ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or doc[i].text == word:
            if i > start:
                pieces.append(doc[start:i])
            start = i + 1
    return pieces


_DASHES = frozenset({"—", "―", "--", "---"})


def _split_at_dashes(ent: SpacySpan, hyphenated: frozenset[tuple[str, str]] = frozenset()) -> list[SpacySpan]:
    """The pieces of a span between dashes that stand alone: an em dash, an en dash with
    a space beside it, or a hyphen with a space on each side. A hyphen or an en dash
    inside a word ("Ramjathan-Keogh", "Hewlett–Packard", which the tokenizer splits)
    joins, it does not part; so does a spaced hyphen between a pair of words in
    `hyphenated` ("Strauss - Kahn", `_spaced_hyphen_names`)."""
    doc, pieces, start = ent.doc, [], ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or (
            _is_dash(doc, i)
            and not (0 < i < len(doc) - 1 and (doc[i - 1].text, doc[i + 1].text) in hyphenated)
        ):
            if i > start:
                pieces.append(doc[start:i])
            start = i + 1
    return pieces


def _is_dash(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text in _DASHES:
        return True
    spaced_before = i > 0 and bool(doc[i - 1].whitespace_)
    if token.text == "–":  # an en dash joins "Hewlett–Packard", parts "Fox – Rubio"
        return spaced_before or bool(token.whitespace_)
    return token.text == "-" and bool(token.whitespace_) and spaced_before


def _counted_name(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a name in the plural follows a count ("its 32 Daytime Emmys", "two Golden
    Globes"): things counted, not a person. Not a rank ("world No. 1 Novak Djokovic"), a
    date or a year before a name ("In 1998 Bill Clinton"), nor a possessive ("3 Smiths'")."""
    if ent.start == 0 or not ent[-1].text.endswith("s") or ent[-1].text.endswith(("'s", "ss")):
        return False
    number = doc[ent.start - 1]
    if (
        not number.like_num
        or number.ent_type_ in ("DATE", "TIME")
        or re.fullmatch(r"1\d{3}|20\d{2}", number.text)
    ):
        return False
    if not ent.start <= number.head.i < ent.end:
        return False  # the count is not the name's ("In round 3 Serena Williams beat ...")
    before = doc[number.i - 1] if number.i > 0 else None
    # not a rank or a place in a list: "No. 1 Novak Djokovic", "lane 4 Tom Adams"
    return before is None or (before.lower_ not in ("no", "no.", "number", "#") and before.pos_ != "NOUN")


def person_shaped(words: tuple[str, ...]) -> bool:
    """Two or three capitalised words, none a title, a body's word or an acronym, the last
    a word of letters ("Ana Roux", "Kaajal Ramjathan-Keogh", "JB Romano")."""
    if not 2 <= len(words) <= 3 or _is_org_name(words) or words[-1].isupper():
        return False
    if any(w.rstrip(".").lower() in _TITLES or not w[:1].isupper() for w in words):
        return False
    return bool(re.fullmatch(r"[^\W\d_][\w'’-]*", words[-1]))


def _lone_surname(words: list[str]) -> bool:
    """One capitalised word of letters after a rank ("Detective Koman"), no word of a body's
    name, a building's or a title."""
    if len(words) != 1:
        return False
    word = words[0]
    low = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and not word.isupper()
        and bool(re.fullmatch(r"[^\W\d_][\w'’-]*", word))
        and low not in _ORG_WORDS | _FACILITIES | _TITLES | _NAMED_THINGS
    )


_NAMED_THINGS = frozenset(
    """report cup trophy training award prize act bill fund program programme scheme day week
    games medal plan review inquiry election race challenge series summit conference forum
    lecture fellowship scholarship memorial""".split()
)
"""Words that end the name of a thing, not a person, after a title ("the National Security
Adviser Report", "the Kessport Mayor Cup")."""


def _known_given(word: str) -> bool:
    """A given name the `nicknames` table knows ("Tina", "Eva"; not "Goldman")."""
    low = word.lower()
    return bool(_nicknames().nicknames_of(low) or _nicknames().canonicals_of(low))


# Buildings and institutions named after someone with a title ("Judge Rotenberg Center").
_FACILITIES = frozenset(
    {"center", "centre", "museum", "library", "hotel", "airport", "stadium", "arena", "station"}
) | frozenset({"building", "clinic", "academy", "cathedral", "memorial", "prize", "award", "trust"})


def _title_led_person(words: tuple[str, ...]) -> bool:
    """ "Bishop Lawrence Provenzano", "Chair JB Romano": capitalised titles, then a
    person's name (not a building's, "Judge Rotenberg Center")."""
    lead = 0
    while lead < len(words) and words[lead][:1].isupper() and words[lead].rstrip(".").lower() in _TITLES:
        lead += 1
    return lead > 0 and person_shaped(words[lead:]) and words[-1].lower() not in _FACILITIES


@lru_cache(maxsize=1 << 16)
def name_tokens(text: str, *, titles: bool = True) -> tuple[str, ...]:
    """A name's words without a leading "the", a trailing possessive and (for people) titles."""
    text = _CAMEL.sub(r"\1-", _LEADING_THE.sub("", text.strip()))
    text = _HYPHEN_WITH_SPACES.sub("-", text)  # "Strauss - Kahn", kept whole: `_split_at_dashes`
    words = [w for w in re.split(r"[\s]+", text) if w]
    if titles:
        words = words[_office_prefix(words) :]
    while titles and len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    stripped = (_POSSESSIVE.sub("", w) for w in words)
    return tuple(w for w in stripped if re.search(r"\w", w))


def _office_prefix(words: list[str]) -> int:
    """How many leading words are a place and a title ("Maryland Gov.", "U.S. Sen."), else 0.

    The place is one to three capitalised words before a title; the title must leave a
    name after it that is more than a suffix ("Jr."), and titles that are also names
    ("King") never count, so "Martin Luther King Jr." keeps every word.
    """
    for i in range(min(4, len(words) - 1), 0, -1):
        title = words[i].lower().rstrip(".")
        if title not in _TITLES or title in _NAME_LIKE_TITLES:
            continue
        rest = [w for w in words[i + 1 :] if w.lower().rstrip(".") not in _SUFFIXES]
        before = words[:i]
        place = [w for w in before if w.lower().rstrip(".") not in _TITLES]
        if rest and place and all(w[:1].isupper() for w in before):
            return i + 1
    return 0


def _title_lead(doc: Doc, start: int) -> int:
    """Where the capitalised titles before a person's name begin, with the place or body
    before them ("Kessport Fire Chief", "Brig. Gen.", "Mrs."); `start` when there are none."""
    lead = start
    while (word := _word_before(doc, lead)) is not None:
        if word.text[:1].isupper() and _is_title(word.text):
            lead = word.i
        elif (
            word.text in ("of", "for")
            and lead < start
            and (title := _word_before(doc, word.i)) is not None
            and _is_title(title.text)
            and title.lower_ not in _AGENTS
            and not _abbreviated(doc, word.i + 1)
        ):
            lead = title.i  # "Secretary of State", "Minister for Health": one title
        elif word.i == lead - 1 and (office := _office_of(doc, word.i)) is not None:
            lead = office  # "Minister of Foreign Affairs": a title, then words that are none
        elif (
            word.text == "elect"
            and word.i >= 2
            and doc[word.i - 1].text == "-"
            and _is_title(doc[word.i - 2].text)
        ):
            lead = word.i - 2  # "President-elect", which the tokenizer cuts in three
        else:
            break
    # "Secretary of State", "Minister for Health": the end of a longer title, not "spoke of Father".
    after_title = lead > 1 and doc[lead - 2].text.rstrip(".").lower() in _TITLES
    joined = lead > 0 and (
        (doc[lead - 1].text in ("of", "for") and after_title)
        or doc[lead - 1].text == "-"
        or doc[lead - 1].text.endswith("-")
    )
    if lead == start or joined:
        return start  # none, or the end of a longer title ("Secretary of State")
    place = lead
    while (
        place > 0
        and lead - place < 3
        and doc[place - 1].text[:1].isupper()
        and doc[place - 1].pos_ in ("PROPN", "ADJ")
    ):
        place -= 1
    return place


_AGENTS = frozenset(
    "spokesman spokeswoman spokesperson lawyer attorney adviser advisor envoy aide counsel".split()
)
"""Titles of one who acts for another ("Spokesman for Gov. Ana Roux"): the title is theirs,
not the one named after "for"."""


def _abbreviated(doc: Doc, i: int) -> bool:
    """Whether token `i` is an abbreviated title ("Gov.", "Sen"+"."): a person's own title,
    which no title joined by "of" or "for" ends with ("Secretary of State")."""
    return doc[i].text.endswith(".") or (
        i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_
    )


def _office_of(doc: Doc, end: int) -> int | None:
    """Where a title of the form "<title> of/for <one to three capitalised words>" ending at
    token `end` begins ("Secretary of State", "Minister for Health", "Minister of Foreign
    Affairs"), or None."""
    i = end
    while (
        i >= 0
        and end - i < 3
        and doc[i].text[:1].isupper()
        and doc[i].pos_ in ("PROPN", "NOUN", "ADJ")
        and doc[i].ent_type_ != "PERSON"
    ):
        i -= 1
    if i == end or i < 1 or doc[i].text not in ("of", "for"):
        return None
    title = doc[i - 1]
    return title.i if _is_title(title.text) and title.text[:1].isupper() else None


def _is_title(word: str) -> bool:
    """A title, or titles joined by a hyphen ("Det.-Sgt.", "Lt.-Col."), written with a capital."""
    parts = word.lower().split("-")
    return word[:1].isupper() and all(p.rstrip(".") in _TITLES for p in parts)


def _word_before(doc: Doc, i: int) -> Token | None:
    """The word before token `i`, passing over the full stop the tagger splits from an
    abbreviation ("Lt" "." before "Col", "Det.-Sgt" "."), or None at the start."""
    if i >= 2 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and doc[i - 2].text[-1:].isalpha():
        return doc[i - 2]
    return doc[i - 1] if i > 0 else None


def _name_end(ent: SpacySpan, label: str) -> int:
    """Where the name inside a tagged span ends: before a bracket ("Beyoncé (@beyonce"), a
    slash after two words ("Mitt Romney/Facebook", a photo credit), or, in a person's
    name, a verb after two words (a headline's "Serena Williams Shows Off")."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end):
        word, kept = doc[i].text, i - ent.start
        if word.startswith("(") or (word == "/" and kept >= 2):
            return i
        if label == "PERSON" and kept >= 2 and doc[i].pos_ in ("VERB", "AUX"):
            return i
    return int(ent.end)


_DOMAIN = re.compile(r"(\w[\w-]{2,})\.(?:com|org|net|gov|edu|info|io|co\.uk|org\.uk)", re.IGNORECASE)


def _without_domain(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Pollwatch.com" is the site "Pollwatch": a web address's suffix is not part of the name."""
    match = _DOMAIN.fullmatch(tokens[0]) if len(tokens) == 1 else None
    return (match.group(1),) if match else tokens


_LEGAL_SUFFIXES = frozenset({"inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp", "gmbh", "ag", "sa", "nv"})
_LEGAL_SUFFIXES |= frozenset({"corporation", "incorporated", "limited"})
"""Spelled out too: "Australian Broadcasting Corporation" is "Australian Broadcasting Corp."."""
PLACE_WORDS = frozenset(
    {"province", "state", "county", "district", "region", "city", "town", "village", "island", "prefecture"}
)
_PLACE_NOUNS = frozenset(
    {
        *("district", "districts", "province", "provinces", "county", "counties", "prefecture"),
        *("municipality", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods"),
    }
)
"""Words for an area a name may stand before ("the Saltmarsh district"): `_heads_a_place`.
Not "state", "region" or "town", which a body's name also describes ("the Mormon state",
"the Microsoft region", "a Walmart town")."""


def _without_legal_suffix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Brakwell Inc." is the company "Brakwell": a legal form after the name is not part of it."""
    if len(tokens) > 1 and tokens[-1].rstrip(".").lower() in _LEGAL_SUFFIXES:
        return tokens[:-1]
    return tokens


def _without_place_word(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Halden province" is "Halden"; "Halden Province", with a capital, may be another place."""
    if len(tokens) > 1 and tokens[-1] in PLACE_WORDS:
        return tokens[:-1]
    return tokens


def _without_owner(text: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """ "Halden's Transit Workers Union" is the "Transit Workers Union" of Halden: an owner in
    the possessive before a body of two or more words is not part of its name."""
    words = text.split()
    if len(words) >= 3 and len(tokens) == len(words) and re.search(r"\w['’]s$", words[0]):
        return tokens[1:]
    return tokens


def _fold_variant(word: str) -> str:
    """British spelling to American ("defence" -> "defense"), so the two compare equal."""
    return _VARIANTS.get(word, word)


def _is_possessive_phrase(text: str) -> bool:
    """ "Trump's Utah": a possessive before the last word, so a phrase, not a name."""
    return any(re.search(r"['’]s$", w) for w in text.split()[:-1])


def _ends_in_title(text: str) -> bool:
    """A mention that is a description ending in an abbreviated title or a rank, not a name."""
    words = text.split()
    last = words[-1].lower().rstrip(".") if words else ""
    # Short titles that are also surnames ("Amartya Sen", "Alexander Pope") stay names.
    is_rank = last in _TITLES and last not in _NAME_LIKE_TITLES and last not in ("sen", "pope", "hon")
    return len(words) > 1 and is_rank and len(last) <= 4


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """Fold a word to a key that transliteration variants share ("Sergei", "Sergey" -> "srg")."""
    folded = _folded(word)
    return folded[:1] + re.sub(r"[aeiou]", "", folded[1:]) if folded else ""


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    """A word with the letters transliterations swap folded to one (`_FOLDS`: "kh" and
    "k", "ee" and "i"; `_QAF`: a "q" with no "u" or "i" after it and "k"), doubled letters
    single, and no leading particle ("al-"): "Saddiq" and "Sadeek" are both "sadik",
    "Mohammed" and "Mohamed" both "mohamed"."""
    ascii_word = ascii_fold(word).lower()
    parts = [p for p in re.split(r"[-'’ ]", _fold_variant(ascii_word)) if p]
    if len(parts) > 1 and parts[0] in _PARTICLES:
        parts = parts[1:]
    folded = "".join(parts)
    for pair in _FOLDS:
        folded = folded.replace(*pair)
    # a "q" with no "u" or "i" after it writes the Arabic qaf, which others write "k"
    # ("Saddiq", "Sadeek"; "Qassim", "Kassem"); "Quinn" and "Qiang" keep their "q"
    folded = _QAF.sub("k", folded)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z0-9]", "", folded))


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    ascii_word = ascii_fold(word).lower()
    parts = [p for p in re.split(r"[-'’ ]", _fold_variant(ascii_word)) if p]
    if len(parts) > 1 and parts[0] in _PARTICLES:
        parts = parts[1:]
    return re.sub(r"[^a-z]", "", "".join(parts)).replace("y", "i")


_SHORT = 4
"""Two words of this many letters or fewer match only when their plain forms are equal."""


@lru_cache(maxsize=1 << 16)
def same_word(a: str, b_tokens: tuple[str, ...] | str) -> bool:
    """Two name words that are spellings of one another."""
    b = b_tokens[0] if isinstance(b_tokens, tuple) else b_tokens
    if a.lower() == b.lower() or _fold_variant(a.lower()) == _fold_variant(b.lower()):
        return True
    if max(len(_plain(a)), len(_plain(b))) <= _SHORT:
        # Short words leave too few letters to tell a spelling from another name: "Zhou"
        # and "Zhu", "Chen" and "Chan" are different surnames. Only the plain forms may match.
        return _plain(a) == _plain(b) != ""
    for x, y in ((a, b), (_strip_particle(a), b), (a, _strip_particle(b))):
        kx, ky = spelling_key(x), spelling_key(y)
        px, py = _plain(x), _plain(y)
        # Same consonants, close spelling, and the same kind of ending: "Valkov" and
        # "Volkova" (a different person, or a relative) share the rest.
        same_end = bool(px and py) and (px[-1] in "aeiou") == (py[-1] in "aeiou")
        # Two vowel endings must be one vowel: "Sergei"/"Sergey" but not "Sergei"/"Sergio".
        same_end = same_end and (px[-1] not in "aeiou" or px[-1] == py[-1])
        if kx and kx == ky and same_end and SequenceMatcher(None, px, py).ratio() >= 0.7:
            return True
        if kx and _folded(x) == _folded(y) and bool(_QAF.search(x.lower())) != bool(_QAF.search(y.lower())):
            # "Saddiq" and "Sadeek": one writes the qaf "q", the other "k", and the rest
            # folds alike; not "Colleen" and "Colin", which only the folds join
            return True
    return False


def _match_keys(tokens: tuple[str, ...]) -> set[str]:
    """Keys of every word of a name, so that two names `names_match` (or whose one word
    is `same_word` as the other's last) share at least one.

    Every way two names match needs one pair of their words to match: `same_word` (equal
    in lower case or once folded, equal plain forms, or equal spelling keys with or without
    a fused particle) or equal first words in lower case (`_names_match`'s one-edit
    surnames). Each of those forms of each word (given names split at hyphens too) is a key.
    """
    keys: set[str] = set()
    for word in {*tokens, *_given_split(tokens)}:
        low = word.lower()
        keys.update(
            (
                "l" + low,
                "l" + low.rstrip("."),
                "f" + _fold_variant(low),
                "p" + _plain(word),
                "k" + spelling_key(word),
                "k" + spelling_key(_strip_particle(word)),
            )
        )
    return keys


def _strip_particle(word: str) -> str:
    """ "Elaraby" -> "araby": a particle written fused to the name, when enough is left."""
    low = word.lower()
    for particle in ("al", "el"):
        if low.startswith(particle) and len(word) >= len(particle) + 4 and low[len(particle)] in "aeiou":
            return word[len(particle) :]
    return word


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Full names that name the same person: same surname, compatible given names; a
    hyphen between given names counts as a space ("Abdel-Fattah el-Sissi", "Abdel Fattah
    al-Sisi")."""
    split_a, split_b = _given_split(a), _given_split(b)
    if (split_a != a or split_b != b) and _names_match(split_a, split_b):
        return True
    if _names_match(a, b):
        return True
    # "J. Randolph Evans" is "Randolph Evans": a first initial before the given name the
    # other gives in full ("Randolph" must be there, not a second initial).
    short, long = (a, b) if len(a) < len(b) else (b, a)
    lead = long[0].rstrip(".")
    return (
        len(long) == len(short) + 1 >= 3
        and len(lead) == 1
        and lead.isupper()
        and len(long[1].rstrip(".")) > 1
        and _names_match(long[1:], short)
    )


def _given_split(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name with its given names split at hyphens; the surname kept whole."""
    if len(tokens) < 2 or not any("-" in t for t in tokens[:-1]):
        return tokens
    return (*(p for t in tokens[:-1] for p in t.split("-") if p), tokens[-1])


def _names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return len(a) == len(b) and same_word(a[0], b[0])
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if _patronymic_prefix(a, b) or _patronymic_prefix(b, a):
        return True
    if _double_surname(a, b) or _double_surname(b, a):
        return True
    if not same_word(a[-1], b[-1]):
        # "Djoko Murdjatmodjo" / "Djoko Murjatmodjo": one letter apart in a long
        # surname, with the very same given name.
        # A given name of four letters or more makes a surname of five enough ("Louis
        # Freeh" / "Louis Freech").
        same_first = first_a.lower() == first_b.lower() and len(first_a) > 1
        min_len = 5 if len(first_a) >= 4 else 7
        return same_first and _one_edit_apart(a[-1], b[-1], min_len=min_len) and _middles_agree(a, b)
    if not _middles_agree(a, b):
        return False
    # "KIM Jong Un" is "Kim Jong Un", not the initials K.I.M.
    same_first = same_word(first_a, first_b)
    initials_a, initials_b = ("", "") if same_first else (_initials_of(a[0]), _initials_of(b[0]))
    if initials_a or initials_b:
        # "L.C. Handy" and "Levin Corbin Handy": each initial against a given name.
        short, long = (initials_a, b) if initials_a else (initials_b, a)
        givens = [t[0].lower() for t in long[:-1] if t.lower() not in _PARTICLES]
        letters = [c.lower() for c in short]
        return (
            givens[: len(letters)] == letters
            if len(givens) >= len(letters)
            else letters[: len(givens)] == givens
        )
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0].lower() == first_b[0].lower()
    return same_word(first_a, first_b) or is_short_form(first_a, first_b)


@lru_cache(maxsize=1)
def _nicknames() -> NickNamer:
    from nicknames import NickNamer  # a curated table, read once, on first use

    return NickNamer()


@lru_cache(maxsize=1 << 16)
def is_short_form(a: str, b: str) -> bool:
    """One given name is a short form of the other ("Mike"/"Michael", "Ted"/"Edward").

    The shorter must be listed as a short form of the longer in the `nicknames` table.
    Names of one length are never linked: the table lists short forms of short forms
    ("Will" -> "Fred", both of Wilfred), which name two people as often as one.
    """
    short, long = sorted((a.lower(), b.lower()), key=len)
    if len(short) == len(long):
        return False
    return short in _nicknames().nicknames_of(long)


def _initials_of(word: str) -> str:
    """ "L.C." -> "LC", and "HR" (of "HR McMaster") -> "HR"; "" for anything but two or
    three initials (only ever asked of the first word of a person's name)."""
    return word.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,3}", word) else ""


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names, where both give one, agree: not "Hamad bin Jassem"/"Hamad bin Khalifa" Al Thani,
    not "George H. W. Bush"/"George W. Bush" (father and son)."""
    mid_a = [t.rstrip(".") for t in a[1:-1] if t.lower() not in _PARTICLES]
    mid_b = [t.rstrip(".") for t in b[1:-1] if t.lower() not in _PARTICLES]
    if not mid_a or not mid_b:
        return True
    x, y = mid_a[0], mid_b[0]
    if len(x) == 1 or len(y) == 1:
        return x[:1].lower() == y[:1].lower()
    return same_word(x, y)


def _patronymic_prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Hamad bin Jassim" begins "Hamad bin Jassem Al Thani": a name with "bin"/"ibn" cut short."""
    if not 3 <= len(short) < len(long) or not any(t.lower() in ("bin", "ibn", "bint") for t in short[1:]):
        return False
    return all(same_word(x, y) for x, y in zip(short, long, strict=False))


# Given names that often come second in a name of three, which the English `nicknames`
# table lacks: Spanish and Portuguese given names of two ("Juan Carlos", "Joao Paulo"), and
# Arabic names that chain a father's given name ("Ahmed Hassan Ali" is not "Ahmed Hassan").
_SECOND_GIVEN = frozenset(
    """carlos luis pablo jose juan ignacio ramon alberto javier francisco andres felipe fernando
    enrique jesus pedro rafael ricardo roberto alfonso ernesto guillermo jorge mario sergio joao
    paulo marcos ines carmen teresa isabel elena sofia lucia
    hassan hussein husain mohammed mohamed muhammad mohammad ahmed ahmad ali omar umar abdullah
    ibrahim khalid mahmoud mahmud mustafa mostafa youssef yusuf saleh salih said saeed salim salem
    jassim jassem hamad hamid rashid karim aziz nasser yasser tariq walid faisal hashim""".split()
)
# First words that open a name of three that is no given name and two surnames: an Arabic
# compound ("Abdul Aziz al-Rantisi") or a family name written first ("Kim Jong Un").
_NOT_DOUBLE_LEADS = frozenset(
    """abdul abdel abd abu umm kim lee park choi jung kang cho yoon jang lim wang li zhang liu chen
    yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo nguyen tran le pham""".split()
)
_WEEKDAYS_AND_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)


def _double_surname(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Hugo Chavez" is "Hugo Chavez Frias": a given name and two surnames, the second
    (the mother's) left out, as Spanish and Portuguese names often are. Not where the
    second word is a given name the `nicknames` table knows ("Juan Carlos Perez" is not
    King "Juan Carlos"), an initial, a particle, or where the last word is a suffix."""
    if len(short) != 2 or len(long) != 3:
        return False
    middle, last = long[1], long[2]
    if not (middle[:1].isupper() and middle.isalpha() and len(middle) > 2 and last[:1].isupper()):
        return False
    if _is_org_name(long) or last.lower() in _FACILITIES:
        return False  # "Oprah Winfrey Network", "Ana Roux Center": a body named after her
    lower = middle.lower()
    if (
        _known_given(middle)
        or lower in _SECOND_GIVEN
        or lower in _PARTICLES
        or last.rstrip(".").lower() in _SUFFIXES
    ):
        return False
    if long[0].lower() in _NOT_DOUBLE_LEADS or last.lower() in _WEEKDAYS_AND_MONTHS:
        return False  # "Kim Jong Un", "Abdul Aziz Rantisi"; "Tom Hanks Monday" (a tag run on)
    return same_word(short[0], long[0]) and short[1].lower() == middle.lower()


def _one_edit_apart(a: str, b: str, *, min_len: int = 7) -> bool:
    """Two long words one insertion, deletion or substitution apart ("Murdjatmodjo", "Murjatmodjo")."""
    x, y = _plain(a), _plain(b)
    if min(len(x), len(y)) < min_len or abs(len(x) - len(y)) > 1 or x == y:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long = (x, y) if len(x) < len(y) else (y, x)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _is_org_name(tokens: tuple[str, ...]) -> bool:
    return any(t.lower() in _ORG_WORDS for t in tokens)


_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _same_kind(a: str, b: str) -> bool:
    """Two labels of one kind: both a place, or both not ("ORG" and "NORP" may be one body)."""
    return (a in _PLACE_LABELS) == (b in _PLACE_LABELS)


def _merge(mentions: list[Mention]) -> list[_Group]:
    """Group mentions: names of several words first, then single words onto a unique longer name.

    People's names match by `names_match` (given names may differ in spelling or be
    initials); other names must match word for word by spelling key, or as an acronym.
    Only groups that share a blocking key with the mention are compared (`_Blocks`):
    every test above needs a shared key, so the result is the one comparing every
    pair would give, at a cost that grows with the mentions, not their square.
    """
    groups: list[_Group] = []
    blocks = _Blocks()
    singles: list[Mention] = []
    tails: list[Mention] = []
    table = known_names()
    for mention in sorted(mentions, key=lambda m: -len(m.tokens)):
        if _is_particle_surname(mention.tokens):
            tails.append(mention)  # "De Angelis": a surname alone, placed once full names are known
            continue
        if len(mention.tokens) == 1:
            if mention.tokens[0].lower().rstrip(".") not in _TITLES:
                singles.append(mention)
            continue
        key = _words_key(mention.tokens)
        name_keys = {key} if mention.label == "PERSON" else _lookup_keys(mention.tokens)
        if mention.label == "ORG":
            name_keys |= {_SHORT_FORM + key}  # "Delphi Automotive" of "Delphi Automotive Systems"
        options = blocks.candidates(
            *(("words", k) for k in name_keys),
            *(("last", k) for k in _word_keys(mention.tokens[-1])),
            *(("first", k) for k in _word_keys(mention.tokens[0])),
        )

        number = next((n for n in options if _joins(mention, name_keys, groups[n])), None)
        if number is not None and _of_two_nations(mention, name_keys, groups[number].tokens, options, groups):
            number = None  # "Orthodox Church" beside the Russian and the Greek one: neither
        if number is not None:
            groups[number].add(mention)
            blocks.add(number, mention)
        else:
            groups.append(_Group([mention]))
            blocks.add(len(groups) - 1, mention)
    # A given name that comes with a title somewhere ("King Abdullah") may be anyone's
    # given name alone; only an untitled one links to a full name that begins with it.
    for mention in tails:
        key = _words_key(mention.tokens)
        last_keys = [("last", k) for k in _word_keys(mention.tokens[-1])]
        same_words = [n for n in blocks.candidates(("words", key)) if _words_key(groups[n].tokens) == key]
        fuller = [
            n
            for n in blocks.candidates(*last_keys)
            if len(groups[n].tokens) > len(mention.tokens) and _surname_of_tail(mention, groups[n])
        ]
        if len(fuller) > 1 and not mention.titled:  # as for a surname alone, below
            fuller = [n for n in fuller if mention.doc_index in groups[n].full_at] or fuller
        if len(fuller) == 1:
            same_words = []
        if same_words or len(fuller) != 1:
            number = same_words[0] if same_words else len(groups)
            if not same_words:
                groups.append(_Group([]))  # no full name, or two people share the surname
        else:
            number = fuller[0]
        groups[number].add(mention)
        blocks.add(number, mention)
    titled = {m.tokens[0].lower() for m in singles if m.titled}
    tagged_places = {m.tokens[0].lower() for m in singles if m.label in ("GPE", "LOC", "NORP")}
    family = {m.tokens[0].lower() for m in singles if _courtesy(m) or _office_before(m)}
    lone = {m.tokens[0].lower() for m in singles}
    places = _only_places(singles) - titled - family
    for mention in singles:
        word = mention.tokens[0]
        # "Bloomberg LP": a company's name, never a person's surname or given name.
        company = _legal_form(mention)
        surnames = [
            groups[n]
            for n in blocks.candidates(*(("last", k) for k in _word_keys(word)))
            if len(groups[n].tokens) > 1 and not company and _surname_of(mention, groups[n], any_length=True)
        ]
        if len(surnames) == 1 and not _surname_of(mention, surnames[0]):
            surnames = []  # the one full name that ends so is too long to be a person's
        if word.lower() in places:
            # A word the cluster only ever writes alone as a place is a surname only of a
            # name a person's is plainly: two words, a known given name or a title before it
            # ("Duterte" of "Rodrigo Duterte", "Pinochet" of "Gen. Augusto Pinochet");
            # "France" is not the surname of "Santé Publique France", which the tagger took
            # for a person.
            surnames = [
                g for g in surnames if len(g.tokens) == 2 or g.full_titles or _known_given(g.tokens[0])
            ]
        if not surnames and not company and mention.label in ("PERSON", "ORG"):
            # "Murjatmodjo" for "Djoko Murdjatmodjo": a long surname one letter off.
            surnames = [
                groups[n]
                for n in blocks.candidates(*(("edit", k) for k in _edit_keys(word)))
                if len(groups[n].tokens) > 1 and _surname_of(mention, groups[n], one_off=True)
            ]
        given: list[_Group] = []
        if (
            not surnames
            and not company
            and word.lower() in family
            and (mention.label == "PERSON" or _courtesy(mention))
        ):
            # "Mr. Xi" and "Xi Jinping": a word the cluster writes after "Mr." or "Ms.", or after
            # an office ("President Xi", "Gen. Kang"), is a family name, and where no full name
            # ends with it, one may begin with it.
            given = [
                groups[n]
                for n in blocks.candidates(*(("first", k) for k in _word_keys(word)))
                if _family_name_first(mention, groups[n], lone)
            ]
        elif not company and mention.label in ("PERSON", "ORG") and word.lower() not in titled:
            # "his first wife, Jackie" is not "daughters Jackie Sue Cushman and ...": a
            # given name alone set beside a word for kin is no one set beside another.
            given = [
                groups[n]
                for n in blocks.candidates(*(("first", k) for k in _word_keys(word)))
                if len(groups[n].tokens) > 1
                and not _kin_clash(mention.kin, groups[n].kins)
                and _given_name_of(mention, groups[n])
            ]
        if not surnames and not given and (title := _title_word(mention)) in _GIVEN_NAME_TITLES:
            # "Sir Paul" is "Sir Paul McCartney": the one full name the cluster writes with
            # the same title before the same given name.
            given = [
                groups[n]
                for n in blocks.candidates(*(("first", k) for k in _word_keys(word)))
                if len(groups[n].tokens) > 1
                and groups[n].tokens[0] == word
                and title in groups[n].full_titles
            ]
            given = given if len(given) == 1 else []
        people = surnames + [g for g in given if not any(g is s for s in surnames)]
        if not people and "-" in word and _add_surname_pair(mention, groups, blocks):
            continue
        if len(people) > 1 and mention.label == "PERSON" and not mention.titled:
            # Two people share the name in the cluster: a report that names only one of
            # them in full means that one by it. A title may say which is meant ("Mrs."),
            # which this cannot read, so only an untitled name is placed so. Not a lone
            # surname the tagger took for a body: "Ford said it would cut jobs" is the
            # company, not Bill Ford (a review of 4bc341a).
            people = [g for g in people if mention.doc_index in g.full_at] or people
        if len(people) > 1 and mention.label == "PERSON" and not mention.titled and not mention.describes:
            # Where the report names several of them in full, the one it is about.
            lead = _lead_of_report(mention, people)
            people = [lead] if lead is not None else people
        if len(people) > 1 and (title := _title_word(mention)):
            # "Chief Jackson" is "Police Chief Thomas Jackson", not "Rev. Jesse Jackson": the
            # title written before the surname is written before one full name only.
            people = [g for g in people if any(_title_word(m) == title for m in g.mentions)] or people
        if len(people) > 1 and (courtesy := _courtesy(mention)):
            # "Mrs. Gingrich" is the one Gingrich the cluster calls "Mrs." or sets beside a
            # word for a woman ("his wife, Marianne Gingrich"), where the other is not.
            # Only among those its own report names in full, if it names any: "Barbara Bush
            # ... Mrs. Bush said" is not "his wife Laura Bush" of another report.
            own = [g for g in people if mention.doc_index in g.full_at] or people
            people = [g for g in own if _sex_of(g) == courtesy] or people
        if len(people) == 1:
            # The one person of that name: before a group of the lone word, which holds
            # other spellings ("Madeline" where the full name has "Madeleine").
            people[0].add(mention)
            continue
        if mention.label == "ORG" and word.lower() in _PAPER_WORDS:
            # "the Post" is the one "Washington Post" of the cluster.
            papers = [
                groups[n]
                for n in blocks.candidates(*(("last", k) for k in _word_keys(word)))
                if len(groups[n].tokens) > 1
                and groups[n].tokens[-1].lower() == word.lower()
                and not _is_person(groups[n])
            ]
            # Not where another body of the cluster has the word inside its name ("the
            # Journal" of a report on the New England Journal of Medicine).
            if len(papers) == 1 and not any(
                g is not papers[0]
                and not _is_person(g)
                and any(t.lower() == word.lower() for t in g.tokens[:-1])
                for g in groups
            ):
                papers[0].add(mention)
                continue
        body = _company_of(mention, people, blocks, groups, tagged_places)
        if body is not None:
            body.add(mention)  # "Ford" is "Ford Motor Co.", the one body of that first word
            continue
        keys = [("single", k) for k in _word_keys(word)]
        if mention.label == "NORP" or len(word.rstrip("s")) >= 4:
            keys.append(("plural", word.rstrip("s")))
        exact = [
            groups[n]
            for n in blocks.candidates(*keys)
            if len(groups[n].tokens) == 1 and _same_single(mention, groups[n])
        ]
        if exact:
            exact[0].add(mention)
            continue
        acronyms = [
            groups[n]
            for n in blocks.candidates(("initials", _acronym_letters(word)))
            if _acronym_of((word,), groups[n].tokens) or _acronym_letters(word) in groups[n].company_initials
        ]
        if acronyms and _known_line(table, mention) != -1:
            # "D.C." (a place the known names list) is not "Democratic Convention": an
            # acronym the list knows takes by its letters only a name of its own kind.
            acronyms = [g for g in acronyms if _same_kind(g.labels.most_common(1)[0][0], mention.label)]
        if len(acronyms) > 1:
            # "U.S." is "United States", not "University of Sussex": of two names with the
            # acronym's letters, the one the tagger gives the same kind (a place, a body).
            same_kind = [g for g in acronyms if g.labels.most_common(1)[0][0] == mention.label]
            acronyms = same_kind if len(same_kind) == 1 else acronyms
        for candidates in (acronyms, people):
            if len(candidates) == 1:
                candidates[0].add(mention)
                break
            if candidates:
                groups.append(_Group([mention]))  # ambiguous: two people share the name
                blocks.add(len(groups) - 1, mention)
                break
        else:
            groups.append(_Group([mention]))
            blocks.add(len(groups) - 1, mention)
    return _join_known_names(groups)


def _lead_of_report(mention: Mention, people: list[_Group]) -> _Group | None:
    """Of the people a lone surname may be, all named in full in its report, the one the
    report is about so far: the person it named in full first and last before the surname,
    and at least twice as often as any other ("Gingrich" after "Newt Gingrich" three times
    and "his wife, Marianne Gingrich" once). None where that is not one person.

    Read by hand on 176 such surnames of untuned clusters (docs/benchmarks.md), this placed
    58 rightly and 3 wrongly ("Bolte blames antibiotics" of a boy's mother), and left the rest
    as before; the full name nearest before the surname alone placed 56 of the first 120
    rightly and 30 wrongly."""
    named: dict[int, tuple[int, int, int]] = {}  # person -> (first, last, how many) before it
    for number, group in enumerate(people):
        starts = group.full_at.get(mention.doc_index, [])
        count = bisect_left(starts, mention.span.start)
        if count:
            named[number] = (starts[0], starts[count - 1], count)
    if not named:
        return None
    first = min(named, key=lambda n: named[n][0])
    last = max(named, key=lambda n: named[n][1])
    others = max((named[n][2] for n in named if n != first), default=0)
    if first != last or named[first][2] < 2 * others or not _is_person(people[first]):
        return None
    return people[first]


_COMPANY_TAILS = _COMPANY_NOUNS | frozenset(
    "co corp corporation inc ltd llc plc company group motor international".split()
)


def _company_of(
    mention: Mention, people: list[_Group], blocks: _Blocks, groups: list[_Group], places: set[str]
) -> _Group | None:
    """The one company a lone word tagged a body names by its first word ("Ford" for "Ford
    Motor Co.", "Toyota" for "Toyota Motor Corp.", "Sun" for "Sun Microsystems Inc."): the
    body's other words all say it is a company, or a legal form after its name does. None
    where a person has the word in a name, where the cluster tags it a place or a people
    elsewhere (`places`: "Malaysia" of "Malaysia Airlines"), or where another body's name
    opens with it ("Delphi" beside "Delphi East" and "Delphi Automotive Systems")."""
    if mention.label != "ORG" or people or mention.tokens[0].lower() in places:
        return None
    word = mention.tokens[0]
    opening = [
        groups[n]
        for n in blocks.candidates(*(("first", k) for k in _word_keys(word)))
        if len(groups[n].tokens) > 1 and groups[n].tokens[0].lower() == word.lower()
    ]
    if any(_is_person(g) for g in opening):
        return None
    companies = [
        g
        for g in opening
        if all(t.lower().rstrip(".") in _COMPANY_TAILS for t in g.tokens[1:])
        # "Sun Microsystems Inc. sued ... Sun said": a name written with its legal form is a
        # company's, which a lone word in a report that names it in full stands for; not
        # "The Sun" (a paper, a show), nor "Harvard" in a report that names no Harvard
        # Bioscience Inc.
        or (g.legal_form and not mention.determined and mention.doc_index in g.full_at)
    ]
    return companies[0] if len(companies) == 1 and len(opening) == 1 else None


def _join_known_names(groups: list[_Group]) -> list[_Group]:
    """Join the groups of one place or body that `known_names` lists under forms no
    spelling rule joins ("Burma" and "Myanmar", "GOP" and "Republican Party"). Never a
    person's group (`_a_person`: "Tom Holland" ... "Holland said", where the tagger may
    read the lone "Holland" as the country), and never an acronym
    another name of the cluster also spells out ("AFP" beside "Australian Federal
    Police": the merge left it alone as ambiguous, and so does this)."""
    table = known_names()
    first: dict[int, _Group] = {}
    kept: list[_Group] = []
    lines_of = [{_known_line(table, m) for m in g.mentions} - {-1} for g in groups]
    for group, lines in zip(groups, lines_of, strict=True):
        if len(lines) != 1 or _a_person(group) or _spelled_out_elsewhere(group, lines, groups, lines_of):
            kept.append(group)
            continue
        (line,) = lines
        if line in first:
            for mention in group.mentions:
                first[line].add(mention)
        else:
            first[line] = group
            kept.append(group)
    return kept


def _known_line(table: dict[str, int], mention: Mention) -> int:
    """The `known_names` line a mention's name is on (-1 for none); a form written with a
    final dot ("Wyo.") matches only a mention that ends with one."""
    key = name_key(" ".join(mention.tokens))
    if mention.text.rstrip().endswith(".") and key + "." in table:
        return table[key + "."]
    return table.get(key, -1)


def _a_person(group: _Group) -> bool:
    """A person's group, by a full name tagged a person ("Tom Holland") or by most of its
    mentions; one lone "Burma said" the tagger took for a person is not enough."""
    full = any(m.label == "PERSON" and len(m.tokens) > 1 for m in group.mentions)
    return full or group.labels["PERSON"] * 2 > len(group.mentions)


def _spelled_out_elsewhere(
    group: _Group, lines: set[int], groups: list[_Group], lines_of: list[set[int]]
) -> bool:
    """Whether a group named by an acronym alone has another name of the cluster, not of
    its own `known_names` line, whose initials spell it."""
    letters = _acronym_letters(group.tokens[0]) if len(group.tokens) == 1 else ""
    if not _is_acronym(letters):
        return False
    return any(
        len(other.tokens) > 1 and not (other_lines & lines) and letters in _initials(other.tokens)
        for other, other_lines in zip(groups, lines_of, strict=True)
    )


_PAPER_WORDS = frozenset(
    {"post", "times", "journal", "herald", "tribune", "globe", "telegraph", "guardian", "chronicle"}
) | frozenset({"examiner", "gazette", "inquirer", "observer", "courant", "dispatch", "bulletin"})
"""The last word of a newspaper's name, by which the paper goes alone ("the Post")."""


def _only_places(singles: list[Mention]) -> set[str]:
    """Words the cluster writes alone at least twice, each time tagged a place."""
    labels: defaultdict[str, list[str]] = defaultdict(list)
    for mention in singles:
        labels[mention.tokens[0].lower()].append(mention.label)
    return {w for w, found in labels.items() if len(found) >= 2 and set(found) <= {"GPE", "LOC"}}


def _legal_form(mention: Mention) -> bool:
    """A body named with its legal form after it ("Bloomberg LP", "Apotex Inc.")."""
    words = mention.text.split()
    return len(words) > len(mention.tokens) and words[-1].rstrip(".").lower() in _LEGAL_SUFFIXES


def _title_word(mention: Mention) -> str:
    """The title written just before a person's name ("chief" of "Police Chief Thomas
    Jackson"), but for "Mr." and "Mrs.", which `_courtesy` reads; "" where there is none."""
    if mention.written.endswith(mention.text) and mention.written != mention.text:
        lead = mention.written[: len(mention.written) - len(mention.text)].split()
    elif mention.tokens and (at := mention.text.find(mention.tokens[0])) > 0:
        lead = mention.text[:at].split()  # a title the tagger took into the name ("Sheik Tamim")
    else:
        return ""
    title = lead[-1].rstrip(".").lower() if lead else ""
    return title if title in _TITLES and title not in _COURTESY else ""


def _add_surname_pair(mention: Mention, groups: list[_Group], blocks: _Blocks) -> bool:
    """ "the Tapper-Trump exchange": a hyphenated word whose parts are the surnames of
    different people named in full in the cluster, each of one person only, names each of
    them; each part joins its person. False, and nothing joined, otherwise."""
    word = mention.tokens[0]
    parts = word.split("-")
    if len(parts) < 2 or any(len(p) < 3 or not p[:1].isupper() for p in parts):
        return False
    found: list[tuple[_Group, Mention]] = []
    at = mention.span.start + max(mention.text.find(word), 0)  # after a "the" in the span
    for part in parts:
        span = Span(mention.span.article_id, at, at + len(part))
        single = Mention(part, "PERSON", mention.doc_index, span, (part,))
        people = [
            groups[n]
            for n in blocks.candidates(*(("last", k) for k in _word_keys(part)))
            if len(groups[n].tokens) > 1 and _is_person(groups[n]) and _surname_of(single, groups[n])
        ]
        if len(people) != 1 or any(people[0] is g for g, _ in found):
            return False
        found.append((people[0], single))
        at += len(part) + 1
    for group, single in found:
        group.add(single)
    return True


def _lower_words(corpus: Corpus, paragraphs: list[Paragraph]) -> frozenset[str]:
    """The words the cluster's reports write in lower case: common words, not names."""
    return frozenset(
        w for i in {p.doc_index for p in paragraphs} for w in _LOWER.findall(corpus.articles[i].body)
    )


def _find_surnames(
    corpus: Corpus,
    paragraphs: list[Paragraph],
    groups: list[_Group],
    mentions: list[Mention],
    lower: frozenset[str],
) -> None:
    """Add the surnames the tagger missed ("Okafor said", tagged as nothing or as a title).

    A word is taken when it is written as the surname of exactly one person named in
    full in the cluster, and of no other name; when it stands alone (no capitalised word
    or hyphen against it, so "Ana Okafor" and "Okafor-Lind" are other names); when the
    tagger reads it as a proper noun; and when the cluster never writes it in lower case
    ("Young", "Rice"). One pass over the capitalised words, with one look-up each.
    """
    owners: dict[str, set[int]] = defaultdict(set)
    for number, group in enumerate(groups):
        for mention in group.mentions:
            if len(mention.tokens) > 1:
                owners[_surname(mention.tokens)].add(number if _is_person(group) else -1)
            elif not _is_person(group) or (
                mention.label != "PERSON" and mention.tokens[0] not in group.lasts
            ):
                owners[mention.tokens[0]].add(-1)  # a place, a body or a given name: not a surname
            # "Charamut’s Jewish": a word in the possessive owns the rest, it is no given name.
            owning = {_POSSESSIVE_WORD.sub("", w) for w in mention.text.split() if _POSSESSIVE_WORD.search(w)}
            for word in mention.tokens[:-1]:
                if word not in owning and not (len(mention.tokens) > 1 and word == _surname(mention.tokens)):
                    owners[word].add(-1)  # also a given name or a middle word somewhere
    surnames = {word: next(iter(n)) for word, n in owners.items() if len(n) == 1 and -1 not in n}
    if not surnames:
        return
    covered = _covered(mentions)
    for para, at, written in _matches(corpus, paragraphs, _CAPITALISED):
        word = _POSSESSIVE_WORD.sub("", written) or written  # "King’s"
        owner = surnames.get(word)
        if owner is None or word.lower() in lower or len(word) < 3:
            continue
        start = para.start + at
        if _inside(covered[para.doc_index], start, start + len(word)):
            continue
        found = para.doc.char_span(at, at + len(word))
        # One token, or the words and hyphens of a hyphenated surname ("Ramjathan-Keogh").
        if found is None or (len(found) != 1 and "-" not in word):
            continue
        token, last = found[0], found[-1]
        # Inside a longer name; not inside a date or a count the tagger ran over a name ("on
        # the day Aubry declared", tagged a date), unless the word is a date's own (a
        # month, a day, a season: "in late August" is no mention of Pernilla August).
        dated = any(
            e.start < found.end and found.start < e.end and e.label_ in _NOT_NAMES for e in para.doc.ents
        )
        if dated and word.lower() in _DATE_WORDS:
            continue
        inside = any(
            e.start < found.end
            and found.start < e.end
            and (len(e) > 1 or e.label_ in LABELS)
            and e.label_ not in _NOT_NAMES
            for e in para.doc.ents
        )
        proper = token.pos_ == "PROPN" or _name_read_as_noun(token)
        if inside or not proper or _joined(token, after=False) or _joined(last, before=False):
            continue
        if _a_title_in_marks(para.text, at, at + len(word)):
            continue
        before = _word_before(para.doc, token.i)
        titled = (
            before is not None and before.text[:1].isupper() and before.text.rstrip(".").lower() in _TITLES
        )
        lead = _title_lead(para.doc, token.i)
        written = f"{para.doc[lead : token.i].text} {word}" if lead < token.i else ""  # "Father King"
        span = Span(corpus.articles[para.doc_index].id, start, start + len(word))
        groups[owner].add(Mention(word, "PERSON", para.doc_index, span, (word,), titled, written))


def _common_noun(token: Token) -> bool:
    """Whether a word is an English common noun by the lemmatizer's index the pipeline
    carries ("Price rose", "Power was restored", "Cash is scarce"; not "Odeh" or "Prody");
    every word is, for a pipeline with no such index."""
    lookups = token.doc.vocab.lookups
    if not lookups.has_table(NOUN_INDEX):
        return True
    nouns = lookups.get_table(NOUN_INDEX)
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def _words_follow(verb: Token) -> bool:
    """Whether a verb of saying hands over words: "said" always; the others ("added",
    "told") only with a clause or a colon after them ("Gold added $12", "Frost added to the
    damage" and "Evidence tells a different story" hand over none)."""
    if verb.lemma_.lower() == "say":
        return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (after is not None and after.text == ":") or any(
        c.dep_ in ("ccomp", "parataxis") and c.i > verb.i for c in verb.children
    )


_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
_DATE_WORDS = _WEEKDAYS_AND_MONTHS | frozenset("spring summer autumn fall winter".split())
_SAYS = frozenset("say tell add explain insist ask reply admit recall".split())


def _name_read_as_noun(token: Token) -> bool:
    """Whether the tagger read a name that opens a sentence as a noun: one no dictionary has
    ("Odeh has been held"); the subject of a verb of saying ("Price said", "Flowers said": a
    thing says nothing); a plural with a verb in the singular ("Sessions was sworn in",
    "Hitchings, on this point, is not so sure"). Not "Flowers were laid", a plural with a
    plural verb, nor "Price rose"."""
    if token.pos_ != "NOUN" or not token.is_sent_start:
        return False
    verb = token.head
    if token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _SAYS and _words_follow(verb):
        return True
    if token.tag_ == "NNS" and (token.dep_ in ("nsubj", "nsubjpass") or not _common_noun(token)):
        singular = any(
            t.tag_ == "VBZ" or t.lower_ == "was"
            for t in (verb, *(c for c in verb.children if c.dep_.startswith("aux")))
        )
        if singular:
            return True
    return token.tag_ == "NN" and not _common_noun(token)


# A word alone, not part of an address, a handle or a hyphenated word ("pavel-droz").
_LOWER = re.compile(r"(?<![\w./@'’-])[a-z]+(?![\w'’-]|[./@]\w)")
_CAPITALISED = re.compile(r"(?<![\w./@'’-])[A-Z][\w'’]*\w(?:-[A-Z][\w'’]*\w)*(?![\w-]|[./@]\w)")
_POSSESSIVE_WORD = re.compile(r"(?<=\w)['’]s$")


def _matches(
    corpus: Corpus, paragraphs: list[Paragraph], pattern: re.Pattern[str]
) -> Iterator[tuple[Paragraph, int, str]]:
    """Each match of `pattern` in the parsed paragraphs: the paragraph, where in it, the text.

    One regular expression over each article's text; rebuilding a parsed paragraph's
    text, or walking its tokens, costs many times more.
    """
    by_doc: defaultdict[int, list[Paragraph]] = defaultdict(list)
    for para in paragraphs:
        by_doc[para.doc_index].append(para)
    for doc_index, paras in by_doc.items():
        paras.sort(key=lambda p: p.start)
        starts = [p.start for p in paras]
        for match in pattern.finditer(corpus.articles[doc_index].body):
            para = paras[bisect_right(starts, match.start()) - 1]
            at = match.start() - para.start
            last = para.doc[-1] if len(para.doc) else None
            if at < 0 or last is None or match.end() - para.start > last.idx + len(last):
                continue
            yield para, at, match.group(0)


def _joined(token: Token, *, before: bool = True, after: bool = True) -> bool:
    """A word that is part of a longer name: a capitalised word or a hyphen against it
    (on the sides asked)."""
    doc = token.doc
    neighbours = []
    if before and token.i > 0:
        neighbours.append(doc[token.i - 1])
    if after and token.i + 1 < len(doc):
        neighbours.append(doc[token.i + 1])
    for other in neighbours:
        attached = not (other if other.i < token.i else token).whitespace_
        if other.text in ("-", "–") and attached:
            return True
        if (
            other.text[:1].isupper()
            and other.pos_ == "PROPN"
            and other.text.rstrip(".").lower() not in _TITLES
        ):
            return True
    return False


_HANDLE = re.compile(r"(?<![\w@])@(\w{3,30})")


def _link_handles(
    corpus: Corpus, paragraphs: list[Paragraph], groups: list[_Group], tagged: set[tuple[int, int]]
) -> None:
    """ "@MariaVelloso" and "@realMariaVelloso" are the accounts of the one Maria Velloso
    named in full in the cluster: the handle, without digits and underscores, is her full
    name run together, after at most four letters ("real", "sen", "gov"). A handle that
    names no one, or two people, stays a name of its own where the tagger took it for a
    name (`tagged`: report and offset), one entity per handle."""
    owners: dict[str, set[int]] = defaultdict(set)
    for number, group in enumerate(groups):
        if _is_person(group):
            for mention in group.mentions:
                if len(mention.tokens) > 1:
                    owners["".join(_plain(t) for t in mention.tokens)].add(number)
    # "@kessportnews" is the account of the one "Kessport News" of the cluster.
    bodies: dict[str, set[int]] = defaultdict(set)
    for number, group in enumerate(groups):
        if not _is_person(group):
            for mention in group.mentions:
                if len(mention.tokens) > 1:
                    bodies["".join(_plain(t) for t in mention.tokens)].add(number)
    own: dict[str, _Group] = {}
    for para, at, written in _matches(corpus, paragraphs, _HANDLE):
        handle = written[1:]
        run = _plain(re.sub(r"[\d_]", "", handle))
        found = {n for k in range(5) if len(run) - k >= 6 for n in owners.get(run[k:], ())}
        body = bodies.get(run, set()) if not found and len(run) >= 6 else set()
        start = para.start + at
        span = Span(corpus.articles[para.doc_index].id, start, start + len(written))
        label = "PERSON" if len(found) == 1 else "ORG"
        mention = Mention(written, label, para.doc_index, span, (handle,))
        if len(found) == 1:
            groups[next(iter(found))].add(mention)
        elif len(body) == 1:
            groups[next(iter(body))].add(mention)
        elif (para.doc_index, start) in tagged:
            group = own.setdefault(handle.lower(), _Group([]))
            if not group.mentions:
                groups.append(group)
            group.add(mention)


class _Blocks:
    """Which groups hold a mention with a given key, in the order the groups were made.

    A group's name is one of its mentions' names, so indexing every mention's keys
    finds every group the tests in `_merge` could accept.
    """

    def __init__(self) -> None:
        self._index: defaultdict[tuple[str, str], set[int]] = defaultdict(set)

    def add(self, number: int, mention: Mention) -> None:
        tokens = mention.tokens
        if len(tokens) == 1:
            self._index["single", tokens[0]].add(number)
            for key in _word_keys(tokens[0]):
                self._index["single", key].add(number)
            self._index["plural", tokens[0].rstrip("s")].add(number)
        else:
            self._index["words", _words_key(tokens)].add(number)
            if mention.label != "PERSON":
                for key in _other_forms_keys(mention):
                    self._index["words", key].add(number)
            for key in _word_keys(tokens[-1]) | {k for s in _surnames(tokens) for k in _word_keys(s)}:
                self._index["last", key].add(number)
            for key in _word_keys(tokens[0]):
                self._index["first", key].add(number)
            for initials in _initials(tokens) | (
                _company_initials(mention) if mention.label != "PERSON" else set()
            ):
                self._index["initials", initials].add(number)
            for key in _edit_keys(_surname(tokens)):
                self._index["edit", key].add(number)

    def candidates(self, *keys: tuple[str, str]) -> list[int]:
        found: set[int] = set()
        for key in keys:
            found |= self._index.get(key, set())
        return sorted(found)


_LONG = 9
"""A lone surname one letter off a full name's must have this many letters or more."""


def _edit_keys(word: str) -> set[str]:
    """The word's plain form and each form of it one letter short: two long words one
    insertion, deletion or substitution apart share one ("Murdjatmodjo", "Murjatmodjo")."""
    plain = _plain(word)
    if len(plain) < _LONG - 1:
        return set()
    return {plain} | {plain[:i] + plain[i + 1 :] for i in range(len(plain))}


def _word_keys(word: str) -> set[str]:
    """Keys two spellings of one word share whenever `same_word` accepts them."""
    return {word.lower(), spelling_key(word), spelling_key(_strip_particle(word))}


_COURTESY = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "mme": "f", "mlle": "f"}


def _courtesy(mention: Mention) -> str:
    """ "m" for "Mr. Okafor", "f" for "Mrs." or "Ms. Okafor", "" for any other title or none."""
    return _COURTESY.get(_courtesy_word(mention), "")


# Titles written before a given name ("King Abdullah", "Sheikh Hamad", "Father Chris"):
# the word after them is no family name.
_GIVEN_NAME_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "sheikh", "sheik", "shaikh", "emir", "pope", "sir", "dame"}
) | frozenset({"lord", "lady", "father", "imam", "ayatollah", "crown", "saint", "st"})


def _office_before(mention: Mention) -> bool:
    """The title just before the lone word is an office or rank, written before family
    names ("President Xi", "Gen. Kang"), not one written before given names ("King")."""
    if mention.written.endswith(mention.text) and mention.written != mention.text:
        lead = mention.written[: len(mention.written) - len(mention.text)].split()
    else:
        lead = mention.text.split()[: -len(mention.tokens)]
    title = lead[-1].rstrip(".").lower() if lead else ""
    return title in _TITLES and title not in _GIVEN_NAME_TITLES


def _same_single(mention: Mention, group: _Group) -> bool:
    """One word, two spellings; for nationalities and groups also singular and plural ("Christians").

    "Mr. Okafor" and "Mrs. Okafor" are two people."""
    word, other = mention.tokens[0], group.tokens[0]
    courtesy = _courtesy(mention)
    if courtesy and group.courtesies - {courtesy}:
        return False
    if same_word(word, other):
        return True
    plural = mention.label == "NORP" or group.labels["NORP"] > 0
    return plural and word.rstrip("s") == other.rstrip("s") and len(word.rstrip("s")) >= 4


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words split differently: "Kim Jong Il" and "Kim Jong-il"."""
    return [_plain(w) for t in a for w in re.split(r"-", t) if w] == [
        _plain(w) for t in b for w in re.split(r"-", t) if w
    ]


def _contracted_keys(tokens: tuple[str, ...]) -> set[str]:
    """Word-for-word keys of a body's or a place's name with two or three capitalised
    words in a row written as their initials: "United Nations Security Council" is also
    "U.N. Security Council" and "UN Security Council"."""
    keys = set()
    for size in (2, 3):
        for i in range(len(tokens) - size + 1):
            run = tokens[i : i + size]
            if len(run) < len(tokens) and all(
                t[:1].isupper() and t.isalpha() and not t.isupper() for t in run
            ):
                initials = "".join(t[0] for t in run)
                keys.add(_words_key((*tokens[:i], initials, *tokens[i + size :])))
    return keys


_FUNCTION_WORDS = frozenset({"of", "the", "and", "&", "for"})
_PLAIN_FORM = "plain form:"
"""Marks a body's name with its function words dropped: a name written without them meets
it, but never another name that has other function words ("Institute for Policy Studies"
is not "Institute of Policy Studies")."""


_FORCES = frozenset({"police", "fire", "sheriff", "sheriff's"})
_SERVICE_WORDS = frozenset({"service", "department", "dept", "force"})


def _service_keys(tokens: tuple[str, ...]) -> set[str]:
    """ "Kessport Police Service" is also "Kessport Police": the word after "Police" or
    "Fire" in a force's name may be left out."""
    if (
        len(tokens) >= 3
        and tokens[-1].rstrip(".").lower() in _SERVICE_WORDS
        and tokens[-2].lower() in _FORCES
    ):
        return {_words_key(tokens[:-1])}
    return set()


_NATIONAL = frozenset({"U.S.", "U.S", "US", "U.K.", "UK", "U.N.", "UN"})


def _national(word: str) -> bool:
    """A country's or the UN's abbreviation ("U.S."), a word for a nationality ("Russian",
    "Soviet") or an "All-" of a country ("All-Russia"); not a continent's or a wider
    people's ("European Central Bank" is not the "Central Bank" of Ireland)."""
    if word.lower() in _NOT_NATIONS:
        return False
    return word in _NATIONAL or _is_demonym(word) or (word.startswith("All-") and word[4:5].isupper())


_NOT_NATIONS = frozenset(
    """european asian african arab arabian american americas latin nordic scandinavian baltic balkan
    caribbean pacific atlantic western eastern northern southern central international global world
    islamic muslim christian jewish catholic""".split()
)


def _national_keys(tokens: tuple[str, ...]) -> set[str]:
    """ "U.S. National Transportation Safety Board" is the "National Transportation Safety
    Board", the "Russian Northern Fleet" the "Northern Fleet" and the "All-Russia Opinion
    Research Center" the "Opinion Research Center": a country's abbreviation or a word for
    a nationality before a body's name of two or more words may be left out."""
    if len(tokens) >= 3 and _national(tokens[0]):
        return {_words_key(tokens[1:])}
    return set()


def _other_nations(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two bodies' names opened by different national words ("U.S. Supreme Court", "U.K.
    Supreme Court"; "Russian Orthodox Church", "Greek Orthodox Church"): two bodies,
    though each may be written without its own."""
    return _national(a[0]) and _national(b[0]) and a[0].replace(".", "") != b[0].replace(".", "")


def _joins(mention: Mention, name_keys: set[str], group: _Group) -> bool:
    """Whether a name of two or more words is the group's (`_merge`). People match by
    `names_match` alone: the word-for-word key folds vowels, and "Sergei Tamm" and "Sergio
    Tamm" are brothers."""
    if mention.label == "PERSON" and group.has_person:
        if _other_office(mention, group):
            return False
        return (
            names_match(mention.tokens, group.tokens)
            or _same_words(mention.tokens, group.tokens)
            or _name_tail(mention.tokens, group.tokens)
        )
    if name_keys & group.words_keys and not _other_nations(mention.tokens, group.tokens):
        return True
    return (
        mention.label != "PERSON"
        and not group.has_person
        and group.labels.most_common(1)[0][0] == mention.label
        and _one_word_off(mention.tokens, group.tokens)
    )


def _other_office(mention: Mention, group: _Group) -> bool:
    """Whether a report gives a name without the middle initial it gives another of the
    same name with, under another title: "Vice President George Bush" beside "Texas Gov.
    George W. Bush" in one report are a father and a son. A report writes one person's
    name one way; a second way with a second office is a second person."""
    titles = group.middle_titles.get(mention.doc_index)
    if not titles or len(mention.tokens) != 2:
        return False
    title = _title_word(mention)
    # "Sen." and "Senator", "Gov." and "Governor" are one office (not "Professor" and
    # "Prosecutor")
    return bool(title) and not any(title.startswith(t) or t.startswith(title) for t in titles)


def _of_two_nations(
    mention: Mention, name_keys: set[str], found: tuple[str, ...], candidates: list[int], groups: list[_Group]
) -> bool:
    """Whether a body's name written without a nationality ("Orthodox Church") meets one
    that has one ("Russian Orthodox Church") while another of its candidates with another
    nationality meets it too ("Greek Orthodox Church"): which one is meant is unknown."""
    if _national(mention.tokens[0]) or not _national(found[0]):
        return False
    return any(
        _national(groups[n].tokens[0])
        and groups[n].tokens[0] != found[0]
        and _joins(mention, name_keys, groups[n])
        for n in candidates
        if groups[n].tokens != found
    )


def _other_forms_keys(mention: Mention) -> set[str]:
    """The word-for-word keys of the other ways a body's or a place's name of two or more
    words may be written (initials, no function words, no service word, no nationality,
    other word forms, and for a body no last "Party" or company word): what the merge
    matches it by and indexes it under, in one place."""
    tokens = mention.tokens
    keys = _contracted_keys(tokens) | _body_keys(tokens) | _service_keys(tokens)
    keys |= _national_keys(tokens) | _word_forms_keys(tokens)
    if mention.label in ("ORG", "LOC"):
        keys |= _county_keys(tokens)  # courts and offices, which the tagger may take for buildings
    return keys | _party_keys(tokens) if mention.label == "ORG" else keys


def _county_keys(tokens: tuple[str, ...]) -> set[str]:
    """A county's body written other ways: "Cobb County Superior Court" is also "Cobb
    Superior Court", and "Superior Court of Cobb County" is both. Only a body of one word
    or more named after a county of one word; "Cobb County" alone is the place."""
    keys = set()
    if "of" in tokens:
        at = tokens.index("of")
        body, county = tokens[:at], tokens[at + 1 :]
        if body and body[0][:1].isupper() and len(county) == 2 and county[1] == "County":
            tokens = (*county, *body)
            keys.add(_words_key(tokens))
    if len(tokens) >= 3 and tokens[1] == "County" and tokens[0][:1].isupper() and "of" not in tokens:
        keys.add(_words_key((tokens[0], *tokens[2:])))
    return keys


def _party_keys(tokens: tuple[str, ...]) -> set[str]:
    """ "Democratic Action Party" is "Democratic Action", and "Delphi Automotive Systems"
    "Delphi Automotive": a party's or a company's name of three or more words may leave
    out its last word where that is "Party" or a company's word (`_DROPPED_TAILS`). Marked
    (`_SHORT_FORM`): only a body's name looks it up, as its own name (`_merge`), so "Hong
    Kong Airlines" is never the city and "Indira Gandhi International" never the person."""
    if len(tokens) >= 3 and (tokens[-1] == "Party" or tokens[-1].lower().rstrip(".") in _DROPPED_TAILS):
        return {_SHORT_FORM + _words_key(tokens[:-1])}
    return set()


_SHORT_FORM = "short form:"
_DROPPED_TAILS = _COMPANY_TAILS - {"international", "group", "holdings"}
"""Company words a name may leave out; not those that end a sister body's name ("Hyundai
Motor Group", "Hilton Hotels International") or an airport's."""


def _word_forms_keys(tokens: tuple[str, ...]) -> set[str]:
    """A body's name with its words' plurals and "-oral" adjectives read as their nouns:
    the "Central Electoral Commission" is the "Central Election Commission" and the
    "Central Elections Commission". Not "-al" in general: "United National" is a party's
    name, "United Nations" another body's."""
    if len(tokens) < 2:
        return set()
    forms = tuple(_noun_form(t) for t in tokens)
    return {_words_key(forms)} if forms != tokens else set()


def _noun_form(word: str) -> str:
    if word.endswith("oral") and len(word) > 6:
        return word[:-4] + "ion"
    if (
        word.endswith("s")
        and not word.endswith("ss")
        and len(word) > 4
        and word[:1].isupper()
        and not word.isupper()
    ):
        return word[:-1]
    return word


def _body_keys(tokens: tuple[str, ...]) -> set[str]:
    """A body's name with function words, two or more words left without them: its plain
    form, marked (`_PLAIN_FORM`), which the same name written without them looks for
    (`_lookup_keys`: "Energy Resources Australia" meets "Energy Resources of Australia")."""
    content = tuple(t for t in tokens if t.lower() not in _FUNCTION_WORDS)
    if len(content) < 2 or len(content) == len(tokens):
        return set()
    return {_PLAIN_FORM + _words_key(content)}


def _lookup_keys(tokens: tuple[str, ...]) -> set[str]:
    """The keys a body's name of two or more words looks for: its own, and where it has no
    function word, the plain form of names that have some."""
    key = _words_key(tokens)
    keys = {key} | _national_keys(tokens) | _word_forms_keys(tokens)
    if any(t.lower() in _FUNCTION_WORDS for t in tokens):
        return keys
    return keys | {_PLAIN_FORM + key}


def _name_tail(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "Suu Kyi" is "Aung San Suu Kyi": the last two words of a person's name of four or
    more, word for word, with no particle, title or acronym in it, where the first of the
    two is no given name the `nicknames` table knows. Three words are never cut so: in
    names that chain a father's name ("Qusay Saddam Hussein", "Mohammed Hassan Ali") the
    last two are another person."""
    if len(short) > len(long):
        short, long = long, short
    if len(short) != 2 or len(long) < 4 or _known_given(short[0]):
        return False
    if any(
        t.rstrip(".").lower() in _TITLES or _is_acronym(t) or t.lower().split("-")[0] in _PARTICLES
        for t in long
    ):
        return False
    return all(x.lower() == y.lower() for x, y in zip(short, long[-2:], strict=True))


def _one_word_off(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two bodies' names word for word but for one long word one letter off ("Binghampton
    University", "Binghamton University"): a misspelling, as `_LONG` allows a lone surname;
    or one word cut short to four letters or more ("United Auto Workers", "United
    Automobile Workers")."""
    if len(a) != len(b) or len(a) < 2:
        return False
    off = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
    return len(off) == 1 and (_one_edit_apart(*off[0], min_len=_LONG) or _cut_short(*off[0]))


def _cut_short(a: str, b: str) -> bool:
    """Whether one word is the other cut to its first four letters or more, and to half its
    length or less ("Auto", "Automobile"; "Univ", "University"): not a word and a longer
    word made from it ("India" and "Indiana", "Korea" and "Korean", "Transport" and
    "Transportation", "Guard" and "Guardian")."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return len(short) >= 4 and short.isalpha() and long.startswith(short) and 2 * len(short) <= len(long)


def _words_key(tokens: tuple[str, ...]) -> str:
    """Word-for-word spelling key: "Robbery-Homicide Division" = "robbery homicide division"."""
    return " ".join(spelling_key(w) for t in tokens for w in re.split(r"[-\s]+", t) if w)


def _surnames(tokens: tuple[str, ...]) -> set[str]:
    """A full name's surnames: its last word (`_surname`), and the first of two surnames a
    Spanish name gives ("Chavez" of "Hugo Chavez Frias", `_double_surname`)."""
    found = {_surname(tokens)}
    if len(tokens) == 3 and _double_surname(tokens[:2], tokens):
        found.add(tokens[1])
    return found


def _surname(tokens: tuple[str, ...]) -> str:
    """A full name's surname: its last word, or the one before "Jr." or "III"."""
    if len(tokens) > 2 and tokens[-1].rstrip(".").lower() in _SUFFIXES:
        return tokens[-2]
    return tokens[-1]


def _linking_words(tokens: tuple[str, ...]) -> int:
    """How many of a long Arabic name's words only link two others: "bin", "ibn" or "bint"
    (son or daughter of) and an "Al" or "al" written apart before the family name ("Khalid
    ibn al-Dheeb al-Nasser", "Saad bin Ali Al Kuwari": three words of a person's name each)."""
    inner = [t.lower() for t in tokens[1:-1]]
    return sum(t in _NAME_LINKS for t in inner) + (len(tokens) > 2 and tokens[-2] in ("Al", "al"))


_NAME_LINKS = frozenset({"bin", "ibn", "bint"})


def _surname_of(mention: Mention, group: _Group, *, one_off: bool = False, any_length: bool = False) -> bool:
    """A lone word is the surname of a person's full name met elsewhere in the cluster
    (with `one_off`, also a surname of `_LONG` letters or more one letter off). A full name
    of more than three words (the linking words of `_linking_words` aside) takes no
    surname; with `any_length`, a long Arabic name is read as a person's of any length, to
    tell whether a surname is one person's at all ("Mr. Kuwari" beside "Saad bin Ali bin
    Jasim al-Kuwari" and his father "Ali bin Jasim al-Kuwari" is neither's)."""
    word, tokens = mention.tokens[0], group.tokens
    labels = group.labels
    person_like = (labels["PERSON"] > 0 or mention.label == "PERSON") and not _acronym_in(group)
    # Any full form of the person: "Hristov" is the surname of "Alexander Hristov"
    # even when the group's longest form spells it "Hristrov".
    lasts = group.lasts or {_surname(tokens)}
    is_surname = any(
        same_word(word, last) or (one_off and _one_edit_apart(word, last, min_len=_LONG)) for last in lasts
    )
    # "Sammy Davis Jr." is three words and a suffix, where the tagger says it is a person.
    linked = _linking_words(tokens) if labels["PERSON"] > 0 else 0
    words = len(tokens) - (_surname(tokens) != tokens[-1] and labels["PERSON"] > 0) - linked
    place = len(tokens) == 2 and tokens[0].lower() in _PLACE_LEADS  # "Little Havana": no surname
    # a longer name is a rival only as a long Arabic name the tagger calls a person: a
    # longer span is most often the tagger's ("Roy Greenslade Ralph Fiennes", a byline)
    short = words <= 3 or (any_length and linked > 0)
    return person_like and short and not _is_org_name(tokens) and is_surname and not place


def _is_particle_surname(tokens: tuple[str, ...]) -> bool:
    """ "De Angelis", "van der Berg", "Bin Laden": a surname that opens with a particle,
    standing alone."""
    first = tokens[0]
    particle = first.lower() in _SURNAME_PARTICLES | _ARABIC_PARTICLES or first in ("al", "el")
    return 2 <= len(tokens) <= 3 and particle and tokens[-1][:1].isupper()


def _surname_of_tail(mention: Mention, group: _Group) -> bool:
    """ "De Angelis" ends the full name "Silvio De Angelis" of a person met in the cluster."""
    tail, tokens = mention.tokens, group.tokens
    person = _is_person(group) or mention.label == "PERSON"
    if (
        not person
        or (_is_org_name(tokens) and not _particle_name(group))
        or any(_is_acronym(t) for t in tokens)
    ):
        return False
    return all(same_word(x, y) for x, y in zip(tail, tokens[-len(tail) :], strict=True))


def _is_person(group: _Group) -> bool:
    """A person: tagged so once, or named like one ("Ingrid von Hallen") though tagged otherwise."""
    return group.has_person or _particle_name(group)


def _particle_name(group: _Group) -> bool:
    """ "Ingrid von Hallen": a given name, a lower-case surname particle and a surname, which
    the tagger may take for an organisation, though no word of it says so; never a place."""
    tokens = group.tokens
    shaped = len(tokens) == 3 and tokens[1] in _SURNAME_PARTICLES
    # The surname may be a word that names bodies elsewhere ("Post"); the given name may not.
    shaped = shaped and tokens[0][:1].isupper() and tokens[2][:1].isupper() and not _is_org_name(tokens[:1])
    return shaped and set(group.labels) <= {"PERSON", "ORG"}


def _acronym_in(group: _Group) -> bool:
    """An acronym in the group's name ("CNN Money"), but for two capitals that open the name
    of one mostly tagged a person ("JB Romano": initials without dots)."""
    people = group.labels["PERSON"] * 2 > sum(group.labels.values())
    return any(
        _is_acronym(t) and not (i == 0 and len(t) == 2 and people and len(group.tokens) > 1)
        for i, t in enumerate(group.tokens)
    )


def _is_acronym(word: str) -> bool:
    """ "NBC", "UN": capitals without dots; "H.R." is a person's initials."""
    return word.isupper() and "." not in word and len(word) > 1


def _given_name_of(mention: Mention, group: _Group) -> bool:
    """A lone word is the given name a person's full name starts with ("Hamad", "Hamad bin Jassem")."""
    word, tokens = mention.tokens[0], group.tokens
    # A given name the tagger took for a body ("Ella" said) counts where the table knows it.
    known = mention.label == "ORG" and group.has_person and _known_given(word)
    is_person = _is_person(group) if mention.label == "PERSON" else _particle_name(group) or known
    plain = is_person and not any(_is_acronym(t) for t in tokens)
    plain = plain and (not _is_org_name(tokens) or _particle_name(group))
    # The very same word: a given name alone is weak evidence, so no spelling variants
    # ("Robb" is not "Rob Kassab").
    return plain and tokens[0].rstrip(".").lower() not in _TITLES and word.lower() == tokens[0].lower()


def _family_name_first(mention: Mention, group: _Group, lone: set[str]) -> bool:
    """A family name is the first word of a person's name written family name first: two
    words ("Xi" of "Xi Jinping"), or three with a given name of two short syllables ("Kim"
    of "Kim Jong Un"). Not where the last word stands alone in the cluster (`lone`), as a
    surname does ("Lee Smith" ... "Smith said"), nor where the first is a given name of
    four letters or more the `nicknames` table knows ("Alan Chen")."""
    tokens = group.tokens
    shaped = len(tokens) == 2 or (len(tokens) == 3 and all(len(t) <= 4 for t in tokens[1:]))
    # A name the tagger took for a body counts where "Mr." says the lone word is a person's.
    person = group.has_person or (
        bool(_courtesy(mention)) and set(group.labels) <= {"PERSON", "ORG"} and person_shaped(tokens)
    )
    shaped = shaped and person and not _is_org_name(tokens) and tokens[-1].lower() not in lone
    shaped = shaped and not (len(tokens[0]) > 3 and _known_given(tokens[0]))
    shaped = shaped and not any(_is_acronym(t) or t.rstrip(".").lower() in _TITLES for t in tokens)
    shaped = shaped and not any(t.lower() in _PARTICLES for t in tokens)
    return shaped and mention.tokens[0].lower() == tokens[0].lower()


def _acronym_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "UN" and "United Nations"; "WHO" and "World Health Organization"."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) != 1 or len(long) < 2 or not short[0].isupper() or len(short[0]) < 2:
        return False
    return len(_acronym_letters(short[0])) >= 2 and _acronym_letters(short[0]) in _initials(long)


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def _acronym_letters(word: str) -> str:
    """An acronym's letters: "U.N." -> "UN", "J&J" -> "JJ"."""
    return word.replace(".", "").replace("&", "")


def _letters(word: str) -> str:
    """What a word gives a name's initials: a dotted abbreviation or an acronym all its
    letters ("U.S." "US", "ABC-WP" "ABCWP"), any other word its first."""
    if _DOTTED.fullmatch(word):
        return word.replace(".", "")
    parts = [p for p in word.split("-") if p[:1].isupper()]
    if any(_is_acronym(p) for p in parts):
        return "".join(p if _is_acronym(p) else p[0] for p in parts)
    return word[0]


_COMPANY_WORDS = frozenset({"corp", "corporation", "co", "company"})


def _company_initials(mention: Mention) -> set[str]:
    """A company's initials with the word for "company" its name was written with and
    lost as a legal form ("British Broadcasting Corp." is "BBC"; "National Broadcasting
    Co." "NBC"): only for a name of two words or more, each capitalised."""
    words = mention.text.split()
    if len(mention.tokens) < 2 or len(words) <= len(mention.tokens):
        return set()
    if words[-1].rstrip(".,").lower() not in _COMPANY_WORDS:
        return set()
    if not all(t[:1].isupper() for t in mention.tokens):
        return set()
    return {"".join(t[0] for t in mention.tokens) + "C"}


def _initials(tokens: tuple[str, ...]) -> set[str]:
    """A name's initials; without a leading abbreviated country ("U.S. Energy Information
    Administration" is also "EIA"); with each part of a hyphenated word ("Cross-Border
    Transit Office" is also "CBTO")."""
    # An acronym in the name gives all its letters, never its first alone: "ABC-WP Poll" is
    # not "AP".
    acronym = any(_is_acronym(p) for t in tokens for p in t.split("-"))
    found = set() if acronym else {"".join(t[0] for t in tokens if t[:1].isupper())}
    # "U.S. Geological Survey" is also "USGS": a dotted abbreviation gives all its letters.
    found.add("".join(_letters(t) for t in tokens if t[:1].isupper()))
    if any("-" in t for t in tokens) and not acronym:
        found.add("".join(p[0] for t in tokens for p in t.split("-") if p[:1].isupper()))
    if "of" in tokens[1:-1]:
        # "Department of Health" is also "DOH", "Bank of Kessport" "BOK".
        found.add("".join(t[0].upper() for t in tokens if t[:1].isupper() or t == "of"))
    if len(tokens) >= 3 and ("." in tokens[0] or (tokens[0].isupper() and len(tokens[0]) <= 3)):
        found.add("".join(t[0] for t in tokens[1:] if t[:1].isupper()))
    return found


def _index(corpus: Corpus, groups: list[_Group]) -> EntityIndex:
    entities: list[Entity] = []
    links: list[tuple[Mention, int]] = []
    ordered = sorted(groups, key=lambda g: (-len(g.mentions), g.mentions[0].span.start))
    for group in ordered:
        forms = Counter(" ".join(m.tokens) for m in group.mentions)
        longest = max(len(m.tokens) for m in group.mentions)
        name = max(
            (f for f in forms if len(f.split()) == longest), key=lambda f: (forms[f], f[:1].isupper(), f)
        )
        # As written before the name ("Chinese Vice President Xi Jinping"), and from its
        # first title on ("Vice President Xi Jinping").
        written = {form for m in group.mentions if m.written for form in (m.written, _from_title(m))}
        written.discard("")
        # The name as written, with its titles, and without them ("Chair JB Romano", "JB Romano").
        bare = {" ".join(m.tokens) for m in group.mentions if _bare_form(m)}
        # "The Shard" where the tagger left "The" out; "Australian Broadcasting Corporation"
        # of "the Australian Broadcasting Corporation"; "Department of Health" of "the state
        # Department of Health".
        determined = {m.determined for m in group.mentions if m.determined}
        plain = {form for m in group.mentions if (form := _plain_written(m))}
        aliases = sorted(({m.text for m in group.mentions} | written | bare | determined | plain) - {name})
        sources = sorted(
            {corpus.articles[m.doc_index].id for m in group.mentions},
            key=[a.id for a in corpus.articles].index,
        )
        entity_type = _type_of(group)
        index = len(entities)
        entities.append(Entity(name, entity_type, tuple(aliases), tuple(sources), len(group.mentions)))
        links.extend((m, index) for m in group.mentions)
    return EntityIndex(tuple(entities), tuple(links))


def _from_title(mention: Mention) -> str:
    """The written form from the titles just before the name on: "Vice President Xi
    Jinping" of "Chinese Vice President Xi Jinping", "Gov. Ana Roux" of "Former Maryland
    Gov. Ana Roux"; "" where that is the written form itself."""
    if not mention.written.endswith(mention.text):
        return ""
    lead = mention.written[: len(mention.written) - len(mention.text)].split()
    first = len(lead)
    while first > 0 and (lead[first - 1].rstrip(".").lower() in _TITLES or _is_title(lead[first - 1])):
        first -= 1
        # "Secretary of State": a title joined by "of" or "for" is one, never cut in half
        if first >= 2 and lead[first - 1] in ("of", "for"):
            first -= 2 if _is_title(lead[first - 2]) else 0
    return " ".join([*lead[first:], mention.text]) if 0 < first < len(lead) else ""


def _plain_written(mention: Mention) -> str:
    """A body's name as written, without the "the" and the lower-case words before its first
    capital ("Department of Health" of "the state Department of Health"); "" where that is
    the text itself or leaves one word."""
    if mention.label == "PERSON":
        return ""
    words = _LEADING_THE.sub("", mention.text).split()
    while (
        len(words) > 1
        and words[0].isalpha()
        and words[0].islower()
        and words[0] not in _PARTICLES + tuple(_SURNAME_PARTICLES)
    ):
        words = words[1:]
    plain = " ".join(words)
    return plain if plain != mention.text and (len(words) > 1 or plain == " ".join(mention.tokens)) else ""


def _bare_form(mention: Mention) -> bool:
    """The mention's words end its text, with titles or "the" before them only."""
    bare = " ".join(mention.tokens)
    return not mention.text.startswith("@") and mention.text.endswith(bare) and mention.text != bare


_PERSONS_TITLES = frozenset(
    """professor prof dr sen senator rep gov governor mayor judge rev reverend rabbi capt col lt
    sgt cpl pvt adm det insp supt congressman congresswoman assemblyman assemblywoman councilman
    councilwoman councillor councilor alderman ambassador amb bishop archbishop cardinal deacon
    pastor msgr sheriff trooper constable detective inspector sergeant lieutenant colonel captain
    commander admiral brigadier""".split()
)
"""Titles written only before a person's name (`_type_of`): not those a place's or body's
name may open with ("General Motors", "Justice Department", "King Khalid") or that describe
("Regional", "Acting")."""


def _type_of(group: _Group) -> str:
    """The majority label of the mentions of two words or more (the tagger sees a full name
    better than one word of it: "Ella" said, tagged ORG eight times, is still the person
    "Ella Ruhl"), of all mentions where there are none; corrected where the words say
    organisation."""
    if _is_org_name(group.tokens):
        return "ORG"
    if group.courtesies and len(group.tokens) == 1:
        return "PERSON"  # "Mrs. Shepard", whatever the tagger made of "Shepard" alone
    votes: defaultdict[str, int] = defaultdict(int)
    long = [m for m in group.mentions if len(m.tokens) > 1]
    for mention in long or group.mentions:
        votes[mention.label] += 1
    found = max(votes, key=lambda label: (votes[label], label == "PERSON"))
    if found == "ORG" and any(m.place for m in group.mentions) and not any(m.acts for m in group.mentions):
        return "GPE"  # "Saltmarsh", tagged a body, is "the Saltmarsh district" too
    if (
        found != "PERSON"
        and person_shaped(group.tokens)
        and any(_person_title(m, group.tokens) for m in group.mentions)
    ):
        # "Anatoly Sobchak", which the tagger takes for a place, is "Professor Sobchak" too:
        # a name of a person's shape that a report writes after a person's title.
        return "PERSON"
    return found


def _person_title(mention: Mention, tokens: tuple[str, ...]) -> bool:
    """Whether a person's title stands right before a mention that ends the name `tokens`
    ("Professor Sobchak", "Mr. Sobchak", "ex-Mayor Anatoly Sobchak"): a courtesy title or
    one of `_PERSONS_TITLES`, not a word that also opens a place's or body's name ("King
    Khalid International Airport", "General Motors") or describes one ("Regional")."""
    own = tuple(w.lower() for w in mention.tokens)
    if not own or len(own) > len(tokens) or tuple(w.lower() for w in tokens[-len(own) :]) != own:
        return False
    if _courtesy_word(mention) == "miss":
        return False  # "Miss Port Elizabeth", "Miss Sierra Leone": a pageant's title, a place's name
    return bool(_courtesy(mention)) or _title_word(mention) in _PERSONS_TITLES


def _courtesy_word(mention: Mention) -> str:
    """The courtesy title written before a mention, in lower case without its dot ("miss",
    "mr"); "" where there is none."""
    written = mention.written or mention.text
    first = written.split()[0].rstrip(".").lower() if written.split() else ""
    return first if first in _COURTESY else ""
