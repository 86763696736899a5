"""The ``Store`` contract: what every backend must do, run against each implementation.

Each backend has its factory in ``FACTORIES`` and passes this suite; nothing above the store layer
needs to change. PostgreSQL runs when ``NEWSPRISM_TEST_PG`` names a server (CI starts one: see
tests/pgkit.py) and is skipped otherwise. Backend-only behaviour (WAL, migrations tables,
concurrency) is tested in test_sqlite.py and test_postgres.py.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import numpy as np
import pytest

from newsprism.claims.coverage import CoverageRow
from newsprism.claims.records import AlignedClaim, ClaimMention
from newsprism.figures.records import AlignedFigure, Figure, FigurePair
from newsprism.findings import KINDS, CitedSentence, CitedSummary, HeadlineAgainst, HeadlineVerdict, StoryFraming
from newsprism.model import (Annotation, Article, Assignment, Block, Entity, Event, EventArticle, GroupMember, IndexEntry,
                             ProvenanceGroup, RawArticle, Relation, Span, Story)
from newsprism.quotes.align import AlignedQuote, QuoteVariant
from newsprism.store import SQLiteStore, Store
from newsprism.watch.records import Alert, FeedState, SeenItem
from pgkit import pg_store


def _sqlite_file(tmp_path: Path) -> AbstractContextManager[Store]:
    return _closing(SQLiteStore(tmp_path / "contract.db"))


def _sqlite_memory(tmp_path: Path) -> AbstractContextManager[Store]:
    return _closing(SQLiteStore(":memory:"))


def _postgres(tmp_path: Path) -> AbstractContextManager[Store]:
    return pg_store()


@contextmanager
def _closing(store: Store) -> Iterator[Store]:
    try:
        yield store
    finally:
        store.close()


# Each backend: a factory from a scratch folder to an empty store, closed (and dropped) on exit.
FACTORIES: list[Callable[[Path], AbstractContextManager[Store]]] = [_sqlite_file, _sqlite_memory, _postgres]


@pytest.fixture(params=FACTORIES, ids=lambda f: f.__name__.lstrip("_"))
def store(request, tmp_path):
    with request.param(tmp_path) as s:
        yield s


def article(aid: str = "a" * 16, body: str = "Blinken met Wang Yi in Beijing.", **fields) -> Article:
    base = dict(id=aid, source="x.txt", url=None, canonical_url=None, headline="H", outlet="Outlet",
                byline=None, dateline=None, published="2024-04-26", wire=None, language="en", text=body,
                blocks=(Block(text=body),), provenance={"outlet": "input"}, stage_versions={"clean": "1"})
    base.update(fields)
    return Article(**base)


def raw(body: str = "raw", url: str | None = None) -> RawArticle:
    return RawArticle(source="x.txt", kind="text", body=body, url=url)


def quote(qid: str, event: str) -> AlignedQuote:
    variant = QuoteVariant(article="a" * 16, text="We will go.", start=0, end=11, speaker="Blinken",
                           speaker_text="he", speaker_start=12, speaker_end=14, cue="said", kind="direct",
                           flags=("partial",))
    return AlignedQuote(id=qid, speaker="Blinken", event=event, variants=(variant,), independent_sources=1,
                        flags=("misattributed",), text="We will go.", reasons=("two speakers",))


def claim(cid: str, event: str, text: str = "The dam failed.") -> AlignedClaim:
    return AlignedClaim(id=cid, event=event, text=text, status="contested", independent_sources=2,
                        carried_by=(ClaimMention(article="a", text=text, start=0, end=5),),
                        contradicted_by=(ClaimMention(article="b", text="It held", start=3, end=10),),
                        details={"numbers": {"a": ["12"]}})


# --- the protocol -----------------------------------------------------------------------------------
def test_contract_store_implements_every_protocol_method(store):
    assert isinstance(store, Store)
    for name, _member in inspect.getmembers(Store, inspect.isfunction):
        if not name.startswith("_"):
            assert callable(getattr(store, name, None)), name


# --- articles ---------------------------------------------------------------------------------------
def test_contract_articles_round_trip_and_count(store):
    a = article()
    store.add(raw(), a)
    assert store.get(a.id) == a and list(store.articles()) == [a] and store.count() == 1
    assert store.raw(a.id) == raw()
    assert store.get("aaaa") == a and store.get("aaa") is None and store.get("%") is None


def test_contract_articles_without_text_keep_metadata_and_flags(store):
    store.add(raw("a"), article("a" * 16, published="2024-04-01", outlet="X", flags=("not-article:home (links)",)))
    store.add(raw("b"), article("b" * 16, published="2024-03-01"))
    full, heads = list(store.articles()), list(store.articles(text=False))
    assert [a.id for a in heads] == [a.id for a in full] == ["b" * 16, "a" * 16]
    assert all(h.text == "" and h.blocks == () for h in heads)
    assert [(h.outlet, h.published, h.headline, h.flags, h.is_article) for h in heads] == \
        [(a.outlet, a.published, a.headline, a.flags, a.is_article) for a in full]


def test_contract_articles_oldest_first_undated_last(store):
    store.add(raw("1"), article("1" * 16, published=None))
    store.add(raw("2"), article("2" * 16, published="2024-05-01"))
    store.add(raw("3"), article("3" * 16, published="2023-01-01"))
    assert [a.id[0] for a in store.articles()] == ["3", "2", "1"]


def test_contract_duplicates_by_hash_or_canonical_url(store):
    store.add(raw(), article(canonical_url="https://example.com/a"))
    assert store.find_duplicate("a" * 16, None) == "a" * 16
    assert store.find_duplicate("b" * 16, "https://example.com/a") == "a" * 16
    assert store.find_duplicate("b" * 16, None) is None


def test_contract_replace_keeps_id(store):
    store.add(raw(), article())
    store.replace(article(headline="New headline"))
    assert store.get("a" * 16).headline == "New headline" and store.count() == 1


def test_contract_revision_marks_additions_and_counts_edits_and_analysis_writes(store):
    empty = store.revision()
    assert empty.count == 0 and empty.last == 0
    store.add(raw("1"), article("1" * 16, published="2024-05-01"))
    first = store.revision()
    store.add(raw("2"), article("2" * 16, published="2023-01-01"))
    store.add(raw("3"), article("3" * 16, published=None))
    second = store.revision()
    assert (second.count, second.edits, second.analysis) == (3, first.edits, first.analysis)
    assert first.last > empty.last and second.last > first.last
    assert [a.id[0] for a in store.articles_added(first.last, second.last)] == ["2", "3"]  # insertion order
    assert store.articles_added(second.last, second.last) == []
    assert store.articles_added(empty.last, first.last) == [store.get("1" * 16)]
    store.replace(article("1" * 16, headline="Edited", published="2024-05-01"))
    edited = store.revision()
    assert edited.edits != second.edits and (edited.last, edited.count, edited.analysis) == \
        (second.last, second.count, second.analysis)
    store.save_headline_checks({"1" * 16: {"verdict": "agrees"}}, "v1")
    checked = store.revision()
    assert checked.analysis != edited.analysis and checked.edits == edited.edits
    store.save_analysis([], [], [], [Story(id="s1", title="S", articles=("1" * 16,), outlets=(), independent_sources=1,
                                           start=None, end=None, events=())])
    assert store.revision().analysis != checked.analysis
    analysed = store.revision()
    store.save_findings("quote", [("q1", "s1", quote("q1", "s1"))])
    assert store.revision().analysis != analysed.analysis


def test_contract_search_is_words_not_syntax(store):
    store.add(raw(), article())
    assert [a.id for a in store.search("wang beijing")] == ["a" * 16]
    assert store.search('NEAR( "x') == [] and store.search("'; DROP TABLE articles; --") == []
    assert store.search("   ") == []


def _three(store) -> None:
    store.add(raw("1"), article("a" * 16, "Blinken met Wang Yi in Beijing to talk about fentanyl.", outlet="Ledger",
                                published="2024-04-26T10:00:00Z", language="en"))
    store.add(raw("2"), article("b" * 16, "Fentanyl talks went on in Beijing on Saturday.", outlet="Courier",
                                published="2024-04-27", language="en"))
    store.add(raw("3"), article("c" * 16, "Blinken en Pékin : le fentanyl au menu.", outlet="Ledger",
                                published=None, language="fr"))


def test_contract_search_hits_filter_and_mark_the_snippet(store):
    from newsprism.store.search import MARK_END, MARK_START

    _three(store)
    hits = store.search_hits("fentanyl")
    assert {h.article.id for h in hits} == {"a" * 16, "b" * 16, "c" * 16}
    assert all(f"{MARK_START}" in h.snippet and MARK_END in h.snippet for h in hits)
    assert [h.article.id for h in store.search_hits("fentanyl", outlets=["Ledger"], languages=["en"])] == ["a" * 16]
    assert [h.article.id for h in store.search_hits("fentanyl", since="2024-04-27")] == ["b" * 16]
    assert [h.article.id for h in store.search_hits("fentanyl", until="2024-04-26")] == ["a" * 16]
    assert [h.article.id for h in store.search_hits("fentanyl", article_ids=["c" * 16])] == ["c" * 16]
    assert store.search_hits("fentanyl", article_ids=[]) == []
    assert len(store.search_hits("fentanyl", limit=2)) == 2 and len(store.search_hits("fentanyl", limit=2, offset=2)) == 1


def test_contract_search_hits_without_snippets_same_hits(store):
    _three(store)
    for query, options in (("fentanyl", {}), ("fentanyl", {"outlets": ["Ledger"]}), ("", {"limit": 2})):
        plain = store.search_hits(query, snippets=False, **options)
        assert [(h.article, h.rank) for h in plain] == [(h.article, h.rank) for h in store.search_hits(query, **options)]
        assert plain and all(h.snippet == "" for h in plain)


def test_contract_search_hits_without_words_lists_newest_first_undated_last(store):
    _three(store)
    hits = store.search_hits("   ")
    assert [h.article.id for h in hits] == ["b" * 16, "a" * 16, "c" * 16]
    assert all(h.snippet and "\x02" not in h.snippet for h in hits)
    assert [h.article.id for h in store.search_hits("", outlets=["Courier"])] == ["b" * 16]


def test_contract_search_hits_are_words_not_syntax(store):
    _three(store)
    assert store.search_hits('NEAR( "x') == [] and store.search_hits("'; DROP TABLE articles; --") == []
    assert store.search_hits("fentanyl", outlets=["') OR 1=1 --"]) == []
    assert store.count() == 3



def test_contract_search_with_a_nul_character_reads_it_as_a_space(store):
    """A NUL typed into a search box (the web app's fuzz run sent q=%00) is no server error."""
    _three(store)
    assert [a.id for a in store.search("wang\x00beijing")] == ["a" * 16]
    assert isinstance(store.search_hits("\x00fentanyl", outlets=["Ledger\x00"], languages=["\x00"]), list)
    assert {h.article.id for h in store.search_hits("fentanyl\x00", since="2024-04-27\x00")} == {"b" * 16}

# --- per-article caches -----------------------------------------------------------------------------
def test_contract_annotations_by_version(store):
    store.add(raw(), article())
    vectors = np.arange(8, dtype=np.float32).reshape(2, 4)
    note = Annotation(article_id="a" * 16, version="v1", sentences=(Span(text="One.", start=0, end=4),
                                                                    Span(text="Two.", start=5, end=9)),
                      entities=(Entity(text="Blinken", label="PERSON", start=0, end=7),),
                      sentence_vectors=vectors, vector=vectors[0], lead_vector=vectors[1])
    store.save_annotations([note])
    back = store.annotations("v1")["a" * 16]
    assert back.sentences == note.sentences and back.entities == note.entities
    assert np.array_equal(back.sentence_vectors, vectors) and np.array_equal(back.lead_vector, vectors[1])
    assert store.annotations("v2") == {} and set(store.annotations()) == {"a" * 16}


def test_contract_extractions_and_headline_checks_by_version(store):
    store.add(raw(), article())
    store.save_extractions("quotes", "q1", {"a" * 16: [{"text": "We will go."}]})
    assert store.extractions("quotes", "q1") == {"a" * 16: [{"text": "We will go."}]}
    assert store.extractions("quotes", "q2") == {} and store.extractions("claims") == {}
    store.save_headline_checks({"a" * 16: {"label": "agree", "score": 0.9}}, "s1")
    assert store.headline_checks("s1") == {"a" * 16: {"label": "agree", "score": 0.9}}
    assert store.headline_checks("s2") == {}


def test_contract_per_article_caches_read_by_id(store):
    for aid in ("a" * 16, "b" * 16, "c" * 16):
        store.add(raw(aid), article(aid))
        vec = np.ones(4, dtype=np.float32)
        store.save_annotations([Annotation(article_id=aid, version="v1", sentences=(), entities=(),
                                           sentence_vectors=np.zeros((0, 4), dtype=np.float32), vector=vec)])
        store.save_extractions("quotes", "q1", {aid: [aid]})
        store.save_headline_checks({aid: {"label": aid}}, "s1")
    wanted = ["c" * 16, "a" * 16, "z" * 16]
    assert set(store.annotations("v1", ids=wanted)) == {"a" * 16, "c" * 16}
    assert store.annotations("v2", ids=wanted) == {} and store.annotations("v1", ids=[]) == {}
    assert store.annotation_ids("v1") == {"a" * 16, "b" * 16, "c" * 16} and store.annotation_ids("v2") == set()
    assert store.extractions("quotes", "q1", ids=wanted) == {"a" * 16: ["a" * 16], "c" * 16: ["c" * 16]}
    assert set(store.headline_checks("s1", ids=["b" * 16])) == {"b" * 16}


def test_contract_index_entries_by_id_day_key_and_links(store):

    ids = ["a" * 16, "b" * 16, "c" * 16, "d" * 16]
    for aid in ids:
        store.add(raw(aid), article(aid))
    big = (1 << 63) - 5  # keys are signed 64-bit integers
    entries = [IndexEntry(article_id=ids[0], data=b"\x00one\n", day=100, vector=np.arange(4, dtype=np.float32),
                          keys=((0, big), (1, -big)), links='[{"source": "x"}]'),
               IndexEntry(article_id=ids[1], data=b"two", day=140, vector=np.ones(4, dtype=np.float32),
                          keys=((0, 7),)),
               IndexEntry(article_id=ids[2], data=b"three", day=None, vector=None, keys=((1, big),)),
               IndexEntry(article_id=ids[3], data=b"four", day=101)]
    store.save_index_entries("syndication", "v1", entries)
    store.save_index_entries("story", "v1", [IndexEntry(article_id=ids[0], data=b"feats")])
    assert store.indexed_ids("syndication", "v1") == set(ids) and store.indexed_ids("syndication", "v2") == set()
    got = list(store.index_entries("syndication", "v1", ids=[ids[2], ids[0]]))
    assert [(e.article_id, e.data, e.day, e.links) for e in got] == [
        (ids[0], b"\x00one\n", 100, '[{"source": "x"}]'), (ids[2], b"three", None, "[]")]
    assert np.array_equal(got[0].vector, np.arange(4, dtype=np.float32)) and got[1].vector is None
    assert [e.article_id for e in store.index_entries("syndication", "v1")] == ids
    assert [e.data for e in store.index_entries("story", "v1")] == [b"feats"]
    window = store.index_window("syndication", "v1", 90, 110)
    assert [(e.article_id, e.day) for e in window] == [(ids[0], 100), (ids[2], None), (ids[3], 101)]
    assert store.index_matches("syndication", "v1", [(0, big)]) == {ids[0]}
    assert store.index_matches("syndication", "v1", [(1, big), (0, 7)]) == {ids[1], ids[2]}
    assert store.index_matches("syndication", "v1", [(1, 7)]) == set()  # the slot counts
    assert store.index_matches("syndication", "v2", [(0, big)]) == set()
    assert store.index_links("syndication", "v1") == ['[{"source": "x"}]']
    # a new version replaces the article's entry and its keys
    store.save_index_entries("syndication", "v2", [IndexEntry(article_id=ids[0], data=b"new", keys=((0, 1),))])
    assert store.indexed_ids("syndication", "v1") == set(ids[1:])
    assert store.index_matches("syndication", "v1", [(0, big)]) == set()
    assert store.index_matches("syndication", "v2", [(0, 1)]) == {ids[0]}


def test_contract_index_state_by_id_and_key_and_deleted_by_kind(store):
    big = (1 << 63) - 5
    store.save_index_state("story-online", "v1", [IndexEntry(article_id="o1", data=b"\x00one", keys=((0, big), (1, 0))),
                                                  IndexEntry(article_id="o2", data=b"two", keys=((0, 7),))])
    store.save_index_state("story-stats", "v1", [IndexEntry(article_id="stats", data=b"s")])
    assert [(e.article_id, e.data) for e in store.index_state("story-online", "v1")] == [("o1", b"\x00one"),
                                                                                         ("o2", b"two")]
    assert [e.data for e in store.index_state("story-online", "v1", ["o2"])] == [b"two"]
    assert list(store.index_state("story-online", "v2")) == []
    assert store.index_state_matches("story-online", "v1", [(0, big), (0, 7)]) == {"o1", "o2"}
    assert store.index_state_matches("story-online", "v1", [(1, 7)]) == set()  # the slot counts
    store.save_index_state("story-online", "v1", [IndexEntry(article_id="o1", data=b"new", keys=((0, 9),))])
    assert store.index_state_matches("story-online", "v1", [(0, big)]) == set()  # keys replaced
    store.delete_index_state("story-online", ["o2"])
    assert [e.article_id for e in store.index_state("story-online", "v1")] == ["o1"]
    store.delete_index_state("story-online")
    assert list(store.index_state("story-online", "v1")) == [] and store.index_state_matches(
        "story-online", "v1", [(0, 9)]) == set()
    assert [e.data for e in store.index_state("story-stats", "v1")] == [b"s"]
    store.add(raw("x"), article("x" * 16))
    store.save_index_entries("story-placed", "v1", [IndexEntry(article_id="x" * 16, keys=((0, 1),))])
    store.delete_index_entries("story-placed")
    assert store.indexed_ids("story-placed", "v1") == set()


# --- analysis ---------------------------------------------------------------------------------------
def test_contract_analysis_replaced_as_a_whole(store):
    for aid in ("a1", "a2"):
        store.add(raw(aid), article(aid * 8))
    event = Event(id="e1", title="Visit", start="2024-04-24", end="2024-04-26",
                  articles=(EventArticle(id="a1" * 8, role="report"),
                            EventArticle(id="a2" * 8, role="preview", flags=("no-date",))))
    story = Story(id="s1", title="Visit", articles=("a1" * 8, "a2" * 8), outlets=("X",), independent_sources=1,
                  start="2024-04-24", end="2024-04-26", events=(event,))
    relation = Relation(source="a1" * 8, target="a2" * 8, kind="copy", score=0.97, evidence="shingles")
    group = ProvenanceGroup(origin="a1" * 8, members=(GroupMember(id="a1" * 8, relation="origin"),
                                                      GroupMember(id="a2" * 8, relation="copy")))
    assignments = [Assignment(article_id="a1" * 8, story_id="s1", event_id="e1", role="report"),
                   Assignment(article_id="a2" * 8, story_id="s1", event_id="e1", role="preview", flags=("no-date",))]
    store.save_analysis([relation], [group], assignments, [story])
    assert store.stories() == [story] and store.relations() == [relation]
    assert store.provenance_groups() == [group]
    assert store.assignments() == {a.article_id: a for a in assignments}
    store.save_analysis([], [], [], [])
    assert store.stories() == [] and store.relations() == [] and store.assignments() == {}


def test_contract_analysis_updated_in_part_keeps_display_order(store):
    from newsprism.cluster import display_order

    ids = [c * 16 for c in "abcd"]
    for aid in ids:
        store.add(raw(aid), article(aid))

    def story(sid, members, sources, end):
        return Story(id=sid, title=sid, articles=tuple(members), outlets=(), independent_sources=sources,
                     start=None, end=end, events=(Event(id="e" + sid, title=sid, start=None, end=end, articles=tuple(
                         EventArticle(id=m, role="report") for m in members)),))

    def assigned(sid, members):
        return [Assignment(article_id=m, story_id=sid, event_id="e" + sid, role="report") for m in members]

    group = ProvenanceGroup(origin=ids[0], members=(GroupMember(id=ids[0], relation="origin"),
                                                    GroupMember(id=ids[1], relation="copy")))
    first = [story("s1", ids[:2], 1, "2024-01-02"), story("s2", ids[2:3], 1, "2024-03-01")]
    store.save_analysis([], [group], assigned("s1", ids[:2]) + assigned("s2", ids[2:3]), first, ranked=True)
    assert store.stories() == display_order(first)
    relation = Relation(source=ids[2], target=ids[3], kind="copy", score=0.9, evidence="shingles")
    merged = ProvenanceGroup(origin=ids[2], members=(GroupMember(id=ids[2], relation="origin"),
                                                     GroupMember(id=ids[3], relation="copy")))
    rebuilt = story("s3", ids[2:], 2, "2024-02-01")
    store.update_analysis([relation], [merged], assigned("s3", ids[2:]), [rebuilt], drop_groups=[ids[2]],
                          drop_stories=["s2"])
    assert store.stories() == display_order([first[0], rebuilt]) == [rebuilt, first[0]]
    assert store.relations() == [relation]
    assert sorted(store.provenance_groups(), key=lambda g: g.origin) == [group, merged]
    assert store.assignments(ids[2:]) == {a.article_id: a for a in assigned("s3", ids[2:])}
    assert set(store.assignments()) == set(ids)


def test_contract_story_by_id_or_unique_prefix(store):
    def story(sid: str) -> Story:
        return Story(id=sid, title=sid, articles=(), outlets=(), independent_sources=1, start=None, end=None,
                     events=(Event(id=sid + "-e1", title="E", start=None, end=None, articles=()),))

    stories = [story("ab12"), story("ab34"), story("ab"), story("c%_9")]
    store.save_analysis([], [], [], stories)
    assert store.story("ab12") == stories[0] and store.story("ab3") == stories[1]
    assert store.story("ab") == stories[2]  # an exact id wins over the ids it starts
    assert store.story("a") is None and store.story("AB12") is None and store.story("zz") is None
    assert store.story("c%") == stories[3] and store.story("c_") is None and store.story("%") is None
    assert store.story("ab\x00") is None


# --- findings ---------------------------------------------------------------------------------------
def test_contract_findings_round_trip_every_registered_kind(store):
    records = {
        "quote": quote("q1", "e1"),
        "claim": claim("c1", "e1"),
        "coverage": CoverageRow(claim="c1", event="e1", text="It rose.", status="contested", independent_sources=2,
                                cells={"a1": "carried", "a2": "contradicted", "a3": "omitted"}),
        "headline": HeadlineVerdict(article="a1", event="e1", verdict="mixed",
                                    against=(HeadlineAgainst(article="a2", label="agree", score=0.75),)),
        "framing": StoryFraming(story="s1", key="k", panel={"version": "f1", "outlets": [], "groups": []}),
        "summary": CitedSummary(summary="One.", sentences=(CitedSentence(text="One.", citations=("a1",),
                                                                         independent_sources=1),)),
        "figure": AlignedFigure(id="f1", event="e1", kind="dead", thing="", unit="", status="disagree",
                                independent_sources=2, figures=(twelve := Figure(article="a1", kind="dead", thing="",
                                                                                 unit="", value=12.0, start=3, end=5),
                                                                fifteen := Figure(article="a2", kind="dead", thing="",
                                                                                  unit="", value=15.0, high=16.0)),
                                pairs=(FigurePair(status="disagree", first=twelve, second=fifteen),)),
    }
    assert set(records) == set(KINDS), "a registered kind is missing from the contract"
    for kind, record in records.items():
        store.save_findings(kind, [("x1", "scope-1", record)], version="v9", keys={"scope-1": "key-1"})
    for kind, record in records.items():
        assert store.findings(kind) == [record], kind
        [row] = store.finding_rows(kind)
        assert (row.id, row.scope, row.version, row.reuse_key) == ("x1", "scope-1", "v9", "key-1")
        assert store.finding(kind, "x1") == record and store.finding(kind, "nope") is None


def test_contract_findings_replace_by_kind_and_filter(store):
    store.save_findings("quote", [("q1", "story-a", quote("q1", "e1")), ("q2", "story-b", quote("q2", "e2")),
                                  ("q3", "story-a", quote("q3", "e1"))], keys={"story-a": "ka", "story-b": "kb"})
    store.save_findings("claim", [("c1", "e1", claim("c1", "e1", "<b>x</b> '; DROP TABLE findings"))])
    assert [q.id for q in store.findings("quote")] == ["q1", "q2", "q3"]  # stored order
    assert [q.id for q in store.findings("quote", ["story-b"])] == ["q2"]
    assert [q.id for q in store.findings("quote", ["story-a", "missing"])] == ["q1", "q3"]
    assert [q.id for q in store.findings("quote", reuse_keys=["kb"])] == ["q2"]
    assert store.findings("quote", []) == []
    store.save_findings("quote", [("q4", "story-a", quote("q4", "e1"))])
    assert [q.id for q in store.findings("quote")] == ["q4"] and store.finding_keys("quote") == {}
    assert store.findings("claim")[0].text == "<b>x</b> '; DROP TABLE findings"


def test_contract_finding_keys_kept_for_scopes_without_rows(store):
    store.save_findings("claim", [("c1", "e1", claim("c1", "e1"))], version="v1", keys={"e1": "k1", "e2": "k2"})
    assert store.finding_keys("claim") == {"e1": "k1", "e2": "k2"}
    assert store.finding_keys("quote") == {}
    assert [r.reuse_key for r in store.finding_rows("claim")] == ["k1"]


def test_contract_unknown_finding_kind_is_an_error(store):
    with pytest.raises(KeyError, match="unknown finding kind"):
        store.findings("no-such-kind")


# --- the feed watcher -------------------------------------------------------------------------------
def test_contract_feed_state_round_trip_and_replace(store):
    assert store.feed_state("https://example.com/feed") is None and store.feed_states() == []
    state = FeedState(url="https://example.com/feed", etag='"v1"', last_modified="Fri, 04 Dec 2026 10:00:00 GMT",
                      last_polled="2026-12-04T10:00:00+00:00", failures=0, next_poll="2026-12-04T10:15:00+00:00")
    store.save_feed_state(state)
    assert store.feed_state(state.url) == state and store.feed_states() == [state]
    failed = FeedState(url=state.url, etag=state.etag, failures=2, last_error="HTTP 500")
    store.save_feed_state(failed)
    assert store.feed_states() == [failed]


def test_contract_seen_items_first_record_kept(store):
    store.mark_seen([SeenItem(feed="f", key="guid-1", article="a" * 16), SeenItem(feed="f", key="guid-2")])
    assert store.seen_keys("f", ["guid-1", "guid-2", "guid-3"]) == {"guid-1", "guid-2"}
    assert store.seen_keys("other", ["guid-1"]) == set() and store.seen_keys("f", []) == set()
    store.mark_seen([SeenItem(feed="f", key="guid-1", article="b" * 16)])  # a repeat keeps the first record
    assert store.unalerted_articles() == ["a" * 16]


def test_contract_alerts_raised_once_and_mark_articles_read(store):
    store.mark_seen([SeenItem(feed="f", key="1", article="a1"), SeenItem(feed="g", key="9", article="a1"),
                     SeenItem(feed="f", key="2", article="a2")])
    assert store.unalerted_articles() == ["a1", "a2"]
    first = Alert(key="contested:c1", kind="contested-claim", message="The dam failed: contested",
                  event="e1", finding="c1", articles=("a1", "a2"), detail={"carried_by": ["a1"]})
    stored = store.save_alerts([first], articles=["a1"])
    assert [a.key for a in stored] == ["contested:c1"] and stored[0].raised_at
    assert store.alerts() == stored and store.unalerted_articles() == ["a2"]
    again = store.save_alerts([first, Alert(key="event:e2", kind="new-event", message="m", story="s1")],
                              articles=["a2"])
    assert [a.key for a in again] == ["event:e2"] and store.unalerted_articles() == []
    assert [a.key for a in store.alerts()] == ["contested:c1", "event:e2"]
    assert [a.key for a in store.alerts(limit=1)] == ["event:e2"]
    assert store.alerts(since="9999") == []
    # an article read by one round stays read when another feed brings it again
    store.mark_seen([SeenItem(feed="h", key="5", article="a1")])
    assert store.unalerted_articles() == []


def test_contract_follows(store):
    assert store.followed() == []
    store.follow("s1")
    store.follow("s2")
    store.follow("s1")
    assert store.followed() == ["s1", "s2"]
    assert store.unfollow("s1") and not store.unfollow("s1") and store.followed() == ["s2"]


# --- candidate retrieval ----------------------------------------------------------------------------
@pytest.mark.parametrize("dim", [384, 5])  # MiniLM's width (PostgreSQL: the HNSW index) and any other
def test_contract_nearest_articles_by_cosine(store, dim):
    rng = np.random.default_rng(7)
    base = rng.normal(size=(6, dim)).astype(np.float32)
    for i, vec in enumerate(base):
        aid = f"{i}" * 16
        store.add(raw(aid), article(aid))
        store.save_annotations([Annotation(article_id=aid, version="v2" if i == 5 else "v1", sentences=(),
                                           entities=(), sentence_vectors=np.zeros((0, dim), np.float32), vector=vec)])
    query = base[2] + 0.01 * base[4]
    found = store.nearest(query, limit=3)
    assert [aid for aid, _ in found][0] == "2" * 16 and len(found) == 3
    expected = sorted(((float(v @ query / np.linalg.norm(v) / np.linalg.norm(query)), f"{i}" * 16)
                       for i, v in enumerate(base)), reverse=True)[:3]
    assert [aid for aid, _ in found] == [aid for _, aid in expected]
    assert np.allclose([s for _, s in found], [s for s, _ in expected], atol=1e-5)
    assert [aid for aid, _ in store.nearest(base[5], limit=1, version="v1")] != ["5" * 16]
    assert [aid for aid, _ in store.nearest(base[5], limit=1, version="v2")] == ["5" * 16]
    assert store.nearest(np.ones(dim + 1, np.float32)) == [] and store.nearest(query, limit=0) == []
