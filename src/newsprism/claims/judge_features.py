"""Features of a claim pair for the claim-pair judge (``judge.py``): does claim B strengthen
claim A, weaken it, or neither?

Each claim is read once into a ``ClaimView`` (its MiniLM vector, content stems, names, numbers
and cue counts); ``pair_features`` then combines two views:

- *meaning*: MiniLM cosine, and the vectors' element-wise |u - v| and u * v (the usual sentence-
  pair input of a classifier over sentence embeddings, Conneau et al. 2017);
- *same content*: TF-IDF cosine of content stems, the share of each claim's stems, names and
  numbers found in the other, numbers that differ (both give figures, none shared);
- *cues*, per claim and as a difference: negation, denial, refuting words, hedges, attribution
  ("X says Y" against a plain "Y"), contrast connectives, criticism, support / oppose polarity;
- *soft cues*, as the headline-stance model reads them (``stance_features``): how much closer B
  is to A restated as refuted, unclear or confirmed ("Reports that A are false and a hoax.")
  than to A itself, and the reverse; each claim's MiniLM cosine with the closest refuting,
  hedging, confirming and reporting prototype sentence. On ClaimDiff (5-fold CV by topic, three
  shufflings) they add 0.004-0.016 macro-F1 and 0.02-0.04 weakens F1 (bench/RESULTS.md, claims-6).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import patterns as P
from .stance_features import (CUE_STEMS, DEFAULT_IDF, PROTO_KINDS, TEMPLATE_KINDS, content_stems,
                              headline_texts, idf_table, load_prototypes, names, numbers, sentence_cues,
                              stem, tfidf_vector, words)

EMBED_DIM = 384
CUE_NAMES = ("negation", "denial", "refute", "hedge", "attribution", "contrast", "criticism",
             "support", "oppose", "question", "quoted")
SCALAR_NAMES = (
    "cosine", "tfidf", "cover_a", "cover_b", "jaccard", "names_a_in_b", "names_b_in_a", "names_any",
    "numbers_a", "numbers_b", "numbers_shared", "numbers_differ", "len_a", "len_b", "len_ratio",
    *(f"a_{c}" for c in CUE_NAMES), *(f"b_{c}" for c in CUE_NAMES),
    *(f"diff_{c}" for c in CUE_NAMES), "negation_mismatch", "polarity_product",
    "cosine_x_negation_mismatch", "cosine_x_denial_b", "tfidf_x_contrast_b",
    *(f"lean_b_{k}" for k in TEMPLATE_KINDS), *(f"lean_a_{k}" for k in TEMPLATE_KINDS),
    *(f"lean_diff_{k}" for k in TEMPLATE_KINDS),
    *(f"proto_a_{k}" for k in PROTO_KINDS), *(f"proto_b_{k}" for k in PROTO_KINDS),
    *(f"proto_diff_{k}" for k in PROTO_KINDS),
)
FEATURE_NAMES = (*SCALAR_NAMES, *(f"absdiff_{k}" for k in range(EMBED_DIM)),
                 *(f"product_{k}" for k in range(EMBED_DIM)))


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimView:
    """One claim read for the judge."""

    text: str
    vector: np.ndarray  # (EMBED_DIM,) L2-normalised MiniLM
    stems: frozenset[str]
    tfidf: dict[str, float]
    names: frozenset[str]
    numbers: frozenset[str]
    cues: np.ndarray  # (len(CUE_NAMES),) counts
    polarity: int  # -1 opposes what it mentions, +1 backs it, 0 neither
    n_words: int
    variants: np.ndarray  # (len(TEMPLATE_KINDS), EMBED_DIM): MiniLM vectors of ``restatements(text)``
    proto: np.ndarray  # (len(PROTO_KINDS),): cosine with the closest prototype sentence of each kind


def restatements(text: str) -> list[str]:
    """``text`` restated as refuted, unclear and confirmed (``TEMPLATE_KINDS`` order): the texts
    whose vectors ``read_claim`` takes as ``variants``."""
    return headline_texts(text)[1:]


def read_claim(text: str, vector: np.ndarray, *, variants: np.ndarray) -> ClaimView:
    """``text`` read for ``pair_features`` (``vector``: its MiniLM embedding; ``variants``: those
    of ``restatements(text)``)."""
    tokens = words(text)
    stems = content_stems(tokens)
    cues, polarity = _cues(text, tokens)
    vector = np.asarray(vector, dtype=np.float32)
    return ClaimView(text=text, vector=vector, stems=frozenset(stems),
                     tfidf=tfidf_vector(stems, idf_table()), names=names(text), numbers=numbers(text),
                     cues=cues, polarity=polarity, n_words=len(tokens),
                     variants=np.asarray(variants, dtype=np.float32).reshape(len(TEMPLATE_KINDS), -1),
                     proto=load_prototypes().similarities(vector[None, :])[0])


def pair_features(a: ClaimView, b: ClaimView) -> np.ndarray:
    """The judge's input for "how does ``b`` stand to ``a``" (``FEATURE_NAMES`` order)."""
    cosine = float(a.vector @ b.vector)
    tfidf = sum(v * b.tfidf.get(k, 0.0) for k, v in a.tfidf.items())
    shared = a.stems & b.stems
    shared_numbers = a.numbers & b.numbers
    negation_mismatch = float((a.cues[0] > 0) != (b.cues[0] > 0))
    ia, ib = CUE_NAMES.index("denial"), CUE_NAMES.index("contrast")
    scalars = [
        cosine, tfidf, _share(shared, a.stems), _share(shared, b.stems),
        len(shared) / max(1, len(a.stems | b.stems)),
        _share(a.names & b.names, a.names), _share(a.names & b.names, b.names),
        float(bool(a.names & b.names)),
        float(bool(a.numbers)), float(bool(b.numbers)), float(bool(shared_numbers)),
        float(bool(a.numbers) and bool(b.numbers) and not shared_numbers),
        math.log1p(a.n_words), math.log1p(b.n_words),
        math.log1p(a.n_words) - math.log1p(b.n_words),
        *np.minimum(a.cues, 3), *np.minimum(b.cues, 3), *(np.minimum(b.cues, 3) - np.minimum(a.cues, 3)),
        negation_mismatch, float(a.polarity * b.polarity),
        cosine * negation_mismatch, cosine * float(b.cues[ia] > 0), tfidf * float(b.cues[ib] > 0),
    ]
    lean_b = a.variants @ b.vector - cosine  # B closer to "A is false" (unclear, confirmed) than to A
    lean_a = b.variants @ a.vector - cosine
    scalars += [*lean_b, *lean_a, *(lean_b - lean_a), *a.proto, *b.proto, *(b.proto - a.proto)]
    return np.concatenate([np.asarray(scalars, dtype=np.float32), np.abs(a.vector - b.vector),
                           a.vector * b.vector]).astype(np.float32)


def pairs_features(views_a: Sequence[ClaimView], views_b: Sequence[ClaimView]) -> np.ndarray:
    """``pair_features`` of each (a, b), stacked: (n, len(FEATURE_NAMES))."""
    if not views_a:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    return np.stack([pair_features(a, b) for a, b in zip(views_a, views_b)])


def _share(part: frozenset, whole: frozenset) -> float:
    return len(part) / len(whole) if whole else 0.0


@lru_cache(maxsize=65536)
def _cues_cached(text: str) -> tuple[tuple[int, ...], int]:
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    stance_counts, polarity = sentence_cues(tokens)
    negation = sum(t in P.NEGATION for t in tokens) + len(P.NEGATING_PHRASES.findall(text))
    counts = {
        "negation": negation,
        "denial": len(P.DENIAL.findall(text)),
        "refute": sum(s in CUE_STEMS["refute"] or t in P.REFUTING for t, s in zip(tokens, stems)),
        "hedge": sum(t in P.HEDGES for t in tokens),
        "attribution": len(P.ATTRIBUTION.findall(text)),
        "contrast": sum(t in P.CONTRAST for t in tokens[:3]) + sum(t in P.CONTRAST for t in tokens),
        "criticism": len(P.CRITICISM.findall(text)),
        "support": stance_counts[5], "oppose": stance_counts[6],
        "question": text.count("?"),
        "quoted": sum(text.count(q) for q in "\"“”") // 2,
    }
    return tuple(counts[c] for c in CUE_NAMES), polarity


def _cues(text: str, tokens) -> tuple[np.ndarray, int]:
    counts, polarity = _cues_cached(text)
    return np.asarray(counts, dtype=np.float32), polarity


__all__ = ["CUE_NAMES", "ClaimView", "DEFAULT_IDF", "EMBED_DIM", "FEATURE_NAMES", "pair_features",
           "pairs_features", "read_claim", "restatements"]
