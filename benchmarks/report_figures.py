"""Figures, disagreements, name merges and quote speakers against tests/gold/figures/.

    .venv/bin/python benchmarks/report_figures.py [--split dev|held_out|all] [--json FILE]

Each gold file (tests/gold/figures/README.md) groups a cluster's figures into the
quantities they measure, lists pairs that must not be reported as disagreements,
same-entity and different-entity name pairs, and quotes with their speakers. It was
written from the texts before any output was looked at. Its cluster is read from the
file its `input` names (the Multi-News original sample, or DUC wire sets). The scores:

- figures found: gold (doc, value) pairs that some claim of the report carries;
- disagreements: a gold pair is two values of one quantity from different reports
  that differ (and are not marked compatible); a predicted pair is two values of
  one disagreeing claim from different reports that differ. Precision counts only
  predicted pairs whose two values are both annotated; recall counts gold pairs;
- negatives reported: the share of `not_disagreements` pairs that a disagreeing
  claim holds together;
- merges: same-entity pairs whose names fall in one entity; wrong merges:
  different-entity pairs that do; "titles read" also reads a gold name that no entity of the
  report holds as the person's name after its title or role, where a person of the report
  is called by its last two or more words ("former Sen. Bill Bradley", "Pentagon press
  secretary George Little": storyline names people without such words before them);
- speakers: of gold quotes found (all keywords inside one quote of that report),
  those whose speaker names the gold speaker's last word; "names folded" also counts a
  speaker that differs only by an apostrophe ("McCann’s" as the text writes it, "McCanns"
  in the gold) or that the report's entities hold as one name with the gold's ("ICC" and
  "International Criminal Court"), so storyline's own merges decide it (wrong merges
  are measured apart);
- quotes with no speaker (`no_speaker`: scare quotes, titles) that the report credits to
  someone, and narration beside quotes (`not_quotes`) that the report takes for a quote:
  both wrong, each of the gold entries of that kind (files that list them);
- citations with the same figures: of the citations (beyond the origin) of summary
  sentences that state a number, the share whose source states every number of the
  sentence (`numbers_of`: digits and number words, not years, dates or times). This
  needs no gold, so `--citations` also reports it for the bundled example and for the
  sample clusters without figure gold.

Development and held-out files are scored separately (`split` in each file).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from storyline.analyze._claims import parse_number
from storyline.analyze._entities import TITLES
from storyline.analyze._quotes import _ROLES
from storyline.ingest import Cluster, read_clusters, read_files
from storyline.model import Claim, Story
from storyline.pipeline import Reporter
from storyline.text import content_words

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "figures"
SAMPLE = ROOT.parent / "shared" / "data" / "multinews" / "original_sample.jsonl"
EXAMPLE = ROOT / "examples" / "kessport-fire"

Value = tuple[str, float]


def _v(item: dict[str, Any]) -> Value:
    return (str(item["doc"]), float(item["value"]))


def gold_pairs(gold: dict[str, Any]) -> tuple[set[Value], set[frozenset[Value]]]:
    figures: set[Value] = set()
    positive: set[frozenset[Value]] = set()
    for quantity in gold["quantities"]:
        values = [_v(v) for v in quantity["values"]]
        figures.update(values)
        compatible = {frozenset((_v(a), _v(b))) for a, b in quantity.get("compatible", [])}
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                pair = frozenset((a, b))
                if a[0] != b[0] and a[1] != b[1] and pair not in compatible:
                    positive.add(pair)
    return figures, positive


def _by_article_id(gold: dict[str, Any], articles: list[Any]) -> dict[str, Any]:
    """The gold with each `doc` (a report's index in its cluster) written as that report's
    article id, which the report's values carry (the same string in the Multi-News sample,
    the wire id in DUC)."""
    ids = [a.id for a in articles]

    def fix(item: Any) -> Any:
        if isinstance(item, dict):
            return {k: ids[int(v)] if k == "doc" else fix(v) for k, v in item.items()}
        if isinstance(item, list):
            return [fix(v) for v in item]
        return item

    fixed = ("quantities", "not_disagreements", "speakers", "no_speaker", "not_quotes")
    return {k: fix(v) if k in fixed else v for k, v in gold.items()}


_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen"
)
_UNIT = "one|" + "|".join(_WORDS.split()[:8])
_NUMBER = re.compile(
    rf"(?<![\w.,:/-])(\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{'|'.join(_WORDS.split())})(?:-(?:{_UNIT}))?\b)"
    rf"(?:\s+(?:hundred|thousand|million|billion|trillion)|(?:m|bn|k)\b)?(?![:/\d]|[.,]\d|st\b|nd\b|rd\b|th\b)",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|^\s*(jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def numbers_of(text: str) -> set[float]:
    """The numbers a text states: digits and number words with their scale ("20C" and
    "10km" give 20 and 10), not years (1800-2100 in four digits), days of a month, clock
    times or ordinals."""
    found = set()
    for match in _NUMBER.finditer(text):
        word = match.group(0)
        if re.fullmatch(r"(18|19|20)\d\d", word):
            continue
        if _MONTHS.search(text[max(match.start() - 10, 0) : match.start()]) or _MONTHS.search(
            text[match.end() : match.end() + 10]
        ):
            continue  # "March 7", "7 March"
        value = parse_number(word)
        if value is not None:
            found.add(value)
    return found


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+|\n+")


def citation_counts(story: Story) -> tuple[int, int]:
    """(citations whose source states every number of the summary sentence, citations)
    over the summary sentences that state a number, the origin not counted.

    A source states a number when one of its sentences gives that number and shares at
    least two content words with the summary sentence (so "40 fire engines" does not
    back "more than 40 people were treated"). The number must be the same: "41 treated"
    does not state "more than 40", though it does not contradict it.
    """
    stated: dict[str, list[tuple[set[float], set[str]]]] = {
        d.article.id: [(numbers_of(s), content_words(s)) for s in _SENTENCE_END.split(d.article.text)]
        for d in story.documents
    }
    same = total = 0
    for sentence in story.summary.sentences:
        numbers = numbers_of(sentence.text)
        if not numbers:
            continue
        words = content_words(sentence.text)
        for source in sentence.sources:
            if source == sentence.origin:
                continue
            total += 1
            same += all(
                any(n in found and len(words & theirs) >= 2 for found, theirs in stated.get(source, []))
                for n in numbers
            )
    return same, total


def rival_pairs(claim: Claim) -> set[frozenset[Value]]:
    """The pairs of figures a disagreement sets against each other: figures of two reports,
    of different values, in different readings (`Claim.readings`: the figures of one
    reading agree, as "over 12,000" and "some 12,040"). What the report shows is read as
    shown: a hedged figure of one reading that would fit a figure of another ("at least
    four" and the next reading's 7) still counts, as the reader sees two readings. A claim
    without readings (written before they existed) sets every such pair against each other."""
    values = [(v.source, v.value) for v in claim.values]
    readings = claim.readings or tuple(range(len(values)))
    return {
        frozenset((a, b))
        for a, ra in zip(values, readings, strict=True)
        for b, rb in zip(values, readings, strict=True)
        if a[0] != b[0] and a[1] != b[1] and ra != rb
    }


def score(story: Story, gold: dict[str, Any]) -> dict[str, int]:
    figures, positive = gold_pairs(gold)
    found = {(v.source, v.value) for c in story.claims for v in c.values}
    predicted: set[frozenset[Value]] = set()
    stated: set[frozenset[Value]] = set()  # those of the disagreements stated plainly (`confident`)
    for claim in story.claims:
        if not claim.disagreement:
            continue
        pairs = rival_pairs(claim)
        predicted |= pairs
        if claim.confident:
            stated |= pairs
    judged = {p for p in predicted if p <= figures}
    judged_stated = {p for p in stated if p <= figures}
    negatives = [frozenset((_v(n["a"]), _v(n["b"]))) for n in gold["not_disagreements"]]
    together = set()
    together_stated = set()
    for claim in story.claims:
        if claim.disagreement:
            pairs = rival_pairs(claim)
            together |= {n for n in negatives if n in pairs}
            if claim.confident:
                together_stated |= {n for n in negatives if n in pairs}
    names = [{e.name.lower(), *(a.lower() for a in e.aliases)} for e in story.entities]
    # Names as storyline writes them: a hyphen without the spaces an archive's tokenizer set
    # around it ("Strauss - Kahn" in the text, "Strauss-Kahn" in the report).
    joined = [{_HYPHEN.sub("-", n) for n in group} for group in names]

    def merged(a: str, b: str) -> bool:
        a, b = _HYPHEN.sub("-", a.lower()), _HYPHEN.sub("-", b.lower())
        return any(a in n and b in n for n in joined)

    held = set().union(*joined) if joined else set()
    people = set().union(*(n for n, e in zip(joined, story.entities, strict=True) if e.type == "PERSON"))

    def untitled(name: str) -> str:
        """A gold name no entity holds, as the person's name after its title or role: the
        longest run of two or more of its last words that a person of the report is called,
        right after a word for a title or role ("former Sen. Bill Bradley" -> "bill
        bradley", "Pentagon press secretary George Little" -> "george little"; not "Friends
        of Newt Gingrich"); else the name."""
        name = _HYPHEN.sub("-", name.lower())
        if name in held:
            return name
        words = name.split()
        return next(
            (
                " ".join(words[k:])
                for k in range(1, len(words) - 1)
                if " ".join(words[k:]) in people and words[k - 1].rstrip(".").split("-")[-1] in _TITLE_WORDS
            ),
            name,
        )

    def merged_untitled(a: str, b: str) -> bool:
        return merged(untitled(a), untitled(b))

    quotes_found = speakers_right = speakers_named = 0
    for quote in gold["speakers"]:
        hits = [
            q
            for q in story.quotes
            if quote["doc"] in q.sources and all(k.lower() in q.text.lower() for k in quote["keywords"])
        ]
        if hits:
            quotes_found += 1
            last = quote["speaker"].split()[-1].lower()
            speakers_right += any(last in (q.speaker or "").lower() for q in hits)
            speakers_named += any(_same_speaker(quote["speaker"], q.speaker, names) for q in hits)

    def quoted(doc: str, keywords: list[str]) -> list[Any]:
        return [
            q for q in story.quotes if doc in q.sources and all(k.lower() in q.text.lower() for k in keywords)
        ]

    # Quotes with nobody to credit (scare quotes, titles), and narration next to quotes.
    unspoken = [quoted(q["doc"], q["keywords"]) for q in gold.get("no_speaker", [])]
    narration = [quoted(n["doc"], n["keywords"]) for n in gold.get("not_quotes", [])]
    cited_same, cited = citation_counts(story)
    return {
        "cited_same": cited_same,
        "cited": cited,
        "figures_gold": len(figures),
        "figures_found": len(figures & found),
        "dis_gold": len(positive),
        "dis_found": len(positive & predicted),
        "dis_pred": len(judged),
        "dis_right": len(judged & positive),
        "neg": len(negatives),
        "neg_reported": len(together),
        "stated_found": len(positive & stated),
        "stated_pred": len(judged_stated),
        "stated_right": len(judged_stated & positive),
        "neg_stated": len(together_stated),
        "same": len(gold["same_entity"]),
        "merged": sum(merged(a, b) for a, b in gold["same_entity"]),
        "diff": len(gold["different_entity"]),
        "wrong_merges": sum(merged(a, b) for a, b in gold["different_entity"]),
        "merged_untitled": sum(merged_untitled(a, b) for a, b in gold["same_entity"]),
        "wrong_untitled": sum(merged_untitled(a, b) for a, b in gold["different_entity"]),
        "quotes": len(gold["speakers"]),
        "quotes_found": quotes_found,
        "speakers_right": speakers_right,
        "speakers_named": speakers_named,
        "unspoken_found": sum(bool(h) for h in unspoken),
        "unspoken_credited": sum(any(q.speaker for q in h) for h in unspoken),
        "narration": len(narration),
        "narration_quoted": sum(bool(h) for h in narration),
    }


_HYPHEN = re.compile(r"\s+-\s+")
_TITLE_WORDS = TITLES | _ROLES
"""Words for a title or role before a person's name ("sen", "secretary", "reporter";
"ex-mayor" by its last part): storyline's lists of titles and of roles a speaker is given."""


def _fold(name: str) -> str:
    """A name's last word in lower case, apostrophes out: "McCann’s" and "McCanns" agree."""
    words = name.split()
    return re.sub(r"['’]", "", words[-1].lower()) if words else ""


def _same_speaker(gold: str, speaker: str | None, names: list[set[str]]) -> bool:
    """The speakers rule with names folded: the gold speaker's last word in the speaker once
    apostrophes are out, or the two are names of one entity of the report ("ICC" and
    "International Criminal Court" where the report merged them). A gold speaker written
    as a description, not a name ("an aviation specialist who spoke on condition of
    anonymity", "the captain of the Aeroperu Boeing 757") is the speaker whose last word is
    the description's head noun, read alike ("specialist", "Another aviation specialist";
    "one women in the zone" for "a woman in the zone shaken Monday")."""
    if not speaker:
        return False
    if _fold(gold) and _fold(gold) in re.sub(r"['’]", "", speaker.lower()):
        return True
    head = _head_noun(gold)
    if head and _singular(_fold(_DESCRIPTION_END.split(speaker, maxsplit=1)[0])) == head:
        return True
    return any(gold.lower() in n and speaker.lower() in n for n in names)


_DESCRIPTION_END = re.compile(r",| (?:who|that|which|of|at|in|on|by|from|for|with|familiar)\b")


def _head_noun(gold: str) -> str:
    """The head noun of a gold speaker written as a description (it opens with a lower-case
    word): the last word before its first comma, relative pronoun or preposition, in the
    singular ("some victims who survived" gives "victim"); "" for a name."""
    if not gold[:1].islower():
        return ""
    lead = _DESCRIPTION_END.split(gold, maxsplit=1)[0]
    return _singular(_fold(lead))


def _singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"  # "women", "spokesmen"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _ratio(a: int, b: int) -> str:
    return "–" if b == 0 else f"{a / b:.2f} ({a}/{b})"


def table(title: str, s: dict[str, int]) -> str:
    rows = [
        ("figures found", _ratio(s["figures_found"], s["figures_gold"])),
        ("disagreement precision", _ratio(s["dis_right"], s["dis_pred"])),
        ("disagreement recall", _ratio(s["dis_found"], s["dis_gold"])),
        ("negatives reported as disagreements", _ratio(s["neg_reported"], s["neg"])),
        ("stated plainly (`confident`): precision", _ratio(s["stated_right"], s["stated_pred"])),
        ("stated plainly: recall", _ratio(s["stated_found"], s["dis_gold"])),
        ("negatives stated plainly as disagreements", _ratio(s["neg_stated"], s["neg"])),
        ("same-entity pairs merged", _ratio(s["merged"], s["same"])),
        ("different-entity pairs merged (wrong)", _ratio(s["wrong_merges"], s["diff"])),
        ("same-entity pairs merged, titles read", _ratio(s.get("merged_untitled", 0), s["same"])),
        ("different-entity pairs merged, titles read (wrong)", _ratio(s.get("wrong_untitled", 0), s["diff"])),
        ("quotes found", _ratio(s["quotes_found"], s["quotes"])),
        ("speakers right (of found)", _ratio(s["speakers_right"], s["quotes_found"])),
        ("speakers right, names folded (of found)", _ratio(s.get("speakers_named", 0), s["quotes_found"])),
        (
            "quotes with no speaker given one (wrong)",
            _ratio(s.get("unspoken_credited", 0), s.get("unspoken_found", 0)),
        ),
        ("narration taken for a quote (wrong)", _ratio(s.get("narration_quoted", 0), s.get("narration", 0))),
        ("citations with the same figures", _ratio(s["cited_same"], s["cited"])),
    ]
    lines = [f"### {title}", "", "| measure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "held_out", "all"], default="all")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--citations",
        action="store_true",
        help="also measure citations on the bundled example and the sample clusters without figure gold",
    )
    args = parser.parse_args()
    sample = {c.id: c.articles for c in read_clusters(SAMPLE) if isinstance(c, Cluster)}
    clusters = dict(sample)
    inputs = {SAMPLE.resolve()}
    reporter = Reporter()
    totals: dict[str, dict[str, int]] = {}
    per_cluster: dict[str, dict[str, int]] = {}
    n_clusters: dict[str, int] = {}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if args.split != "all" and gold["split"] != args.split:
            continue
        source = (ROOT / gold.get("input", str(SAMPLE))).resolve()
        if gold["id"] not in clusters and source not in inputs and source.exists():
            # Another input file (DUC wire sets, say): its clusters are read once.
            inputs.add(source)
            clusters.update({c.id: c.articles for c in read_clusters(source) if isinstance(c, Cluster)})
        if gold["id"] not in clusters:
            print(f"skipped {path.name}: no input", file=sys.stderr)
            continue
        articles = clusters[gold["id"]]
        if "documents" in gold:  # a few reports of a long input cluster (a topic followed for years)
            by_id = {a.id: a for a in articles}
            articles = [by_id[d] for d in gold["documents"]]
        counts = score(reporter(articles, cluster_id=gold["id"]), _by_article_id(gold, articles))
        # By file: several files may take reports of one input cluster (a topic followed for years).
        per_cluster[path.stem] = counts
        n_clusters[gold["split"]] = n_clusters.get(gold["split"], 0) + 1
        split = totals.setdefault(gold["split"], {})
        for key, value in counts.items():
            split[key] = split.get(key, 0) + value
    for split, counts in totals.items():
        print(table(f"{split} ({n_clusters[split]} clusters)", counts))
        print()
    citations: dict[str, list[int]] = {}
    if args.citations:
        citations = _citations(reporter, sample)
        print("### citations with the same figures, no gold needed")
        print()
        print("| clusters | value |")
        print("|---|---|")
        for name, (same, total) in citations.items():
            print(f"| {name} | {_ratio(same, total)} |")
        print()
    if args.json:
        out = {"totals": totals, "clusters": per_cluster, "citations": citations}
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


def _citations(reporter: Reporter, clusters: dict[str, Any]) -> dict[str, list[int]]:
    """Citation counts for the bundled example and the sample clusters without figure
    gold: every cluster with a gold file (here or in tests/gold/) is left out, held-out
    ones with them, so this set can be read while building."""
    held_out = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in GOLD.glob("*.json")}
    held_out |= {p.stem for p in GOLD.parent.glob("girasella-sample-*.json")}
    example = citation_counts(reporter(read_files([EXAMPLE])[0], cluster_id="kessport-fire"))
    same = total = 0
    for cluster_id, articles in clusters.items():
        if cluster_id not in held_out:
            s, t = citation_counts(reporter(articles, cluster_id=cluster_id))
            same, total = same + s, total + t
    return {"bundled example": list(example), "sample clusters without gold": [same, total]}


if __name__ == "__main__":
    raise SystemExit(main())
