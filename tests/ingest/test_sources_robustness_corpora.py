"""The shared robustness corpora (feedparser's 2,107 test feeds, 41 WARC/ARC test files) go through
the whole ingest with zero tracebacks: every input an article or a one-line failure naming it, and
no failure from an exception nobody expected. Skipped when ../shared/eval/robustness is absent."""
from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

import httpx
import pytest

from newsprism.pipeline import ingest
from newsprism.store import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = [REPO.parent / "shared" / "eval" / "robustness", REPO.parents[1] / "shared" / "eval" / "robustness"]
CORPORA = next((path for path in CANDIDATES if (path / "feeds.jsonl.gz").exists()), None)
# What the per-input guard writes for an exception no reader turned into a reason of its own.
UNEXPECTED = re.compile(r"^could not \w+: [A-Z]\w*(Error|Exception|Exit)\b")
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}

pytestmark = pytest.mark.skipif(CORPORA is None, reason="../shared/eval/robustness not present")


def write_feeds(corpora: Path, folder: Path) -> int:
    """The feeds of ``feeds.jsonl.gz`` as files (raw bytes), named by line; returns how many."""
    folder.mkdir()
    count = 0
    with gzip.open(corpora / "feeds.jsonl.gz", "rt", encoding="utf-8") as lines:
        for count, line in enumerate(lines, start=1):
            record = json.loads(line)
            suffix = Path(record["filename"]).suffix.lower()
            suffix = suffix if suffix in FEED_SUFFIXES else ".xml"
            (folder / f"{count:05d}{suffix}").write_bytes(base64.b64decode(record["raw_b64"]))
    return count


def test_sources_robustness_corpora_ingest_without_tracebacks(tmp_path):
    written = write_feeds(CORPORA, tmp_path / "feeds")
    assert written > 2000
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(404)))
    store = SQLiteStore(tmp_path / "robust.db")
    try:
        report = ingest(store, [str(tmp_path / "feeds"), str(CORPORA / "warc")], allow_private=True,
                        client=client)
        assert store.count() == len(report.ingested) > 20  # 45 on 2026-12-04: most are duplicates
    finally:
        store.close()
    unexpected = [str(f) for f in report.failures if UNEXPECTED.match(f.reason)]
    assert unexpected == []
    assert all("\n" not in str(f) for f in report.failures)
    named = {f.source.split("#")[0].split(":")[0] for f in report.failures}
    assert all(Path(name).is_relative_to(tmp_path) or Path(name).is_relative_to(CORPORA) for name in named)
