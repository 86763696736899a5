"""Incremental stories against gold stories: one batch run against a first part clustered in a
batch run and the rest added in chunks through the kept story index, on real sets with gold.

    python bench/stories_incremental_gold.py [--eval DIR] [--cache DIR] [--sets ecb,neus]
                                             [--first 0.2,0.5] [--chunk 0.1,0.02] [--seeds 0,1,2,3,4]
                                             [--scaffold K,COS]

Sets as ``bench/clustering_sets.py`` reads them (its loaders and its annotation cache, so no
parse when the cache holds them): ``ecb`` (ECB+ dev, text only; gold story = topic, event =
subtopic) and ``neus`` (NeuS dev leads; gold story = event = the AllSides story).

Each set in two orders: ``arrival`` (``analysis._arrival_order``, as ``analyze`` adds a pile:
both sets are undated here, so the id order: random for ECB+'s hashed ids, story by story for
NeuS's ``val-<story>-<lead>`` ids) and ``shuffled`` (a random order for each of ``--seeds``: the
mean is shown, with the range of story F1). For each order:
(a) one batch run over all articles; (b) for each first part and chunk size (shares of the set),
``analysis.update_stories`` on a temporary SQLite store with the floor not applied
(``incremental_from=0``; ``REBUILD_SHARE`` as shipped): the first part in one batch run, then the
rest a chunk at a time, each an incremental run (``cluster.stored.update``) unless the chunk is at
least the articles placed. Story and event B-cubed P / R / F1 against gold with the shared
scorer (``score.py``'s ``score_clustering``, as the clustering benches), and story B-cubed F1 of
the incremental answer against the batch one.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering import DEFAULT_EVAL, annotate_cached  # noqa: E402  (bench scripts are run as files)
from clustering_sets import load_set  # noqa: E402
from stream_vs_batch import b_cubed  # noqa: E402


def score(scorer, docs: list[dict], pred: dict[str, tuple[str, str]]) -> dict:
    gold = {d["id"]: d for d in docs}
    return scorer.score_clustering(gold, {k: {"id": k, "story": s, "event": e} for k, (s, e) in pred.items()})


def batch(articles, annotations) -> dict[str, tuple[str, str]]:
    from newsprism.analysis import cluster

    assignments, _ = cluster(articles, [annotations[a.id] for a in articles], [])
    return {a.article_id: (a.story_id, a.event_id) for a in assignments}


def incremental(articles, annotations, first: int, chunk: int) -> tuple[dict[str, tuple[str, str]], int, int, float]:
    """(answer, incremental runs, batch runs after the first, CPU s of the incremental runs)."""
    from newsprism.analysis import update_stories
    from newsprism.model import RawArticle
    from newsprism.store import SQLiteStore

    version = next(iter(annotations.values())).version
    with tempfile.TemporaryDirectory(prefix="newsprism-incgold-") as folder:
        store = SQLiteStore(str(Path(folder) / "pile.db"))
        for a in articles:
            store.add(RawArticle(source=a.source, kind="text", body=a.id), a)
        store.save_annotations([annotations[a.id] for a in articles])
        update_stories(store, articles[:first], annotations, [], [], version, incremental_from=0)
        runs = rebuilds = 0
        cpu = 0.0
        for end in range(first + chunk, len(articles) + chunk, chunk):
            started = time.process_time()
            change = update_stories(store, articles[:min(end, len(articles))], annotations, [], [], version,
                                    incremental_from=0)
            if change.full:
                rebuilds += 1
            else:
                runs += 1
                cpu += time.process_time() - started
        got = {i: (a.story_id, a.event_id) for i, a in store.assignments().items()}
        store.close()
    return got, runs, rebuilds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stories-cache"))
    parser.add_argument("--sets", default="ecb,neus")
    parser.add_argument("--first", default="0.2,0.5", help="first parts (shares of the set), batch")
    parser.add_argument("--chunk", default="0.1,0.02", help="chunk sizes (shares of the set), incremental")
    parser.add_argument("--scaffold", default="",
                        help="K,COS: override cluster.stored's SCAFFOLD_CANDIDATES and SCAFFOLD_NEAR for this run")
    parser.add_argument("--seeds", default="0,1,2,3,4", help="random orders (empty: arrival order only)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import clustering

    from newsprism.analysis import _arrival_order

    scorer = clustering._scorer(args.eval)
    if args.scaffold:
        from newsprism.cluster import stored

        k, near = args.scaffold.split(",")
        stored.SCAFFOLD_CANDIDATES, stored.SCAFFOLD_NEAR = int(k), float(near)
    firsts = [float(x) for x in args.first.split(",") if x]
    chunks = [float(x) for x in args.chunk.split(",") if x]
    lines = ["| set | order | run | story B3 P / R / F1 | event B3 P / R / F1 | story F1 vs batch | "
             "incremental runs (CPU s) |", "|---|---|---|---|---|---|---|"]

    def line(name, order, run, results, against, note):
        def mean(key):
            return sum(r[key] for r in results) / len(results)

        spread = ""
        if len(results) > 1:
            f1s = [r["story_bcubed_f1"] for r in results]
            spread = f" ({min(f1s):.3f}-{max(f1s):.3f})"
        lines.append(f"| {name} | {order} | {run} | {mean('story_bcubed_p'):.3f} / {mean('story_bcubed_r'):.3f} / "
                     f"**{mean('story_bcubed_f1'):.3f}**{spread} | {mean('event_bcubed_p'):.3f} / "
                     f"{mean('event_bcubed_r'):.3f} / **{mean('event_bcubed_f1'):.3f}** | {against} | {note} |")
        print(lines[-1], flush=True)

    print("\n".join(lines), flush=True)
    seeds = [int(x) for x in args.seeds.split(",") if x]
    for name in [s for s in args.sets.split(",") if s]:
        docs, articles = load_set(name, args.eval, False)
        annotations = {a.id: n for a, n in zip(articles, annotate_cached(articles, args.cache))}
        orders = [("arrival", [sorted(articles, key=_arrival_order)])]
        if seeds:
            shuffles = []
            for seed in seeds:
                shuffled = list(articles)
                random.Random(seed).shuffle(shuffled)
                shuffles.append(shuffled)
            orders.append((f"shuffled, seeds {args.seeds} (mean; story F1 min-max)", shuffles))
        for order, orderings in orders:
            wholes = [batch(ordered, annotations) for ordered in orderings]
            line(name, order, f"batch, {len(articles)} articles", [score(scorer, docs, w) for w in wholes], "1.000", "-")
            for share in firsts:
                for step in chunks:
                    first, chunk = max(1, round(share * len(articles))), max(1, round(step * len(articles)))
                    results, agreement, runs, rebuilds, cpu = [], [], 0, 0, 0.0
                    for ordered, whole in zip(orderings, wholes):
                        got, n_runs, n_rebuilds, spent = incremental(ordered, annotations, first, chunk)
                        results.append(score(scorer, docs, got))
                        agreement.append(b_cubed({i: s for i, (s, _) in got.items()},
                                                 {i: s for i, (s, _) in whole.items()})[2])
                        runs, rebuilds, cpu = runs + n_runs, rebuilds + n_rebuilds, cpu + spent
                    note = f"{runs // len(orderings)} ({cpu / len(orderings):.1f})"
                    if rebuilds:
                        note += f", {rebuilds / len(orderings):g} rebuilt"
                    line(name, order, f"first {share:.0%} ({first}), chunks of {step:.0%} ({chunk})",
                         results, f"{sum(agreement) / len(agreement):.3f}", note)
    print("\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
