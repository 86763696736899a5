"""Loaded words measured: BABE (word and sentence level) and BASIL's lexical-bias spans.

    python bench/loaded.py [--eval DIR] [--append-results]   # score every method
    python bench/loaded.py --train                           # choose settings, fit, write the model

BABE (../shared/eval/babe, 1,842 sentences, expert-labelled biased words and a biased /
non-biased sentence label) is read, never copied. Settings are chosen on a seeded split:

1. sentences are split 80 / 20 (stratified by the sentence label, seed ``SEED``) into train and
   validation;
2. on train, 5-fold cross-validation (folds of whole sentences) picks the word model's C and
   threshold (best out-of-fold word F1), then the sentence model's C and threshold (best
   out-of-fold sentence F1; its word evidence is itself out-of-fold, so it never reads a word
   probability from a model that saw that sentence);
3. those settings are fitted on all of train and reported on validation (held apart throughout);
4. for a figure over all of BABE, the same settings are refitted in 5 folds over the whole set:
   each sentence is predicted by a model that never saw it; ``score.py loaded`` scores that file;
5. ``--train`` fits the chosen settings on all of BABE and writes
   ``src/newsprism/framing/data/loaded_model.json`` (what the package ships).

Peers in the same run: the framing panel's old loaded-term lexicon alone, and VADER (word: a word
with |valence| >= t; sentence: |compound| >= t; both t chosen on train like ours). BASIL (162
articles; ../shared/eval/basil) is scored with the shipped model, trained on BABE only: its
lexical-bias spans as the loaded words of their sentence, same bag-of-words scoring as score.py.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

import benchkit
from benchkit import REPO

MODEL_OUT = REPO / "src" / "newsprism" / "framing" / "data" / "loaded_model.json"
CACHE = Path(tempfile.gettempdir()) / "newsprism-loaded-bench"
SEED = 11
FOLDS = 5
INNER_FOLDS = 3  # stacking inside the whole-set folds: word evidence for the sentence model
WORD_C = (0.01, 0.03, 0.1, 0.3)
SENTENCE_C = (0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.91, 0.02))
TOKEN = re.compile(r"\w+", re.UNICODE)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


# --- data --------------------------------------------------------------------------------------
def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def babe(eval_dir: Path) -> list[dict]:
    return read_jsonl(eval_dir / "babe" / "sentences.jsonl.gz")


def basil(eval_dir: Path) -> list[dict]:
    """One row per BASIL sentence: ``{"id", "text", "biased_words", "label_bias"}``, the lexical
    spans' text as its biased words."""
    rows = []
    for article in read_jsonl(eval_dir / "basil" / "articles.jsonl.gz"):
        spans = [s for s in article["spans"] if s.get("bias_type") == "lexical"]
        for i, sentence in enumerate(article["sentences"]):
            words = [s["text"] for s in spans if s["sentence_index"] == i]
            rows.append({"id": f"{article['id']}:{i}", "text": sentence, "biased_words": words,
                         "label_bias": "Biased" if words else "Non-biased"})
    return rows


def bag(items) -> Counter:
    return Counter(w.lower() for item in items or () for w in TOKEN.findall(str(item)))


def score(gold: list[dict], pred: dict[str, dict]) -> dict:
    """score.py's ``loaded`` metrics (word P/R/F1 over lowercased tokens, micro; sentence F1 of
    the Biased class), plus sentence accuracy and macro-F1 (BABE's published metric)."""
    tp = fp = fn = 0
    confusion = Counter()
    for g in gold:
        p = pred.get(g["id"], {})
        want, got = bag(g["biased_words"]), bag(p.get("words"))
        hit = sum((want & got).values())
        tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(want.values()) - hit
        confusion[(g["label_bias"] == "Biased", bool(p.get("biased")))] += 1
    f1 = lambda a, b, c: 2 * a / (2 * a + b + c) if a else 0.0
    pos = f1(confusion[(True, True)], confusion[(False, True)], confusion[(True, False)])
    neg = f1(confusion[(False, False)], confusion[(True, False)], confusion[(False, True)])
    return {"word_p": tp / (tp + fp) if tp + fp else 0.0, "word_r": tp / (tp + fn) if tp + fn else 0.0,
            "word_f1": f1(tp, fp, fn), "sentence_f1": pos, "sentence_macro_f1": (pos + neg) / 2,
            "sentence_acc": (confusion[(True, True)] + confusion[(False, False)]) / max(len(gold), 1)}


def split(rows: list[dict]) -> tuple[list[int], list[int]]:
    """Seeded, stratified 80 / 20 split of row indices into train and validation."""
    rng = np.random.default_rng(SEED)
    train, val = [], []
    for label in ("Biased", "Non-biased"):
        idx = np.array([i for i, r in enumerate(rows) if r["label_bias"] == label])
        rng.shuffle(idx)
        cut = round(len(idx) * 0.2)
        val.extend(idx[:cut].tolist())
        train.extend(idx[cut:].tolist())
    return sorted(train), sorted(val)


def folds(indices, k: int, seed: int = SEED) -> list[np.ndarray]:
    idx = np.array(sorted(indices))
    np.random.default_rng(seed).shuffle(idx)
    return [idx[i::k] for i in range(k)]


# --- features ----------------------------------------------------------------------------------
class Features:
    """Per sentence: word rows (features), word labels, spans, and the sentence vector."""

    def __init__(self, rows: list[dict], name: str):
        from newsprism.framing.emotive import word_features
        from newsprism.framing.loaded import in_spans, quoted_spans

        encoded = _encoded(rows, name)
        self.rows = rows
        self.words, self.labels, self.spans, self.vectors = [], [], [], []
        for row, enc in zip(rows, encoded):
            inside = quoted_spans(row["text"])
            quoted = [in_spans(s, inside) for s, _ in enc.spans]
            self.words.append(word_features(enc, quoted) if enc.spans else np.zeros((0, 400), np.float32))
            want = set(bag(row["biased_words"]))
            self.labels.append(np.array([bool(set(bag([row["text"][s:e]])) & want) for s, e in enc.spans]))
            self.spans.append(enc.spans)
            self.vectors.append(enc.sentence_vector)
        self.biased = np.array([r["label_bias"] == "Biased" for r in rows])

    def stack(self, indices):
        X = np.vstack([self.words[i] for i in indices])
        y = np.concatenate([self.labels[i] for i in indices])
        return X, y


def _encoded(rows: list[dict], name: str):
    """MiniLM's reading of every sentence, cached under the temp dir (the slow part)."""
    from newsprism.framing.emotive import Encoded, encode
    from newsprism.nlp import Language

    digest = hashlib.sha1("\n".join(r["text"] for r in rows).encode()).hexdigest()[:12]
    path = CACHE / f"{name}-{digest}.npz"
    texts = [r["text"] for r in rows]
    if path.exists():
        stored = np.load(path, allow_pickle=True)
        return [Encoded(text=t, spans=tuple(map(tuple, s)), word_vectors=w, sentence_vector=v)
                for t, s, w, v in zip(texts, stored["spans"], stored["words"], stored["vectors"])]
    encoded = encode(texts, Language())
    CACHE.mkdir(parents=True, exist_ok=True)
    spans = np.empty(len(encoded), dtype=object)
    words = np.empty(len(encoded), dtype=object)
    for i, e in enumerate(encoded):
        spans[i], words[i] = np.array(e.spans, dtype=np.int32).reshape(-1, 2), e.word_vectors
    np.savez(path, spans=spans, words=words, vectors=np.stack([e.sentence_vector for e in encoded]))
    return encoded


# --- models ------------------------------------------------------------------------------------
def fit_logistic(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """Standardised L2 logistic regression, returned as (coef, bias) on the raw features."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(0), X.std(0)
    scale[scale < 1e-6] = 1.0
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit((X - mean) / scale, y)
    coef = model.coef_[0] / scale
    return coef.astype(np.float32), float(model.intercept_[0] - (mean * coef).sum())


def predict(X: np.ndarray, coef: np.ndarray, bias: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(X @ coef + bias, -30, 30)))


def word_probs(F: Features, train, test, C: float) -> dict[int, np.ndarray]:
    coef, bias = fit_logistic(*F.stack(train), C)
    return {i: predict(F.words[i], coef, bias) for i in test}


def oof_word_probs(F: Features, indices, C: float, k: int = FOLDS) -> dict[int, np.ndarray]:
    out = {}
    for fold in folds(indices, k):
        rest = sorted(set(indices) - set(fold.tolist()))
        out.update(word_probs(F, rest, fold.tolist(), C))
    return out


def sentence_matrix(F: Features, probs: dict[int, np.ndarray], indices, threshold: float) -> np.ndarray:
    from newsprism.framing.emotive import sentence_features

    return np.stack([sentence_features(F.vectors[i], probs[i], threshold) for i in indices])


def word_predictions(F: Features, probs: dict[int, np.ndarray], threshold: float) -> dict[str, list[str]]:
    out = {}
    for i, p in probs.items():
        text = F.rows[i]["text"]
        out[F.rows[i]["id"]] = [text[s:e] for (s, e), q in zip(F.spans[i], p) if q >= threshold]
    return out


def best_threshold(metric) -> tuple[float, float]:
    return max(((metric(t), t) for t in THRESHOLDS), key=lambda x: (x[0], -abs(x[1] - 0.5)))


def choose(F: Features, train) -> dict:
    """Settings by 5-fold cross-validation on ``train`` only."""
    gold = [F.rows[i] for i in train]
    best = None
    for C in WORD_C:
        probs = oof_word_probs(F, train, C)
        f1, t = best_threshold(lambda t, probs=probs: score(
            gold, {k: {"words": v} for k, v in word_predictions(F, probs, t).items()})["word_f1"])
        print(f"  word C={C}: CV word F1 {f1:.3f} at p>={t}", file=sys.stderr)
        if best is None or f1 > best[0]:
            best = (f1, C, t, probs)
    word_f1, word_c, word_t, probs = best
    S = sentence_matrix(F, probs, train, word_t)
    y = F.biased[train]
    best_s = None
    for C in SENTENCE_C:
        p = np.zeros(len(train))
        for fold in folds(range(len(train)), FOLDS):
            rest = sorted(set(range(len(train))) - set(fold.tolist()))
            coef, bias = fit_logistic(S[rest], y[rest], C)
            p[fold] = predict(S[fold], coef, bias)
        f1, t = best_threshold(lambda t, p=p: _f1(y, p >= t))
        print(f"  sentence C={C}: CV sentence F1 {f1:.3f} at p>={t}", file=sys.stderr)
        if best_s is None or f1 > best_s[0]:
            best_s = (f1, C, t)
    return {"word_c": word_c, "word_threshold": float(word_t), "cv_word_f1": round(float(word_f1), 4),
            "sentence_c": best_s[1], "sentence_threshold": float(best_s[2]),
            "cv_sentence_f1": round(float(best_s[0]), 4)}


def _f1(y, said) -> float:
    tp, fp, fn = (y & said).sum(), (~y & said).sum(), (y & ~said).sum()
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(F: Features, train, settings: dict, inner: int = FOLDS) -> dict:
    """Word and sentence weights on ``train``; the sentence model's word evidence out-of-fold."""
    coef, bias = fit_logistic(*F.stack(train), settings["word_c"])
    evidence = oof_word_probs(F, train, settings["word_c"], inner)
    S = sentence_matrix(F, evidence, train, settings["word_threshold"])
    s_coef, s_bias = fit_logistic(S, F.biased[train], settings["sentence_c"])
    return {"word": (coef, bias), "sentence": (s_coef, s_bias)}


def apply(F: Features, weights: dict, settings: dict, indices) -> dict[str, dict]:
    coef, bias = weights["word"]
    probs = {i: predict(F.words[i], coef, bias) for i in indices}
    S = sentence_matrix(F, probs, indices, settings["word_threshold"])
    sentence = predict(S, *weights["sentence"])
    words = word_predictions(F, probs, settings["word_threshold"])
    return {F.rows[i]["id"]: {"id": F.rows[i]["id"], "words": words[F.rows[i]["id"]],
                              "biased": bool(p >= settings["sentence_threshold"])}
            for i, p in zip(indices, sentence)}


def whole_set_cv(F: Features, settings: dict) -> dict[str, dict]:
    out = {}
    everything = list(range(len(F.rows)))
    for fold in folds(everything, FOLDS, seed=SEED + 1):
        rest = sorted(set(everything) - set(fold.tolist()))
        out.update(apply(F, fit(F, rest, settings, INNER_FOLDS), settings, fold.tolist()))
    return out


# --- peers ---------------------------------------------------------------------------------------
def lexicon_predictions(rows) -> dict[str, dict]:
    from newsprism.framing import loaded_terms

    out = {}
    for r in rows:
        terms = loaded_terms(r["text"])
        out[r["id"]] = {"words": [t.text for t in terms], "biased": bool(terms)}
    return out


def vader_predictions(rows, word_t: float, sentence_t: float) -> dict[str, dict]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = {}
    for r in rows:
        words = [m.group() for m in re.finditer(r"\w+(?:[-'’]\w+)*", r["text"])
                 if abs(analyzer.lexicon.get(m.group().lower(), 0.0)) >= word_t]
        compound = analyzer.polarity_scores(r["text"])["compound"]
        out[r["id"]] = {"words": words, "biased": abs(compound) >= sentence_t}
    return out


def vader_settings(rows) -> tuple[float, float]:
    word = max((score(rows, vader_predictions(rows, t, 1.1))["word_f1"], t) for t in (0.5, 1.0, 1.5, 2.0, 2.5))[1]
    sentence = max((score(rows, vader_predictions(rows, 9, t))["sentence_f1"], t)
                   for t in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6))[1]
    return word, sentence


def shipped_predictions(rows, F: Features | None = None) -> dict[str, dict]:
    """The shipped model as ``newsprism.loaded_words`` applies it, one sentence at a time."""
    from newsprism.framing.emotive import default_model

    model = default_model()
    F = F or Features(rows, "basil")
    settings = {"word_threshold": model.word_threshold, "sentence_threshold": model.sentence_threshold}
    weights = {"word": (model.word_coef, model.word_bias), "sentence": (model.sentence_coef, model.sentence_bias)}
    return apply(F, weights, settings, list(range(len(rows))))


# --- main --------------------------------------------------------------------------------------
def run_scorer(eval_dir: Path, preds: dict[str, dict]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for key, p in preds.items():
            handle.write(json.dumps({**p, "id": key}) + "\n")
    out = subprocess.run([sys.executable, str(eval_dir / "score.py"), "loaded", handle.name, "--json"],
                         capture_output=True, text=True, check=True)
    os.unlink(handle.name)
    return json.loads(out.stdout)


def row(name: str, m: dict) -> str:
    return (f"| {name} | {m['word_p']:.3f} | {m['word_r']:.3f} | {m['word_f1']:.3f} | "
            f"{m['sentence_f1']:.3f} | {m.get('sentence_macro_f1', float('nan')):.3f} |")


HEADER = ("| method | word P | word R | word F1 | sentence F1 (Biased) | sentence macro-F1 |\n"
          "|---|---|---|---|---|---|")


def train_command(eval_dir: Path) -> int:
    rows = babe(eval_dir)
    F = Features(rows, "babe")
    train, _ = split(rows)
    settings = choose(F, train)
    weights = fit(F, list(range(len(rows))), settings)
    from newsprism.framing.emotive import SHAPE_FEATURES

    data = {
        "about": ("Loaded-word model of newsprism.framing.emotive, written by `python bench/loaded.py "
                  "--train` from BABE (Spinde et al. 2021; 1,842 sentences of ../shared/eval/babe). "
                  f"Settings chosen by {FOLDS}-fold cross-validation on a seeded 80% split (seed {SEED}); "
                  "weights then fitted on all of BABE. Word features: the word's contextual "
                  "all-MiniLM-L6-v2 vector (384), then " + ", ".join(SHAPE_FEATURES) + ". Sentence "
                  "features: the MiniLM sentence vector (384), then top word p, mean of top two, "
                  "log1p(words over threshold), log1p(words)."),
        "version": "loaded-model-1",
        "settings": settings,
        "word": {"coef": [round(float(x), 6) for x in weights["word"][0]], "bias": round(weights["word"][1], 6),
                 "threshold": settings["word_threshold"]},
        "sentence": {"coef": [round(float(x), 6) for x in weights["sentence"][0]],
                     "bias": round(weights["sentence"][1], 6), "threshold": settings["sentence_threshold"]},
    }
    MODEL_OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_OUT} ({MODEL_OUT.stat().st_size // 1024} KB): {settings}")
    return 0


def bench_command(eval_dir: Path, append: bool) -> int:
    rows = babe(eval_dir)
    F = Features(rows, "babe")
    train, val = split(rows)
    gold_val = [rows[i] for i in val]
    settings = choose(F, train)
    on_val = apply(F, fit(F, train, settings), settings, val)
    lexicon = lexicon_predictions(rows)
    vw, vs = vader_settings([rows[i] for i in train])
    vader = vader_predictions(rows, vw, vs)
    cv = whole_set_cv(F, settings)
    lines = [(f"BABE: {len(rows)} sentences; seeded split {len(train)} train / {len(val)} validation "
              f"(seed {SEED}). Settings chosen by {FOLDS}-fold CV on train: word C={settings['word_c']}, "
              f"p>={settings['word_threshold']} (CV word F1 {settings['cv_word_f1']:.3f}); sentence "
              f"C={settings['sentence_c']}, p>={settings['sentence_threshold']} (CV sentence F1 "
              f"{settings['cv_sentence_f1']:.3f}). VADER thresholds chosen on train: |valence|>={vw}, "
              f"|compound|>={vs}."), "", "Validation split (held apart):", "", HEADER,
             row("old loaded-term lexicon", score(gold_val, lexicon)),
             row("VADER", score(gold_val, vader)),
             row("newsprism model (fit on train)", score(gold_val, on_val)), "",
             (f"All of BABE, `score.py loaded` (model: {FOLDS}-fold cross-validated predictions, each "
              "sentence predicted by a model that never saw it):"), "", HEADER]
    for name, preds in (("old loaded-term lexicon", lexicon), ("VADER", vader), ("newsprism model (CV)", cv)):
        official = run_scorer(eval_dir, preds)
        lines.append(row(name, {**official, "sentence_macro_f1": score(rows, preds)["sentence_macro_f1"]}))
    lines.append("| published: BERT + distant supervision (Spinde et al. 2021) | | | | | 0.804 |")
    if (eval_dir / "basil" / "articles.jsonl.gz").exists():
        sentences = basil(eval_dir)
        n_lex = sum(r["label_bias"] == "Biased" for r in sentences)
        lines += ["", (f"BASIL lexical-bias spans ({len(sentences)} sentences of 162 articles, {n_lex} with a "
                       "lexical span; the shipped model, trained on BABE only; same bag-of-words scoring):"), "",
                  HEADER,
                  row("old loaded-term lexicon", score(sentences, lexicon_predictions(sentences))),
                  row("VADER (BABE train thresholds)", score(sentences, vader_predictions(sentences, vw, vs))),
                  row("newsprism model (shipped)", score(sentences, shipped_predictions(sentences)))]
    text = "\n".join(lines)
    print(text)
    if append:
        benchkit.append_results("loaded words: BABE and BASIL", text)
    return 0


def main(argv=None) -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--train", action="store_true", help="fit on BABE and write the shipped model")
    args = parser.parse_args(argv)
    if not (args.eval / "babe" / "sentences.jsonl.gz").exists():
        print(f"note: {args.eval}/babe not found; nothing to measure")
        return 0
    return train_command(args.eval) if args.train else bench_command(args.eval, args.append_results)


if __name__ == "__main__":
    sys.exit(main())
