"""Sentence salience: corroboration across independent sources, closeness to the story's
centroid, position in the article, length.

All vectors are L2-normalised MiniLM embeddings, so a dot product is a cosine.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .records import Sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    """The handful of global parameters of the extractive summarizer.

    Chosen on the first 100 of the 250 Multi-News clusters only (``bench/summary.py --tune``:
    a 96-point grid over support, centroid, position, redundancy, min_words and max_words, best
    ROUGE-1 + ROUGE-2 F1): dev 0.4647 / 0.1727, the 150 held-out clusters 0.4600 / 0.1596. The
    grid is flat: the top settings all lie within 0.003 of each other on either metric. A
    SumBasic-like lexical weight (0.5-2.0) was also tried and did not help (dev R-2 -0.003).

    ``lead_max_words`` was chosen on NeuS dev (307 stories, 66 words) and the same 100 Multi-News
    clusters at once (``bench/neus_summary.py --tune``): a lede of 41-60 words is often the best
    sentence of a short neutral roundup. Cap 40 / 50 / 60: NeuS 0.3846/0.1685, 0.3905/0.1745,
    0.3908/0.1749; Multi-News dev 0.4674/0.1734, 0.4649/0.1718, 0.4649/0.1719. Raising
    ``max_words`` itself to 60 instead gave NeuS 0.3913/0.1753 but Multi-News dev 0.4644/0.1697.
    """

    support: float = 1.0  # mean best cosine to each other independent source
    centroid: float = 0.5  # cosine to the centroid of the sources' centroids
    position: float = 1.0  # lead bias: weight of 1 / (1 + position) ** position_decay
    position_decay: float = 0.5  # fixed after an earlier dev grid: 0.5 ahead of 1.0 in 7 of 12 pairings
    redundancy: float = 0.6  # MMR: penalty per unit of cosine to the closest chosen sentence
    min_words: int = 6  # shorter sentences are fragments, captions, datelines
    max_words: int = 40  # longer ones cost a sixth of the budget at once, or are bad splits
    lead_max_words: int = 60  # the cap for a document's first sentence (a lede is rarely a bad split)


def sentence_scores(sentences: list[Sentence], vectors: np.ndarray, groups: np.ndarray,
                    weights: Weights) -> np.ndarray:
    """One salience score per sentence (higher is better)."""
    central = centroid_similarity(vectors, groups)
    corroborated = support(vectors, groups)
    if corroborated is None:  # one source: its own centre is all the corroboration there is
        corroborated = central
    positions = np.array([s.position for s in sentences], dtype=np.float32)
    lead = 1.0 / (1.0 + positions) ** weights.position_decay
    return weights.support * corroborated + weights.centroid * central + weights.position * lead


def centroid_similarity(vectors: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Cosine of each sentence to the mean of the per-source centroids (each source counts once,
    however long it is or however many copies of it there are)."""
    centres = [vectors[groups == g].mean(axis=0) for g in np.unique(groups)]
    centre = np.mean(centres, axis=0)
    norm = np.linalg.norm(centre)
    return vectors @ (centre / norm) if norm > 0 else np.zeros(len(vectors), dtype=np.float32)


def best_match_by_group(sim: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(best, labels)``: best[i, k] is the highest cosine of sentence i to any sentence of
    group labels[k]."""
    labels = np.unique(groups)
    best = np.stack([sim[:, groups == g].max(axis=1) for g in labels], axis=1)
    return best, labels


def support(vectors: np.ndarray, groups: np.ndarray) -> np.ndarray | None:
    """Mean over the *other* independent sources of the best cosine to any of their sentences:
    how far the rest of the coverage carries this sentence. None with a single source."""
    labels = np.unique(groups)
    if len(labels) < 2:
        return None
    best, labels = best_match_by_group(vectors @ vectors.T, groups)
    own = groups[:, None] == labels[None, :]
    return np.where(own, 0.0, best).sum(axis=1) / (len(labels) - 1)
