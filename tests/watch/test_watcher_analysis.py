"""End to end with the real analysis: the bundled example served as a feed in two steps (the 2023
visit, then the 2024 one), a new process over the same store each time; the new event alerts
once, every alert is raised once, nothing is taken twice."""
from __future__ import annotations

import json

from newsprism.store import SQLiteStore
from newsprism.watch import Watcher, WatchOptions
from newsprism.watch.sinks import JsonlSink
from testkit import EXAMPLES
from watchkit import RSS_TYPE, item, rss

OPTIONS = WatchOptions(every=900, host_delay=0, timeout=10, allow_private=True)


def test_watcher_analysis_alerts_once_over_restarts(feeds, clock, tmp_path, language):
    files = sorted(EXAMPLES.iterdir())
    for n, path in enumerate(files):
        feeds.route(f"/a/{n}.txt", path.read_bytes(), content_type="text/plain; charset=utf-8")

    def serve(numbers):
        entries = [item(guid=f"g{n}", link=feeds.url(f"/a/{n}.txt"), pub="") for n in numbers]
        return feeds.route("/feed.xml", rss(entries), content_type=RSS_TYPE, etag=f'"{len(numbers)}"')

    db, jsonl = tmp_path / "w.db", tmp_path / "alerts.jsonl"

    def run_once():  # a new process: a new store object and watcher over the same file
        store = SQLiteStore(db)
        with Watcher(store, [feeds.url("/feed.xml")], OPTIONS, sinks=[JsonlSink(jsonl)], language=language,
                     now=clock) as watcher:
            return watcher.cycle(once=True), store

    serve([0, 1])  # the 2023 visit (AFP, The Epoch Times)
    first, _ = run_once()
    assert first.ok and not [a for a in first.alerts if a.kind == "new-event"]  # a new story: no development
    serve(range(len(files)))  # the 2024 visit joins
    second, store = run_once()
    [event] = [a for a in second.alerts if a.kind == "new-event"]
    assert len(event.articles) == 3 and set(event.articles).isdisjoint(first.polls[0].ingested)
    third, store = run_once()
    assert third.polls[0].status == "not-modified" and third.alerts == ()
    raised = [*first.alerts, *second.alerts]
    keys = [a.key for a in raised]
    assert len(keys) == len(set(keys)) and [a.key for a in store.alerts(limit=1000)] == keys
    assert [json.loads(line)["key"] for line in jsonl.read_text().splitlines()] == keys
    assert store.count() == len(files) and store.unalerted_articles() == []
