"""Which articles carry a summary sentence: the one it was taken from, plus every article holding
an aligned version of it (the same content in other words, or the same words)."""
from __future__ import annotations

import numpy as np

from ..patterns import LOWER_WORD, stopwords_for
from .records import Sentence

# An aligned version shares most of its words with the sentence (ALIGN_OVERLAP, either way round:
# one may hold the other plus a clause), or says the same in other words: a cosine of at least
# ALIGN_COSINE with cosine + word overlap at least ALIGN_SUM (MiniLM alone also pairs sentences
# that merely share a topic). Measured on the seeds' pairs (GOLD.md "claims worth aligning"):
# the true pairs score (cosine, overlap) (0.86, 0.86), (0.85, 0.56), (0.85, 0.38), (0.76, 0.50);
# sentences of the other visit or another claim (0.77, 0.38), (0.75, 0.38), (0.78, 0.23).
ALIGN_COSINE = 0.75
ALIGN_SUM = 1.2
ALIGN_OVERLAP = 0.70
# The overlap route counted from the other side ("is that shorter sentence inside this one?")
# also needs this cosine: on Multi-News, without it, "She was a teacher at Beechwood Elementary
# School." (cosine 0.39) was aligned with a sentence about 2,400 text messages.
PARTIAL_COSINE = 0.60
# The overlap counted from the shorter side needs this many content words ("Blinken said." is
# contained in every sentence about him).
MIN_CONTENT_WORDS = 5

TOKEN = LOWER_WORD


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words minus stop words (the unit of lexical overlap)."""
    stops = stopwords_for("en")
    return frozenset(t for t in TOKEN.findall(text.lower()) if t not in stops and len(t) > 1)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of ``a``'s content words found in ``b`` (containment, asymmetric)."""
    return len(a & b) / len(a) if a else 0.0


def mutual_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The larger containment of the two, the shorter side counting only when it has at least
    MIN_CONTENT_WORDS words."""
    forward = overlap(a, b)
    backward = overlap(b, a) if len(b) >= MIN_CONTENT_WORDS else 0.0
    return max(forward, backward)


def is_aligned(cosine: float, a: frozenset[str], b: frozenset[str]) -> bool:
    """Is the sentence with content words ``b`` a version of the one with ``a``?"""
    if overlap(a, b) >= ALIGN_OVERLAP:
        return True
    shared = mutual_overlap(a, b)
    if cosine >= PARTIAL_COSINE and shared >= ALIGN_OVERLAP:
        return True
    return cosine >= ALIGN_COSINE and cosine + shared >= ALIGN_SUM


def aligned_documents(i: int, sentences: list[Sentence], cosines: np.ndarray,
                      words: list[frozenset[str]]) -> list[int]:
    """Documents (indices) other than sentence ``i``'s own that hold an aligned version of it;
    ``cosines[j]`` is the cosine of sentence ``i`` to sentence ``j``."""
    own = sentences[i].doc
    found: set[int] = set()
    for j, other in enumerate(sentences):
        if other.doc == own or other.doc in found:
            continue
        if is_aligned(float(cosines[j]), words[i], words[j]):
            found.add(other.doc)
    return sorted(found)
