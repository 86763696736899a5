"""The watcher: every due feed polled, then one alert round over what they brought.

    Watcher(store, urls, options, sinks).run()       a long-lived process (SIGTERM/SIGINT stop it
                                                      cleanly after the feed being polled)
    Watcher(...).cycle(once=True)                     every feed once (``--once``: cron, tests)

A round runs the incremental analysis (``newsprism.analysis.analyze``: cached stage outputs are
reused by stage version, so only the new articles are parsed), finds the alerts the new
articles raise (``alerts.find_alerts``), stores them with the articles marked read in one
transaction, then hands the stored ones to the sinks. A crash anywhere before that transaction
leaves the articles unread: the next round (after a restart too) raises their alerts.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import FrameType
from typing import Any

from ..errors import StoreError
from ..ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from ..model import Failure
from . import patterns
from .alerts import find_alerts
from .poll import FAILED, FeedPoll, poll_feed, record_failure
from .polite import DEFAULT_HOST_DELAY, PoliteFetcher
from .records import ALERT_KINDS, Alert
from .sinks import Sink, deliver

DEFAULT_EVERY_S = 15 * 60.0
# The loop never sleeps less than this between cycles (a clock jump must not make it spin).
MIN_SLEEP_S = 1.0
# Longest single wait of the loop: how late at most a stop signal is noticed while idle.
PAUSE_SLICE_S = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchOptions:
    """How the watcher polls: ``every`` seconds between polls of a feed; ``host_delay`` seconds
    between two requests to one host; ``analyze`` False only ingests (alerts wait for a round
    with analysis); ``kinds`` the alert kinds raised; the rest as in ``newsprism ingest``."""

    every: float = DEFAULT_EVERY_S
    host_delay: float = DEFAULT_HOST_DELAY
    allow_private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    analyze: bool = True
    kinds: tuple[str, ...] = ALERT_KINDS  # the alert kinds raised (others are not stored)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cycle:
    """One pass over the due feeds and the alert round after it."""

    polls: tuple[FeedPoll, ...] = ()
    skipped: tuple[str, ...] = ()  # feeds not due (backing off after failures)
    alerts: tuple[Alert, ...] = ()
    problems: tuple[str, ...] = field(default_factory=tuple)  # analysis or delivery trouble

    @property
    def ok(self) -> bool:
        return not self.problems and all(p.status != FAILED for p in self.polls)


class Watcher:
    """Polls ``urls`` into ``store`` (see the module docstring).

    ``language`` is the analysis's language layer (loaded on the first round when None);
    ``client`` an ``httpx.Client`` for the fetches; ``now`` the clock (tests move it);
    ``report`` receives the log lines (stderr in the CLI).
    """

    def __init__(self, store: Any, urls: Sequence[str], options: WatchOptions = WatchOptions(), *,
                 sinks: Sequence[Sink] = (), language: Any = None, client: Any = None,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 report: Callable[[str], None] = lambda line: None):
        self.store = store
        self.urls = list(urls)
        self.options = options
        self.sinks = list(sinks)
        self.language = language
        self.now = now
        self.report = report
        self.stop = threading.Event()
        self.fetcher = PoliteFetcher(host_delay=options.host_delay, stop=self.stop, allow_private=options.allow_private,
                                     max_bytes=options.max_bytes, timeout=options.timeout, client=client)

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # --- one cycle ---------------------------------------------------------------------------------
    def cycle(self, *, once: bool = False) -> Cycle:
        """Poll every due feed, then run an alert round. ``once``: every feed is due except
        those backing off after failures (cron runs ``--once`` at its own interval)."""
        polls, skipped = [], []
        for url in self.urls:
            if self.stop.is_set():
                break
            if not self._due(url, once=once):
                skipped.append(url)
                continue
            try:
                poll = poll_feed(self.store, url, self.fetcher, every=self.options.every, now=self.now(),
                                 on_failure=self._entry_failed)
            except StoreError:
                raise  # nothing can be stored: the watcher stops with one line naming the store
            except Exception as error:  # noqa: BLE001 - one feed's surprise must not stop the others
                reason = f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"
                poll = record_failure(self.store, url, reason, every=self.options.every, now=self.now())
            self.report(poll.line())
            polls.append(poll)
        alerts: list[Alert] = []
        problems: list[str] = []
        if not self.stop.is_set():
            alerts, problems = self.alert_round()
        return Cycle(polls=tuple(polls), skipped=tuple(skipped), alerts=tuple(alerts), problems=tuple(problems))

    def alert_round(self) -> tuple[list[Alert], list[str]]:
        """Analyse, raise the alerts of the unread articles, store them, deliver the stored ones."""
        if not self.options.analyze:
            return [], []
        fresh = self.store.unalerted_articles()
        if not fresh:
            return [], []
        try:
            before = self._followed_articles()
            self._analyze()
            self._carry_follows(before)
            found = [a for a in find_alerts(self.store, fresh) if a.kind in self.options.kinds]
        except Exception as error:  # noqa: BLE001 - the articles stay unread; the next round retries
            line = f"analysis failed: {type(error).__name__}: {' '.join(str(error).split())[:300]}"
            self.report(line)
            return [], [line]
        stored = self.store.save_alerts(found, articles=fresh)
        return stored, deliver(stored, self.sinks, self.report)

    # --- the long-lived loop -------------------------------------------------------------------
    def run(self, *, handle_signals: bool = True) -> None:
        """Cycle until stopped (SIGTERM, SIGINT or ``stop.set()``), sleeping until the next feed
        is due; a cycle in progress finishes the feed it is polling first."""
        if handle_signals and threading.current_thread() is threading.main_thread():
            for number in (signal.SIGTERM, signal.SIGINT):
                signal.signal(number, self._on_signal)
        while not self.stop.is_set():
            self.cycle()
            self._pause(self._sleep_s())

    def _pause(self, seconds: float) -> None:
        """Wait ``seconds`` or until stopped, in short slices: a signal handler runs only when
        the main thread runs Python code, and a signal sent to another thread wakes no wait."""
        end = time.monotonic() + seconds
        while not self.stop.is_set() and (left := end - time.monotonic()) > 0:
            self.stop.wait(min(left, PAUSE_SLICE_S))

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        self.report(f"{signal.Signals(number).name}: stopping after the current feed")
        self.stop.set()

    def _sleep_s(self) -> float:
        now = self.now()
        waits = [self.options.every]
        for url in self.urls:
            state = self.store.feed_state(url)
            if state is None or state.next_poll is None:
                return MIN_SLEEP_S
            waits.append((datetime.fromisoformat(state.next_poll) - now).total_seconds())
        return max(MIN_SLEEP_S, min(waits))

    # --- helpers ------------------------------------------------------------------------------------
    def _due(self, url: str, *, once: bool) -> bool:
        state = self.store.feed_state(url)
        if state is None or state.next_poll is None or (once and state.failures == 0):
            return True
        return datetime.fromisoformat(state.next_poll) <= self.now()

    def _entry_failed(self, failure: Failure) -> None:
        self.report(f"error: {failure.source}: {' '.join(failure.reason.split())}")

    def _analyze(self) -> None:
        from ..analysis import analyze
        from ..nlp import shared_language

        if self.language is None:
            self.language = shared_language()
        analyze(self.store, self.language)

    def _followed_articles(self) -> dict[str, set[str]]:
        followed = set(self.store.followed())
        return {s.id: set(s.articles) for s in self.store.stories() if s.id in followed} if followed else {}

    def _carry_follows(self, before: dict[str, set[str]]) -> None:
        """A story's id is the hash of its earliest article: when a newly taken article dates
        from before it, the story gets a new id. Follow the story under its new id too."""
        if not before:
            return
        stories = self.store.stories()
        current = {s.id for s in stories}
        for old_id, articles in before.items():
            if old_id in current:
                continue
            for story in stories:
                if articles & set(story.articles):
                    self.store.follow(story.id)


def parse_every(value: str) -> float:
    """Seconds in ``15m``, ``90s``, ``1h30m``, ``2d`` or a bare number of seconds."""
    match = patterns.DURATION.match(value or "")
    if not match or not any(match.groups()):
        raise ValueError(f"not a duration: {value!r} (try 15m, 90s, 1h)")
    seconds = sum(float(part) * unit for part, unit in zip(match.groups(), patterns.DURATION_UNITS) if part)
    if seconds <= 0:
        raise ValueError(f"the interval must be positive: {value!r}")
    return seconds
