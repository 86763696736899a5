"""``analyze --workers N`` (a local process pool) and ``--dask local`` store exactly what one process
stores, on the seeds cut into batches of two articles (so that several workers get work)."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from newsprism import parallel
from testkit import EXAMPLES, dump


def analyzed(tmp_path: Path, name: str, language, **where) -> dict[str, list[tuple]]:
    path = tmp_path / f"{name}.db"
    with newsprism.open(path) as corpus:
        corpus.ingest(EXAMPLES)
        report = corpus.analyze(language, **where)
    assert report.annotated == 5 and report.quotes > 0 and report.claims > 0
    return dump(path)


@pytest.fixture(scope="module")
def small_batches():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "ANNOTATE_BATCH", 2)  # 5 seeds -> 3 batches
        yield


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, language, small_batches):
    return analyzed(tmp_path_factory.mktemp("one"), "one", language)


def test_workers_store_what_one_process_stores(tmp_path, language, small_batches, one_process):
    pooled = analyzed(tmp_path, "pool", language, workers=2)
    assert pooled.keys() == one_process.keys()
    for table in one_process:
        assert pooled[table] == one_process[table], table


def test_dask_local_cluster_stores_what_one_process_stores(tmp_path, language, small_batches, one_process):
    pytest.importorskip("distributed")
    on_dask = analyzed(tmp_path, "dask", language, workers=2, dask="local")
    for table in one_process:
        assert on_dask[table] == one_process[table], table
