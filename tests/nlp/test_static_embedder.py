"""The static embedding distilled from MiniLM: deterministic unit vectors, paraphrases close,
frequent pieces weighted down, the cache round-trips, empty text is a zero vector.

The embedder is distilled once for this module over the first ``VOCAB_LIMIT`` word pieces (the
frequent ones: every piece of the texts below is among them) into a pytest temp dir, ~8 s; the
shipped path (``shared_static``) distils the whole vocabulary.
"""
from __future__ import annotations

import numpy as np
import pytest

from newsprism.model import Article
from newsprism.nlp import static
from newsprism.nlp.static import EMBED_DIM, STATIC_VERSION, StaticEmbedder

VOCAB_LIMIT = 9000
QUAKE = "The earthquake struck the coast of Chile on Monday."
QUAKE_AGAIN = "A strong earthquake hit Chile this week."
RATES = "The central bank raised interest rates."


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("static-cache")


@pytest.fixture(scope="module")
def embedder(cache_dir):
    embedder = StaticEmbedder.load(cache_dir, vocab_limit=VOCAB_LIMIT)
    assert max(max(ids) for ids in embedder.token_ids([QUAKE, QUAKE_AGAIN, RATES])) < VOCAB_LIMIT
    return embedder


def test_static_same_text_same_vector_alone_or_in_a_batch(embedder):
    alone = embedder.embed([QUAKE])[0]
    batch = embedder.embed([RATES, QUAKE, QUAKE_AGAIN])
    assert np.array_equal(alone, embedder.embed([QUAKE])[0])
    assert np.allclose(alone, batch[1], atol=1e-6)


def test_static_vectors_are_unit_norm_float32_of_minilm_width(embedder):
    vectors = embedder.embed([QUAKE, QUAKE_AGAIN, RATES])
    assert vectors.shape == (3, EMBED_DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_static_paraphrase_closer_than_unrelated(embedder):
    quake, again, rates = embedder.embed([QUAKE, QUAKE_AGAIN, RATES])
    assert quake @ again > quake @ rates + 0.2


def test_static_empty_and_whitespace_give_zero_vectors(embedder):
    vectors = embedder.embed(["", "   \n\t ", QUAKE])
    assert not vectors[:2].any()
    assert np.isclose(np.linalg.norm(vectors[2]), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, EMBED_DIM)


def test_static_frequent_pieces_weigh_less():
    vocabulary = ["[PAD]", "[CLS]", "a", "b", "the", "of", "earthquake", "##han"]
    weights = static.sif_weights(vocabulary)
    assert weights[4] < weights[5] < weights[6] < weights[7]  # Zipf rank follows vocabulary order
    assert weights[2] == weights[3] == weights[0]  # single characters: code-point order, rank 0
    assert (weights > 0).all() and (weights < 1).all()


def test_static_special_pieces_and_pieces_past_the_limit_have_zero_rows(embedder):
    vocabulary = static._vocabulary(static._model_path())
    assert embedder.table.shape == (len(vocabulary), EMBED_DIM)
    for piece in ("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[unused0]"):
        assert not embedder.table[vocabulary.index(piece)].any()
    assert not embedder.table[VOCAB_LIMIT:].any()
    assert embedder.table[vocabulary.index("earthquake")].any()


def test_static_cache_round_trips_without_distilling(embedder, cache_dir, monkeypatch):
    path = static.cache_path(cache_dir, VOCAB_LIMIT)
    assert path.exists() and path.name.startswith(STATIC_VERSION)
    assert path != static.cache_path(cache_dir)  # a partial table never poses as the full one

    def refuse(*args, **kwargs):
        raise AssertionError("distilled again although the table was cached")

    monkeypatch.setattr(static, "distil", refuse)
    again = StaticEmbedder.load(cache_dir, vocab_limit=VOCAB_LIMIT)
    assert np.array_equal(again.table, embedder.table)
    assert np.array_equal(again.embed([QUAKE]), embedder.embed([QUAKE]))


def test_static_article_vector_reads_the_headline(embedder):
    def article(headline):
        return Article(id="a", source="test", url=None, canonical_url=None, headline=headline, outlet=None,
                       byline=None, dateline=None, published=None, wire=None, language="en", text=RATES)

    with_quake, without = embedder.embed_articles([article(QUAKE), article(None)])
    quake = embedder.embed([QUAKE])[0]
    assert with_quake @ quake > without @ quake + 0.2


def test_static_cache_lives_under_newsprism_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(static.CACHE_ENV, str(tmp_path))
    assert static.cache_path().parent == tmp_path
    assert static.cache_path(tmp_path / "elsewhere").parent == tmp_path / "elsewhere"  # an explicit dir wins
