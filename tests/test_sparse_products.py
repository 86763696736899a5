"""``newsprism.sparse``: the row products scipy.sparse gave (compared where scipy is installed), and
their meaning on small hand-made matrices everywhere."""
import numpy as np
import pytest

from newsprism import sparse


def _entries(seed: int, n_rows: int, n_cols: int, n: int):
    rng = np.random.default_rng(seed)
    return (rng.integers(0, n_rows, n), rng.integers(0, n_cols, n),  # repeats: they add up
            rng.normal(size=n))


def test_gram_and_shared_pairs_on_a_small_matrix() -> None:
    # rows: 0 = {a: 1, b: 2}, 1 = {b: 3}, 2 = {c: 1}, with row 0's b given in two entries (1 + 1)
    rows, cols, values = [0, 0, 0, 1, 2], [0, 1, 1, 1, 2], [1.0, 1.0, 1.0, 3.0, 1.0]
    expected = np.array([[5.0, 6.0, 0.0], [6.0, 9.0, 0.0], [0.0, 0.0, 1.0]])
    assert np.array_equal(sparse.gram(np.array(rows), np.array(cols), np.array(values), 3), expected)
    a, b, dots = sparse.shared_pairs(np.array(rows), np.array(cols), np.array(values))
    assert (a.tolist(), b.tolist(), dots.tolist()) == ([0], [1], [6.0])  # rows 0-2, 1-2: nothing shared


def test_empty_input() -> None:
    none = np.zeros(0, dtype=np.int64)
    assert sparse.gram(none, none, np.zeros(0), 2).tolist() == [[0.0, 0.0], [0.0, 0.0]]
    assert all(len(x) == 0 for x in sparse.shared_pairs(none, none, np.zeros(0)))


@pytest.mark.parametrize("chunk", [1, 7, 1 << 22])  # a chunk smaller than one column's pairs too
def test_products_equal_scipy(chunk: int, monkeypatch) -> None:
    scipy_sparse = pytest.importorskip("scipy.sparse")
    monkeypatch.setattr(sparse, "PAIR_CHUNK", chunk)
    for seed in range(20):
        rows, cols, values = _entries(seed, n_rows=30, n_cols=1 + seed * 5, n=200)
        matrix = scipy_sparse.csr_matrix((values, (rows, cols)), shape=(30, cols.max() + 1))
        product = (matrix @ matrix.T).toarray()
        assert np.allclose(sparse.gram(rows, cols, values, 30), product, rtol=1e-12, atol=1e-12)
        upper = scipy_sparse.triu(matrix @ matrix.T, k=1).tocoo()
        expected = sorted(zip(upper.row.tolist(), upper.col.tolist(), upper.data.tolist()))
        a, b, dots = sparse.shared_pairs(rows, cols, values)
        assert [(x, y) for x, y, _ in expected] == list(zip(a.tolist(), b.tolist()))
        assert np.allclose(dots, [d for _, _, d in expected], rtol=1e-12, atol=1e-12)
