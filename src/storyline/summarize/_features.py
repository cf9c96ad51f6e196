"""Multi-document evidence for each sentence: centrality, corroboration, position, length,
and the word statistics that classic summarizers rely on."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.embed import normalize_rows
from storyline.model import Corpus
from storyline.text import STOPWORDS, WORD

FloatArray = npt.NDArray[np.float32]
_BLOCK_ROWS = 2048  # rows of the similarity matrix held at once; bounds memory on big clusters
_WORD = WORD
_STOPWORDS = STOPWORDS
_DANGLING = frozenset("he she it they this that these those but and his her their its also however".split())
_QUOTES = ('"', "\u201c", "\u201d", "''", "``")


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence features, aligned with `corpus.sentences`.

    `doc_support[i, k]` is the best cosine between sentence i and any sentence of
    the k-th document in `docs` (-1 for the sentence's own document). `values`
    holds every scalar feature by name (see FEATURE_NAMES).
    """

    docs: tuple[int, ...]
    doc_support: FloatArray
    values: dict[str, FloatArray]

    @property
    def centrality(self) -> FloatArray:
        return self.values["centrality"]

    @property
    def support(self) -> FloatArray:
        return self.values["support"]

    @property
    def corroboration(self) -> FloatArray:
        return self.values["corroboration"]

    @property
    def lead(self) -> FloatArray:
        return self.values["lead"]

    @property
    def n_words(self) -> npt.NDArray[np.int32]:
        return self.values["n_words"].astype(np.int32)

    def matrix(self, names: list[str] | tuple[str, ...]) -> FloatArray:
        """The named features as columns of one matrix (rows are sentences)."""
        if not names:
            return np.zeros((len(self.doc_support), 0), dtype=np.float32)
        return np.stack([self.values[n] for n in names], axis=1).astype(np.float32)


FEATURE_NAMES = (
    "position",
    "lead",
    "relative_position",
    "doc_sentences",
    "n_docs",
    "n_words",
    "centrality",
    "lead_centrality",
    "doc_centrality",
    "support",
    "support_max",
    "corroboration",
    "word_prob",
    "word_doc_share",
    "has_quote",
    "has_digit",
    "is_dangling",
    "doc_topicality",
    "doc_order",
    "doc_words",
    "cluster_words",
    "first_sentence_sim",
    "mean_word_chars",
    # Cluster-relative forms (issue 15): the same meaning on 2 or 25 documents of 150 or
    # 1,000 words. Ranks are within the cluster, 0 (lowest) to 1 (highest).
    "doc_order_frac",
    "centrality_rank",
    "lead_centrality_rank",
    "doc_centrality_rank",
    "support_rank",
    "support_max_rank",
    "word_prob_rank",
    "word_doc_share_rank",
    "first_sentence_sim_rank",
    "doc_topicality_rank",
    "centrality_rel",
    "word_prob_rel",
    # Lexical graph centrality (issue 15): LexRank (Erkan & Radev, 2004) over the cluster's
    # TF-IDF cosine graph. `lexrank` is the stationary probability times the number of
    # sentences (mean 1 on any cluster size); `lex_degree` the share of the cluster's other
    # sentences within the LexRank threshold.
    "lexrank",
    "lexrank_rank",
    "lex_degree",
    # The summary's word budget over the cluster's words (at most 1; 1 when no budget is
    # given): how selective the summary must be.
    "budget_share",
)


def doc_vectors(corpus: Corpus) -> tuple[tuple[int, ...], FloatArray]:
    """Mean sentence embedding of each document that has sentences, unit length."""
    assert corpus.embeddings is not None
    doc_of = np.array([s.doc_index for s in corpus.sentences], dtype=np.int64)
    docs = tuple(int(d) for d in dict.fromkeys(doc_of.tolist()))
    if not docs:
        return (), np.zeros((0, corpus.embeddings.shape[1]), dtype=np.float32)
    starts = np.searchsorted(doc_of, docs)
    sums = np.add.reduceat(corpus.embeddings, starts, axis=0)
    return docs, normalize_rows(sums)


def compute_features(corpus: Corpus, *, citation_threshold: float, budget: int | None = None) -> Features:
    """Compute every feature the scorers and the citation step use (`budget`: the
    summary's words, for `budget_share`)."""
    assert corpus.embeddings is not None, "embed the corpus first"
    emb = corpus.embeddings
    sentences = corpus.sentences
    n = len(sentences)
    doc_of = np.array([s.doc_index for s in sentences], dtype=np.int64)
    docs, vectors = doc_vectors(corpus)
    column_of = {d: k for k, d in enumerate(docs)}
    own = np.array([column_of[int(d)] for d in doc_of], dtype=np.int64)
    positions = np.array([s.position for s in sentences], dtype=np.float32)

    # Documents weigh equally in the centroid, however long each is.
    centroid = (
        normalize_rows(vectors.mean(axis=0, keepdims=True))[0] if docs else np.zeros(emb.shape[1], np.float32)
    )
    firsts = emb[positions == 0] if n else emb
    lead_centroid = normalize_rows(firsts.mean(axis=0, keepdims=True))[0] if len(firsts) else centroid

    doc_support = _doc_support(emb, doc_of, docs)
    if n:
        doc_support[np.arange(n), own] = -1.0
    n_others = max(len(docs) - 1, 0)
    if n_others:
        others = np.where(doc_support < 0, 0.0, doc_support)
        support = others.sum(axis=1) / n_others
        support_max = others.max(axis=1)
        corroboration = (doc_support >= citation_threshold).sum(axis=1) / n_others
    else:
        support = support_max = corroboration = np.zeros(n, dtype=np.float32)

    doc_len = np.zeros(len(corpus.articles), dtype=np.float32)
    np.add.at(doc_len, doc_of, 1.0)
    doc_sentences = doc_len[doc_of] if n else positions
    tokens = [[w for w in _WORD.findall(s.text.lower()) if w not in _STOPWORDS] for s in sentences]
    word_prob, word_doc_share = _word_statistics(tokens, doc_of)
    lexrank, lex_degree = _lexrank(tokens)
    texts = [s.text for s in sentences]
    n_words = np.array([s.n_words for s in sentences], dtype=np.float32)
    doc_words = np.zeros(len(corpus.articles), dtype=np.float32)
    np.add.at(doc_words, doc_of, n_words)
    topicality = _topicality(vectors)
    first_of_doc = np.searchsorted(doc_of, docs)
    first_sentence_sim = (emb * emb[first_of_doc][own]).sum(axis=1) if n else positions
    values = {
        "position": positions,
        "lead": 1.0 / (1.0 + positions),
        "relative_position": positions / np.maximum(doc_sentences, 1.0),
        "doc_sentences": doc_sentences,
        "n_docs": np.full(n, float(len(docs))),
        "n_words": n_words,
        "centrality": emb @ centroid,
        "lead_centrality": emb @ lead_centroid,
        "doc_centrality": (emb * vectors[own]).sum(axis=1) if n else positions,
        "support": support,
        "support_max": support_max,
        "corroboration": corroboration,
        "word_prob": word_prob,
        "word_doc_share": word_doc_share,
        "has_quote": np.array([any(q in t for q in _QUOTES) for t in texts], dtype=np.float32),
        "has_digit": np.array([any(c.isdigit() for c in t) for t in texts], dtype=np.float32),
        "is_dangling": np.array([_first_word(t) in _DANGLING for t in texts], dtype=np.float32),
        "doc_topicality": topicality[own] if n else positions,
        "doc_order": own.astype(np.float32),
        "doc_words": doc_words[doc_of] if n else positions,
        "cluster_words": np.full(n, float(n_words.sum())),
        "first_sentence_sim": first_sentence_sim,
        "mean_word_chars": np.array([len(t) / max(len(t.split()), 1) for t in texts], dtype=np.float32),
        "lexrank": lexrank,
        "lex_degree": lex_degree,
        "budget_share": budget_share(n_words, budget),
    }
    values["doc_order_frac"] = own / max(len(docs) - 1, 1) if n else positions
    for name in _RANKED:
        values[f"{name}_rank"] = rank01(np.asarray(values[name]))
    for name in ("centrality", "word_prob"):
        column = np.asarray(values[name], dtype=np.float32)
        top = float(column.max()) if n else 0.0
        values[f"{name}_rel"] = column / top if top > 0 else np.zeros(n, dtype=np.float32)
    return Features(
        docs=docs,
        doc_support=doc_support,
        values={k: np.asarray(v, dtype=np.float32) for k, v in values.items()},
    )


def budget_share(n_words: FloatArray, budget: int | None) -> FloatArray:
    """The `budget_share` column: the summary's words over the cluster's, at most 1 (1 with
    no budget); the only feature that depends on the budget."""
    share = 1.0 if budget is None else min(1.0, budget / max(float(n_words.sum()), 1.0))
    return np.full(len(n_words), share, dtype=np.float32)


_RANKED = (
    "centrality",
    "lead_centrality",
    "doc_centrality",
    "support",
    "support_max",
    "word_prob",
    "word_doc_share",
    "first_sentence_sim",
    "doc_topicality",
    "lexrank",
)


def rank01(column: FloatArray) -> FloatArray:
    """Each value's rank in the cluster as a fraction: 0 lowest, 1 highest, ties averaged."""
    n = len(column)
    if n < 2:
        return np.ones(n, dtype=np.float32)
    order = np.argsort(column, kind="stable")
    ranks = np.empty(n, dtype=np.float64)
    ranks[order] = np.arange(n, dtype=np.float64)
    # Ties share their mean rank, so equal values get equal features.
    _, inverse, counts = np.unique(column, return_inverse=True, return_counts=True)
    sums = np.zeros(len(counts), dtype=np.float64)
    np.add.at(sums, inverse, ranks)
    out: FloatArray = (sums[inverse] / counts[inverse] / (n - 1)).astype(np.float32)
    return out


def _word_statistics(tokens: list[list[str]], doc_of: npt.NDArray[np.int64]) -> tuple[FloatArray, FloatArray]:
    """SumBasic's mean word probability (Nenkova & Vanderwende, 2005) and the mean share
    of the cluster's documents that use each content word of the sentence."""
    counts: Counter[str] = Counter()
    doc_words: dict[int, set[str]] = {}
    for words, doc in zip(tokens, doc_of.tolist(), strict=True):
        counts.update(words)
        doc_words.setdefault(doc, set()).update(words)
    total = max(sum(counts.values()), 1)
    doc_freq: Counter[str] = Counter()
    for words_of_doc in doc_words.values():
        doc_freq.update(words_of_doc)
    n_docs = max(len(doc_words), 1)
    prob = np.zeros(len(tokens), dtype=np.float32)
    share = np.zeros(len(tokens), dtype=np.float32)
    for i, words in enumerate(tokens):
        if words:
            prob[i] = sum(counts[w] for w in words) / (len(words) * total) * 100.0
            share[i] = sum(doc_freq[w] for w in words) / (len(words) * n_docs)
    return prob, share


_LEXRANK_THRESHOLD = 0.1  # Erkan & Radev's cosine threshold, as in sumy's LexRank
_LEXRANK_DAMPING = 0.15
_LEXRANK_STEPS = 100
_LEXRANK_BLOCK = 2048  # rows of the similarity matrix at a time


def _lexrank(tokens: list[list[str]]) -> tuple[FloatArray, FloatArray]:
    """LexRank over the content words: TF-IDF cosine between sentences (IDF over the
    cluster's sentences), an edge where it reaches 0.1, and the stationary distribution
    of the damped random walk on that graph (without self-loops). Returns (stationary
    probability times the number of sentences, share of other sentences linked).

    Only words in two or more sentences can link two sentences, so the matrix has a
    column for those alone; a sentence's norm counts all its words. Sparse throughout:
    a 500-article cluster has ~15,000 sentences, whose dense similarity matrix alone
    would take 0.9 GB and a minute; the similarities are found a block of rows at a time.
    """
    import scipy.sparse as sp

    n = len(tokens)
    if n < 2:
        return np.ones(n, dtype=np.float32), np.zeros(n, dtype=np.float32)
    df: Counter[str] = Counter()
    counts = [Counter(words) for words in tokens]
    for c in counts:
        df.update(c.keys())
    idf = {w: float(np.log(n / f)) for w, f in df.items()}
    column = {w: k for k, w in enumerate(w for w, f in df.items() if f > 1)}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    norms = np.zeros(n, dtype=np.float32)
    for i, c in enumerate(counts):
        total = 0.0
        for w, tf in c.items():
            weight = tf * idf[w]
            total += weight * weight
            k = column.get(w)
            if k is not None:
                rows.append(i)
                cols.append(k)
                weights.append(weight)
        norms[i] = np.sqrt(total)
    safe = np.where(norms > 0, norms, 1.0)
    row = np.array(rows, dtype=np.int64)
    values = np.array(weights, dtype=np.float32) / safe[row]
    matrix = sp.csr_matrix((values, (row, np.array(cols, dtype=np.int64))), shape=(n, len(column)))
    transposed = matrix.T.tocsr()
    heads, tails = [], []
    for start in range(0, n, _LEXRANK_BLOCK):
        sims = (matrix[start : start + _LEXRANK_BLOCK] @ transposed).tocoo()
        keep = (sims.data >= _LEXRANK_THRESHOLD) & (sims.row + start != sims.col)
        heads.append(sims.row[keep] + start)
        tails.append(sims.col[keep])
    head, tail = np.concatenate(heads), np.concatenate(tails)
    linked = sp.csr_matrix((np.ones(len(head)), (head, tail)), shape=(n, n))
    links = np.asarray(linked.sum(axis=1)).ravel()
    degree = links / (n - 1)
    # A sentence linked to none jumps anywhere (no self-loops: alone is not central).
    alone = links == 0
    step = np.where(alone, 0.0, 1.0 / np.where(alone, 1.0, links))
    back = linked.T.tocsr()
    p = np.full(n, 1.0 / n)
    for _ in range(_LEXRANK_STEPS):
        walked = back @ (p * step) + float(p[alone].sum()) / n
        nxt = _LEXRANK_DAMPING / n + (1.0 - _LEXRANK_DAMPING) * walked
        done = float(np.abs(nxt - p).sum()) < 1e-7
        p = nxt
        if done:
            break
    return (p * n).astype(np.float32), degree.astype(np.float32)


def _topicality(vectors: FloatArray) -> FloatArray:
    """Each document's cosine to the mean of the others (to the other one, for two)."""
    k = len(vectors)
    if k < 2:
        return np.ones(k, dtype=np.float32)
    others = normalize_rows(vectors.sum(axis=0, keepdims=True) - vectors)
    scores: FloatArray = (vectors * others).sum(axis=1).astype(np.float32)
    return scores


def _first_word(text: str) -> str:
    match = _WORD.search(text.lower())
    return match.group(0) if match else ""


def _doc_support(emb: FloatArray, doc_of: npt.NDArray[np.int64], docs: tuple[int, ...]) -> FloatArray:
    """Best similarity of every sentence to each document, computed in row blocks.

    Sentences of one document are contiguous, so a per-document maximum is one
    `np.maximum.reduceat` over column blocks.
    """
    n = len(emb)
    out = np.zeros((n, len(docs)), dtype=np.float32)
    if n == 0:
        return out
    starts = np.searchsorted(doc_of, docs)
    for lo in range(0, n, _BLOCK_ROWS):
        block = emb[lo : lo + _BLOCK_ROWS] @ emb.T
        out[lo : lo + _BLOCK_ROWS] = np.maximum.reduceat(block, starts, axis=1)
    return out
