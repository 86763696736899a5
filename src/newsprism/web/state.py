"""The app's view of the store: one connection per serving thread, and a cached snapshot of what
the report's pages need (articles, stories, findings, lookups), rebuilt when it goes stale.

A stale snapshot is rebuilt in a background thread while pages go on being served from the old
one (only the first build, and the one after the app's own ingest drops it, make a page wait).
While the store has only gained articles since (``Store.revision``: no article edited or removed,
no write to the analysis), the next snapshot is the old one plus those articles, read alone
(``update_snapshot``), instead of a build that reads every article again.

A store given as a path is opened once per thread (SQLite in WAL mode: readers never wait for the
ingesting writer, which opens its own connection). A store given as an object is used as it is.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import Corpus
from ..model import Article, ProvenanceGroup, Relation, Story
from ..report import views
from ..report.data import ReportData, slug
from ..store import Revision, Store, open_store

# A snapshot older than this is rebuilt on the next page view: another process (``newsprism
# watch``, a CLI ingest) may have written; the app's own ingest jobs drop it at once.
SNAPSHOT_TTL_S = 5.0
# A stale snapshot is rebuilt no sooner than this many times its own build time after it was built:
# at 100,000 articles a build takes seconds (bench/serve_load.py, bench/RESULTS.md "Serve under
# load"), and rebuilding every SNAPSHOT_TTL_S would keep a core busy rebuilding; this caps rebuilds
# at about a fifth of the serving process's time.
REBUILD_COST_FACTOR = 4.0
RECENT = 8  # articles in the home page's "recent" list
# Rendered answers kept per snapshot (``Snapshot.cached``), least recently used dropped first: a
# story page is ~25 KB at 100,000 articles, an article page ~4 KB, the index ~200 KB; a thousand
# is tens of MB at most, and rendering them again was most of the server's time under load
# (bench/serve_load.py, bench/RESULTS.md "Serve under load: faster").
CACHED_ANSWERS = 1000

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Snapshot:
    """What the pages show, read once: the report's ``Index`` and lookups by slug."""

    articles: list[Article]
    stories: list[Story]
    groups: list[ProvenanceGroup]
    relations: list[Relation]
    checks: dict[str, dict]
    data: ReportData
    index: views.Index
    story_by_slug: dict[str, Story] = field(default_factory=dict)
    event_by_slug: dict[str, tuple[Story, str]] = field(default_factory=dict)
    article_by_slug: dict[str, Article] = field(default_factory=dict)
    flags_of: dict[str, set[str]] = field(default_factory=dict)
    pages: dict[str, Any] = field(default_factory=dict)  # story id -> (story page, event pages)
    built: float = 0.0
    cost: float = 0.0  # seconds the build took
    revision: Revision | None = None  # the store's, read before the articles were
    # Computed once per build, not per page: each is a pass over every article (tens of ms at
    # 100,000 articles, bench/serve_load.py).
    outlets: list[tuple[str, int]] = field(default_factory=list)  # (outlet, articles), most first
    languages: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    recent: list[Article] = field(default_factory=list)  # the newest few, for the home page
    # Answers rendered from this snapshot (pages, /api/stories), by request: see ``cached``.
    answers: OrderedDict[str, bytes] = field(default_factory=OrderedDict)
    answers_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def stale(self) -> bool:
        return time.monotonic() - self.built >= max(SNAPSHOT_TTL_S, REBUILD_COST_FACTOR * self.cost)


    def with_flag(self, flag: str) -> list[str]:
        return [aid for aid, found in self.flags_of.items() if flag in found]

    def cached(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The answer for ``key`` made from this snapshot, made once (two threads asking at once
        may both make it; the answers are equal). A new snapshot starts with none."""
        with self.answers_lock:
            found = self.answers.get(key)
            if found is not None:
                self.answers.move_to_end(key)
                return found
        made = make()
        with self.answers_lock:
            self.answers[key] = made
            while len(self.answers) > CACHED_ANSWERS:
                self.answers.popitem(last=False)
        return made


def build_snapshot(corpus: Corpus) -> Snapshot:
    start = time.monotonic()
    revision = corpus.store.revision()
    articles = list(corpus.articles())
    stories = corpus.stories()
    groups, relations = corpus.provenance_groups(), corpus.relations()
    data = corpus.report_data(articles=articles)
    index = views.build_index(articles, stories, groups, data)
    snap = Snapshot(articles=articles, stories=stories, groups=groups, relations=relations,
                    checks=corpus.store.headline_checks(), data=data, index=index, built=time.monotonic(),
                    revision=revision)
    for story in stories:
        snap.story_by_slug[slug(story.id)] = story
        for event in story.events:
            snap.event_by_slug[slug(event.id)] = (story, event.id)
    for article in articles:
        snap.article_by_slug[slug(article.id)] = article
        snap.flags_of[article.id] = _own_flags(article)
    for aid, flags in index.flags_of_article.items():
        snap.flags_of.setdefault(aid, set()).update(flags)
    snap.outlets = _by_count(Counter(a.outlet for a in articles if a.outlet))
    snap.languages = sorted({a.language for a in articles if a.language})
    snap.flags = sorted({f for found in snap.flags_of.values() for f in found})
    snap.recent = sorted(articles, key=_newest_first, reverse=True)[:RECENT]
    snap.built = time.monotonic()
    snap.cost = snap.built - start
    return snap


def update_snapshot(old: Snapshot, corpus: Corpus) -> Snapshot | None:
    """``old`` brought up to date by reading only the articles added since it was built; None when
    that is not enough (an article edited or removed, the analysis written, or the count does
    not add up: an addition committed out of order), and a full build is needed. The result
    equals what ``build_snapshot`` would build now; ``old`` is left as it is (pages are being
    served from it). When nothing changed, ``old`` itself is returned (with its answers)."""
    start = time.monotonic()
    before, now = old.revision, corpus.store.revision()
    if before is None or (now.edits, now.analysis) != (before.edits, before.analysis) or now.last < before.last:
        return None
    if now == before and now.count == len(old.articles):
        old.built = time.monotonic()
        old.cost = old.built - start  # (the next look comes after SNAPSHOT_TTL_S)
        return old
    known = old.index.articles
    added = [a for a in corpus.store.articles_added(before.last, now.last) if a.id not in known]
    if len(old.articles) + len(added) != now.count:
        return None
    articles = list(old.articles)
    for article in added:  # insertion order: each after those with the same date (as the store orders)
        articles.insert(bisect.bisect_right(articles, _oldest_first(article), key=_oldest_first), article)
    snap = dataclasses.replace(
        old, articles=articles, index=dataclasses.replace(old.index, articles={a.id: a for a in articles}),
        article_by_slug={**old.article_by_slug, **{slug(a.id): a for a in added}},
        flags_of={**old.flags_of, **{a.id: _own_flags(a) for a in added}}, pages=dict(old.pages),
        answers=OrderedDict(), answers_lock=threading.Lock(), revision=now)
    counts = Counter(dict(old.outlets))
    counts.update(a.outlet for a in added if a.outlet)
    snap.outlets = _by_count(counts)
    snap.languages = sorted(set(old.languages) | {a.language for a in added if a.language})
    snap.flags = sorted(set(old.flags).union(*(snap.flags_of[a.id] for a in added)))
    snap.recent = sorted([*old.recent, *sorted(added, key=_oldest_first)], key=_newest_first, reverse=True)[:RECENT]
    snap.built = time.monotonic()
    snap.cost = snap.built - start
    return snap


def _next_snapshot(old: Snapshot | None, corpus: Corpus) -> Snapshot:
    updated = update_snapshot(old, corpus) if old is not None else None
    return updated if updated is not None else build_snapshot(corpus)


def _own_flags(article: Article) -> set[str]:
    return {f.split(" (")[0] for f in article.flags}


def _by_count(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _oldest_first(article: Article) -> tuple[bool, str]:
    """The store's order of articles (``Store.articles``), less the insertion mark of ties."""
    return (article.published is None, article.published or "")


def _newest_first(article: Article) -> str:
    return article.published or ""


class Stores:
    """A store per serving thread (for a path), or the one store object given."""

    def __init__(self, store_or_path: Store | str | Path):
        self.path: str | None = None
        self.shared: Store | None = None
        if isinstance(store_or_path, (str, Path)):
            self.path = str(store_or_path)
        else:
            self.shared = store_or_path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._generation = 0  # bumped by invalidate(): a build begun before it is not kept
        self._rebuilding = False
        self._base: Snapshot | None = None  # the snapshot invalidate() dropped: the next one's base

    def reader(self) -> Corpus:
        """The calling thread's corpus (never closed by the caller)."""
        if self.shared is not None:
            return Corpus(self.shared)
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path or "")
            with self._lock:
                self._opened.append(store)
        return Corpus(store)

    def writer(self) -> tuple[Corpus, bool]:
        """A corpus for an ingest job, and whether the job must close it when done."""
        if self.shared is not None:
            return Corpus(self.shared), False
        return Corpus(open_store(self.path or "")), True

    def snapshot(self) -> Snapshot:
        """The current snapshot; a stale one is served while a background thread builds the next."""
        snap = self._snapshot
        if snap is None:
            with self._snapshot_lock:
                snap = self._snapshot
                if snap is None:
                    generation = self._generation
                    snap = _next_snapshot(self._base, self.reader())
                    if generation == self._generation:
                        self._snapshot = snap
            return snap
        if snap.stale:
            with self._lock:
                start, self._rebuilding = not self._rebuilding, True
            if start:
                threading.Thread(target=self._rebuild, name="newsprism-snapshot", daemon=True).start()
        return snap

    def _rebuild(self) -> None:
        generation = self._generation
        try:
            corpus, owned = self.writer()  # its own connection: the thread ends with the build
            try:
                snap = _next_snapshot(self._snapshot, corpus)
            finally:
                if owned:
                    corpus.store.close()
            with self._snapshot_lock:
                if generation == self._generation and self._snapshot is not None:
                    self._snapshot = snap
        except Exception:  # noqa: BLE001 - the old snapshot goes on being served; retried when next stale
            log.exception("rebuilding the web snapshot failed")
        finally:
            with self._lock:
                self._rebuilding = False

    def invalidate(self) -> None:
        """Drop the snapshot: the next page waits for one that shows what the store holds now
        (built on the dropped one when the store has only gained articles since)."""
        with self._snapshot_lock:
            self._generation += 1
            self._base = self._snapshot or self._base
            self._snapshot = None

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing at shutdown: nothing left to report to
                pass
