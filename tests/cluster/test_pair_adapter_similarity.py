"""The learned same-story similarity (``pair_adapter``): the shipped map loads, its similarity is
symmetric and on the raw cosine's scale, and the scaffold mix reads it under ``learned``."""
import numpy as np

from newsprism.cluster import pair_adapter
from newsprism.cluster.features import features
from newsprism.cluster.index import STORY_WEIGHTS
from newsprism.cluster.similarity import similarity

from .helpers import DIM, make_annotation, make_article, unit


def _vectors(n, seed=0):
    rng = np.random.default_rng(seed)
    return np.stack([unit(rng.normal(size=DIM)) for _ in range(n)])


def test_shipped_adapter_is_a_small_correction_of_minilm():
    adapter = pair_adapter.shipped()
    assert adapter.map.shape == (DIM, DIM)
    # trained near the identity (bench/train_pair_adapter.py's REG): a correction, not a new space
    assert np.abs(adapter.map - np.eye(DIM)).max() < 0.5
    assert 0.5 < adapter.scale < 2.0


def test_identity_adapter_gives_the_raw_cosine():
    vectors = _vectors(6)
    plain = pair_adapter.PairAdapter(map=np.eye(DIM, dtype=np.float32), offset=0.0, scale=1.0)
    assert np.allclose(plain.similarity(vectors), vectors @ vectors.T, atol=1e-5)


def test_learned_similarity_is_symmetric_and_tops_at_self():
    adapter = pair_adapter.shipped()
    sims = adapter.similarity(_vectors(8, seed=1))
    assert np.allclose(sims, sims.T, atol=1e-6)
    assert np.allclose(np.diag(sims), adapter.offset + adapter.scale, atol=1e-4)
    assert (sims <= adapter.offset + adapter.scale + 1e-4).all()


def test_scaffold_mix_reads_the_learned_similarity():
    assert STORY_WEIGHTS.get("learned", 0.0) > 0.0
    vectors = _vectors(4, seed=2)
    members = []
    for k, vector in enumerate(vectors):
        article = make_article(f"a{k}", f"Text number {k} about something that happened.")
        members.append(features(article, make_annotation(article, vector)))
    term_idf = np.ones(1 << 20)
    learned = similarity(members, term_idf, lambda key: 1.0, {"learned": 0.5})
    assert np.allclose(learned, 0.5 * pair_adapter.shipped().similarity(vectors), atol=1e-5)
