"""How far the stories an incremental stream kept are from one batch run over the same articles.

    python bench/stream_vs_batch.py STORE.db

``STORE.db``: a store that ``bench/stream_scale.py --db`` left, analysed in chunks (a batch run,
then incremental runs: ``cluster.stored``). Reads its stored assignments (the incremental answer),
then clusters every article once from the story features kept in the store
(``analysis.stored_cluster``: the batch answer, what ``newsprism analyze`` gives a fresh pile) and
prints the B-cubed precision, recall and F1 of the stored stories and events against the batch
ones, and the counts. The store is read only (the batch answer is not saved).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def b_cubed(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``found`` (item -> cluster) against ``truth``."""
    def members(labels: dict[str, str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for item, label in labels.items():
            out.setdefault(label, set()).add(item)
        return {item: out[label] for item, label in labels.items()}

    a, b = members(found), members(truth)
    items = [i for i in truth if i in found]
    precision = sum(len(a[i] & b[i]) / len(a[i]) for i in items) / len(items)
    recall = sum(len(a[i] & b[i]) / len(b[i]) for i in items) / len(items)
    return precision, recall, 2 * precision * recall / (precision + recall)


def print_agreement(incremental: dict, batch: dict) -> None:
    """Stories and events B-cubed of the incremental assignments (article id -> Assignment)
    against the batch ones, over the articles both hold."""
    for name, field in (("stories", "story_id"), ("events", "event_id")):
        p, r, f = b_cubed({i: getattr(x, field) for i, x in incremental.items() if i in batch},
                          {i: getattr(x, field) for i, x in batch.items()})
        print(f"{name}: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f} (incremental against batch)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n")[0])
    parser.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.analysis import _arrival_order, stored_cluster
    from newsprism.nlp import Language
    from newsprism.store import SQLiteStore

    store = SQLiteStore(str(args.db))
    version = Language(vectors="static").version
    articles = sorted((a for a in store.articles() if a.is_article), key=_arrival_order)
    stored = store.assignments()
    cpu = time.process_time()
    assignments, stories = stored_cluster(store, articles, {}, store.provenance_groups(), version)
    spent = time.process_time() - cpu
    batch = {a.article_id: a for a in assignments}
    kept = store.stories()
    print(f"{len(articles):,} articles; stories kept {len(kept):,}, batch {len(stories):,}; "
          f"batch clustering {spent:.1f} CPU s", file=sys.stderr)
    print_agreement(stored, batch)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
