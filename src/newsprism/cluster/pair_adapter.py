"""A learned same-story similarity: MiniLM article vectors through a linear map trained on gold
pairs, so that two reports of one event read alike however their outlets word them, and two
reports of one subject (two jobs reports, "Haley resigns" / "Haley jokes") read apart.

The map ``W`` (384 x 384, float16) was trained contrastively (bench/train_pair_adapter.py) on
the train parts of three real sets: NeuS AllSides train stories 500 on (headline + lead
triplets of left, centre and right outlets), ECB+ odd topics (text only) and BASIL's training
triplets; each article against its same-story articles and its nearest different-story ones
(hard negatives), with ``W`` held near the identity. The cosine of two mapped vectors is then
put back on the raw cosine's scale (``offset`` + ``scale`` x cosine: the same mean and spread
over the training pairs), so that it can stand in for part of the raw cosine in a similarity mix
(``similarity.similarity``'s ``learned`` weight) without moving the links tuned on that scale.
Numpy only; the weights ship as ``data/pair_adapter.npz``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ADAPTER_FILE = Path(__file__).parent / "data" / "pair_adapter.npz"


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class PairAdapter:
    """``map`` (dim x out) and the affine ``offset`` / ``scale`` that put the mapped cosine on the
    raw cosine's scale."""

    map: np.ndarray
    offset: float
    scale: float

    def similarity(self, vectors: np.ndarray) -> np.ndarray:
        """The learned similarity of every pair of rows of ``vectors`` (unit MiniLM vectors; zero
        rows stay zero before the affine step)."""
        mapped = np.asarray(vectors, dtype=np.float32) @ self.map
        norms = np.linalg.norm(mapped, axis=1, keepdims=True)
        mapped = mapped / np.where(norms == 0, 1.0, norms)
        return self.offset + self.scale * (mapped @ mapped.T).astype(np.float64)


def load(path: Path) -> PairAdapter:
    with np.load(path) as data:
        return PairAdapter(map=np.asarray(data["map"], dtype=np.float32), offset=float(data["offset"]),
                           scale=float(data["scale"]))


@lru_cache(maxsize=1)
def shipped() -> PairAdapter:
    """The adapter shipped with the package (``data/pair_adapter.npz``)."""
    return load(ADAPTER_FILE)
