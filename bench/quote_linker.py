"""Train and measure the source linker of the span tagger's additions (``newsprism.quotes.link``,
issue 11).

    python bench/quote_linker.py [--eval ../shared/eval] [--save src/newsprism/quotes/data/quote_linker.json]
    python bench/quote_linker.py --eval ../shared/eval --dev   # ... and dev, once, for the report

Data: PolNeAR train only, split as ``bench/quote_tagger.py load()`` splits it (sorted by id,
every fifth document held apart: "fifth"; the other four fifths: "rest"). Each gold attribution's
content (its longest span) is a training content; its candidates (``link.candidates``) are
labelled by whether they overlap the gold source (an attribution without a source gives only
negatives). Parses: ``bench/quotes.py parsed()`` (cached). The tagger's probabilities on the fifth
and dev are read from ``bench/quote_tagger.py``'s cache (``--tagger-weights`` names the npz whose
mtime keys it); the tagger is never run here.

Two stages, because the tagger was trained on "rest" (its probabilities there are in-sample,
its source spans near perfect):
1. parse features only (``features(tagger_features=False)``), logistic regression fitted on rest;
   C and the weight of the contents the rules already find (the linker serves those they miss)
   chosen on the fifth (top-1 accuracy of the sources of its gold contents the rules miss);
2. the same features plus the tagger's (the share of the candidate tagged as a source, distance
   and tree distance to the tagged cue, subject of the tagged cue, the old nearest-cue choice)
   and stage 1's logit, fitted on the fifth, where the tagger's probabilities are out of sample
   (the alternative, training on rest without them, is stage 1 alone: it does not beat the old
   rule in the product). Its figures on the fifth are out of fold (5 folds by document); the
   shipped weights are fitted on the whole fifth. The tagger's own contents matching a gold one
   can be training contents too (``TAGGED_WEIGHTS``; weight 0 was chosen).
The threshold below which the linker refuses (an unresolved speaker) is the highest of
``THRESHOLDS`` at which the product's source accuracy on the fifth (out of fold) stays within
``PLATEAU`` of its best: refusing scores as a wrong source, but misleads no reader. ``--dev``
reads dev once, at the end, for the report. About 3 CPU-minutes (the parses and the candidates'
features cached under the bench cache).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from newsprism.quotes import link as L  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "newsprism-bench-cache"
TAGGER_WEIGHTS = Path("/work/main/src/newsprism/quotes/data/quote_tagger.npz")
FOLDS = 5
C_GRID = (0.03, 0.3, 3.0)
FOUND_WEIGHTS = (1.0, 0.3, 0.1)
TAGGED_WEIGHTS = (0.0, 1.0, 3.0)  # of the tagger's own contents in stage 2 (0: gold contents only)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4)
PLATEAU = 0.001


def load_split(eval_dir: Path, split: str, tagger_weights: Path):
    """(docs, parses, taggings or None) of ``split`` (rest / fifth / dev)."""
    from quote_tagger import load
    from quotes import parsed, read_docs

    from newsprism.nlp import Language
    from newsprism.quotes.tagger import decode

    language = Language()
    docs = load(eval_dir, split)
    if split == "dev":
        parses = parsed([d["text"] for d in docs], language, CACHE)
    else:
        train = sorted(read_docs(eval_dir, "train"), key=lambda d: d["id"])
        by_id = dict(zip((d["id"] for d in train), parsed([d["text"] for d in train], language, CACHE)))
        parses = [by_id[d["id"]] for d in docs]
    taggings = None
    stamp = CACHE / f"tagger-{split}-{tagger_weights.stat().st_mtime_ns}.pkl"
    if split != "rest" and stamp.exists():
        probabilities = pickle.loads(stamp.read_bytes())
        taggings = [decode(*probabilities[d["text"]]) for d in docs]
    return docs, parses, taggings


def _chars(spans) -> set[int]:
    out: set[int] = set()
    for s in spans or []:
        out.update(range(s["start"], s["end"]))
    return out


def missed_by_rules(d: dict, doc) -> list[bool]:
    """Per gold attribution: whether no quote of the rules (no tagger) matches its content
    (Jaccard >= 0.5, as the scorer matches): the contents the tagger's additions are drawn from."""
    from newsprism.quotes.extract import quotes_from_doc
    from newsprism.quotes.polnear import to_polnear

    try:
        quotes = quotes_from_doc(doc, tagger=None)
    except IndexError:  # model.py's context features on an empty span (one train document; told the lead)
        print(f"{d['id']}: quotes_from_doc raised IndexError; its contents count as found", file=sys.stderr)
        return [False] * len(d["attributions"])
    preds = [set(range(*p["content"])) for p in to_polnear(d["text"], quotes)]
    out = []
    for a in d["attributions"]:
        gold = _chars(a["content"])
        out.append(not any(len(p & gold) / len(p | gold) >= 0.5 for p in preds if p))
    return out


def _tagged_contents(d: dict, tagging, missed: list[bool]) -> list[tuple[dict, dict, bool]]:
    """The tagger's sure contents (``tagger.SURE``) that match a gold content (Jaccard >= 0.5,
    best first): (content span, its gold attribution, whether the rules miss that one)."""
    from newsprism.quotes.tagger import SURE

    out = []
    golds = [(_chars(a["content"]), a, miss) for a, miss in zip(d["attributions"], missed) if a["content"]]
    for t in tagging.contents:
        if t.score < SURE:
            continue
        chars = set(range(t.start, t.end))
        best = max(golds, key=lambda g: len(chars & g[0]) / len(chars | g[0]), default=None)
        if best is not None and len(chars & best[0]) / len(chars | best[0]) >= 0.5:
            out.append(({"start": t.start, "end": t.end}, best[1], best[2]))
    return out


def examples(docs, parses, taggings, tagger_features: bool):
    """Feature rows of every gold content's candidates, and with the tagger's features, of every
    sure tagged content matching a gold one: (names, X, y, content id per row, doc index per
    row, and per content: whether a gold source is among its candidates / at all, whether the
    rules miss it, whether it is a tagged content)."""
    names: tuple[str, ...] = ()
    xs, ys, groups, doc_rows = [], [], [], []
    reachable, sourced, missed, tagged = [], [], [], []
    g = 0
    for n, (d, doc) in enumerate(zip(docs, parses)):
        tagging = taggings[n] if taggings is not None else None
        misses = missed_by_rules(d, doc)
        contents = [(max(a["content"], key=lambda s: s["end"] - s["start"]), a, miss, False)
                    for a, miss in zip(d["attributions"], misses) if a["content"]]
        if tagger_features and tagging is not None:
            contents += [(*c, True) for c in _tagged_contents(d, tagging, misses)]
        for span, a, miss, by_tagger in contents:
            missed.append(miss)
            tagged.append(by_tagger)
            gold = _chars(a["source"])
            cands = L.candidates(doc, span["start"], span["end"], tagging if tagger_features else None)
            labels = [any(i in gold for i in range(c.start, c.end)) for c in cands]
            sourced.append(bool(gold))
            reachable.append(any(labels))
            if cands:
                names, x = L.features(doc, span["start"], span["end"], cands, tagging, tagger_features)
                xs.append(x)
                ys.extend(labels)
                groups.extend([g] * len(cands))
                doc_rows.extend([n] * len(cands))
            g += 1
    return (names, np.vstack(xs), np.array(ys, dtype=bool), np.array(groups), np.array(doc_rows),
            np.array(reachable), np.array(sourced), np.array(missed), np.array(tagged))


def fit(x: np.ndarray, y: np.ndarray, c: float, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, y, sample_weight=weight)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def predict(x: np.ndarray, coef: np.ndarray, bias: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ coef + bias, -30, 30)))


def top1(p: np.ndarray, y: np.ndarray, groups: np.ndarray, n_groups: int, sourced: np.ndarray,
         threshold: float = 0.0) -> dict[str, float]:
    """Per content: the best candidate right / wrong / refused (contents with a gold source)."""
    right = wrong = refused = 0
    best: dict[int, tuple[float, bool]] = {}
    for pi, yi, gi in zip(p, y, groups):
        if gi not in best or pi > best[gi][0]:
            best[gi] = (pi, yi)
    for g in range(n_groups):
        if not sourced[g]:
            continue
        if g not in best or best[g][0] < threshold:
            refused += 1
        elif best[g][1]:
            right += 1
        else:
            wrong += 1
    total = right + wrong + refused
    return {"acc": right / total, "right": right, "wrong": wrong, "refused": refused}


def counts(docs, predictions) -> dict[str, int]:
    from newsprism.quotes.polnear import match_counts

    total: dict[str, int] = {}
    for d in docs:
        for key, value in match_counts(d["text"], d["attributions"], predictions.get(d["id"], [])).items():
            total[key] = total.get(key, 0) + value
    return total


def summary(c: dict[str, int]) -> str:
    p, r = c["match"] / max(c["pred"], 1), c["match"] / max(c["gold"], 1)
    return (f"content F1 {2 * p * r / max(p + r, 1e-9):.4f}, direct R {c['match_direct'] / max(c['gold_direct'], 1):.4f}, "
            f"source acc {c['source_ok'] / max(c['match'], 1):.4f} ({c['source_ok']}/{c['match']}), pred {c['pred']}")


def product(docs, parses, taggings, linkers) -> dict[str, dict[str, int]]:
    """Counts of the product (``quotes_from_doc`` with the tagger's cached reading) and of its
    tagger additions alone, with ``linkers`` (a ``link.SourceLinker`` per document, or None for
    the old rule)."""
    from newsprism.quotes import extract as E
    from newsprism.quotes.polnear import to_polnear
    from newsprism.quotes.records import TAGGED

    whole, added = {}, {}
    shipped = E.load_linker
    for d, doc, t, linker in zip(docs, parses, taggings, linkers):
        E.load_linker = lambda linker=linker: linker  # type: ignore[assignment]
        quotes = E.quotes_from_doc(doc, tagger=None, tagging=t)
        whole[d["id"]] = to_polnear(d["text"], quotes)
        added[d["id"]] = to_polnear(d["text"], [q for q in quotes if TAGGED in q.flags])
    E.load_linker = shipped  # type: ignore[assignment]
    return {"product": counts(docs, whole), "additions": counts(docs, added)}


def show(name: str, result: dict[str, dict[str, int]]) -> None:
    print(f"{name}: newsprism {summary(result['product'])}; the tagger's additions alone {summary(result['additions'])}")


def cached_examples(split, data, tagger_features: bool):
    """``examples``, kept in the bench cache (keyed on the quotes package's code, whose rules say
    which contents they miss, and this file's)."""
    import hashlib

    code = b"".join(p.read_bytes() for p in sorted(Path(L.__file__).parent.glob("*.py")))
    key = hashlib.sha1(code + Path(__file__).read_bytes()).hexdigest()[:12]
    path = CACHE / f"linker-{split}-{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    out = examples(*data, tagger_features=tagger_features)
    path.write_bytes(pickle.dumps(out))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--tagger-weights", type=Path, default=TAGGER_WEIGHTS)
    ap.add_argument("--save", type=Path, default=REPO / "src" / "newsprism" / "quotes" / "data" / L.LINKER_FILE)
    ap.add_argument("--dev", action="store_true", help="also measure dev (once, for the report)")
    args = ap.parse_args()
    started = time.process_time()
    rest = load_split(args.eval, "rest", args.tagger_weights)
    fifth = load_split(args.eval, "fifth", args.tagger_weights)
    names, x, y, g, _, reach, sourced, missed, _ = cached_examples("rest", rest, False)
    print(f"rest: {len(sourced)} contents, {sourced.sum()} with a gold source, "
          f"{reach[sourced].mean():.3f} of those among the candidates; {missed.sum()} missed by the rules; "
          f"{len(y)} candidates ({time.process_time() - started:.0f} CPU-s)")
    names5, x5, y5, g5, d5, reach5, sourced5, missed5, tagged5 = cached_examples("fifth", fifth, True)
    parse_cols = [names5.index(n) for n in names]
    hard5 = sourced5 & missed5
    print(f"fifth: {len(sourced5)} contents, {sourced5.sum()} with a gold source, "
          f"{reach5[sourced5].mean():.3f} of those among the candidates; {missed5.sum()} missed by the rules "
          f"({reach5[hard5].mean():.3f} of those with a source among the candidates)")

    def report(p, threshold=0.0):
        return (f"top-1 all {top1(p, y5, g5, len(sourced5), sourced5, threshold)['acc']:.3f}, "
                f"missed by the rules {top1(p, y5, g5, len(sourced5), hard5, threshold)['acc']:.3f}, "
                f"tagged and missed {top1(p, y5, g5, len(sourced5), hard5 & tagged5, threshold)}")

    old = x5[:, names5.index("cue_nearest_source")]
    print(f"the old rule (tagged source nearest the nearest tagged cue): fifth {report(old, 0.5)}")
    # stage 1: parse features, fitted on rest; C and the weight of the contents the rules find
    # (the linker serves the ones they miss) chosen on the fifth's contents the rules miss
    results = []
    for found_weight in FOUND_WEIGHTS:
        w = np.where(missed[g], 1.0, found_weight)
        for c in C_GRID:
            coef, bias = fit(x, y, c, w)
            p1 = predict(x5[:, parse_cols], coef, bias)
            r = top1(p1, y5, g5, len(sourced5), hard5)
            print(f"stage 1, found weight {found_weight}, C={c}: fifth {report(p1)}")
            results.append((r["acc"], found_weight, c, coef, bias))
    _, w1, c1, coef1, bias1 = max(results, key=lambda r: r[0])
    p1 = predict(x5[:, parse_cols], coef1, bias1)
    print(f"stage 1 shipped: found weight {w1}, C={c1}: fifth {report(p1)}")
    stage1 = L.LinkerWeights(names, coef1, bias1)
    # stage 2: + the tagger's features, on the fifth, out of fold by document
    x2 = np.column_stack([x5, x5[:, parse_cols] @ coef1 + bias1])
    names2 = (*names5, "stage1_logit")
    oof = np.zeros(len(y5))
    fold = d5 % FOLDS
    best2 = []
    for found_weight, tagged_weight, c in itertools.product(FOUND_WEIGHTS, TAGGED_WEIGHTS, C_GRID[:2]):
        w = np.where(missed5[g5], 1.0, found_weight) * np.where(tagged5[g5], tagged_weight, 1.0)
        if True:
            fitted = []
            for k in range(FOLDS):
                coef, bias = fit(x2[fold != k], y5[fold != k], c, w[fold != k])
                oof[fold == k] = predict(x2[fold == k], coef, bias)
                fitted.append((coef, bias))
            r = top1(oof, y5, g5, len(sourced5), hard5)
            print(f"stage 2, found weight {found_weight}, tagged weight {tagged_weight}, C={c}: "
                  f"fifth out of fold {report(oof)}")
            best2.append((r["acc"], found_weight, tagged_weight, c, oof.copy(), fitted))
    _, w2, tw2, c2, oof2, folds2 = max(best2, key=lambda r: r[0])
    print(f"stage 2 shipped: found weight {w2}, tagged weight {tw2}, C={c2}: fifth out of fold {report(oof2)}")
    print(f"training and choosing: {time.process_time() - started:.0f} CPU-s (load average {os.getloadavg()[0]:.1f})")
    # the product on the fifth: the old rule, stage 1, stage 2 out of fold (each document linked
    # by the stage-2 weights fitted without its fold)
    n_docs = len(fifth[0])
    show("fifth, old rule", product(*fifth, [None] * n_docs))
    show("fifth, stage 1", product(*fifth, [L.SourceLinker(stage1)] * n_docs))
    sweep = []
    for t in THRESHOLDS:
        oof_linkers = [L.SourceLinker(L.LinkerWeights(names2, coef, bias, t, stage1)) for coef, bias in folds2]
        result = product(*fifth, [oof_linkers[n % FOLDS] for n in range(n_docs)])
        show(f"fifth, stage 2 out of fold, threshold {t}", result)
        sweep.append((t, result["product"]["source_ok"] / result["product"]["match"]))
    # refuse as much as the fifth's source accuracy allows: the highest threshold within
    # PLATEAU of the best (an unresolved speaker scores as a wrong one, but misleads nobody)
    best = max(a for _, a in sweep)
    t2 = max(t for t, a in sweep if a >= best - PLATEAU)
    print(f"stage 2 threshold: {t2}")
    coef2, bias2 = fit(x2, y5, c2, np.where(missed5[g5], 1.0, w2) * np.where(tagged5[g5], tw2, 1.0))
    shipped = {"names": list(names2), "coef": coef2.tolist(), "bias": bias2, "threshold": t2,
               "stage1": {"names": list(names), "coef": coef1.tolist(), "bias": bias1}}
    args.save.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
    print(f"saved {args.save}")
    if args.dev:
        dev = load_split(args.eval, "dev", args.tagger_weights)
        linker = L.SourceLinker(L.read_weights(shipped))
        show("dev, old rule", product(*dev, [None] * len(dev[0])))
        show("dev, shipped linker", product(*dev, [linker] * len(dev[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
