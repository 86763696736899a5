"""Language layer: sentences, named entities and embeddings, computed once per article.

Models load once per process (a ``Language`` object holds them) and everything is batched.
"""
from .language import EMBED_DIM, NLP_VERSION, Language, annotate, shared_language

__all__ = ["EMBED_DIM", "NLP_VERSION", "Language", "annotate", "shared_language"]
