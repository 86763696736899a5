"""The whole foundation pipeline over mixed piles: bad input, re-ingest, crashes, re-cleaning."""
from __future__ import annotations

import gzip
import json

import pytest

import newsprism
from newsprism import pipeline
from testkit import EXAMPLES


def article_html(title: str, n: int = 6) -> str:
    paragraphs = "".join(f"<p>{title}: paragraph {i} says what happened on Tuesday, officials said, "
                         f"and rescue work continued through the night in the town.</p>" for i in range(n))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


def test_pipeline_bad_pile_fails_per_input_and_goes_on(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "good.html").write_text(article_html("Flood in the valley"))
    (pile / "empty.txt").write_text("")
    (pile / "binary.html").write_bytes(bytes(range(256)) * 40)
    (pile / "notext.html").write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    (pile / "dump.jsonl").write_text(json.dumps({"html": article_html("Fire in the hills")}) + "\n{broken\n")
    (pile / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:40])
    with newsprism.open(tmp_path / "n.db") as corpus:
        report = corpus.ingest(pile)
        headlines = sorted(a.headline for a in corpus.articles())
    assert headlines == ["Fire in the hills", "Flood in the valley"]
    failed = {f.source.split("/")[-1]: f.reason for f in report.failures}
    assert set(failed) >= {"empty.txt", "binary.html", "notext.html", "dump.jsonl:2"}
    assert any(name.startswith("cut.jsonl.gz") for name in failed)
    assert "no article text" in failed["notext.html"]
    for failure in report.failures:
        assert "\n" not in str(failure) and str(failure).startswith(failure.source)


def test_pipeline_reingest_and_copies_store_once(tmp_path):
    page = article_html("Quake hits coast")
    (tmp_path / "a.html").write_text(page)
    (tmp_path / "b.html").write_text(page.replace("<body>", "<body><nav>Home | World | Sport</nav>"))
    with newsprism.open(tmp_path / "n.db") as corpus:
        first = corpus.ingest(tmp_path / "a.html")
        second = corpus.ingest([tmp_path / "a.html", tmp_path / "b.html"])
        assert len(first.ingested) == 1 and len(second.duplicates) == 2 and len(corpus) == 1


def test_pipeline_crash_mid_batch_keeps_what_was_stored(tmp_path, monkeypatch):
    (tmp_path / "one.html").write_text(article_html("Storm warning"))
    with newsprism.open(tmp_path / "n.db") as corpus:
        corpus.ingest(tmp_path / "one.html")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "process", crash)
    with newsprism.open(tmp_path / "n.db") as corpus, pytest.raises(KeyboardInterrupt):
        corpus.ingest(EXAMPLES)
    monkeypatch.undo()
    with newsprism.open(tmp_path / "n.db") as corpus:
        assert [a.headline for a in corpus.articles()] == ["Storm warning"]
        assert len(corpus.ingest(EXAMPLES).ingested) == 5


def test_pipeline_reclean_keeps_ids_and_restores_edits(tmp_path):
    with newsprism.open(tmp_path / "n.db") as corpus:
        corpus.ingest(EXAMPLES)
        before = {a.id: a for a in corpus.articles()}
        some = next(iter(before.values()))
        corpus.store.conn.execute("UPDATE articles SET headline = 'stale' WHERE id = ?", (some.id,))
        assert corpus.reclean() == 1
        assert {a.id: a for a in corpus.articles()} == before


def test_pipeline_content_id_ignores_typography():
    assert pipeline.content_id("He said \u201cyes\u201d  \u2014 twice.") == pipeline.content_id('he said "yes" - twice.')
