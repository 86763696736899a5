"""The watcher's alert round over restarts and crashes: every alert raised once, none lost.

The analysis is replaced by a stand-in (one story, one event per publication day) so that these
run in a second; test_watcher_analysis.py runs the real one."""
from __future__ import annotations

import json
import os
import signal
import threading
from collections import defaultdict
from dataclasses import replace

from newsprism.model import Event, EventArticle, Story
from newsprism.store import SQLiteStore
from newsprism.watch import Watcher, WatchOptions
from newsprism.watch.sinks import JsonlSink
from watchkit import RSS_TYPE, item, page, rss

OPTIONS = WatchOptions(every=900, host_delay=0, timeout=2, allow_private=True)


class DayWatcher(Watcher):
    """A watcher whose analysis puts every article in one story, one event per publication day."""

    crash = False

    def _analyze(self) -> None:
        if self.crash:
            raise RuntimeError("the analysis died")
        days: dict[str, list[str]] = defaultdict(list)
        for article in self.store.articles():
            days[(article.published or "")[:10]].append(article.id)
        events = tuple(Event(id=f"e-{day}", title=f"day {day}", start=day, end=day,
                             articles=tuple(EventArticle(id=a, role="report") for a in ids))
                       for day, ids in sorted(days.items()))
        ids = tuple(a for ids in days.values() for a in ids)
        self.store.save_analysis([], [], [], [Story(id="s1", title="Council", articles=ids, outlets=(),
                                                    independent_sources=len(ids), start=None, end=None,
                                                    events=events)])


def serve(feeds, days: dict[int, int]) -> str:
    """Items ``n`` published on day ``days[n]`` of December 2026."""
    entries = []
    for n, day in days.items():
        feeds.route(f"/a/{n}.html", page(n))
        entries.append(item(guid=f"g{n}", link=feeds.url(f"/a/{n}.html"), pub=f"Thu, {day:02d} Dec 2026 09:00:00 GMT"))
    return feeds.route("/feed.xml", rss(entries), content_type=RSS_TYPE, etag=f'"{len(days)}"')


def test_watcher_new_event_raised_once_across_a_crash_and_restarts(feeds, clock, tmp_path):
    path, jsonl = tmp_path / "w.db", tmp_path / "alerts.jsonl"
    url = serve(feeds, {1: 1, 2: 1})
    with DayWatcher(SQLiteStore(path), [url], OPTIONS, sinks=[JsonlSink(jsonl)], now=clock) as w:
        first = w.cycle(once=True)
    assert first.ok and first.alerts == ()  # a wholly new story is no development of one followed
    serve(feeds, {1: 1, 2: 1, 3: 2})
    crashing = DayWatcher(SQLiteStore(path), [url], OPTIONS, sinks=[JsonlSink(jsonl)], now=clock)
    crashing.crash = True
    second = crashing.cycle(once=True)
    assert second.alerts == () and second.problems[0].startswith("analysis failed: RuntimeError")
    store = SQLiteStore(path)  # restarted: the feed has nothing new (304), the article is still unread
    with DayWatcher(store, [url], OPTIONS, sinks=[JsonlSink(jsonl)], now=clock) as w:
        third = w.cycle(once=True)
        assert third.polls[0].status == "not-modified"
        assert [a.key for a in third.alerts] == ["new-event:e-2026-12-02"]
        assert w.cycle(once=True).alerts == ()
    assert [json.loads(line)["key"] for line in jsonl.read_text().splitlines()] == ["new-event:e-2026-12-02"]
    assert [a.key for a in store.alerts()] == ["new-event:e-2026-12-02"] and store.count() == 3


def test_watcher_no_analyze_keeps_articles_for_a_later_round(feeds, clock, tmp_path):
    path = tmp_path / "w.db"
    serve(feeds, {1: 1})
    url = feeds.url("/feed.xml")
    with DayWatcher(SQLiteStore(path), [url], OPTIONS, now=clock) as w:
        w.cycle(once=True)
    serve(feeds, {1: 1, 2: 3})
    store = SQLiteStore(path)
    with DayWatcher(store, [url], replace(OPTIONS, analyze=False), now=clock) as w:
        assert w.cycle(once=True).alerts == () and len(store.unalerted_articles()) == 1
    with DayWatcher(store, [url], OPTIONS, now=clock) as w:
        assert [a.event for a in w.cycle(once=True).alerts] == ["e-2026-12-03"]


def test_watcher_only_the_chosen_alert_kinds(feeds, clock, tmp_path):
    store = SQLiteStore(tmp_path / "w.db")
    url = serve(feeds, {1: 1})
    with DayWatcher(store, [url], replace(OPTIONS, kinds=("contested-claim",)), now=clock) as w:
        w.cycle(once=True)
        serve(feeds, {1: 1, 2: 2})
        assert w.cycle(once=True).alerts == () and store.unalerted_articles() == []


def test_watcher_follows_carried_to_a_new_story_id(feeds, clock, tmp_path):
    store = SQLiteStore(tmp_path / "w.db")
    url = serve(feeds, {1: 2})
    with DayWatcher(store, [url], OPTIONS, now=clock) as w:
        w.cycle(once=True)
        store.follow("s1")
        store.save_analysis([], [], [], [replace(s, id="s-old") for s in store.stories()])
        store.follow("s-old")
        store.unfollow("s1")
        serve(feeds, {1: 2, 2: 1})  # an earlier article: the stand-in keeps the id s1, as if it moved
        alerts = w.cycle(once=True).alerts
    assert "s1" in store.followed() and [a.event for a in alerts] == ["e-2026-12-01"]


def test_watcher_run_stops_on_sigterm_after_the_current_feed(feeds, clock, tmp_path):
    url = serve(feeds, {1: 1})
    store = SQLiteStore(tmp_path / "w.db")
    lines: list[str] = []
    with DayWatcher(store, [url], OPTIONS, now=clock, report=lines.append) as w:
        timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGTERM))
        previous = signal.getsignal(signal.SIGTERM)
        timer.start()
        try:
            w.run()  # returns once the signal has stopped it
        finally:
            timer.cancel()
            signal.signal(signal.SIGTERM, previous)
    assert store.count() == 1 and any("SIGTERM: stopping" in line for line in lines)
