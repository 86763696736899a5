"""Polite fetching: robots.txt obeyed (read once per host and cached), one request at a time per
host with a pause between them, and a User-Agent that names newsprism and its version.

``PoliteFetcher`` is ingest's ``Fetcher`` (same address guard, redirect limit, size cap and
deadline) with these rules in front of every request, so the feed and the pages of its entries
are fetched under them alike.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import BadInput, FetchError, RefusedURL
from ..ingest.fetch import Fetched, Fetcher
from . import patterns

# Seconds between two requests to one host when its robots.txt names no Crawl-delay: one a
# second is the common courtesy of crawlers (and far below what a news site's CDN notices).
DEFAULT_HOST_DELAY = 1.0
# A Crawl-delay above this is obeyed as this: a feed watcher asks a host a handful of times per
# poll, and a delay of minutes would stall the other feeds behind it.
MAX_CRAWL_DELAY = 60.0
# How long a robots.txt is trusted (RFC 9309 asks for at most 24 hours).
ROBOTS_TTL_S = 6 * 3600.0
# A robots.txt that could not be reached (5xx, network) counts as "disallow all" (RFC 9309
# section 2.3.1.4) for this long before it is asked again.
ROBOTS_RETRY_S = 600.0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Robots:
    """A host's robots.txt as last read: its rules (None: all allowed) and until when to trust it."""

    rules: RobotFileParser | None
    until: float
    reachable: bool = True


def user_agent() -> str:
    from .. import __version__

    return patterns.USER_AGENT.format(version=__version__)


class PoliteFetcher(Fetcher):
    """A ``Fetcher`` that obeys robots.txt and spaces its requests per host.

    ``stop`` (an event) cuts a pause short when the watcher is asked to stop; ``clock`` and
    ``sleep`` are injectable for tests.
    """

    def __init__(self, *, host_delay: float = DEFAULT_HOST_DELAY, stop: threading.Event | None = None,
                 clock: Callable[[], float] = time.monotonic, **options):
        options.setdefault("user_agent", user_agent())
        super().__init__(**options)
        self.host_delay = host_delay
        self.stop = stop or threading.Event()
        self.clock = clock
        self._robots: dict[str, _Robots] = {}
        self._last: dict[str, float] = {}

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        origin = _origin(url)
        if origin is not None:
            rules = self._rules(origin, url)
            if rules is not None and not rules.can_fetch(patterns.ROBOTS_TOKEN, url):
                raise RefusedURL(url, f"robots.txt of {origin} disallows it for {patterns.ROBOTS_TOKEN}")
            self._wait_turn(origin, rules)
        return super().fetch(url, headers)

    def _rules(self, origin: str, url: str) -> RobotFileParser | None:
        """The host's robots rules (None: everything allowed); raises FetchError while its
        robots.txt is unreachable."""
        cached = self._robots.get(origin)
        if cached is None or self.clock() >= cached.until:
            cached = self._robots[origin] = self._read_robots(origin)
        if not cached.reachable:
            raise FetchError(url, f"robots.txt of {origin} could not be read; asking again later")
        return cached.rules

    def _read_robots(self, origin: str) -> _Robots:
        self._wait_turn(origin, None)
        try:
            fetched = super().fetch(origin + "/robots.txt")
        except BadInput:  # 4xx, not text, refused redirect: no usable rules, all allowed (RFC 9309)
            return _Robots(rules=None, until=self.clock() + ROBOTS_TTL_S)
        except FetchError:
            return _Robots(rules=None, until=self.clock() + ROBOTS_RETRY_S, reachable=False)
        rules = RobotFileParser()
        rules.parse(fetched.data.decode("utf-8", "replace").splitlines())
        return _Robots(rules=rules, until=self.clock() + ROBOTS_TTL_S)

    def _wait_turn(self, origin: str, rules: RobotFileParser | None) -> None:
        """Pause until this host's delay since the last request to it has passed."""
        delay = self.host_delay
        if rules is not None:
            crawl = rules.crawl_delay(patterns.ROBOTS_TOKEN)
            if crawl:
                delay = max(delay, min(float(crawl), MAX_CRAWL_DELAY))
        last = self._last.get(origin)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.stop.wait(wait)
        self._last[origin] = self.clock()


def _origin(url: str) -> str | None:
    """``scheme://host[:port]`` of ``url`` (None if it has none: the fetch reports the URL)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.rsplit('@', 1)[-1].lower()}"
