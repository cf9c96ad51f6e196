"""The figure gold (tests/gold/figures/) checked against its own texts: a pair of names the
scorer asks to be merged must be measurable, whatever storyline does."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from storyline.ingest import Cluster, read_clusters

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "figures"
SAMPLE = ROOT.parent / "shared" / "data" / "multinews" / "original_sample.jsonl"

# Words that may stand before a name without being part of it ("Gov. Jay Nixon",
# "Environment Minister Robert Hill"): a title written in full, which the gold then also
# writes without it. A capitalised word not in this list is taken for a given name.
_TITLE_WORDS = frozenset(
    "president minister chief mayor commissioner reporter judge justice colonel general governor "
    "senator speaker secretary director chairman chair the former sheriff captain detective "
    "professor prof doctor dr pope king queen prince princess sir lady lord rabbi father prosecutor "
    "lawyer attorney spokesman spokeswoman officer".split()
)


@cache
def _texts(source: Path) -> dict[str, list[str]]:
    return {c.id: [a.text for a in c.articles] for c in read_clusters(source) if isinstance(c, Cluster)}


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def _word_before_is_a_title(short: str, long: str) -> bool:
    """ "Jay Nixon" in "Gov. Jay Nixon": what stands before the short name is a title, a
    lower-case word ("executive director") or a possessive, not a given name."""
    at = re.search(r"(?<!\w)" + re.escape(short) + r"$", long)
    if at is None:
        return False  # "Otis" in "Otis Air Force Base": a head word, not a name's tail
    before = long[: at.start()].split()
    if not before:
        return False
    word = before[-1]
    return (
        word.endswith(".")
        or not word[:1].isupper()
        or word.endswith(("'s", "’s"))
        or word.lower().strip(".") in _TITLE_WORDS
    )


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_every_short_name_of_a_same_entity_pair_is_written_alone(path: Path) -> None:
    """ "Ahmet Ercan"/"Ercan" measures nothing where "Ercan" is never written without
    "Ahmet": no report could hold the short form, so the pair could only be missed."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = (ROOT / gold.get("input", str(SAMPLE))).resolve()
    if not source.exists():
        pytest.skip(f"no input: {source}")
    texts = _texts(source)[gold["id"]]
    if "documents" in gold:
        clusters = {c.id: c for c in read_clusters(source) if isinstance(c, Cluster)}
        by_id = {a.id: a.text for a in clusters[gold["id"]].articles}
        texts = [by_id[d] for d in gold["documents"]]
    text = "\n".join(texts)
    unmeasurable = []
    for a, b in gold["same_entity"]:
        short, long = sorted((a, b), key=len)
        if not re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long) or _word_before_is_a_title(
            short, long
        ):
            continue
        # As written, or in capitals ("GEOFF GARIN" in a transcript), not as a common word
        # ("Rice" is not written alone where only "rice" is)
        rest = text.replace(long, " ").replace(long.upper(), " ")
        forms = (short, short.upper())
        if not any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", rest) for f in forms):
            unmeasurable.append((a, b))
    assert not unmeasurable, f"short names never written alone in {path.name}: {unmeasurable}"
