"""Products of sparse rows in numpy (what scipy.sparse did for five stages, without scipy).

A sparse matrix is given as entries (row, column, value); entries with the same row and column
add up, as in a scipy ``csr_matrix``. ``gram`` is the dense matrix of row dot products (cosines
of tf-idf profiles, word overlaps); ``shared_pairs`` the same products kept sparse, only for the
pairs of rows that share a column (a pile's quotes: most pairs share nothing). Both cost, like
scipy's sparse product, the sum over columns of (rows in that column)^2, done in chunks of at most
``PAIR_CHUNK`` pairs so that a column every row has stays within memory.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

PAIR_CHUNK = 1 << 22  # pairs per chunk: ~100 MB of index and value arrays


def gram(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n_rows: int) -> np.ndarray:
    """The dense ``n_rows`` x ``n_rows`` float64 matrix M @ M.T of the entries' matrix M."""
    rows, cols, values = _summed(rows, cols, values)
    out = np.zeros(n_rows * n_rows)
    for a, b, products in _pairs(rows, cols, values):
        out += np.bincount(a * n_rows + b, weights=products, minlength=n_rows * n_rows)
    square = out.reshape(n_rows, n_rows)
    square += square.T
    square[np.diag_indices(n_rows)] = np.bincount(rows, weights=values * values, minlength=n_rows)
    return square


def shared_pairs(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, dot product) for every pair of rows a < b sharing at least one column, sorted by
    (a, b): the upper triangle of M @ M.T without its structural zeros."""
    rows, cols, values = _summed(rows, cols, values)
    if not len(rows):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    width = int(rows.max()) + 1
    keys_parts, sums_parts = [], []
    for a, b, products in _pairs(rows, cols, values):
        keys, inverse = np.unique(a * width + b, return_inverse=True)
        keys_parts.append(keys)
        sums_parts.append(np.bincount(inverse, weights=products, minlength=len(keys)))
    if not keys_parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    keys, inverse = np.unique(np.concatenate(keys_parts), return_inverse=True)
    sums = np.bincount(inverse, weights=np.concatenate(sums_parts), minlength=len(keys))
    return keys // width, keys % width, sums


def _summed(rows, cols, values) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The entries sorted by (column, row), duplicates added up."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    values = np.asarray(values, dtype=np.float64)
    if not len(rows):
        return rows, cols, values
    order = np.lexsort((rows, cols))
    rows, cols, values = rows[order], cols[order], values[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    starts = np.flatnonzero(first)
    return rows[starts], cols[starts], np.add.reduceat(values, starts)


def _pairs(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray,
                                                                                      np.ndarray]]:
    """Chunks of (row a, row b, value_a x value_b) for each column's entry pairs a < b; the
    entries come sorted by (column, row), without duplicates."""
    n = len(rows)
    if n < 2:
        return
    group_end = np.empty(n, dtype=np.int64)  # one past the last entry of each entry's column
    boundary = np.flatnonzero(cols[1:] != cols[:-1]) + 1
    ends = np.append(boundary, n)
    starts = np.insert(boundary, 0, 0)
    group_end[:] = np.repeat(ends, ends - starts)
    partners = group_end - np.arange(n) - 1  # the later entries of the same column
    done = np.concatenate(([0], np.cumsum(partners)))
    first = 0
    while first < n:
        last = int(np.searchsorted(done, done[first] + PAIR_CHUNK, side="right")) - 1
        last = min(max(last, first + 1), n)
        count = partners[first:last]
        total = int(count.sum())
        if total:
            left = np.repeat(np.arange(first, last), count)
            step = np.arange(total) - np.repeat(done[first:last] - done[first], count)
            right = left + 1 + step
            yield rows[left], rows[right], values[left] * values[right]
        first = last
