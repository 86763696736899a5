"""The SQLite store: migrations, round trips, dedup lookups, search, atomic writes."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.model import Article, Block, RawArticle, RemovedLine
from newsprism.store import SQLiteStore
from newsprism.store.migrations import MIGRATIONS

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
maybe = st.none() | text


def make_article(article_id: str = "a" * 16, body: str = "Body text.", **fields) -> Article:
    base = dict(id=article_id, source="x.txt", url=None, canonical_url=None, headline="H", outlet=None,
                byline=None, dateline=None, published=None, wire=None, language="en", text=body,
                blocks=(Block(text=body),), removed=(), captions=(), provenance={}, stage_versions={})
    base.update(fields)
    return Article(**base)


def make_raw(body: str = "raw body", url: str | None = None) -> RawArticle:
    return RawArticle(source="x.txt", kind="text", body=body, url=url)


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "t.db")
    yield s
    s.close()


def test_store_records_migrations_once(tmp_path):
    path = tmp_path / "m.db"
    SQLiteStore(path).close()
    SQLiteStore(path).close()
    names = [row[0] for row in sqlite3.connect(path).execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]


def test_store_uses_wal(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(headline=maybe, outlet=maybe, body=text.filter(str.strip), removed=st.lists(text, max_size=3),
       provenance=st.dictionaries(st.sampled_from(["headline", "outlet", "published"]), text, max_size=3))
def test_store_round_trips_what_it_writes(tmp_path_factory, headline, outlet, body, removed, provenance):
    store = SQLiteStore(tmp_path_factory.mktemp("rt") / "r.db")
    article = make_article(headline=headline, outlet=outlet, text=body, blocks=(Block(text=body, line=3),),
                           removed=tuple(RemovedLine(text=t, reason="footer") for t in removed),
                           captions=tuple(removed), provenance=provenance)
    raw = make_raw(body)
    store.add(raw, article)
    assert store.get(article.id) == article
    assert list(store.articles()) == [article]
    assert store.raw(article.id) == raw
    store.close()


def test_store_finds_duplicates_by_hash_or_canonical_url(store):
    store.add(make_raw(), make_article(canonical_url="https://example.com/a"))
    assert store.find_duplicate("a" * 16, None) == "a" * 16
    assert store.find_duplicate("b" * 16, "https://example.com/a") == "a" * 16
    assert store.find_duplicate("b" * 16, "https://example.com/b") is None


def test_store_failed_write_leaves_nothing_half_written(store):
    store.add(make_raw("one"), make_article("1" * 16))
    with pytest.raises(sqlite3.IntegrityError):
        store.add(make_raw("two"), make_article("1" * 16))  # same id: the whole write rolls back
    assert store.count() == 1
    assert store.conn.execute("SELECT count(*) FROM raw").fetchone()[0] == 1


def test_store_search_treats_query_as_words_not_syntax(store):
    store.add(make_raw(), make_article(body="Blinken met Wang Yi in Beijing.", text="Blinken met Wang Yi in Beijing."))
    assert [a.id for a in store.search("wang beijing")] == ["a" * 16]
    assert store.search('NEAR( "x') == []
    assert store.search("'; DROP TABLE articles; --") == []
    assert store.count() == 1


def test_store_get_accepts_unique_prefix(store):
    store.add(make_raw(), make_article("abcdef0123456789"))
    assert store.get("abcd").id == "abcdef0123456789"
    assert store.get("abc") is None
    assert store.get("%") is None


def test_store_round_trips_annotations(store):
    import numpy as np

    from newsprism.model import Annotation, Entity, Span

    store.add(make_raw(), make_article())
    vectors = np.random.default_rng(0).random((2, 4), dtype=np.float32)
    annotation = Annotation(article_id="a" * 16, version="v1",
                            sentences=(Span(text="One.", start=0, end=4), Span(text="Two.", start=5, end=9)),
                            entities=(Entity(text="Blinken", label="PERSON", start=0, end=7),),
                            sentence_vectors=vectors, vector=vectors[0])
    store.save_annotations([annotation])
    [back] = store.annotations("v1").values()
    assert back.sentences == annotation.sentences and back.entities == annotation.entities
    assert np.array_equal(back.sentence_vectors, vectors) and np.array_equal(back.vector, vectors[0])
    assert store.annotations("v2") == {}


def test_store_extractions_are_cached_per_stage_and_version(store):
    store.add(make_raw(), make_article())
    store.save_extractions("quotes", "q1", {"a" * 16: [{"text": "We will go.", "start": 0, "end": 11}]})
    assert store.extractions("quotes", "q1") == {"a" * 16: [{"text": "We will go.", "start": 0, "end": 11}]}
    assert store.extractions("quotes", "q2") == {}
    assert store.extractions("claims") == {}
    store.save_extractions("quotes", "q2", {"a" * 16: []})  # a new version replaces the old one
    assert store.extractions("quotes") == {"a" * 16: []}


def test_store_round_trips_stories_with_article_flags(store):
    from newsprism.model import Event, EventArticle, Story

    event = Event(id="e1", title="Storm", start="2024-03-01", end="2024-03-02",
                  articles=(EventArticle(id="a1", role="report"),
                            EventArticle(id="a2", role="preview", flags=("no-date", "short"))))
    story = Story(id="s1", title="Storm", articles=("a1", "a2"), outlets=("X",), independent_sources=2,
                  start="2024-03-01", end="2024-03-02", events=(event,))
    store.save_analysis([], [], [], [story])
    [back] = store.stories()
    assert back == story
    assert back.events[0].articles[1].flags == ("no-date", "short")
