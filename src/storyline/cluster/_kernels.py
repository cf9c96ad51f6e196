"""The online clusterer's inner loops, compiled with numba.

Each article's decision touches a few dozen candidate groups, each a sparse vector of up to
`MAX_TERMS` terms. In numpy that is many small calls per article, and the calls, not the
arithmetic, set the speed (docs/benchmarks.md, issue 11). These functions do the same
arithmetic in loops that numba compiles once (`cache=True`: the machine code is kept next
to this file, or in numba's user cache when that is not writable) and the decider calls
one function where it made ten numpy calls.

The data they work on:

- ragged rows (`Ragged`): each story's or thread's term ids, sorted, and their summed
  weights, pooled in two arrays;
- postings: an inverted index from a term to the last `POSTING_LENGTH` groups that posted
  it, kept as a ring per term in one 2-D array (`Postings`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

import numpy as np
import numpy.typing as npt

F = TypeVar("F", bound=Callable[..., Any])
_KERNELS: list[str] = []


def _jit(function: F) -> F:
    """Compile `function` with numba when any kernel is first called.

    numba is imported then, not with storyline (it costs ~0.3 s and ~60 MB that commands
    which never cluster should not pay). At that first call every kernel in this module
    becomes a numba dispatcher at once, so kernels that call kernels compile against
    dispatchers; numba compiles each on its first call, or loads it from its cache.
    """
    _KERNELS.append(function.__name__)

    @functools.wraps(function)
    def first_call(*args: Any) -> Any:
        _compile_all()
        return globals()[function.__name__](*args)

    return cast(F, first_call)


def _compile_all() -> None:
    import numba

    module = globals()
    for name in _KERNELS:
        wrapper = module[name]
        if not isinstance(wrapper, numba.core.dispatcher.Dispatcher):
            module[name] = numba.njit(cache=True, nogil=True)(wrapper.__wrapped__)


IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


class Ragged:
    """Rows of sorted term ids with summed weights (one row per story or thread), pooled.

    Row g lives in `idx[off[g] : off[g] + length[g]]` and `sums[...]`, in a slot of
    `cap[g]` entries; a row that outgrows its slot moves to the end of the pool with twice
    the room, and the pool is compacted when it fills. Plain arrays, so a compiled
    function takes them at the cost of a pointer.
    """

    def __init__(self, max_terms: int) -> None:
        self.max_terms = max_terms
        self.idx = np.zeros(4096, np.int64)
        self.sums = np.zeros(4096, np.float32)
        self.off = np.zeros(1024, np.int64)
        self.length = np.zeros(1024, np.int64)
        self.cap = np.zeros(1024, np.int64)
        self.norm = np.zeros(1024, np.float64)
        self.n = 0
        self.used = 0

    def __len__(self) -> int:
        return self.n

    def open(self) -> int:
        g = self.n
        if g >= len(self.off):
            size = 2 * len(self.off)
            for key in ("off", "length", "cap", "norm"):
                old = getattr(self, key)
                new = np.zeros(size, old.dtype)
                new[: len(old)] = old
                setattr(self, key, new)
        self.off[g] = self.used
        self.length[g] = self.cap[g] = 0
        self.norm[g] = 0.0
        self.n += 1
        return g

    def add(self, g: int, idx: IntArray, weights: FloatArray) -> None:
        """Add a sparse vector (sorted ids) to row g; keep its `max_terms` heaviest terms."""
        need = 2 * (int(self.length[g]) + len(idx)) + 8
        if self.used + need > len(self.idx):
            self._compact(need)
        self.used = _merge_into(
            self.idx,
            self.sums,
            self.off,
            self.length,
            self.cap,
            self.norm,
            g,
            idx,
            weights,
            self.max_terms,
            self.used,
        )

    def row(self, g: int) -> tuple[IntArray, FloatArray]:
        a, b = int(self.off[g]), int(self.off[g] + self.length[g])
        return self.idx[a:b], self.sums[a:b]

    def _compact(self, need: int) -> None:
        live = int(self.cap[: self.n].sum())
        size = max(4096, 2 * (live + need))
        idx, sums = np.zeros(size, np.int64), np.zeros(size, np.float32)
        self.used = _compact(self.idx, self.sums, self.off, self.length, self.cap, self.n, idx, sums)
        self.idx, self.sums = idx, sums

    def flatten(self) -> tuple[IntArray, FloatArray, IntArray]:
        """(ids, weights, offsets): row g is ids[offsets[g] : offsets[g + 1]] (the saved form)."""
        n = self.n
        offsets = np.zeros(n + 1, np.int64)
        offsets[1:] = np.cumsum(self.length[:n])
        idx, sums = np.zeros(int(offsets[-1]), np.int64), np.zeros(int(offsets[-1]), np.float32)
        cap = self.length[:n].copy()
        _compact(self.idx, self.sums, self.off[:n].copy(), self.length[:n], cap, n, idx, sums)
        return idx, sums, offsets

    @classmethod
    def from_flat(cls, max_terms: int, idx: IntArray, sums: FloatArray, offsets: IntArray) -> Ragged:
        """The inverse of `flatten` (norms recomputed)."""
        n = len(offsets) - 1
        if n < 0 or offsets[0] != 0 or offsets[-1] != len(idx) or len(sums) != len(idx):
            raise ValueError("ragged offsets do not match")
        if np.any(np.diff(offsets) < 0):
            raise ValueError("ragged offsets go backwards")
        ragged = cls(max_terms)
        size = max(1024, n)
        ragged.off, ragged.length = np.zeros(size, np.int64), np.zeros(size, np.int64)
        ragged.cap, ragged.norm = np.zeros(size, np.int64), np.zeros(size, np.float64)
        ragged.off[:n] = offsets[:-1]
        ragged.length[:n] = ragged.cap[:n] = np.diff(offsets)
        ragged.n = n
        ragged.used = len(idx)
        ragged.idx = np.concatenate([idx.astype(np.int64), np.zeros(4096, np.int64)])
        ragged.sums = np.concatenate([sums.astype(np.float32), np.zeros(4096, np.float32)])
        _norms(ragged.sums, ragged.off, ragged.length, n, ragged.norm)
        return ragged


@_jit
def _merge_into(
    pool_idx: IntArray,
    pool_sum: FloatArray,
    off: IntArray,
    length: IntArray,
    cap: IntArray,
    norm: npt.NDArray[np.float64],
    g: int,
    new_idx: IntArray,
    new_w: FloatArray,
    max_terms: int,
    used: int,
) -> int:
    start = off[g]
    n_old = length[g]
    n_new = new_idx.shape[0]
    out_idx = np.empty(n_old + n_new, np.int64)
    out_sum = np.empty(n_old + n_new, np.float32)
    a = 0
    b = 0
    k = 0
    while a < n_old or b < n_new:
        if b >= n_new or (a < n_old and pool_idx[start + a] < new_idx[b]):
            out_idx[k] = pool_idx[start + a]
            out_sum[k] = pool_sum[start + a]
            a += 1
        elif a >= n_old or new_idx[b] < pool_idx[start + a]:
            out_idx[k] = new_idx[b]
            out_sum[k] = new_w[b]
            b += 1
        else:
            out_idx[k] = pool_idx[start + a]
            out_sum[k] = np.float32(np.float64(pool_sum[start + a]) + np.float64(new_w[b]))
            a += 1
            b += 1
        k += 1
    if k > max_terms:
        # The heaviest `max_terms` (ties to the lower term id), back in term order: every term
        # above the max_terms-th largest weight, then the lowest ids of those equal to it. A
        # partition finds that weight in time linear in k (a sort of a full thread's 2,000
        # terms at each article was most of the cost on a 100,000-article stream).
        cut = np.partition(out_sum[:k].copy(), k - max_terms)[k - max_terms]
        ties = max_terms
        for i in range(k):
            if out_sum[i] > cut:
                ties -= 1
        j = 0
        for i in range(k):
            v = out_sum[i]
            if v > cut or (v == cut and ties > 0):
                if v == cut:
                    ties -= 1
                out_idx[j] = out_idx[i]
                out_sum[j] = v
                j += 1
        k = j  # max_terms, but for a weight that is not a number (never kept)
    if k > cap[g]:  # move to the end of the pool, with room to grow
        start = used
        cap[g] = min(max(2 * k, 8), max(max_terms, k))
        used += cap[g]
        off[g] = start
    total = 0.0
    for i in range(k):
        pool_idx[start + i] = out_idx[i]
        pool_sum[start + i] = out_sum[i]
        total += np.float64(out_sum[i]) * out_sum[i]
    length[g] = k
    norm[g] = np.sqrt(total)
    return used


@_jit
def _compact(
    idx: IntArray,
    sums: FloatArray,
    off: IntArray,
    length: IntArray,
    cap: IntArray,
    n: int,
    out_idx: IntArray,
    out_sum: FloatArray,
) -> int:
    """Copy rows 0..n-1 into the start of out_*, slot after slot; `off` is updated."""
    pos = 0
    for g in range(n):
        a = off[g]
        for i in range(length[g]):
            out_idx[pos + i] = idx[a + i]
            out_sum[pos + i] = sums[a + i]
        off[g] = pos
        pos += cap[g]
    return pos


@_jit
def _norms(sums: FloatArray, off: IntArray, length: IntArray, n: int, norm: npt.NDArray[np.float64]) -> None:
    for g in range(n):
        total = 0.0
        for i in range(off[g], off[g] + length[g]):
            total += np.float64(sums[i]) * sums[i]
        norm[g] = np.sqrt(total)


@_jit
def _row_dot(
    pool_idx: IntArray, pool_sum: FloatArray, a: int, m: int, v_idx: IntArray, v_w: FloatArray
) -> float:
    """Dot product of row [a, a + m) with the vector (both sorted by term).

    A row much longer than the vector is binary-searched for each of the vector's terms;
    otherwise the two are walked together. Either way the float32 products add up in term
    order, so both give the same sum; neither reads memory out of order.
    """
    k = v_idx.shape[0]
    end = a + m
    acc = 0.0
    if k * 8 < m:
        lo = a
        for i in range(k):
            t = v_idx[i]
            hi = end
            while lo < hi:
                mid = (lo + hi) >> 1
                if pool_idx[mid] < t:
                    lo = mid + 1
                else:
                    hi = mid
            if lo == end:
                break
            if pool_idx[lo] == t:
                acc += v_w[i] * pool_sum[lo]
    else:
        i = 0
        while i < k and a < end:
            if v_idx[i] == pool_idx[a]:
                acc += v_w[i] * pool_sum[a]
                i += 1
                a += 1
            elif v_idx[i] < pool_idx[a]:
                i += 1
            else:
                a += 1
    return acc


@_jit
def _dots(
    pool_idx: IntArray,
    pool_sum: FloatArray,
    off: IntArray,
    length: IntArray,
    groups: IntArray,
    v_idx: IntArray,
    v_w: FloatArray,
) -> npt.NDArray[np.float64]:
    """Dot products of the sparse vector (v_idx, v_w) with each group's row (float32
    products, as in numpy, added up in float64)."""
    out = np.zeros(groups.shape[0])
    for j in range(groups.shape[0]):
        out[j] = _row_dot(pool_idx, pool_sum, off[groups[j]], length[groups[j]], v_idx, v_w)
    return out


N_COLUMNS = 12
"""Columns of `_features`: mean term cosine, centroid cosine, dense cosine (filled by the
caller), name cosine, 0 (was the name share, which no model reads now: left empty so the
other columns keep their numbers), log(1 + size), log(1 + gap in days), undated, cohesion
(the group's mean pairwise term cosine, 0 for one article), single (one article), nearest
story (filled by the caller), relative centroid cosine (the centroid cosine over the square
root of the cohesion, `ONE_ARTICLE_COHESION` for one article, at least `MIN_COHESION`)."""

ONE_ARTICLE_COHESION = 0.1
"""A one-article group's cohesion, for the relative centroid cosine (the `single` column
lets a model set it apart)."""
MIN_COHESION = 0.05
"""The least cohesion a group is credited with in the relative centroid cosine. Every gold
topic of the tuning streams is more cohesive (DUC's 60 topics: 0.073 and up; Entities' six,
followed for years: 0.072 and up); 0.05 leaves a margin below both, and on the DUC,
Entities and Multi-News streams the output is the same as with the old floor of 0.01.
With 0.01, a thread that had grown broad read any loosely related article
as typical of it and kept growing: in DUC mixed into the Multi-News val stream
(benchmarks/mixed_stream.py), one thread took 936 val articles and 433 DUC articles of 37
topics (docs/benchmarks.md). The shipped pair model was trained with 0.01; retrained with
0.05 on the same streams, it scores within 0.002 of it, lower on the train and val
streams, so it was kept."""


@_jit
def _features(
    t_idx: IntArray,
    t_sum: FloatArray,
    t_off: IntArray,
    t_len: IntArray,
    t_norm: npt.NDArray[np.float64],
    n_idx: IntArray,
    n_sum: FloatArray,
    n_off: IntArray,
    n_len: IntArray,
    n_norm: npt.NDArray[np.float64],
    count: IntArray,
    first: IntArray,
    last: IntArray,
    groups: IntArray,
    v_idx: IntArray,
    v_w: FloatArray,
    nm_idx: IntArray,
    nm_w: FloatArray,
    day: int,
    undated_day: int,
) -> npt.NDArray[np.float64]:
    k = groups.shape[0]
    x = np.zeros((k, N_COLUMNS))
    terms = _dots(t_idx, t_sum, t_off, t_len, groups, v_idx, v_w)
    names = np.zeros(k)
    if nm_idx.shape[0]:
        names = _dots(n_idx, n_sum, n_off, n_len, groups, nm_idx, nm_w)
    for j in range(k):
        g = groups[j]
        size = np.float64(count[g])
        x[j, 0] = terms[j] / size
        x[j, 1] = terms[j] / max(t_norm[g], 1e-12)
        x[j, 3] = names[j] / max(n_norm[g], 1e-12)
        x[j, 5] = np.log1p(size)
        if day == undated_day or first[g] == undated_day:
            x[j, 7] = 1.0
        else:
            x[j, 6] = np.log1p(np.float64(max(0, first[g] - day, day - last[g])))
        # Unit vectors: |sum|^2 = size + the sum of the pairwise cosines (rows cut to their
        # heaviest terms lose a little of it, never below 0).
        cohesion = ONE_ARTICLE_COHESION
        if size >= 2:
            cohesion = max(0.0, (t_norm[g] * t_norm[g] - size) / (size * (size - 1.0)))
            x[j, 8] = cohesion
        else:
            x[j, 9] = 1.0
        # A member of a broad group is less like its centroid than a member of a tight one:
        # for many articles of mean pairwise cosine c, a typical member's centroid cosine is
        # about sqrt(c), so this reads ~1 for an article as close as the group's own.
        x[j, 11] = x[j, 1] / np.sqrt(max(cohesion, MIN_COHESION))
    return x


@_jit
def logistic(
    x: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], bias: float
) -> npt.NDArray[np.float64]:
    """sigmoid(x @ weights + bias) per row, z clipped to [-40, 40] as `Logistic.probability`."""
    out = np.empty(x.shape[0])
    for j in range(x.shape[0]):
        z = bias
        for c in range(x.shape[1]):
            z += x[j, c] * weights[c]
        z = min(max(z, -40.0), 40.0)
        out[j] = 1.0 / (1.0 + np.exp(-z))
    return out


def features(
    terms: Ragged,
    names: Ragged,
    count: IntArray,
    first: IntArray,
    last: IntArray,
    groups: IntArray,
    vector: tuple[IntArray, FloatArray],
    name_vector: tuple[IntArray, FloatArray],
    day: int,
    undated_day: int,
) -> npt.NDArray[np.float64]:
    """The `N_COLUMNS` features of an article against each group, in one compiled call."""
    result: npt.NDArray[np.float64] = _features(
        terms.idx, terms.sums, terms.off, terms.length, terms.norm,
        names.idx, names.sums, names.off, names.length, names.norm,
        count, first, last, groups, *vector, *name_vector, day, undated_day,
    )  # fmt: skip
    return result


@_jit
def weigh(
    idx: IntArray, tf: FloatArray, doc_freq: FloatArray, prior: FloatArray, n_docs: float
) -> FloatArray:
    """TF-IDF weights to unit length (document frequencies learned so far plus the prior,
    `n_docs` counting the prior's documents)."""
    # In float32 throughout, as numpy computes it for float32 arrays: decisions on long
    # streams cascade, and float64 weights moved DUC thread F1 by 0.005 (docs/benchmarks.md).
    n = idx.shape[0]
    weights = np.empty(n, np.float32)
    with_prior = prior.shape[0] > 0
    docs = np.float32(n_docs + 1.0)
    one = np.float32(1.0)
    for i in range(n):
        df = doc_freq[idx[i]]
        if with_prior:
            df = df + prior[idx[i]]
        weights[i] = tf[i] * (np.log(docs / (df + one)) + one)
    norm = 0.0
    for i in range(n):
        norm += np.float64(weights[i]) * weights[i]
    scale = np.float32(np.sqrt(norm))
    if scale > 0:
        for i in range(n):
            weights[i] = weights[i] / scale
    return weights


@_jit
def weigh_top(
    idx: IntArray, tf: FloatArray, doc_freq: FloatArray, prior: FloatArray, n_docs: float, k: int
) -> tuple[FloatArray, IntArray, bool]:
    """`weigh`, and the positions of the `k` heaviest terms, heaviest first, ties by term id
    (ids are sorted, so by position); `tied` when a term left out weighs as much as the last
    one kept, or a weight is NaN (which ones make the cut is then the caller's rule)."""
    weights = weigh(idx, tf, doc_freq, prior, n_docs)
    n = weights.shape[0]
    m = max(0, min(n, k))
    top = np.empty(m, np.int64)
    if m == 0:
        return weights, top, False
    for i in range(n):
        if weights[i] != weights[i]:
            return weights, top[:0], True  # a NaN: numpy's order (NaN last) is the caller's
    filled = 0
    for i in range(n):
        w = weights[i]
        if filled == m and not w > weights[top[m - 1]]:
            continue  # equal weights keep the earlier (lower id) term
        j = filled if filled < m else m - 1
        while j > 0 and w > weights[top[j - 1]]:
            if j < m:
                top[j] = top[j - 1]
            j -= 1
        top[j] = i
        if filled < m:
            filled += 1
    tied = False
    if n > m and m > 0:
        cut = weights[top[m - 1]]
        at_least = 0
        for i in range(n):
            if weights[i] >= cut:
                at_least += 1
        tied = at_least > m
    return weights, top, tied


class Postings:
    """Term -> the last `length` groups that posted it (a group once per run of posts).

    One ring of `length` slots per term of the hashed term space, allocated with
    `np.zeros` so that the operating system gives memory only to the rows in use
    (128 bytes per term posted; 33 MB at most for 2**18 terms).
    """

    def __init__(self, n_features: int, length: int) -> None:
        self.length = length
        self.slots = np.zeros((n_features, length), np.int32)
        self.heads = np.zeros(n_features, np.int64)
        """How many groups each term has had posted (the next slot is heads % length)."""
        self.order = np.zeros(1024, np.int64)
        """The terms in the order they were first posted (the saved order)."""
        self.n_terms = 0

    def lookup(self, tops: list[tuple[IntArray, FloatArray]], n: int) -> list[int]:
        """Up to `n` groups whose posted terms carry the most of the terms' weight, highest
        first, ties to the most recent (highest) group."""
        terms = tops[0][0] if len(tops) == 1 else np.concatenate([t for t, _ in tops])
        weights = tops[0][1] if len(tops) == 1 else np.concatenate([w for _, w in tops])
        found: list[int] = _lookup(self.slots, self.heads, terms, weights, n).tolist()
        return found

    def post(self, group: int, *tops: tuple[IntArray, FloatArray]) -> None:
        for terms, _ in tops:
            if self.n_terms + len(terms) > len(self.order):
                self.order = np.concatenate([self.order, np.zeros(len(self.order) + len(terms), np.int64)])
            self.n_terms = _post(self.slots, self.heads, self.order, self.n_terms, terms, group)

    def lists(self) -> tuple[IntArray, IntArray, IntArray]:
        """(terms, offsets, groups): each term's posted groups oldest first, terms in the order
        they were first posted (the saved form, `_state.py`)."""
        terms = self.order[: self.n_terms].copy()
        heads = self.heads[terms]
        counts = np.minimum(heads, self.length)
        offsets = np.zeros(len(terms) + 1, np.int64)
        offsets[1:] = np.cumsum(counts)
        # Slot j of each term, from its oldest kept group on: (head - count + j) % length.
        j = np.arange(self.length)
        ring = (heads[:, None] - counts[:, None] + j[None, :]) % self.length
        rows = np.take_along_axis(self.slots[terms], ring, axis=1).astype(np.int64)
        groups = rows[j[None, :] < counts[:, None]]
        return terms, offsets, groups

    @classmethod
    def from_lists(
        cls, n_features: int, length: int, terms: IntArray, offsets: IntArray, groups: IntArray
    ) -> Postings:
        """The inverse of `lists` (a longer list keeps its last `length` groups)."""
        postings = cls(n_features, length)
        n = len(terms)
        if n and (terms.min() < 0 or terms.max() >= n_features or len(np.unique(terms)) != n):
            raise ValueError("posting terms are out of range or repeated")
        if len(groups) and (groups.min() < 0 or groups.max() >= 2**31):
            raise ValueError("posted groups are out of range")
        postings.order = np.concatenate([terms, np.zeros(1024, np.int64)])
        postings.n_terms = n
        for r, term in enumerate(terms.tolist()):
            row = groups[offsets[r] : offsets[r + 1]][-length:]
            postings.slots[term, : len(row)] = row
            postings.heads[term] = len(row)
        return postings


@_jit
def _lookup(
    slots: npt.NDArray[np.int32], heads: IntArray, terms: IntArray, weights: FloatArray, n: int
) -> IntArray:
    length = slots.shape[1]
    size = 0
    for i in range(terms.shape[0]):
        size += min(heads[terms[i]], length)
    groups = np.empty(size, np.int64)
    contrib = np.empty(size, np.float64)
    m = 0
    for i in range(terms.shape[0]):
        t = terms[i]
        h = heads[t]
        for k in range(h - min(h, length), h):  # oldest first
            groups[m] = slots[t, k % length]
            contrib[m] = weights[i]
            m += 1
    if m == 0:
        return np.zeros(0, np.int64)
    # Sum per group in the order met (a stable sort keeps it), then the best n.
    order = np.argsort(groups, kind="mergesort")
    unique = np.empty(m, np.int64)
    score = np.empty(m, np.float64)
    u = -1
    last = -1
    for k in range(m):
        g = groups[order[k]]
        if u < 0 or g != last:
            u += 1
            unique[u] = g
            score[u] = 0.0
            last = g
        score[u] += contrib[order[k]]
    u += 1
    # Highest score first, ties to the highest group: groups descending, then a stable sort.
    unique = unique[:u][::-1].copy()
    score = score[:u][::-1].copy()
    best = np.argsort(-score, kind="mergesort")[:n]
    return unique[best]


@_jit
def _post(
    slots: npt.NDArray[np.int32], heads: IntArray, order: IntArray, n_terms: int, terms: IntArray, group: int
) -> int:
    length = slots.shape[1]
    for i in range(terms.shape[0]):
        t = terms[i]
        h = heads[t]
        if h == 0:
            order[n_terms] = t
            n_terms += 1
        elif slots[t, (h - 1) % length] == group:
            continue
        slots[t, h % length] = group
        heads[t] = h + 1
    return n_terms


# -- featurizing ----------------------------------------------------------------------------


@_jit
def token_hashes(
    codes: npt.NDArray[np.uint32],
    word: npt.NDArray[np.bool_],
    stop: npt.NDArray[np.uint64],
    powers: npt.NDArray[np.uint64],
    limit: int,
) -> npt.NDArray[np.uint64]:
    """A 64-bit hash of each word of two or more word characters, in text order, for a text
    given as code points below 65,536 (`word[c]`: is c a regex word character), leaving out
    words whose hash is in `stop` (sorted); at most `limit` hashes.

    The hash of a word is sum(code[i] * powers[i]) over its first len(powers) characters,
    then h ^ (h >> 29): the same numbers as `_features._token_hashes` computes with numpy.
    """
    n = codes.shape[0]
    out = np.empty(min(n // 2 + 1, limit), np.uint64)
    max_chars = powers.shape[0]
    shift = np.uint64(29)
    m = 0
    i = 0
    while i < n and m < limit:
        if not word[codes[i]]:
            i += 1
            continue
        j = i
        h = np.uint64(0)
        while j < n and word[codes[j]]:
            if j - i < max_chars:
                h += np.uint64(codes[j]) * powers[j - i]
            j += 1
        if j - i >= 2:
            h ^= h >> shift
            pos = np.searchsorted(stop, h)
            if pos >= stop.shape[0] or stop[pos] != h:
                out[m] = h
                m += 1
        i = j
    return out[:m]


@_jit
def term_counts(hashes: npt.NDArray[np.uint64], n_features: int) -> tuple[IntArray, FloatArray]:
    """Hashed term ids (sorted, unique) with sublinear term frequencies 1 + log(count)."""
    n = hashes.shape[0]
    ids = np.empty(n, np.int64)
    width = np.uint64(n_features)
    for i in range(n):
        ids[i] = np.int64(hashes[i] % width)
    ids.sort()
    idx = np.empty(n, np.int64)
    weights = np.empty(n, np.float32)
    k = -1
    run = 0
    for i in range(n):
        if k < 0 or ids[i] != idx[k]:
            if k >= 0:
                weights[k] = np.float32(1.0 + np.log(np.float64(run)))
            k += 1
            idx[k] = ids[i]
            run = 0
        run += 1
    if k >= 0:
        weights[k] = np.float32(1.0 + np.log(np.float64(run)))
    return idx[: k + 1].copy(), weights[: k + 1].copy()


@_jit
def min_hash(
    hashes: npt.NDArray[np.uint64], a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]
) -> npt.NDArray[np.uint64]:
    """MinHash of word 3-shingles, datasketch's "legacy" scheme: min of (a*h + b) mod (2^61 - 1),
    kept to 32 bits; a shingle's hash mixes its three words' hashes."""
    low = np.uint64((1 << 32) - 1)
    prime = np.uint64((1 << 61) - 1)
    k1 = np.uint64(0x9E3779B1)
    k2 = np.uint64(0x85EBCA77)
    n = hashes.shape[0]
    if n >= 3:
        shingles = np.empty(n - 2, np.uint64)
        for i in range(n - 2):
            shingles[i] = ((hashes[i] & low) * k1 + (hashes[i + 1] & low) * k2 + (hashes[i + 2] & low)) & low
    elif n:
        shingles = hashes & low
    else:
        shingles = np.zeros(1, np.uint64)
    out = np.empty(a.shape[0], np.uint64)
    for p in range(a.shape[0]):
        best = low
        for i in range(shingles.shape[0]):
            v = ((a[p] * shingles[i] + b[p]) % prime) & low
            if v < best:
                best = v
        out[p] = best
    return out


def crc_table() -> npt.NDArray[np.uint32]:
    """The byte table of CRC-32 (the zlib polynomial, reflected)."""
    table = np.zeros(256, np.uint32)
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table[n] = c
    return table


@_jit
def name_ids(
    codes: npt.NDArray[np.uint32],
    word: npt.NDArray[np.bool_],
    stop: npt.NDArray[np.uint64],
    powers: npt.NDArray[np.uint64],
    crc: npt.NDArray[np.uint32],
    n_features: int,
) -> npt.NDArray[np.uint64]:
    """Hashed names of a text given as code points below 65,536: the same ids as
    `_features.Featurizer._names` (its regex, sentence-start and stop-word rules, and
    zlib.crc32 of "name:" + the lower-cased name, modulo `n_features`)."""
    n = codes.shape[0]
    out = np.empty(n // 2 + 1, np.uint64)
    m = 0
    i = 0
    shift = np.uint64(29)
    max_chars = powers.shape[0]
    while i < n:
        c = codes[i]
        if not (65 <= c <= 90) or (i > 0 and word[codes[i - 1]]):
            i += 1
            continue
        # [A-Z][A-Za-z'’-]*[A-Za-z]: the longest run, cut back to its last letter.
        j = i + 1
        last = -1
        while j < n:
            d = codes[j]
            letter = (65 <= d <= 90) or (97 <= d <= 122)
            if not (letter or d == 39 or d == 0x2019 or d == 45):
                break
            if letter:
                last = j
            j += 1
        if last < 0:
            i += 1
            continue
        end = last + 1
        # The character before, past spaces, brackets and opening quotes, must not end a sentence.
        k = i - 1
        while k >= max(0, i - 3) and (
            codes[k] == 32 or codes[k] == 40 or codes[k] == 91 or codes[k] == 0x2018 or codes[k] == 39
        ):
            k -= 1
        keep = k >= max(0, i - 3)
        if keep:
            b = codes[k]
            if (
                b == 46
                or b == 33
                or b == 63
                or b == 34
                or b == 0x201C
                or b == 0x201D
                or b == 58
                or b == 59
                or b == 10
            ):
                keep = False
        if keep:
            h = np.uint64(0)
            crc_value = np.uint32(0xFFFFFFFF)
            for byte in (110, 97, 109, 101, 58):  # "name:"
                crc_value = crc[(crc_value ^ np.uint32(byte)) & np.uint32(0xFF)] ^ (crc_value >> np.uint32(8))
            for q in range(i, end):
                d = codes[q]
                if 65 <= d <= 90:
                    d += 32
                elif d == 0x2019:
                    d = 39
                if q - i < max_chars:
                    h += np.uint64(d) * powers[q - i]
                crc_value = crc[(crc_value ^ np.uint32(d)) & np.uint32(0xFF)] ^ (crc_value >> np.uint32(8))
            h ^= h >> shift
            pos = np.searchsorted(stop, h)
            if end - i >= 2 and (pos >= stop.shape[0] or stop[pos] != h):
                out[m] = np.uint64(crc_value ^ np.uint32(0xFFFFFFFF)) % np.uint64(n_features)
                m += 1
        i = end
    return out[:m]


@_jit
def _accumulate(
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    data: FloatArray,
    t_indptr: IntArray,
    t_rows: npt.NDArray[np.int32],
    t_data: FloatArray,
    i: int,
    below: int,
    dots: FloatArray,
    touched: IntArray,
) -> int:
    """Add row `i`'s dot products with the rows before `below` that share a term with it
    (the transpose's postings, rows ascending) into `dots`, and list in `touched` each row
    as its first nonzero product lands; returns how many rows it touched. The caller sets
    their `dots` back to 0."""
    m = 0
    for p in range(indptr[i], indptr[i + 1]):
        term = indices[p]
        w = data[p]
        for q in range(t_indptr[term], t_indptr[term + 1]):
            r = t_rows[q]
            if r >= below:
                break
            v = w * t_data[q]
            if v == 0.0:
                continue  # a row is listed once: when its first product lands
            if dots[r] == 0.0:
                touched[m] = r
                m += 1
            dots[r] += v
    return m


@_jit
def nearest_earlier(
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    data: FloatArray,
    t_indptr: IntArray,
    t_rows: npt.NDArray[np.int32],
    t_data: FloatArray,
    start: int,
    stop: int,
    k: int,
) -> tuple[IntArray, FloatArray]:
    """The `k` rows of highest dot product among the rows before it, for each row from
    `start` to `stop` - 1, of a CSR matrix (`indptr`, `indices`, `data`) whose transpose, by term, is
    (`t_indptr`, `t_rows`, `t_data`, rows ascending). Highest first, ties by lower row;
    -1 / 0 where fewer than `k` earlier rows share a term.

    An inverted-index search: each row adds its weight times each earlier posting of its
    terms into one scratch array, then keeps the best `k` of the rows it touched.
    """
    n = indptr.shape[0] - 1
    out_rows = np.full((max(0, stop - start), k), -1, np.int64)
    out_sims = np.zeros((max(0, stop - start), k), np.float32)
    dots = np.zeros(n, np.float32)
    touched = np.empty(n, np.int64)
    for i in range(start, stop):
        m = _accumulate(indptr, indices, data, t_indptr, t_rows, t_data, i, i, dots, touched)
        best_r = out_rows[i - start]
        best_v = out_sims[i - start]
        filled = 0
        for j in range(m):
            r = touched[j]
            v = dots[r]
            dots[r] = 0.0
            if v <= 0.0:
                continue
            if filled == k and not (v > best_v[k - 1] or (v == best_v[k - 1] and r < best_r[k - 1])):
                continue
            pos = filled if filled < k else k - 1
            while pos > 0 and (v > best_v[pos - 1] or (v == best_v[pos - 1] and r < best_r[pos - 1])):
                if pos < k:
                    best_r[pos] = best_r[pos - 1]
                    best_v[pos] = best_v[pos - 1]
                pos -= 1
            best_r[pos] = r
            best_v[pos] = v
            if filled < k:
                filled += 1
    return out_rows, out_sims


@_jit
def story_similarities(
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    data: FloatArray,
    t_indptr: IntArray,
    t_rows: npt.NDArray[np.int32],
    t_data: FloatArray,
    sample: IntArray,
    story: IntArray,
    out: FloatArray,
) -> None:
    """For each row of `sample`, its summed dot product with the rows of each story
    (`story[r]`: the story of row r, 0..`out.shape[1]` - 1), itself left out, added into
    `out` (a `len(sample)` x stories table). The rows are a CSR matrix (`indptr`,
    `indices`, `data`) and its transpose by term (`t_indptr`, `t_rows`, `t_data`), an
    inverted-index search as in `nearest_earlier`, over every row."""
    n = indptr.shape[0] - 1
    dots = np.zeros(n, np.float32)
    touched = np.empty(n, np.int64)
    for s in range(sample.shape[0]):
        i = sample[s]
        m = _accumulate(indptr, indices, data, t_indptr, t_rows, t_data, i, n, dots, touched)
        dots[i] = 0.0
        row = out[s]
        for j in range(m):
            r = touched[j]
            row[story[r]] += dots[r]
            dots[r] = 0.0


@_jit
def group_silhouettes(
    similar: FloatArray,
    own_story: IntArray,
    self_dot: FloatArray,
    story_group: IntArray,
    group_size: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The silhouette (cosine distance) of each sampled row against every row of a
    grouping of stories: `similar` is `story_similarities` of the sample, `own_story` each
    sampled row's story, `self_dot` its dot product with itself (1, or 0 for a row without
    terms, which lies at distance 1 from every row, itself too), `story_group` each story's
    group (0..), `group_size` each group's rows. A row alone in its group scores 0."""
    n_groups = group_size.shape[0]
    out = np.zeros(similar.shape[0])
    sums = np.zeros(n_groups)
    for s in range(similar.shape[0]):
        row = similar[s]
        for j in range(row.shape[0]):
            sums[story_group[j]] += row[j]
        own = story_group[own_story[s]]
        size = group_size[own]
        if size >= 2.0:
            # distances 1 - cosine, summed over the others of the group (itself left out;
            # a row without terms counts its own distance 1, as the full table does)
            a = max(0.0, 1.0 - sums[own] / (size - 1.0) + (1.0 - self_dot[s]) / (size - 1.0))
            best = -np.inf
            for g in range(n_groups):
                if g != own and group_size[g] > 0.0:
                    best = max(best, sums[g] / group_size[g])
            b = max(0.0, 1.0 - best)
            if best > -np.inf:
                out[s] = (b - a) / max(a, b, 1e-12)
        for g in range(n_groups):
            sums[g] = 0.0
    return out


def warm() -> None:
    """Compile (or load from the cache) every kernel, on tiny inputs."""
    terms, names = Ragged(4), Ragged(4)
    idx, w = np.array([1, 3, 5, 7, 9], np.int64), np.full(5, 0.5, np.float32)
    for g in range(2):
        terms.open()
        names.open()
        terms.add(g, idx[g:], w[g:])
        names.add(g, idx[:2], w[:2])
    Ragged.from_flat(4, *terms.flatten()[:2], terms.flatten()[2])
    groups = np.arange(2, dtype=np.int64)
    days = np.zeros(2, np.int64)
    features(terms, names, np.ones(2, np.int64), days, days, groups, (idx, w), (idx[:1], w[:1]), 3, -1)
    weigh(idx, w, np.ones(16, np.float32), np.zeros(0, np.float32), 4.0)
    weigh_top(idx, w, np.ones(16, np.float32), np.zeros(0, np.float32), 4.0, 3)
    logistic(np.zeros((2, N_COLUMNS)), np.zeros(N_COLUMNS), 0.0)
    postings = Postings(16, 4)
    postings.post(0, (idx, w))
    postings.lookup([(idx, w)], 2)
    by_row, by_term = np.array([0, 2, 4], np.int64), np.array([0, 1, 3, 4], np.int64)
    two = np.array([0, 1, 1, 2], np.int32), np.array([0, 0, 1, 1], np.int32)
    nearest_earlier(by_row, two[0], w[:4], by_term, two[1], w[:4], 1, 2, 2)
    similar = np.zeros((2, 2), np.float32)
    story_similarities(by_row, two[0], w[:4], by_term, two[1], w[:4], groups, groups, similar)
    group_silhouettes(similar, groups, np.ones(2, np.float32), groups, np.ones(2))
    from storyline.cluster._features import Featurizer
    from storyline.cluster._options import ClusterOptions
    from storyline.model import Article

    # Through the featurizer's own calls, with a name in it, so every kernel meets the argument
    # types it meets in a run (a read-only array is another type to numba).
    text = "Warm up, the kernels, said Ana Lopez in Paris. Warm up again."
    Featurizer(ClusterOptions(retrieval="postings"))([Article(text=text, id="warm")])
