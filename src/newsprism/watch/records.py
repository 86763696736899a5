"""Records of the feed watcher, kept by the store: a feed's polling state, the feed items
already taken in, and the alerts raised.

They live apart from the watcher's logic so that the store (and a PostgreSQL backend) can read
and write them without importing the HTTP stack.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Record

# Alert kinds (the ``kind`` field of ``Alert``).
NEW_EVENT = "new-event"
CONTESTED_CLAIM = "contested-claim"
ALTERED_QUOTE = "altered-quote"
MISATTRIBUTION = "misattribution"
ALERT_KINDS = (NEW_EVENT, CONTESTED_CLAIM, ALTERED_QUOTE, MISATTRIBUTION)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState(Record):
    """What the watcher knows of one feed between polls (times are ISO 8601 UTC).

    ``etag`` and ``last_modified`` are the validators of the last complete answer, sent back as
    ``If-None-Match`` / ``If-Modified-Since``; ``failures`` counts polls failed in a row and sets
    the backoff; ``next_poll`` is the earliest time the feed should be asked again.
    """

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    failures: int = 0
    next_poll: str | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SeenItem(Record):
    """One feed entry taken in: ``key`` is its id (guid) or link; ``article`` the stored
    article it became (or the stored copy it duplicates), None when it will never make one
    (no article text, a page refused for good)."""

    feed: str
    key: str
    article: str | None = None
    seen_at: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert(Record):
    """Something a reader following the news wants to hear about, raised once (``key``).

    ``kind`` is one of ``ALERT_KINDS``; ``message`` one line for a log or a mail subject;
    ``story``/``event``/``finding`` point into the store; ``articles`` are the articles that
    raised it (the newly ingested ones first); ``detail`` holds the kind's specifics.
    """

    key: str
    kind: str
    message: str
    raised_at: str = ""
    story: str | None = None
    event: str | None = None
    finding: str | None = None
    articles: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)
