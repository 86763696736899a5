"""Article vectors bucketed by publication week: candidates for ``rewrite`` without a full scan.

A query reads only the weeks inside the time window (plus the undated bucket), so with dates known
the cost of an ``add`` grows with the articles of a few weeks, not with the corpus. The search is a
radius search (every neighbour above a cosine), not top-k: "b is a neighbour of a" must not depend
on which other articles happen to be indexed, or the arrival order would change the relations.
"""
from __future__ import annotations

import numpy as np

WEEK = 7


class _Bucket:
    __slots__ = ("ids", "days", "matrix", "size")

    def __init__(self, dim: int):
        self.ids: list[str] = []
        self.days: list[int | None] = []
        self.matrix = np.zeros((16, dim), dtype=np.float32)
        self.size = 0

    def append(self, article_id: str, day: int | None, vector: np.ndarray) -> None:
        if self.size == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
        self.matrix[self.size] = vector
        self.ids.append(article_id)
        self.days.append(day)
        self.size += 1


class VectorIndex:
    """Radius search over L2-normalised article vectors, restricted to a window of days."""

    def __init__(self, window_days: int):
        self.window_days = window_days
        self._buckets: dict[int | None, _Bucket] = {}

    def add(self, article_id: str, day: int | None, vector: np.ndarray) -> None:
        key = None if day is None else day // WEEK
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(len(vector))
        bucket.append(article_id, day, vector)

    def near(self, vector: np.ndarray, day: int | None, min_cosine: float) -> list[tuple[str, float]]:
        """Indexed articles with cosine >= ``min_cosine`` and (when both are dated) within the window."""
        found = []
        for key in self._keys(day):
            bucket = self._buckets.get(key)
            if bucket is None or not bucket.size:
                continue
            sims = bucket.matrix[:bucket.size] @ vector
            for row in np.nonzero(sims >= min_cosine)[0]:
                other_day = bucket.days[row]
                if day is None or other_day is None or abs(other_day - day) <= self.window_days:
                    found.append((bucket.ids[row], float(sims[row])))
        return found

    def _keys(self, day: int | None):
        if day is None:
            return list(self._buckets)
        first, last = (day - self.window_days) // WEEK, (day + self.window_days) // WEEK
        return [None, *range(first, last + 1)]
