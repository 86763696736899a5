"""Small groups: while both clusters are small their standout counts (``small_group_linkage``), and
events of few members each link into one story only on more evidence (the ``small`` feature)."""
import numpy as np

from newsprism.cluster.link_model import SMALL, PairModel, pair_features
from newsprism.cluster.similarity import _average_linkage, small_group_linkage


def _groups(labels):
    out = {}
    for row, label in enumerate(labels):
        out.setdefault(label, []).append(row)
    return sorted(out.values())


def test_without_extra_it_is_average_linkage():
    rng = np.random.default_rng(3)
    for _ in range(20):
        points = rng.normal(size=(12, 4))
        sims = points @ points.T / 4.0 - 0.2
        assert _groups(small_group_linkage(sims, np.zeros_like(sims))) == _groups(_average_linkage(sims, 0.0))


def test_two_triplets_on_one_subject_stay_apart_when_neither_stands_out():
    # Rows 0-2 and 3-5: two tight triplets whose cross margin is slightly positive; each row's
    # crowd is its own triplet, so the cross pairs stand out negatively.
    margins = np.full((6, 6), 0.05)
    margins[:3, :3] = margins[3:, 3:] = 0.4
    sims = margins + 0.3
    standout = pair_features(sims, [80] * 6)["standout"]
    assert _groups(_average_linkage(margins, 0.0)) == [[0, 1, 2, 3, 4, 5]]
    assert _groups(small_group_linkage(margins, 2.0 * standout)) == [[0, 1, 2], [3, 4, 5]]


def test_large_clusters_are_judged_on_their_mean_margin_alone():
    # Two clusters of SMALL members each with a weak positive cross margin merge: the standout,
    # negative for every cross pair, no longer counts once a cluster is not small.
    n = 2 * SMALL
    margins = np.full((n, n), 0.05)
    margins[:SMALL, :SMALL] = margins[SMALL:, SMALL:] = 0.4
    standout = pair_features(margins + 0.3, [80] * n)["standout"]
    assert _groups(small_group_linkage(margins, 2.0 * standout)) == [list(range(n))]


def test_small_events_need_more_to_link():
    model = PairModel(weights={"bias": -0.24, "sim": 1.0, "small": -0.3}, cut=0.0)
    sims = np.array([[1.0, 0.4, 0.4], [0.4, 1.0, 0.4], [0.4, 0.4, 1.0]])
    margin = model.margin(sims, [300, 300, 300], sizes=[2, 3, SMALL])
    assert margin[0, 1] < 0 < margin[0, 2]
    assert np.isclose(margin[1, 2], margin[0, 2])


def test_small_short_spares_events_of_full_articles():
    # The shipped form: a penalty for two small events of short texts (headline + lead), none for
    # two small events of full articles (the seeds: two visits, two and three reports).
    model = PairModel(weights={"bias": -0.24, "sim": 1.0, "small_short": -0.5}, cut=0.0)
    sims = np.full((2, 2), 0.4)
    np.fill_diagonal(sims, 1.0)
    leads = model.margin(sims, [70, 70], sizes=[3, 3])
    articles = model.margin(sims, [600, 600], sizes=[3, 3])
    assert leads[0, 1] < 0 < articles[0, 1]
