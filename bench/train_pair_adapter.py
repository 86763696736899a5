"""Train the learned same-story similarity (``newsprism.cluster.pair_adapter``) on gold pairs.

    python bench/train_pair_adapter.py [--eval DIR] [--cache DIR] [--vectors-cache DIR] [--write]

Splits (gold labels are the sets' own; texts read from ../shared/eval, never copied):

- train: NeuS AllSides train stories 500 on in file order (~1,950 stories, ~5,850 headline +
  lead texts: never used by ``bench/train_link_model.py``, whose train part is stories 300-499);
  ECB+ odd topics, text only (as ``bench/train_link_model.py``), story = topic; BASIL's training
  triplets (``train_link_model.BASIL_TRAIN_TRIPLETS`` of the held-apart half).
- validation (the step and the mix weight): NeuS train stories 0-299 (``clustering_sets.py
  --held-apart``), ECB+ even topics, BASIL's validation triplets: the validation parts of
  ``bench/train_link_model.py``.
- dev (``bench/clustering_sets.py``): never read here.

Model: unit MiniLM article vectors (``Annotation.vector``: headline + lead, one MiniLM pass;
NeuS 500+ are embedded here alone and cached under --vectors-cache, the others read from the
annotation cache) times a 384 x 384 map ``W`` started at the identity. Loss, per set: for each
article, each of its same-story articles against the ``HARD`` nearest different-story articles of
its set under the current map (re-mined every ``REMINE`` steps), softmax at temperature ``TAU``
(multi-positive InfoNCE), sets weighted by ``SET_WEIGHTS``; plus ``REG`` x ||W - I||^2 so that the
map stays a correction of MiniLM, not a new space fit to three sets. Adam, full batch, torch on
the CPU (training only; inference is numpy). Every ``CHECK`` steps the validation parts are
scored by pair average precision (all within-set pairs ranked by the learned cosine); the step
with the best lowest-over-sets AP is kept. The mapped cosine is then put on the raw cosine's
scale (mean and standard deviation over the training pairs: ``offset``, ``scale``), and
``--write`` stores ``W`` (float16), ``offset``, ``scale`` in
src/newsprism/cluster/data/pair_adapter.npz. How much of the scaffold's raw cosine it replaces
(``index.STORY_WEIGHTS["learned"]``) is chosen on the validation parts by story B-cubed F1 with
``--mix`` (bench/RESULTS.md, "Issue 12, cluster-7").

Seeded (``SEED``): the same command gives the same weights on the same machine.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchkit  # noqa: E402  (bench scripts are run as files)
import clustering  # noqa: E402
from clustering import DEFAULT_CACHE, annotate_cached, quick_score, read_docs, to_article  # noqa: E402
from clustering_sets import NEUS_HELD_STORIES, _article  # noqa: E402
from train_link_model import basil_parts  # noqa: E402

ADAPTER_PATH = benchkit.REPO / "src" / "newsprism" / "cluster" / "data" / "pair_adapter.npz"
NEUS_TRAIN_FROM = 500  # NeuS train stories before this are the link model's (300-499) and validation (0-299)
SEED = 0
TAU = 0.05
HARD = 32  # nearest different-story articles per anchor
REMINE = 20
REG = 0.01  # 1.0: the map hardly moved (NeuS validation pair AP 0.675 -> 0.675); 0.001: ECB+ 0.905 -> 0.878
LR = 5e-3
STEPS = 120
CHECK = 20
SET_WEIGHTS = {"neus": 1.0, "ecb": 1.0, "basil": 0.5}


def _jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def neus_rows(eval_dir: Path) -> tuple[list[dict], list[str]]:
    rows = _jsonl(eval_dir / "neus" / "docs.jsonl.gz")
    topics: list[str] = []
    for row in rows:
        if row["id"].startswith("train-") and row["topic"] not in topics:
            topics.append(row["topic"])
    return rows, topics


def embed_cached(articles, path: Path) -> np.ndarray:
    """The article vectors ``nlp.annotate`` gives (headline + lead, one MiniLM pass), cached."""
    if path.exists():
        with np.load(path) as data:
            if list(data["ids"]) == [a.id for a in articles]:
                return np.asarray(data["vectors"], dtype=np.float32)
    from newsprism.nlp.language import Language, _article_text_for_embedding

    language = Language()
    parts = []
    for start in range(0, len(articles), 256):
        parts.append(np.asarray(language.embed([_article_text_for_embedding(a) for a in articles[start:start + 256]]),
                                dtype=np.float32))
        print(f"  embedded {start + 256}/{len(articles)}", file=sys.stderr, flush=True)
    vectors = np.concatenate(parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, vectors=vectors, ids=np.array([a.id for a in articles]))
    return vectors


def load_parts(eval_dir: Path, cache: Path, vectors_cache: Path) -> dict[str, dict[str, tuple[list[dict], list, list]]]:
    """{"train" | "val": {set: (gold docs, articles, annotations or None)}}; NeuS train articles
    come with vectors only (``vectors`` key in the returned docs' place: see ``vectors_of``)."""
    out: dict[str, dict[str, tuple[list[dict], list, list]]] = {"train": {}, "val": {}}
    ecb = read_docs(eval_dir)
    for part, parity in (("train", 1), ("val", 0)):
        docs = [d for d in ecb if int(d["topic"]) % 2 == parity]
        articles = [to_article(d, False) for d in docs]
        out[part]["ecb"] = (docs, articles, annotate_cached(articles, cache))
    rows, topics = neus_rows(eval_dir)
    for part, chosen in (("train", topics[NEUS_TRAIN_FROM:]), ("val", topics[:NEUS_HELD_STORIES])):
        keep = set(chosen)
        docs = [r for r in rows if r["topic"] in keep]
        articles = [_article(r["id"], r["title"], r["text"]) for r in docs]
        annotations = [] if part == "train" else annotate_cached(articles, cache)
        out[part]["neus"] = (docs, articles, annotations)
    for part, (docs, articles) in basil_parts(eval_dir).items():
        out[part]["basil"] = (docs, articles, annotate_cached(articles, cache))
    docs, articles, _ = out["train"]["neus"]
    out["train"]["neus"] = (docs, articles, [embed_cached(articles, vectors_cache / "neus_train_vectors.npz")])
    return out


def vectors_of(annotations) -> np.ndarray:
    if len(annotations) == 1 and isinstance(annotations[0], np.ndarray):
        return _unit(annotations[0])
    return _unit(np.stack([np.asarray(a.vector, dtype=np.float32) for a in annotations]))


def labels_of(docs: list[dict]) -> np.ndarray:
    names: dict[str, int] = {}
    return np.array([names.setdefault(str(d["topic"]), len(names)) for d in docs])


def pair_ap(sims: np.ndarray, labels: np.ndarray) -> float:
    """Average precision of same-story pairs among all pairs ranked by similarity."""
    upper = np.triu_indices(len(labels), 1)
    scores = sims[upper]
    same = (labels[:, None] == labels[None, :])[upper]
    order = np.argsort(-scores, kind="stable")
    hits = same[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].mean()) if hits.any() else 0.0


def train(sets: dict[str, tuple[np.ndarray, np.ndarray]], val: dict[str, tuple[np.ndarray, np.ndarray]],
          steps: int = STEPS, reg: float = REG, tau: float = TAU, hard: int = HARD) -> tuple[np.ndarray, list]:
    """The map with the best lowest-over-sets validation pair AP, and the log of checks."""
    import torch

    torch.manual_seed(SEED)
    dim = next(iter(sets.values()))[0].shape[1]
    weight = torch.eye(dim, requires_grad=True)
    optimiser = torch.optim.Adam([weight], lr=LR)
    tensors = {name: (torch.from_numpy(v), torch.from_numpy(lab)) for name, (v, lab) in sets.items()}
    pairs = {}
    for name, (_, labels) in tensors.items():
        same = (labels[:, None] == labels[None, :]) & ~torch.eye(len(labels), dtype=torch.bool)
        pairs[name] = same.nonzero(as_tuple=True)
    mined: dict[str, torch.Tensor] = {}
    log = []
    best = (-1.0, weight.detach().clone(), 0)

    def mine(name: str) -> None:
        vectors, labels = tensors[name]
        with torch.no_grad():
            mapped = torch.nn.functional.normalize(vectors @ weight, dim=1)
            sims = mapped @ mapped.T
            sims[labels[:, None] == labels[None, :]] = -9.0
            mined[name] = sims.topk(min(hard, len(labels) - 1), dim=1).indices

    def check(step: int) -> None:
        nonlocal best
        matrix = weight.detach().numpy()
        aps = {name: pair_ap(_unit(v @ matrix) @ _unit(v @ matrix).T, lab) for name, (v, lab) in val.items()}
        low = min(aps.values())
        log.append((step, aps))
        print(f"  step {step}: val pair AP " + " ".join(f"{n} {a:.4f}" for n, a in aps.items()), file=sys.stderr,
              flush=True)
        if low > best[0]:
            best = (low, weight.detach().clone(), step)

    check(0)
    for step in range(1, steps + 1):
        if step % REMINE == 1 or not mined:
            for name in tensors:
                mine(name)
        optimiser.zero_grad()
        loss = reg * ((weight - torch.eye(dim)) ** 2).sum()
        for name, (vectors, _) in tensors.items():
            mapped = torch.nn.functional.normalize(vectors @ weight, dim=1)
            negatives = (mapped[:, None, :] * mapped[mined[name]]).sum(-1) / tau  # n x hard
            anchors, partners = pairs[name]
            positive = (mapped[anchors] * mapped[partners]).sum(-1) / tau
            logits = torch.cat([positive[:, None], negatives[anchors]], dim=1)
            loss = loss + SET_WEIGHTS[name] * torch.nn.functional.cross_entropy(
                logits, torch.zeros(len(anchors), dtype=torch.long))
        loss.backward()
        optimiser.step()
        if step % CHECK == 0:
            check(step)
    print(f"  kept step {best[2]} (lowest val pair AP {best[0]:.4f})", file=sys.stderr)
    return best[1].numpy(), log


def calibrate(matrix: np.ndarray, sets: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
    """(offset, scale) so that offset + scale x mapped cosine has the raw cosine's mean and
    standard deviation over all within-set training pairs."""
    raw, mapped = [], []
    for vectors, _ in sets.values():
        upper = np.triu_indices(len(vectors), 1)
        raw.append((vectors @ vectors.T)[upper])
        adapted = _unit(vectors @ matrix)
        mapped.append((adapted @ adapted.T)[upper])
    r, m = np.concatenate(raw), np.concatenate(mapped)
    scale = float(r.std() / m.std())
    return float(r.mean() - scale * m.mean()), scale


def mix_check(parts, mixes: list[float]) -> None:
    """Story / event B-cubed F1 on the validation parts with ``learned`` = each of ``mixes``
    taken from the scaffold's cosine weight (``index.STORY_WEIGHTS``' raw + learned)."""
    from newsprism.cluster import StoryIndex
    from newsprism.cluster.index import STORY_WEIGHTS

    for mix in mixes:
        weights = dict(STORY_WEIGHTS)
        weights["raw"] = round(weights["raw"] + weights.get("learned", 0.0) - mix, 4)
        weights["learned"] = mix
        scores = {}
        for name, (docs, articles, annotated) in parts.items():
            index = StoryIndex(story_weights=weights)
            for article, annotation in zip(articles, annotated):
                index.add(article, annotation)
            scores[name] = quick_score({a.article_id: (a.story_id, a.event_id) for a in index.consolidate()}, docs)
        print(f"mix {mix}: " + " ".join(f"{n} {s[0]:.4f} / {s[1]:.4f}" for n, s in scores.items()), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=benchkit.EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="annotation cache (bench/clustering.py)")
    parser.add_argument("--vectors-cache", type=Path, default=DEFAULT_CACHE, help="NeuS train vectors")
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--reg", type=float, default=REG)
    parser.add_argument("--write", action="store_true", help="store the adapter in the package")
    parser.add_argument("--mix", default="", help="comma-separated learned weights to score on validation")
    args = parser.parse_args(argv)
    clustering.SCORER = clustering._scorer(args.eval)
    started = time.process_time()
    parts = load_parts(args.eval, args.cache, args.vectors_cache)
    train_sets = {n: (vectors_of(ann), labels_of(docs)) for n, (docs, _, ann) in parts["train"].items()}
    val_sets = {n: (vectors_of(ann), labels_of(docs)) for n, (docs, _, ann) in parts["val"].items()}
    if args.steps:
        matrix, _ = train(train_sets, val_sets, steps=args.steps, reg=args.reg)
        offset, scale = calibrate(matrix, train_sets)
        print(f"offset {offset:.4f} scale {scale:.4f}; {time.process_time() - started:.0f} CPU-s", file=sys.stderr)
        if args.write:
            np.savez_compressed(ADAPTER_PATH, map=matrix.astype(np.float16), offset=np.float64(offset),
                                scale=np.float64(scale))
    if args.mix:
        mix_check(parts["val"], [float(m) for m in args.mix.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
