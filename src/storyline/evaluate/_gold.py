"""Score a story report against a hand-made gold annotation (tests/gold/*.json).

Each feature is scored as precision and recall over items both sides can name:

- publication dates: (document, date) for every document with a stated date;
- event dates: (document, date) pairs, as multisets; a timeline event citing three
  reports counts once for each (reports the gold cannot date and the report dated
  by inference are left out);
- entity merges: pairs of surface forms that name one entity, over the forms both
  the gold and the report know (so it measures merging, not detection);
- quote speakers: a gold quote is found when a reported quote from its document
  holds its keywords; it is right when the speakers match as names;
- claims: (document, figure) pairs, as multisets;
- attributions: for the figures both hold, who the report gives each to, as names
  (`_same_speaker`): precision over the figures the report gives to someone (one the gold
  leaves to the report itself counts as wrong), recall over those the gold gives to someone;
- disagreements: a gold disagreement is found when one reported disagreement holds
  two of its distinct figures from its documents (and the other way for precision).

Pure functions over the report's JSON form, so any system's output can be scored.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

FEATURES = (
    "publication dates",
    "event dates",
    "entity merges",
    "quotes found",
    "quote speakers",
    "claims",
    "attributions",
    "disagreements",
)


@dataclass(frozen=True, slots=True)
class Counts:
    """Matches counted from each side: precision = hit_pred / n_pred, recall = hit_gold / n_gold."""

    hit_pred: int = 0
    n_pred: int = 0
    hit_gold: int = 0
    n_gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.hit_pred + other.hit_pred,
            self.n_pred + other.n_pred,
            self.hit_gold + other.hit_gold,
            self.n_gold + other.n_gold,
        )

    @property
    def precision(self) -> float | None:
        return self.hit_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.hit_gold / self.n_gold if self.n_gold else None


def score_report(report: dict[str, Any], gold: dict[str, Any]) -> dict[str, Counts]:
    """Score one report (Story.to_dict()) against one gold annotation."""
    skip = set(gold.get("off_topic", []))
    return {
        "publication dates": _publication_dates(report, gold, skip),
        "event dates": _event_dates(report, gold, skip),
        "entity merges": _entity_merges(report, gold),
        "quotes found": _quotes(report, gold, skip)[0],
        "quote speakers": _quotes(report, gold, skip)[1],
        "claims": _claims(report, gold, skip),
        "attributions": _attributions(report, gold, skip),
        "disagreements": _disagreements(report, gold, skip),
    }


def total(scores: Iterable[dict[str, Counts]]) -> dict[str, Counts]:
    """Micro-average: add the counts of every cluster."""
    out = {feature: Counts() for feature in FEATURES}
    for score in scores:
        for feature, counts in score.items():
            out[feature] = out[feature] + counts
    return out


def _publication_dates(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> Counts:
    stated = gold["publication_dates"]
    predicted = {
        d["id"]: d["date"]
        for d in report["documents"]
        if d["id"] in stated and d["id"] not in skip and d["date"] and d.get("date_origin") != "inferred"
    }
    truth = {k: v for k, v in stated.items() if v and k not in skip}
    hits = sum(1 for k, v in predicted.items() if truth.get(k) == v)
    return Counts(hits, len(predicted), hits, len(truth))


def _event_dates(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> Counts:
    # The gold leaves out relative dates of reports it cannot date; where the report
    # dated such a report by inference, its relative dates cannot be judged either way.
    skip = skip | {
        d["id"]
        for d in report["documents"]
        if d.get("date_origin") == "inferred" and not gold["publication_dates"].get(d["id"])
    }
    predicted = Counter((s, e["date"]) for e in report["timeline"] for s in e["sources"] if s not in skip)
    truth = Counter((e["doc"], e["date"]) for e in gold["event_dates"] if e["doc"] not in skip)
    hits = sum((predicted & truth).values())
    return Counts(hits, sum(predicted.values()), hits, sum(truth.values()))


def _form(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return " ".join(re.findall(r"[\w'-]+", text))


def _groups(entities: list[dict[str, Any]]) -> list[set[str]]:
    return [{_form(e["name"]), *(_form(a) for a in e.get("aliases", []))} for e in entities]


def _pairs(groups: list[set[str]], universe: set[str]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g & universe), 2)}


def _entity_merges(report: dict[str, Any], gold: dict[str, Any]) -> Counts:
    gold_groups = _groups(gold["entities"])
    pred_groups = _groups(report["entities"])
    universe = set().union(*gold_groups) & set().union(*pred_groups) if gold_groups and pred_groups else set()
    truth = _pairs(gold_groups, universe)
    predicted = _pairs(pred_groups, universe)
    hits = len(truth & predicted)
    return Counts(hits, len(predicted), hits, len(truth))


def _same_speaker(predicted: str | None, expected: str, gold: dict[str, Any]) -> bool:
    if not predicted:
        return False
    names = {_form(expected)}
    for entity in gold["entities"]:
        forms = {_form(entity["name"]), *(_form(a) for a in entity.get("aliases", []))}
        if _form(expected) in forms:
            names |= forms
    guess = _form(predicted)
    if guess in names:
        return True
    # A descriptive speaker ("health ministry") against "the health ministry spokeswoman".
    words = set(guess.split())
    return any(words and (words <= set(n.split()) or set(n.split()) <= words) for n in names)


def _quotes(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> tuple[Counts, Counts]:
    wanted = [q for q in gold["quotes"] if q["doc"] not in skip]
    occurrences = [(q, s) for q in report["quotes"] for s in q["sources"] if s not in skip]

    def holds(quote: dict[str, Any], item: dict[str, Any]) -> bool:
        text = quote["text"].casefold()
        return all(k.casefold() in text for k in item["keywords"])

    matched_gold, right_gold = 0, 0
    for item in wanted:
        hits = [q for q, s in occurrences if s == item["doc"] and holds(q, item)]
        if hits:
            matched_gold += 1
            right_gold += any(_same_speaker(q["speaker"], item["speaker"], gold) for q in hits)
    matched_pred, right_pred, with_speaker = 0, 0, 0
    for quote, source in occurrences:
        items = [g for g in wanted if g["doc"] == source and holds(quote, g)]
        if items:
            matched_pred += 1
            if quote["speaker"]:
                with_speaker += 1
                right_pred += any(_same_speaker(quote["speaker"], g["speaker"], gold) for g in items)
    found = Counts(matched_pred, len(occurrences), matched_gold, len(wanted))
    speakers = Counts(right_pred, with_speaker, right_gold, len(wanted))
    return found, speakers


def _claims(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> Counts:
    predicted = Counter(
        (v["source"], float(v["value"]))
        for c in report["claims"]
        for v in c["values"]
        if v["source"] not in skip
    )
    truth = Counter(
        (v["doc"], float(v["value"])) for c in gold["claims"] for v in c["values"] if v["doc"] not in skip
    )
    hits = sum((predicted & truth).values())
    return Counts(hits, sum(predicted.values()), hits, sum(truth.values()))


def _attributions(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> Counts:
    """Who each figure is given to ("according to the health ministry"), over the figures
    the gold and the report both hold: a voice is right when it names the gold's voice
    (`_same_speaker`); a voice where the gold has none (the report states the figure
    itself) is wrong."""
    given: dict[tuple[str, float], list[str | None]] = {}
    for c in report["claims"]:
        for v in c["values"]:
            if v["source"] not in skip:
                given.setdefault((v["source"], float(v["value"])), []).append(v.get("attributed_to"))
    voices: dict[tuple[str, float], list[str | None]] = {}
    for c in gold["claims"]:
        for v in c["values"]:
            if v["doc"] not in skip:
                voices.setdefault((v["doc"], float(v["value"])), []).append(v.get("attributed_to"))
    hit_pred = n_pred = hit_gold = n_gold = 0
    for key, predicted in given.items():
        expected = voices.get(key)
        if expected is None:
            continue  # a figure the gold does not hold: scored by "claims"
        for voice in predicted:
            if voice:
                n_pred += 1
                hit_pred += any(e and _same_speaker(voice, e, gold) for e in expected)
        for voice in expected:
            if voice:
                n_gold += 1
                hit_gold += any(_same_speaker(p, voice, gold) for p in predicted)
    return Counts(hit_pred, n_pred, hit_gold, n_gold)


def _disagreements(report: dict[str, Any], gold: dict[str, Any], skip: set[str]) -> Counts:
    def figures(values: list[dict[str, Any]], key: str) -> set[tuple[str, float]]:
        return {(v[key], float(v["value"])) for v in values if v[key] not in skip}

    gold_sets = [figures(c["values"], "doc") for c in gold["claims"] if c["disagreement"]]
    pred_sets = [figures(c["values"], "source") for c in report["claims"] if c["disagreement"]]

    def shares(a: set[tuple[str, float]], b: set[tuple[str, float]]) -> bool:
        return len({value for _, value in a & b}) >= 2

    hit_gold = sum(1 for g in gold_sets if any(shares(g, p) for p in pred_sets))
    hit_pred = sum(1 for p in pred_sets if any(shares(g, p) for g in gold_sets))
    return Counts(hit_pred, len(pred_sets), hit_gold, len(gold_sets))
