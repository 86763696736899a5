"""Train the claim-pair cross-encoder (``newsprism.claims.cross``) and measure it on ClaimDiff.

    python bench/train_claim_cross.py --eval /work/shared/eval [--frozen 4] [--epochs 4]
        [--fnc 2400] [--lr 1e-4] [--out PATH]

The two claims are read together by the bundled all-MiniLM-L6-v2 ("[CLS] a [SEP] b [SEP]"):
its embeddings and lower ``--frozen`` layers stay as shipped and their output is computed once
per pair with the numpy engine the package runs (cached under ``$NEWSPRISM_BENCH_CACHE``); the
upper layers and a linear head over the mean-pooled last states are fine-tuned in torch (a
training-only dependency; inference is numpy). Data as bench/claimpair.py splits it: ClaimDiff's
training topics (each pair is listed both ways there), the hand-labelled pairs of
bench/data/claimpairs_labelled.jsonl and FNC-1 headlines against their bodies' closest claims
(every agree and disagree pair and a seeded sample of unrelated ones, up to ``--fnc`` in all;
both read both ways); validation is ClaimDiff's held-apart topics, scored by
../shared/eval/score.py claimpair. The epoch and a per-class log-odds bias are chosen on
validation, as bench/claimpair.py chooses the linear judge's. The chosen model is written to
``--out`` (default ``$NEWSPRISM_BENCH_CACHE/claim_cross.npz``, float16 layers, 3.2 MB at
``--frozen 5``); the shipped one (src/newsprism/claims/data/claim_cross.npz, alignment's second
reader) was made with ``--frozen 5 --fnc 2400 --epochs 4 --out
src/newsprism/claims/data/claim_cross.npz``.

Seeded (``SEED``): the same command gives the same weights on the same machine.
"""
from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import benchkit  # noqa: E402 - after the environment above
from benchkit import REPO  # noqa: E402

sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import claimpair as CP  # noqa: E402
from newsprism.claims import cross as XC  # noqa: E402

SEED = 0
MAX_PIECES = 128  # word pieces of a pair at most: 99% of ClaimDiff pairs are shorter
BATCH = 32
LR_LAYERS = 1e-4
LR_HEAD = 1e-3
DROPOUT = 0.1
FNC_WEIGHT = 0.5  # an FNC-1 pair counts half a ClaimDiff pair (headline vs extracted claim: noisier)
LABELLED_WEIGHT = CP.LABELLED_WEIGHT


# --- data ------------------------------------------------------------------------------------

def training_rows(eval_dir, n_fnc: int) -> tuple[list[dict], list[dict]]:
    rows = CP.read_jsonl(eval_dir / "claimdiff" / "pairs.jsonl.gz")
    val_topics = CP.split_topics(rows)
    train = [r for r in rows if r["topic"] not in val_topics]
    val = [r for r in rows if r["topic"] in val_topics]
    extra = CP.labelled_pairs(eval_dir)
    if n_fnc:
        fnc = CP.fnc_pairs(eval_dir)
        rng = np.random.default_rng(SEED)
        related = [r for r in fnc if r["label"] != "neither"]
        unrelated = [r for r in fnc if r["label"] == "neither"]
        take = max(0, n_fnc - len(related))
        picked = [unrelated[i] for i in sorted(rng.choice(len(unrelated), min(take, len(unrelated)), replace=False))]
        extra += [{k: v for k, v in r.items() if k != "vector_b"} for r in related[:n_fnc] + picked]
    # ClaimDiff lists its pairs both ways already; the others are added reversed
    train += extra + [{**r, "id": r["id"] + "-r", "claim_a": r["claim_b"], "claim_b": r["claim_a"]} for r in extra]
    return train, val


def lower_states(pairs: list[tuple[str, str]], frozen: int) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """Per pair: (token types, float16 states after the embeddings and ``frozen`` layers), from
    the numpy engine; cached on disk by pair."""
    from newsprism.nlp.minilm import shared_minilm, token_chunks

    CP.CACHE.mkdir(parents=True, exist_ok=True)
    path = CP.CACHE / f"claimcross-lower-{frozen}-{MAX_PIECES}.pkl"
    known: dict = pickle.loads(path.read_bytes()) if path.exists() else {}
    missing = [p for p in dict.fromkeys(pairs) if p not in known]
    if missing:
        m = shared_minilm()
        t0 = time.perf_counter()
        encoded = [m.pair_ids(a, b, MAX_PIECES) for a, b in missing]
        for rows in token_chunks([len(e[0]) for e in encoded]):
            texts = [encoded[r][0] for r in rows]
            x = m.run_layers(m.embed_pieces(texts, [encoded[r][1] for r in rows]), texts, m.layers[:frozen])
            start = 0
            for r in rows:
                n = len(encoded[r][0])
                known[missing[r]] = (encoded[r][1].astype(np.int8), x[start:start + n].astype(np.float16))
                start += n
        print(f"lower states of {len(missing)} pairs: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        path.write_bytes(pickle.dumps(known, protocol=5))
    return known


# --- the torch model (training only) -----------------------------------------------------------

def build_model(frozen: int):
    import torch
    from safetensors.numpy import load_file
    from torch import nn

    from newsprism.nlp.minilm import model_path

    weights = load_file(str(model_path() / "model.safetensors"))

    class Layer(nn.Module):
        def __init__(self, prefix: str):
            super().__init__()
            self.prefix = prefix
            names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                     "out": "attention.output.dense", "up": "intermediate.dense", "down": "output.dense"}
            self.names = names
            for attr, name in names.items():
                w = torch.tensor(weights[prefix + name + ".weight"])
                lin = nn.Linear(w.shape[1], w.shape[0])
                lin.weight.data.copy_(w)
                lin.bias.data.copy_(torch.tensor(weights[prefix + name + ".bias"]))
                setattr(self, attr, lin)
            self.norm1 = nn.LayerNorm(384, eps=1e-12)
            self.norm2 = nn.LayerNorm(384, eps=1e-12)
            for norm, name in ((self.norm1, "attention.output.LayerNorm"), (self.norm2, "output.LayerNorm")):
                norm.weight.data.copy_(torch.tensor(weights[prefix + name + ".weight"]))
                norm.bias.data.copy_(torch.tensor(weights[prefix + name + ".bias"]))
            self.drop = nn.Dropout(DROPOUT)

        def forward(self, x, mask_add):
            b, n, h = x.shape
            q = self.query(x).view(b, n, 12, 32).transpose(1, 2)
            k = self.key(x).view(b, n, 12, 32).transpose(1, 2)
            v = self.value(x).view(b, n, 12, 32).transpose(1, 2)
            scores = (q @ k.transpose(-1, -2)) / np.sqrt(32.0) + mask_add
            context = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, h)
            x = self.norm1(x + self.drop(self.out(context)))
            return self.norm2(x + self.drop(self.down(nn.functional.gelu(self.up(x)))))

        def export(self) -> dict[str, np.ndarray]:
            out = {}
            for attr, name in self.names.items():
                lin = getattr(self, attr)
                out[self.prefix + name + ".weight"] = lin.weight.detach().numpy()
                out[self.prefix + name + ".bias"] = lin.bias.detach().numpy()
            for norm, name in ((self.norm1, "attention.output.LayerNorm"), (self.norm2, "output.LayerNorm")):
                out[self.prefix + name + ".weight"] = norm.weight.detach().numpy()
                out[self.prefix + name + ".bias"] = norm.bias.detach().numpy()
            return out

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([Layer(f"encoder.layer.{i}.") for i in range(frozen, 6)])
            self.drop = nn.Dropout(DROPOUT)
            self.head = nn.Linear(384, 3)
            nn.init.normal_(self.head.weight, std=0.02)
            nn.init.zeros_(self.head.bias)

        def forward(self, x, mask):
            mask_add = ((1.0 - mask) * -1e4)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask_add)
            pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
            return self.head(self.drop(pooled))

    return Model()


def batches(keys, states, order):
    import torch

    for start in range(0, len(order), BATCH):
        idx = order[start:start + BATCH]
        width = max(len(states[keys[i]][1]) for i in idx)
        x = np.zeros((len(idx), width, 384), np.float32)
        mask = np.zeros((len(idx), width), np.float32)
        for row, i in enumerate(idx):
            s = states[keys[i]][1]
            x[row, :len(s)] = s
            mask[row, :len(s)] = 1
        yield idx, torch.tensor(x), torch.tensor(mask)


def predict(model, keys, states) -> np.ndarray:
    import torch

    model.eval()
    order = sorted(range(len(keys)), key=lambda i: len(states[keys[i]][1]))
    out = np.zeros((len(keys), 3), np.float32)
    with torch.no_grad():
        for idx, x, mask in batches(keys, states, order):
            out[idx] = model(x, mask).numpy()
    return out


def symmetric(logits_f: np.ndarray, logits_b: np.ndarray) -> np.ndarray:
    def softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    return (softmax(logits_f) + softmax(logits_b)) / 2


def main(argv=None) -> int:
    ap = benchkit.parser(__doc__, full_doc=True)
    ap.add_argument("--frozen", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--fnc", type=int, default=2400, help="FNC-1 pairs at most (0: none)")
    ap.add_argument("--lr", type=float, default=LR_LAYERS, help="learning rate of the fine-tuned layers")
    ap.add_argument("--out", type=Path, default=CP.CACHE / "claim_cross.npz",
                    help="where the chosen model is written")
    args = ap.parse_args(argv)
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    train, val = training_rows(args.eval, args.fnc)
    tkeys = [(r["claim_a"], r["claim_b"]) for r in train]
    vkeys = [(r["claim_a"], r["claim_b"]) for r in val]
    vkeys_r = [(b, a) for a, b in vkeys]
    states = lower_states(tkeys + vkeys + vkeys_r, args.frozen)
    y = np.array([CP.RELATIONS.index(r["label"]) for r in train])
    w = np.array([LABELLED_WEIGHT if r["id"].startswith("own-") else FNC_WEIGHT if r["id"].startswith("fnc-")
                  else 1.0 for r in train])
    counts = np.bincount(y, weights=w, minlength=3)
    w = w * (w.sum() / (3 * counts))[y]  # balanced classes
    yv = np.array([CP.RELATIONS.index(r["label"]) for r in val])
    print(f"train {len(train)} sequences, validation {len(val)} pairs; class weight sums {counts.round(1)}",
          file=sys.stderr)

    model = build_model(args.frozen)
    head = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    optim = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": LR_HEAD}],
                              weight_decay=0.01)
    steps = args.epochs * ((len(train) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    rng = np.random.default_rng(SEED)
    lengths = np.array([len(states[k][1]) for k in tkeys])
    best = (-1.0, 0, None, None)
    yt, wt = torch.tensor(y), torch.tensor(w, dtype=torch.float32)
    for epoch in range(1, args.epochs + 1):
        model.train()
        t0 = time.perf_counter()
        # length buckets: shuffle, sort within chunks of 50 batches, shuffle the batches
        perm = rng.permutation(len(train))
        chunks = [sorted(perm[i:i + 50 * BATCH], key=lambda j: lengths[j]) for i in range(0, len(perm), 50 * BATCH)]
        groups = [c[i:i + BATCH] for c in chunks for i in range(0, len(c), BATCH)]
        order = [j for g in (groups[k] for k in rng.permutation(len(groups))) for j in g]
        total = 0.0
        for idx, x, mask in batches(tkeys, states, order):
            logits = model(x, mask)
            loss = (torch.nn.functional.cross_entropy(logits, yt[idx], reduction="none") * wt[idx]).sum() / wt[idx].sum()
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        proba = symmetric(predict(model, vkeys, states), predict(model, vkeys_r, states))
        f, bias = CP.best_bias(proba, yv)
        f0 = CP.macro_f1(yv, proba.argmax(axis=1))
        print(f"epoch {epoch}: loss {total / len(train):.3f}, validation macro-F1 {f0[0]:.3f} (weakens "
              f"{f0[1][1]:.3f}) unbiased, {f:.3f} with bias {bias}; {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if f > best[0] + 1e-9:
            state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            best = (f, epoch, bias, state)
    f, epoch, bias, state = best
    model.load_state_dict(state)
    proba = symmetric(predict(model, vkeys, states), predict(model, vkeys_r, states))
    pred = np.argmax(np.log(np.clip(proba, 1e-12, 1)) + np.array(bias), axis=1)
    scored = CP.score(val, pred, args.eval)
    print(CP.table([(f"cross-encoder, frozen {args.frozen}, epoch {epoch} (validation topics)", scored)]))
    print(f"Chosen on validation: epoch {epoch} of {args.epochs}, log-odds bias {bias}; trained on "
          f"{len(train)} sequences (FNC-1 pairs at most {args.fnc}).")
    np.save(CP.CACHE / f"claimcross-val-proba-{args.frozen}-{args.fnc}.npy", proba)
    if args.out:
        layers: dict[str, np.ndarray] = {}
        for layer in model.layers:
            layers.update(layer.export())
        path = XC.save_cross(args.out, frozen=args.frozen,
                             layers=layers, head=model.head.weight.detach().numpy(),
                             head_bias=model.head.bias.detach().numpy(), bias=bias, max_pieces=MAX_PIECES,
                             epoch=epoch, epochs=args.epochs, fnc=args.fnc, seed=SEED,
                             validation_macro_f1=round(scored["macro_f1"], 4))
        print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
