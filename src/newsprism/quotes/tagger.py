"""A word-piece tagger of attribution spans: which words of an article are what someone said
(content), the cue that says so, and who said it (source).

The rules and the frame scorer (``extract``, ``model``) find an attribution only where the parse
gives a cue frame; PolNeAR marks many the parse misses (a noun or preposition cue, a content
across a sentence break, a cue the small spaCy model tags wrongly). This tagger reads the words
themselves: all-MiniLM-L6-v2 with low-rank deltas (LoRA) trained on every layer's six matrices,
its LayerNorms and a linear head, B / I / O per piece for each of ``LAYERS``
(``bench/quote_tagger.py`` trains it on four fifths of PolNeAR train and chose the decoding
settings on the held-apart fifth). ``extract`` adds the contents it is sure of that no rule
found, and ends the rules' reported speech where it surely ends. Inference is numpy through ``nlp.minilm`` (the deltas merged into a second copy of the
weights at load time): no torch at run time.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..nlp.minilm import BertConfig, MiniLM, model_path, token_chunks

__all__ = ["LAYERS", "SURE", "QuoteTagger", "TaggedSpan", "Tagging", "decode", "load_tagger", "spans_of", "words_of"]

TAGGER_FILE = "quote_tagger.npz"
TAGGER_VERSION = "quote-tagger-1"
LAYERS = ("content", "cue", "source")
# Windows over an article's pieces (the model reads 256 at most, [CLS] and [SEP] included); they
# overlap by 64 pieces and a piece's probabilities are the mean over the windows holding it.
WINDOW, STRIDE = 256, 192
# Decoding, chosen on PolNeAR train's held-apart fifth (bench/RESULTS.md, "quote tagger"): a piece
# is inside a span when P(B) + P(I) >= INSIDE; a span starts where B_WEIGHT * P(B) > P(I);
# contents shorter than MIN_CHARS are dropped.
INSIDE, B_WEIGHT, MIN_CHARS = 0.5, 0.25, 20
# ``extract`` adds a tagged content no rule found when its pieces' mean inside probability
# reaches this (chosen on the held-apart fifth).
SURE = 0.8


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A tagged span: character offsets and its pieces' mean inside probability."""

    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's spans of one text, per layer, in text order."""

    contents: tuple[TaggedSpan, ...]
    cues: tuple[TaggedSpan, ...]
    sources: tuple[TaggedSpan, ...]


class QuoteTagger:
    """The merged encoder and the B/I/O head; ``tag`` reads texts."""

    def __init__(self, minilm: MiniLM, head: np.ndarray, head_bias: np.ndarray, tokenizer):
        self.minilm = minilm
        self.head = np.ascontiguousarray(head.T, dtype=np.float32)  # hidden x (layers * 3)
        self.head_bias = head_bias.astype(np.float32)
        self._tokenizer = tokenizer  # no truncation: the windows cut
        self._cls = tokenizer.token_to_id("[CLS]")
        self._sep = tokenizer.token_to_id("[SEP]")

    def probabilities(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text: its pieces' character offsets (pieces x 2) and B / I / O probabilities
        (pieces x layers x 3), windows averaged."""
        encodings = self._tokenizer.encode_batch([str(t) for t in texts], add_special_tokens=False)
        windows: list[tuple[int, int, np.ndarray]] = []  # (text, first piece, ids with [CLS]/[SEP])
        for n, encoding in enumerate(encodings):
            ids = np.asarray(encoding.ids, dtype=np.int64)
            for first in range(0, max(1, len(ids)), STRIDE):
                windows.append((n, first, np.concatenate([[self._cls], ids[first:first + WINDOW - 2], [self._sep]])))
                if first + WINDOW - 2 >= len(ids):
                    break
        totals = [np.zeros((len(e.ids), len(LAYERS), 3), dtype=np.float32) for e in encodings]
        seen = [np.zeros(len(e.ids), dtype=np.float32) for e in encodings]
        for rows in token_chunks([len(w[2]) for w in windows]):
            hidden = self.minilm.packed([windows[r][2] for r in rows])
            start = 0
            for r in rows:
                n, first, ids = windows[r]
                states = hidden[start + 1:start + len(ids) - 1]  # without [CLS] and [SEP]
                start += len(ids)
                totals[n][first:first + len(states)] += _softmax(states @ self.head + self.head_bias)
                seen[n][first:first + len(states)] += 1
        return [(np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2), t / np.maximum(s, 1)[:, None, None])
                for e, t, s in zip(encodings, totals, seen)]

    def tag(self, texts: Sequence[str]) -> list[Tagging]:
        """The tagged contents, cues and sources of each text."""
        return [decode(offsets, p, text) for text, (offsets, p) in zip(texts, self.probabilities(texts))]


def decode(offsets: np.ndarray, p: np.ndarray, text: str | None = None) -> Tagging:
    """One text's spans from its pieces' probabilities (``QuoteTagger.probabilities``); with the
    ``text``, each span holds whole words (``words_of``)."""
    words = words_of(offsets, text) if text is not None else None
    contents, cues, sources = (spans_of(offsets, p[:, k, :], words) for k in range(len(LAYERS)))
    return Tagging(contents=tuple(s for s in contents if s.end - s.start >= MIN_CHARS),
                   cues=tuple(cues), sources=tuple(sources))


def _softmax(logits: np.ndarray) -> np.ndarray:
    x = logits.reshape(len(logits), len(LAYERS), 3)
    x = np.exp(x - x.max(axis=-1, keepdims=True))
    return x / x.sum(axis=-1, keepdims=True)


def words_of(offsets: np.ndarray, text: str) -> list[list[int]]:
    """The pieces of each word, in order: a piece glued to the one before it, letters or digits
    on both sides of the seam ("af" "##firm"), continues its word; empty pieces are left out."""
    words: list[list[int]] = []
    previous_end = -1
    for i, (a, b) in enumerate(offsets):
        if b <= a:
            continue
        glued = a == previous_end and a > 0 and text[a - 1].isalnum() and text[a].isalnum()
        if glued and words:
            words[-1].append(i)
        else:
            words.append([i])
        previous_end = b
    return words


def spans_of(offsets: np.ndarray, p: np.ndarray, words: list[list[int]] | None = None) -> list[TaggedSpan]:
    """Decode one layer's (pieces x 3: O, B, I) probabilities into spans (``INSIDE``,
    ``B_WEIGHT``). With ``words`` (``words_of``) a word is in or out, and starts a span or not, by
    its first piece, so no span starts or ends inside a word ('unwillingness to af' + 'firm his
    support' had split "affirm" between a cue and a content); without, by each piece."""
    inside = p[:, 1] + p[:, 2] >= INSIDE
    begins = p[:, 1] * B_WEIGHT > p[:, 2]
    if words is None:
        words = [[i] for i, (a, b) in enumerate(offsets) if b > a]
    out: list[TaggedSpan] = []
    current: list[int] | None = None  # piece indices of the open span

    def close():
        if current:
            a, b = int(offsets[current[0]][0]), int(offsets[current[-1]][1])
            out.append(TaggedSpan(a, b, float(np.mean(p[current, 1] + p[current, 2]))))

    for word in words:
        first = word[0]
        if not inside[first]:
            close()
            current = None
        elif current is None or begins[first]:
            close()
            current = list(word)
        else:
            current.extend(word)
    close()
    return out


def weights_path() -> Path:
    return Path(str(resources.files("newsprism.quotes") / "data" / TAGGER_FILE))


@cache
def load_tagger(path: str | None = None) -> QuoteTagger | None:
    """The shipped tagger (None when its weights are not installed): the bundled MiniLM's
    weights with the trained deltas added and LayerNorms replaced."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    file = Path(path) if path else weights_path()
    if not file.exists():
        return None
    folder = model_path()
    weights = dict(load_file(str(folder / "model.safetensors")))
    with np.load(file) as trained:
        for key in trained.files:
            kind, _, name = key.partition(":")
            if kind == "down":
                delta = trained[f"up:{name}"].astype(np.float32) @ trained[key].astype(np.float32)
                weights[f"{name}.weight"] = weights[f"{name}.weight"].astype(np.float32) + delta
            elif kind == "norm":
                weights[name] = trained[key].astype(np.float32)
        head, head_bias = trained["head:weight"], trained["head:bias"]
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    # the encoder only runs ``packed`` over the windows' ids: it never tokenizes
    return QuoteTagger(MiniLM(weights, BertConfig.read(folder), tokenizer), head, head_bias, tokenizer)
