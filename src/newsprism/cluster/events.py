"""Events inside one story: distinct real-world happenings of the same kind.

Two visits on one topic a year apart, two earthquakes in one region: the words are the same,
so events are told apart by WHO and WHERE (the entity profile, which also holds salient numbers
such as magnitudes and death tolls), by the words specific to each happening, and by WHEN: each
article's happening lies in a date interval (a report in the days up to its date, a preview on
the day it names or in the weeks after it was written), and an event never spans a gap longer
than ``EVENT_GAP_DAYS`` between reliably dated members.

Two paths: ``EventSet.add`` places one article online (the most similar event whose dates fit);
``cluster_events`` is the deterministic batch answer used by ``StoryIndex.consolidate``: average
linkage over the story's members, then a split wherever the dates leave a gap.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice

import numpy as np

from .features import Features
from .similarity import agglomerate

# Online answer only (consolidate() replaces it); set by hand, checked on the seeds.
EVENT_JOIN = 0.55  # cos(article, event centroid) + EVENT_KEY_WEIGHT * entity overlap
EVENT_KEY_WEIGHT = 0.5
# Batch: the similarity of two articles of one story (see similarity.similarity), tuned on ECB+
# dev. Centring on the story is what tells sibling events apart: ECB+ event F1 inside the gold
# topics 0.88 without it, 0.95 with full centring; full centring splits single events (Multi-News
# one-event clusters: B-cubed F1 0.70), hence the shrunk mean (similarity.CENTRE_PRIOR, 0.84).
# Entities are compared centred too: within one story the names every article shares (the team,
# the island) say nothing about which happening an article reports; those only some share do
# (within-topic same-event AUC on ECB+ dev, mean over topics: entities 0.880, centred 0.918).
WEIGHTS = {"raw": 0.2, "centred": 0.3, "lexical": 0.25, "entities_centred": 0.25}
# ECB+ dev event F1 (as given / text only) with the veto below: 0.931 / 0.945 at 0.02, 0.933 /
# 0.943 at 0.06, 0.932 / 0.941 at 0.10, 0.924 / 0.930 at 0.14. (Before entities were centred:
# 0.914 / 0.936 at the best link, 0.15.)
EVENT_LINK = 0.06
# Two groups of at least EVENT_APART_MIN articles whose story-centred similarity (MiniLM and
# entities, APART_WEIGHTS) is below EVENT_APART share nothing beyond the story's common ground:
# two events, however alike the rest (two NFL players' DUI arrests, two Paris jewel heists).
# ECB+ dev event F1 at link 0.06, as given / text only: below -0.03 / 0.0 / 0.03 -> 0.924 /
# 0.933 / 0.928 and 0.942 / 0.943 / 0.934 (min 5); min 4 / 5 / 6 / 8 -> 0.927 / 0.933 / 0.929 /
# 0.913 as given. Smaller groups are too noisy to judge: a pair of articles proves nothing.
# (MiniLM alone as the veto's measure: 0.914 / 0.936 at its best.)
EVENT_APART = 0.0
APART_WEIGHTS = {"centred": 0.5, "entities_centred": 0.5}
EVENT_APART_MIN = 5
# Same-event articles dated by their publisher lie within weeks of each other: on ECB+ 90% of
# such pairs are < 55 days apart, and members chain (a follow-up a month later stays).
EVENT_GAP_DAYS = 60
REPORT_SLACK_DAYS = 3  # a report's happening lies in the days before it was written
PREVIEW_LEAD_DAYS = 45  # a preview without a named day announces something within weeks
RELIABLE = frozenset({"published", "caption"})  # date sources strong enough to split events
# Online: an article is compared with the story's most recently extended events only, so the
# cost of add() does not grow with a story's history (consolidate() sees every event).
RECENT_EVENTS = 32


def interval(feats: Features, reliable_only: bool = False) -> tuple[dt.date, dt.date] | None:
    """The dates the article's happening can lie in, None when undated."""
    when = feats.when
    if when.date is None or (reliable_only and when.source not in RELIABLE):
        return None
    if when.future:
        return when.date, when.date
    if feats.role == "preview":
        return when.date, when.date + dt.timedelta(days=PREVIEW_LEAD_DAYS)
    return when.date - dt.timedelta(days=REPORT_SLACK_DAYS), when.date


def gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


# --- online ------------------------------------------------------------------------------------
class _Event:
    __slots__ = ("members", "vsum", "keys", "hull", "first", "unit")

    def __init__(self, dim: int):
        self.first: Features | None = None
        self.members: list[Features] = []
        self.vsum = np.zeros(dim, dtype=np.float64)
        self.keys: Counter = Counter()
        self.hull: tuple[dt.date, dt.date] | None = None  # from the earliest to the latest dated member
        self.unit = np.zeros(dim, dtype=np.float64)  # the normalised centroid

    def add(self, feats: Features) -> None:
        self.members.append(feats)
        if self.first is None or feats.order < self.first.order:
            self.first = feats
        if feats.vector.size:
            self.vsum += feats.vector
            norm = float(np.linalg.norm(self.vsum))
            self.unit = self.vsum / norm if norm else self.vsum
        self.keys.update(feats.keys.keys())
        span = interval(feats, reliable_only=True)
        if span:
            self.hull = span if self.hull is None else (min(self.hull[0], span[0]), max(self.hull[1], span[1]))

    def centroid(self) -> np.ndarray:
        return self.unit

    def fits(self, span, max_gap: int) -> bool:
        """Constant time: the distance to the event's date hull (members chain, so a new article
        inside the hull always fits)."""
        if span is None or self.hull is None:
            return True
        return gap(span, self.hull) <= max_gap


class EventSet:
    """The events of one story, grown one article at a time."""

    def __init__(self, dim: int = 384):
        self.dim = dim
        self.events: list[_Event] = []
        self._event_of: dict[str, _Event] = {}
        self._recent: OrderedDict[int, _Event] = OrderedDict()  # least recently extended first

    @classmethod
    def from_groups(cls, groups: Sequence[Sequence[Features]], dim: int) -> "EventSet":
        events = cls(dim)
        for group in groups:
            event = _Event(dim)
            for feats in group:
                event.add(feats)
                events._event_of[feats.id] = event
            events.events.append(event)
            events._recent[id(event)] = event
        return events

    def add(self, feats: Features, overlap: Callable[[dict, Counter, int], float], *,
            join: float = EVENT_JOIN, key_weight: float = EVENT_KEY_WEIGHT, max_gap: int = EVENT_GAP_DAYS) -> None:
        span = interval(feats, reliable_only=True)
        best, best_score = None, join
        for event in islice(reversed(self._recent.values()), RECENT_EVENTS):
            if not event.fits(span, max_gap):
                continue
            score = float(event.centroid() @ feats.vector) if feats.vector.size else 0.0
            score += key_weight * overlap(feats.keys, event.keys, len(event.members))
            if score >= best_score:
                best, best_score = event, score
        if best is None:
            best = _Event(self.dim)
            self.events.append(best)
        best.add(feats)
        self._event_of[feats.id] = best
        self._recent[id(best)] = best
        self._recent.move_to_end(id(best))

    def first_of(self, article_id: str) -> str:
        """The id of the earliest member of the article's event."""
        first = self._event_of[article_id].first
        assert first is not None  # an event is made with its first member
        return first.id

    def groups(self) -> list[list[Features]]:
        return [list(e.members) for e in self.events]




def cluster_events(members: Sequence[Features], term_idf: np.ndarray, key_idf: Callable[[str], float], *,
                   link: float = EVENT_LINK, max_gap: int = EVENT_GAP_DAYS,
                   weights: dict[str, float] | None = None, apart_below: float | None = EVENT_APART,
                   apart_min: int = EVENT_APART_MIN, apart_weights: dict[str, float] | None = None
                   ) -> list[list[Features]]:
    """The events of one story (batch, deterministic), earliest first."""
    apart = None if apart_below is None else (apart_weights or APART_WEIGHTS, apart_below, apart_min)
    return agglomerate(members, term_idf, key_idf, link=link, max_gap=max_gap, weights=weights or WEIGHTS,
                       interval=partial(interval, reliable_only=True), apart=apart)
