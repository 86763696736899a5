"""The learned link: when two articles (two events) are one story, given how alike they are and
how much text there is to go on.

A similarity means less between short texts: two 60-word political leads ("Trump said ... on
Monday") are as alike as two 600-word reports of one happening, yet they report different
stories far more often (NeuS leads: each has two true neighbours among 920, and different-story
pairs reach the same-story median similarity). One fixed link cannot serve both: at the link
that ECB+'s long articles need, undated headline + lead triples lump into one political story.

So each linkage works on a learned link score instead of the raw similarity: a weighted sum of
pair features (``pair_features``: the similarity; how far the pair stands out from each side's
nearest neighbours; how far the texts fall short of a full article), minus a cut; average
linkage merges while the mean score is >= 0. Two stages have one model each: ``scaffold``
(article pairs, the scaffold similarity of ``index.STORY_WEIGHTS``, which since cluster-7 includes
the learned same-story similarity of ``pair_adapter``) and ``events`` (event pairs,
the lead similarity of ``linking.link_events``; words = an event's mean member length). The
weights were chosen on three real sets at once: the train parts of ECB+ (odd topics), NeuS
(AllSides train stories) and BASIL (half of the held-apart triplets) by mean story B-cubed F1,
the best few checked on their validation parts (``python bench/train_link_model.py --write``;
figures in bench/RESULTS.md). Inference is numpy only; the weights ship as
``data/link_model.json``.

What the shipped weights say: scaffold stories link at 0.30 on similarity, moved by 0.4 x
(headline cosine - 0.3) when both articles have headlines (two reports of one happening share
headline words, two stories of one subject among hundreds of political leads less so; articles
without headlines are judged on similarity alone), and while both clusters are small (fewer than
``SMALL`` members) their mean standout counts too, with weight ``standout_small`` (a lead joins
a triplet, or two triplets join, only when they stand out from their crowd: among hundreds of
leads on one subject chance-close pairs are many; a large cluster's mean is evidence enough, and
there the standout would only punish a big story's own density); events link at 0.24 on
similarity plus how far they stand out from their crowd (leads of one kind of happening among many
of other kinds, not one more political lead among hundreds), short events (headline + lead) need
0.2 more per unit of log-shortness, and two small events of short texts (``small_short``) more
again: a story of several events told by a few headline + lead texts each is little to go on,
while two small events of full reports (the seeds' two visits) link as before.
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


# How many nearest neighbours make a row's crowd (see pair_features).
CROWD = 3
# Texts shorter than this count as short (pair_features' ``short``): NeuS headline + leads are
# 78 words at the median, 109 at the 99th percentile; ECB+ articles 227 at the median (25%
# under 123), BASIL's 620.
SHORT_WORDS = 150
# Clusters (events) of fewer members than this count as small: their mean similarity rests on a
# few pairs. On NeuS (every story three leads) the scaffold's wrong merges join a lead or a triplet
# to another triplet of one subject; on ECB+ the merges that make its stories join clusters of 4+
# (train / validation parts, bench/RESULTS.md "small groups").
SMALL = 4
FEATURES = ("bias", "sim", "standout", "short", "standout_short", "headline", "headlined", "small", "small_short")
HEADLINE_FEATURES = frozenset({"headline", "headlined"})
# Weights the linkage reads rather than the pair margin: ``standout_small`` = how much the mean
# standout of two clusters counts while both are small (``similarity.small_group_linkage``).
LINKAGE_WEIGHTS = frozenset({"standout_small"})


def pair_features(sims: np.ndarray, words: Sequence[float], crowd: int = CROWD,
                  headlines: tuple[np.ndarray, np.ndarray] | None = None,
                  sizes: Sequence[int] | None = None) -> dict[str, np.ndarray]:
    """The pair features of a similarity matrix whose rows have ``words`` words each: ``sim``;
    ``standout``, how far the pair rises above the two rows' crowds (sim minus the mean of each
    row's ``crowd`` best similarities to others, averaged over the two rows: among many leads on
    one subject, a true pair stands out, a merely topical one does not); ``short``, how far the
    shorter row falls below ``SHORT_WORDS`` words (log scale, 0 at or above it); and
    ``standout_short``, their product; with ``headlines`` = (headline cosine, both have a
    headline) (``similarity.headline_similarity``), ``headline`` (the cosine where both have
    one, else 0) and ``headlined`` (1 where both have one, else 0): a weight w on ``headline``
    and -w x h on ``headlined`` move the link of two headlined articles by w x (cosine - h), and
    leave articles without headlines as they were. With ``sizes`` (members of each row: events),
    ``small`` is 1 where both rows have fewer than ``SMALL`` members (else 0), and ``small_short``
    is ``small`` x ``short``."""
    n = sims.shape[0]
    counts = np.asarray(words, dtype=np.float64)
    short = np.clip(np.log1p(SHORT_WORDS) - np.log1p(np.minimum(counts[:, None], counts[None, :])), 0.0, None)
    if n > 1:
        others = np.array(sims, dtype=np.float64)
        np.fill_diagonal(others, -np.inf)
        k = min(crowd, n - 1)
        top = np.sort(others, axis=1)[:, -k:].mean(axis=1)
    else:
        top = np.zeros(n)
    standout = sims - (top[:, None] + top[None, :]) / 2.0
    if headlines is None:
        cosine, both = np.zeros_like(sims), np.zeros_like(sims)
    else:
        cosine, both = np.asarray(headlines[0], dtype=np.float64), np.asarray(headlines[1], dtype=np.float64)
    if sizes is None:
        small = np.zeros_like(sims)
    else:
        little = np.asarray(sizes) < SMALL
        small = (little[:, None] & little[None, :]).astype(np.float64)
    return {"bias": np.ones_like(sims), "sim": sims, "standout": standout, "short": short,
            "standout_short": standout * short, "headline": cosine * both, "headlined": both, "small": small,
            "small_short": small * short}


@dataclass(frozen=True, slots=True, kw_only=True)
class PairModel:
    """The link of one stage: ``weights`` per feature name (``FEATURES``; see ``pair_features``);
    ``cut`` = the score at which two link."""

    weights: dict[str, float]
    cut: float

    @property
    def reads_headlines(self) -> bool:
        """Whether the margin needs the headlines' similarity (``margin``'s ``headlines``)."""
        return any(self.weights.get(name) for name in HEADLINE_FEATURES)

    @property
    def standout_small(self) -> float:
        """The weight of the mean standout while both clusters are small (0: plain linkage)."""
        return self.weights.get("standout_small", 0.0)

    def margin(self, sims: np.ndarray, words: Sequence[float],
               headlines: tuple[np.ndarray, np.ndarray] | None = None,
               sizes: Sequence[int] | None = None) -> np.ndarray:
        """The link score minus the cut for every pair of a similarity matrix whose rows have
        ``words`` words each (> 0: the pair links on its own); ``headlines`` and ``sizes`` as
        ``pair_features``' (without them the headline and size features are 0)."""
        found = pair_features(np.asarray(sims, dtype=np.float64), words, headlines=headlines, sizes=sizes)
        out = np.full(sims.shape, -self.cut, dtype=np.float64)
        for name, weight in self.weights.items():
            if weight and name not in LINKAGE_WEIGHTS:
                out += weight * found[name]
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkModel:
    scaffold: PairModel
    events: PairModel


def from_dict(data: dict) -> LinkModel:
    return LinkModel(**{stage: PairModel(weights={k: float(v) for k, v in data[stage]["weights"].items()},
                                         cut=float(data[stage]["cut"])) for stage in STAGES})


@lru_cache(maxsize=1)
def shipped() -> LinkModel:
    """The model shipped with the package (``data/link_model.json``)."""
    return from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
