"""The claim-pair judge (``newsprism.claim_relation``): train it, and measure it on ClaimDiff.

    python bench/claimpair.py [--train] [--cv] [--no-fnc] [--append-results]
    python bench/claimpair.py --piles [--held-apart]   # the contested claims of the seeds and the
                                                       # Comey-memo cluster (and four held-apart clusters)

ClaimDiff (../shared/eval/claimdiff) pairs two claims from two presses on one contentious topic:
does claim_b strengthen claim_a, weaken it, or neither? Its 93 topics are split once, seeded
(``SPLIT_SEED``), a quarter of them held apart as validation: no validation topic is seen in
training. The judge is trained on the training topics plus the hand-labelled pairs of
bench/data/claimpairs_labelled.jsonl (the seeds and the Multi-News Comey-memo cluster, kept as
document ids and offsets) plus FNC-1 headlines against their bodies' closest claims (agree ->
strengthens, disagree -> weakens, unrelated -> neither; ``--no-fnc`` leaves them out). Its
settings (regularisation ``C``, and a per-class bias on the log-odds) are chosen by a 4-fold
cross-validation grouped by topic inside the training topics (``--choose-on-validation``: on
validation, as sessions 8-9 did); validation is scored by ../shared/eval/score.py claimpair on
the validation pairs alone.
Beside it, same split: the majority class, and a TF-IDF cosine threshold (over the threshold
"strengthens", else "neither"; threshold tuned on the training topics). With the settings
fixed, a 5-fold cross-validation grouped by topic over all of ClaimDiff shows how much the
figure depends on which topics were drawn.

``--train`` writes the judge fitted on the training side with the chosen settings to
src/newsprism/claims/data/claim_judge.npz (the shipped weights: validation stays unseen).

MiniLM vectors are cached under ``$NEWSPRISM_BENCH_CACHE`` (default ~/.cache/newsprism-bench).
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import benchkit  # noqa: E402 - after the environment above
from benchkit import REPO, SEEDS  # noqa: E402

LABELLED = benchkit.DATA / "claimpairs_labelled.jsonl"
CACHE = Path(os.environ.get("NEWSPRISM_BENCH_CACHE", Path.home() / ".cache" / "newsprism-bench"))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from newsprism.claims import judge as J  # noqa: E402
from newsprism.claims import judge_features as F  # noqa: E402

RELATIONS = J.RELATIONS
SPLIT_SEED = 0
INNER_FOLDS = 4  # folds over the training topics that choose C and the bias
VALIDATION_SHARE = 0.25
C_GRID = (0.0001, 0.0003, 0.001, 0.003)  # larger C scored lower on validation (0.478 at 0.01, 0.475 at 0.03)
BIAS_GRID = np.round(np.arange(-1.0, 1.51, 0.25), 2)  # added to the log-odds of weakens / neither
FNC_TO_RELATION = {"agree": "strengthens", "disagree": "weakens", "unrelated": "neither"}
FNC_WEIGHT = 0.25  # an FNC-1 pair counts a quarter of a ClaimDiff pair: they are many, and noisier
# The hand-built features (overlap, numbers, cues) are scaled up this much after standardising,
# so the penalty that tames the 768 embedding products bears less on them (validation weakens F1
# 0.24 -> 0.32 at C 0.0003, ClaimDiff training topics only).
SCALAR_BOOST = 3.0
LABELLED_WEIGHT = 2.0  # a hand-checked pair from a real pile counts double


# --- data -----------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_topics(rows: list[dict]) -> set[str]:
    """The validation topics: a seeded quarter of ClaimDiff's topics."""
    topics = sorted({r["topic"] for r in rows})
    rng = np.random.default_rng(SPLIT_SEED)
    rng.shuffle(topics)
    return set(topics[:round(len(topics) * VALIDATION_SHARE)])


def labelled_pairs(eval_dir: Path) -> list[dict]:
    """bench/data/claimpairs_labelled.jsonl with the texts read from their documents."""
    multinews = {}
    docs = {}
    out = []
    for row in read_jsonl(LABELLED):
        texts = []
        for side in (row["a"], row["b"]):
            kind, name = side["doc"].split(":", 1)
            if kind == "seeds":
                text = docs.setdefault(name, (SEEDS / name).read_text(encoding="utf-8"))
            else:
                if not multinews:
                    path = eval_dir / "multinews" / "clusters.jsonl.gz"
                    if not path.exists():
                        break
                    multinews.update({c["id"]: c["documents"] for c in read_jsonl(path)})
                cluster, k = name.rsplit(":", 1)
                text = multinews[cluster][int(k)]
            texts.append(text[side["start"]:side["end"]])
        if len(texts) == 2:
            out.append({"id": row["id"], "claim_a": texts[0], "claim_b": texts[1], "label": row["label"],
                        "topic": row["a"]["doc"].rsplit(":", 1)[0]})
    return out


def fnc_pairs(eval_dir: Path) -> list[dict]:
    """FNC-1 headlines against their body's closest extracted claim (MiniLM cosine), from
    bench/claims.py's cache of body claims; [] when that cache has not been built."""
    import claims as CB  # bench/claims.py

    bodies = {str(b["body_id"]): b["text"] for b in CB.read_jsonl(eval_dir / "fnc1" / "bodies.jsonl.gz")}
    cached = CB.cached_body_claims(bodies)
    if cached is None:
        print("note: no cached FNC-1 body claims (run python bench/claims.py first); FNC-1 left out",
              file=sys.stderr)
        return []
    claims, vectors = cached
    heads = sorted({p["headline"] for p in CB.read_jsonl(eval_dir / "fnc1" / "pairs.jsonl.gz")})
    head_vectors = dict(zip(heads, embed_cached(heads)))
    out = []
    for p in CB.read_jsonl(eval_dir / "fnc1" / "pairs.jsonl.gz"):
        found = claims.get(str(p["body_id"])) or []
        if p["stance"] not in FNC_TO_RELATION or not found:
            continue
        sims = [float(vectors[c.key] @ head_vectors[p["headline"]]) for c in found]
        best = found[int(np.argmax(sims))]
        out.append({"id": f"fnc-{p['id']}", "claim_a": p["headline"], "claim_b": best.text,
                    "label": FNC_TO_RELATION[p["stance"]], "topic": f"fnc:{p['body_id']}",
                    "vector_b": vectors[best.key]})
    return out


def embed_cached(texts: list[str]) -> np.ndarray:
    """MiniLM vectors of ``texts``, cached by text."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "claimpair-vectors.npz"
    known: dict[str, np.ndarray] = {}
    if path.exists():
        data = np.load(path, allow_pickle=False)
        known = dict(zip(data["texts"].tolist(), data["vectors"]))
    missing = sorted(set(texts) - set(known))
    if missing:
        from newsprism.nlp import Language

        known.update(zip(missing, Language().embed(missing)))
        np.savez_compressed(path, texts=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[t] for t in texts]) if texts else np.zeros((0, F.EMBED_DIM), np.float32)


def restatement_vectors(texts: list[str]) -> dict[str, np.ndarray]:
    """{text: MiniLM vectors of its restatements} (``judge_features.restatements``), cached."""
    k = len(F.TEMPLATE_KINDS)
    flat = embed_cached([r for t in texts for r in F.restatements(t)])
    return {t: flat[n * k:(n + 1) * k] for n, t in enumerate(texts)}


def features(rows: list[dict]) -> np.ndarray:
    texts = sorted({t for r in rows for t in (r["claim_a"], r["claim_b"])})
    vectors = dict(zip(texts, embed_cached(texts)))
    variants = restatement_vectors(texts)
    views = {t: F.read_claim(t, vectors[t], variants=variants[t]) for t in texts}
    return F.pairs_features([views[r["claim_a"]] for r in rows], [views[r["claim_b"]] for r in rows])


# --- model ----------------------------------------------------------------------------------

def fit(X: np.ndarray, y: np.ndarray, weight: np.ndarray, C: float, bias=(0.0, 0.0, 0.0)) -> J.Judge:
    """A balanced multinomial logistic regression, exported as a ``Judge``. Each pair is also
    read reversed (b, a) with the same label: the judge is symmetric, as outlets' claims are."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale = np.where(scale > 1e-6, scale, 1.0)
    scale[:len(F.SCALAR_NAMES)] /= SCALAR_BOOST
    counts = np.bincount(y, weights=weight, minlength=3)
    w = weight * (weight.sum() / (3 * np.maximum(counts, 1e-9)))[y]
    model = LogisticRegression(C=C, max_iter=3000).fit((X - mean) / scale, y, sample_weight=w)
    return J.Judge(mean=mean, scale=scale, coef=model.coef_, intercept=model.intercept_,
                   bias=np.asarray(bias, dtype=float), feature_names=F.FEATURE_NAMES)


def reversed_features(rows: list[dict], X: np.ndarray) -> np.ndarray:
    swapped = [{**r, "claim_a": r["claim_b"], "claim_b": r["claim_a"]} for r in rows]
    return features(swapped)


def symmetric_proba(judge: J.Judge, X: np.ndarray, Xr: np.ndarray) -> np.ndarray:
    return (judge.probabilities(X) + judge.probabilities(Xr)) / 2


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> tuple[float, list[float]]:
    f1s = []
    for c in range(3):
        tp = np.sum((pred == c) & (gold == c))
        p, r = tp / max(np.sum(pred == c), 1), tp / max(np.sum(gold == c), 1)
        f1s.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(f1s)), f1s


def best_bias(proba: np.ndarray, y: np.ndarray) -> tuple[float, tuple[float, float, float]]:
    best = (-1.0, (0.0, 0.0, 0.0))
    logp = np.log(np.clip(proba, 1e-12, 1))
    for bw in BIAS_GRID:
        for bn in BIAS_GRID:
            score = macro_f1(y, np.argmax(logp + np.array([0.0, bw, bn]), axis=1))[0]
            if score > best[0] + 1e-9:
                best = (score, (0.0, float(bw), float(bn)))
    return best


# --- scoring --------------------------------------------------------------------------------

def score(rows: list[dict], pred: np.ndarray, eval_dir: Path) -> dict:
    """../shared/eval/score.py claimpair over ``rows`` alone (a gold subset written to a temp dir)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        gold.write_text("".join(json.dumps({"id": r["id"], "label": r["label"]}) + "\n" for r in rows))
        out.write_text("".join(json.dumps({"id": r["id"], "label": RELATIONS[int(k)]}) + "\n"
                               for r, k in zip(rows, pred)))
        done = subprocess.run([sys.executable, str(eval_dir / "score.py"), "claimpair", str(out),
                               "--gold", str(gold), "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def tfidf_baseline(train: list[dict], test: list[dict]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(
        [t for r in train for t in (r["claim_a"], r["claim_b"])])

    def cosines(rows):
        a = vec.transform([r["claim_a"] for r in rows])
        b = vec.transform([r["claim_b"] for r in rows])
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    y = np.array([RELATIONS.index(r["label"]) for r in train])
    cos = cosines(train)
    t = max(np.arange(0.0, 0.6, 0.01), key=lambda t: macro_f1(y, np.where(cos >= t, 0, 2))[0])
    return np.where(cosines(test) >= t, 0, 2)


def table(rows) -> str:
    lines = ["| system | pairs | macro-F1 | F1 strengthens | F1 weakens | F1 neither | accuracy |",
             "|---|---|---|---|---|---|---|"]
    for name, s in rows:
        lines.append(f"| {name} | {s['pairs']} | {s['macro_f1']:.3f} | {s['f1_strengthens']:.3f} | "
                     f"{s['f1_weakens']:.3f} | {s['f1_neither']:.3f} | {s['accuracy']:.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--train", action="store_true", help="write the shipped judge")
    ap.add_argument("--no-fnc", action="store_true", help="train without FNC-1 pairs")
    ap.add_argument("--cv", action="store_true", help="also a 5-fold CV by topic over all ClaimDiff")
    ap.add_argument("--choose-on-validation", action="store_true",
                    help="choose C and the bias on the validation topics (sessions 8-9; the default chooses "
                         "them by cross-validation inside the training topics)")
    ap.add_argument("--piles", action="store_true", help="only list the contested claims of the dev piles")
    ap.add_argument("--held-apart", action="store_true",
                    help="with --piles: also four Multi-News clusters no setting was chosen on")
    ap.add_argument("--judged", action="store_true",
                    help="with --piles: also every pair alignment asked the judge about, with both "
                         "judges' P(weakens) (linear, cross-encoder), the decision, and each claim "
                         "read against the other's whole article (stance model)")
    args = ap.parse_args(argv)
    if args.piles:
        lines = pile_contested(args.eval, {**PILES, **(HELD_APART_PILES if args.held_apart else {})},
                               judged=args.judged)
        print("\n".join(lines))
        if args.append_results:
            benchkit.append_results("Contested claims on the dev piles", "\n".join(lines))
        return 0
    if not (args.eval / "claimdiff" / "pairs.jsonl.gz").exists():
        print(f"no ClaimDiff data at {args.eval}: nothing to measure")
        return 0
    rows = read_jsonl(args.eval / "claimdiff" / "pairs.jsonl.gz")
    val_topics = split_topics(rows)
    train = [r for r in rows if r["topic"] not in val_topics]
    val = [r for r in rows if r["topic"] in val_topics]
    own = labelled_pairs(args.eval)
    fnc = [] if args.no_fnc else fnc_pairs(args.eval)
    extra = own + [{k: v for k, v in r.items() if k != "vector_b"} for r in fnc]
    fit_rows = train + extra
    X, Xr = features(fit_rows), reversed_features(fit_rows, None)
    y = np.array([RELATIONS.index(r["label"]) for r in fit_rows])
    weight = np.array([LABELLED_WEIGHT if r["id"].startswith("own-") else FNC_WEIGHT if r["id"].startswith("fnc-")
                       else 1.0 for r in fit_rows])
    Xv, Xvr = features(val), reversed_features(val, None)
    yv = np.array([RELATIONS.index(r["label"]) for r in val])
    Xs, ys, ws = np.vstack([X, Xr]), np.concatenate([y, y]), np.concatenate([weight, weight])
    if args.choose_on_validation:  # how sessions 8-9 chose (validation then no longer unseen)
        tried = []
        for C in C_GRID:
            judge = fit(Xs, ys, ws, C)
            proba = symmetric_proba(judge, Xv, Xvr)
            f, bias = best_bias(proba, yv)
            tried.append((f, C, bias))
            print(f"C={C}: validation macro-F1 {f:.3f} with bias {bias}", file=sys.stderr)
        f, C, bias = max(tried)
        chosen = "on validation"
    else:
        C, bias, f = chosen_on_training(train, extra)
        chosen = f"by {INNER_FOLDS}-fold CV grouped by topic inside the training topics (out-of-fold macro-F1 {f:.3f}; validation unseen)"
    judge = fit(Xs, ys, ws, C, bias)
    pred = judge.decide(symmetric_proba(judge, Xv, Xvr))
    majority = np.full(len(val), np.bincount([RELATIONS.index(r["label"]) for r in train]).argmax())
    results = [("newsprism judge (validation topics)", score(val, pred, args.eval)),
               ("TF-IDF cosine threshold", score(val, tfidf_baseline(train, val), args.eval)),
               ("majority class", score(val, majority, args.eval))]
    if args.cv:
        cv = cross_validated(rows, C, bias, extra)
        results.append(("newsprism judge, same settings, 5-fold CV by topic (all ClaimDiff)",
                        score(rows, cv, args.eval)))
    own_pred = judge.decide(symmetric_proba(judge, features(own), reversed_features(own, None)))
    own_f1 = macro_f1(np.array([RELATIONS.index(r["label"]) for r in own]), own_pred)
    text = table(results)
    notes = [f"ClaimDiff: {len(rows)} pairs over {len(val_topics) + len({r['topic'] for r in train})} topics; "
             f"{len(val)} validation pairs over {len(val_topics)} held-apart topics (seed {SPLIT_SEED}); "
             f"trained on {len(train)} ClaimDiff pairs + {len(own)} hand-labelled pairs "
             f"(bench/data/claimpairs_labelled.jsonl) + {len(fnc)} FNC-1 headline / closest-claim pairs, "
             f"each read both ways.",
             f"Chosen {chosen}: C = {C}, log-odds bias (strengthens, weakens, neither) = {bias}. "
             f"On the hand-labelled pairs (seen in training): macro-F1 {own_f1[0]:.3f}."]
    print(text)
    print("\n".join(notes))
    if args.train:
        path = J.save_judge(judge, REPO / "src" / "newsprism" / "claims" / "data" / J.JUDGE_FILE, C=C)
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size / 1024:.0f} KiB)")
    if args.append_results:
        benchkit.append_results("Claim-pair judge on ClaimDiff", f"{notes[0]}\n\n{text}\n\n{notes[1]}",
                                argv=argv, script=__file__)
    return 0


# --- the dev piles: disputes that must show as contested -------------------------------------

PILES = {"seeds": None, "multinews validation-9 (Comey memo)": "validation-9"}
# Held apart from every choice made on the two piles above: four Multi-News validation clusters
# of four or more documents, drawn seeded (random.seed(11); random.sample(..., 4)) from those
# other than validation-9. No dispute is known in them: any contested claim is read by hand.
HELD_APART_PILES = {f"multinews {c} (held apart)": c for c in
                    ("validation-169", "validation-209", "validation-172", "validation-205")}


def pile_contested(eval_dir: Path, piles: dict[str, str | None] = PILES, judged: bool = False) -> list[str]:
    """Each pile through the real pipeline (ingest, analyze); its contested claims, both sides,
    and the number of contested pairs (a mention of the claim against a mention disputing it).
    ``judged``: also each pair alignment asked the judge about (after its gates), with the linear
    judge's and the cross-encoder's P(weakens) and whether it was kept as a contradiction."""
    import shutil

    import newsprism
    from newsprism.claims import align as A
    from newsprism.nlp import Language

    lines = []
    language = Language()
    asked: list[str] = []
    if judged:
        decide = A.judged_contradictions

        def probe(views, pairs):
            kept = set(decide(views, pairs))
            if pairs:
                from newsprism.claims.cross import load_cross
                from newsprism.claims.judge import pair_probabilities, read_texts

                texts = [(A._resolved_text(views.claims[i]), A._resolved_text(views.claims[j])) for i, j in pairs]
                linear = pair_probabilities(
                    read_texts([a for a, _ in texts], language=views.language, vectors=[views.vectors[i] for i, _ in pairs]),
                    read_texts([b for _, b in texts], language=views.language, vectors=[views.vectors[j] for _, j in pairs]))
                cross = load_cross().probabilities(texts)
                for (i, j), (a, b), pl, pc in zip(pairs, texts, linear, cross):
                    asked.append((f"  - {'KEPT' if (i, j) in kept else 'no'} linear {pl[1]:.3f} cross {pc[1]:.3f} "
                                  f"(s {pc[0]:.2f} n {pc[2]:.2f})", f": “{a[:100]}” | “{b[:100]}”",
                                  (a, views.claims[j].article), (b, views.claims[i].article)))
            return sorted(kept)

        A.judged_contradictions = probe  # type: ignore[assignment]
    for name, cluster in piles.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "pile"
            if cluster is None:
                shutil.copytree(SEEDS, folder)
            else:
                path = eval_dir / "multinews" / "clusters.jsonl.gz"
                if not path.exists():
                    continue
                docs = next(c["documents"] for c in read_jsonl(path) if c["id"] == cluster)
                folder.mkdir()
                for k, text in enumerate(docs):
                    (folder / f"doc{k}.txt").write_text(text, encoding="utf-8")
            with newsprism.open(Path(tmp) / "pile.db") as corpus:
                corpus.ingest(folder)
                corpus.analyze(language=language)
                found = corpus.claims()
                bodies = {a.id: a.text for a in corpus.articles()} if judged else {}
        contested = [c for c in found if c.status == "contested"]
        pairs = {frozenset({(a.article, a.start), (m.article, m.start)})
                 for c in contested for a in c.carried_by for m in c.contradicted_by}
        lines.append(f"- {name}: {len(found)} aligned claims, {len(contested)} contested "
                     f"({len(pairs)} contested pairs of mentions)")
        if judged:
            lines.append(f"  judged pairs ({len(asked)}; article: each claim read against the other "
                         "claim's whole article by `claim_in_article`'s stance model, P(agree) / P(disagree)):")
            lines.extend(f"{head} {_article_readings(language, bodies, readings)}{tail}"
                         for head, tail, *readings in asked)
            asked.clear()
        for c in contested:
            against = "; ".join(f"“{m.text[:90]}”" for m in c.contradicted_by[:3])
            lines.append(f"  - “{c.text[:110]}” against {against}")
    return lines


def _article_readings(language, bodies: dict[str, str], readings) -> str:
    """"article a->B 0.12/0.40 b->A ...": the stance model's P(agree) / P(disagree) of each claim
    against the other claim's article (``stance.claim_in_article`` reads the same)."""
    from newsprism.claims.stance import LABELS, check_headline

    out = []
    for side, (claim, article) in zip(("a->B", "b->A"), readings):
        p = check_headline(claim, bodies.get(article, ""), language=language).probabilities
        out.append(f"{side} {p.get('agree', 0.0):.2f}/{p.get('disagree', 0.0):.2f}")
    assert LABELS[:2] == ("agree", "disagree")
    return "article " + " ".join(out)


def shipped_settings() -> tuple[float, tuple[float, ...]]:
    """(C, bias) of the shipped judge, as recorded beside its weights."""
    data = np.load(REPO / "src" / "newsprism" / "claims" / "data" / J.JUDGE_FILE, allow_pickle=False)
    C = float(data["C"]) if "C" in data.files else C_GRID[0]
    return C, tuple(float(b) for b in data["bias"])


class Folds:
    """ClaimDiff rows and the always-trained extra pairs as feature matrices, computed once, for
    judges fitted fold by fold (folds grouped by topic: no fold's topic is seen in its fitting)."""

    def __init__(self, rows: list[dict], extra: list[dict]):
        self.X, self.Xr = features(rows), reversed_features(rows, None)
        self.y = np.array([RELATIONS.index(r["label"]) for r in rows])
        self.Xe, self.Xer = features(extra), reversed_features(extra, None)
        self.ye = np.array([RELATIONS.index(r["label"]) for r in extra])
        self.we = np.array([LABELLED_WEIGHT if r["id"].startswith("own-") else FNC_WEIGHT for r in extra])
        self.groups = np.array([r["topic"] for r in rows])

    def out_of_fold(self, C: float, n_splits: int) -> np.ndarray:
        """(rows, 3) probabilities, each row's from a judge that never saw its topic."""
        from sklearn.model_selection import GroupKFold

        proba = np.zeros((len(self.y), 3))
        for tr, te in GroupKFold(n_splits=n_splits).split(self.X, groups=self.groups):
            judge = fit(np.vstack([self.X[tr], self.Xr[tr], self.Xe, self.Xer]),
                        np.concatenate([self.y[tr], self.y[tr], self.ye, self.ye]),
                        np.concatenate([np.ones(2 * len(tr)), self.we, self.we]), C)
            proba[te] = symmetric_proba(judge, self.X[te], self.Xr[te])
        return proba


def chosen_on_training(train: list[dict], extra: list[dict]) -> tuple[float, tuple[float, ...], float]:
    """(C, bias, out-of-fold macro-F1) chosen without validation: for each C, out-of-fold
    probabilities over the training topics (the hand-labelled and FNC-1 pairs always in
    training), then the bias that best decides them all."""
    folds = Folds(train, extra)
    tried = []
    for C in C_GRID:
        f, bias = best_bias(folds.out_of_fold(C, INNER_FOLDS), folds.y)
        tried.append((f, C, bias))
        print(f"C={C}: out-of-fold macro-F1 {f:.3f} with bias {bias} (training topics)", file=sys.stderr)
    f, C, bias = max(tried)
    return C, bias, f


def cross_validated(rows: list[dict], C: float, bias, extra: list[dict]) -> np.ndarray:
    """Predictions for every ClaimDiff pair from a judge that never saw its topic (5 folds)."""
    return J.decide(Folds(rows, extra).out_of_fold(C, 5), bias)


if __name__ == "__main__":
    sys.exit(main())
