"""Train the content-boundary scorer of ``newsprism.quotes.bounds`` on PolNeAR train documents.

    python scripts/train_quote_bounds.py [--eval ../shared/eval] [--cache DIR] [--out src/newsprism/quotes/data/bounds.json]

Data: ../shared/eval/polnear/docs.jsonl.gz, ``split == "train"`` only (840 documents; dev is
never read). Documents sorted by id; every fifth one (168) is held apart for validation, the other
672 fit the models. Each document goes through ``extract.quotes_from_doc`` with the shipped frame
scorer; every reported-speech frame it emits is an example when a gold attribution's cue overlaps
the frame's cue and its content overlaps the frame's content. The candidate starts and ends of
that frame (``bounds.candidate_starts`` / ``candidate_ends``) are labelled 1 for the candidate
nearest the gold content's first (last) character, 0 for the others. Two logistic regressions
(scikit-learn, L2) over ``DictVectorizer`` features, one for starts and one for ends; the frame's
span takes the best-scoring candidate of each. The regularisation C is chosen on the validation
documents by end-to-end content F1 (``../shared/eval/score.py quotes`` matching over the whole of
``extract``), against the frames' own spans; then both models are refitted on all 840 documents
with that C. The output is {start, end: {bias, weights}} (a few KB), read with the standard library.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_quotes  # noqa: E402  (same folder: PolNeAR loading and cached parses)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "newsprism" / "quotes" / "data" / "bounds.json"
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
HOLD_EVERY = 5  # every fifth train document (by id) is the validation split
MIN_WEIGHT = 1e-3


class _Recorder:
    """A stand-in boundary scorer that keeps each frame it is asked about and changes nothing."""

    def __init__(self):
        self.frames = []

    def refine(self, doc, frame):
        self.frames.append(frame)
        return frame.content_start, frame.content_end


def _chars(spans) -> set[int]:
    out: set[int] = set()
    for s in spans:
        out.update(range(s["start"], s["end"]))
    return out


def examples(doc, gold: dict):
    """([(features, label)] of starts, [(features, label)] of ends) of one document."""
    from newsprism.quotes import quotes_from_doc
    from newsprism.quotes.bounds import candidate_ends, candidate_starts

    recorder = _Recorder()
    quotes_from_doc(doc, bounds=recorder)
    golds = [(_chars(a["cue"]), _chars(a["content"]), a) for a in gold["attributions"] if a["content"]]
    starts, ends = [], []
    for frame in recorder.frames:
        cue = set(range(frame.cue_start, frame.cue_end))
        span = set(range(frame.content_start, frame.content_end))
        near = [(len(span & c) / len(span | c), c) for g_cue, c, _ in golds if g_cue & cue and c & span]
        if not near:
            continue
        target = max(near, key=lambda x: x[0])[1]
        first, last = min(target), max(target) + 1
        for cands, at, out in ((candidate_starts(doc, frame), first, starts), (candidate_ends(doc, frame), last, ends)):
            if len(cands) < 2:
                continue
            best = min(cands, key=lambda c: abs(c.at - at))
            out.extend((c.features, int(c is best)) for c in cands)
    return starts, ends


def fit(rows, c):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([f for f, _ in rows])
    y = [label for _, label in rows]
    model = LogisticRegression(C=c, max_iter=3000).fit(X, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    return {"bias": round(float(model.intercept_[0]), 4), "weights": weights}


def evaluate(docs, golds, bounds) -> dict[str, float]:
    """End-to-end content F1, direct recall and source accuracy of ``extract`` over ``docs``."""
    from newsprism.quotes import quotes_from_doc
    from newsprism.quotes.polnear import match_counts, to_polnear

    totals: dict[str, int] = {}
    for doc, gold in zip(docs, golds):
        counts = match_counts(doc.text, gold["attributions"], to_polnear(doc.text, quotes_from_doc(doc, bounds=bounds)))
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    p = totals["match"] / max(totals["pred"], 1)
    r = totals["match"] / max(totals["gold"], 1)
    return {"content_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "direct_r": totals["match_direct"] / max(totals["gold_direct"], 1),
            "source_acc": totals["source_ok"] / max(totals["match"], 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=train_quotes.DEFAULT_EVAL)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-cache")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.quotes.bounds import BoundaryScorer

    start = time.time()
    train = train_quotes.load_train(args.eval)
    parses = train_quotes.parse_cached([d["text"] for d in train], args.cache)
    order = sorted(range(len(train)), key=lambda i: train[i]["id"])
    held = {i for k, i in enumerate(order) if k % HOLD_EVERY == HOLD_EVERY - 1}
    rows = {i: examples(parses[i], train[i]) for i in range(len(train))}
    fit_starts = [r for i in rows if i not in held for r in rows[i][0]]
    fit_ends = [r for i in rows if i not in held for r in rows[i][1]]
    val_docs = [parses[i] for i in sorted(held)]
    val_gold = [train[i] for i in sorted(held)]
    print(f"{len(train)} train documents ({len(train) - len(held)} fit, {len(held)} validation); "
          f"{len(fit_starts)} start and {len(fit_ends)} end candidates to fit ({time.time() - start:.0f} s)")
    base = evaluate(val_docs, val_gold, None)
    print("  validation, the frames' own spans: " + "  ".join(f"{k} {v:.3f}" for k, v in base.items()))
    results = {}
    for c in CS:
        s, e = fit(fit_starts, c), fit(fit_ends, c)
        scorer = BoundaryScorer(s["weights"], e["weights"], s["bias"], e["bias"])
        results[c] = evaluate(val_docs, val_gold, scorer)
        print(f"  validation, C={c}: " + "  ".join(f"{k} {v:.3f}" for k, v in results[c].items()))
    best = max(CS, key=lambda c: results[c]["content_f1"])
    if results[best]["content_f1"] <= base["content_f1"]:
        print("no C beats the frames' own spans on validation: nothing written")
        return 1
    all_starts = [r for i in rows for r in rows[i][0]]
    all_ends = [r for i in rows for r in rows[i][1]]
    out = {"trained_on": "PolNeAR train split (../shared/eval/polnear/docs.jsonl.gz)",
           "command": "python scripts/train_quote_bounds.py", "documents": len(train), "C": best,
           "validation": {"documents": len(held), "before": {k: round(v, 4) for k, v in base.items()},
                          "after": {k: round(v, 4) for k, v in results[best].items()}},
           "start": fit(all_starts, best), "end": fit(all_ends, best)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
    print(f"C={best}; wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
