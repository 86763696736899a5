"""``newsprism.linkage.average_linkage`` gives scipy's average-linkage flat clusters, ties included
(scipy is no default dependency: the comparison is skipped where it is absent)."""
import numpy as np
import pytest

from newsprism.linkage import average_linkage


def _numbered(labels) -> list[int]:
    seen: dict[int, int] = {}
    return [seen.setdefault(int(x), len(seen)) for x in labels]


@pytest.mark.parametrize("levels", [3, 5, 10, 10_000])  # few levels: many equal distances
def test_average_linkage_equals_scipy_on_random_matrices(levels: int) -> None:
    hierarchy = pytest.importorskip("scipy.cluster.hierarchy")
    distance = pytest.importorskip("scipy.spatial.distance")
    for seed in range(150):
        rng = np.random.default_rng(seed)
        n = int(rng.integers(2, 30))
        d = rng.integers(0, levels, size=(n, n)) / levels  # not symmetric: the upper triangle counts
        if seed % 2:
            d = d.astype(np.float32)
        tree = hierarchy.linkage(distance.squareform(d, checks=False), method="average")
        for cut in (0.1, 0.3, 0.5, 0.7):
            expected = _numbered(hierarchy.fcluster(tree, t=cut, criterion="distance"))
            assert average_linkage(d, cut) == expected, (seed, cut)


def test_average_linkage_merges_on_the_mean_distance() -> None:
    d = np.array([[0.0, 0.2, 0.5],
                  [0.2, 0.0, 0.7],
                  [0.5, 0.7, 0.0]])
    assert average_linkage(d, 0.55) == [0, 0, 1]  # {0, 1} to 2: (0.5 + 0.7) / 2 = 0.6
    assert average_linkage(d, 0.6) == [0, 0, 0]  # a merge at exactly the cut is made
    assert average_linkage(d, 0.1) == [0, 1, 2]


def test_average_linkage_ties_break_towards_the_chain_start() -> None:
    # 0-1 and 1-2 are equally near; 0-2 far: the pair met first from the lowest item merges
    d = np.array([[0.0, 0.3, 0.9],
                  [0.3, 0.0, 0.3],
                  [0.9, 0.3, 0.0]])
    assert average_linkage(d, 0.5) == [0, 0, 1]


def test_average_linkage_small_and_bad_inputs() -> None:
    assert average_linkage(np.zeros((0, 0)), 0.5) == []
    assert average_linkage(np.zeros((1, 1)), 0.5) == [0]
    with pytest.raises(ValueError):
        average_linkage(np.array([[0.0, np.nan], [np.nan, 0.0]]), 0.5)
