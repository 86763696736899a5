"""The learned link: when two articles (two events) are one story, given how alike they are and
how much text there is to go on.

A similarity means less between short texts: two 60-word political leads ("Trump said ... on
Monday") are as alike as two 600-word reports of one happening, yet they report different
stories far more often (NeuS leads: each has two true neighbours among 920, and different-story
pairs reach the same-story median similarity). One fixed link cannot serve both: at the link
that ECB+'s long articles need, undated headline + lead triples lump into one political story.

So each linkage works on the log-odds of a logistic model instead of the raw similarity:

    log-odds = b0 + b1 * sim + b2 * l + b3 * sim * l,   l = log(1 + min(words_a, words_b))

minus a cut chosen on validation data; average linkage then merges while the mean log-odds
margin is >= 0. Two stages have one model each: ``scaffold`` (article pairs, the scaffold
similarity of ``index.STORY_WEIGHTS``) and ``events`` (event pairs, the lead similarity of
``linking.link_events``; words = an event's mean member length). Weights are trained on the
train parts of ECB+ (odd topics), NeuS (AllSides train stories) and BASIL (half of the
held-apart triplets), the cuts chosen on their validation parts, all three sets at once:
``python bench/train_link_model.py`` (figures in bench/RESULTS.md). Inference is numpy only;
the weights ship as ``data/link_model.json``.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "data" / "link_model.json"
STAGES = ("scaffold", "events")


@dataclass(frozen=True, slots=True, kw_only=True)
class PairModel:
    """Logistic link of one stage: ``weights`` = (intercept, sim, l, sim * l); ``cut`` = the
    log-odds at which two link (chosen on validation, not 0: pairs are imbalanced)."""

    weights: tuple[float, float, float, float]
    cut: float

    def margin(self, sims: np.ndarray, words: Sequence[float]) -> np.ndarray:
        """Log-odds minus the cut for every pair of a similarity matrix whose rows have
        ``words`` words each (> 0: the pair links on its own)."""
        counts = np.asarray(words, dtype=np.float64)
        length = np.log1p(np.minimum(counts[:, None], counts[None, :]))
        b0, b1, b2, b3 = self.weights
        return b0 + b1 * sims + b2 * length + b3 * sims * length - self.cut


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkModel:
    scaffold: PairModel
    events: PairModel


def from_dict(data: dict) -> LinkModel:
    return LinkModel(**{stage: PairModel(weights=tuple(float(w) for w in data[stage]["weights"]),  # type: ignore[arg-type]
                                         cut=float(data[stage]["cut"])) for stage in STAGES})


@lru_cache(maxsize=1)
def shipped() -> LinkModel:
    """The model shipped with the package (``data/link_model.json``)."""
    return from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
