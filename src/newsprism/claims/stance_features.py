"""Features of a (headline, body) pair for the stance model: relatedness, cue words, polarity.

Texts are read once into views (``read_headline``, ``read_body``) that hold their sentences,
MiniLM vectors, stems and per-sentence cue counts; ``pair_features`` then costs microseconds, so a
body shared by many headlines (FNC-1 pairs each body with ~30) is read and embedded once.

Three families of features (names in ``FEATURE_NAMES``):

- *relatedness*: MiniLM cosine of the headline with the body's sentences (max, top-3, mean,
  lead, centroid), TF-IDF cosine (whole body, best sentence, lead), idf-weighted coverage of the
  headline's words, bigrams, numbers and names in the body;
- *cues*: refuting / hedging / reporting / confirming / negation words, as rates over the whole
  body, its lead, and the sentences closest to the headline (softmax-weighted by similarity),
  and counted within a few tokens of the headline's words in the body;
- *soft cues*: MiniLM cosine of body sentences with prototype sentences of refuting, hedging,
  confirming and reporting (``stance_patterns.PROTOTYPES``), and how much closer they are to the
  headline restated as refuted / hedged / confirmed than to the headline itself (worth +0.05
  macro-F1 in the ablation of bench/stance.py);
- *polarity*: each text's stance toward what it mentions (SUPPORT words: boost, back, help; OPPOSE
  words: warn, curb, raise concerns; negation flips), and the contrast between the headline's
  polarity and that of its closest body sentences.
"""
from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..model import Span
from . import stance_patterns as P

LEAD_SENTENCES = 3  # the lead: news bodies state their claim in the first sentences
MAX_SENTENCES = 80  # longer bodies are cut: past this, FNC-1 bodies are off-claim digressions
SOFTMAX_TEMPERATURE = 0.05  # cosine gaps of ~0.1 between the closest sentences are meaningful
TOP_K = 3
IDF_FILE = "stance_idf.json.gz"
PROTOTYPES_FILE = "stance_prototypes.npz"
DEFAULT_IDF = 8.0  # a word unseen in the idf corpus is rare (max idf there is ~7.7)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextView:
    """One text read for the stance features. A headline is a view with one sentence."""

    text: str
    sentences: tuple[Span, ...]
    vectors: np.ndarray  # (n_sentences, dim), L2-normalised
    stems: tuple[tuple[str, ...], ...]  # content stems per sentence
    cues: np.ndarray  # (n_sentences, len(CUES)) counts
    polarity: np.ndarray  # (n_sentences,) in {-1, 0, +1}
    tfidf: tuple[dict[str, float], ...]  # per sentence, L2-normalised
    tfidf_all: dict[str, float]
    numbers: frozenset[str]
    names: frozenset[str]  # stems of capitalised words not at a sentence start
    proto: np.ndarray  # (n_sentences, len(PROTO_KINDS)): cosine with the closest prototype of each kind
    variants: np.ndarray  # (len(TEMPLATE_KINDS), dim): a headline's restatements; (0, dim) for a body
    token_stems: tuple[str, ...]  # every token, stemmed, in order (for cue windows)
    window_cues: np.ndarray  # (n_tokens + 1, len(WINDOW_CUES)) running counts of cue tokens


CUES = ("refute", "hedge", "report", "confirm", "negation", "support", "oppose", "against_support")
WINDOW_CUES = ("refute", "hedge", "report", "confirm", "negation")
PROTO_KINDS = tuple(P.PROTOTYPES)
TEMPLATE_KINDS = tuple(P.HEADLINE_TEMPLATES)

FEATURE_NAMES = (
    "emb_max", "emb_top3", "emb_mean", "emb_lead", "emb_centroid",
    "tfidf_body", "tfidf_sent_max", "tfidf_lead",
    "cover_body", "cover_lead", "cover_top", "bigram_cover", "num_head", "num_cover", "name_cover",
    "head_len", "body_len",
    *(f"body_{c}" for c in CUES), *(f"lead_{c}" for c in CUES), *(f"near_{c}" for c in CUES),
    *(f"head_{c}" for c in CUES), "head_question", "head_quote",
    "neg_mismatch", "head_polarity", "near_polarity", "top_polarity_min", "top_polarity_max",
    "polarity_contrast", "polarity_flip",
    *(f"{where}_proto_{k}" for where in ("near", "max", "lead", "head") for k in PROTO_KINDS),
    *(f"tpl_{k}_{where}" for k in TEMPLATE_KINDS for where in ("near", "max", "lead")),
    *(f"win_{c}{suffix}" for c in WINDOW_CUES for suffix in ("", "_any")), "win_hit_rate", "win_hits",
)


# --- tokens ---------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet "denies"/"denied"/"denying" at "deny"."""
    w = word.lower().replace("’", "'")
    for suffix, repl in (("edly", ""), ("ingly", ""), ("sses", "ss"), ("ies", "y"), ("ied", "y")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return _tidy(w[: -len(suffix)] + repl, doubled=not repl)
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return _tidy(w[: -len(suffix)], doubled=True)
    if w.endswith("ly") and len(w) >= 6:
        w = w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= 4:
        w = w[:-1]
    return _tidy(w, doubled=False)


def _tidy(w: str, *, doubled: bool) -> str:
    if doubled and len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if w.endswith("e") and len(w) >= 5:
        w = w[:-1]
    return w


def _stem_set(words) -> frozenset[str]:
    return frozenset(stem(w) for w in words) | frozenset(words)


CUE_STEMS = {
    "refute": _stem_set(P.REFUTING), "hedge": _stem_set(P.HEDGING),
    "report": _stem_set(P.REPORTING), "confirm": _stem_set(P.CONFIRMING),
}
NEGATION = frozenset(w.replace("’", "'") for w in P.NEGATION)
SUPPORT = _stem_set(P.SUPPORT)
OPPOSE = _stem_set(P.OPPOSE)
STOP = _stem_set(P.STOPWORDS)


def words(text: str) -> list[str]:
    return [m.group(0).lower().replace("’", "'") for m in P.WORD.finditer(text)]


def content_stems(tokens: Sequence[str]) -> tuple[str, ...]:
    out = []
    for t in tokens:
        t = P.NUMBER_WORDS.get(t, t)
        s = stem(t)
        if t not in P.STOPWORDS and s not in STOP and t not in NEGATION:
            out.append(s)
    return tuple(out)


def numbers(text: str) -> frozenset[str]:
    found = {m.group(0).replace(",", "") for m in P.NUMBER.finditer(text)}
    found |= {P.NUMBER_WORDS[w] for w in words(text) if w in P.NUMBER_WORDS}
    return frozenset(found)


def names(text: str) -> frozenset[str]:
    """Stems of capitalised words that don't open a sentence (people, places, bodies).

    In an all-title-case headline every word is capitalised; those are skipped as uninformative.
    """
    tokens = [m.group(0) for m in P.WORD.finditer(text)]
    caps = [t for i, t in enumerate(tokens) if i and t[:1].isupper() and t.lower() not in P.STOPWORDS]
    if len(tokens) > 3 and len(caps) > 0.7 * (len(tokens) - 1):
        return frozenset()
    return frozenset(stem(t) for t in caps)


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentences with offsets into ``text``; regex based (no parser: bodies are many).

    A break after an abbreviation or an initial ("U.S. Secretary", "J. Smith") is undone.
    """
    spans: list[Span] = []
    start = 0
    for m in P.SENTENCE_END.finditer(text):
        if "\n" not in m.group(0) and _ends_with_abbreviation(text[start:m.start()]):
            continue
        _add_span(spans, text, start, m.start())
        start = m.end()
    _add_span(spans, text, start, len(text))
    return tuple(spans[:MAX_SENTENCES])


def _ends_with_abbreviation(piece: str) -> bool:
    last = piece.rstrip().rsplit(None, 1)[-1] if piece.strip() else ""
    if not last.endswith("."):
        return False
    word = last.rstrip(".").lstrip("(\"'“‘").lower()
    return word in P.ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if len(stripped) >= 3 and P.WORD.search(stripped):
        offset = start + len(piece) - len(piece.lstrip())
        spans.append(Span(text=stripped, start=offset, end=offset + len(stripped)))


# --- cues and polarity ----------------------------------------------------------------------

def sentence_cues(tokens: Sequence[str]) -> tuple[list[int], int]:
    """Counts of each cue in ``CUES`` and the clause polarity (-1 oppose, +1 support, 0 neither).

    OPPOSE dominates: "concerns about its support" opposes. A negation within
    ``POLARITY_WINDOW`` tokens before a polarity word flips it ("won't back" opposes).
    ``against_support`` counts SUPPORT words with an OPPOSE word shortly before them: the
    sentence opposes a support ("warned China against helping Russia").
    """
    counts = dict.fromkeys(CUES, 0)
    stems = [stem(t) for t in tokens]
    signs = []
    for i, (token, s) in enumerate(zip(tokens, stems)):
        for cue, vocab in CUE_STEMS.items():
            if token in vocab or s in vocab:
                counts[cue] += 1
        if token in NEGATION:
            counts["negation"] += 1
        sign = 1 if (token in SUPPORT or s in SUPPORT) else -1 if (token in OPPOSE or s in OPPOSE) else 0
        if sign and any(t in NEGATION for t in tokens[max(0, i - P.POLARITY_WINDOW):i]):
            sign = -sign
        signs.append(sign)
    last_oppose = -10**6
    for i, sign in enumerate(signs):
        if sign > 0:
            counts["support"] += 1
            counts["against_support"] += i - last_oppose <= P.AGAINST_SUPPORT_WINDOW
        elif sign < 0:
            counts["oppose"] += 1
            last_oppose = i
    polarity = -1 if counts["oppose"] else (1 if counts["support"] else 0)
    return [counts[c] for c in CUES], polarity


def stance_toward_support(cues: np.ndarray) -> int:
    """+1 when a text plainly backs something (SUPPORT words, no OPPOSE, negation or refuting
    word), -1 when it opposes a support (an OPPOSE word before a SUPPORT word), else 0."""
    c = {name: cues[i] for i, name in enumerate(CUES)}
    if c["against_support"] > 0:
        return -1
    if c["support"] > 0 and not (c["oppose"] or c["negation"] or c["refute"] or c["hedge"]):
        return 1
    return 0


@lru_cache(maxsize=1)
def idf_table() -> dict[str, float]:
    """Stem -> inverse document frequency, estimated on news articles outside FNC-1 (see
    scripts/train_stance.py); shipped in claims/data."""
    path = resources.files("newsprism.claims") / "data" / IDF_FILE
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as f:
        return json.load(f)


def tfidf_vector(stems: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(stems)
    vec = {s: (1 + math.log(n)) * idf.get(s, DEFAULT_IDF) for s, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {s: v / norm for s, v in vec.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


# --- views ----------------------------------------------------------------------------------

def read_text(text: str, sentences: Sequence[Span], vectors: np.ndarray, *,
              variants: np.ndarray | None = None, idf: dict[str, float] | None = None,
              prototypes: Prototypes | None = None) -> TextView:
    """A view of ``text`` whose ``sentences`` have the L2-normalised ``vectors``; a headline's
    view also gets the vectors of its restatements (``headline_texts(...)[1:]``)."""
    idf = idf_table() if idf is None else idf
    prototypes = prototypes or load_prototypes()
    vectors = np.asarray(vectors, dtype=np.float32)
    vectors = vectors[None, :] if vectors.ndim == 1 else vectors
    token_lists = [words(s.text) for s in sentences]
    stems = tuple(content_stems(t) for t in token_lists)
    cue_rows, polarity = zip(*(sentence_cues(t) for t in token_lists)) if token_lists else ((), ())
    all_stems = [s for group in stems for s in group]
    all_tokens = [t for group in token_lists for t in group]
    token_stems = tuple(stem(t) for t in all_tokens)
    return TextView(
        text=text, sentences=tuple(sentences), vectors=vectors,
        stems=stems, cues=np.asarray(cue_rows, dtype=np.float32).reshape(len(sentences), len(CUES)),
        polarity=np.asarray(polarity, dtype=np.float32),
        tfidf=tuple(tfidf_vector(s, idf) for s in stems), tfidf_all=tfidf_vector(all_stems, idf),
        numbers=numbers(text), names=names(text), proto=prototypes.similarities(vectors),
        variants=(np.zeros((0, vectors.shape[1]), dtype=np.float32) if variants is None
                  else np.asarray(variants, dtype=np.float32)),
        token_stems=token_stems, window_cues=_running_cues(all_tokens, token_stems))


def _running_cues(tokens: Sequence[str], stems: Sequence[str]) -> np.ndarray:
    flags = np.zeros((len(tokens) + 1, len(WINDOW_CUES)), dtype=np.float32)
    for i, (t, s) in enumerate(zip(tokens, stems), start=1):
        for j, cue in enumerate(WINDOW_CUES):
            vocab = NEGATION if cue == "negation" else CUE_STEMS[cue]
            flags[i, j] = t in vocab or s in vocab
    return np.cumsum(flags, axis=0)


def headline_texts(headline: str) -> list[str]:
    """The headline, then its restatements as refuted / hedged / confirmed (TEMPLATE_KINDS)."""
    h = headline.strip()
    core = h.rstrip(".")
    return [h, *(P.HEADLINE_TEMPLATES[k].format(h=core) for k in TEMPLATE_KINDS)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Prototypes:
    """The MiniLM vectors of ``stance_patterns.PROTOTYPES``, kind by kind."""

    kinds: tuple[str, ...]
    vectors: tuple[np.ndarray, ...]  # one (n_prototypes, dim) array per kind

    def similarities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, len(kinds)): each row's cosine with the closest prototype of each kind."""
        if not len(vectors):
            return np.zeros((0, len(self.kinds)), dtype=np.float32)
        return np.stack([(vectors @ v.T).max(axis=1) for v in self.vectors], axis=1)


def embed_prototypes(embed) -> Prototypes:
    """Prototypes embedded with ``embed`` (``Language.embed``); used when (re)training."""
    return Prototypes(kinds=PROTO_KINDS, vectors=tuple(
        np.asarray(embed(list(P.PROTOTYPES[k])), dtype=np.float32) for k in PROTO_KINDS))


def save_prototypes(prototypes: Prototypes, path) -> None:
    # Any: numpy's stub would match the ** values against savez_compressed's allow_pickle: bool
    arrays: dict[str, Any] = {f"text_{k}": np.array(P.PROTOTYPES[k]) for k in prototypes.kinds}
    arrays.update({f"vec_{k}": v.astype(np.float16) for k, v in zip(prototypes.kinds, prototypes.vectors)})
    np.savez_compressed(path, **arrays)


@lru_cache(maxsize=1)
def load_prototypes() -> Prototypes:
    """The shipped prototype vectors; refuses ones embedded from other sentences."""
    path = resources.files("newsprism.claims") / "data" / PROTOTYPES_FILE
    with path.open("rb") as f, np.load(f) as data:
        for k in PROTO_KINDS:
            if tuple(str(t) for t in data[f"text_{k}"]) != P.PROTOTYPES[k]:
                raise RuntimeError(f"{PROTOTYPES_FILE} is stale; rerun scripts/train_stance.py")
        return Prototypes(kinds=PROTO_KINDS,
                          vectors=tuple(data[f"vec_{k}"].astype(np.float32) for k in PROTO_KINDS))


def headline_sentences(headline: str) -> tuple[Span, ...]:
    """A headline is one sentence, whatever its punctuation."""
    stripped = headline.strip()
    start = headline.find(stripped) if stripped else 0
    return (Span(text=stripped, start=start, end=start + len(stripped)),)


# --- pair features --------------------------------------------------------------------------

def similarities(head: TextView, body: TextView) -> np.ndarray:
    if not len(body.sentences):
        return np.zeros(0, dtype=np.float32)
    return body.vectors @ head.vectors[0]


def pair_features(head: TextView, body: TextView, sims: np.ndarray | None = None) -> np.ndarray:
    """The feature vector of one (headline, body) pair, in ``FEATURE_NAMES`` order."""
    sims = similarities(head, body) if sims is None else sims
    n = len(body.sentences)
    if n == 0:
        return np.zeros(len(FEATURE_NAMES), dtype=np.float32)
    order = np.argsort(-sims)
    lead = slice(0, min(LEAD_SENTENCES, n))
    weights = np.exp((sims - sims.max()) / SOFTMAX_TEMPERATURE)
    weights /= weights.sum()
    centroid = body.vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    h_tfidf = head.tfidf[0]
    sent_tfidf = np.array([_dot(h_tfidf, t) for t in body.tfidf])
    h_stems = head.stems[0]
    relatedness = [
        sims.max(), sims[order[:TOP_K]].mean(), sims.mean(), sims[lead].max(),
        float(centroid @ head.vectors[0]),
        _dot(h_tfidf, body.tfidf_all), sent_tfidf.max(), sent_tfidf[lead].max(),
        _cover(h_stems, body.stems), _cover(h_stems, body.stems[lead]),
        _cover(h_stems, body.stems[int(order[0]):int(order[0]) + 1]),
        _bigram_cover(h_stems, body.stems), len(head.numbers),
        len(head.numbers & body.numbers) / len(head.numbers) if head.numbers else 0.0,
        len(head.names & _all_stems(body)) / len(head.names) if head.names else 0.0,
        len(h_stems), math.log1p(n),
    ]
    cue_rates = [*body.cues.mean(axis=0), *body.cues[lead].mean(axis=0), *(weights @ body.cues),
                 *head.cues[0]]
    headline = head.text
    near_neg = float(weights @ (body.cues[:, CUES.index("negation")] > 0))
    h_neg = float(head.cues[0, CUES.index("negation")] > 0)
    h_pol = float(head.polarity[0])
    near_pol = float(weights @ body.polarity)
    top = body.polarity[order[:TOP_K]]
    polarity = [
        abs(h_neg - near_neg), h_pol, near_pol, top.min(), top.max(), -h_pol * near_pol,
        float(polarity_flip(head, body, order)),
    ]
    extra = [float("?" in headline), float(any(q in headline for q in "\"“”'‘"))]
    protos = [*(weights @ body.proto), *body.proto.max(axis=0), *body.proto[lead].max(axis=0),
              *head.proto[0]]
    return np.asarray(relatedness + cue_rates + extra + polarity + protos
                      + _template_features(head, body, sims, weights, lead) + _window_features(head, body),
                      dtype=np.float32)


def _template_features(head, body, sims, weights, lead) -> list[float]:
    """How much closer each body sentence is to a restatement than to the headline itself."""
    out = []
    for k in range(len(TEMPLATE_KINDS)):
        if k >= len(head.variants):
            out += [0.0, 0.0, 0.0]
            continue
        lean = body.vectors @ head.variants[k] - sims
        out += [float(weights @ lean), float(lean.max()), float(lean[lead].max())]
    return out


def _window_features(head: TextView, body: TextView) -> list[float]:
    """Cue words within ``CUE_WINDOW`` tokens of the headline's words in the body."""
    wanted = set(head.stems[0])
    hits = [i for i, s in enumerate(body.token_stems) if s in wanted]
    n_tokens = len(body.token_stems)
    running = body.window_cues
    counts = np.zeros(len(WINDOW_CUES), dtype=np.float32)
    for i in hits:
        counts += running[min(n_tokens, i + P.CUE_WINDOW + 1)] - running[max(0, i - P.CUE_WINDOW)]
    per_hit = counts / max(len(hits), 1)
    out = [v for c, rate in zip(counts, per_hit) for v in (float(rate), float(c > 0))]
    return out + [len(hits) / max(n_tokens, 1), math.log1p(len(hits))]


def polarity_flip(head: TextView, body: TextView, order: np.ndarray) -> bool:
    """The headline plainly backs something and the body sentence closest to it opposes that
    backing (or the reverse), and none of the next closest sentences sides with the headline."""
    h = stance_toward_support(head.cues[0])
    if h == 0 or not len(order) or "?" in head.text:
        return False
    top = [stance_toward_support(body.cues[i]) for i in order[:TOP_K]]
    return top[0] == -h and h not in top


def _all_stems(view: TextView) -> frozenset[str]:
    return frozenset(s for group in view.stems for s in group)


def _cover(head_stems: Sequence[str], body_stems: Sequence[Sequence[str]]) -> float:
    """The idf-weighted share of the headline's words found in ``body_stems``."""
    if not head_stems:
        return 0.0
    idf = idf_table()
    found = frozenset(s for group in body_stems for s in group)
    total = sum(idf.get(s, DEFAULT_IDF) for s in set(head_stems))
    return sum(idf.get(s, DEFAULT_IDF) for s in set(head_stems) if s in found) / total


def _bigram_cover(head_stems: Sequence[str], body_stems: Sequence[Sequence[str]]) -> float:
    grams = set(zip(head_stems, head_stems[1:]))
    if not grams:
        return 0.0
    found = {g for group in body_stems for g in zip(group, group[1:])}
    return len(grams & found) / len(grams)
