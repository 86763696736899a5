"""Batch clustering of a set of articles: a weighted similarity matrix, average linkage, and a
split wherever reliably dated members leave a gap. Used by ``StoryIndex.consolidate`` for
stories (within a block of related online stories) and for events (within a story).
Deterministic for a given set of members."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .features import Features

# The "centred" similarity subtracts a shrunk mean: with m members, m / (m + CENTRE_PRIOR) of the
# mean. A story of two articles has no common ground to remove (full centring makes any pair
# opposite vectors), a story of thirty mostly has. Checked on Multi-News single-event clusters
# (bench/clustering.py, "single events kept whole").
CENTRE_PRIOR = 8

def similarity(members: Sequence[Features], term_idf: np.ndarray, key_idf: Callable[[str], float],
               weights: dict[str, float]) -> np.ndarray:
    """Weighted sum of article-article similarities: "raw" (MiniLM cosine), "centred" (cosine
    of the vectors minus the set's mean: what sets an article apart from the common ground of
    its story), "lexical" (tf-idf cosine over hashed words) and "entities" (cosine of the
    idf-weighted entity profiles)."""
    vectors = np.stack([f.vector if f.vector.size else np.zeros_like(members[0].vector) for f in members])
    raw = vectors @ vectors.T
    shrink = len(members) / (len(members) + CENTRE_PRIOR)
    centred = _unit(vectors - shrink * vectors.mean(axis=0))
    sims = weights["raw"] * raw + weights["centred"] * (centred @ centred.T)
    if weights.get("lexical"):
        sims += weights["lexical"] * _sparse_cosine([f.terms for f in members],
                                                    [f.tf * term_idf[f.terms] for f in members])
    if weights.get("entities"):
        vocab: dict[str, int] = {}
        ids = [np.array([vocab.setdefault(k, len(vocab)) for k in f.keys], dtype=np.int64) for f in members]
        values = [np.array([w * key_idf(k) for k, w in f.keys.items()], dtype=np.float64) for f in members]
        sims += weights["entities"] * _sparse_cosine(ids, values)
    return sims


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def _sparse_cosine(ids: Sequence[np.ndarray], values: Sequence[np.ndarray]) -> np.ndarray:
    from scipy.sparse import csr_matrix

    indptr = np.cumsum([0] + [len(i) for i in ids])
    data = np.concatenate(values).astype(np.float64) if len(indptr) > 1 and indptr[-1] else np.zeros(0)
    cols = np.concatenate(ids).astype(np.int64) if indptr[-1] else np.zeros(0, dtype=np.int64)
    width = int(cols.max()) + 1 if cols.size else 1
    matrix = csr_matrix((data, cols, indptr), shape=(len(ids), width))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    product = (matrix @ matrix.T).toarray()
    return product / norms[:, None] / norms[None, :]


def agglomerate(members: Sequence[Features], term_idf: np.ndarray, key_idf: Callable[[str], float], *,
                link: float, max_gap: int, weights: dict[str, float], interval) -> list[list[Features]]:
    """Average linkage at similarity ``link``, then a split at date gaps > ``max_gap`` days
    (``interval(features)`` gives a member's reliable date interval or None). Groups come
    earliest first, members in canonical order."""
    members = sorted(members, key=lambda f: f.order)
    if len(members) == 1:
        return [list(members)]
    sims = similarity(members, term_idf, key_idf, weights)
    labels = _average_linkage(sims, link)
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(label, []).append(row)
    out = []
    for rows in groups.values():
        out.extend(_split_by_dates(rows, members, sims, max_gap, interval))
    out = [[members[r] for r in sorted(rows)] for rows in out]
    return sorted(out, key=lambda g: g[0].order)


def _average_linkage(sims: np.ndarray, link: float) -> list[int]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distances = np.clip(1.0 - (sims + sims.T) / 2.0, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return fcluster(tree, t=1.0 - link, criterion="distance").tolist()


def _split_by_dates(rows: list[int], members: Sequence[Features], sims: np.ndarray, max_gap: int,
                    interval) -> list[list[int]]:
    """Split one content cluster where reliably dated members leave a gap > ``max_gap`` days;
    undated members go to the most similar part."""
    dated = [(interval(members[r]), r) for r in rows]
    spans = sorted((span, r) for span, r in dated if span is not None)
    if len(spans) < 2:
        return [rows]
    parts: list[list[int]] = [[spans[0][1]]]
    end = spans[0][0][1]
    for span, row in spans[1:]:
        if (span[0] - end).days > max_gap:
            parts.append([])
        parts[-1].append(row)
        end = max(end, span[1])
    if len(parts) == 1:
        return [rows]
    for span, row in dated:
        if span is None:
            best = max(range(len(parts)), key=lambda p: (float(np.mean(sims[row, parts[p]])), -p))
            parts[best].append(row)
    return parts
