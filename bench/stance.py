"""FNC-1 headline-vs-body stance: cross-validated scores of the stance model beside baselines.

    python bench/stance.py [--folds 5] [--append-results] [--variants]

Data: ../shared/eval/fnc1 (the FNC-1 test set, 13,305 pairs over 457 bodies, given to us as dev
data). It is also what the shipped model is trained on, so every figure here comes from
held-out folds: GroupKFold over body ids (no body is seen in training and in testing). A
stricter split is printed beside it: folds over *claims* (bodies joined by sharing a headline in
a related pair), so no headline's related bodies are seen in training either.
The predictions of the held-out folds are scored by ``../shared/eval/score.py stance``.

Baselines, same folds, same run: all-unrelated; a bare TF-IDF cosine threshold (cosine of the
headline with the whole body, scikit-learn TfidfVectorizer; below the threshold unrelated, above
it discuss; threshold tuned on the training folds).

Rows:
- ``newsprism (model + rule)``: what ``newsprism.headline_check`` does;
- ``model only``: the boosted trees without the polarity rule;
- with ``--variants``: ablations (without the prototype / restated-headline features, without
  any MiniLM feature, without the cue-word and polarity features).

MiniLM embeddings of headlines and body sentences (each body embedded once) are cached under
``$NEWSPRISM_BENCH_CACHE`` (default ``~/.cache/newsprism-bench``).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# one OpenMP thread: on a shared 2-core machine, scikit-learn's spinning threads ran a 15 s fit
# for over 10 minutes
os.environ.setdefault("OMP_NUM_THREADS", "1")

import benchkit  # noqa: E402 - after the environment above
from benchkit import REPO  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "src"))

import train_stance as T  # noqa: E402
from newsprism.claims import stance as S  # noqa: E402
from newsprism.claims.stance_features import CUES, FEATURE_NAMES  # noqa: E402

LABELS = S.LABELS
UNRELATED = LABELS.index("unrelated")
DISCUSS = LABELS.index("discuss")


# --- splits ---------------------------------------------------------------------------------

def body_folds(pairs, k: int) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    groups = np.array([p["body_id"] for p in pairs])
    fold = np.zeros(len(pairs), dtype=int)
    for i, (_, test) in enumerate(GroupKFold(n_splits=k).split(pairs, groups=groups)):
        fold[test] = i
    return fold


def claim_folds(pairs, k: int) -> np.ndarray:
    """Folds over claims: bodies linked through a headline in a related pair share a fold."""
    from sklearn.model_selection import GroupKFold

    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        find(("b", p["body_id"]))
        if p["stance"] != "unrelated":
            parent[find(("h", p["headline"]))] = find(("b", p["body_id"]))
    roots: dict = {}
    groups = np.array([roots.setdefault(find(("b", p["body_id"])), len(roots)) for p in pairs])
    fold = np.zeros(len(pairs), dtype=int)
    for i, (_, test) in enumerate(GroupKFold(n_splits=k).split(pairs, groups=groups)):
        fold[test] = i
    return fold


# --- systems --------------------------------------------------------------------------------

PREDICT_SECONDS: list[float] = []  # time spent in the model on held-out pairs (for the speed note)


def cross_validate(X, y, fold, *, columns=None, rule=True) -> np.ndarray:
    cols = slice(None) if columns is None else columns
    pred = np.zeros(len(y), dtype=int)
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        model = S.train(X[train][:, cols], y[train])
        t0 = time.perf_counter()
        if columns is None:
            pred[test], _ = S.decide(model, X[test], rule=rule)
        else:
            pred[test] = model.decide(model.predict_proba(X[test][:, cols]))
        PREDICT_SECONDS.append(time.perf_counter() - t0)
    return pred


def tfidf_cosines(pairs, bodies) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    heads = sorted({p["headline"] for p in pairs})
    ids = sorted(bodies)
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(heads + [bodies[b] for b in ids])
    H = dict(zip(heads, vectorizer.transform(heads)))
    B = dict(zip(ids, vectorizer.transform([bodies[b] for b in ids])))
    return np.array([H[p["headline"]].multiply(B[p["body_id"]]).sum() for p in pairs])


def tfidf_threshold(cos, y, fold) -> np.ndarray:
    pred = np.zeros(len(y), dtype=int)
    grid = np.linspace(0.0, 0.5, 101)
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        best = max(grid, key=lambda t: fnc_score(y[train], np.where(cos[train] < t, UNRELATED, DISCUSS)))
        pred[test] = np.where(cos[test] < best, UNRELATED, DISCUSS)
    return pred


def fnc_score(y, pred) -> float:
    """The FNC-1 weighted score (for threshold tuning; reports use score.py)."""
    related_true, related_pred = y != UNRELATED, pred != UNRELATED
    score = 0.25 * (related_true == related_pred).sum() + 0.75 * ((y == pred) & related_true).sum()
    return score / (0.25 * len(y) + 0.75 * related_true.sum())


# --- scoring --------------------------------------------------------------------------------

def score(pairs, pred, eval_dir: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for p, label in zip(pairs, pred):
            f.write(json.dumps({"id": p["id"], "stance": LABELS[label]}) + "\n")
    result = benchkit.score("stance", Path(f.name), eval_dir)
    os.unlink(f.name)
    return result


def table(rows) -> str:
    lines = ["| system | split | FNC relative score | macro-F1 | F1 agree | F1 disagree | F1 discuss | F1 unrelated |",
             "|---|---|---|---|---|---|---|---|"]
    for name, split, r in rows:
        lines.append(f"| {name} | {split} | {r['fnc_relative_score']:.4f} | {r['macro_f1']:.4f} | "
                     f"{r['f1_agree']:.4f} | {r['f1_disagree']:.4f} | {r['f1_discuss']:.4f} | {r['f1_unrelated']:.4f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--variants", action="store_true", help="also run ablations")
    args = ap.parse_args(argv)
    if not (args.eval / "fnc1" / "pairs.jsonl.gz").exists():
        print(f"note: no FNC-1 data at {args.eval / 'fnc1'}; skipping the stance benchmark")
        return 0
    pairs, bodies = T.load_fnc(args.eval)
    t0 = time.perf_counter()
    heads, views = T.read_fnc(pairs, bodies, T.EmbeddingCache())
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    X = T.feature_matrix(pairs, heads, views)
    t_feat = time.perf_counter() - t0
    y = np.array([LABELS.index(p["stance"]) for p in pairs])
    splits = {"by body": body_folds(pairs, args.folds), "by claim": claim_folds(pairs, args.folds)}
    cos = tfidf_cosines(pairs, bodies)
    rows = []
    for split, fold in splits.items():
        systems = [("newsprism (model + rule)", lambda fold=fold: cross_validate(X, y, fold)),
                   ("newsprism: model only", lambda fold=fold: cross_validate(X, y, fold, rule=False)),
                   ("TF-IDF cosine threshold", lambda fold=fold: tfidf_threshold(cos, y, fold)),
                   ("all unrelated", lambda: np.full(len(y), UNRELATED))]
        if args.variants and split == "by body":
            systems += [(f"ablation: without {name}", lambda cols=cols, fold=fold: cross_validate(X, y, fold, columns=cols))
                        for name, cols in _ablations().items()]
        for name, run in systems:
            t0 = time.perf_counter()
            rows.append((name, split, score(pairs, run(), args.eval)))
            print(f"{name} ({split}): {rows[-1][2]['fnc_relative_score']:.4f} / "
                  f"{rows[-1][2]['macro_f1']:.4f}  [{time.perf_counter() - t0:.1f} s]", file=sys.stderr)
    seeds = _seeds()
    speed = len(X) * len(PREDICT_SECONDS) / args.folds / sum(PREDICT_SECONDS)
    fires = int((X[:, FEATURE_NAMES.index("polarity_flip")] > 0).sum())
    text = table(rows)
    note = (f"{len(pairs)} pairs, {len(bodies)} bodies; {args.folds}-fold GroupKFold, held-out folds "
            f"scored by ../shared/eval/score.py stance. Reading texts (sentences, cues, MiniLM, "
            f"cached): {t_read:.1f} s; features: {len(pairs) / t_feat:.0f} pairs/s; model: "
            f"{speed:.0f} pairs/s. The polarity rule fires on {fires} of the pairs. The shipped model (scripts/train_stance.py) is trained on all "
            f"pairs after this report.")
    text += "\n\n" + seeds
    print(text)
    print(note)
    if args.append_results:
        benchkit.append_results("FNC-1 headline vs body stance", f"{note}\n\n{text}", argv=argv, script=__file__)
    return 0


def _seeds() -> str:
    """The five bundled seeds through check_headline (the shipped model): label, what the model
    alone says, and the end-to-end time (sentence split, MiniLM, features, model)."""
    import newsprism
    from newsprism.nlp import Language

    language = Language()
    language.embed(["warm up"])
    with tempfile.TemporaryDirectory() as tmp, newsprism.open(Path(tmp) / "seeds.db") as corpus:
        corpus.ingest(str(REPO / "src" / "newsprism" / "examples" / "blinken"))
        articles = list(corpus.articles())
    t0 = time.perf_counter()
    checks = [S.check_headline(a.headline, a.text, language=language) for a in articles]
    seconds = (time.perf_counter() - t0) / max(len(articles), 1)
    lines = ["| seed headline | label | model alone | p(label), or p(related) when the rule decided |", "|---|---|---|---|"]
    lines += [f"| {a.headline[:70]} | {c.label} | {c.model_label} | {c.score:.2f} |"
              for a, c in zip(articles, checks)]
    return "\n".join(lines) + f"\n\ncheck_headline end to end on the seeds: {seconds * 1000:.0f} ms per article."


def _ablations() -> dict[str, np.ndarray]:
    names = np.array(FEATURE_NAMES)
    starts = lambda *prefixes: np.array([n.startswith(prefixes) for n in names])
    proto = np.array(["_proto_" in n for n in names]) | starts("tpl_")
    minilm = starts("emb_") | proto
    cue = np.isin(names, [f"{s}_{c}" for s in ("body", "lead", "near", "head") for c in CUES]) | starts("win_")
    polarity = np.isin(names, ["neg_mismatch", "head_polarity", "near_polarity", "top_polarity_min",
                               "top_polarity_max", "polarity_contrast", "polarity_flip"])
    return {"prototypes and restated headlines": np.flatnonzero(~proto),
            "any MiniLM feature": np.flatnonzero(~minilm),
            "cue words and polarity": np.flatnonzero(~(cue | polarity))}


if __name__ == "__main__":
    sys.exit(main())
