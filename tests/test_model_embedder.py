"""The ``Embedder`` protocol: what a stage needs to embed text, so other engines and test doubles
plug in without patching."""
from __future__ import annotations

import numpy as np

from newsprism.model import Embedder


class Fixed:
    version = "fixed-1"

    def embed(self, texts):
        return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)


def test_model_embedder_protocol_accepts_any_engine_with_embed_and_version():
    assert isinstance(Fixed(), Embedder)
    assert not isinstance(object(), Embedder)


def test_model_embedder_language_conforms():
    from newsprism.nlp import Language, MemoEmbedder

    language = Language()  # loads nothing until used
    assert isinstance(language, Embedder) and isinstance(MemoEmbedder(language), Embedder)
    assert MemoEmbedder(language).version == language.version


def test_one_embedder_protocol():
    import newsprism.nlp
    from newsprism.nlp import embedder

    assert newsprism.nlp.Embedder is Embedder and not hasattr(embedder, "Embedder")
