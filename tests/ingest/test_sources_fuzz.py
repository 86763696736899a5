"""Fuzz the ingest entry points (read_inputs, and pipeline.ingest into a store) with whole input
files built from fragments that once broke a parser: never a traceback, every failure one line
naming its input, everything stored readable back. Bounded for CI (NEWSPRISM_FUZZ_EXAMPLES, default
25); bench/robustness.py runs the same strategies for minutes."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import httpx
from fuzz_inputs import input_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.model import Failure
from newsprism.pipeline import ingest
from newsprism.store import SQLiteStore

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "25"))


def ingest_files(files: list[tuple[str, bytes]]) -> None:
    """Write ``files`` to a fresh folder and ingest it; assert the batch held together."""
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404)))
    with tempfile.TemporaryDirectory(prefix="newsprism-fuzz-") as tmp:
        folder = Path(tmp, "pile")
        folder.mkdir()
        for number, (suffix, data) in enumerate(files):
            (folder / f"f{number}{suffix}").write_bytes(data)
        store = SQLiteStore(Path(tmp, "fuzz.db"))
        try:
            report = ingest(store, [str(folder)], allow_private=True, max_bytes=200_000, client=client)
            for failure in report.failures:
                assert isinstance(failure, Failure)
                assert "\n" not in str(failure) and "\r" not in str(failure)
                assert failure.source.startswith(str(folder))
                failure.source.encode("utf-8")
            assert store.count() == len(report.ingested)
            for article in store.articles():
                article.text.encode("utf-8")
        finally:
            store.close()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(files=st.lists(input_file(), min_size=1, max_size=4))
def test_sources_fuzzed_files_never_break_a_batch(files):
    ingest_files(files)
