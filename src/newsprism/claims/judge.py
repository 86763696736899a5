"""The claim-pair judge: does claim B strengthen claim A, weaken it (contradict or undercut it),
or neither?

A multinomial logistic regression over ``judge_features`` (MiniLM |u - v| and u * v, lexical
overlap, numbers, negation / denial / hedge / attribution cues, and the stance model's soft cues:
each claim against the other restated as refuted / unclear / confirmed), trained on real cross-outlet
pairs: ClaimDiff's training topics, FNC-1 headlines against their bodies' closest claims, and
hand-labelled pairs from the seeds (``bench/claimpair.py --train`` writes ``data/claim_judge.npz``;
figures in bench/RESULTS.md). The judge reads a pair both ways and averages: outlets' claims have
no order, and ClaimDiff's reversed pairs keep their label 93% of the time.

    claim_relation("China supplies weapons to Russia", "China denied supplying weapons",
                   language=language) -> "weakens"   # newsprism.claim_relation takes the shared one
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..model import Embedder
from . import judge_features as F

RELATIONS = ("strengthens", "weakens", "neither")
JUDGE_FILE = "claim_judge.npz"
JUDGE_VERSION = "claim-judge-2"  # 2: the soft cues of the stance model (restatements, prototypes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Judge:
    """Weights of the judge: features are standardised (``mean``, ``scale``), then scored by
    ``coef`` (classes x features) + ``intercept``; ``bias`` is added to the log-odds before the
    argmax (the class balance chosen on validation)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    bias: np.ndarray
    feature_names: tuple[str, ...]

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """(n, 3) probabilities of ``RELATIONS`` for feature rows ``X`` (bias not applied)."""
        z = ((X - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def decide(self, proba: np.ndarray) -> np.ndarray:
        """Indices into ``RELATIONS``: the argmax of the biased log-probabilities."""
        return decide(proba, self.bias)


def decide(proba: np.ndarray, bias) -> np.ndarray:
    """Indices into ``RELATIONS``: the argmax of ``log(proba) + bias`` (a judge's decision rule,
    for probabilities from elsewhere, e.g. out-of-fold)."""
    return np.argmax(np.log(np.clip(proba, 1e-12, 1.0)) + np.asarray(bias, dtype=float), axis=1)


def save_judge(judge: Judge, path: Path, **settings: float) -> Path:
    """Write ``judge`` (and the training ``settings``, e.g. ``C``, for the record) to ``path``."""
    # Any: numpy's stub would match the ** values against savez_compressed's allow_pickle: bool
    recorded: dict[str, Any] = {k: np.array(v) for k, v in settings.items()}
    np.savez_compressed(path, **recorded, mean=judge.mean.astype(np.float32), scale=judge.scale.astype(np.float32),
                        coef=judge.coef.astype(np.float32), intercept=judge.intercept.astype(np.float32),
                        bias=judge.bias.astype(np.float32), feature_names=np.array(judge.feature_names),
                        relations=np.array(RELATIONS), version=np.array(JUDGE_VERSION))
    return path


@cache
def load_judge(path: str | None = None) -> Judge:
    """The shipped judge (``claims/data/claim_judge.npz``), or the one at ``path``."""
    source = Path(path) if path else resources.files("newsprism.claims") / "data" / JUDGE_FILE
    with source.open("rb") as handle:
        data = np.load(handle, allow_pickle=False)
        names = tuple(str(n) for n in data["feature_names"])
        if names != F.FEATURE_NAMES:
            raise ValueError(f"{source}: the judge was trained on other features; retrain it "
                             "(python bench/claimpair.py --train)")
        return Judge(mean=data["mean"], scale=data["scale"], coef=data["coef"], intercept=data["intercept"],
                     bias=data["bias"], feature_names=names)


def pair_probabilities(views_a: Sequence[F.ClaimView], views_b: Sequence[F.ClaimView], *,
                       judge: Judge | None = None) -> np.ndarray:
    """(n, 3) probabilities of ``RELATIONS`` for each pair, read both ways and averaged."""
    judge = judge or load_judge()
    if not len(views_a):
        return np.zeros((0, len(RELATIONS)))
    forward = judge.probabilities(F.pairs_features(views_a, views_b))
    backward = judge.probabilities(F.pairs_features(views_b, views_a))
    return (forward + backward) / 2


def read_texts(texts: Sequence[str], *, language: Embedder,
               vectors: Sequence[np.ndarray] | None = None) -> list[F.ClaimView]:
    """Judge views of ``texts``: each text (unless its ``vectors`` are given) and its
    restatements (``judge_features.restatements``) embedded with ``language`` in one batch."""
    texts = list(texts)
    if not texts:
        return []
    k = len(F.TEMPLATE_KINDS)
    own = texts if vectors is None else []
    embedded = np.asarray(language.embed(own + [r for t in texts for r in F.restatements(t)]))
    found = list(embedded[:len(own)]) if vectors is None else list(vectors)
    variants = embedded[len(own):]
    return [F.read_claim(t, v, variants=variants[n * k:(n + 1) * k]) for n, (t, v) in enumerate(zip(texts, found))]


def claim_relation(claim_a: str, claim_b: str, *, language: Embedder) -> str:
    """Does ``claim_b`` support ``claim_a`` ("strengthens"), contradict or undercut it
    ("weakens"), or neither ("neither")?"""
    a, b = read_texts([claim_a, claim_b], language=language)
    judge = load_judge()
    return RELATIONS[int(judge.decide(pair_probabilities([a], [b], judge=judge))[0])]

