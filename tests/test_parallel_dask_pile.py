"""``analyze --dask local`` on a real 200-article pile stores exactly what one process stores.

The pile is 200 headline + lead items of NeuS (three outlets per story, ../shared/eval/neus), so
that a LocalCluster of two workers gets seven batches of the default size, several stories and
events form, and quotes, claims and loaded words are found. Two full analyses of 200 items take
3-11 minutes on two cores, so the test runs only when asked (``NEWSPRISM_SLOW_TESTS=1``) and where
the evaluation data and Dask are present; every run has the seeds version in
test_parallel_workers_identical.py."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import newsprism
from bench import benchkit
from testkit import dump

PILE = 200
OUTLETS = ("left.example", "center.example", "right.example")  # NeuS ids end in the outlet's side


def neus_docs() -> Path | None:
    eval_dir = benchkit.eval_dir()
    path = eval_dir / "neus" / "docs.jsonl.gz" if eval_dir else None
    return path if path is not None and path.exists() else None


pytestmark = [pytest.mark.skipif(neus_docs() is None, reason="../shared/eval/neus not present"),
              pytest.mark.skipif(os.environ.get("NEWSPRISM_SLOW_TESTS") != "1",
                                 reason="two full analyses of 200 articles: set NEWSPRISM_SLOW_TESTS=1")]


def write_pile(path: Path) -> Path:
    """The first ``PILE`` NeuS items as an ingestable JSONL file (title, text, outlet)."""
    docs_path = neus_docs()
    assert docs_path is not None
    with gzip.open(docs_path, "rt", encoding="utf-8") as docs, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(docs):
            if n == PILE:
                break
            doc = json.loads(line)
            side = int(doc["id"].rsplit("-", 1)[1]) % len(OUTLETS)
            out.write(json.dumps({"title": doc["title"], "text": doc["text"], "outlet": OUTLETS[side],
                                  "url": f"https://{OUTLETS[side]}/{doc['id']}"}) + "\n")
    return path


def analyzed(folder: Path, pile: Path, language, **where) -> dict[str, list[tuple]]:
    folder.mkdir()
    path = folder / "news.db"
    with newsprism.open(path) as corpus:
        stored = len(corpus.ingest(pile).ingested)
        report = corpus.analyze(language, **where)
    assert stored > PILE * 0.9 and report.annotated == stored
    return dump(path)


def test_dask_local_cluster_stores_what_one_process_stores_on_a_real_pile(tmp_path, language):
    pytest.importorskip("distributed")
    pile = write_pile(tmp_path / "pile.jsonl")
    alone = analyzed(tmp_path / "one", pile, language)
    on_dask = analyzed(tmp_path / "dask", pile, language, workers=2, dask="local")
    kinds = {row[0] for row in alone["findings"]}  # the pile gives more than stories: quotes, claims ...
    assert len(alone["stories"]) > 10 and len(kinds) > 3, kinds
    assert on_dask.keys() == alone.keys()
    for table in alone:
        assert on_dask[table] == alone[table], table
