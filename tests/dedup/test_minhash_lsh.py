"""MinHash signatures estimate Jaccard without bias, and LSH banding finds the pairs that share
much and seldom the pairs that share little (the S-curve in dedup/minhash.py)."""
import numpy as np

from newsprism.dedup.minhash import LSH_BANDS, LSH_ROWS, NUM_PERM, BandIndex, estimated_jaccard, signature


def _pair(rng: np.random.Generator, jaccard: float, size: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """Two sets of 32-bit hashes with the given Jaccard: ``shared`` in common, the rest apart."""
    shared = int(round(2 * size * jaccard / (1 + jaccard)))
    pool = rng.choice(1 << 32, size=2 * size - shared, replace=False).astype(np.uint32)
    return np.sort(pool[:size]), np.sort(np.concatenate([pool[:shared], pool[size:]]))


def test_signature_is_stable_and_shaped() -> None:
    hashes = np.array([1, 2, 3, 4000000000], dtype=np.uint32)
    sig = signature(hashes)
    assert sig.shape == (NUM_PERM,) and sig.dtype == np.uint64
    assert np.array_equal(sig, signature(hashes[::-1].copy()))  # a set: the order does not count
    assert estimated_jaccard(sig, signature(np.array([], dtype=np.uint32))) == 0.0


def test_estimated_jaccard_is_unbiased() -> None:
    rng = np.random.default_rng(3)
    for jaccard in (0.1, 0.3, 0.5, 0.8):
        estimates = [estimated_jaccard(*map(signature, _pair(rng, jaccard))) for _ in range(40)]
        assert abs(np.mean(estimates) - jaccard) < 0.03, jaccard  # 40 x 128 draws: sd ~0.007


def test_band_index_candidates_follow_the_s_curve() -> None:
    rng = np.random.default_rng(5)
    for jaccard in (0.1, 0.3, 0.5):
        found = 0
        for k in range(200):
            a, b = _pair(rng, jaccard)
            index = BandIndex()
            index.insert(f"a{k}", signature(a))
            found += index.query(signature(b)) == {f"a{k}"}
        expected = 1 - (1 - jaccard ** LSH_ROWS) ** LSH_BANDS
        assert abs(found / 200 - expected) < 0.1, (jaccard, found, expected)


def test_band_index_returns_every_key_of_an_equal_signature() -> None:
    index = BandIndex()
    sig = signature(np.arange(50, dtype=np.uint32))
    index.insert("x", sig)
    index.insert("y", sig)
    index.insert("z", signature(np.arange(1000, 1050, dtype=np.uint32)))
    assert index.query(sig) == {"x", "y"}
