"""Batch clustering of a set of articles: a weighted similarity matrix, average linkage, and a
split wherever reliably dated members leave a gap. Used by ``StoryIndex.consolidate`` for
stories (within a block of related online stories) and for events (within a story).
Deterministic for a given set of members."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..linkage import average_linkage
from ..sparse import gram
from . import pair_adapter
from .features import Features
from .link_model import SMALL, PairModel, pair_features

# The "centred" similarity subtracts a shrunk mean: with m members, m / (m + CENTRE_PRIOR) of the
# mean. A story of two articles has no common ground to remove (full centring makes any pair
# opposite vectors), a story of thirty mostly has. Checked on Multi-News single-event clusters
# (bench/clustering.py, "single events kept whole").
CENTRE_PRIOR = 8

def similarity(members: Sequence[Features], term_idf: np.ndarray, key_idf: Callable[[str], float],
               weights: dict[str, float]) -> np.ndarray:
    """Weighted sum of article-article similarities: "raw" (MiniLM cosine), "centred" (cosine
    of the vectors minus the set's mean: what sets an article apart from the common ground of
    its story), "learned" (the learned same-story similarity of the vectors, ``pair_adapter``),
    "lexical" (tf-idf cosine over hashed words) and "entities" (cosine of the
    idf-weighted entity profiles)."""
    vectors = np.stack([f.vector if f.vector.size else np.zeros_like(members[0].vector) for f in members])
    raw = vectors @ vectors.T
    shrink = len(members) / (len(members) + CENTRE_PRIOR)
    sims = weights.get("raw", 0.0) * raw
    if weights.get("centred"):
        sims += weights["centred"] * centre_kernel(raw, shrink)
    if weights.get("learned"):
        sims += weights["learned"] * pair_adapter.shipped().similarity(vectors)
    if weights.get("lead") or weights.get("lead_centred"):
        leads = np.stack([f.lead if f.lead.size == vectors.shape[1] else f.vector for f in members])
        lead = leads @ leads.T
        sims += weights.get("lead", 0.0) * lead
        if weights.get("lead_centred"):
            sims += weights["lead_centred"] * centre_kernel(lead, shrink)
    if weights.get("lexical") or weights.get("lexical_centred"):
        lexical = _sparse_cosine([f.terms for f in members], [f.tf * term_idf[f.terms] for f in members])
        sims += weights.get("lexical", 0.0) * lexical
        if weights.get("lexical_centred"):
            sims += weights["lexical_centred"] * centre_kernel(lexical, shrink)
    if weights.get("entities") or weights.get("entities_centred"):
        vocab: dict[str, int] = {}
        ids = [np.array([vocab.setdefault(k, len(vocab)) for k in f.keys], dtype=np.int64) for f in members]
        values = [np.array([w * key_idf(k) for k, w in f.keys.items()], dtype=np.float64) for f in members]
        entities = _sparse_cosine(ids, values)
        sims += weights.get("entities", 0.0) * entities
        if weights.get("entities_centred"):
            sims += weights["entities_centred"] * centre_kernel(entities, shrink)
    return sims


def headline_similarity(members: Sequence[Features], term_idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(cosine of the headlines' tf-idf words, whether both articles have headline words) for
    every pair of ``members`` (the cosine is 0 where either has none). What ``link_model``'s
    ``headline`` feature reads."""
    has = np.array([f.headline_terms.size > 0 for f in members], dtype=bool)
    cosine = _sparse_cosine([f.headline_terms for f in members],
                            [f.headline_tf * term_idf[f.headline_terms] for f in members])
    both = has[:, None] & has[None, :]
    return np.where(both, cosine, 0.0), both


def centre_kernel(kernel: np.ndarray, shrink: float) -> np.ndarray:
    """Cosines after subtracting ``shrink`` x the set's mean vector, computed from the cosine
    matrix alone (kernel centring): (x - sm).(y - sm) = x.y - s x.m - s y.m + s^2 m.m, then
    normalised. What sets members apart from the common ground of the set."""
    row = kernel.mean(axis=1)
    total = float(row.mean())
    centred = kernel - shrink * row[:, None] - shrink * row[None, :] + shrink * shrink * total
    norms = np.sqrt(np.clip(np.diag(centred), 1e-12, None))
    return centred / norms[:, None] / norms[None, :]


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def _sparse_cosine(ids: Sequence[np.ndarray], values: Sequence[np.ndarray]) -> np.ndarray:
    lengths = [len(i) for i in ids]
    rows = np.repeat(np.arange(len(ids)), lengths)
    cols = np.concatenate(ids).astype(np.int64) if sum(lengths) else np.zeros(0, dtype=np.int64)
    data = np.concatenate(values).astype(np.float64) if sum(lengths) else np.zeros(0)
    product = gram(rows, cols, data, len(ids))
    norms = np.sqrt(np.diag(product)).copy()
    norms[norms == 0] = 1.0
    return product / norms[:, None] / norms[None, :]


def agglomerate(members: Sequence[Features], term_idf: np.ndarray, key_idf: Callable[[str], float], *,
                link: float, max_gap: int, weights: dict[str, float], interval,
                apart: tuple[dict[str, float], float, int] | None = None,
                model: PairModel | None = None) -> list[list[Features]]:
    """Average linkage at similarity ``link`` (with ``model``: over the learned link's score
    margin, at 0, ``link`` unused, and while both clusters are small their standout counts too
    when the model says so: ``small_group_linkage``; see ``link_model``), then a split at date gaps > ``max_gap`` days
    (``interval(features)`` gives a member's reliable date interval or None). ``apart`` =
    (weights, below, min_size) vetoes a merge of two clusters of at least ``min_size`` members
    whose mean similarity under those weights is below ``below`` (see ``upgma``). Groups come
    earliest first, members in canonical order."""
    members = sorted(members, key=lambda f: f.order)
    if len(members) == 1:
        return [list(members)]
    sims = similarity(members, term_idf, key_idf, weights)
    standout = None
    if model is not None:
        headlines = headline_similarity(members, term_idf) if model.reads_headlines else None
        words = [f.words for f in members]
        if model.standout_small:
            standout = model.standout_small * pair_features(sims, words)["standout"]
        sims = model.margin(sims, words, headlines=headlines)
        link = 0.0
    if standout is not None:
        labels = small_group_linkage(sims, standout)
    elif apart is None:
        labels = _average_linkage(sims, link)
    else:
        apart_weights, below, min_size = apart
        labels = upgma((sims + sims.T) / 2.0, [1] * len(members), link,
                       apart=similarity(members, term_idf, key_idf, apart_weights), apart_below=below,
                       apart_min=min_size)
    groups: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        groups.setdefault(label, []).append(row)
    split: list[list[int]] = []
    for rows in groups.values():
        split.extend(_split_by_dates(rows, members, sims, max_gap, interval))
    out = [[members[r] for r in sorted(rows)] for rows in split]
    return sorted(out, key=lambda g: g[0].order)


def _average_linkage(sims: np.ndarray, link: float) -> list[int]:
    symmetric = (sims + sims.T) / 2.0
    # Distances top - sim: average linkage is unchanged by the shift, and score margins may
    # exceed 1.
    top = max(1.0, float(symmetric.max()))
    distances = np.clip(top - symmetric, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    return average_linkage(distances, top - link)


def small_group_linkage(margins: np.ndarray, extra: np.ndarray, small: int = SMALL) -> list[int]:
    """Average linkage over a margin matrix (merge the two clusters with the highest mean margin
    while it is >= 0), where two clusters that both have fewer than ``small`` members are judged
    by their mean margin plus their mean ``extra`` (the learned link's weighted standout: how far
    the pairs rise above each side's nearest neighbours). Why: a cluster of one to three members
    is judged on a few pairs, and among hundreds of leads on one subject a few different-story
    pairs are always as alike as a true pair; whether the pair stands out from its crowd tells
    them apart (NeuS). A large cluster's mean is evidence enough, and there the standout would
    hurt: in a story of 20+ articles each pair's crowd is its own story (ECB+). Greedy and
    deterministic (the lowest row among equal best scores merges first); O(n) work per merge
    beside the rows whose best partner merged. Returns, per row, the lowest row of its cluster."""
    n = len(margins)
    if n < 2:
        return list(range(n))
    mean = (np.asarray(margins, dtype=np.float64) + np.asarray(margins, dtype=np.float64).T) / 2.0
    plus = (np.asarray(extra, dtype=np.float64) + np.asarray(extra, dtype=np.float64).T) / 2.0
    np.fill_diagonal(mean, -np.inf)
    np.fill_diagonal(plus, 0.0)
    size = np.ones(n, dtype=np.float64)
    owner = np.arange(n)
    score = mean + plus if small > 1 else mean.copy()

    def rescore(row: int) -> np.ndarray:
        out = mean[row].copy()
        both = (size < small) & (size[row] < small)
        out[both] += plus[row][both]
        return out

    best = np.argmax(score, axis=1)
    best_score = score[np.arange(n), best]
    while True:
        i = int(np.argmax(best_score))
        if not best_score[i] >= 0.0:
            break
        a, b = sorted((i, int(best[i])))
        total = size[a] + size[b]
        for matrix in (mean, plus):
            merged = (size[a] * matrix[a] + size[b] * matrix[b]) / total
            matrix[a, :] = merged
            matrix[:, a] = merged
        mean[b, :] = mean[:, b] = mean[a, a] = -np.inf
        plus[b, :] = plus[:, b] = plus[a, a] = 0.0
        size[a], size[b] = total, 0.0
        owner[owner == b] = a
        row = rescore(a)
        score[a, :] = row
        score[:, a] = row
        score[b, :] = score[:, b] = -np.inf
        best_score[b] = -np.inf
        for r in np.flatnonzero((best == a) | (best == b)).tolist() + [a]:
            if r != b:
                best[r] = int(np.argmax(score[r]))
                best_score[r] = score[r, best[r]]
        better = score[:, a] > best_score
        better[a] = better[b] = False
        best[better] = a
        best_score[better] = score[better, a]
    return owner.tolist()


def upgma(sims: np.ndarray, sizes: Sequence[int], link: float, *, apart: np.ndarray | None = None,
          apart_below: float = 0.0, apart_min: int = 1) -> list[int]:
    """Size-weighted average linkage over groups: repeatedly merge the two clusters with the
    highest mean pairwise similarity (``sims`` holds it between the initial groups, of
    ``sizes`` members) while it reaches ``link``. With ``apart`` (a second mean-similarity
    matrix), two clusters of at least ``apart_min`` members each whose ``apart`` similarity is
    below ``apart_below`` are kept apart: that pair is skipped until either side changes.
    Returns, per group, the index of the lowest group of its cluster. Deterministic for a given
    input order; O(n^2) memory, O(n) work per merge (Lance-Williams updates)."""
    n = len(sizes)
    if n < 2:
        return list(range(n))
    sims = np.array(sims, dtype=np.float64)
    np.fill_diagonal(sims, -np.inf)
    far = np.array(apart, dtype=np.float64) if apart is not None else None
    blocked = np.zeros((n, n), dtype=bool)
    weight = np.asarray(sizes, dtype=np.float64)
    owner = np.arange(n)

    def best_of(row: int) -> tuple[int, float]:
        values = np.where(blocked[row], -np.inf, sims[row])
        col = int(np.argmax(values))
        return col, float(values[col])

    best = np.zeros(n, dtype=np.int64)
    best_sim = np.full(n, -np.inf)
    for row in range(n):
        best[row], best_sim[row] = best_of(row)
    while True:
        i = int(np.argmax(best_sim))
        if not best_sim[i] >= link:
            break
        a, b = sorted((i, int(best[i])))
        if far is not None and min(weight[a], weight[b]) >= apart_min and far[a, b] < apart_below:
            blocked[a, b] = blocked[b, a] = True
            for row in (a, b):
                best[row], best_sim[row] = best_of(row)
            continue
        for matrix in (sims,) if far is None else (sims, far):
            merged = (weight[a] * matrix[a] + weight[b] * matrix[b]) / (weight[a] + weight[b])
            matrix[a, :] = merged
            matrix[:, a] = merged
            matrix[b, :] = -np.inf
            matrix[:, b] = -np.inf
            matrix[a, a] = -np.inf
        weight[a] += weight[b]
        owner[owner == b] = a
        blocked[a, :] = blocked[:, a] = False  # a changed: its pairs are judged afresh
        best_sim[b] = -np.inf
        for row in np.flatnonzero((best == a) | (best == b)).tolist() + [a]:
            if row != b:
                best[row], best_sim[row] = best_of(row)
        better = sims[:, a] > best_sim
        better[a] = better[b] = False
        better &= ~blocked[:, a]
        best[better] = a
        best_sim[better] = sims[better, a]
    return owner.tolist()


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
