"""Bag-of-words similarity between occupations' texts (tasks, activities, job titles).

A small tf-idf, written here rather than pulled from scikit-learn because the only thing the
engine needs is the occupation-by-occupation cosine matrix: words and adjacent word pairs, a
short stop list, sublinear term frequency, smoothed idf, L2-normalised rows, and terms that occur
in at least ``min_df`` occupations (a term in one occupation only cannot make two alike). The
cosine matrix is accumulated over slices of the vocabulary so a dense slice stays a few MB.

An occupation with no text gets a zero row: similarity 0 to everything, and ``has`` False so
the engine reports the signal as missing rather than as "not similar".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

STOP_WORDS = frozenset(
    """a an and are as at be been by e.g etc for from i.e in including into is its may of on or
    other such than that the their these this those to use used using well with""".split()
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


def tokens(text: str, *, pairs: bool = True) -> list[str]:
    """Lower-cased words (stop words and single characters dropped) and adjacent word pairs."""
    words = [w for w in _TOKEN.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS]
    if not pairs:
        return words
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def tfidf_cosine(
    documents: Sequence[Iterable[str]],
    *,
    min_df: int = 2,
    sublinear: bool = True,
    dense_df: int = 96,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """Cosine similarity of tf-idf vectors of ``documents`` (each an iterable of terms).

    Returns the ``n x n`` similarity matrix and which documents had any kept term.
    """
    ids: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    tfs: list[int] = []
    n = 0
    for r, doc in enumerate(documents):
        n = r + 1
        for term, k in Counter(doc).items():
            rows.append(r)
            cols.append(ids.setdefault(term, len(ids)))
            tfs.append(k)
    row = np.asarray(rows, dtype=np.intp)
    col = np.asarray(cols, dtype=np.intp)
    df = np.bincount(col, minlength=len(ids))
    keep = df[col] >= min_df
    row, col = row[keep], col[keep]
    tf = np.asarray(tfs, dtype=np.float64)[keep]
    if sublinear:
        tf = 1.0 + np.log(tf)
    val = (tf * (np.log((1.0 + n) / (1.0 + df[col])) + 1.0)).astype(np.float32)
    norms = np.zeros(n, dtype=np.float32)
    np.add.at(norms, row, val * val)
    norms = np.sqrt(norms)
    has = norms > 0
    if row.size:
        val = val / norms[row]
    sim = _gram(n, row, col, val, len(ids), dense_df)
    np.clip(sim, 0.0, 1.0, out=sim)
    return sim, has


def _gram(
    n: int,
    row: npt.NDArray[np.intp],
    col: npt.NDArray[np.intp],
    val: npt.NDArray[np.float32],
    n_terms: int,
    dense_df: int,
) -> npt.NDArray[np.float32]:
    """``X @ X.T`` for the sparse matrix X given as (row, col, val) entries.

    Rare terms (in at most ``dense_df`` documents) contribute every pair of their documents,
    enumerated with numpy and summed with ``bincount``; common terms go through one dense
    matrix product. Either way alone would be slow: pairs of common terms number in the
    billions, and a dense product over the whole vocabulary is tens of GFLOP.
    """
    df = np.bincount(col, minlength=n_terms)
    common = df[col] > dense_df
    sim = np.zeros((n, n), dtype=np.float64)
    if common.any():
        terms = np.unique(col[common])
        where = np.searchsorted(terms, col[common])
        dense = np.zeros((n, len(terms)), dtype=np.float32)
        dense[row[common], where] = val[common]
        sim += dense @ dense.T
    r, c, v = row[~common], col[~common], val[~common]
    order = np.argsort(c, kind="stable")
    r, c, v = r[order], c[order], v[order]
    if r.size:
        starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
        sizes = np.diff(np.r_[starts, r.size])
        size_of = np.repeat(sizes, sizes)  # size of each entry's group
        start_of = np.repeat(starts, sizes)
        chunk = max(1, 4_000_000 // dense_df)
        flat = np.zeros(n * n, dtype=np.float64)
        for a in range(0, r.size, chunk):
            b = min(r.size, a + chunk)
            left = np.repeat(np.arange(a, b), size_of[a:b])
            firsts = np.cumsum(size_of[a:b]) - size_of[a:b]
            right = np.repeat(start_of[a:b], size_of[a:b]) + (
                np.arange(left.size) - np.repeat(firsts, size_of[a:b])
            )
            flat += np.bincount(r[left] * n + r[right], weights=v[left] * v[right], minlength=n * n)
        sim += flat.reshape(n, n)
    return sim.astype(np.float32)


def cosine_matrix(
    vectors: npt.NDArray[np.float32], has: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float32]:
    """Cosine similarity between rows; rows without data (``has`` False) get 0 everywhere."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.where(has[:, None] & (norms > 0), vectors / np.where(norms > 0, norms, 1.0), 0.0)
    return np.asarray(unit @ unit.T, dtype=np.float32)
