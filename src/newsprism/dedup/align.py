"""Sentence alignment, shared quotes and shared numbers: the evidence behind ``rewrite``.

A rewrite (reworded, spun, translated and back) keeps the sentences' meaning but not their words,
so it is found by pairing sentences whose MiniLM vectors are close. Two independent reports of one
event also share a few such sentences (the same quote, the same death toll), but only a few: the
share of aligned sentences separates them, and quotes and numbers only add evidence to it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Annotation
from .minhash import words
from .patterns import NUMBER, QUOTE, SMALL_NUMBER_MAX, YEAR

MIN_SENTENCE_WORDS = 5  # shorter "sentences" are headings, captions and credits ("Source link")
MIN_QUOTE_WORDS = 8  # shorter quotes ("not a party", "no limits") are catchphrases many reports share


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    """Sentences of the shorter article with a near-paraphrase in the other (one-to-one)."""

    aligned: int
    of: int  # eligible sentences in the article with fewer of them
    mean_cosine: float  # over the aligned pairs (0 when none)

    @property
    def share(self) -> float:
        return self.aligned / self.of if self.of else 0.0


def eligible_sentences(annotation: Annotation) -> tuple[list[str], np.ndarray]:
    """Texts and vectors of the sentences long enough to align, exact repeats dropped."""
    seen, keep = set(), []
    for i, span in enumerate(annotation.sentences):
        tokens = words(span.text)
        key = " ".join(tokens)
        if len(tokens) >= MIN_SENTENCE_WORDS and key not in seen:
            seen.add(key)
            keep.append(i)
    vectors = np.asarray(annotation.sentence_vectors, dtype=np.float32)
    if len(vectors) != len(annotation.sentences):  # a malformed annotation: align nothing
        return [], np.zeros((0, vectors.shape[-1] if vectors.ndim == 2 else 1), dtype=np.float32)
    return [annotation.sentences[i].text for i in keep], vectors[keep]


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 codes and one float32 scale per row: a quarter of the float32 memory. On 5,000 MiniLM
    sentence vectors of bench/syndication.py the cosines move by at most 0.003."""
    vectors = np.asarray(vectors, dtype=np.float32)
    scale = np.abs(vectors).max(axis=1) / 127 if len(vectors) else np.zeros(0, dtype=np.float32)
    scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
    return np.round(vectors / scale[:, None]).astype(np.int8), scale


def dequantize(codes: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return codes.astype(np.float32) * scale[:, None]


def align(a: np.ndarray, b: np.ndarray, threshold: float) -> Alignment:
    """Greedy one-to-one pairing of sentence vectors by cosine, best pairs first."""
    if not len(a) or not len(b):
        return Alignment(aligned=0, of=min(len(a), len(b)), mean_cosine=0.0)
    sims = np.asarray(a, dtype=np.float32) @ np.asarray(b, dtype=np.float32).T
    rows, cols = np.nonzero(sims >= threshold)
    order = np.argsort(-sims[rows, cols], kind="stable")
    used_a, used_b, picked = set(), set(), []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            picked.append(float(sims[i, j]))
    return Alignment(aligned=len(picked), of=min(len(a), len(b)),
                     mean_cosine=float(np.mean(picked)) if picked else 0.0)


def quotes(text: str) -> tuple[str, ...]:
    """Long quotations, normalised to lower-case words, for matching across articles."""
    found = []
    for match in QUOTE.finditer(text):
        tokens = words(next(g for g in match.groups() if g is not None))
        if len(tokens) >= MIN_QUOTE_WORDS:
            found.append(" ".join(tokens))
    return tuple(dict.fromkeys(found))


def shared_quotes(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    """Quotes of ``a`` that ``b`` also carries (whole, or one inside the other: quotes get trimmed)."""
    return [qa for qa in a if any(qa == qb or qa in qb or qb in qa for qb in b)]


def numbers(text: str) -> frozenset[str]:
    """Distinctive numbers, normalised ("2,500" == "2500"); years and small counts left out."""
    found = set()
    for match in NUMBER.finditer(text):
        value = match.group(1).replace(",", "").replace(" ", "").replace(" ", "")
        unit = (match.group(2) or "").strip().lower()
        if not unit and (YEAR.match(value) or (value.isdigit() and int(value) <= SMALL_NUMBER_MAX)):
            continue
        found.add(value + unit)
    return frozenset(found)
