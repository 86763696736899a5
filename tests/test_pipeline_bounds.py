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


def test_pipeline_unparseable_url_hint_does_not_stop_the_batch(tmp_path):
    import json

    prose = "Officials said the talks were productive and long. " * 20
    lines = [json.dumps({"url": "http://[oops/x", "text": prose}), json.dumps({"text": prose.replace("long", "short")})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    store = SQLiteStore(tmp_path / "c.db")
    report = ingest(store, [str(tmp_path / "a.jsonl")])
    assert len(report.ingested) == 2 and not report.failures
    assert all("\n" not in str(f) for f in report.failures)
    store.close()
