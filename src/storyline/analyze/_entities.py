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
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.analyze._lexicon import lexicon, word_pairs
from storyline.analyze._nlp import Paragraph
from storyline.model import Corpus, Entity, Span

if TYPE_CHECKING:
    from nicknames import NickNamer

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
TITLES = lexicon("titles")
_PARTICLES = ("al", "el", "ul", "bin", "ibn", "abu")
_ORG_WORDS = lexicon("org_words")
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
_CAMEL = re.compile(r"\b(al|el|Al|El)(?=[A-Z])")
_LEADING_THE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_FOLDS = (("kh", "k"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"))


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


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def has_person(self) -> bool:
        return any(m.label == "PERSON" for m in self.mentions)

    @property
    def tokens(self) -> tuple[str, ...]:
        return max((m.tokens for m in self.mentions), key=lambda t: (len(t), -len(" ".join(t))))


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
        tokens = name_tokens(name)
        if not tokens:
            return None
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                if names_match(tokens, name_tokens(alias)) or (
                    len(tokens) == 1 and same_word(tokens[0], name_tokens(alias)[-1:] or ("",))
                ):
                    return entity
        return None


def extract_entities(corpus: Corpus, paragraphs: list[Paragraph]) -> EntityIndex:
    """Collect named-entity mentions and merge them across reports and spellings."""
    mentions = []
    for para in paragraphs:
        article_id = corpus.articles[para.doc_index].id
        for ent in para.doc.ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            before = para.doc[ent.start - 1].text.rstrip(".").lower() if ent.start > 0 else ""
            if before in TITLES and label == "ORG" and not _is_org_name(tuple(ent.text.split())):
                label = "PERSON"  # "spokeswoman Halina Vors": the tagger took the name for a body
            text = _POSSESSIVE.sub("", ent.text.strip())
            if _ends_in_title(text):
                continue  # "San Diego Lifeguard Lt": a place and a rank, the name comes after
            if label == "PERSON" and _is_possessive_phrase(text):
                continue  # "Trump's Utah": not a person's name
            tokens = name_tokens(text, titles=label == "PERSON")
            if not tokens or not any(c.isupper() for c in text):
                continue
            start = para.start + ent.start_char
            span = Span(article_id, start, start + len(ent.text))
            titled = before in TITLES or len(text.split()) > len(tokens)
            mentions.append(Mention(text, label, para.doc_index, span, tokens, titled))
    groups = _merge(mentions)
    return _index(corpus, groups)


@lru_cache(maxsize=1 << 16)
def name_tokens(text: str, *, titles: bool = True) -> tuple[str, ...]:
    """A name's words without a leading "the", a trailing possessive and (for people) titles."""
    text = _CAMEL.sub(r"\1-", _LEADING_THE.sub("", text.strip()))
    words = [w for w in re.split(r"[\s]+", text) if w]
    if titles:
        words = words[_office_prefix(words) :]
    while titles and len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
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
        if title not in TITLES or title in _NAME_LIKE_TITLES:
            continue
        rest = [w for w in words[i + 1 :] if w.lower().rstrip(".") not in _SUFFIXES]
        before = words[:i]
        place = [w for w in before if w.lower().rstrip(".") not in TITLES]
        if rest and place and all(w[:1].isupper() for w in before):
            return i + 1
    return 0


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
    is_rank = last in TITLES and last not in _NAME_LIKE_TITLES and last not in ("sen", "pope", "hon")
    return len(words) > 1 and is_rank and len(last) <= 4


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """Fold a word to a key that transliteration variants share ("Sergei", "Sergey" -> "srg")."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    parts = [p for p in re.split(r"[-'’ ]", _fold_variant(ascii_word)) if p]
    if len(parts) > 1 and parts[0] in _PARTICLES:
        parts = parts[1:]
    folded = "".join(parts)
    for pair in _FOLDS:
        folded = folded.replace(*pair)
    folded = re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z0-9]", "", folded))
    return folded[:1] + re.sub(r"[aeiou]", "", folded[1:]) if folded else ""


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    parts = [p for p in re.split(r"[-'’ ]", _fold_variant(ascii_word)) if p]
    if len(parts) > 1 and parts[0] in _PARTICLES:
        parts = parts[1:]
    return re.sub(r"[^a-z]", "", "".join(parts)).replace("y", "i")


@lru_cache(maxsize=1 << 16)
def same_word(a: str, b_tokens: tuple[str, ...] | str) -> bool:
    """Two name words that are spellings of one another."""
    b = b_tokens[0] if isinstance(b_tokens, tuple) else b_tokens
    if a.lower() == b.lower() or _fold_variant(a.lower()) == _fold_variant(b.lower()):
        return True
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
    return False


def _strip_particle(word: str) -> str:
    """ "Elaraby" -> "araby": a particle written fused to the name, when enough is left."""
    low = word.lower()
    for particle in ("al", "el"):
        if low.startswith(particle) and len(word) >= len(particle) + 4 and low[len(particle)] in "aeiou":
            return word[len(particle) :]
    return word


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Full names that name the same person: same surname, compatible given names."""
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        return len(a) == len(b) and same_word(a[0], b[0])
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if _patronymic_prefix(a, b) or _patronymic_prefix(b, a):
        return True
    if not same_word(a[-1], b[-1]):
        # "Djoko Murdjatmodjo" / "Djoko Murjatmodjo": one letter apart in a long
        # surname, with the very same given name.
        same_first = first_a.lower() == first_b.lower() and len(first_a) > 1
        return same_first and _one_edit_apart(a[-1], b[-1]) and _middles_agree(a, b)
    if not _middles_agree(a, b):
        return False
    initials_a, initials_b = _initials_of(a[0]), _initials_of(b[0])
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
    """ "L.C." -> "LC"; "" for anything but two or more dotted initials."""
    return word.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", word) else ""


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
    for mention in sorted(mentions, key=lambda m: -len(m.tokens)):
        if _is_particle_surname(mention.tokens):
            tails.append(mention)  # "De Angelis": a surname alone, placed once full names are known
            continue
        if len(mention.tokens) == 1:
            if mention.tokens[0].lower().rstrip(".") not in TITLES:
                singles.append(mention)
            continue
        key = _words_key(mention.tokens)
        for number in blocks.candidates(
            ("words", key),
            *(("last", k) for k in _word_keys(mention.tokens[-1])),
            *(("first", k) for k in _word_keys(mention.tokens[0])),
        ):
            group = groups[number]
            person = mention.label == "PERSON" and group.has_person
            # People match by `names_match` alone: the word-for-word key folds vowels,
            # and "Sergei Tamm" and "Sergio Tamm" are brothers.
            if (
                names_match(mention.tokens, group.tokens) or _same_words(mention.tokens, group.tokens)
                if person
                else any(key == _words_key(m.tokens) for m in group.mentions)
            ):
                group.mentions.append(mention)
                blocks.add(number, mention)
                break
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
        if same_words or len(fuller) != 1:
            number = same_words[0] if same_words else len(groups)
            if not same_words:
                groups.append(_Group([]))  # no full name, or two people share the surname
        else:
            number = fuller[0]
        groups[number].mentions.append(mention)
        blocks.add(number, mention)
    titled = {m.tokens[0].lower() for m in singles if m.titled}
    for mention in singles:
        word = mention.tokens[0]
        keys = [("single", k) for k in _word_keys(word)]
        if mention.label == "NORP" or len(word.rstrip("s")) >= 4:
            keys.append(("plural", word.rstrip("s")))
        exact = [
            groups[n]
            for n in blocks.candidates(*keys)
            if len(groups[n].tokens) == 1 and _same_single(mention, groups[n])
        ]
        if exact:
            exact[0].mentions.append(mention)
            continue
        acronyms = [
            groups[n]
            for n in blocks.candidates(("initials", word.replace(".", "")))
            if _acronym_of((word,), groups[n].tokens)
        ]
        surnames = [
            groups[n]
            for n in blocks.candidates(*(("last", k) for k in _word_keys(word)))
            if len(groups[n].tokens) > 1 and _surname_of(mention, groups[n])
        ]
        given = []
        if mention.label == "PERSON" and word.lower() not in titled:
            given = [
                groups[n]
                for n in blocks.candidates(*(("first", k) for k in _word_keys(word)))
                if len(groups[n].tokens) > 1 and _given_name_of(mention, groups[n])
            ]
        people = surnames + [g for g in given if not any(g is s for s in surnames)]
        for candidates in (acronyms, people):
            if len(candidates) == 1:
                candidates[0].mentions.append(mention)
                break
            if candidates:
                groups.append(_Group([mention]))  # ambiguous: two people share the name
                blocks.add(len(groups) - 1, mention)
                break
        else:
            groups.append(_Group([mention]))
            blocks.add(len(groups) - 1, mention)
    return groups


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
            for key in _word_keys(tokens[-1]):
                self._index["last", key].add(number)
            for key in _word_keys(tokens[0]):
                self._index["first", key].add(number)
            for initials in _initials(tokens):
                self._index["initials", initials].add(number)

    def candidates(self, *keys: tuple[str, str]) -> list[int]:
        found: set[int] = set()
        for key in keys:
            found |= self._index.get(key, set())
        return sorted(found)


def _word_keys(word: str) -> set[str]:
    """Keys two spellings of one word share whenever `same_word` accepts them."""
    return {word.lower(), spelling_key(word), spelling_key(_strip_particle(word))}


def _same_single(mention: Mention, group: _Group) -> bool:
    """One word, two spellings; for nationalities and groups also singular and plural ("Christians")."""
    word, other = mention.tokens[0], group.tokens[0]
    if same_word(word, other):
        return True
    plural = mention.label == "NORP" or any(m.label == "NORP" for m in group.mentions)
    return plural and word.rstrip("s") == other.rstrip("s") and len(word.rstrip("s")) >= 4


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words split differently: "Kim Jong Il" and "Kim Jong-il"."""
    return [_plain(w) for t in a for w in re.split(r"-", t) if w] == [
        _plain(w) for t in b for w in re.split(r"-", t) if w
    ]


def _words_key(tokens: tuple[str, ...]) -> str:
    """Word-for-word spelling key: "Robbery-Homicide Division" = "robbery homicide division"."""
    return " ".join(spelling_key(w) for t in tokens for w in re.split(r"[-\s]+", t) if w)


def _surname_of(mention: Mention, group: _Group) -> bool:
    """A lone word is the surname of a person's full name met elsewhere in the cluster."""
    word, tokens = mention.tokens[0], group.tokens
    labels = Counter(m.label for m in group.mentions)
    person_like = (labels["PERSON"] > 0 or mention.label == "PERSON") and not any(
        _is_acronym(t) for t in tokens
    )
    # Any full form of the person: "Hristov" is the surname of "Alexander Hristov"
    # even when the group's longest form spells it "Hristrov".
    lasts = {m.tokens[-1] for m in group.mentions if len(m.tokens) > 1} or {tokens[-1]}
    is_surname = any(same_word(word, last) for last in lasts)
    return person_like and len(tokens) <= 3 and not _is_org_name(tokens) and is_surname


def _is_particle_surname(tokens: tuple[str, ...]) -> bool:
    """ "De Angelis", "van der Berg": a surname that opens with a particle, standing alone."""
    return 2 <= len(tokens) <= 3 and tokens[0].lower() in _SURNAME_PARTICLES and tokens[-1][:1].isupper()


def _surname_of_tail(mention: Mention, group: _Group) -> bool:
    """ "De Angelis" ends the full name "Silvio De Angelis" of a person met in the cluster."""
    tail, tokens = mention.tokens, group.tokens
    person = any(m.label == "PERSON" for m in group.mentions) or mention.label == "PERSON"
    if not person or _is_org_name(tokens) or any(_is_acronym(t) for t in tokens):
        return False
    return all(same_word(x, y) for x, y in zip(tail, tokens[-len(tail) :], strict=True))


def _is_acronym(word: str) -> bool:
    """ "NBC", "UN": capitals without dots; "H.R." is a person's initials."""
    return word.isupper() and "." not in word and len(word) > 1


def _given_name_of(mention: Mention, group: _Group) -> bool:
    """A lone word is the given name a person's full name starts with ("Hamad", "Hamad bin Jassem")."""
    word, tokens = mention.tokens[0], group.tokens
    is_person = any(m.label == "PERSON" for m in group.mentions)
    plain = is_person and not any(_is_acronym(t) for t in tokens) and not _is_org_name(tokens)
    # The very same word: a given name alone is weak evidence, so no spelling variants
    # ("Robb" is not "Rob Kassab").
    return plain and tokens[0].rstrip(".").lower() not in TITLES and word.lower() == tokens[0].lower()


def _acronym_of(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "UN" and "United Nations"; "WHO" and "World Health Organization"."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) != 1 or len(long) < 2 or not short[0].isupper() or len(short[0]) < 2:
        return False
    return short[0].replace(".", "") in _initials(long)


def _initials(tokens: tuple[str, ...]) -> set[str]:
    """A name's initials; without a leading abbreviated country ("U.S. Energy Information
    Administration" is also "EIA")."""
    found = {"".join(t[0] for t in tokens if t[:1].isupper())}
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
        aliases = sorted({m.text for m in group.mentions} - {name})
        sources = sorted(
            {corpus.articles[m.doc_index].id for m in group.mentions},
            key=[a.id for a in corpus.articles].index,
        )
        entity_type = _type_of(group)
        index = len(entities)
        entities.append(Entity(name, entity_type, tuple(aliases), tuple(sources), len(group.mentions)))
        links.extend((m, index) for m in group.mentions)
    return EntityIndex(tuple(entities), tuple(links))


def _type_of(group: _Group) -> str:
    """The majority label, corrected where the words say organisation."""
    if _is_org_name(group.tokens):
        return "ORG"
    votes: defaultdict[str, int] = defaultdict(int)
    for mention in group.mentions:
        votes[mention.label] += 2 if len(mention.tokens) > 1 else 1
    return max(votes, key=lambda label: (votes[label], label == "PERSON"))
