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

import math
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
    slice_terms: int = 4096,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """Cosine similarity of tf-idf vectors of ``documents`` (each an iterable of terms).

    Returns the ``n x n`` similarity matrix and which documents had any kept term.
    """
    counts = [Counter(doc) for doc in documents]
    n = len(counts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {t: i for i, t in enumerate(sorted(t for t, k in df.items() if k >= min_df))}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, c in enumerate(counts):
        for term, k in c.items():
            j = vocab.get(term)
            if j is None:
                continue
            tf = 1.0 + math.log(k) if sublinear else float(k)
            rows.append(r)
            cols.append(j)
            vals.append(tf * (math.log((1 + n) / (1 + df[term])) + 1.0))
    row = np.asarray(rows, dtype=np.intp)
    col = np.asarray(cols, dtype=np.intp)
    val = np.asarray(vals, dtype=np.float32)
    norms = np.zeros(n, dtype=np.float32)
    np.add.at(norms, row, val * val)
    norms = np.sqrt(norms)
    has = norms > 0
    if row.size:
        val = val / norms[row]
    order = np.argsort(col, kind="stable")
    row, col, val = row[order], col[order], val[order]
    sim = np.zeros((n, n), dtype=np.float32)
    bounds = np.searchsorted(col, np.arange(0, len(vocab) + slice_terms, slice_terms))
    for k in range(len(bounds) - 1):
        a, b = int(bounds[k]), int(bounds[k + 1])
        if a == b:
            continue
        block = np.zeros((n, slice_terms), dtype=np.float32)
        block[row[a:b], col[a:b] - k * slice_terms] = val[a:b]
        sim += block @ block.T
    np.clip(sim, 0.0, 1.0, out=sim)
    return sim, has


def cosine_matrix(
    vectors: npt.NDArray[np.float32], has: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float32]:
    """Cosine similarity between rows; rows without data (``has`` False) get 0 everywhere."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.where(has[:, None] & (norms > 0), vectors / np.where(norms > 0, norms, 1.0), 0.0)
    return np.asarray(unit @ unit.T, dtype=np.float32)
