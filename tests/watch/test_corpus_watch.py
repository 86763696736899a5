"""The Python API: ``corpus.watcher(...)``, ``corpus.alerts()``, ``corpus.follow()``."""
from __future__ import annotations

import pytest

import newsprism
from newsprism.model import Story
from watchkit import RSS_TYPE, item, page, rss


def test_corpus_watcher_alerts_and_follow(feeds, tmp_path):
    feeds.route("/a/1.html", page(1))
    url = feeds.route("/feed.xml", rss([item(guid="g1", link=feeds.url("/a/1.html"))]), content_type=RSS_TYPE)
    (tmp_path / "feeds.txt").write_text(url + "\n")
    with newsprism.open(tmp_path / "w.db") as corpus:
        with corpus.watcher([str(tmp_path / "feeds.txt")], host_delay=0, allow_private=True, analyze=False) as w:
            cycle = w.cycle(once=True)
        assert len(cycle.polls[0].ingested) == 1 and len(corpus) == 1 and corpus.alerts() == []
        corpus.store.save_analysis([], [], [], [Story(id="s99887766", title="Dam", articles=(), outlets=(),
                                                      independent_sources=0, start=None, end=None, events=())])
        assert corpus.follow("s998") == "s99887766" and corpus.followed() == ["s99887766"]
        with pytest.raises(KeyError):
            corpus.follow("nope")
