"""RSS/Atom feeds: each entry becomes one article, its page fetched when possible.

An entry whose page cannot be fetched falls back on the feed's own content or summary when
that holds a whole article rather than a teaser; entries with neither are reported one by one.
"""
from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from typing import Any, Iterator

import feedparser

from newsprism.errors import BadInput, EmptyInput, FetchError
from newsprism.ingest import patterns
from newsprism.ingest.fetch import Fetcher
from newsprism.ingest.safety import guarded_call
from newsprism.model import Failure, RawArticle

# Visible characters a feed entry's content needs to stand in for its page. Teaser summaries
# in news feeds run one or two sentences (BBC, Reuters, Guardian: ~100-300 characters);
# full-content feeds carry whole articles. A judgement between the two, not a measurement.
MIN_FALLBACK_CHARS = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedFeed:
    """A parsed feed: its title (the outlet of its entries), charset and entries (feedparser's)."""

    source: str
    outlet: str | None
    encoding: str | None
    entries: tuple[Any, ...]


def read_feed(data: bytes, *, source: str, fetcher: Fetcher,
              base_url: str | None = None) -> Iterator[RawArticle | Failure]:
    """Yield one article or failure per entry of the feed in ``data`` (named ``source#N``)."""
    feed = parse_feed(data, source=source, base_url=base_url)
    for number, entry in enumerate(feed.entries, start=1):
        yield read_entry(feed, entry, name=f"{source}#{number}", fetcher=fetcher)


def parse_feed(data: bytes, *, source: str, base_url: str | None = None) -> ParsedFeed:
    """Parse a feed; raises ``BadInput`` when it is malformed or ``EmptyInput`` without entries."""
    headers = {"content-location": base_url} if base_url else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as error:  # noqa: BLE001 - feedparser trips over bad entities and charsets
        raise BadInput(source, f"malformed feed: the feed parser failed "
                               f"({type(error).__name__}: {_problem(error)})") from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise BadInput(source, f"malformed feed: {_problem(parsed.get('bozo_exception'))}")
        raise EmptyInput(source, "the feed has no entries")
    return ParsedFeed(source=source, outlet=_clean(parsed.get("feed", {}).get("title")),
                      encoding=parsed.get("encoding") or None, entries=tuple(entries))


def read_entry(feed: ParsedFeed, entry: Any, *, name: str, fetcher: Fetcher) -> RawArticle | Failure:
    """One entry as an article (its page fetched, else the feed's own content) or a failure."""
    return guarded_call(name, partial(_read_entry, entry, source=name, outlet=feed.outlet,
                                      encoding=feed.encoding, fetcher=fetcher))


def entry_key(entry: Any) -> str | None:
    """What identifies an entry across polls: its id (guid), else its link, else None."""
    return _clean(entry.get("id")) or _clean(entry.get("link"))


def _read_entry(entry, *, source: str, outlet: str | None, encoding: str | None,
                fetcher: Fetcher) -> RawArticle | Failure:
    hints = dict(title=_clean(entry.get("title")), published=_published(entry),
                 author=_clean(entry.get("author")), outlet=outlet)
    link = _clean(entry.get("link"))
    content = _content(entry)
    problem: BadInput | FetchError | None = None
    if link:
        try:
            page = fetcher.fetch_article(link)
        except (BadInput, FetchError) as error:
            problem = error
        else:
            return RawArticle(source=source, kind=page.kind, body=page.body, url=page.url,
                              encoding=page.encoding, **hints)
    visible = len(_visible_text(content))
    if visible >= MIN_FALLBACK_CHARS:
        return RawArticle(source=source, kind="html", body=content, url=link, encoding=encoding,
                          **hints)
    if problem is not None:
        return Failure(source=source, reason=f"{link}: {problem.reason}", retryable=problem.retryable)
    if content:
        return Failure(source=source, reason=f"broken feed entry: no link, and only {visible} "
                                             f"characters of content (under {MIN_FALLBACK_CHARS})")
    return Failure(source=source, reason="broken feed entry: no link and no content")


def _content(entry) -> str:
    """The entry's fullest HTML: its longest ``content`` value, else its summary."""
    values = [item.get("value") or "" for item in entry.get("content") or []]
    values.append(entry.get("summary") or "")
    return max(values, key=len).strip()


def _published(entry) -> str | None:
    """ISO 8601 in UTC when feedparser could parse the date, else the feed's own text."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                year, month, day, hour, minute, second = parsed[:6]  # a time.struct_time
                return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc).isoformat()
            except (TypeError, ValueError):
                pass
        if entry.get(key):
            return _clean(entry.get(key))
    return None


def _problem(error) -> str:
    """An XML parse error as "no element found (line 1, column 65)"."""
    if hasattr(error, "getMessage") and hasattr(error, "getLineNumber"):
        return f"{error.getMessage()} (line {error.getLineNumber()}, column {error.getColumnNumber()})"
    return " ".join(str(error or "not XML").split())


def _visible_text(markup: str) -> str:
    return " ".join(html.unescape(patterns.TAG.sub(" ", markup)).split())


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
