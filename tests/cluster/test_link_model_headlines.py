"""The learned link reads headlines: shared headline words raise a pair's link, headlines with
nothing in common lower it, and articles without headlines are judged as before."""
import numpy as np

from newsprism.cluster.features import lexical
from newsprism.cluster.link_model import PairModel, pair_features
from newsprism.cluster.similarity import headline_similarity

MODEL = PairModel(weights={"bias": -0.3, "sim": 1.0, "headline": 0.4, "headlined": -0.16}, cut=0.0)


class _Headlined:
    """Only what headline_similarity reads from a Features."""

    def __init__(self, headline: str):
        self.headline_terms, self.headline_tf = lexical(headline)


def _headlines(*texts: str):
    members = [_Headlined(text) for text in texts]
    idf = np.ones(1 << 20, dtype=np.float32)
    return headline_similarity(members, idf)


def test_headline_cosine_is_zero_and_not_both_where_one_has_no_headline():
    cosine, both = _headlines("Haley resigns as UN ambassador", "UN ambassador Haley resigns", "")
    assert cosine[0, 1] > 0.9 and both[0, 1]
    assert cosine[0, 2] == 0.0 and not both[0, 2] and not both[2, 2]


def test_shared_headline_words_link_what_disagreeing_headlines_keep_apart():
    headlines = _headlines("Haley resigns as UN ambassador", "UN ambassador Haley resigns",
                           "Nikki jokes at charity dinner")
    sims = np.full((3, 3), 0.4)
    np.fill_diagonal(sims, 1.0)
    margin = MODEL.margin(sims, [80, 80, 80], headlines=headlines)
    assert margin[0, 1] > 0 > margin[0, 2]


def test_without_headlines_the_margin_is_the_similarity_model_alone():
    sims = np.array([[1.0, 0.45], [0.45, 1.0]])
    plain = PairModel(weights={"bias": -0.3, "sim": 1.0}, cut=0.0).margin(sims, [80, 80])
    assert np.allclose(MODEL.margin(sims, [80, 80]), plain)
    assert np.allclose(MODEL.margin(sims, [80, 80], headlines=_headlines("", "")), plain)
    assert MODEL.reads_headlines and not PairModel(weights={"sim": 1.0}, cut=0.0).reads_headlines


def test_headline_features_are_zero_without_headlines():
    found = pair_features(np.eye(2), [80, 80])
    assert not found["headline"].any() and not found["headlined"].any()
