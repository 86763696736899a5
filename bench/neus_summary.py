"""Neutral multi-outlet summaries: NeuS / AllSides stories -> 66-word summaries -> ROUGE F1.

    python bench/neus_summary.py [--eval DIR] [--split val] [--limit N] [--words 66] [--variants]
                                 [--cache DIR] [--keep-predictions DIR] [--append-results]

Reads ../shared/eval/neus/clusters.jsonl.gz (one AllSides story: the headline + lead of a left-,
a center- and a right-rated outlet, order random, with the editors' neutral roundup of ~66 words;
relative to the repository, never copied into it) and scores every system with
``python ../shared/eval/score.py summary PRED.jsonl --gold GOLD`` (ROUGE-1/2/Lsum F1, stemmed),
the gold holding the stories run. Only the dev split (``val-*``, 307 stories) is read by default:
it is the split settings are chosen on; the held-out NeuS test half is kept apart by the project.

Every system gets the same budget (66 words, the roundups' mean: sentences are added in the
system's order while they fit) and the same input as in ``bench/summary.py``: each document
through the plain-text cleaner (which takes the headline line off), split by
``newsprism.summarize.split_sentences``. Peers: the first outlet's lead (the first document's
sentences, as a reader of one outlet gets it), lead first-document-first (the first outlet,
then the next while words are left), lead round-robin, centroid (MiniLM), LexRank (sumy).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from summary import (  # noqa: E402  (bench/summary.py: the peers and the rules every system follows)
    TUNE_CLUSTERS,
    CachedLanguage,
    centroid_order,
    lead_first_document,
    lead_round_robin,
    lexrank_order,
    pack,
    rouge,
    score,
)
from summary import load as load_multinews  # noqa: E402

DEFAULT_EVAL = REPO.parent / "shared" / "eval"
RESULTS = REPO / "bench" / "RESULTS.md"
WORDS = 66  # the mean length of the AllSides roundups (65.8 words on val, 66.6 on all)


def load(eval_dir: Path, split: str, limit: int | None) -> list[dict]:
    with gzip.open(eval_dir / "neus" / "clusters.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = [r for r in rows if r["id"].startswith(f"{split}-")]
    return rows[:limit] if limit else rows


def run_newsprism(clusters, language, options, words: int) -> dict[str, str]:
    from newsprism.summarize import summarize

    return {c["id"]: summarize(c["documents"], words, language=language, options=options).text for c in clusters}


def systems(clusters, language, words: int, variants: bool) -> dict[str, dict[str, str]]:
    from newsprism.summarize import Options, Weights, split_sentences
    from newsprism.summarize.sentences import document_text

    docs = {c["id"]: [split_sentences(document_text(d)) for d in c["documents"]] for c in clusters}
    out = {"newsprism": run_newsprism(clusters, language, Options(), words)}
    peers = {
        "first outlet's lead": lambda d: d[0] if d else [],
        "lead, first document first": lead_first_document,
        "lead, round-robin": lead_round_robin,
        "centroid (MiniLM)": lambda d: centroid_order(d, language),
        "LexRank (sumy)": lexrank_order,
    }
    for name, order in peers.items():
        out[name] = {key: " ".join(pack(order(d), words)) for key, d in docs.items()}
    if variants:
        w = Weights()
        for name, options in {
            "newsprism without position": Options(weights=dataclasses.replace(w, position=0.0)),
            "newsprism without cross-source support": Options(weights=dataclasses.replace(w, support=0.0)),
            "newsprism without the context rule": Options(context=False),
        }.items():
            out[name] = run_newsprism(clusters, language, options, words)
    return out


# Settings tried with --tune, on NeuS dev and the Multi-News dev clusters (the first 100) at once.
# A first pass on NeuS dev alone: support 1.5 vs 1.0 changed nothing (within 0.002), max_words
# 50 vs 40 gained 0.005-0.007 on both metrics everywhere.
GRID = {
    "centroid": (0.5, 1.0),
    "lead_max_words": (40, 50, 60),
}


def tune(clusters, eval_dir: Path, language, words: int) -> None:
    """Each grid point on NeuS dev (``words`` budget) and Multi-News dev (260 words): prints
    ROUGE-1/2 on both, best by the sum over both sets."""
    import itertools

    from newsprism.summarize import Options, Weights

    multinews = load_multinews(eval_dir, TUNE_CLUSTERS)
    rows = []
    for values in itertools.product(*GRID.values()):
        options = Options(weights=Weights(**dict(zip(GRID, values))))
        n1, n2 = rouge(run_newsprism(clusters, language, options, words), clusters)
        m1, m2 = rouge(run_newsprism(multinews, language, options, 260), multinews)
        rows.append((n1 + n2 + m1 + m2, n1, n2, m1, m2, dict(zip(GRID, values))))
        print(f"NeuS {n1:.4f} {n2:.4f}  Multi-News {m1:.4f} {m2:.4f}  {rows[-1][-1]}", flush=True)
    for row in sorted(rows, key=lambda r: -r[0])[:5]:
        print("best:", *(f"{v:.4f}" for v in row[1:5]), row[5])


def render(scores: dict) -> str:
    rows = ["| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | mean words |", "|---|---|---|---|---|"]
    for name, r in scores.items():
        rows.append(f"| {name} | {r['rouge1_f1']:.4f} | {r['rouge2_f1']:.4f} | {r['rougeLsum_f1']:.4f} "
                    f"| {r['words']:.1f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    parser.add_argument("--split", default="val", help="id prefix of the stories read (val = dev)")
    parser.add_argument("--limit", type=int, help="only the first N stories")
    parser.add_argument("--words", type=int, default=WORDS, help="word budget of every system")
    parser.add_argument("--variants", action="store_true", help="also score ablations of newsprism")
    parser.add_argument("--tune", action="store_true", help="run the settings grid (NeuS + Multi-News dev)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/summarize-cache"),
                        help="sentence-embedding cache folder ('' for none)")
    parser.add_argument("--keep-predictions", type=Path, help="write the prediction files here")
    parser.add_argument("--append-results", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args(argv)
    if not (args.eval / "neus" / "clusters.jsonl.gz").exists():
        print(f"Evaluation data not found at {args.eval / 'neus'}; nothing to benchmark.")
        return 0
    clusters = load(args.eval, args.split, args.limit)
    language = CachedLanguage(args.cache if str(args.cache) else None)
    try:
        if args.tune:
            tune(clusters, args.eval, language, args.words)
            return 0
        predictions = systems(clusters, language, args.words, args.variants)
    finally:
        language.save()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep_predictions or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        with (workdir / "gold.jsonl").open("w", encoding="utf-8") as f:
            for c in clusters:
                f.write(json.dumps({"id": c["id"], "summary": c["summary"]}) + "\n")
        scores = {name: {**score(pred, args.eval, workdir, name),
                         "words": sum(len(t.split()) for t in pred.values()) / max(len(pred), 1)}
                  for name, pred in predictions.items()}
    text = (f"{len(clusters)} NeuS stories ({args.split}) of ../shared/eval/neus, {args.words}-word budget for every "
            f"system, scored by ../shared/eval/score.py summary (ROUGE F1, stemmed); same machine, same run.\n\n"
            + render(scores))
    print(text)
    if args.append_results:
        command = "python bench/neus_summary.py " + " ".join(argv if argv is not None else sys.argv[1:])
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(f"\n## NeuS neutral summaries ({stamp})\n\n`{command.strip()}`\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
