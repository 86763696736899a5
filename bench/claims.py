"""Claims: the pairwise carries / contradicts / neither decision on FNC-1, and the cost of
claims for a 50-article story.

    python bench/claims.py [--folds 5] [--limit N] [--no-speed] [--append-results]

There is no gold claim-alignment set in ../shared/eval, so the decision that alignment rests on
is measured where labels exist: FNC-1 pairs a headline (a claim) with a body. The headline read
as one claim (``claim_from_text``) is judged against the body's extracted claims by
``align.support``; FNC-1 labels map to agree -> carries, disagree -> contradicts, discuss and
unrelated -> neither. Thresholds are tuned on the training folds and reported on held-out folds
(GroupKFold over bodies: no body is seen in tuning and in testing); the shipped constants are
scored on all pairs beside them.

Beside the claim-level decisions, the claim read against the whole article
(``stance.claim_in_article``): the headline-stance model (bench/stance.py) refitted per fold on
the training folds' pairs, its FNC-1 label mapped to the claim's standing (agree -> carries,
disagree -> contradicts, discuss and unrelated -> neither); no threshold to tune. The judge
decision's confusions against the four FNC-1 labels are printed under the table: most of its loss
is "discuss" read as "carries" (a claim the body only reports, which no single claim shows).

Baselines, same folds: all-neither; a TF-IDF cosine threshold (scikit-learn TfidfVectorizer over
the headline and the whole body; above the threshold "carries", never "contradicts"; threshold
tuned on the training folds).

Speed: the 50 longest documents of the two biggest ECB+ topics read as one event (the worst case
for alignment: every claim against every claim): quotes (parse), claims, claim vectors,
alignment, each timed, with the language layer (computed and cached by ``analyze`` anyway)
timed apart.

Body annotations, quotes and claims are cached under ``$NEWSPRISM_BENCH_CACHE`` (default
``~/.cache/newsprism-bench``), keyed by the source of the claims stage.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import benchkit  # noqa: E402 - after the environment above
from benchkit import REPO  # noqa: E402

CACHE = Path(os.environ.get("NEWSPRISM_BENCH_CACHE", Path.home() / ".cache" / "newsprism-bench"))
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "scripts"))

from newsprism.claims import align as A  # noqa: E402
from newsprism.claims import extract as X  # noqa: E402

LABELS = ("carries", "contradicts", "neither")
FNC_TO_CLAIM = {"agree": "carries", "disagree": "contradicts", "discuss": "neither", "unrelated": "neither"}
SAME_GRID = np.round(np.arange(0.10, 0.80, 0.02), 2)
CONTRA_GRID = np.round(np.arange(0.10, 0.90, 0.04), 2)
TFIDF_GRID = np.round(np.arange(0.05, 0.60, 0.01), 2)


# --- data -----------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def stage_key() -> str:
    """A hash of the claims stage's source: the cache is rebuilt when the rules change."""
    digest = hashlib.sha1()
    for module in (X, A, X.P):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def _layer_path(bodies: dict[str, str]) -> Path:
    return CACHE / f"claims-bodies-{hashlib.sha1(''.join(sorted(bodies)).encode()).hexdigest()[:10]}.pkl"


def cached_body_claims(bodies: dict[str, str]) -> tuple[dict, dict] | None:
    """``body_claims`` from the cache of an earlier run, or None (bench/claimpair.py reads it)."""
    layer = _layer_path(bodies)
    stages = sorted(CACHE.glob(f"claims-{layer.stem}-*.pkl"), key=lambda p: p.stat().st_mtime)
    exact = CACHE / f"claims-{layer.stem}-{stage_key()}.pkl"
    found = exact if exact.exists() else (stages[-1] if stages else None)
    return pickle.loads(found.read_bytes()) if found else None


def body_claims(bodies: dict[str, str], language) -> tuple[dict, dict]:
    """{body id: claims} and {claim key: vector}, cached."""
    from newsprism.model import Article
    from newsprism.nlp import annotate
    from newsprism.quotes import extract_quotes_batch

    CACHE.mkdir(parents=True, exist_ok=True)
    layer = _layer_path(bodies)
    if layer.exists():
        annotations, quotes = pickle.loads(layer.read_bytes())
    else:
        ids = sorted(bodies)
        articles = [Article(id=i, source=i, url=None, canonical_url=None, headline=None, outlet=None,
                            byline=None, dateline=None, published=None, wire=None, language="en",
                            text=bodies[i]) for i in ids]
        annotations = {a.article_id: a for a in annotate(articles, language)}
        quotes = dict(zip(ids, extract_quotes_batch([bodies[i] for i in ids], language)))
        layer.write_bytes(pickle.dumps((annotations, quotes)))
    stage = CACHE / f"claims-{layer.stem}-{stage_key()}.pkl"
    if stage.exists():
        return pickle.loads(stage.read_bytes())
    claims = {i: X.extract_claims(i, bodies[i], annotations[i], quotes[i]) for i in sorted(bodies)}
    vectors = A.claim_vectors([c for cs in claims.values() for c in cs], annotations=annotations,
                              language=language)
    stage.write_bytes(pickle.dumps((claims, vectors)))
    return claims, vectors


def headline_claims(headlines: list[str], language) -> tuple[dict, dict]:
    claims = {h: X.claim_from_text(h, article=f"headline:{k}") for k, h in enumerate(headlines)}
    vectors = dict(zip((c.key for c in claims.values()), language.embed(list(headlines))))
    return claims, vectors


# --- the decision ---------------------------------------------------------------------------

def pair_evidence(pairs, heads, head_vectors, claims, vectors, language) -> np.ndarray:
    """Per pair: best carrying score, whether that claim is hedged, best contradicting score."""
    vectors = {**vectors, **head_vectors}
    out = np.zeros((len(pairs), 3))
    for k, p in enumerate(pairs):
        s = A.support(heads[p["headline"]], claims[str(p["body_id"])], language=language, vectors=vectors)
        out[k] = (s.carry_score, s.carry_hedged, s.contradict_score)
    return out


def decide(evidence: np.ndarray, same: float, contra: float, hedged_carries: bool = False) -> np.ndarray:
    carry = (evidence[:, 0] >= same) & (hedged_carries | (evidence[:, 1] == 0))
    return np.where(evidence[:, 2] >= contra, 1, np.where(carry, 0, 2))


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> tuple[float, list[float]]:
    f1s = []
    for c in range(len(LABELS)):
        tp = np.sum((pred == c) & (gold == c))
        p = tp / max(np.sum(pred == c), 1)
        r = tp / max(np.sum(gold == c), 1)
        f1s.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(f1s)), f1s


def tune(evidence, gold, hedged_carries=False) -> tuple[float, float]:
    best = (-1.0, 0.0, 0.0)
    for same in SAME_GRID:
        for contra in CONTRA_GRID:
            score = macro_f1(gold, decide(evidence, same, contra, hedged_carries))[0]
            if score > best[0]:
                best = (score, same, contra)
    return best[1], best[2]


def tfidf_scores(pairs, bodies) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = sorted(set(bodies.values()) | {p["headline"] for p in pairs})
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts)
    heads = vec.transform([p["headline"] for p in pairs])
    body = vec.transform([bodies[str(p["body_id"])] for p in pairs])
    return np.asarray(heads.multiply(body).sum(axis=1)).ravel()


def folds_of(pairs, k: int) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    groups = np.array([p["body_id"] for p in pairs])
    fold = np.zeros(len(pairs), dtype=int)
    for i, (_, test) in enumerate(GroupKFold(n_splits=k).split(pairs, groups=groups)):
        fold[test] = i
    return fold


def cross_validate(evidence, tfidf, gold, fold) -> dict[str, np.ndarray]:
    preds = {name: np.full(len(gold), 2) for name in ("newsprism", "newsprism, hedged matches carry",
                                                       "TF-IDF cosine threshold", "all neither")}
    chosen = []
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        same, contra = tune(evidence[train], gold[train])
        chosen.append((same, contra))
        preds["newsprism"][test] = decide(evidence[test], same, contra)
        same_h, contra_h = tune(evidence[train], gold[train], hedged_carries=True)
        preds["newsprism, hedged matches carry"][test] = decide(evidence[test], same_h, contra_h, True)
        t = max(TFIDF_GRID, key=lambda t: macro_f1(gold[train], np.where(tfidf[train] >= t, 0, 2))[0])
        preds["TF-IDF cosine threshold"][test] = np.where(tfidf[test] >= t, 0, 2)
    return preds, chosen


# --- the claim-pair judge -------------------------------------------------------------------

JUDGE_TOP_K = 3  # body claims judged per headline: the closest by MiniLM cosine
JUDGE_GRID = np.round(np.arange(0.30, 0.96, 0.025), 3)


def judge_inputs(pairs, heads, head_vectors, claims, vectors):
    """Per pair, judge features of the headline against its body's JUDGE_TOP_K closest claims,
    both ways: (n, K, d) float16 twice, and a mask of the claims that exist."""
    import claimpair as CP
    from newsprism.claims import judge_features as JF

    top: dict[str, str] = {}  # claim key -> text, of every claim among some headline's closest
    for p in pairs:
        found = claims.get(str(p["body_id"])) or []
        if found:
            sims = np.array([float(vectors[c.key] @ head_vectors[heads[p["headline"]].key]) for c in found])
            top.update((found[i].key, found[i].text) for i in np.argsort(-sims)[:JUDGE_TOP_K])
    variants = CP.restatement_vectors(sorted(set(heads) | set(top.values())))
    head_views = {h: JF.read_claim(h, head_vectors[c.key], variants=variants[h]) for h, c in heads.items()}
    body_views: dict[str, JF.ClaimView] = {}
    d = len(JF.FEATURE_NAMES)
    forward = np.zeros((len(pairs), JUDGE_TOP_K, d), dtype=np.float16)
    backward = np.zeros_like(forward)
    mask = np.zeros((len(pairs), JUDGE_TOP_K), dtype=bool)
    for k, p in enumerate(pairs):
        head = head_views[p["headline"]]
        found = claims.get(str(p["body_id"])) or []
        if not found:
            continue
        sims = np.array([float(vectors[c.key] @ head.vector) for c in found])
        for slot, i in enumerate(np.argsort(-sims)[:JUDGE_TOP_K]):
            c = found[i]
            view = body_views.get(c.key) or body_views.setdefault(
                c.key, JF.read_claim(c.text, vectors[c.key], variants=variants[c.text]))
            forward[k, slot] = JF.pair_features(head, view)
            backward[k, slot] = JF.pair_features(view, head)
            mask[k, slot] = True
    return forward, backward, mask


def judge_evidence(judge, forward, backward, mask) -> np.ndarray:
    """Per pair: the highest P(strengthens) and P(weakens) among its judged claims."""
    n, k, d = forward.shape
    proba = (judge.probabilities(forward.reshape(-1, d).astype(np.float32))
             + judge.probabilities(backward.reshape(-1, d).astype(np.float32))).reshape(n, k, 3) / 2
    proba[~mask] = 0.0
    return np.stack([proba[:, :, 0].max(axis=1), proba[:, :, 1].max(axis=1)], axis=1)


def judge_decide(evidence: np.ndarray, carry: float, contra: float) -> np.ndarray:
    return np.where(evidence[:, 1] >= contra, 1, np.where(evidence[:, 0] >= carry, 0, 2))


def judge_tune(evidence, gold) -> tuple[float, float]:
    best = (-1.0, 1.0, 1.0)
    for carry in JUDGE_GRID:
        for contra in JUDGE_GRID:
            score = macro_f1(gold, judge_decide(evidence, carry, contra))[0]
            if score > best[0]:
                best = (score, carry, contra)
    return best[1], best[2]


def judge_cross_validate(pairs, inputs, gold, fold, eval_dir: Path) -> tuple[np.ndarray, list]:
    """Held-out predictions of the judge decision. Per fold the judge is refitted without the
    fold's bodies (ClaimDiff training topics + labelled pairs + FNC-1 pairs of the training
    folds, as bench/claimpair.py trains it) and its thresholds tuned on the training folds."""
    import claimpair as CP

    forward, backward, mask = inputs
    cd = CP.read_jsonl(eval_dir / "claimdiff" / "pairs.jsonl.gz")
    val_topics = CP.split_topics(cd)
    base = [r for r in cd if r["topic"] not in val_topics] + CP.labelled_pairs(eval_dir)
    Xb, Xbr = CP.features(base), CP.features([{**r, "claim_a": r["claim_b"], "claim_b": r["claim_a"]} for r in base])
    yb = np.array([CP.RELATIONS.index(r["label"]) for r in base])
    wb = np.array([CP.LABELLED_WEIGHT if r["id"].startswith("own-") else 1.0 for r in base])
    C, bias = CP.shipped_settings()
    # every agree / disagree pair and a seeded quarter of the unrelated ones (they are easy, and
    # 73% of the pairs: five fits on all of them took too long on 2 shared cores)
    keep = np.random.default_rng(0).random(len(pairs)) < 0.25
    usable = np.array([p["stance"] in ("agree", "disagree") or (p["stance"] == "unrelated" and k)
                       for p, k in zip(pairs, keep)]) & mask[:, 0]
    yf = np.array([CP.RELATIONS.index(CP.FNC_TO_RELATION.get(p["stance"], "neither")) for p in pairs])
    pred, chosen = np.full(len(pairs), 2), []
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        rows = train & usable
        Xs = np.vstack([Xb, Xbr, forward[rows, 0].astype(np.float32), backward[rows, 0].astype(np.float32)])
        ys = np.concatenate([yb, yb, yf[rows], yf[rows]])
        ws = np.concatenate([wb, wb, np.full(2 * rows.sum(), CP.FNC_WEIGHT)])
        judge = CP.fit(Xs, ys, ws, C, bias)
        evidence = judge_evidence(judge, forward, backward, mask)
        carry, contra = judge_tune(evidence[train], gold[train])
        chosen.append((carry, contra))
        pred[test] = judge_decide(evidence[test], carry, contra)
    return pred, chosen


# --- the claim against the whole article -----------------------------------------------------

def article_cross_validate(pairs, fold, eval_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    """Held-out claim decisions of ``stance.claim_in_article``: the stance model refitted per fold
    without the fold's bodies (scripts/train_stance.py's features and settings), its label mapped
    by ``stance.CLAIM_STANDING``. Also the same with folds by claim (bench/stance.py's stricter
    split: no headline's related bodies seen in training)."""
    import stance as SB
    import train_stance as T
    from newsprism.claims import stance as S

    stance_pairs, stance_bodies = T.load_fnc(eval_dir)
    if [p["id"] for p in stance_pairs] != [p["id"] for p in pairs]:  # --limit
        keep = {p["id"] for p in pairs}
        stance_pairs = [p for p in stance_pairs if p["id"] in keep]
    heads, views = T.read_fnc(stance_pairs, stance_bodies, T.EmbeddingCache(), log=lambda *a: None)
    X = T.feature_matrix(stance_pairs, heads, views)
    y = np.array([S.LABELS.index(p["stance"]) for p in stance_pairs])
    standing = np.array([LABELS.index(S.CLAIM_STANDING[label]) for label in S.LABELS])
    out = []
    for folds in (fold, SB.claim_folds(stance_pairs, len(np.unique(fold)))):
        pred = np.full(len(pairs), 2)
        for f in np.unique(folds):
            train, test = folds != f, folds == f
            labels, _ = S.decide(S.train(X[train], y[train]), X[test])
            pred[test] = standing[labels]
        out.append(pred)
    return out[0], out[1]



def confusion(stances: list[str], pred: np.ndarray) -> str:
    """Counts of each decision per FNC-1 label (rows), for the note under the table."""
    lines = ["| FNC-1 label | -> carries | -> contradicts | -> neither |", "|---|---|---|---|"]
    stances_ = np.array(stances)
    for label in ("agree", "disagree", "discuss", "unrelated"):
        rows = stances_ == label
        lines.append(f"| {label} | " + " | ".join(str(int(np.sum(pred[rows] == c))) for c in range(3)) + " |")
    return "\n".join(lines)


# --- speed ----------------------------------------------------------------------------------

def speed(eval_dir: Path, language) -> dict:
    """Quotes and claims for 50 ECB+ articles read as one event, each step timed."""
    from newsprism.model import Article
    from newsprism.nlp import annotate
    from newsprism.quotes import extract_quotes_batch

    docs = read_jsonl(eval_dir / "ecbplus" / "docs.jsonl.gz")
    by_topic: dict = {}
    for d in docs:
        by_topic.setdefault(d["topic"], []).append(d)
    biggest = sorted(by_topic.values(), key=len, reverse=True)[:2]
    chosen = sorted((d for group in biggest for d in group), key=lambda d: -len(d["text"]))[:50]
    articles = [Article(id=str(d["id"]), source=str(d["id"]), url=None, canonical_url=None, headline=None,
                        outlet=None, byline=None, dateline=None, published=None, wire=None,
                        language="en", text=d["text"]) for d in chosen]
    language.embed(["warm up"])
    language.parse(["Warm up the parser."])
    t0 = time.perf_counter()
    annotations = {a.article_id: a for a in annotate(articles, language)}
    t1 = time.perf_counter()
    quotes = extract_quotes_batch([a.text for a in articles], language)
    t2 = time.perf_counter()
    claims = {a.id: X.extract_claims(a.id, a.text, annotations[a.id], q) for a, q in zip(articles, quotes)}
    t3 = time.perf_counter()
    vectors = A.claim_vectors([c for cs in claims.values() for c in cs], annotations=annotations,
                              language=language)
    t4 = time.perf_counter()
    aligned = A.align_claims(claims, event_of={a.id: "story" for a in articles}, language=language,
                             vectors=vectors)
    t5 = time.perf_counter()
    counts = [len(cs) for cs in claims.values()]
    return {"articles": len(articles), "chars": sum(len(a.text) for a in articles),
            "claims": sum(counts), "per_article": np.mean(counts), "aligned": len(aligned),
            "corroborated": sum(a.status == "corroborated" for a in aligned),
            "contested": sum(a.status == "contested" for a in aligned),
            "annotate": t1 - t0, "quotes": t2 - t1, "extract": t3 - t2, "vectors": t4 - t3,
            "align": t5 - t4}


# --- report ---------------------------------------------------------------------------------

def table(rows) -> str:
    lines = ["| decision | macro-F1 | F1 carries | F1 contradicts | F1 neither | accuracy |",
             "|---|---|---|---|---|---|"]
    for name, gold, pred in rows:
        m, f1s = macro_f1(gold, pred)
        lines.append(f"| {name} | {m:.3f} | {f1s[0]:.3f} | {f1s[1]:.3f} | {f1s[2]:.3f} | "
                     f"{np.mean(gold == pred):.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="only the first N bodies (quick runs)")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args(argv)
    if not (args.eval / "fnc1" / "pairs.jsonl.gz").exists():
        print(f"no evaluation data at {args.eval}: nothing to measure")
        return 0
    from newsprism.nlp import Language

    language = Language()
    bodies = {str(b["body_id"]): b["text"] for b in read_jsonl(args.eval / "fnc1" / "bodies.jsonl.gz")}
    if args.limit:
        bodies = dict(sorted(bodies.items())[:args.limit])
    pairs = [p for p in read_jsonl(args.eval / "fnc1" / "pairs.jsonl.gz") if str(p["body_id"]) in bodies]
    t0 = time.perf_counter()
    claims, vectors = body_claims(bodies, language)
    heads, head_vectors = headline_claims(sorted({p["headline"] for p in pairs}), language)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    evidence = pair_evidence(pairs, heads, head_vectors, claims, vectors, language)
    t_pairs = time.perf_counter() - t0
    gold = np.array([LABELS.index(FNC_TO_CLAIM[p["stance"]]) for p in pairs])
    preds, chosen = cross_validate(evidence, tfidf_scores(pairs, bodies), gold, folds_of(pairs, args.folds))
    shipped = decide(evidence, A.SAME_CLAIM, A.CONTRADICTION)
    t0 = time.perf_counter()
    inputs = judge_inputs(pairs, heads, head_vectors, claims, vectors)
    judged, judge_chosen = judge_cross_validate(pairs, inputs, gold, folds_of(pairs, args.folds), args.eval)
    t_judge = time.perf_counter() - t0
    t0 = time.perf_counter()
    in_article, in_article_by_claim = article_cross_validate(pairs, folds_of(pairs, args.folds), args.eval)
    t_article = time.perf_counter() - t0
    rows = [("newsprism claim against the whole article, `claim_in_article` (held-out folds)", gold, in_article),
            ("the same, folds by claim (no headline's related bodies in training)", gold, in_article_by_claim),
            ("newsprism claim-pair judge (held-out folds)", gold, judged)]
    rows += [(f"{name.replace('newsprism', 'newsprism support rule')} (held-out folds)", gold, pred)
             for name, pred in preds.items()]
    rows.append((f"newsprism, shipped constants (same {A.SAME_CLAIM}, contradiction "
                 f"{A.CONTRADICTION}; all pairs)", gold, shipped))
    n_claims = [len(cs) for cs in claims.values()]
    notes = [f"FNC-1: {len(pairs)} pairs over {len(bodies)} bodies; agree -> carries "
             f"({np.sum(gold == 0)}), disagree -> contradicts ({np.sum(gold == 1)}), discuss + unrelated "
             f"-> neither ({np.sum(gold == 2)}). {args.folds} folds grouped by body.",
             "Claim-pair judge: the headline against its body's "
             f"{JUDGE_TOP_K} closest claims, read by the judge of bench/claimpair.py refitted per fold "
             "without the fold's bodies; contradicts when the highest P(weakens) reaches a threshold, "
             "else carries when the highest P(strengthens) does. Thresholds chosen on the training folds "
             "(carries, contradicts): " + ", ".join(f"({s:.3f}, {c:.3f})" for s, c in judge_chosen)
             + f"; {t_judge:.0f} s for features, five fits and decisions.",
             "Claim-pair judge decisions per FNC-1 label (held-out folds):\n\n"
             + confusion([p["stance"] for p in pairs], judged),
             "Claim against the whole article, per FNC-1 label (held-out folds by body; "
             f"{t_article:.0f} s for features and ten fits):\n\n"
             + confusion([p["stance"] for p in pairs], in_article),
             "Support-rule thresholds chosen on the training folds (same, contradiction): "
             + ", ".join(f"({s:.2f}, {c:.2f})" for s, c in chosen) + ".",
             f"Claims per FNC-1 body: mean {np.mean(n_claims):.1f}, median {np.median(n_claims):.0f} "
             f"(bodies average {np.mean([len(t) for t in bodies.values()]):.0f} characters); "
             f"reading bodies (cached layer) {t_read:.1f} s; {len(pairs) / t_pairs:.0f} pairs/s judged."]
    if not args.no_speed:
        s = speed(args.eval, language)
        total = s["quotes"] + s["extract"] + s["vectors"] + s["align"]
        notes.append(
            f"50-article story ({s['articles']} ECB+ documents of the two biggest topics, {s['chars']:,} "
            f"characters, read as one event): {s['claims']} claims ({s['per_article']:.1f} per article), "
            f"{s['aligned']} aligned ({s['corroborated']} corroborated, {s['contested']} contested). "
            f"Quotes {s['quotes']:.2f} s + claims {s['extract']:.2f} s + claim vectors {s['vectors']:.2f} s "
            f"+ alignment {s['align']:.2f} s = **{total:.2f} s** (target < 10 s, 2 cores); the "
            f"language layer, computed and cached by analyze, took {s['annotate']:.2f} s more.")
    text = table(rows)
    print(text)
    print()
    print("\n".join(notes))
    if args.append_results:
        benchkit.append_results("Claims: carries / contradicts / neither on FNC-1, and claims for a 50-article story",
                                "\n\n".join(notes[:1]) + "\n\n" + text + "\n\n" + "\n\n".join(notes[1:]),
                                argv=argv, script=__file__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
