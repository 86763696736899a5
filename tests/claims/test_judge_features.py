"""Claim-pair features on invented claims with fixed vectors (no model): the cues the judge reads."""
from __future__ import annotations

import numpy as np
import pytest

from newsprism.claims.judge_features import FEATURE_NAMES, SCALAR_NAMES, pair_features, read_claim


def unit(seed: int, n: int = 1) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 384)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def view(text: str, seed: int = 0, variants: np.ndarray | None = None):
    return read_claim(text, unit(seed)[0], variants=unit(seed + 1000, 3) if variants is None else variants)


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


def test_a_claim_close_to_the_other_restated_as_false_leans_that_way():
    a_false = unit(7)[0]  # stands for the vector of "Reports that <a> are false and a hoax."
    a = view("Acme recalled 5,000 cars.", variants=np.stack([a_false, unit(8)[0], unit(9)[0]]))
    b = read_claim("Acme never recalled any cars.", a_false, variants=unit(10, 3))
    cosine = float(a.vector @ b.vector)
    assert feature(a, b, "lean_b_false") == pytest.approx(1.0 - cosine, abs=1e-5)
    assert feature(a, b, "lean_b_false") > 0.5 > abs(feature(a, b, "lean_b_confirm"))
    assert feature(a, b, "lean_diff_false") == pytest.approx(feature(a, b, "lean_b_false") - feature(a, b, "lean_a_false"), abs=1e-5)
