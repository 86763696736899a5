"""Error analysis of quote attribution on PolNeAR, by category (for choosing what to fix).

    python bench/quotes_errors.py [--eval DIR] [--cache DIR] [--split dev|fifth|rest] [--no-tagger] [--show CATEGORY]

``dev``: the 84 dev documents (report only); ``fifth``: the held-apart fifth of train (every fifth
train document by id, 168), the set settings are chosen on; ``rest``: the other four fifths of
train (672), a second train set for rules that do not learn from it. Predictions as ``bench/quotes.py``
makes them; matching as ``../shared/eval/score.py quotes`` (``polnear.match_counts``). Prints
counts by category: gold attributions with no overlapping prediction (by cue lemma, and whether
a candidate frame would have matched), overlaps below Jaccard 0.5 (by boundary kind), matched
with a wrong source (by kind), and predictions that match nothing (by cue).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load(eval_dir: Path, split: str) -> list[dict]:
    with gzip.open(eval_dir / "polnear" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    if split == "dev":
        return [d for d in docs if d["split"] == "dev"]
    return [d for d in docs if d["split"] == "train"]


def parses(docs: list[dict], split: str, cache: Path):
    sys.path.insert(0, str(REPO / "bench"))
    sys.path.insert(0, str(REPO / "scripts"))
    if split == "dev":
        from quotes import parsed

        from newsprism.nlp import Language
        return parsed([d["text"] for d in docs], Language(), cache)
    from train_quotes import parse_cached
    return parse_cached([d["text"] for d in docs], cache)


def chars(spans) -> set[int]:
    out: set[int] = set()
    for s in spans or []:
        a, b = (s["start"], s["end"]) if isinstance(s, dict) else s
        out.update(range(int(a), int(b)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-cache")
    ap.add_argument("--split", default="fifth", choices=("dev", "fifth", "rest"))
    ap.add_argument("--show", default="", help="print examples of one category (missed, boundary, source, spurious)")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--no-tagger", action="store_true",
                    help="rules and frame scorer only (the tagger was trained on 'rest': its figures there are in sample)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.quotes import quotes_from_doc
    from newsprism.quotes.cues import find_frames
    from newsprism.quotes.model import AttributionScorer
    from newsprism.quotes.polnear import match_counts, to_polnear

    docs = load(args.eval, args.split)
    parsed_docs = parses(docs, args.split, args.cache)
    if args.split in ("fifth", "rest"):
        fifth = set(sorted(range(len(docs)), key=lambda i: docs[i]["id"])[::5])
        keep = [i for i in range(len(docs)) if (i in fifth) == (args.split == "fifth")]
        docs, parsed_docs = [docs[i] for i in keep], [parsed_docs[i] for i in keep]
    scorer = AttributionScorer.load()
    cats: dict[str, Counter] = {k: Counter() for k in ("missed", "missed_cue", "boundary", "source", "spurious", "overlap", "nocand_pos", "nocand")}
    examples: dict[str, list[str]] = {k: [] for k in cats}
    totals = Counter()
    for d, doc in zip(docs, parsed_docs):
        text = d["text"]
        quotes = quotes_from_doc(doc, tagger=None) if args.no_tagger else quotes_from_doc(doc)
        preds = to_polnear(text, quotes)
        frames = find_frames(doc, any_verb=True)
        golds = [a for a in d["attributions"] if a["content"]]
        gc = [chars(a["content"]) for a in golds]
        pc = [chars([p["content"]]) for p in preds]
        pairs = sorted(((len(p & g) / len(p | g), i, j) for i, p in enumerate(pc) for j, g in enumerate(gc)
                        if p & g), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for jac, i, j in pairs:
            if jac < 0.5 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            src = chars(golds[j]["source"])
            ps = chars([preds[i]["source"]]) if preds[i].get("source") else set()
            totals["match"] += 1
            if not (src & ps):
                gsrc = " ".join(s["text"] for s in golds[j]["source"])
                psrc = text[preds[i]["source"][0]:preds[i]["source"][1]] if preds[i].get("source") else ""
                kind = ("gold-empty" if not src else "pred-none" if not ps else
                        "pred-pron" if psrc.lower() in PRONOUNS else
                        "gold-pron" if gsrc.lower() in PRONOUNS else "other")
                cats["source"][kind] += 1
                examples["source"].append(f"[{kind}] gold={gsrc!r} pred={psrc!r} cue={_cue(golds[j])!r} :: "
                                          f"{text[min(gc[j]):max(gc[j]) + 1][:120]!r}")
        for j, g in enumerate(gc):
            if j in used_g:
                continue
            best = max(((len(p & g) / len(p | g), i) for i, p in enumerate(pc) if i not in used_p and p & g),
                       default=None)
            cue = _cue(golds[j]).lower()
            direct = any(text[k] in "\"“”" for k in g)
            if best is None:
                cand = [f for f in frames if f.content_start is not None
                        and len(set(range(f.content_start, f.content_end)) & g)
                        / len(set(range(f.content_start, f.content_end)) | g) >= 0.5]
                how = "cand" if cand else "nocand"
                if cand and scorer is not None:
                    sc = max(scorer.score(doc, f, frames) for f in cand)
                    how = f"cand<{0.1 * int(sc * 10):.1f}"
                if how == "nocand":
                    cue_spans = golds[j].get("cue") or []
                    span = doc.char_span(cue_spans[-1]["start"], cue_spans[-1]["end"], alignment_mode="expand") \
                        if cue_spans else None
                    pos = "nocue" if not cue_spans else "?" if span is None or not len(span) else \
                        max(span, key=lambda t: (t.pos_ in ("VERB", "NOUN"), t.i)).pos_
                    if span is not None and len(span) and pos == "VERB":
                        v = max(span, key=lambda t: (t.pos_ == "VERB", t.i))
                        pos += "+" + ("has-content-child" if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl", "attr", "oprd", "acomp") for c in v.children) else "no-complement")
                    cats["nocand_pos"][pos] += 1
                    if span is not None and len(span):
                        n = max(span, key=lambda t: (t.pos_ in ("VERB", "NOUN"), t.i))
                        first = doc.char_span(min(g), min(g) + 1, alignment_mode="expand")
                        link = ""
                        if first is not None and len(first):
                            t = first[0]
                            while t.head.i != t.i and t.head.i != n.i:
                                t = t.head
                            link = f"{t.dep_}<-{t.head.lower_}" if t.head.i == n.i else "unlinked"
                        examples["nocand"].append(f"[{pos}] cue={cue!r} n={n.lower_}/{n.dep_} link={link} src="
                                                  f"{' '.join(s['text'] for s in golds[j]['source'])!r} :: "
                                                  f"{' | '.join(c['text'] for c in golds[j]['content'])[:100]!r}")
                cats["missed"][how] += 1
                cats["missed_cue"][cue] += 1
                examples["missed"].append(f"[{how}{' D' if direct else ''}] cue={cue!r} src="
                                          f"{' '.join(s['text'] for s in golds[j]['source'])!r} :: "
                                          f"{' | '.join(c['text'] for c in golds[j]['content'])[:160]!r}")
            else:
                jac, i = best
                p = pc[i]
                kind = []
                if len(golds[j]["content"]) > 1:
                    kind.append("gold-multi")
                if min(p) < min(g):
                    kind.append("starts-early")
                elif min(p) > min(g):
                    kind.append("starts-late")
                if max(p) > max(g):
                    kind.append("ends-late")
                elif max(p) < max(g):
                    kind.append("ends-early")
                key = "+".join(kind) or "same"
                cats["boundary"][key] += 1
                examples["boundary"].append(
                    f"[{key} J={jac:.2f}{' D' if direct else ''}] cue={cue!r}\n   gold: {' | '.join(c['text'] for c in golds[j]['content'])[:200]!r}"
                    f"\n   pred: {text[min(p):max(p) + 1][:200]!r}")
        for i, p in enumerate(pc):
            if i in used_p:
                continue
            q = next((q for q in quotes if q.start >= min(p) - 2 and q.start <= max(p)), None)
            if any(p & g for g in gc):
                best_j = max(range(len(gc)), key=lambda j: len(p & gc[j]) / len(p | gc[j]))
                inside = any(p < other for k, other in enumerate(pc) if k != i)
                holds = any(other < p for k, other in enumerate(pc) if k != i)
                key = (f"{'gold-matched' if best_j in used_g else 'gold-free'}"
                       f"{'+inside-pred' if inside else ''}{'+holds-pred' if holds else ''}+{q.kind if q else '?'}")
                cats["overlap"][key] += 1
                examples["overlap"].append(f"[{key} {q.score if q else 0:.2f} cue={(q.cue if q else '')!r}] pred: "
                                           f"{text[min(p):max(p) + 1][:150]!r}\n   gold: {text[min(gc[best_j]):max(gc[best_j]) + 1][:150]!r}")
                continue
            cue = (q.cue or "").lower() if q else ""
            cats["spurious"][cue] += 1
            examples["spurious"].append(f"[{cue} {q.kind if q else ''} {q.score if q else 0:.2f}] "
                                        f"{text[min(p):max(p) + 1][:150]!r}")
        for key, value in match_counts(text, d["attributions"], preds).items():
            totals["mc_" + key] += value
        totals["gold"] += len(golds)
        totals["pred"] += len(preds)
    print(f"{args.split}: {len(docs)} documents, gold {totals['gold']}, pred {totals['pred']}, matched {totals['match']}")
    m = totals["mc_match"]
    print(f"content F1 {2 * m / (totals['mc_gold'] + totals['mc_pred']):.4f}  direct R "
          f"{totals['mc_match_direct'] / totals['mc_gold_direct']:.4f}  source acc {totals['mc_source_ok'] / m:.4f}"
          f"  (matched {m}, pred {totals['mc_pred']}, gold {totals['mc_gold']})")
    for k in ("missed", "nocand_pos", "boundary", "source", "overlap"):
        print(f"\n{k}: {sum(cats[k].values())}")
        for name, n in cats[k].most_common(20):
            print(f"  {n:5d} {name}")
    print(f"\nmissed, by gold cue: {cats['missed_cue'].most_common(60)}")
    print(f"\nspurious (no overlap with any gold): {sum(cats['spurious'].values())}; overlapping "
          f"some gold: {sum(cats['overlap'].values())}")
    print(f"  by cue: {cats['spurious'].most_common(40)}")
    if args.show:
        print(f"\n--- {args.show} ---")
        for line in examples[args.show][:args.n]:
            print(line)
    return 0


PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "him", "her", "them"}


def _cue(a: dict) -> str:
    return " ".join(c["text"] for c in a.get("cue") or [])


if __name__ == "__main__":
    sys.exit(main())
