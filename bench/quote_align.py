"""Quote alignment across outlets: "same remark" precision / recall, variant classes, speed.

    python bench/quote_align.py [--eval DIR] [--append-results]

Labels: bench/data/quote_pairs_multinews.jsonl, 110 pairs of quotes from Multi-News clusters
(several outlets' reports of one story), hand-checked as the same remark or not and, when the
same, classed verbatim / trimmed / reworded / different-speaker. Each row holds only ids and
offsets: {cluster, a: {doc, start, end}, b: {doc, start, end}, same, variant, stratum}; the texts
are read from ../shared/eval/multinews/clusters.jsonl.gz (never copied into the repository).
The pairs were drawn (seed 7) from every cross-document pair of extracted quotes sharing words,
in strata: most words shared in order (cover >= 0.8), half of them (0.5-0.8), rewording zone
(content-word overlap >= 0.35) with high and low MiniLM cosine, low overlap with high cosine,
short quotes, plus the speaker conflicts (same words, two named speakers) found in all clusters.

End to end: every document of a labelled cluster goes through ``extract_quotes_batch`` and the
whole cluster through ``align_quotes``; a labelled pair is predicted "same" when both its quotes
(the extracted quote overlapping each labelled span most, at least half of it) land in one
aligned quote. Peers in the same run: exact normalised string match (lowercase, punctuation and
spacing dropped), and ``align_quotes`` without embeddings (token evidence only).

Speed: 50 articles of one story (the seeds, ten times each: every remark repeated ten times is
the worst case for grouping) and 50 Multi-News documents pooled as one story, extraction
included, models loaded beforehand.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

import benchkit
from benchkit import REPO

LABELS = benchkit.DATA / "quote_pairs_multinews.jsonl"
SPEED_ARTICLES = 50


def normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", "")))


def baseline_same(a: str, b: str) -> bool:
    return normal(a) == normal(b)


def baseline_class(a: str, b: str) -> str:
    a, b = normal(a), normal(b)
    if a == b:
        return "verbatim"
    return "trimmed" if a in b or b in a else "reworded"


def load(eval_dir: Path):
    labels = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()]
    wanted = {row["cluster"] for row in labels}
    with gzip.open(eval_dir / "multinews" / "clusters.jsonl.gz", "rt", encoding="utf-8") as handle:
        clusters = {c["id"]: c for c in map(json.loads, handle) if c["id"] in wanted or len(c["documents"]) >= 3}
    return labels, clusters


def find(quotes, span: dict):
    """The extracted quote whose span is most like the labelled one (character Jaccard >= 0.5)."""
    best, best_jaccard = None, 0.0
    for quote in quotes:
        overlap = min(quote.end, span["end"]) - max(quote.start, span["start"])
        union = max(quote.end, span["end"]) - min(quote.start, span["start"])
        if overlap > 0 and overlap / union > best_jaccard:
            best, best_jaccard = quote, overlap / union
    return best if best_jaccard >= 0.5 else None


def groups_of(aligned, span: dict, quote) -> dict[int, object]:
    """Aligned quotes holding ``quote`` (the extracted quote for the span) or a quote of the same
    article and speaker much like it (character Jaccard >= 0.5: a partial quote and the reported
    speech just around it are one remark, and an article gives one variant per group)."""
    out = {}
    if quote is None:
        return out
    for n, aligned_quote in enumerate(aligned):
        for v in aligned_quote.variants:
            overlap = min(v.end, span["end"]) - max(v.start, span["start"])
            union = max(v.end, span["end"]) - min(v.start, span["start"])
            if v.article == str(span["doc"]) and overlap > 0 and overlap / union >= 0.5 \
                    and (v.speaker_start == quote.speaker_start or v.speaker == quote.speaker):
                out[n] = v
    return out


def evaluate(labels, clusters, language, *, embed=None, errors: bool = False) -> dict:
    from newsprism.quotes import extract_quotes_batch
    from newsprism.quotes.align import DIFFERENT_SPEAKER, _WORD, _normal, align_quotes, word_class

    tp = fp = fn = tn = missing = 0
    classes_right = classes_total = oracle_right = oracle_total = 0
    confusion: dict[tuple[str, str], int] = {}
    by_cluster: dict[str, list] = {}
    for row in labels:
        by_cluster.setdefault(row["cluster"], []).append(row)
    for cluster_id, rows in sorted(by_cluster.items()):
        docs = clusters[cluster_id]["documents"]
        extracted = extract_quotes_batch(docs, language)
        quotes = {str(i): qs for i, qs in enumerate(extracted)}
        aligned = align_quotes(quotes, texts={str(i): d for i, d in enumerate(docs)}, language=language, embed=embed)
        for row in rows:
            qa = find(extracted[row["a"]["doc"]], row["a"])
            qb = find(extracted[row["b"]["doc"]], row["b"])
            missing += (qa is None) + (qb is None)
            ga, gb = groups_of(aligned, row["a"], qa), groups_of(aligned, row["b"], qb)
            same = bool(set(ga) & set(gb))
            if errors and same != row["same"]:
                print(f"error: line {labels.index(row) + 1} labelled {'same' if row['same'] else 'different'} "
                      f"({row['variant']}), predicted {'same' if same else 'different'}")
            tp += same and row["same"]
            fp += same and not row["same"]
            fn += (not same) and row["same"]
            tn += (not same) and not row["same"]
            if row["same"] and qa is not None and qb is not None:
                oracle_total += 1
                oracle_right += pair_class(qa, qb, clusters[cluster_id]["documents"], row) == row["variant"]
            if row["same"] and same and qa is not None and qb is not None:
                shared = (set(ga) & set(gb)).pop()
                if DIFFERENT_SPEAKER in (ga[shared].variant, gb[shared].variant):
                    predicted = DIFFERENT_SPEAKER
                else:
                    wa, wb = _WORD.findall(_normal(qa.text)), _WORD.findall(_normal(qb.text))
                    predicted = word_class(*sorted((wa, wb), key=len))
                classes_total += 1
                classes_right += predicted == row["variant"]
                confusion[(row["variant"], predicted)] = confusion.get((row["variant"], predicted), 0) + 1
    return _figures(tp, fp, fn, tn) | {"missing": missing, "class_acc": classes_right / max(classes_total, 1),
                                       "class_n": classes_total, "confusion": confusion,
                                       "oracle_acc": oracle_right / max(oracle_total, 1), "oracle_n": oracle_total}


def pair_class(qa, qb, docs, row) -> str:
    """The variant class newsprism gives a pair of quotes known to be one remark."""
    from newsprism.quotes.align import DIFFERENT_SPEAKER, _WORD, _normal, misattribution_words, score_pair, word_class
    from newsprism.quotes.canon import CONFLICT, canonical_names, compatibility, speaker_info

    names = canonical_names({"a": [qa], "b": [qb]})
    ia = speaker_info(qa, names.get(qa.speaker, qa.speaker) if qa.speaker else None, docs[row["a"]["doc"]])
    ib = speaker_info(qb, names.get(qb.speaker, qb.speaker) if qb.speaker else None, docs[row["b"]["doc"]])
    wa, wb = _WORD.findall(_normal(qa.text)), _WORD.findall(_normal(qb.text))
    if compatibility(ia, ib) == CONFLICT and ia.explicit and ib.explicit and misattribution_words(score_pair(wa, wb)):
        return DIFFERENT_SPEAKER
    return word_class(*sorted((wa, wb), key=len))


def evaluate_baseline(labels, clusters) -> dict:
    tp = fp = fn = tn = 0
    right = total = found = found_right = 0
    for row in labels:
        docs = clusters[row["cluster"]]["documents"]
        a = docs[row["a"]["doc"]][row["a"]["start"]:row["a"]["end"]]
        b = docs[row["b"]["doc"]][row["b"]["start"]:row["b"]["end"]]
        same = baseline_same(a, b)
        tp += same and row["same"]
        fp += same and not row["same"]
        fn += (not same) and row["same"]
        tn += (not same) and not row["same"]
        if row["same"]:
            total += 1
            right += baseline_class(a, b) == row["variant"]
            found += same
            found_right += same and baseline_class(a, b) == row["variant"]
    return _figures(tp, fp, fn, tn) | {"missing": 0, "class_acc": found_right / max(found, 1), "class_n": found,
                                       "confusion": {}, "oracle_acc": right / max(total, 1), "oracle_n": total}


def _figures(tp, fp, fn, tn) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall, "f1": f1}


def no_embeddings(texts):
    import numpy as np

    return np.zeros((len(texts), 8), dtype=np.float32)


# --- speed --------------------------------------------------------------------------------------
def timed_story(texts: list[str], language) -> tuple[float, float, int, int]:
    from newsprism.quotes import extract_quotes_batch
    from newsprism.quotes.align import align_quotes

    start, cpu_start = time.perf_counter(), time.process_time()
    extracted = extract_quotes_batch(texts, language)
    middle, cpu_middle = time.perf_counter(), time.process_time()
    aligned = align_quotes({f"a{i:02d}": qs for i, qs in enumerate(extracted)},
                           texts={f"a{i:02d}": t for i, t in enumerate(texts)}, language=language)
    end, cpu_end = time.perf_counter(), time.process_time()
    return {"extract": middle - start, "align": end - middle, "extract_cpu": cpu_middle - cpu_start,
            "align_cpu": cpu_end - cpu_middle, "quotes": sum(map(len, extracted)),
            "multi": sum(len(a.variants) > 1 for a in aligned)}


def seed_texts() -> list[str]:
    sys.path.insert(0, str(REPO / "tests"))
    import tempfile

    import newsprism
    from testkit import EXAMPLES

    with newsprism.open(Path(tempfile.mkdtemp()) / "seeds.db") as corpus:
        corpus.ingest(EXAMPLES)
        return [a.text for a in corpus.articles()]


def main() -> int:
    parser = benchkit.parser(__doc__)
    parser.add_argument("--errors", action="store_true", help="print the labelled pairs newsprism gets wrong")
    args = parser.parse_args()
    if not (args.eval / "multinews" / "clusters.jsonl.gz").exists():
        print(f"note: {args.eval}/multinews not found; nothing to measure")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.nlp import Language

    language = Language()
    language.nlp, language.embed(["warm up"])
    labels, clusters = load(args.eval)
    rows = [("exact normalised string match", evaluate_baseline(labels, clusters)),
            ("newsprism, tokens only (no embeddings)", evaluate(labels, clusters, language, embed=no_embeddings)),
            ("newsprism (tokens + MiniLM rewordings)", evaluate(labels, clusters, language, errors=args.errors))]
    positives = sum(r["same"] for r in labels)
    lines = [f"{len(labels)} hand-labelled quote pairs from {len({r['cluster'] for r in labels})} Multi-News "
             f"clusters ({positives} same remark); bench/data/quote_pairs_multinews.jsonl.", "",
             "| system | same-remark P | R | F1 | variant class accuracy, pairs it aligned | ... all same-remark pairs | labelled quotes not re-extracted |",
             "|---|---|---|---|---|---|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
                     f"{r['class_acc']:.3f} ({r['class_n']}) | {r['oracle_acc']:.3f} ({r['oracle_n']}) | {r['missing']} |")
    confusion = rows[-1][1]["confusion"]
    lines += ["", "variant classes, label -> predicted: " + ", ".join(
        f"{gold} -> {pred}: {n}" for (gold, pred), n in sorted(confusion.items()))]

    seeds = seed_texts()
    story = (seeds * (SPEED_ARTICLES // len(seeds) + 1))[:SPEED_ARTICLES]
    pooled = [d for c in sorted(clusters.values(), key=lambda c: c["id"]) for d in c["documents"]][:SPEED_ARTICLES]
    busy = os.getloadavg()[0]
    lines += ["", f"| 50-article story (2 cores, models loaded; load average {busy:.1f}) | extract quotes | align | "
              "total wall | total CPU | quotes | aligned across articles |", "|---|---|---|---|---|---|---|"]
    for name, texts in (("seeds x10", story), ("50 Multi-News documents pooled", pooled)):
        t = timed_story(texts, language)
        lines.append(f"| {name} | {t['extract']:.2f} s | {t['align']:.2f} s | {t['extract'] + t['align']:.2f} s | "
                     f"{t['extract_cpu'] + t['align_cpu']:.2f} s | {t['quotes']} | {t['multi']} |")
    table = "\n".join(lines)
    print(table)
    if args.append_results:
        benchkit.append_results("Quote alignment across outlets", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
