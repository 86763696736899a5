"""Polling: every new entry stored once across changing feeds, 304s, 500s, slow answers,
malformed entries, repeated items and restarts (``cycle(once=True)``, no analysis)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.store import SQLiteStore
from newsprism.watch import Watcher, WatchOptions
from watchkit import RSS_TYPE, item, page, rss

FAST = WatchOptions(every=900, host_delay=0, timeout=2, allow_private=True, analyze=False)


def serve_items(feeds, numbers, *, etag: str | None = None, path: str = "/feed.xml", **route) -> str:
    for n in numbers:
        feeds.route(f"/a/{n}.html", page(n))
    entries = [item(guid=f"guid-{n}", link=feeds.url(f"/a/{n}.html"), title=f"Report {n}") for n in numbers]
    return feeds.route(path, rss(entries), content_type=RSS_TYPE, etag=etag, **route)


def watcher(store, urls, clock, **options) -> Watcher:
    return Watcher(store, urls, replace(FAST, **options), now=clock)


def test_poll_changing_feed_304_and_repeats_store_each_item_once(feeds, clock, tmp_path):
    url = serve_items(feeds, [1, 2, 3], etag='"v1"')
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [url], clock) as w:
        first = w.cycle(once=True)
        assert [len(p.ingested) for p in first.polls] == [3] and first.ok
        second = w.cycle(once=True)
        assert [p.status for p in second.polls] == ["not-modified"]
        assert feeds.hits("/feed.xml")[-1].headers.get("If-None-Match") == '"v1"'
        # the feed changes: one new item, two old ones, one old repeated inside the document
        serve_items(feeds, [2, 3, 4, 4], etag='"v2"')
        third = w.cycle(once=True)
        assert [len(p.ingested) for p in third.polls] == [1] and third.polls[0].duplicates == ()
    assert store.count() == 4 and len(feeds.hits("/a/2.html")) == 1  # seen entries are not fetched again
    assert store.feed_state(url).etag == '"v2"'


def test_poll_last_modified_is_sent_back(feeds, clock, tmp_path):
    url = serve_items(feeds, [1], last_modified="Fri, 04 Dec 2026 09:00:00 GMT")
    with watcher(SQLiteStore(tmp_path / "w.db"), [url], clock) as w:
        w.cycle(once=True)
        again = w.cycle(once=True)
    assert again.polls[0].status == "not-modified"
    assert feeds.hits("/feed.xml")[-1].headers.get("If-Modified-Since") == "Fri, 04 Dec 2026 09:00:00 GMT"


def test_poll_500_backs_off_then_recovers(feeds, clock, tmp_path):
    url = feeds.route("/feed.xml", "down", status=500, content_type="text/plain")
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [url], clock) as w:
        failed = w.cycle(once=True)
        assert failed.polls[0].status == "failed" and "500" in failed.polls[0].error and not failed.ok
        state = store.feed_state(url)
        assert state.failures == 1 and state.next_poll == "2026-12-04T12:30:00+00:00"  # 2 x 15 min
        w.cycle(once=True)  # still due? no: backing off
        assert len(feeds.hits("/feed.xml")) == 1
        clock.advance(1800)
        w.cycle(once=True)
        assert store.feed_state(url).failures == 2 and store.feed_state(url).next_poll == "2026-12-04T13:30:00+00:00"
        serve_items(feeds, [1, 2])
        clock.advance(3600)
        recovered = w.cycle(once=True)
    assert [len(p.ingested) for p in recovered.polls] == [2] and store.feed_state(url).failures == 0


def test_poll_retry_after_is_obeyed(feeds, clock, tmp_path):
    url = feeds.route("/feed.xml", "slow down", status=429, content_type="text/plain", extra={"Retry-After": "7200"})
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [url], clock) as w:
        w.cycle(once=True)
    assert store.feed_state(url).next_poll == "2026-12-04T14:00:00+00:00"  # 2 h, not the 30 min backoff


def test_poll_slow_feed_times_out_and_slow_page_is_retried(feeds, clock, tmp_path):
    slow = serve_items(feeds, [1], path="/slow.xml", delay=4)
    url = serve_items(feeds, [2, 3], etag='"v1"')
    feeds.routes["/a/3.html"].delay = 4
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [slow, url], clock, timeout=1.0) as w:
        first = w.cycle(once=True)
        assert first.polls[0].status == "failed" and "timed out" in first.polls[0].error
        assert len(first.polls[1].ingested) == 1 and first.polls[1].failures[0].retryable
        assert store.feed_state(url).etag is None  # an entry waits for a retry: read the whole feed next time
        feeds.routes["/a/3.html"].delay = 0
        second = w.cycle(once=True)
    assert len(second.polls[-1].ingested) == 1 and store.count() == 2
    assert store.feed_state(url).etag == '"v1"'


def test_poll_malformed_entries_and_feeds(feeds, clock, tmp_path):
    feeds.route("/a/1.html", page(1))
    entries = [item(guid="ok", link=feeds.url("/a/1.html")),
               item(guid="teaser", description="Only a teaser."),  # no link, too little content
               "<item><title>no id, no link</title></item>",
               item(guid="gone", link=feeds.url("/a/missing.html"))]  # 404, and no content to fall back on
    url = feeds.route("/feed.xml", rss(entries), content_type=RSS_TYPE)
    bad = feeds.route("/bad.xml", "<rss><channel><title>cut off</ti", content_type=RSS_TYPE)
    html = feeds.route("/page.html", page(9))
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [url, bad, html], clock) as w:
        cycle = w.cycle(once=True)
        good, broken, not_feed = cycle.polls
        assert len(good.ingested) == 1 and len(good.failures) == 3
        assert broken.status == "failed" and "malformed" in broken.error
        assert not_feed.status == "failed" and "not an RSS/Atom feed" in not_feed.error
        w.cycle(once=True)  # the failed entries were permanent: not fetched again
    assert len(feeds.hits("/a/missing.html")) == 1 and store.count() == 1


def test_poll_restart_after_crash_between_store_and_mark(feeds, clock, tmp_path, monkeypatch):
    url = serve_items(feeds, [1, 2, 3])
    path = tmp_path / "w.db"
    store = SQLiteStore(path)
    marked = []

    def crash_on_second(items):
        if marked:
            raise KeyboardInterrupt("killed")  # the process dies after storing item 2, before marking it
        marked.append(items)
        SQLiteStore.mark_seen(store, items)

    monkeypatch.setattr(store, "mark_seen", crash_on_second)
    with pytest.raises(KeyboardInterrupt), watcher(store, [url], clock) as w:
        w.cycle(once=True)
    store.close()
    assert SQLiteStore(path).count() == 2  # items 1 and 2 stored, only 1 marked seen
    serve_items(feeds, [1, 2, 3, 4])
    restarted = SQLiteStore(path)  # a new process over the same file
    with watcher(restarted, [url], clock) as w:
        cycle = w.cycle(once=True)
    poll = cycle.polls[0]
    assert len(poll.ingested) == 2 and len(poll.duplicates) == 1  # 3 and 4 new; 2 found by the duplicate check
    assert restarted.count() == 4
    assert restarted.seen_keys(url, [f"guid-{n}" for n in range(1, 5)]) == {f"guid-{n}" for n in range(1, 5)}
    assert len(restarted.unalerted_articles()) == 4  # every article once, for the alert round


def test_poll_user_agent_and_robots(feeds, clock, tmp_path):
    feeds.route("/robots.txt", "User-agent: newsprism\nDisallow: /private/\n", content_type="text/plain")
    feeds.route("/private/1.html", page(1))
    feeds.route("/a/2.html", page(2))
    long_text = " ".join(f"Paragraph {i} of the full text carried by the feed itself." for i in range(20))
    entries = [item(guid="p", link=feeds.url("/private/1.html"), description=f"<p>{long_text}</p>"),
               item(guid="a", link=feeds.url("/a/2.html"))]
    url = feeds.route("/feed.xml", rss(entries), content_type=RSS_TYPE)
    blocked = feeds.route("/private/feed.xml", rss(entries), content_type=RSS_TYPE)
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [url, blocked], clock) as w:
        cycle = w.cycle(once=True)
    assert len(cycle.polls[0].ingested) == 2  # the disallowed page: the feed's own content instead
    assert feeds.hits("/private/1.html") == [] and feeds.hits("/private/feed.xml") == []
    assert "robots.txt" in cycle.polls[1].error
    assert len(feeds.hits("/robots.txt")) == 1  # read once per host
    assert all(r.headers["User-Agent"].startswith("newsprism/0.1.0 ") for r in feeds.requests)


def test_poll_spaces_requests_to_one_host(feeds, clock, tmp_path):
    import time

    url = serve_items(feeds, [1, 2])
    with watcher(SQLiteStore(tmp_path / "w.db"), [url], clock, host_delay=0.2) as w:
        started = time.monotonic()
        w.cycle(once=True)
        elapsed = time.monotonic() - started
    assert elapsed >= 0.6  # robots.txt, feed, two pages: three pauses of 0.2 s


def test_poll_a_surprise_in_one_feed_does_not_stop_the_others(feeds, clock, tmp_path, monkeypatch):
    from newsprism.ingest import feeds as ingest_feeds

    first = serve_items(feeds, [1], path="/one.xml")
    second = serve_items(feeds, [2], path="/two.xml")
    real = ingest_feeds.parse_feed
    monkeypatch.setattr("newsprism.watch.poll.parse_feed",
                        lambda data, **kw: (_ for _ in ()).throw(MemoryError("boom")) if "one" in kw["source"]
                        else real(data, **kw))
    store = SQLiteStore(tmp_path / "w.db")
    with watcher(store, [first, second], clock) as w:
        cycle = w.cycle(once=True)
    assert cycle.polls[0].error == "MemoryError: boom" and len(cycle.polls[1].ingested) == 1
    assert store.feed_state(first).failures == 1  # it backs off like any failed feed
