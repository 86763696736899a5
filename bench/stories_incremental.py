"""Stories added in chunks through the kept story index (``cluster.stored``) against one batch run,
from the story features a stream's store keeps: no parse, so it runs in minutes.

    python bench/stories_incremental.py STORE.db [--first 6000] [--n 14000] [--chunk 1000] [--features cluster-5]

``STORE.db``: a store ``bench/stream_scale.py --db`` left (copied first; the copy is changed).
The first ``--first`` articles (arrival order) are clustered in one batch run and kept; the rest
up to ``--n`` are added ``--chunk`` at a time as ``newsprism analyze`` adds them (``update``,
saving what changed); then all ``--n`` are clustered in one batch run. Prints the CPU seconds of
each incremental run and of the final batch run, and the B-cubed precision, recall and F1 of the
incremental stories and events against the batch ones.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from stream_vs_batch import print_agreement


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--first", type=int, default=6000)
    parser.add_argument("--n", type=int, default=14000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--features", default=None,
                        help="the CLUSTER_VERSION the store's features were kept under (default the current)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.analysis import _arrival_order, _View
    from newsprism.cluster import CLUSTER_VERSION, StoryIndex, stories
    from newsprism.cluster import stored as kept
    from newsprism.nlp import Language
    from newsprism.store import SQLiteStore

    with tempfile.TemporaryDirectory(prefix="newsprism-stories-") as folder:
        db = Path(folder) / "copy.db"
        with sqlite3.connect(args.db) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
        store = SQLiteStore(str(db))
        version = kept.index_version(args.features or CLUSTER_VERSION, Language(vectors="static").version)
        have = store.indexed_ids(kept.KIND, version)
        heads = sorted((a for a in store.articles(text=False) if a.is_article and a.id in have),
                       key=_arrival_order)[:args.n]
        feats = kept.stored_features(store, heads, {}, version=version)
        index = StoryIndex()
        for a in heads[:args.first]:
            index.add_features(feats[a.id])
        built = stories(index, heads[:args.first], [])
        store.save_analysis([], [], index.assignments(), built, ranked=True)
        kept.save_state(store, index, version, (len(built), sum(len(s.events) for s in built)))
        spent = []
        for start in range(args.first, len(heads), args.chunk):
            cpu = time.process_time()
            change = kept.update(store, [feats[a.id] for a in heads[start:start + args.chunk]], version, StoryIndex())
            rebuilt = stories(_View(change.groups), heads, [])  # type: ignore[arg-type]
            store.update_analysis([], [], change.assignments, rebuilt, drop_stories=change.dropped)
            spent.append(time.process_time() - cpu)
        incremental = store.assignments()
        cpu = time.process_time()
        index = StoryIndex()
        for a in heads:
            index.add_features(feats[a.id])
        batch = {x.article_id: x for x in index.consolidate()}
        batch_cpu = time.process_time() - cpu
        print(f"{len(heads):,} articles: batch on {args.first:,}, then {len(spent)} incremental runs of "
              f"{args.chunk:,}: CPU s " + " ".join(f"{s:.1f}" for s in spent) + f"; one batch run over all {batch_cpu:.1f}")
        print_agreement(incremental, batch)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
