"""Watch: feeds polled politely all day, new items ingested once, analysis re-run, alerts raised.

    feed_urls(items)                       -> list[str]   URLs, OPML files, text files of URLs
    Watcher(store, urls, options, sinks)   .cycle(once=True) / .run()
    find_alerts(store, fresh)              -> list[Alert]

The records (``newsprism.watch.records``) are light and read by the store; the rest (the HTTP
stack) is imported on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from .records import Alert, FeedState, SeenItem

_LAZY = {"Watcher": "watcher", "WatchOptions": "watcher", "Cycle": "watcher", "parse_every": "watcher",
         "feed_urls": "sources", "find_alerts": "alerts", "poll_feed": "poll", "FeedPoll": "poll",
         "PoliteFetcher": "polite"}

__all__ = ["Alert", "FeedState", "SeenItem", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
