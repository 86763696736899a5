"""Train the learned story link (``newsprism.cluster.link_model``) on three real sets at once.

    python bench/train_link_model.py [--eval DIR] [--cache DIR] [--write]

Splits (gold labels are the sets' own; texts read from ../shared/eval, never copied):

- train: ECB+ odd topics, text only (as ``bench/clustering_sets.py``); NeuS AllSides train
  stories 300-499 in file order (600 undated headline + lead texts); BASIL held-apart half (odd
  positions of the sorted triplet ids), its first 14 triplets.
- validation (the cuts): ECB+ even topics; NeuS train stories 0-299 (``clustering_sets.py
  --held-apart``'s NeuS portion); BASIL held-apart half, its last 13 triplets.
- dev (reported by ``bench/clustering_sets.py``, never used here): all of ECB+ (its odd topics
  were trained on: its even topics alone are the clean figure), NeuS ``val``, BASIL dev half.

Steps: (1) the scaffold model: logistic regression (sklearn, training only) over article pairs of
each train set, features (sim, l, sim * l) with sim = the scaffold similarity (MiniLM 0.6 +
tf-idf 0.4, ``index.STORY_WEIGHTS``) and l = log(1 + min words); each set weighs the same, and
inside it same-story and different-story pairs weigh the same. (2) Its cut: the log-odds grid
value with the best mean story B-cubed F1 over the three validation parts (the full
``StoryIndex``, events linked as before). (3) The events model: the same over pairs of batch
events (``StoryIndex.events``) of the train parts, sim = the lead similarity of
``linking.link_events``, words = an event's mean member length; label = the events' majority
stories agree. (4) Its cut, as (2). ``--write`` stores the weights in
src/newsprism/cluster/data/link_model.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchkit  # noqa: E402  (bench scripts are run as files)
import clustering  # noqa: E402
from clustering import DEFAULT_CACHE, annotate_cached, quick_score, read_docs, to_article  # noqa: E402
from clustering_sets import NEUS_HELD_STORIES, _article  # noqa: E402

MODEL_PATH = benchkit.REPO / "src" / "newsprism" / "cluster" / "data" / "link_model.json"
NEUS_TRAIN = (NEUS_HELD_STORIES, NEUS_HELD_STORIES + 200)  # train stories after the held-apart ones
BASIL_TRAIN_TRIPLETS = 14  # of the 27 held-apart triplets; the other 13 validate
CUTS = [round(-3.0 + 0.5 * i, 2) for i in range(13)]  # log-odds grid for the cuts


def _jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def splits(eval_dir: Path) -> dict[str, dict[str, tuple[list[dict], list]]]:
    """{"train" | "val": {set: (gold docs, articles)}}."""
    out: dict[str, dict[str, tuple[list[dict], list]]] = {"train": {}, "val": {}}
    ecb = read_docs(eval_dir)
    for part, parity in (("train", 1), ("val", 0)):
        docs = [d for d in ecb if int(d["topic"]) % 2 == parity]
        out[part]["ecb"] = (docs, [to_article(d, False) for d in docs])
    rows = _jsonl(eval_dir / "neus" / "docs.jsonl.gz")
    topics: list[str] = []
    for row in rows:
        if row["id"].startswith("train-") and row["topic"] not in topics:
            topics.append(row["topic"])
    for part, chosen in (("train", topics[NEUS_TRAIN[0]:NEUS_TRAIN[1]]), ("val", topics[:NEUS_HELD_STORIES])):
        keep = set(chosen)
        docs = [r for r in rows if r["topic"] in keep]
        out[part]["neus"] = (docs, [_article(r["id"], r["title"], r["text"]) for r in docs])
    basil = _jsonl(eval_dir / "basil" / "articles.jsonl.gz")
    held = sorted({r["topic"] for r in basil})[1::2]
    for part, chosen in (("train", held[:BASIL_TRAIN_TRIPLETS]), ("val", held[BASIL_TRAIN_TRIPLETS:])):
        keep = set(chosen)
        picked = sorted((r for r in basil if r["topic"] in keep), key=lambda r: r["id"])
        docs = [{"id": r["id"], "topic": r["topic"], "subtopic": r["topic"]} for r in picked]
        out[part]["basil"] = (docs, [_article(r["id"], r["title"], r["text"], r.get("published"), r.get("outlet"))
                                     for r in picked])
    return out


def build_index(articles, annotations, model):
    from newsprism.cluster import StoryIndex

    index = StoryIndex(link_model=model)
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    return index


def story_f1(index, docs: list[dict], model) -> tuple[float, float]:
    """(story, event) B-cubed F1 of the index consolidated afresh under ``model``."""
    index.link_model = model
    index._view = None  # consolidate afresh: the online pass is kept
    pred = {a.article_id: (a.story_id, a.event_id) for a in index.consolidate()}
    return quick_score(pred, docs)


def _fit(rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[float, float, float, float]:
    """Logistic regression over (sims, lengths, labels) of several sets, each set weighing the
    same and, inside it, each class half."""
    from sklearn.linear_model import LogisticRegression

    xs, ys, ws = [], [], []
    for sims, lengths, labels in rows:
        xs.append(np.column_stack([sims, lengths, sims * lengths]))
        ys.append(labels)
        positives = max(1, int(labels.sum()))
        negatives = max(1, int((~labels).sum()))
        ws.append(np.where(labels, 0.5 / positives, 0.5 / negatives))
    x, y, w = np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)
    model = LogisticRegression(C=100.0, max_iter=2000).fit(x, y, sample_weight=w * len(y))
    b1, b2, b3 = model.coef_[0].tolist()
    return float(model.intercept_[0]), b1, b2, b3


def _pairs(sims: np.ndarray, words: list[float], labels: np.ndarray):
    upper = np.triu_indices(len(words), 1)
    counts = np.asarray(words, dtype=np.float64)
    lengths = np.log1p(np.minimum(counts[:, None], counts[None, :]))
    return sims[upper], lengths[upper], labels[upper]


def scaffold_rows(feats, docs):
    from newsprism.cluster import StoryIndex
    from newsprism.cluster.index import STORY_WEIGHTS
    from newsprism.cluster.similarity import similarity

    index = StoryIndex(learned=False)
    for f in feats:
        index.add_features(f)
    sims = similarity(feats, index.term_idf(), index.idf, STORY_WEIGHTS)
    gold = np.asarray([d["topic"] for d in docs])
    return _pairs(sims, [f.words for f in feats], gold[:, None] == gold[None, :])


def event_rows(index, docs):
    from collections import Counter

    from newsprism.cluster.linking import event_similarity

    topic = {d["id"]: d["topic"] for d in docs}
    events, alone, centre, lead_idf = index.events()
    chosen = [e for e, a in zip(events, alone) if not a]
    sims = event_similarity(chosen, centre, lead_idf=lead_idf)
    majority = np.asarray([Counter(topic[f.id] for f in e).most_common(1)[0][0] for e in chosen])
    words = [float(np.mean([f.words for f in e])) for e in chosen]
    return _pairs(sims, words, majority[:, None] == majority[None, :])


def choose_cut(indexes, parts, make) -> tuple[float, dict]:
    best: tuple[float, float, dict] = (-1.0, 0.0, {})
    for cut in CUTS:
        scores = {name: story_f1(indexes[name], parts[name][0], make(cut)) for name in parts}
        mean = float(np.mean([s[0] for s in scores.values()]))
        print(f"  cut {cut:+.2f}: " + ", ".join(f"{n} {s[0]:.3f}/{s[1]:.3f}" for n, s in scores.items())
              + f" mean {mean:.4f}", file=sys.stderr)
        if mean > best[0]:
            best = (mean, cut, scores)
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    from newsprism.cluster.features import features
    from newsprism.cluster.link_model import LinkModel, PairModel
    from newsprism.cluster.linking import LEAD_WORDS_LINK

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=benchkit.EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--write", action="store_true", help="store the model in the package")
    args = parser.parse_args(argv)
    clustering.SCORER = clustering._scorer(args.eval)
    data = splits(args.eval)
    annotated = {part: {name: annotate_cached(arts, args.cache) for name, (_, arts) in sets.items()}
                 for part, sets in data.items()}
    feats = {part: {name: [features(a, n) for a, n in zip(data[part][name][1], annotated[part][name])]
                    for name in sets} for part, sets in data.items()}

    # (1) scaffold weights; events linked as before meanwhile (sim - LEAD_WORDS_LINK).
    scaffold_w = _fit([scaffold_rows(feats["train"][n], data["train"][n][0]) for n in data["train"]])
    print(f"scaffold weights {scaffold_w}", file=sys.stderr)
    as_before = PairModel(weights=(-LEAD_WORDS_LINK, 1.0, 0.0, 0.0), cut=0.0)
    val_index = {n: build_index(data["val"][n][1], annotated["val"][n], None) for n in data["val"]}
    scaffold_cut, _ = choose_cut(val_index, data["val"], lambda cut: LinkModel(
        scaffold=PairModel(weights=scaffold_w, cut=cut), events=as_before))
    scaffold = PairModel(weights=scaffold_w, cut=scaffold_cut)
    print(f"scaffold cut {scaffold_cut}", file=sys.stderr)

    # (3) events weights over the train parts' events under the chosen scaffold.
    rows = []
    for name in data["train"]:
        index = build_index(data["train"][name][1], annotated["train"][name],
                            LinkModel(scaffold=scaffold, events=as_before))
        rows.append(event_rows(index, data["train"][name][0]))
    events_w = _fit(rows)
    print(f"events weights {events_w}", file=sys.stderr)
    events_cut, scores = choose_cut(val_index, data["val"], lambda cut: LinkModel(
        scaffold=scaffold, events=PairModel(weights=events_w, cut=cut)))
    result = {
        "scaffold": {"weights": list(scaffold_w), "cut": scaffold_cut},
        "events": {"weights": list(events_w), "cut": events_cut},
        "validation_story_event_f1": {n: [round(s[0], 4), round(s[1], 4)] for n, s in scores.items()},
        "trained_by": "python bench/train_link_model.py --write",
    }
    print(json.dumps(result, indent=1))
    if args.write:
        MODEL_PATH.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
