"""Train the learned story link (``newsprism.cluster.link_model``) on three real sets at once.

    python bench/train_link_model.py [--eval DIR] [--cache DIR] [--write]

Splits (gold labels are the sets' own; texts read from ../shared/eval, never copied):

- train: ECB+ odd topics, text only (as ``bench/clustering_sets.py``) and as given (title and
  date lines kept: the title becomes the headline); NeuS AllSides train
  stories 300-499 in file order (600 undated headline + lead texts); BASIL held-apart half (odd
  positions of the sorted triplet ids), its first 14 triplets.
- validation (the choice among the best train settings): ECB+ even topics (both forms); NeuS train stories 0-299 (``clustering_sets.py
  --held-apart``'s NeuS portion); BASIL held-apart half, its last 13 triplets.
- dev (reported by ``bench/clustering_sets.py``, never used here): all of ECB+ (its odd topics
  were trained on: its even topics alone are the clean figure), NeuS ``val``, BASIL dev half.

The link (``link_model.PairModel``) is linear in a few pair features (similarity, how far the
pair stands out from each side's nearest neighbours, how short the texts are, how alike two
headlines are), with the similarity weighing 1, so that the other weights read as shifts of the
link. Found by direct search: every setting of the grids below is scored over the three sets'
train parts by the lowest of issue 12's figures (story B-cubed F1; ECB+ counting as the mean of
its two forms, so that a rule that only holds without headlines is not rewarded; BASIL's event
F1) plus a tenth of their mean (``objective``; less any shortfall of ECB+ text-only story F1
below 0.95 or event F1 below 0.93), the ``TOP`` best are scored the same way
on the validation parts, and the best there is kept. (A logistic regression over pair log-loss
was tried first: its pair odds did not order clusterings well; bench/RESULTS.md.) ``--write``
stores the setting, with its train and validation figures, in
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
# Grids (each setting: margin = sum of weight x feature, link_model.pair_features; sim weighs 1).
# Scaffold: (link, weight of the headline cosine, the cosine at which it is neutral, weight of the
# standout while both clusters are small: ``similarity.small_group_linkage``). Standout, short and
# standout x short as pair features were searched before and not kept at this stage
# (bench/RESULTS.md).
SCAFFOLD_GRID = ([0.28, 0.30, 0.32, 0.35], [0.0, 0.4, 0.8], [0.3, 0.4], [0.0, 1.0, 2.0])
# Events: (link, weight of standout, weight of short, weight of small x short: both events of
# fewer than ``link_model.SMALL`` short texts).
EVENTS_GRID = ([0.24, 0.30, 0.36], [0.5, 1.0], [0.0, -0.2, -0.5, -1.0], [0.0, -0.5, -1.0])
ECB_EVENT_FLOOR = 0.93  # issue 12: ECB+ event F1 >= 0.93
# issue 12: ECB+ text-only story F1 >= 0.95. Without this floor the validation choice among the
# best train settings followed BASIL's 13 validation triplets (one link = 0.04) and took an
# events link that costs ECB+ validation 0.949 -> 0.931 (bench/RESULTS.md).
ECB_STORY_FLOOR = 0.95
TOP = 8  # best train settings checked on validation
# The objective's tie-break: the mean of the sets' figures counts this much beside the lowest.
# (The mean alone, as before, chose events without the short penalty: validation ECB+ 0.982 and
# NeuS 0.885, where the lowest-first choice keeps NeuS higher; bench/RESULTS.md.)
MEAN_SHARE = 0.1


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
        out[part]["ecb-given"] = (docs, [to_article(d, True) for d in docs])
    rows = _jsonl(eval_dir / "neus" / "docs.jsonl.gz")
    topics: list[str] = []
    for row in rows:
        if row["id"].startswith("train-") and row["topic"] not in topics:
            topics.append(row["topic"])
    for part, chosen in (("train", topics[NEUS_TRAIN[0]:NEUS_TRAIN[1]]), ("val", topics[:NEUS_HELD_STORIES])):
        keep = set(chosen)
        docs = [r for r in rows if r["topic"] in keep]
        out[part]["neus"] = (docs, [_article(r["id"], r["title"], r["text"]) for r in docs])
    for part, (docs, articles) in basil_parts(eval_dir).items():
        out[part]["basil"] = (docs, articles)
    return out


def basil_parts(eval_dir: Path) -> dict[str, tuple[list[dict], list]]:
    """{"train" | "val": (gold docs, articles)} of BASIL's held-apart half (odd positions of the
    sorted triplet ids): its first ``BASIL_TRAIN_TRIPLETS`` triplets train, the rest validate."""
    basil = _jsonl(eval_dir / "basil" / "articles.jsonl.gz")
    held = sorted({r["topic"] for r in basil})[1::2]
    out = {}
    for part, chosen in (("train", held[:BASIL_TRAIN_TRIPLETS]), ("val", held[BASIL_TRAIN_TRIPLETS:])):
        keep = set(chosen)
        picked = sorted((r for r in basil if r["topic"] in keep), key=lambda r: r["id"])
        docs = [{"id": r["id"], "topic": r["topic"], "subtopic": r["topic"]} for r in picked]
        out[part] = (docs, [_article(r["id"], r["title"], r["text"], r.get("published"), r.get("outlet")) for r in picked])
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


def search(indexes, parts) -> list[tuple[float, dict, dict]]:
    """Every grid setting's (objective, model dict, {set: (story F1, event F1)}) over ``parts``:
    for each scaffold setting the events are clustered once per set, then every events setting
    links them (cheap)."""
    from itertools import product

    from newsprism.cluster.link_model import from_dict
    from newsprism.cluster.linking import link_events

    out = []
    for link_s, headline_s, neutral_s, small_s in product(*SCAFFOLD_GRID):
        if not headline_s and neutral_s != SCAFFOLD_GRID[2][0]:
            continue  # without the headline term its neutral point does not matter
        scaffold = {"weights": {"bias": -link_s, "sim": 1.0, "headline": headline_s,
                                "headlined": round(-headline_s * neutral_s, 4), "standout_small": small_s},
                    "cut": 0.0}
        batches = {}
        for name, index in indexes.items():
            index.link_model = from_dict({"scaffold": scaffold, "events": scaffold})
            index._view = None
            batches[name] = index.events()
        print(f"  scaffold {scaffold['weights']}", file=sys.stderr, flush=True)
        for link_e, standout_e, short_e, small_e in product(*EVENTS_GRID):
            setting = {"scaffold": scaffold,
                       "events": {"weights": {"bias": -link_e, "sim": 1.0, "standout": standout_e, "short": short_e,
                                              "small_short": small_e},
                                  "cut": 0.0}}
            model = from_dict(setting)
            scores = {}
            for name, (events, alone, centre, lead_idf) in batches.items():
                labels = link_events(events, centre, alone=alone, lead_idf=lead_idf, model=model.events)
                pred = {}
                for k, (group, label) in enumerate(zip(events, labels)):
                    for f in group:
                        pred[f.id] = (f"s{label}", f"e{k}")
                scores[name] = quick_score(pred, parts[name][0])
            out.append((objective(scores), setting, scores))
    return out


def objective(scores: dict[str, tuple[float, float]]) -> float:
    """Issue 12's figures, one per set: story B-cubed F1 (ECB+ as the mean of text only and as
    given; BASIL: event F1, its bar); the lowest of them plus ``MEAN_SHARE`` x their mean (the
    bar is every set at once: a setting that lifts the weakest set wins over one that lifts the
    mean), less any shortfall of ECB+ text-only story F1 below 0.95 and event F1 below 0.93
    (issue 12's floors)."""
    figures = {name: value[1] if name == "basil" else value[0] for name, value in scores.items()}
    if "ecb-given" in figures:
        given = figures.pop("ecb-given")
        figures["ecb"] = (figures["ecb"] + given) / 2 if "ecb" in figures else given
    value = min(figures.values()) + MEAN_SHARE * float(np.mean(list(figures.values())))
    if "ecb" not in scores:
        return value
    return value - max(0.0, ECB_STORY_FLOOR - scores["ecb"][0]) - max(0.0, ECB_EVENT_FLOOR - scores["ecb"][1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=benchkit.EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--write", action="store_true", help="store the model in the package")
    args = parser.parse_args(argv)
    clustering.SCORER = clustering._scorer(args.eval)
    data = splits(args.eval)
    indexes = {part: {name: build_index(arts, annotate_cached(arts, args.cache), None)
                      for name, (_, arts) in sets.items()} for part, sets in data.items()}
    trained = sorted(search(indexes["train"], data["train"]), key=lambda r: -r[0])
    for value, setting, scores in trained[:TOP]:
        print(f"train {value:.4f} {json.dumps(setting)} " + str({n: [round(x, 3) for x in s] for n, s in scores.items()}),
              file=sys.stderr)
    checked = []
    for _, setting, train_scores in trained[:TOP]:
        from newsprism.cluster.link_model import from_dict

        scores = {n: story_f1(indexes["val"][n], data["val"][n][0], from_dict(setting)) for n in data["val"]}
        print(f"val {objective(scores):.4f} " + str({n: [round(x, 3) for x in s] for n, s in scores.items()}),
              file=sys.stderr)
        checked.append((objective(scores), setting, train_scores, scores))
    _, setting, train_scores, scores = max(checked, key=lambda r: r[0])
    result = dict(setting)
    result["train_story_event_f1"] = {n: [round(s[0], 4), round(s[1], 4)] for n, s in train_scores.items()}
    result["validation_story_event_f1"] = {n: [round(s[0], 4), round(s[1], 4)] for n, s in scores.items()}
    result["trained_by"] = "python bench/train_link_model.py --write"
    print(json.dumps(result, indent=1))
    if args.write:
        MODEL_PATH.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
