"""Word shingles, MinHash signatures and exact containment: the evidence behind ``copy``.

A copy keeps the words and their order, so it shares long word n-grams with its origin. MinHash
LSH finds the candidates in sub-linear time; the verdict uses the exact shingle sets, because a
truncated copy has a low Jaccard similarity (half the text cut: ~0.5) but a containment near 1.
"""
from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from .patterns import WORD

SHINGLE_WORDS = 5  # 5-word shingles: one swapped word breaks five of them, so rewrites score low
NUM_PERM = 128
SEED = 1
# LSH recall band: pairs with a shingle Jaccard of 0.3 are candidates with probability ~0.5 and
# 0.45 (half a text cut off, plus boilerplate) with ~0.9; the vector path catches the rest.
LSH_THRESHOLD = 0.3


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


def signature(hashes: np.ndarray) -> MinHash:
    """A MinHash of a shingle-hash set (the hashes are already uniform, so they go in as they are)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    if len(hashes):
        minhash.update_batch(hashes.tolist())
    return minhash


def new_lsh() -> MinHashLSH:
    return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(containment of the smaller set in the larger, Jaccard) of two sorted unique hash arrays."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared / (len(a) + len(b) - shared)
