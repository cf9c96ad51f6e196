"""Per-article features: the part of clustering that needs no state, so it can run anywhere.

An article becomes:

- a dense vector (the embedder, on its title and lead);
- hashed term counts of its **lead** (title and first `lead_words` words), which decide
  stories: the lead says what the event is, and cutting every article to the same length
  makes a similarity mean the same thing for a 150-word brief and an 800-word wire story;
- hashed term counts of its **full text** (up to `max_words` words), which decide threads;
- hashed **names**: capitalized words that do not open a sentence, and acronyms ("Pinochet",
  "Garzon", "WTO"), a cheap stand-in for named entities (spaCy NER runs at ~100 articles/s,
  far below the 2,000/s target);
- a MinHash signature of its opening word 3-shingles, for near-duplicates.

Nothing here depends on the stream seen so far: IDF weighting and every decision happen
in the clusterer, which is why features computed in a helper process or on Ray workers
give the same assignments as features computed in process. Hashes are computed from the
characters (never Python's `hash()`, which differs between processes).
"""

from __future__ import annotations

import functools
import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.cluster import _kernels as K
from storyline.cluster._options import ClusterOptions
from storyline.embed import Embedder, Vectors, make_embedder
from storyline.model import Article
from storyline.text import has_split_mojibake, repair_mojibake

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
# scikit-learn's default token pattern: words of two or more characters.
_TOKEN = re.compile(r"\b\w\w+\b")
# A capitalized word or an acronym; `_names` drops those that open a sentence.
_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’-]*[A-Za-z]")
_SENTENCE_END = frozenset('.!?"“”:;\n')
_TOKEN_CHARS = 24  # longer tokens are cut to this many characters before hashing
# A Mersenne prime for the universal hash family of MinHash (Broder, 1997).
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_K1, _K2 = np.uint64(0x9E3779B1), np.uint64(0x85EBCA77)  # odd constants mixing three word hashes
_POWERS = np.array([pow(1_000_003, i, 1 << 64) for i in range(_TOKEN_CHARS)], dtype=np.uint64)
# Capitalized words that name nothing: pronouns, days, months, titles, wire boilerplate.
_NOT_NAMES = frozenset(
    """i mr mrs ms dr sen rep gov gen st monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    ap afp reuters xinhua nyt upi said says according president minister officials""".split()
)


def _stop_words() -> frozenset[str]:
    return _sklearn_stop_words() | _NOT_NAMES


@functools.cache
def _sklearn_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the Glasgow IR list), read from its module's
    source as a literal: importing scikit-learn for a list of words costs 2-9 s (it
    imports scipy), more than clustering 10,000 articles. The import is the fallback."""
    import ast
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("sklearn")
        locations = list(spec.submodule_search_locations or []) if spec else []
        source = (Path(locations[0]) / "feature_extraction" / "_stop_words.py").read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if (
                isinstance(node, ast.Assign)
                and [getattr(t, "id", None) for t in node.targets] == ["ENGLISH_STOP_WORDS"]
                and isinstance(node.value, ast.Call)
                and len(node.value.args) == 1
            ):
                words = ast.literal_eval(node.value.args[0])
                if isinstance(words, (list, set, tuple)) and len(words) > 100:
                    return frozenset(str(w) for w in words)
    except (OSError, SyntaxError, ValueError, IndexError):
        pass
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@dataclass(frozen=True, slots=True)
class Features:
    """Features of a batch of articles, row i for article i."""

    dense: Vectors
    lead_indices: list[npt.NDArray[np.int64]]
    lead_counts: list[npt.NDArray[np.float32]]
    full_indices: list[npt.NDArray[np.int64]]
    full_counts: list[npt.NDArray[np.float32]]
    name_indices: list[npt.NDArray[np.int64]]
    name_counts: list[npt.NDArray[np.float32]]
    signatures: npt.NDArray[np.uint64]
    n_words: npt.NDArray[np.int64]
    has_text: list[bool]

    def __len__(self) -> int:
        return len(self.has_text)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with each list of rows as one array and its row lengths: a batch of 512
        articles holds ~3,000 small arrays, which pickle one by one cost ~20 ms to write (in
        the featurizing helper) and ~20 ms to read (in the deciding process), per batch
        (docs/benchmarks.md, issue 11). Unpickled, the rows are views of that array, each
        the same dtype, shape and values as before."""
        return (
            _unpack_features,
            (
                self.dense,
                *(_pack_rows(rows) for rows in (self.lead_indices, self.lead_counts, self.full_indices)),
                *(_pack_rows(rows) for rows in (self.full_counts, self.name_indices, self.name_counts)),
                self.signatures,
                self.n_words,
                self.has_text,
            ),
        )


_Packed = tuple[npt.NDArray[Any], list[int]] | list[npt.NDArray[Any]]


def _pack_rows(rows: list[npt.NDArray[Any]]) -> _Packed:
    """One array and the row lengths, when the rows are 1-D arrays of one dtype (else the list)."""
    if not rows or any(type(r) is not np.ndarray or r.ndim != 1 or r.dtype != rows[0].dtype for r in rows):
        return rows
    return np.concatenate(rows), [len(r) for r in rows]


def _unpack_rows(packed: _Packed) -> list[npt.NDArray[Any]]:
    if isinstance(packed, list):
        return packed
    flat, lengths = packed
    rows = []
    start = 0
    for length in lengths:
        rows.append(flat[start : start + length])
        start += length
    return rows


def _unpack_features(
    dense: Vectors,
    lead_i: _Packed,
    lead_c: _Packed,
    full_i: _Packed,
    full_c: _Packed,
    name_i: _Packed,
    name_c: _Packed,
    signatures: npt.NDArray[np.uint64],
    n_words: npt.NDArray[np.int64],
    has_text: list[bool],
) -> Features:
    return Features(
        dense,
        _unpack_rows(lead_i),
        _unpack_rows(lead_c),
        _unpack_rows(full_i),
        _unpack_rows(full_c),
        _unpack_rows(name_i),
        _unpack_rows(name_c),
        signatures,
        n_words,
        has_text,
    )


class Featurizer:
    """Computes `Features`; holds the embedding model, so make one per process."""

    def __init__(self, options: ClusterOptions) -> None:
        self.options = options
        self._embedder: Embedder | None = None
        self._stop = _stop_words()
        self._stop_hashes = np.sort(_hash_tokens(sorted(self._stop)))
        rng = np.random.default_rng(1)  # fixed: signatures must match across processes and runs
        # Below 2**31, so that a * hash + b (hash < 2**32) never overflows 64 bits.
        self._a = rng.integers(1, 1 << 31, size=options.num_perm, dtype=np.uint64)
        self._b = rng.integers(0, 1 << 31, size=options.num_perm, dtype=np.uint64)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.options.embedder, model=self.options.model)
        return self._embedder

    def __call__(self, articles: list[Article]) -> Features:
        opt = self.options
        # Very long articles are cut (by characters first, so a 50 MB text costs nothing more).
        texts = [_full_text(a)[: opt.max_words * 12] for a in articles]
        has_text = [bool(a.text.strip()) for a in articles]
        if opt.retrieval in ("postings", "sketch"):
            dense = np.zeros((len(articles), 0), dtype=np.float32)  # not used: skip the model
        elif articles:
            dense = self.embedder.embed([" ".join(t.split()[: opt.embed_words]) for t in texts])
        else:
            dense = np.zeros((0, 1), dtype=np.float32)
        n = len(texts)
        lead_i, lead_c, full_i, full_c, name_i, name_c = [], [], [], [], [], []
        signatures = np.zeros((n, opt.num_perm), dtype=np.uint64)
        n_words = np.zeros(n, dtype=np.int64)
        for row, text in enumerate(texts):
            codes = _code_points(text)
            # ASCII (most news text) is below the table; str knows that without a scan
            astral = not text.isascii() and bool(len(codes)) and int(codes.max()) >= _TABLE_SIZE
            n_words[row], lead, full, signatures[row] = self._arrays(text)
            lead_i.append(lead[0])
            lead_c.append(lead[1])
            full_i.append(full[0])
            full_c.append(full[1])
            idx, counts = self._names(text) if astral else self._fast_names(codes)
            name_i.append(idx)
            name_c.append(counts)
        return Features(dense, lead_i, lead_c, full_i, full_c, name_i, name_c, signatures, n_words, has_text)

    def _arrays(
        self, text: str
    ) -> tuple[int, tuple[IntArray, FloatArray], tuple[IntArray, FloatArray], npt.NDArray[np.uint64]]:
        """Words, lead and full-text term counts and the MinHash signature of one text, in
        compiled loops (`_kernels`); the same numbers as the numpy definitions below."""
        opt = self.options
        lower = text.lower()
        codes = _code_points(lower)
        if not lower.isascii() and len(codes) and int(codes.max()) >= _TABLE_SIZE:  # beyond the table: numpy
            hashes = self._token_hashes(text)[: opt.max_words]
            lead, full = _counts(hashes[: opt.lead_words], opt.n_features), _counts(hashes, opt.n_features)
            return len(hashes), lead, full, self._signature(hashes[: opt.shingle_words])
        hashes = K.token_hashes(codes, _word_chars(), self._stop_hashes, _POWERS, opt.max_words)
        lead = K.term_counts(hashes[: opt.lead_words], opt.n_features)
        full = K.term_counts(hashes, opt.n_features)
        return len(hashes), lead, full, K.min_hash(hashes[: opt.shingle_words], self._a, self._b)

    def _token_hashes(self, text: str) -> npt.NDArray[np.uint64]:
        """A 64-bit hash of each content word, in text order, vectorized over the characters."""
        stop = self._stop
        return _hash_tokens([t for t in _TOKEN.findall(text.lower()) if t not in stop])

    def _fast_names(self, codes: npt.NDArray[np.uint32]) -> tuple[IntArray, FloatArray]:
        """`_names` in a compiled loop, for a text given as its code points (all below 65,536)."""
        ids = K.name_ids(codes, _word_chars(), self._stop_hashes, _POWERS, _CRC, self.options.n_features)
        counts: tuple[IntArray, FloatArray] = K.term_counts(ids, self.options.n_features)
        return counts

    def _names(self, text: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Hashed names (sorted) with sublinear counts."""
        found: list[int] = []
        stop = self._stop
        for match in _CAPITAL.finditer(text):
            word = match.group()
            start = match.start()
            before = text[max(0, start - 3) : start].rstrip(" ([‘'")
            if not before or before[-1] in _SENTENCE_END:
                continue  # a capital after a sentence end says nothing
            key = word.lower().replace("’", "'")
            if key in stop or len(key) < 2:
                continue
            found.append(zlib.crc32(("name:" + key).encode()) % self.options.n_features)
        return _counts(np.array(found, dtype=np.uint64), self.options.n_features)

    def _signature(self, hashes: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
        """MinHash of word 3-shingles: datasketch's "legacy" scheme, (a*h + b) mod (2^61 - 1), vectorized."""
        words = hashes & _MAX_HASH
        if len(words) >= 3:  # a shingle's hash from its words' hashes: no string joining
            shingles = (words[:-2] * _K1 + words[1:-1] * _K2 + words[2:]) & _MAX_HASH
        elif len(words):
            shingles = words
        else:
            shingles = np.zeros(1, dtype=np.uint64)
        permuted = (np.outer(self._a, shingles) + self._b[:, None]) % _PRIME & _MAX_HASH
        result: npt.NDArray[np.uint64] = permuted.min(axis=1)
        return result


def _hash_tokens(tokens: list[str]) -> npt.NDArray[np.uint64]:
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    chars = np.array(tokens, dtype=f"<U{_TOKEN_CHARS}").view(np.uint32).reshape(len(tokens), -1)
    hashes: npt.NDArray[np.uint64] = chars.astype(np.uint64) @ _POWERS[: chars.shape[1]]
    hashes ^= hashes >> np.uint64(29)  # spread the high bits into the low ones
    return hashes


def _code_points(text: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)


_CRC = K.crc_table()
_TABLE_SIZE = 65536


@functools.cache
def _word_chars() -> npt.NDArray[np.bool_]:
    """For each code point below 65,536: is it a regex word character (`\\w`)? Built once
    per process (~50 ms); texts with code points beyond it take the numpy path."""
    word = re.compile(r"\w")
    return np.array([word.match(chr(c)) is not None for c in range(_TABLE_SIZE)], dtype=np.bool_)


def _counts(
    hashes: npt.NDArray[np.uint64], n_features: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    """Hashed term ids (sorted, unique) with sublinear term frequencies 1 + log(count)."""
    if not len(hashes):
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    ids = (hashes % np.uint64(n_features)).astype(np.int64)
    idx, counts = np.unique(ids, return_counts=True)
    return idx, (1.0 + np.log(counts)).astype(np.float32)


def _full_text(article: Article) -> str:
    text = f"{article.title}\n{article.text}" if article.title else article.text
    # An archive's split mojibake ("Abbottâ€ ™ s") would make "abbottâ" a word of its own.
    return "\n".join(repair_mojibake(text)) if has_split_mojibake(text) else text
