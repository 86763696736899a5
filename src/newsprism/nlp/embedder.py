"""What the language layer asks of a sentence encoder, and the two engines that provide it.

``Encoder`` is the protocol: ``encode(texts)`` gives one L2-normalised float32 row per text.
(What a stage asks of its caller is ``newsprism.model.Embedder``, ``embed`` and ``version``:
a ``Language``, which runs one of these encoders, or a test double.)
Both engines run the same all-MiniLM-L6-v2 weights and give the same vectors (mean cosine
1.0000 on 2,000 real sentences, bench/embed_engines.py), so annotations do not record which
one made them:

- ``"numpy"`` (default, ``nlp.minilm``): the forward pass in numpy; needs only the lean install.
- ``"torch"``: sentence-transformers on torch, from the ``[torch]`` extra; the GPU path
  (``device="cuda"``).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

__all__ = ["ENGINES", "Encoder", "TorchMiniLM", "load_embedder"]

ENGINES = ("numpy", "torch")
TORCH_BATCH = 64  # texts per sentence-transformers batch (its 229-235 sentences/s setting, MODELS.md)


@runtime_checkable
class Encoder(Protocol):
    """A sentence encoder: one unit-norm float32 row per text, in order; ``(0, dim)`` for none."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class TorchMiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers (the ``[torch]`` extra), on any torch device."""

    def __init__(self, device: str = "cpu", batch: int = TORCH_BATCH):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging
        except ImportError as missing:
            raise ImportError("engine='torch' needs the torch extra: pip install -e '.[torch]'") from missing
        from .minilm import model_path

        transformers_logging.disable_progress_bar()  # ours is the only progress bar the user sees
        transformers_logging.set_verbosity_error()
        self.device = device
        self.batch = batch
        self.model = SentenceTransformer(str(model_path()), device=device)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            dimension = self.model.get_sentence_embedding_dimension()
            assert dimension is not None  # MiniLM's pooling layer fixes it
            return np.zeros((0, dimension), dtype=np.float32)
        vectors = self.model.encode(list(texts), batch_size=self.batch, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32)


    def token_states(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(offsets, last hidden states, mask) of one batch: see ``MiniLM.token_states``."""
        import torch

        encoded = self.model.tokenizer(list(texts), padding=True, truncation=True,
                                       max_length=self.model.max_seq_length, return_offsets_mapping=True,
                                       return_tensors="pt")
        offsets = encoded.pop("offset_mapping").numpy()
        encoded = {k: v.to(self.device) for k, v in encoded.items()}
        with torch.inference_mode():
            transformer: Any = self.model[0]  # sentence-transformers' Transformer; torch types it as a Module
            hidden = transformer.auto_model(**encoded).last_hidden_state.float().cpu().numpy()
        return offsets, hidden, encoded["attention_mask"].cpu().numpy().astype(np.float32)


def load_embedder(engine: str = "numpy", device: str = "cpu") -> Encoder:
    """The MiniLM encoder of ``engine`` on ``device`` (the numpy engine runs on the CPU only)."""
    check_engine(engine, device)
    if engine == "torch":
        return TorchMiniLM(device)
    from .minilm import shared_minilm

    return shared_minilm()


def check_engine(engine: str, device: str) -> None:
    """Fail early on a combination that cannot run."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "numpy" and device != "cpu":
        raise ValueError(f"device {device!r} needs engine='torch' (the torch extra); the numpy engine runs on the CPU")
