"""Claim-pair features on invented claims with fixed vectors (no model): the cues the judge reads."""
from __future__ import annotations

import numpy as np

from newsprism.claims.judge_features import FEATURE_NAMES, SCALAR_NAMES, pair_features, read_claim


def view(text: str, seed: int = 0):
    vector = np.random.default_rng(seed).normal(size=384).astype(np.float32)
    return read_claim(text, vector / np.linalg.norm(vector))


def feature(a, b, name: str) -> float:
    return float(pair_features(a, b)[FEATURE_NAMES.index(name)])


def test_shape_and_names():
    x = pair_features(view("Acme recalled 5,000 cars."), view("Acme recalled cars.", 1))
    assert x.shape == (len(FEATURE_NAMES),) and len(FEATURE_NAMES) == len(SCALAR_NAMES) + 2 * 384
    assert np.isfinite(x).all()


def test_numbers_that_differ_and_numbers_shared():
    a = view("The fire killed 12 people on Sunday.")
    assert feature(a, view("The fire killed 40 people on Sunday."), "numbers_differ") == 1.0
    assert feature(a, view("Officials said 12 people died in the fire."), "numbers_shared") == 1.0
    assert feature(a, view("The fire killed people on Sunday."), "numbers_differ") == 0.0


def test_negation_denial_and_attribution_cues():
    said = view("The company recalled the cars.")
    denied = view("The company denied that it had recalled the cars, a spokesman said.")
    assert feature(said, denied, "negation_mismatch") == 1.0
    assert feature(said, denied, "b_denial") >= 1 and feature(said, denied, "a_denial") == 0
    assert feature(said, denied, "b_attribution") >= 1 and feature(said, denied, "a_attribution") == 0


def test_overlap_is_one_for_the_same_claim():
    a = view("Acme recalled 5,000 cars in Germany.")
    assert feature(a, a, "tfidf") > 0.99 and feature(a, a, "jaccard") == 1.0
    assert feature(a, view("Fishermen reported record salmon catches."), "jaccard") == 0.0
