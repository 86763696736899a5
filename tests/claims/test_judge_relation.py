"""The claim-pair judge (shipped weights) on invented claim pairs: the public
``newsprism.claim_relation`` answers one of three words, reads a pair both ways, and sees a
denial against the statement it denies."""
from __future__ import annotations

import numpy as np
import pytest

import newsprism
from newsprism.claims.judge import RELATIONS, load_judge, pair_probabilities, read_texts

ACCUSED = "Officials said Norland supplies drones and engines that power Vesta's army."
DENIED = "Norland denied supplying any weapons to Vesta and said it is not a party to the war."
SAME = "Norland is sending drones and engine parts that Vesta's army uses, officials said."


def test_answers_one_of_three_words(language):
    assert newsprism.claim_relation(ACCUSED, SAME, language=language) in RELATIONS
    assert "claim_relation" in newsprism.__all__


def test_a_denial_weakens_the_accusation_more_than_a_restatement(language):
    accused, denied, same = read_texts([ACCUSED, DENIED, SAME], language=language)
    weakens = RELATIONS.index("weakens")
    by_denial = pair_probabilities([accused], [denied])[0]
    by_restatement = pair_probabilities([accused], [same])[0]
    assert by_denial[weakens] > by_restatement[weakens] + 0.2
    assert by_denial[weakens] > 0.4


def test_a_restatement_strengthens(language):
    assert newsprism.claim_relation(ACCUSED, SAME, language=language) == "strengthens"


def test_the_pair_is_read_both_ways(language):
    a, b = read_texts([ACCUSED, DENIED], language=language)
    np.testing.assert_allclose(pair_probabilities([a], [b]), pair_probabilities([b], [a]), atol=1e-6)


def test_weights_are_small_and_match_the_features():
    judge = load_judge()
    assert judge.coef.shape == (3, len(judge.feature_names)) and judge.bias.shape == (3,)


def test_weights_for_other_features_are_refused(tmp_path):
    from newsprism.claims.judge import Judge, save_judge

    n = 4
    stale = Judge(mean=np.zeros(n), scale=np.ones(n), coef=np.zeros((3, n)), intercept=np.zeros(3),
                  bias=np.zeros(3), feature_names=tuple(f"f{k}" for k in range(n)))
    path = save_judge(stale, tmp_path / "judge.npz")
    with pytest.raises(ValueError, match="retrain"):
        load_judge(str(path))
