"""The learned link: log-odds margins from similarity, standing out from the crowd, and length."""
import numpy as np

from newsprism.cluster.link_model import FEATURES, LINKAGE_WEIGHTS, SHORT_WORDS, STAGES, PairModel, from_dict, pair_features, shipped


def test_shipped_model_has_both_stages_and_known_features():
    model = shipped()
    for stage in STAGES:
        pair = getattr(model, stage)
        assert set(pair.weights) <= set(FEATURES) | LINKAGE_WEIGHTS
        assert pair.weights.get("sim", 0.0) > 0  # more alike is never less linked


def test_margin_rises_with_similarity():
    model = PairModel(weights={"bias": -0.3, "sim": 1.0, "standout": 0.5}, cut=0.0)
    sims = np.array([[1.0, 0.6, 0.2], [0.6, 1.0, 0.2], [0.2, 0.2, 1.0]])
    margin = model.margin(sims, [100, 100, 100])
    assert margin[0, 1] > 0 > margin[0, 2]
    assert np.allclose(margin, margin.T)


def test_a_pair_in_a_crowd_stands_out_less_than_a_lone_pair():
    # Rows 0-1 are a lone pair; rows 2-5 all alike: the same similarity stands out less there.
    sims = np.full((6, 6), 0.1)
    sims[0, 1] = sims[1, 0] = 0.5
    sims[2:, 2:] = 0.5
    np.fill_diagonal(sims, 1.0)
    standout = pair_features(sims, [80] * 6)["standout"]
    assert standout[0, 1] > standout[2, 3]


def test_short_is_how_far_the_shorter_text_falls_below_short_words():
    found = pair_features(np.eye(3), [10, 1000, 5000])
    assert np.isclose(found["short"][0, 1], np.log1p(SHORT_WORDS) - np.log1p(10))
    assert found["short"][1, 2] == 0.0


def test_model_round_trips_from_its_json_form():
    data = {"scaffold": {"weights": {"bias": -0.3, "sim": 1.0}, "cut": 0.5},
            "events": {"weights": {"bias": -0.2, "sim": 1.0, "standout": 0.25}, "cut": 0.0}}
    model = from_dict(data)
    assert model.scaffold.cut == 0.5 and model.events.weights["standout"] == 0.25
