"""A claim-pair cross-encoder: the two claims read *together* by MiniLM ("[CLS] a [SEP] b [SEP]"),
so that attention can set "has never asked" against "tried to get him to shelve" word by word,
where the linear judge (``judge.py``) only sees two sentence vectors side by side.

The bundled all-MiniLM-L6-v2 runs its embeddings and lower ``frozen`` layers unchanged; the
upper layers and a linear head over the mean-pooled last states are fine-tuned on claim pairs
(``bench/train_claim_cross.py``: ClaimDiff's training topics, FNC-1 headlines against their
bodies' closest claims, bench/data/claimpairs_labelled.jsonl). Inference is numpy only, through
the same engine as the sentence vectors (``nlp.minilm``): no torch at run time.

Shipped (``data/claim_cross.npz``, the top layer and head in float16, 3.2 MB) as a *second
reader* only: fine-tuned on 2 CPU cores (one layer, 6,342 sequences), it scores below the linear
judge on ClaimDiff's validation topics (macro-F1 0.457 against 0.531), and alone it gives false
disputes on real piles as high a P(weakens) as real ones; alignment asks it about every pair the
linear judge contests or nearly contests (``align.JUDGED_WEAKENS``), and contests only the pairs
both read as weakening (bench/RESULTS.md, "A claim-pair cross-encoder" and "Issue 11, claims-6").
``claim_relation`` keeps the linear judge.

A pair is read both ways and the probabilities averaged, as the linear judge does.
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..nlp.minilm import SMALL_PASS_TOKENS, MiniLM, read_layer, shared_minilm, token_chunks

RELATIONS = ("strengthens", "weakens", "neither")
CROSS_FILE = "claim_cross.npz"
CROSS_VERSION = "claim-cross-1"


@dataclass(frozen=True, slots=True, kw_only=True)
class CrossEncoder:
    """Fine-tuned upper layers and head over the shared MiniLM's lower ``frozen`` layers.
    ``bias`` is added to the log-probabilities before the argmax (the class balance chosen on
    validation)."""

    frozen: int
    layers: tuple  # nlp.minilm._Layer, the fine-tuned layers frozen .. 5
    head: np.ndarray  # (3, hidden)
    head_bias: np.ndarray  # (3,)
    bias: np.ndarray  # (3,)
    max_pieces: int

    def logits(self, pairs: Sequence[tuple[str, str]], *, minilm: MiniLM | None = None) -> np.ndarray:
        """(n, 3) logits of ``RELATIONS`` for each (a, b), read in that order only."""
        minilm = minilm or shared_minilm()
        out = np.zeros((len(pairs), len(RELATIONS)), dtype=np.float32)
        if not pairs:
            return out
        encoded = [minilm.pair_ids(a, b, self.max_pieces) for a, b in pairs]
        ids = [e[0] for e in encoded]
        for rows in token_chunks([len(i) for i in ids]):
            texts = [ids[r] for r in rows]
            x = minilm.embed_pieces(texts, [encoded[r][1] for r in rows])
            small = sum(len(t) for t in texts) < SMALL_PASS_TOKENS  # one BLAS thread, as MiniLM.packed
            with minilm._single_blas_thread() if small else nullcontext():
                x = minilm.run_layers(x, texts, minilm.layers[:self.frozen])
                x = minilm.run_layers(x, texts, self.layers)
            lengths = np.array([len(t) for t in texts])
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
            out[rows] = pooled @ self.head.T + self.head_bias
        return out

    def probabilities(self, pairs: Sequence[tuple[str, str]], *, minilm: MiniLM | None = None) -> np.ndarray:
        """(n, 3) probabilities of ``RELATIONS``: each pair read both ways, averaged."""
        if not pairs:
            return np.zeros((0, len(RELATIONS)))
        both = self.logits([*pairs, *((b, a) for a, b in pairs)], minilm=minilm)
        z = both - both.max(axis=1, keepdims=True)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        return (p[:len(pairs)] + p[len(pairs):]) / 2

    def decide(self, proba: np.ndarray) -> np.ndarray:
        """Indices into ``RELATIONS``: the argmax of the biased log-probabilities."""
        return np.argmax(np.log(np.clip(proba, 1e-12, 1.0)) + self.bias, axis=1)


def save_cross(path: Path, *, frozen: int, layers: dict[str, np.ndarray], head: np.ndarray,
               head_bias: np.ndarray, bias: Sequence[float], max_pieces: int, **settings: float) -> Path:
    """Write the fine-tuned ``layers`` (BERT parameter names, "encoder.layer.K. ..."), head and
    settings as float16 (the head and biases float32) to ``path``."""
    # Any: numpy's stub would match the ** values against savez_compressed's allow_pickle: bool
    arrays: dict[str, Any] = {f"layer:{k}": np.asarray(v, dtype=np.float16) for k, v in layers.items()}
    arrays.update({f"setting:{k}": np.array(v) for k, v in settings.items()})
    np.savez_compressed(path, **arrays,
                        frozen=np.array(frozen), max_pieces=np.array(max_pieces),
                        head=np.asarray(head, np.float32), head_bias=np.asarray(head_bias, np.float32),
                        bias=np.asarray(bias, np.float32), relations=np.array(RELATIONS),
                        version=np.array(CROSS_VERSION))
    return path


@cache
def load_cross(path: str | None = None) -> CrossEncoder:
    """The shipped cross-encoder (``claims/data/claim_cross.npz``), or the one
    ``bench/train_claim_cross.py`` wrote to ``path``."""
    source = Path(path) if path else resources.files("newsprism.claims") / "data" / CROSS_FILE
    with source.open("rb") as handle:
        data = np.load(handle, allow_pickle=False)
        if tuple(str(r) for r in data["relations"]) != RELATIONS:
            raise ValueError(f"{source}: other relations than {RELATIONS}")
        frozen = int(data["frozen"])
        weights = {k.split(":", 1)[1]: data[k].astype(np.float32) for k in data.files if k.startswith("layer:")}
        config = shared_minilm().config
        layers = tuple(read_layer(weights, f"encoder.layer.{i}.", config) for i in range(frozen, config.layers))
        return CrossEncoder(frozen=frozen, layers=layers, head=data["head"].astype(np.float32),
                            head_bias=data["head_bias"].astype(np.float32), bias=data["bias"].astype(np.float32),
                            max_pieces=int(data["max_pieces"]))


__all__ = ["CROSS_FILE", "CROSS_VERSION", "CrossEncoder", "RELATIONS", "load_cross", "save_cross"]
