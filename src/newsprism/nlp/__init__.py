"""Language layer: sentences, named entities and embeddings, computed once per article.

Models load once per process (a ``Language`` object holds them) and everything is batched.
A ``Language`` is the ``model.Embedder`` that stages are handed. MiniLM runs inside it through
an ``Encoder`` (``nlp.embedder``): the numpy engine of the default install
(``nlp.minilm``) or sentence-transformers on torch (``engine="torch"``, the ``[torch]`` extra).
``StaticEmbedder`` is the cheap path: word-piece vectors distilled from MiniLM, thousands of
texts per second, for candidate retrieval and triage of very large piles.
"""
from ..model import Embedder
from .embedder import Encoder, load_embedder
from .language import EMBED_DIM, NLP_VERSION, Language, MemoEmbedder, annotate, shared_language
from .static import StaticEmbedder, shared_static

__all__ = ["EMBED_DIM", "NLP_VERSION", "Embedder", "Encoder", "Language", "MemoEmbedder", "StaticEmbedder", "annotate", "load_embedder",
           "shared_language", "shared_static"]
