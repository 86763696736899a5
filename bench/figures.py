"""Figures across outlets on ECB+: does newsprism tell which figures of two documents of one
event give the same quantity, and which of those disagree?

    python bench/figures.py [--append-results]
    python bench/figures.py --candidates [--events 20-1,20-2]   # pairs to label, with their sentences

bench/data/figures_ecbplus.jsonl holds hand-labelled pairs of number mentions from two documents
of one ECB+ event (topic-subtopic), as document ids and character offsets of the numbers only
(the text stays in ../shared/eval): ``same`` (both give a value of the same quantity: the same
kind of thing counted or measured, of the same event) and ``disagree`` (same quantity, and the
two values cannot both be true). Labels were given by reading both sentences in their documents.

Predictions, per labelled pair:
- newsprism: each mention is the figure ``newsprism.figures.extract_figures`` finds over it (none:
  predicted "not the same quantity"); same quantity when the keys (kind, thing counted, unit) are
  equal, disagreement when the same and ``figures.fits`` says they cannot both hold.
- naive baseline, "same number word nearby": the head word of a number is the first word after it
  (within three tokens) that is not a stop word; same quantity when the head words are equal,
  disagreement when they are equal and the values differ.

The candidate pairs to label came from four pools of every event (``--candidates``): pairs that
newsprism or the baseline calls the same quantity with different values (where disagreements
are), other pairs newsprism calls the same quantity, other pairs the baseline calls the same, and
pairs of numbers whose sentences both name a toll, an amount or a count; recall is measured
against the labelled pairs. Events were chosen by kind before looking at the pairs: bombings,
shootings, fires, earthquakes, piracy, riots, a hit-and-run, a climbing accident, heists.
Labelling rules: a quantity is a count, toll, amount of money, percentage, magnitude or physical
measure of the event (the same one in both documents: "two sons" of the same deputy is one
quantity, "three victims" and "the two other victims" are two); times, dates, ages, years,
durations and identifiers ("AK-47", phone numbers) are not quantities (same = no). Two figures
in different currencies for one amount are the same quantity and do not disagree (a conversion).
ECB+ texts are rebuilt from tokens ("$2. 6 million"): a label says what the author wrote.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsprism import patterns as shared  # noqa: E402
from newsprism.figures import Figure, extract_figures, fits, same_quantity  # noqa: E402

LABELLED = REPO / "bench" / "data" / "figures_ecbplus.jsonl"
RESULTS = REPO / "bench" / "RESULTS.md"
BASELINE_WINDOW = 3  # tokens after a number searched for its head word
CANDIDATES_PER_POOL = 4  # pairs drawn per event from each of the three pools
CANDIDATE_SEED = 0
UNBIASED_POOLS = ("baseline", "hint")  # drawn without looking at newsprism's figures
KIND_HINT = re.compile(r"\b(?:kill|dead|die|death|injur|wound|hurt|arrest|missing|evacu|magnitude|richter|\$|"
                       r"million|percent|%|homes|houses|people|firefighters|officers|victims)", re.I)


def eval_dir() -> Path | None:
    """../shared/eval (or $NEWSPRISM_EVAL), seen from the repository or from a worktree of it."""
    env = os.environ.get("NEWSPRISM_EVAL")
    for path in ([Path(env)] if env else []) + [REPO.parent / "shared" / "eval", REPO.parents[1] / "shared" / "eval"]:
        if (path / "ecbplus" / "docs.jsonl.gz").exists():
            return path
    return None


def load_docs(root: Path) -> dict[str, dict]:
    with gzip.open(root / "ecbplus" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        return {d["id"]: d for d in map(json.loads, handle)}


def event_of(doc: dict) -> str:
    return f"{doc['topic']}-{doc['subtopic']}"


def numbers(text: str) -> Iterator[re.Match[str]]:
    return shared.NUMBER.finditer(text)


def baseline_head(text: str, match: re.Match[str]) -> str | None:
    """The first word after a number (within ``BASELINE_WINDOW`` tokens) that is not a stop word."""
    for word in re.findall(r"[A-Za-z%$]+|\S", text[match.end():match.end() + 60])[:BASELINE_WINDOW]:
        word = word.lower()
        if word.isalpha() and word not in shared.STOPWORDS["en"]:
            return word
    return None


def figure_at(figures: list[Figure], start: int, end: int) -> Figure | None:
    return next((f for f in figures if f.start <= start and end <= f.end), None)


def predict(pair: dict, docs: dict[str, dict], cache: dict[str, list[Figure]]) -> dict[str, tuple[bool, bool]]:
    """``{system: (same quantity?, disagree?)}`` for one labelled pair."""
    out = {}
    sides = []
    for side in (pair["a"], pair["b"]):
        text = docs[side["doc"]]["text"]
        if side["doc"] not in cache:
            cache[side["doc"]] = extract_figures(text, article=side["doc"])
        match = shared.NUMBER.match(text, side["start"])
        sides.append((text, side, figure_at(cache[side["doc"]], side["start"], side["end"]), match))
    (_, _, fa, ma), (_, _, fb, mb) = sides
    same = fa is not None and fb is not None and same_quantity(fa, fb)
    out["newsprism"] = (same, same and fa is not None and fb is not None and not fits(fa, fb))
    ha = baseline_head(sides[0][0], ma) if ma else None
    hb = baseline_head(sides[1][0], mb) if mb else None
    va = shared.parse_number(ma.group(0)) if ma else None
    vb = shared.parse_number(mb.group(0)) if mb else None
    base_same = ha is not None and ha == hb
    out["same word nearby"] = (base_same, base_same and va != vb)
    return out


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    """Precision, recall, F1 over (predicted, gold) pairs, and the number of gold positives."""
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def evaluate(root: Path) -> str:
    docs = load_docs(root)
    labelled = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    cache: dict[str, list[Figure]] = {}
    rows: dict[tuple[str, str], dict[str, list[tuple[bool, bool]]]] = defaultdict(lambda: defaultdict(list))
    for pair in labelled:
        for system, (same, disagree) in predict(pair, docs, cache).items():
            for pools in ("all", "unbiased") if pair["pool"] in UNBIASED_POOLS else ("all",):
                rows[(pools, system)]["same quantity"].append((same, pair["same"]))
                rows[(pools, system)]["disagreement"].append((disagree, pair["disagree"]))
    events = len({p["event"] for p in labelled})
    lines = [f"{len(labelled)} labelled pairs over {events} ECB+ events "
             f"({sum(p['same'] for p in labelled)} same quantity, {sum(p['disagree'] for p in labelled)} disagree); "
             f"'unbiased': only the pools drawn without newsprism ({', '.join(UNBIASED_POOLS)})",
             "", "| pairs | system | task | precision | recall | F1 | gold positives |", "|---|---|---|---|---|---|---|"]
    for (pools, system), tasks in sorted(rows.items()):
        for task, got in tasks.items():
            p, r, f, n = prf(got)
            lines.append(f"| {pools} | {system} | {task} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    return "\n".join(lines)


def candidates(root: Path, events: set[str] | None) -> None:
    """Print, per event, the candidate pairs to label (JSON lines with both sentences)."""
    docs = load_docs(root)
    by_event: dict[str, list[dict]] = defaultdict(list)
    for doc in docs.values():
        by_event[event_of(doc)].append(doc)
    rng = random.Random(CANDIDATE_SEED)
    for event in sorted(by_event, key=lambda e: tuple(map(int, e.split("-")))):
        if events and event not in events:
            continue
        mentions = []
        for doc in sorted(by_event[event], key=lambda d: d["id"]):
            figures = extract_figures(doc["text"], article=doc["id"])
            for m in numbers(doc["text"]):
                sentence_start = doc["text"].rfind("\n", 0, m.start()) + 1
                mentions.append((doc, m, figure_at(figures, m.start(), m.end()), baseline_head(doc["text"], m),
                                 doc["text"][max(sentence_start, m.start() - 110):m.end() + 70]))
        pools: dict[str, list] = {"system": [], "baseline": [], "hint": [], "differ": []}
        for i, a in enumerate(mentions):
            for b in mentions[i + 1:]:
                if a[0]["id"] == b[0]["id"]:
                    continue
                va, vb = shared.parse_number(a[1].group(0)), shared.parse_number(b[1].group(0))
                if (a[2] is not None and b[2] is not None and same_quantity(a[2], b[2]) and not fits(a[2], b[2])
                        or a[3] is not None and a[3] == b[3] and va != vb):
                    pools["differ"].append((a, b))
                elif a[2] is not None and b[2] is not None and same_quantity(a[2], b[2]):
                    pools["system"].append((a, b))
                elif a[3] is not None and a[3] == b[3]:
                    pools["baseline"].append((a, b))
                elif KIND_HINT.search(a[4]) and KIND_HINT.search(b[4]):
                    pools["hint"].append((a, b))
        for pool, pairs in pools.items():
            for a, b in rng.sample(pairs, min(CANDIDATES_PER_POOL, len(pairs))):
                print(json.dumps({"event": event, "pool": pool,
                                  "a": {"doc": a[0]["id"], "start": a[1].start(), "end": a[1].end()},
                                  "b": {"doc": b[0]["id"], "start": b[1].start(), "end": b[1].end()},
                                  "ta": a[4].replace("\n", " "), "tb": b[4].replace("\n", " ")}, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", action="store_true", help="print candidate pairs to label")
    parser.add_argument("--events", help="comma-separated topic-subtopic ids (with --candidates)")
    parser.add_argument("--append-results", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args()
    root = eval_dir()
    if root is None:
        sys.exit("no ECB+ data: set NEWSPRISM_EVAL or put the eval data at ../shared/eval")
    if args.candidates:
        candidates(root, set(args.events.split(",")) if args.events else None)
        return
    table = evaluate(root)
    print(table)
    if args.append_results:
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(f"\n\n## Figures across outlets on ECB+ ({dt.date.today()})\n\n"
                         f"`python bench/figures.py`\n\n{table}\n")


if __name__ == "__main__":
    main()
