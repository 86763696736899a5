"""Average-linkage (UPGMA) flat clusters in numpy: the one clusterer behind claim alignment and
story / event grouping.

``average_linkage(distances, cut)`` gives the partition that scipy's
``fcluster(linkage(squareform(distances), "average"), cut, "distance")`` gives, ties included:
the same nearest-neighbour-chain algorithm (Murtagh 1983; Müllner 2011) with the same
conventions, so that equal distances merge in the same order:

- the chain starts at the lowest-numbered live cluster;
- from the chain's last cluster it steps to its nearest neighbour, the lowest-numbered one among
  equals, but stays with the previous link of the chain unless another is strictly nearer, and
  two clusters nearest to each other merge;
- the merged cluster takes the higher number of the two; its distance to every other cluster is
  the size-weighted mean of the two (the Lance-Williams update, in float64);
- a flat cluster is a subtree whose highest merge is at most ``cut``.

``tests/test_linkage_scipy.py`` checks the partitions against scipy's on random matrices with many
ties (skipped where scipy is not installed: it is no dependency of the default install).
"""
from __future__ import annotations

import numpy as np


def average_linkage(distances: np.ndarray, cut: float) -> list[int]:
    """Flat average-linkage clusters of a square distance matrix (only its upper triangle is
    read, as ``squareform(..., checks=False)`` does): merges up to ``cut`` are made, and each
    item gets the number of its cluster, numbered by first member (0, 1, ...)."""
    n = len(distances)
    if n < 2:
        return [0] * n
    upper = np.triu(np.asarray(distances, dtype=np.float64), 1)
    if not np.isfinite(upper).all():
        raise ValueError("average_linkage: distances must be finite")
    dist = upper + upper.T
    np.fill_diagonal(dist, np.inf)  # a dead cluster's row and column are infinite too
    size = np.ones(n, dtype=np.int64)
    highest = np.zeros(n)  # the highest merge inside each live cluster
    parent = np.arange(n)  # union-find over the merges kept (those up to ``cut``)
    chain: list[int] = []
    for _ in range(n - 1):
        if not chain:
            chain.append(int(np.flatnonzero(size)[0]))
        x, y, height = _reciprocal_pair(dist, chain)
        merged = max(height, highest[x], highest[y])
        if merged <= cut:
            parent[_root(parent, x)] = _root(parent, y)
        _merge(dist, size, x, y)
        highest[y] = merged
    return _numbered([_root(parent, i) for i in range(n)])


def _reciprocal_pair(dist: np.ndarray, chain: list[int]) -> tuple[int, int, float]:
    """Grow the chain of nearest neighbours until its last two clusters are each other's nearest;
    pop them and return them (lower number first) with their distance."""
    while True:
        x = chain[-1]
        if len(chain) > 1:
            y, nearest = chain[-2], float(dist[x, chain[-2]])
        else:
            y, nearest = -1, np.inf
        row = dist[x]
        candidate = int(np.argmin(row))  # the lowest number among equally near ones
        if row[candidate] < nearest:
            y, nearest = candidate, float(row[candidate])
        if len(chain) > 1 and y == chain[-2]:
            del chain[-2:]
            return min(x, y), max(x, y), nearest
        chain.append(y)


def _merge(dist: np.ndarray, size: np.ndarray, x: int, y: int) -> None:
    """Cluster ``x`` joins ``y`` (x < y): ``y``'s distances become the size-weighted means."""
    nx, ny = float(size[x]), float(size[y])
    mean = (nx * dist[x] + ny * dist[y]) / (nx + ny)
    dist[y, :] = mean
    dist[:, y] = mean
    dist[y, y] = np.inf
    dist[x, :] = np.inf
    dist[:, x] = np.inf
    size[y] += size[x]
    size[x] = 0


def _root(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = int(parent[i])
    return i


def _numbered(roots: list[int]) -> list[int]:
    seen: dict[int, int] = {}
    return [seen.setdefault(r, len(seen)) for r in roots]
