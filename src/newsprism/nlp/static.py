"""The cheap embedding path: a static token table distilled from the bundled all-MiniLM-L6-v2.

Full annotation runs ~3.4 articles/s on a 2-core machine (spaCy parse and MiniLM), hours for a
100k-article stream. A static model reads a text as a bag of MiniLM word pieces and averages one
stored vector per piece, thousands of texts per second, good enough to find candidate stories
(not to align claims). It is distilled here with our own code, the way model2vec does it:

1. every word piece of MiniLM's vocabulary goes through the transformer alone, as
   ``[CLS] piece [SEP]``, and the three output positions are mean-pooled (MiniLM's own pooling);
2. the table is centred (the mean over real pieces removed) and rotated onto its principal axes,
   each axis scaled by ``singular value ** -WHITEN_POWER``: half-whitening, which damps the few
   directions every piece shares without blowing up the noisy ones (full whitening does);
3. each row is weighted by SIF, ``a / (a + p(piece))`` with ``p`` from Zipf's law over the
   piece's frequency rank, so frequent pieces count less. BERT's vocabulary is in frequency order
   except its leading block of single characters (sorted by code point), which are taken as the
   most frequent pieces;
4. a text's vector is the sum of its pieces' rows (MiniLM's fast tokenizer, no length limit),
   L2-normalised. A text with no known piece gets the zero vector.

Agreement with MiniLM (Spearman of pairwise cosines, texts = headline + lead as for the MiniLM
article vector), ECB+ 772 docs / Multi-News 690 docs (bench/static_embed.py has the ECB+ run):
raw table 0.45 / -, centred 0.53 / -, + model2vec's default SIF (1e-4 over the raw vocabulary
order) 0.46 / 0.49, + SIF ``SIF_COEFFICIENT`` over the rank counted from the first word 0.67 /
0.60, + half-whitening 0.72 / 0.66 (shipped). Pooling on the piece's own position or on [CLS]
instead of the mean: 0.65 on ECB+. Fewer dimensions do not help (PCA to 256: 0.670, to 128:
0.660, before whitening), so the width stays MiniLM's 384.

The table (30,522 x 384 float16 rows and their float32 weights, 22 MB) is distilled on first use, offline and deterministic
(25-35 s on one core with torch; the numpy engine, ``nlp.minilm``, runs it now, needing no torch), and cached under ``$NEWSPRISM_CACHE`` (default ``~/.cache/newsprism``); a
process loads it once through ``shared_static()``.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from ..model import Article

__all__ = ["EMBED_DIM", "STATIC_VERSION", "StaticEmbedder", "cache_path", "distil", "load_tokenizer",
           "shared_static", "sif_weights", "whitened_rows"]

STATIC_VERSION = "static-1"
CACHE_ENV = "NEWSPRISM_CACHE"
# SIF weight a / (a + p): 1e-6 gave the best agreement with MiniLM (Spearman, before whitening:
# ECB+ 0.670, 1e-5 0.605, 3e-7 0.674, 1e-7 0.661; Multi-News 0.598, 1e-5 0.548, 3e-7 0.590).
SIF_COEFFICIENT = 1e-6
# Principal axes scaled by s ** -power: 0.5 and 0.75 tie (Spearman vs MiniLM 0.717 / 0.720 on
# ECB+, 0.656 / 0.657 on Multi-News, 0.670 / 0.598 unscaled); 1.0 (full whitening) falls to 0.24.
WHITEN_POWER = 0.5
DISTIL_BATCH = 1024  # pieces per forward pass: three positions each, so memory stays small
# One thread while distilling (measured with torch: 1,300-1,450 pieces/s with another process
# busy on the 2-core box, against 140-630 with two threads, which wait on each other; ~1,000 with
# two on a quiet machine). The numpy engine keeps one BLAS thread for the same reason: the first
# 3,000 pieces took 7.9 s against torch's 17.7 s (load and distil, load average ~15), and the raw
# rows agree with torch's to 3e-6, so tables cached from either are the same table.
DISTIL_THREADS = 1
EMBED_DIM = 384  # MiniLM's width: static vectors can stand in for article vectors


class StaticEmbedder:
    """A distilled static table and MiniLM's tokenizer. ``embed`` is vectorised: one Rust
    tokenizer call for the batch, then one sparse (texts x pieces) product with the table."""

    def __init__(self, table: np.ndarray, tokenizer):
        self.table = np.asarray(table, dtype=np.float32)
        self._tokenizer = tokenizer

    @classmethod
    def load(cls, cache_dir: Path | None = None, vocab_limit: int | None = None) -> StaticEmbedder:
        """The table from the cache, distilled and cached first when missing.

        ``vocab_limit`` distils only the first pieces of the vocabulary (the others get zero
        rows): for tests, which need a table in seconds. The shipped path distils all of it.
        """
        model_path = _model_path()
        path = cache_path(cache_dir, vocab_limit)
        if not path.exists():
            vocabulary = _vocabulary(model_path)
            rows = whitened_rows(distil(model_path, vocab_limit), vocabulary, vocab_limit)
            _save_atomically(path, rows.astype(np.float16), sif_weights(vocabulary).astype(np.float32))
        # Always read back what was stored: a fresh distillation and a later load give one answer.
        with np.load(path) as stored:
            table = stored["rows"].astype(np.float32) * stored["weights"][:, None]
        return cls(table, load_tokenizer(model_path))

    @property
    def dim(self) -> int:
        return self.table.shape[1]

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """MiniLM word-piece ids of each text, without [CLS]/[SEP] and without truncation."""
        return [encoding.ids for encoding in self._tokenizer.encode_batch_fast(list(texts), add_special_tokens=False)]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text; zero rows for texts without pieces."""
        sums = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, ids in enumerate(self.token_ids(texts)):
            if ids:  # a repeated piece counts as often as it occurs
                sums[row] = self.table[ids].sum(axis=0, dtype=np.float32)
        return _normalise(sums)

    def embed_articles(self, articles: Sequence[Article]) -> np.ndarray:
        """Static stand-ins for ``Annotation.vector``: the same headline + lead text MiniLM reads."""
        from .language import _article_text_for_embedding

        return self.embed([_article_text_for_embedding(a) for a in articles])


@cache
def shared_static() -> StaticEmbedder:
    """The process-wide ``StaticEmbedder`` (cache directory from ``$NEWSPRISM_CACHE``)."""
    return StaticEmbedder.load()


# --- distillation ------------------------------------------------------------------------------
def distil(model_path: Path, vocab_limit: int | None = None, batch: int = DISTIL_BATCH) -> np.ndarray:
    """Raw pooled MiniLM outputs, one float32 row per vocabulary id (zero past ``vocab_limit``):
    each piece alone between [CLS] and [SEP], mean over the three positions. The numpy engine
    (``nlp.minilm``) runs the transformer, so distilling needs no torch."""
    from threadpoolctl import threadpool_limits

    from .minilm import MiniLM

    model = MiniLM.load(model_path)
    size = model.word.shape[0]
    cls_id, sep_id = _special_id(model_path, "[CLS]"), _special_id(model_path, "[SEP]")
    end = min(size, vocab_limit or size)
    out = np.zeros((size, model.dim), dtype=np.float32)
    with threadpool_limits(limits=DISTIL_THREADS, user_api="blas"):
        for start in range(0, end, batch):
            ids = np.arange(start, min(end, start + batch))
            inputs = np.stack([np.full_like(ids, cls_id), ids, np.full_like(ids, sep_id)], axis=1)
            out[start:start + len(ids)] = model.hidden(inputs).mean(axis=1)
    return out


def whitened_rows(raw: np.ndarray, vocabulary: Sequence[str], vocab_limit: int | None = None) -> np.ndarray:
    """Centred, half-whitened rows (SIF weights not applied: they span five orders of magnitude,
    so the rows are stored in float16 and the weights apart); special pieces ([PAD], [CLS],
    [unused0], ...) and pieces past ``vocab_limit`` get zero rows."""
    real = np.array([not _is_special(piece) for piece in vocabulary])
    if vocab_limit is not None:
        real[vocab_limit:] = False
    centred = raw.astype(np.float64) - raw[real].mean(axis=0)
    _, singular, axes = np.linalg.svd(centred[real], full_matrices=False)
    table = (centred @ axes.T) / singular ** WHITEN_POWER
    table[~real] = 0.0
    return table.astype(np.float32)


def sif_weights(vocabulary: Sequence[str], coefficient: float = SIF_COEFFICIENT) -> np.ndarray:
    """``a / (a + p)`` per piece, ``p`` Zipfian in the piece's frequency rank. Special pieces and
    the leading block of single characters (code-point order, not frequency) share rank 0."""
    ranks = np.zeros(len(vocabulary))
    rank = 0
    for i, piece in enumerate(vocabulary):
        if not _is_special(piece) and len(piece) > 1:
            rank += 1
            ranks[i] = rank
    probability = 1.0 / (ranks + 2.0)
    probability /= probability.sum()
    return coefficient / (coefficient + probability)


def _is_special(piece: str) -> bool:
    return piece.startswith("[") and piece.endswith("]") and len(piece) > 2


# --- model files and cache ---------------------------------------------------------------------
def _model_path() -> Path:
    from .minilm import model_path

    return model_path()


def load_tokenizer(model_path: Path | None = None):
    """MiniLM's fast tokenizer (``tokenizers``), with its 128-piece truncation and padding off."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str((model_path or _model_path()) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _vocabulary(model_path: Path) -> list[str]:
    return (model_path / "vocab.txt").read_text(encoding="utf-8").splitlines()


def _special_id(model_path: Path, piece: str) -> int:
    return _vocabulary(model_path).index(piece)


def cache_path(cache_dir: Path | None = None, vocab_limit: int | None = None) -> Path:
    """Where the table lives: versioned, and keyed on the model files it was distilled from."""
    folder = Path(cache_dir or os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "newsprism")
    model_path = _model_path()
    digest = hashlib.sha1()
    for name in ("config.json", "vocab.txt"):
        digest.update((model_path / name).read_bytes())
    digest.update(str((model_path / "model.safetensors").stat().st_size).encode())
    suffix = "" if vocab_limit is None else f"-first{vocab_limit}"
    return folder / f"{STATIC_VERSION}-{digest.hexdigest()[:12]}{suffix}.npz"


def _save_atomically(path: Path, rows: np.ndarray, weights: np.ndarray) -> None:
    """Write then rename: a process reading the cache never sees half a table."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(out, rows=rows, weights=weights)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms
