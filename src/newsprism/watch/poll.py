"""One poll of one feed: a conditional GET, the entries not taken in before read and stored, the
feed's state saved.

Nothing is lost or taken twice across crashes and restarts:

- an entry is recorded as seen (``Store.mark_seen``) only after its article is stored; a crash
  between the two leaves it unseen, and the next poll's ``add_new`` finds the stored copy (the
  store's duplicate check, by content hash and canonical URL) and records it then;
- an entry that failed for a reason that may pass (a page answering 500, a timeout) is not
  recorded, and the feed's validators are not updated, so the next poll reads the whole feed
  again and retries it; an entry that can never make an article is recorded without one;
- the feed's state (validators, failures, next poll) is saved once per poll, after its entries.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from ..errors import BadInput, EmptyInput, FetchError, StoreError
from ..ingest.feeds import ParsedFeed, entry_key, parse_feed, read_entry
from ..ingest.fetch import Fetched, Fetcher
from ..ingest.sniff import kind_of_response
from ..model import Failure, RawArticle
from ..records import Record
from .records import FeedState, SeenItem

# Backoff after failed polls: the interval doubles with each failure in a row, from the poll
# interval up to this cap (a feed down for a day is asked every few hours, not every 15 minutes).
MAX_BACKOFF_S = 6 * 3600.0

NEW, NOT_MODIFIED, FAILED = "new", "not-modified", "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedPoll(Record):
    """What one poll of a feed did: ``status`` is "new" (the feed was read), "not-modified"
    (304) or "failed" (the feed itself could not be read: ``error``)."""

    url: str
    status: str
    ingested: tuple[str, ...] = ()  # article ids stored by this poll
    duplicates: tuple[str, ...] = ()  # entries whose article was already stored
    failures: tuple[Failure, ...] = ()  # entries that did not make an article
    error: str | None = None

    def line(self) -> str:
        if self.status == FAILED:
            return f"{self.url}: failed: {self.error}"
        if self.status == NOT_MODIFIED:
            return f"{self.url}: not modified"
        return (f"{self.url}: {len(self.ingested)} new, {len(self.duplicates)} already stored, "
                f"{len(self.failures)} failed")


def poll_feed(store: Any, url: str, fetcher: Fetcher, *, every: float, now: datetime,
              on_failure: Callable[[Failure], None] | None = None) -> FeedPoll:
    """Poll the feed at ``url`` once and save its state; ``every`` is the poll interval (s).

    Raises ``StoreError`` only (the store cannot be written: nothing more can be done).
    """
    state = store.feed_state(url) or FeedState(url=url)
    try:
        fetched = fetcher.fetch(url, _conditional(state))
        if fetched.status == 304:
            store.save_feed_state(_succeeded(state, fetched, every, now))
            return FeedPoll(url=url, status=NOT_MODIFIED)
        feed = _parse(url, fetched)
    except (BadInput, FetchError) as error:
        reason = " ".join(error.reason.split())
        store.save_feed_state(_failed(state, reason, every, now, getattr(error, "retry_after", None)))
        return FeedPoll(url=url, status=FAILED, error=reason)
    result = _take_entries(store, url, feed, fetcher, on_failure)
    retry = any(f.retryable for f in result.failures)
    store.save_feed_state(_succeeded(state, fetched, every, now, keep_validators=retry))
    return result


def record_failure(store: Any, url: str, reason: str, *, every: float, now: datetime) -> FeedPoll:
    """Save a failed poll of ``url`` (for a fault outside the feed's own errors) and report it."""
    store.save_feed_state(_failed(store.feed_state(url) or FeedState(url=url), reason, every, now))
    return FeedPoll(url=url, status=FAILED, error=reason)


def _conditional(state: FeedState) -> dict[str, str]:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _parse(url: str, fetched: Fetched) -> ParsedFeed | None:
    """The parsed feed, None for one without entries; BadInput when it is no feed at all."""
    if kind_of_response(fetched.media_type, fetched.data, source=url) != "feed":
        raise BadInput(url, "not an RSS/Atom feed")
    try:
        return parse_feed(fetched.data, source=url, base_url=fetched.final_url)
    except EmptyInput:
        return None


def _take_entries(store: Any, url: str, feed: ParsedFeed | None, fetcher: Fetcher,
                  on_failure: Callable[[Failure], None] | None) -> FeedPoll:
    """Read, clean and store the entries not seen before; record each once it is stored."""
    from ..pipeline import process

    if feed is None:
        return FeedPoll(url=url, status=NEW)
    keyed: dict[str, tuple[int, Any]] = {}
    for number, entry in enumerate(feed.entries, 1):
        keyed.setdefault(entry_key(entry) or _content_key(entry), (number, entry))  # a repeat in one document
    seen = store.seen_keys(url, keyed)
    raws: list[tuple[str, RawArticle]] = []
    failures: list[Failure] = []
    for key, (number, entry) in keyed.items():
        if key in seen:
            continue
        item = read_entry(feed, entry, name=f"{url}#{number}", fetcher=fetcher)
        if isinstance(item, Failure):
            failures.append(_failed_entry(store, url, key, item, on_failure))
        else:
            raws.append((key, item))
    ingested: list[str] = []
    duplicates: list[str] = []
    for (key, raw), done in zip(raws, process([raw for _, raw in raws])):
        if isinstance(done, Failure):
            failures.append(_failed_entry(store, url, key, done, on_failure))
            continue
        try:
            existing = store.add_new(done.raw, done.article)
        except StoreError:
            raise
        except Exception as error:  # noqa: BLE001 - a value this article carries that the store refuses
            failures.append(_failed_entry(store, url, key, Failure(
                source=raw.source, reason=f"could not store: {' '.join(str(error).split())[:300]}"), on_failure))
            continue
        (duplicates if existing else ingested).append(existing or done.article.id)
        store.mark_seen([SeenItem(feed=url, key=key, article=existing or done.article.id)])
    return FeedPoll(url=url, status=NEW, ingested=tuple(ingested), duplicates=tuple(duplicates),
                    failures=tuple(failures))


def _failed_entry(store: Any, url: str, key: str, failure: Failure,
                  on_failure: Callable[[Failure], None] | None) -> Failure:
    """Report an entry's failure; one that can never pass is recorded, so it is not retried."""
    if not failure.retryable:
        store.mark_seen([SeenItem(feed=url, key=key, article=None)])
    if on_failure:
        on_failure(failure)
    return failure


def _content_key(entry: Any) -> str:
    """The key of an entry with neither id nor link: a hash of its title and content."""
    values = [str(entry.get("title") or ""), str(entry.get("summary") or "")]
    values += [str(item.get("value") or "") for item in entry.get("content") or []]
    return "sha1:" + hashlib.sha1("\n".join(values).encode("utf-8", "surrogatepass")).hexdigest()


def _succeeded(state: FeedState, fetched: Fetched, every: float, now: datetime, *,
               keep_validators: bool = False) -> FeedState:
    if keep_validators:  # an entry waits for a retry: the next poll must read the whole feed
        etag, last_modified = state.etag, state.last_modified
    elif fetched.status == 304:  # a 304 may leave out validators that still hold
        etag, last_modified = fetched.etag or state.etag, fetched.last_modified or state.last_modified
    else:
        etag, last_modified = fetched.etag, fetched.last_modified
    return replace(state, etag=etag, last_modified=last_modified, last_polled=_iso(now), failures=0,
                   next_poll=_iso(now + timedelta(seconds=every)), last_error=None)


def _failed(state: FeedState, reason: str, every: float, now: datetime, retry_after: float | None = None
            ) -> FeedState:
    """The state after a failed poll: the backoff, or the server's Retry-After when longer
    (never past the backoff cap)."""
    failures = state.failures + 1
    wait = backoff(every, failures)
    if retry_after is not None:
        wait = max(wait, min(retry_after, max(MAX_BACKOFF_S, every)))
    return replace(state, last_polled=_iso(now), failures=failures, last_error=reason,
                   next_poll=_iso(now + timedelta(seconds=wait)))


def backoff(every: float, failures: int) -> float:
    """Seconds to wait after ``failures`` failed polls in a row: ``every`` doubled per failure,
    capped at ``MAX_BACKOFF_S`` (or at ``every`` when that is longer)."""
    return min(every * 2 ** min(failures, 32), max(MAX_BACKOFF_S, every))


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
