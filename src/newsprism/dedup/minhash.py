"""Word shingles, MinHash signatures and exact containment: the evidence behind ``copy``.

A copy keeps the words and their order, so it shares long word n-grams with its origin. MinHash
LSH finds the candidates in sub-linear time; the verdict uses the exact shingle sets, because a
truncated copy has a low Jaccard similarity (half the text cut: ~0.5) but a containment near 1.

The signature takes, for each of ``NUM_PERM`` hash functions, the least hash of the set; two sets
agree on a function with probability their Jaccard similarity. A function is splitmix64's
finaliser (a bijection of 64-bit words) applied to the shingle hash xor a per-function key, the
keys drawn from a splitmix64 sequence started at ``SEED``: all in numpy, the same in every process.
LSH cuts the signature into ``LSH_BANDS`` bands of ``LSH_ROWS`` values; two sets sharing a whole
band are candidates.
"""
from __future__ import annotations

import zlib

import numpy as np

from .patterns import WORD

SHINGLE_WORDS = 5  # 5-word shingles: one swapped word breaks five of them, so rewrites score low
NUM_PERM = 128
SEED = 1
# LSH bands of 3 values: a pair is a candidate with probability 1 - (1 - J^3)^42, ~0.68 at a
# shingle Jaccard of 0.3, ~0.98 at 0.45 (half a text cut off, plus boilerplate), 0.04 at 0.1; the
# vector path catches the rest. (datasketch's MinHashLSH, used before, took 37 bands of 3 for its
# threshold 0.3: 0.64 / 0.97 / 0.04; bench/RESULTS.md, "A lean default install, part 2".)
LSH_ROWS = 3
LSH_BANDS = 42  # 126 of the 128 values

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_GOLDEN = 0x9E3779B97F4A7C15  # splitmix64's increment


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser over uint64 arrays (multiplications wrap, as intended)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _keys(seed: int, count: int) -> np.ndarray:
    states = (seed + _GOLDEN * np.arange(1, count + 1, dtype=object)) % (1 << 64)
    return _mix(states.astype(np.uint64))


_KEYS = _keys(SEED, NUM_PERM)[:, None]


def words(text: str) -> list[str]:
    """Lower-cased word tokens: punctuation, case and curly-vs-straight quotes don't count."""
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def shingles(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 32-bit hashes (CRC32, stable across processes) of the word ``size``-grams."""
    tokens = words(text)
    if len(tokens) < size:
        grams = [" ".join(tokens)] if tokens else []
    else:
        grams = [" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)]
    hashes = np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32, count=len(grams))
    return np.unique(hashes)


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint64) of a shingle-hash set; an empty set's is all
    ones (it agrees with every other empty set only)."""
    if not len(hashes):
        return np.full(NUM_PERM, _MASK, dtype=np.uint64)
    return _mix(np.asarray(hashes, dtype=np.uint64)[None, :] ^ _KEYS).min(axis=1)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of the signatures' values that agree: an estimate of the sets' Jaccard."""
    return float(np.mean(a == b))


class BandIndex:
    """LSH over signatures: each band of ``LSH_ROWS`` values is hashed to one integer and
    ``query`` returns the keys inserted with an equal band hash in any band (a 64-bit collision
    of different bands only adds a candidate, which the exact verdict then turns down)."""

    def __init__(self) -> None:
        self._buckets: list[dict[int, list[str]]] = [{} for _ in range(LSH_BANDS)]

    def insert(self, key: str, sig: np.ndarray) -> None:
        for bucket, band in zip(self._buckets, _band_hashes(sig)):
            bucket.setdefault(band, []).append(key)

    def query(self, sig: np.ndarray) -> set[str]:
        found: set[str] = set()
        for bucket, band in zip(self._buckets, _band_hashes(sig)):
            found.update(bucket.get(band, ()))
        return found


def _band_hashes(sig: np.ndarray) -> list[int]:
    bands = sig[:LSH_BANDS * LSH_ROWS].reshape(LSH_BANDS, LSH_ROWS)
    combined = np.zeros(LSH_BANDS, dtype=np.uint64)
    for col in range(LSH_ROWS):
        combined = _mix(combined ^ bands[:, col])
    return combined.tolist()


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(containment of the smaller set in the larger, Jaccard) of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared / (len(a) + len(b) - shared)
