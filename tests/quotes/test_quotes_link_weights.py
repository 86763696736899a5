"""The linker's shipped weights: a stage-2 regression reads the stage-1 logit as a feature."""
from __future__ import annotations

import numpy as np

from newsprism.quotes.link import load_linker, read_weights


def test_stage1_logit_is_a_feature_of_stage2():
    weights = read_weights({"names": ["b", "stage1_logit"], "coef": [2.0, 0.5], "bias": -1.0, "threshold": 0.2,
                            "stage1": {"names": ["a"], "coef": [3.0], "bias": 1.0}})
    x = np.array([[1.0, 0.0], [0.0, 1.0]])  # columns "a", "b"
    # row 0: stage 1 = 3 + 1 = 4, stage 2 = 0 + 0.5 * 4 - 1 = 1; row 1: stage 1 = 1, stage 2 = 2 + 0.5 - 1
    assert np.allclose(weights.logits(("a", "b"), x), [1.0, 1.5])
    assert weights.threshold == 0.2


def test_shipped_weights_name_only_known_features():
    linker = load_linker()
    assert linker is not None
    names = set(linker.weights.names)
    assert {"subject_of_governor", "tagged_source", "stage1_logit"} <= names
    assert linker.weights.stage1 is not None and "tagged_source" not in linker.weights.stage1.names
    assert 0.0 <= linker.weights.threshold < 0.5
