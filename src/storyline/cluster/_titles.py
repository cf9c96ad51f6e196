"""Readable titles for stories and threads, from their articles alone (no model, no spaCy).

- A story's title is its most representative headline: of the articles that carry a
  title (given, or a headline line found at the top of the text by the cleaning rules),
  the one whose title words are shared by the most articles of the story; a shouted
  (all-capitals) headline is re-cased from its article's text. Without any headline, it
  is a short headline extracted from the most central article: the first sentence of
  its first body paragraph, with bylines, datelines, credits and time stamps removed
  (`storyline.clean`'s line rules and dateline pattern), cut at a clause boundary.
- A thread's title names its topic, not one day's event: the names (capitalized runs
  inside sentences, "Food and Drug Administration") found in the most of its stories,
  variants folded ("Mongolia"/"Mongolian", "Gore"/"Al Gore"), then the key word or
  two-word phrase of its headlines and leads found in the most stories.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import numpy as np
import numpy.typing as npt

from storyline.clean._rules import DATELINE_PREFIX, READING_PREFIX, classify_line, looks_like_headline
from storyline.cluster._features import _stop_words as _feature_stop_words
from storyline.model import Article
from storyline.text import MONTH, has_split_mojibake, join_spaced_hyphens, repair_mojibake, spaces_hyphens

MAX_TITLE_WORDS = 14
"""An extracted headline longer than this is cut at a clause boundary."""
MIN_TITLE_WORDS = 5
"""...but not shorter than this."""
TARGET_TITLE_WORDS = 12
"""The cut nearest this length wins (a clause's cut is worth three words more than a phrase's)."""
MAX_CUT_WORDS = 16
MIN_CUT_WORDS = 7
"""A cut shorter than this says too little ("George W. Bush called Tuesday"): cut at 14 words."""
MAX_WHOLE_WORDS = 18
"""A sentence up to this long with no clause boundary to cut at is kept whole."""
MAX_TOPIC_TERMS = 4
MAX_TOPIC_NAMES = 3
FEW_TITLED = 4
"""A story where fewer than one report in this many has a headline takes the central report's
lead as one more candidate for its title (`story_title`)."""
UNTITLED = "Untitled"
_LEAD_CHARS = 4000  # only the top of an article is read for its headline
_SENTENCE_CHARS = 700  # ...and only this much of its first paragraph is split into sentences
_JUNK_MAX_CHARS = 400
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# "ULAN BATOR, Mongolia, January 13 (Xinhua) -- " or "GENEVA (Wire) - ": a dateline ends in a dash.
_DATELINE = re.compile(r"^[^\n]{0,90}?(?:\)|[A-Z]{2,})\s*(?:--|—|–|-)\s+")
# Wire copy writes the dateline's dash as an underscore: "WASHINGTON _ ", "BEIJING (AP) _Several".
_UNDERSCORE_DASH = re.compile(r"(?<=\S)\s+_(?=\s|[A-Z])\s*")
# "February 26, 1989 -- " or "Sunday, 8 March 2026 " opening a line.
_DATE_LEAD = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})"
    rf"(?:[\s,|at-]+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?\s*(?:--|—|–|-|:|\|)?\s+",
    re.IGNORECASE,
)
# A wire's credit with no city: "(AP) -- ", "( ap ) ".
_CREDIT_LEAD = re.compile(
    r"^\(\s*(?:ap|afp|reuters|upi|xinhua|cnn|dpa|efe|ansa)\s*\)\s*(?:--|—|–|-|_)?\s*", re.IGNORECASE
)
# A city dateline without capitals: "Toronto - ", "beirut, lebanon — " (one word, or a place, its
# country or state; no stop word): not "janet waldo – the voice of ...".
_CITY_LEAD = re.compile(r"^[A-Za-z][\w.'’]+(?:,\s+[\w.'’]+(?:\s+[\w.'’]+)?)?\s+(?:--|—|–|-)\s+(?=\S)")
# A byline run into its date on one line: "By Sports Desk Sunday, 8 March 2026 ...".
_BYLINE_LEAD = re.compile(
    rf"^(?:by|posted\s+by|written\s+by)\s+(?:[A-Z][\w.'’-]*\s+|and\s+|&\s+){{1,5}}(?=(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d))",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z0-9\"“‘])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep gen col lt sgt capt cmdr adm st mt ft co corp inc ltd jr sr bros no vs
    jan feb mar apr jun jul aug sep sept oct nov dec calif colo conn fla ill kan mass mich minn nev okla
    ore tenn tex wash wis ariz ark ala""".split()
)
_BULLET = re.compile(r"^[-–—•*·_>\s]+")
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
# ", the government press office said today." closing a lead: an attribution, not the news.
_SAID_TAIL = re.compile(
    r",\s+(?:[\w.'’-]+\s+){0,6}(?:said|says|reported|reports|announced|told\s+[\w.'’-]+(?:\s+[\w.'’-]+)?)"
    r"(?:\s+(?:on\s+)?(?:\w+day|today|yesterday|tonight))?\s*[.!]?$"
)
# An opening phrase before the subject: "By the end of September, ", "Despite unrest by some, ".
_INTRO = re.compile(
    r"^(?:(?:by|in|on|at|after|before|despite|with|as|when|while|amid|following|since|for|during|"
    r"coinciding|according|under|unlike|like|until|although|though|because|if)\b"
    r"(?:(?!\b(?:that|which|who)\b)[^,\"“”]){3,80}),\s+",
    re.IGNORECASE,
)
# An aside between commas: ", the highly anticipated new pill from Merck, ", ", who was ..., ".
# Only before a word in lower case, where the sentence goes on with its verb ("Pistorius, the
# athlete who killed his girlfriend, Reeva Steenkamp, by ..." holds a name after its comma: the
# aside goes on past it).
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|who|which|whose|now|once|then|[a-z]+ing)\s[^,\"“”]{3,120},\s+(?=[a-z])"
)
# Page furniture run into the first line of a flattened page (lower-cased in some corpora).
_FURNITURE = re.compile(
    r"^(?:(?:image|photo|picture)\s+copyright\s+.{0,40}?\s+(?:image\s+)?caption\s+"
    r"|(?:(?:facebook|twitter|google\s+plus|linkedin|pinterest|whatsapp|email|e-mail|share|embed|print)\s+){2,}"
    r"(?:[\d:]+\s+(?:[\d:]+\s+)?)?"
    r"|advertisement\s+(?:continue\s+reading\s+the\s+main\s+story\s+)?"
    r"|(?:updated|published|posted|last\s+updated)\b.{0,40}?[ap]\.?\s?m\.?\s*(?:[a-z]{2,4}\s*)?:?\s+)",
    re.IGNORECASE,
)
# Cut before these: a new clause ("after", "which") or, failing that, a prepositional phrase.
_CLAUSE_WORDS = frozenset(
    """after when while as because but which who whose where although though since amid despite following
    before until unless and or so if saying according whereas""".split()
)
_PREPOSITIONS = frozenset(
    """in on at for from with by into over near during outside inside under against about across through
    without between among toward towards than""".split()
)
# A title never ends on these.
_DANGLING = frozenset(
    """a an the of to and or but for in on at by with from as that this these those its his her their our
    is are was were be been has have had will would can could may might must shall should not no than
    mr mrs ms dr gov sen rep gen st said says told saying such""".split()
)
_PRONOUNS = frozenset("he she it they we i you his her its their this that these those there".split())
_VERBS = frozenset(
    """is are was were be been has have had will would can could may might must should did does do
    said says told made make makes won wins lost hit hits set sets led leads began begun ran took gave
    got found went came saw""".split()
)
_CASED_WORD = re.compile(r"[A-Za-z][A-Za-z.&'’-]*")
_POSSESSIVE = re.compile(r"['’][sS]$")
_SENTENCE_CLOSERS = frozenset('.!?:;"“”')
# Capitalized words that name no topic: short months and days, honorifics, news agencies, states'
# abbreviations in datelines ("LITTLETON, Colo.").
_NOT_TOPIC = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun mr mrs ms dr
    news wire interfax tass itar-tass kyodo yonhap bernama ala ariz ark calif colo conn fla ill kan ky md
    mass mich minn neb nev okla ore tenn tex vt wis wyo""".split()
) | {"associated press", "new york times", "washington post", "los angeles times", "news service"}
# Words of reporting and of time that any story's lead has ("reported today", "officials
# said on Monday"): they name no topic.
_NOT_TOPIC |= frozenset(
    """today yesterday tomorrow tonight reported reporting report reports said says saying told
    according announced official officials spokesman spokeswoman statement statements sources
    source press agency week weeks month months year years morning evening afternoon local
    percent people monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december""".split()
)
# Left off the end of a name: "Microsoft Corp" is "Microsoft".
_NAME_SUFFIXES = frozenset("inc corp co ltd jr sr".split())
MAX_NAME_WORDS = 4
# Demonyms and adjectives ("American", "Russian", "Chinese", "Democratic") say less than names.
_ADJECTIVE_END = ("ian", "ians", "ean", "eans", "ese", "ish", "ican", "icans", "ic")
_STEM_ENDS = ("ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "ia", "s", "i", "y", "a", "e")
# A run of capitalized words, joined by "of", "for", "&", "de" or by "and" before a two-word name:
# "Teodor Malkovic", "Army Corps of Engineers", "Food and Drug Administration".
_CAP = r"[A-Z][A-Za-z'’-]*[A-Za-z]"
_NAME_RUN = re.compile(
    rf"\b{_CAP}(?:(?:\s|\s(?:of|for|de|del|la|von|van|&)\s|\sand\s(?={_CAP}\s{_CAP})){_CAP})*"
)
_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "von", "van", "&", "and"})
# A hyphen written with spaces between two capitalized words ("Strauss - Kahn", as some archives
# tokenize "Strauss-Kahn"), or a dash between two names ("in London - Assange said").
_SPACED_HYPHEN = re.compile(r"\b([A-Z][a-z]+) - ([A-Z][a-z]+)\b")
MIN_HYPHEN_ARTICLES = 2
"""A spaced pair is one hyphenated name when this many of a thread's articles write it so:
a dash between two names does not recur with the same two words."""
_CAMEL = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*\b")  # "iPhone", "eBay"
_CONTRACTION = re.compile(r"['’](?:m|ll|ve|d|re|t)$")  # "I'm", "Don't"; not "O'Neill", "D'Souza"


@cache
def _stop_words() -> frozenset[str]:
    return _feature_stop_words()


def _words(text: str) -> set[str]:
    stop = _stop_words()
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in stop}


def _sentences(text: str) -> list[str]:
    """Sentences of a paragraph's opening: a cheap split at a stop before a capital, a quote or a
    digit, except after an initial ("George W. Bush") or an abbreviation ("U.S.", "Gov.", "Inc.")."""
    out: list[str] = []
    start = 0
    for match in _STOP.finditer(text):
        before = text[start : match.start() + 1].split()
        last = before[-1].lower() if before else ""
        if last.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+", last):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _central(articles: Sequence[Article]) -> Article:
    """The article whose words are shared by the most articles of the group (earliest on ties)."""
    bags = [_words(a.text[:3000]) for a in articles]
    df = Counter(w for bag in bags for w in bag)
    scores = [sum(df[w] for w in bag) / (len(bag) + 5) for bag in bags]
    return articles[max(range(len(articles)), key=lambda i: (scores[i], -i))]


# -- headlines of one article ------------------------------------------------------------------
def _strip_lead(line: str) -> str:
    """The line without what opens it before the news: reading prefix, byline, date, dateline, credit."""
    line = _BULLET.sub("", line)
    line = _UNDERSCORE_DASH.sub(" -- ", line[:300], count=1) + line[300:]
    for _ in range(4):
        before = line
        for pattern in (
            READING_PREFIX,
            _FURNITURE,
            _BYLINE_LEAD,
            _DATE_LEAD,
            _CREDIT_LEAD,
            DATELINE_PREFIX,
            _DATELINE,
        ):
            match = pattern.match(line)
            if match and len(line) - match.end() > 20:
                line = line[match.end() :].lstrip(" -–—_:,|")
        city = _CITY_LEAD.match(line)
        place = re.findall(r"[a-z']+", city.group().lower()) if city else []
        if city and len(line) - city.end() > 20 and not set(place) & _stop_words():
            line = line[city.end() :]
        if line == before:
            break
    return line


def _is_junk(line: str) -> bool:
    """A byline, date, caption, credit, menu or share line (`storyline.clean`'s line rules, which
    fire only on lines far shorter than `_JUNK_MAX_CHARS`)."""
    return len(line) <= _JUNK_MAX_CHARS and _classified(line)


@lru_cache(maxsize=512)
def _classified(line: str) -> bool:
    """Cached: a title reads an article's opening lines twice, once for a headline line and
    once for the first sentence (short lines only are kept)."""
    return classify_line(line) is not None


def found_headline(text: str) -> str | None:
    """A headline line at the top of an article's text, as `storyline.clean` finds one: a short,
    unpunctuated line before any body paragraph, skipping bylines, dates and credits."""
    for line in text[:_LEAD_CHARS].splitlines():
        line = _BULLET.sub("", " ".join(line.split()))
        if not line:
            continue
        if _is_junk(line):
            continue  # a byline, date, caption, menu or credit before the headline
        if looks_like_headline(line) and not line.endswith(":") and len(line.split()) <= 2 * MAX_TITLE_WORDS:
            return clean_headline(line)
        return None  # the first real line is body text (or leads into it: "The Times said:")
    return None


def lead_sentence(text: str) -> str:
    """An article's lede: the first sentence of its first body paragraph, without its
    byline, dateline or credits ("" when it has none)."""
    for line in text[:_LEAD_CHARS].splitlines():
        line = _BULLET.sub("", " ".join(line.split()))
        if not line or _is_junk(line):
            continue
        if looks_like_headline(line) and len(line.split()) <= 2 * MAX_TITLE_WORDS:
            continue  # a headline line: the body starts after it
        line = _strip_lead(line)
        for sentence in _sentences(line[:_SENTENCE_CHARS]):
            sentence = _strip_lead(sentence)
            if len(sentence.split()) >= 3:
                return sentence
    return ""


# Words a paper may set in capitals to open a story ("THE new iMac ..."), never acronyms: not
# "US", "UN", "WHO" or "IT", which are.
_SHOUTED_OPENERS = frozenset(
    "the a an this that these those there then when after before as once while for with in on at "
    "by from into over under his her their our its".split()
)


def _capitalized(sentence: str) -> str:
    """A headline's first letter in capitals, but not a name's that is written with a small one
    and a capital after it ("iMac", "eBay"; not "pro-Russian"); a first word a paper set in
    capitals ("THE new iMac ...") in sentence case, not an acronym ("US officials ...")."""
    first, _, rest = sentence.partition(" ")
    if _CAMEL.fullmatch(first):
        return sentence
    if first.isupper() and first.lower() in _SHOUTED_OPENERS and rest[:1].islower():
        return first[0] + first[1:].lower() + " " + rest
    return sentence[:1].upper() + sentence[1:]


def _shorten(sentence: str) -> str:
    """A sentence cut to a headline: without parentheses or a closing attribution, at most
    `MAX_TITLE_WORDS` words, cut where a clause or phrase ends ("…" only when none does)."""
    sentence = _PARENTHESIS.sub("", sentence).strip()
    for pattern, by, least in ((_SAID_TAIL, "", 0), (_INTRO, "", 2), (_APPOSITIVE, " ", 2)):
        short = pattern.sub(by, sentence, count=1)
        if pattern is _INTRO and short.split(" ", 1)[0].lower() in _PRONOUNS:
            continue  # "When people think of X, they ...": the opening holds the subject
        if len(short.split()) >= MIN_TITLE_WORDS + least:
            sentence = _capitalized(short)
    words = sentence.split()
    if len(words) > MAX_TITLE_WORDS:
        sentence = _cut(words)
    sentence = sentence.rstrip()
    if sentence.endswith(".") and not sentence.endswith(("..", " U.S.", "Jr.", "Inc.", "Co.")):
        sentence = sentence[:-1]
    return _capitalized(sentence)


def _is_verb(word: str) -> bool:
    """Whether a word (not a sentence's first) looks like a verb ("plans", "was", "vowed")."""
    bare = word.strip(",;:\"'“”‘’`()").lower()
    if not word[:1].islower() and not word[:1].isdigit():
        return False
    if bare in _VERBS or (len(bare) > 3 and bare.endswith(("ed", "es")) and not bare.endswith("'s")):
        return True
    return len(bare) > 3 and bare.endswith("s") and not bare.endswith(("ss", "'s", "’s", "us", "is"))


def _cut(words: list[str]) -> str:
    """A long sentence cut where a clause or phrase ends, near `TARGET_TITLE_WORDS` words; a
    sentence of at most `MAX_WHOLE_WORDS` words with no clause boundary stays whole; "…" marks
    a cut inside a phrase, the last resort."""
    best: tuple[float, int, int] | None = None  # (score, length, rank)
    # A cut must keep something like a verb, not only a subject: the first one after word 0.
    first_verb = next((i for i in range(1, len(words)) if _is_verb(words[i])), len(words))
    for k in range(MIN_TITLE_WORDS, min(len(words) - 1, MAX_CUT_WORDS) + 1):
        last, after = words[k - 1], words[k]
        if last.rstrip(",;:").lower() in _DANGLING:
            continue
        if last[-1] in ",;:" or after in {"-", "--", "–", "—"}:
            rank = 0
        elif after.lower() in _CLAUSE_WORDS:
            rank = 1
        elif after.lower() in _PREPOSITIONS and last[-1].isalnum():
            rank = 2
        else:
            continue
        if first_verb >= k:
            continue  # "Federal Reserve Chairman Alan Greenspan": a subject is no headline
        score = -abs(k - TARGET_TITLE_WORDS) - 3 * rank
        if best is None or score >= best[0]:
            best = (score, k, rank)
    if best is not None and (
        (len(words) > MAX_WHOLE_WORDS and best[1] >= MIN_CUT_WORDS) or (best[2] <= 1 and best[1] >= 8)
    ):
        return " ".join(words[: best[1]]).rstrip(",;:")
    if len(words) <= MAX_WHOLE_WORDS:
        return " ".join(words)
    kept = words[:MAX_TITLE_WORDS]
    while len(kept) > MIN_TITLE_WORDS and kept[-1].rstrip(",;:").lower() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(",;:") + "…"


def extract_headline(text: str) -> str:
    """A short headline from an article's text: its headline line if it has one, else its first
    sentence without byline, dateline or credits, cut at a clause boundary; never empty."""
    found = found_headline(text)
    if found:
        return found
    return _lead_headline(text)


def _lead_headline(text: str) -> str:
    """`extract_headline` of a text known to have no headline line."""
    sentence = lead_sentence(text)
    if not sentence:
        words = " ".join(text.split()).split()[:MAX_TITLE_WORDS]
        sentence = " ".join(words)
    return _shorten(sentence) or UNTITLED


# -- a story's headline -----------------------------------------------------------------------------
def _is_shouted(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


# Wire decoration around a headline, as wire feeds and archives carry it in their title field.
# A flag is taken off only before a headline in mixed case that starts with a capital:
# "URGENT Canada's top court rules ...", not "FLASH FLOODS KILL 12" or "URGENT care clinics ...".
_FLAG = re.compile(
    r"^(?:URGENT|FLASH|BULLETIN|ADVISORY|REFILE|CORRECTED|REPEAT|UPDATE\s*\d*)\b\s*[-:]?\s*(?=[A-Z])"
)
_DESK = re.compile(r"^[a-z]{2,4}-\s+(?=[A-Z])")  # a desk code: "hke- China backs ..."
# An editors' note before the headline ("EDS-more details added Premier meets ...", "EDS: ADDS
# background ...") or after it ("... EDS-Updates with more details"); not the company EDS
# ("EDS-GM deal closes", "... EDS-era files").
_EDS_LEAD = re.compile(
    r"^EDS\s*[-:]\s*(?=[a-z]|(?:ADDS|UPDATES|CORRECTS|RECASTS|SUBS|FIXES)\b)(?:[a-z][\w'’,;]*\s+)*"
)
_EDS_TAIL = re.compile(
    r"\s+EDS\s*[-:]\s*(?:updates?|adds?|corrects?|recasts?|subs?|fixes|more|with)\b.*$", re.IGNORECASE
)
_EDITOR_VERB = re.compile(r"^(?:ADDS|UPDATES|CORRECTS|RECASTS|SUBS|FIXES|RETRANSMITS|RESENDS)\b")
# Not a headline at all: a slug line ("BC-NJ--Evolution & Schools,730") or a photo number.
_SLUG = re.compile(r"^BC-|(?<=[A-Za-z]),\d{2,5}$|^(?:AP|AFP|Reuters)?\s*Photos?\s+[A-Z]{2,3}\d")
# A part marker ("(2)", "(2-2)", "(1 of 3)", "(Part 2)"), a revision or a release note.
_PART = re.compile(
    r"\s*\((?:\d{1,2}|(?P<a>\d)\s*-\s*(?P<b>\d)|\d{1,2}\s+of\s+\d{1,2}|part\s+\d+|updated?|corrected"
    r"|for\s+(?:immediate\s+)?release\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
# A paper's name in capitals after a comma (", HONGKONG STANDARD", ", THE INDEPENDENT"), not a
# place or an attribution (", NEW ORLEANS", ", UAW SAYS").
_PAPER_WORDS = (
    "STANDARD|DAILY|TIMES|POST|HERALD|INDEPENDENT|TELEGRAPH|GUARDIAN|TRIBUNE|JOURNAL|GAZETTE|STAR"
    "|MAIL|EXPRESS|MIRROR|CHRONICLE|OBSERVER|MONITOR|INQUIRER|BULLETIN|WEEKLY|NEWSPAPER"
)
_SOURCE_TAIL = re.compile(rf",\s+(?:THE\s+)?(?:[A-Z][A-Z&.'’-]+\s+){{0,3}}(?:{_PAPER_WORDS})$")
# A fragment of a sentence, not a headline: it starts in lower case and ends like a sentence
# or runs past one ("have moved separately.", "exercise. It is written by ..."); not "de Klerk
# and Mandela share Nobel prize" or "eBay buys ...".
_LOWER_START = re.compile(r"^[a-z]+(?:\s|[.,;:]|$)")
_SENTENCE_INSIDE = re.compile(r"[.!?]$|[.!?]\s+[A-Z]")


def clean_headline(title: str) -> str:
    """A given title as a headline, without wire decoration: no leading underscore, flag
    ("URGENT"), desk code or editors' note ("EDS-more details added"); no part marker ("(2)",
    "(2-2)"), release note ("(FOR RELEASE SUNDAY)"), desk code ("(HLW)") or paper's name in
    capitals after a comma; only its first item when several are run together ("_FIRST
    _SECOND"). "" when the title is no headline: an editors' note alone, a slug line, a photo
    number, or a fragment of a sentence that starts in lower case ("have moved separately.")."""
    title = " ".join(title.split())
    title = title.lstrip("_ ").split(" _", 1)[0]
    if _SLUG.search(title):
        return ""
    if not _is_shouted(title):
        title = _FLAG.sub("", title)
    title = _DESK.sub("", title)
    if title.startswith("EDS"):
        title = _EDS_LEAD.sub("", title)
        if not title or _EDITOR_VERB.match(title):
            return ""
    title = _EDS_TAIL.sub("", title)
    part = _PART.search(title)
    if part and not (part.group("a") and int(part.group("a")) > int(part.group("b"))):  # not a vote: (6-3)
        title = title[: part.start()]
    title = re.sub(r"\s*\([A-Z]{2,5}\)$", "", title)  # a wire's desk code: "(HLW)"
    if not _is_shouted(title):
        title = _SOURCE_TAIL.sub("", title)
    title = title.strip()
    return "" if _LOWER_START.match(title) and _SENTENCE_INSIDE.search(title) else title


def _recased(title: str, text: str) -> str:
    """An all-capitals headline in the casing its article's text uses for each word (sentence case
    for words the text does not have): "GREENSPAN TRASHES PLAN" -> "Greenspan trashes plan"."""
    wanted = {_POSSESSIVE.sub("", w.rstrip(".")).lower() for w in _CASED_WORD.findall(title)}
    seen: dict[str, Counter[str]] = {}
    for match in _CASED_WORD.finditer(text, 0, _LEAD_CHARS):
        word = _POSSESSIVE.sub("", match.group().rstrip("."))
        key = word.lower()
        if key not in wanted:
            continue
        start = match.start()
        before = text[max(0, start - 2) : start].strip()
        if start == 0 or (before and before[-1] in _SENTENCE_CLOSERS):
            continue  # the capital that opens a sentence says nothing
        seen.setdefault(key, Counter())[word] += 1
    out = []
    for i, token in enumerate(title.split()):
        core = re.match(r"^([^A-Za-z]*)([A-Za-z][A-Za-z.&'’-]*?)(\.?)([^A-Za-z]*)$", token)
        if not core:
            out.append(token.lower())
            continue
        lead, word, dot, tail = core.groups()
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word, tail = word[: possessive.start()], possessive.group().lower() + tail
        forms = seen.get(word.lower())
        if forms:
            cased = forms.most_common(1)[0][0]
        elif len(word) <= 4 and not re.search(r"[AEIOUY]", word):
            cased = word  # "GM", "NBC": an acronym the lead did not repeat
        else:
            cased = word.lower()
        if i == 0:
            cased = cased[:1].upper() + cased[1:]
        out.append(lead + cased + dot + tail)
    return " ".join(out)


def _readable(title: str, article: Article) -> str:
    title = clean_headline(title)
    return _recased(title, article.text) if _is_shouted(title) else title


def story_title(articles: Sequence[Article]) -> str:
    """The most representative headline of a story's articles, or one extracted from its text;
    a name an archive wrote with a spaced hyphen in two or more of them joined ("Strauss-Kahn")."""
    if not articles:
        return UNTITLED
    articles = [_repaired(a) for a in articles]
    title = _story_title(articles)
    if 2 * sum(spaces_hyphens(a.text) for a in articles) >= len(articles):
        title = join_spaced_hyphens(title)  # "co - founder", as an archive wrote the story's reports
    return _join_pairs(title, _hyphenated_pairs(" ".join(a.text[:3000].split()) for a in articles))


def _repaired(article: Article) -> Article:
    """The article with an archive's split mojibake repaired in its text and title, as
    cleaning repairs it ("Assangeâ€ ™ s" is "Assange’s" in a title too)."""
    title = article.title or ""
    if not (has_split_mojibake(article.text) or has_split_mojibake(title)):
        return article
    return dataclasses.replace(
        article,
        text="\n".join(repair_mojibake(article.text)),
        title=" ".join(repair_mojibake(title)) if article.title else article.title,
    )


def _story_title(articles: Sequence[Article]) -> str:
    heads = [
        (a, (clean_headline(a.title) if a.title and a.title.strip() else "") or found_headline(a.text))
        for a in articles
    ]
    titled = [(a, h) for a, h in heads if h]
    if titled and len(titled) * FEW_TITLED < len(articles):
        # A headline line in one report of many may be a byline or a caption ("Jane Foley,
        # senior currency strategist at ..."): the central report's lead competes with it.
        central = _central(articles)
        titled.append((central, _lead_headline(central.text)))
    elif len(titled) == 1:
        return _readable(titled[0][1], titled[0][0]) or UNTITLED
    if titled:
        bags = [_words(a.text[:3000]) | _words(h or "") for a, h in heads]
        df = Counter(w for bag in bags for w in bag)

        def score(head: str) -> float:
            words = _words(head)
            quiet = 0.9 if _is_shouted(head) else 1.0  # a mixed-case headline reads better
            return quiet * sum(df[w] for w in words) / (len(words) + 2)

        best = max(range(len(titled)), key=lambda i: (score(titled[i][1]), -i))
        article, head = titled[best]
        return _readable(head, article) or UNTITLED
    central = _central(articles) if len(articles) > 1 else articles[0]
    if central.title and central.title.strip():
        return extract_headline(central.text)  # a title that was only decoration ("_", "(HLW)")
    return _lead_headline(central.text)  # `heads` found no headline line in its text


# -- a thread's topic -------------------------------------------------------------------------------
def _stem(word: str) -> str:
    for end in _STEM_ENDS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def _variant(a: str, b: str) -> bool:
    """Two words of one name: equal, one a prefix of the other ("Calif"), or one stem
    ("Mongolia"/"Mongolian", "Turkey"/"Turkish", "Republican"/"Republicans")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    return _stem(a) == _stem(b)


def _same_topic(a: str, b: str) -> bool:
    """Whether two terms share a word (or a word's variant): "Gore" ~ "Al Gore" ~ "Gores"."""
    ta = [t for t in a.lower().split() if t not in _CONNECTORS]
    tb = [t for t in b.lower().split() if t not in _CONNECTORS]
    return any(_variant(x, y) for x in ta for y in tb)


def _names(text: str) -> dict[str, str]:
    """Capitalized runs that do not just open a sentence: lower-case key -> first spelling."""
    stop = _stop_words()
    found: dict[str, str] = {}
    for match in _NAME_RUN.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" ([‘'\"“")
        words = re.sub(r"['’]s$", "", match.group()).split()
        if not before or before[-1] in '.!?:;"“”':
            words = words[1:]  # a capital after a sentence end says nothing
        while words and (
            words[0].lower() in stop or words[0].lower() in _CONNECTORS or _CONTRACTION.search(words[0])
        ):
            words = words[1:]
        while words and (words[-1].lower().rstrip(".") in _CONNECTORS | _NAME_SUFFIXES):
            words = words[:-1]
        if any(_CONTRACTION.search(w) for w in words):
            continue  # "I'm", "Don't": a quote's capital, not a name
        name = " ".join(words)
        key = name.lower()
        if len(key) < 3 or key in stop or key in _NOT_TOPIC or (name.isupper() and len(name) > 5):
            continue
        if len(words) > MAX_NAME_WORDS:
            continue  # shouted datelines and headings are not names
        found.setdefault(key, name)
    return found


def _key_phrases(text: str) -> set[str]:
    """Lower-case content words (over three letters) and adjacent pairs of them."""
    stop = _stop_words()
    out: set[str] = set()
    previous: str | None = None
    for match in re.finditer(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?|[^\sA-Za-z]+", text):  # no closing quote
        word = _POSSESSIVE.sub("", match.group()).lower()  # "nation's largest": the nation's words
        if "'" in word or "’" in word:  # "don't", "there's": no topic
            previous = None
            continue
        capital = match.group()[0].isupper()  # a name's word, or one opening a sentence: names come apart
        if capital or not word[0].isalpha() or word in stop or len(word) <= 3 or word in _NOT_TOPIC:
            previous = None
            continue
        out.add(word)
        if previous is not None:
            out.add(f"{previous} {word}")
        previous = word
    return out


def _hyphenated_pairs(texts: Iterable[str]) -> frozenset[str]:
    """The spaced pairs of capitalized words ("Strauss - Kahn") that `MIN_HYPHEN_ARTICLES` of
    the texts write: one hyphenated name as an archive tokenized it (copies count once)."""
    seen: Counter[str] = Counter()
    for text in set(texts):
        seen.update({m.group() for m in _SPACED_HYPHEN.finditer(text)})
    stop = _stop_words()
    return frozenset(
        pair
        for pair, n in seen.items()
        if n >= MIN_HYPHEN_ARTICLES and not {w.lower() for w in pair.split(" - ")} & stop
    )


def _join_pairs(text: str, pairs: frozenset[str]) -> str:
    """`text` with each of `pairs` written as one hyphenated word ("Strauss-Kahn")."""
    if not pairs:
        return text

    def join(match: re.Match[str]) -> str:
        return f"{match.group(1)}-{match.group(2)}" if match.group() in pairs else match.group()

    return _SPACED_HYPHEN.sub(join, text)


def _hyphens_joined(leads: list[list[str]]) -> list[list[str]]:
    """The leads with each spaced pair of capitalized words that `MIN_HYPHEN_ARTICLES` of them
    write ("Dominique Strauss - Kahn") joined into one hyphenated name ("Strauss-Kahn"), so that a
    name is not two names in a thread's title ("Kahn, Dominique Strauss")."""
    pairs = _hyphenated_pairs(lead for story in leads for lead in story)
    return [[_join_pairs(lead, pairs) for lead in story] for story in leads] if pairs else leads


def topic_terms(stories: Sequence[Sequence[Article]]) -> list[str]:
    """Names found in the most stories of a thread (then the most articles), variants folded,
    then the key word or pair of words of its headlines and leads found in the most stories."""
    in_stories: Counter[str] = Counter()
    in_articles: Counter[str] = Counter()
    phrase_stories: Counter[str] = Counter()
    phrase_articles: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    camel: dict[str, str] = {}  # "iphone" -> "iPhone": key words are compared in lower case
    # Spaced hyphens joined before the lead is stripped: a dateline rule would take the
    # "Strauss - " of a lead that opens with the name for a place.
    leads = [[" ".join(article.text[:3000].split()) for article in story] for story in stories]
    leads = [[_strip_lead(lead) for lead in story] for story in _hyphens_joined(leads)]
    for story, story_leads in zip(stories, leads, strict=True):
        story_names: set[str] = set()
        story_phrases: set[str] = set()
        for article, lead in zip(story, story_leads, strict=True):
            names = _names(lead)  # (not its title: a Title Case headline capitalizes every word)
            keys = set()
            for key, name in names.items():
                keys.add(key)
                first_seen.setdefault(key, len(first_seen))
                spelling.setdefault(key, name)
            in_articles.update(keys)
            story_names |= keys
            head = (article.title or "") + " " + " ".join(lead.split()[:60])
            phrases = _key_phrases(head)
            camel.update((w.lower(), w) for w in _CAMEL.findall(head))
            phrase_articles.update(phrases)
            story_phrases |= phrases
        in_stories.update(story_names)
        phrase_stories.update(story_phrases)

    def weight(key: str) -> float:
        return in_stories[key] / 2 if " " not in key and key.endswith(_ADJECTIVE_END) else in_stories[key]

    # Most stories, then most articles, then full names before single words, then first seen.
    ranked = sorted(in_stories, key=lambda k: (-weight(k), -in_articles[k], -k.count(" "), first_seen[k]))
    chosen: list[str] = []
    for key in ranked:
        if len(chosen) >= MAX_TOPIC_NAMES or weight(key) * 4 < weight(ranked[0]):
            break
        same = next((i for i, c in enumerate(chosen) if _same_topic(c, key)), None)
        if same is None:
            chosen.append(key)
        elif (
            key.count(" ") > chosen[same].count(" ")
            and set(chosen[same].split()) <= set(key.split())
            and 2 * in_stories[key] >= in_stories[chosen[same]]
        ):
            chosen[same] = key  # the full name: "Al Gore" for "Gore"
    terms = [spelling[k] for k in chosen]
    # With three stories or more, a key word's count is weighed by how rare it is in news at
    # large: "secession" over "province", "child seats" over "child" (a pair is as specific
    # as its commonest word). With two, any rare word the two share would win ("gamagori").
    words = sorted({w for p in phrase_stories for w in p.split()})
    idf = _specificity(words) if len(stories) >= 3 else dict.fromkeys(words, 1.0)

    def rank(p: str) -> tuple[float, int, int, str]:
        return (-phrase_stories[p] * min(idf[w] for w in p.split()), -phrase_articles[p], -p.count(" "), p)

    for phrase in sorted(phrase_stories, key=rank):
        if len(terms) >= MAX_TOPIC_TERMS or len(terms) > len(chosen):
            break
        if phrase.count(" ") == 0:
            pairs = [
                p
                for p in phrase_stories
                if " " in p and phrase in p.split() and 2 * phrase_stories[p] >= phrase_stories[phrase]
            ]
            if pairs:  # "global warming" rather than "warming"
                phrase = max(pairs, key=lambda p: (phrase_stories[p], phrase_articles[p], p))
        if 2 * in_stories[phrase] >= phrase_stories[phrase]:
            continue  # mostly written with a capital: a name, not a key word ("russian")
        if not any(_same_topic(t, phrase) for t in terms):
            terms.append(" ".join(camel.get(w, w) for w in phrase.split()))
    return terms


@cache
def _prior() -> tuple[npt.NDArray[np.float32], int] | None:
    """The document frequencies the clusterer ships (`pair_model.json`'s prior, counted on
    Multi-News train) and over how many documents; None when the model has none."""
    from storyline.cluster._pairmodel import default_pair_model

    model = default_pair_model()
    if model.prior_df is None or model.prior_docs <= 0:
        return None
    return model.prior_df, model.prior_docs


def _specificity(words: Sequence[str]) -> dict[str, float]:
    """Each word's inverse document frequency in news at large, by the clusterer's own word
    hash, in one vectorized lookup; 1 for every word when the model has no prior."""
    prior = _prior()
    if prior is None or not words:
        return dict.fromkeys(words, 1.0)
    from storyline.cluster._features import _hash_tokens

    df, n = prior
    rows = (_hash_tokens(list(words)) % np.uint64(len(df))).astype(np.int64)
    idf = np.log((n + 1) / (df[rows].astype(np.float64) + 1))
    return dict(zip(words, idf.tolist(), strict=True))


def thread_title(stories: Sequence[Sequence[Article]]) -> str:
    """The topic of a thread: its most widespread names and key words; one story: its title."""
    stories = [s for s in stories if s]
    if not stories:
        return UNTITLED
    if len(stories) == 1:
        return story_title(stories[0])
    terms = topic_terms([[_repaired(a) for a in story] for story in stories])
    return ", ".join(terms) if terms else story_title(max(stories, key=len))
