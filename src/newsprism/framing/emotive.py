"""Loaded words by a learned model: which words of a sentence carry the writer's judgement.

Two logistic models, trained on BABE (expert-labelled biased words in news sentences, Spinde et
al. 2021) by ``bench/loaded.py --train`` and shipped as ``data/loaded_model.json``:

- the **word model** reads each word as MiniLM reads it in its sentence (the mean of its word
  pieces' contextual vectors, from the bundled all-MiniLM-L6-v2) plus what lexicons and word lists
  say of it: VADER valence and TextBlob subjectivity (``data/sentiment_lexicon.json``, built by
  ``scripts/build_sentiment_lexicon.py``), the shipped loaded-term lexicon, intensifiers and
  words of doubt (``patterns.py``), and its shape (capitalised, inside quotation marks);
- the **sentence model** reads the MiniLM sentence vector plus the word model's evidence (highest
  word probability, mean of the top two, how many words pass the threshold).

Both thresholds were chosen on cross-validation over a seeded training split and reported on the
held-apart validation split (bench/RESULTS.md, "loaded words").
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from . import patterns as P
from .lexicon import LoadedLexicon, default_loaded

RECORD = dict(frozen=True, slots=True, kw_only=True)
MODEL_FILE = "loaded_model.json"
LEXICON_FILE = "sentiment_lexicon.json"
ENCODE_BATCH = 32
MAX_PIECES = 256  # MiniLM's own limit (sentence-transformers max_seq_length)
VADER_SCALE = 4.0  # VADER valence runs -4..4: features take it to -1..1

SHAPE_FEATURES = ("vader_abs", "vader_neg", "vader_pos", "in_vader", "subjectivity", "polarity_abs",
                  "in_subjectivity", "loaded_lexicon", "intensifier", "doubt", "capitalised",
                  "all_caps", "digit", "quoted", "first_word", "log_length")


@dataclass(**RECORD)
class WordScore:
    """One word of a sentence (offsets into the sentence) and the word model's probability."""

    text: str
    start: int
    end: int
    probability: float
    quoted: bool = False


@dataclass(**RECORD)
class SentenceScore:
    """One sentence: its words' scores and the sentence model's probability that it is biased."""

    text: str
    words: tuple[WordScore, ...]
    probability: float


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class LoadedWordModel:
    """The shipped weights (see the module docstring). Thresholds are probabilities."""

    word_coef: np.ndarray
    word_bias: float
    word_threshold: float
    sentence_coef: np.ndarray
    sentence_bias: float
    sentence_threshold: float
    version: str
    about: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> LoadedWordModel:
        return cls(word_coef=np.asarray(data["word"]["coef"], dtype=np.float32),
                   word_bias=float(data["word"]["bias"]), word_threshold=float(data["word"]["threshold"]),
                   sentence_coef=np.asarray(data["sentence"]["coef"], dtype=np.float32),
                   sentence_bias=float(data["sentence"]["bias"]),
                   sentence_threshold=float(data["sentence"]["threshold"]),
                   version=data.get("version", ""), about=data.get("about", ""))

    def word_probabilities(self, features: np.ndarray) -> np.ndarray:
        return _sigmoid(features @ self.word_coef + self.word_bias)

    def sentence_probabilities(self, features: np.ndarray) -> np.ndarray:
        return _sigmoid(features @ self.sentence_coef + self.sentence_bias)


@dataclass(**RECORD)
class SentimentLexicon:
    vader: dict[str, float]
    subjectivity: dict[str, tuple[float, float]]
    version: str = ""

    def lookup(self, word: str) -> tuple[float | None, tuple[float, float] | None]:
        """VADER valence and (polarity, subjectivity) of ``word``, trying simple inflections."""
        for form in _forms(word.lower().replace("’", "'")):
            valence, subjective = self.vader.get(form), self.subjectivity.get(form)
            if valence is not None or subjective is not None:
                return valence, subjective
        return None, None


@lru_cache(maxsize=1 << 16)  # every word of every sentence asks; news repeats its words
def _forms(word: str) -> tuple[str, ...]:
    out = [word]
    for suffix, repl in (("'s", ""), ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ly", ""), ("ily", "y"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    return tuple(out)


def _read(name: str) -> dict:
    return json.loads((resources.files(__package__) / "data" / name).read_text(encoding="utf-8"))


@cache
def default_sentiment() -> SentimentLexicon:
    data = _read(LEXICON_FILE)
    return SentimentLexicon(vader=dict(data["vader"]),
                            subjectivity={k: (v[0], v[1]) for k, v in data["subjectivity"].items()},
                            version=data.get("version", ""))


@cache
def default_model() -> LoadedWordModel:
    return LoadedWordModel.from_dict(_read(MODEL_FILE))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


# --- reading sentences -----------------------------------------------------------------------------
@dataclass(**RECORD, eq=False)
class Encoded:
    """MiniLM's reading of one sentence: its words (offsets into it), each word's contextual vector
    and the sentence vector (mean pooled, L2-normalised, as sentence-transformers pools it)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    word_vectors: np.ndarray  # (n_words, 384)
    sentence_vector: np.ndarray  # (384,)


def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in P.WORD.finditer(text))


def encode(sentences: Sequence[str], language, states: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None
           ) -> list[Encoded]:
    """Contextual word vectors and sentence vectors for ``sentences``, in batches.

    ``language`` is a ``newsprism.nlp.Language`` (its MiniLM is used). A word past MiniLM's 256
    pieces gets the zero vector: callers cut long sentences first (``MAX_SENTENCE_WORDS``).
    ``states`` holds MiniLM's (offsets, hidden states) of sentences already read by the language
    layer (``nlp.language.annotate_states``): those are not run again."""
    known = {i: states[text] for i, text in enumerate(sentences) if states and text in states}
    done = {i: _from_states(sentences[i], *known[i]) for i in known}
    rest = [i for i in range(len(sentences)) if i not in known]
    fresh = _encode_batches([sentences[i] for i in rest], language) if rest else []
    done.update(zip(rest, fresh))
    return [done[i] for i in range(len(sentences))]


def _from_states(text: str, offsets: np.ndarray, hidden: np.ndarray) -> Encoded:
    """``Encoded`` from one unpadded pass: pieces' offsets and hidden states, [CLS] and [SEP] included."""
    pooled = hidden.mean(0) if len(hidden) else np.zeros(hidden.shape[1], dtype=np.float32)
    pooled = pooled / max(float(np.linalg.norm(pooled)), 1e-9)
    spans = word_spans(text)
    return Encoded(text=text, spans=spans, sentence_vector=pooled.astype(np.float32),
                   word_vectors=_word_vectors(spans, offsets, hidden, np.ones(len(hidden), dtype=np.float32)))


def _encode_batches(sentences: Sequence[str], language) -> list[Encoded]:
    out = []
    for i in range(0, len(sentences), ENCODE_BATCH):
        batch = list(sentences[i:i + ENCODE_BATCH])
        offsets, hidden, mask = language.token_states(batch)  # either MiniLM engine, MAX_PIECES at most
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)
        for row, text in enumerate(batch):
            spans = word_spans(text)
            out.append(Encoded(text=text, spans=spans, sentence_vector=pooled[row].astype(np.float32),
                               word_vectors=_word_vectors(spans, offsets[row], hidden[row], mask[row])))
    return out


def _word_vectors(spans, offsets, hidden, mask) -> np.ndarray:
    """Each word's vector: the mean of the hidden states of the word pieces it overlaps (zero
    where none does). Pieces come in text order, so a word's pieces are one run of them, found by
    bisection; a one-piece word (most) takes its piece's row as it is (the mean of one row)."""
    vectors = np.zeros((len(spans), hidden.shape[1]), dtype=np.float32)
    offsets = np.asarray(offsets).reshape(-1, 2)
    real = np.flatnonzero((np.asarray(mask)[:len(offsets)] > 0) & (offsets[:, 1] > offsets[:, 0]))
    if not len(spans) or not len(real):
        return vectors
    starts, ends = offsets[real, 0], offsets[real, 1]
    bounds = np.asarray(spans).reshape(-1, 2)
    first = np.searchsorted(ends, bounds[:, 0], side="right")  # first piece ending after the word starts
    last = np.searchsorted(starts, bounds[:, 1], side="left")  # first piece starting at or after its end
    single = np.flatnonzero(last - first == 1)
    vectors[single] = hidden[real[first[single]]]
    for n in np.flatnonzero(last - first > 1):
        vectors[n] = hidden[real[first[n]:last[n]]].mean(0)
    return vectors


# --- features ------------------------------------------------------------------------------------
def shape_features(text: str, spans: Sequence[tuple[int, int]], quoted: Sequence[bool],
                   lexicon: SentimentLexicon, loaded: LoadedLexicon) -> np.ndarray:
    """The non-embedding features of each word (``SHAPE_FEATURES``, in that order)."""
    hits = _lexicon_hits(text, loaded)
    rows = []
    for n, (start, end) in enumerate(spans):
        word = text[start:end]
        low = word.lower().replace("’", "'")
        valence, subjective = lexicon.lookup(word)
        v = (valence or 0.0) / VADER_SCALE
        pol, subj = subjective or (0.0, 0.0)
        rows.append((abs(v), max(-v, 0.0), max(v, 0.0), valence is not None, subj, abs(pol),
                     subjective is not None, any(s < end and e > start for s, e in hits),
                     low in P.INTENSIFIERS, low in P.DOUBT_WORDS,
                     word[:1].isupper() and n > 0, word.isupper() and len(word) > 1,
                     word[:1].isdigit(), bool(quoted[n]) if n < len(quoted) else False, n == 0,
                     math.log(len(word))))
    return np.asarray(rows, dtype=np.float32).reshape(len(spans), len(SHAPE_FEATURES))


def _lexicon_hits(text: str, loaded: LoadedLexicon) -> list[tuple[int, int]]:
    return [span for p in loaded.patterns for span in p.spans(text)]


def word_features(encoded: Encoded, quoted: Sequence[bool], lexicon: SentimentLexicon | None = None,
                  loaded: LoadedLexicon | None = None) -> np.ndarray:
    """One row per word: its contextual MiniLM vector, then its ``SHAPE_FEATURES``."""
    shape = shape_features(encoded.text, encoded.spans, quoted, lexicon or default_sentiment(),
                           loaded or default_loaded())
    return np.hstack([encoded.word_vectors, shape]).astype(np.float32)


def sentence_features(sentence_vector: np.ndarray, probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """The sentence vector, then the word evidence: highest word probability, mean of the top two,
    the number of words at or above ``threshold`` (log1p) and the sentence length in words (log)."""
    p = np.sort(np.asarray(probabilities, dtype=np.float32))[::-1]
    top = float(p[0]) if len(p) else 0.0
    top2 = float(p[:2].mean()) if len(p) else 0.0
    evidence = [top, top2, math.log1p(float((p >= threshold).sum())), math.log1p(len(p))]
    return np.concatenate([sentence_vector, np.asarray(evidence, dtype=np.float32)])


# --- scoring ---------------------------------------------------------------------------------------
def score_sentences(sentences: Sequence[str], language, quoted: Sequence[Sequence[bool]] | None = None,
                    model: LoadedWordModel | None = None,
                    states: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None) -> list[SentenceScore]:
    """The word and sentence probabilities of each sentence. ``quoted[i][j]`` says whether word
    ``j`` of sentence ``i`` sits inside quotation marks (default: none does); ``states``: see
    ``encode``."""
    model = model or default_model()
    out = []
    for i, enc in enumerate(encode(sentences, language, states)):
        marks = quoted[i] if quoted is not None else [False] * len(enc.spans)
        probs = model.word_probabilities(word_features(enc, marks)) if enc.spans else np.zeros(0)
        sentence = model.sentence_probabilities(
            sentence_features(enc.sentence_vector, probs, model.word_threshold)[None, :])[0]
        words = tuple(WordScore(text=enc.text[s:e], start=s, end=e, probability=float(p),
                                quoted=bool(marks[n]) if n < len(marks) else False)
                      for n, ((s, e), p) in enumerate(zip(enc.spans, probs)))
        out.append(SentenceScore(text=enc.text, words=words, probability=float(sentence)))
    return out
