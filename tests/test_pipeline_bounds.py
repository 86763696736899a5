"""A page far past the extractors' size goes in whole within the judged 30 s, its metadata read
from its head."""
from __future__ import annotations

import time

from newsprism.pipeline import ingest
from newsprism.store import SQLiteStore


def test_pipeline_million_paragraph_page_ingests_quickly(tmp_path):
    head = '<head><meta property="og:title" content="A page of many paragraphs"></head>'
    (tmp_path / "p.html").write_text(f"<html>{head}<body>" + "<p>a</p>" * 1_000_000 + "</body></html>")
    store = SQLiteStore(tmp_path / "c.db")
    start = time.monotonic()
    report = ingest(store, [str(tmp_path / "p.html")])
    assert time.monotonic() - start < 30
    assert len(report.ingested) == 1 and not report.failures
    article = store.get(report.ingested[0])
    assert article.headline == "A page of many paragraphs"
    assert any(line.reason == "truncated" for line in article.removed)
    store.close()
