"""The incremental story index: articles join stories, and events inside them, one at a time.

    index = StoryIndex()
    for article, annotation in stream:
        assignment = index.add(article, annotation)   # cheap: no corpus recomputation
    final = index.consolidate()                        # deterministic; the same for any order

``add`` retrieves candidate stories by vector search over story centroids (a numpy matrix,
blocked by month so that only stories active within ``STORY_WINDOW_DAYS`` of the article are
scored), rescores the best few with entity overlap, and joins the best one above
``STORY_JOIN`` or opens a new story; inside the story it joins the event whose dates, people,
places and numbers fit, or opens one (``events.EventSet``). That is the online answer.

``consolidate`` gives the final answer, a function of the set of articles only: (1) when
articles arrived out of canonical order (date, then id) the online pass is replayed in that
order (a stream that arrives in date order never is); (2) online stories whose centroids are
close form blocks; inside each block articles are clustered by average linkage (MiniLM +
lexical similarity, the learned same-story similarity of ``pair_adapter`` and the learned link,
``similarity.agglomerate``; while both clusters are
small, also by how far they stand out from their neighbours) into scaffold stories; (3) inside each scaffold
story events are clustered in batch (``events.cluster_events``: who, where, specific words,
dates); (4) events link into the final stories by their centred lead sentences
(``linking.link_events``: a story is a kind of happening; its events differ in names). Ids are
content hashes of a story's (an event's) earliest member, so re-runs over the same articles keep
them. numpy's BLAS runs on one thread inside ``add`` and ``consolidate``.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from contextlib import nullcontext
from dataclasses import replace

import numpy as np

from ..model import Annotation, Article, Assignment  # Assignment re-exported: cluster.Assignment
from .events import EventSet, cluster_events
from .features import TERM_BITS, Features, features
from .link_model import LinkModel, shipped
from .linking import (
    BACKGROUND_PRIOR, LEAD_WORDS_WEIGHT, YEARS_APART_DAYS, YEARS_APART_EXTRA, lead_centre, lead_word_idf, link_events,
)
from .similarity import agglomerate

RECORD = dict(frozen=True, slots=True, kw_only=True)

# Online answer (consolidate() replaces it). Online stories also seed the blocks consolidate()
# re-clusters, so joining leans loose: a lumped block is split again by the batch pass.
STORY_JOIN = 0.50  # cos(article, story centroid) + STORY_KEY_WEIGHT * entity overlap
STORY_KEY_WEIGHT = 0.25
CANDIDATES = 8  # stories rescored with entity overlap after the vector search
# Stories span months (two visits a year apart are one story, two events): a story is a
# candidate when it has members within this many days of the article.
STORY_WINDOW_DAYS = 400
PROFILE_SHARE = 0.5  # a story's entity counts as present when this share of members mention it
# consolidate(): stories are re-clustered by average linkage inside blocks of online stories
# whose centroids are this close (capped in size: the linkage is quadratic in the block).
BLOCK_LINK = 0.40
MAX_BLOCK = 2500
# The scaffold similarity: MiniLM cosine, the learned same-story similarity (``pair_adapter``) and
# tf-idf words. The learned share was chosen on the validation parts (bench/train_pair_adapter.py
# --mix; story B-cubed F1 ECB+ even topics / NeuS train stories 0-299 / BASIL validation
# triplets): 0.0 (as before) 0.949 / 0.893 / 0.960, 0.15 0.949 / 0.909 / 0.960, 0.2 0.950 / 0.906
# / 0.960, 0.3 0.950 / 0.905 / 0.960, 0.45 0.945 / 0.906 / 0.960, 0.6 0.945 / 0.911 / 0.960; at 0.3 ECB+ dev
# (all topics in one pile) lost precision (story F1 0.929), at 0.15 it did not (bench/RESULTS.md).
STORY_WEIGHTS = {"raw": 0.45, "learned": 0.15, "centred": 0.0, "lexical": 0.4, "entities": 0.0}
STORY_LINK = 0.30  # ECB+ dev story F1: 0.877 at 0.25, 0.891 at 0.30, 0.863 at 0.35
GROW = 1024
SET_ASIDE = frozenset({"not-english", "no-vector"})


class _Story:
    __slots__ = ("row", "members", "vsum", "keys", "months", "events", "dated", "aside", "first")

    def __init__(self, row: int, dim: int, aside: bool = False):
        self.row = row
        self.aside = aside  # set aside: never a candidate for other articles
        self.members: list[Features] = []
        self.vsum = np.zeros(dim, dtype=np.float64)
        self.keys: Counter = Counter()
        self.months: set[int] = set()
        self.events = EventSet(dim)
        self.dated = False
        self.first: Features | None = None  # the earliest member (canonical order): the id's source

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vsum))
        return (self.vsum / norm).astype(np.float32) if norm else self.vsum.astype(np.float32)


def overlap(keys: dict[str, float], profile: Counter, size: int, idf) -> float:
    """Share of an article's entity weight (salience x idf) that a group's profile holds: a
    key counts fully when ``PROFILE_SHARE`` of the group's members mention it."""
    total = got = 0.0
    for key, weight in keys.items():
        w = weight * idf(key)
        total += w
        count = profile.get(key, 0)
        if count:
            got += w * min(1.0, count / (PROFILE_SHARE * size))
    return got / total if total else 0.0


def short_hash(prefix: str, text: str) -> str:
    return prefix + hashlib.sha1(text.encode()).hexdigest()[:12]


class StoryIndex:
    """Stories and events over a growing set of articles (see the module docstring)."""

    def __init__(self, *, dim: int = 384, story_join: float = STORY_JOIN, key_weight: float = STORY_KEY_WEIGHT,
                 window_days: int = STORY_WINDOW_DAYS, event_params: dict | None = None,
                 batch_event_params: dict | None = None, story_link: float = STORY_LINK,
                 story_weights: dict | None = None, type_link: float | None = None,
                 background_prior: float = BACKGROUND_PRIOR, words_weight: float = LEAD_WORDS_WEIGHT,
                 apart_days: int = YEARS_APART_DAYS, apart_extra: float = YEARS_APART_EXTRA,
                 learned: bool = True, link_model: LinkModel | None = None):
        """``learned``: scaffold stories and event links follow the learned link (``link_model``,
        default the shipped one; see ``link_model``) rather than ``story_link`` / ``type_link``."""
        self.dim = dim
        self.story_join = story_join
        self.key_weight = key_weight
        self.window_days = window_days
        self.event_params = dict(event_params or {})
        self.batch_event_params = dict(batch_event_params or {})
        self.story_link = story_link
        self.story_weights = dict(story_weights or STORY_WEIGHTS)
        self.type_link = type_link
        self.background_prior = background_prior
        self.words_weight = words_weight
        self.apart_days = apart_days
        self.apart_extra = apart_extra
        self.link_model = (link_model or shipped()) if learned else None
        self._blas = _single_thread_blas()
        self._features: dict[str, Features] = {}
        self._arrival: list[str] = []
        self._view: dict[str, tuple[str, str]] | None = None
        self._view_groups: list[tuple[str, list[tuple[str, list[Features]]]]] = []
        # the last consolidation's blocks and the scaffold stories inside each (``cluster.stored``
        # keeps them so that a later run re-clusters only the blocks new articles touch)
        self.last_blocks: list[tuple[list[_Story], list[list[Features]]]] = []
        self._reset()

    # --- state ---------------------------------------------------------------------------------
    def _reset(self) -> None:
        self._stories: list[_Story] = []
        self._centroids = np.zeros((GROW, self.dim), dtype=np.float32)
        self._months: dict[int, set[int]] = {}
        self._undated: set[int] = set()
        self._story_of: dict[str, int] = {}
        self._key_df: Counter = Counter()
        self._term_df = np.zeros(1 << TERM_BITS, dtype=np.int32)
        self._n = 0
        self._last_order: tuple = ()
        self._dirty = False

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._features

    def idf(self, key: str) -> float:
        return math.log((self._n + 1) / (self._key_df.get(key, 0) + 1)) + 1.0

    def term_idf(self) -> np.ndarray:
        return (np.log((self._n + 1) / (self._term_df + 1.0)) + 1.0).astype(np.float32)

    # --- adding --------------------------------------------------------------------------------
    def add(self, article: Article, annotation: Annotation | None) -> Assignment:
        """Place one article; returns its online assignment (re-adding a known id is a no-op)."""
        if article.id in self._features:
            return self.assignment(article.id)
        return self.add_features(features(article, annotation))

    def add_features(self, feats: Features) -> Assignment:
        """``add`` for precomputed features (benchmarks, re-runs from the store)."""
        if feats.id in self._features:
            return self.assignment(feats.id)
        feats = checked(feats, self.dim)
        self._features[feats.id] = feats
        self._arrival.append(feats.id)
        if self._last_order and feats.order < self._last_order:
            self._dirty = True  # arrived out of canonical order: consolidate() replays
        self._view = None
        with self._blas():
            self._place(feats)
        return self.assignment(feats.id)

    def _place(self, feats: Features) -> None:
        self._last_order = max(self._last_order, feats.order) if self._last_order else feats.order
        aside = bool(SET_ASIDE.intersection(feats.flags))
        story = None if aside else self._best_story(feats)
        if story is None:
            story = self._new_story(aside)
        self._join(story, feats)

    def _best_story(self, feats: Features) -> _Story | None:
        rows = self._candidate_rows(feats.day)
        if rows.size == 0:
            return None
        sims = self._centroids[rows] @ feats.vector
        order = np.lexsort((rows, -sims))[:CANDIDATES]
        best, best_score = None, self.story_join
        for k in order.tolist():
            sim = float(sims[k])
            if sim + self.key_weight < best_score:
                break
            story = self._stories[int(rows[k])]
            score = sim + self.key_weight * overlap(feats.keys, story.keys, len(story.members), self.idf)
            if score >= best_score:
                best, best_score = story, score
        return best

    def _candidate_rows(self, day) -> np.ndarray:
        if day is None:
            return np.asarray([s.row for s in self._stories if not s.aside], dtype=np.int64)
        rows: set[int] = set(self._undated)
        span = self.window_days // 30 + 1
        month = _month(day)
        for m in range(month - span, month + span + 1):
            rows.update(self._months.get(m, ()))
        return np.fromiter(sorted(rows), dtype=np.int64, count=len(rows))

    def _new_story(self, aside: bool = False) -> _Story:
        row = len(self._stories)
        if row >= self._centroids.shape[0]:
            grown = np.zeros((self._centroids.shape[0] * 2, self.dim), dtype=np.float32)
            grown[:row] = self._centroids[:row]
            self._centroids = grown
        story = _Story(row, self.dim, aside)
        self._stories.append(story)
        if not aside:
            self._undated.add(row)
        return story

    def _join(self, story: _Story, feats: Features) -> None:
        story.members.append(feats)
        if story.first is None or feats.order < story.first.order:
            story.first = feats
        story.vsum += feats.vector
        story.keys.update(feats.keys.keys())
        self._key_df.update(feats.keys.keys())
        self._term_df[feats.terms] += 1
        self._n += 1
        self._story_of[feats.id] = story.row
        day = feats.day
        if day is not None and not story.aside:
            month = _month(day)
            if month not in story.months:
                story.months.add(month)
                self._months.setdefault(month, set()).add(story.row)
            if not story.dated:
                story.dated = True
                self._undated.discard(story.row)
        self._centroids[story.row] = story.centroid()
        story.events.add(feats, lambda keys, profile, size: overlap(keys, profile, size, self.idf),
                         **self.event_params)

    # --- consolidation -------------------------------------------------------------------------
    def consolidate(self) -> list[Assignment]:
        """The final answer (see the module docstring); every article's assignment."""
        if self._view is not None:
            return self.assignments()
        with self._blas():
            self._consolidate()
        return self.assignments()

    def _consolidate(self) -> None:
        events, alone, centre, lead_idf = self.events()
        self._build_view(events, self.link(events, alone, centre, lead_idf))

    def events(self) -> tuple[list[list[Features]], list[bool], np.ndarray, np.ndarray]:
        """The batch events before they link into stories (canonical order), whether each is
        set-aside input kept alone, the background lead and the lead words' idf: what
        ``linking.link_events`` reads (also for training the learned link)."""
        if self._dirty:
            ordered = sorted(self._features.values(), key=lambda f: f.order)
            self._reset()
            for feats in ordered:
                self._place(feats)
        term_idf = self.term_idf()
        events: list[list[Features]] = []
        alone: list[bool] = []
        scaffold: list[list[Features]] = []
        self.last_blocks = []
        for block in self._blocks():
            found, kinds, stories = self.recluster(block, term_idf, self.idf)
            events.extend(found)
            alone.extend(kinds)
            scaffold.extend(stories)
            self.last_blocks.append((block, stories))
        ranked = sorted(range(len(events)), key=lambda k: events[k][0].order)
        events = [events[k] for k in ranked]
        alone = [alone[k] for k in ranked]
        centre = lead_centre(sorted(scaffold, key=lambda story: story[0].order), self.background_prior)
        lead_idf = lead_word_idf(sorted(self._features.values(), key=lambda f: f.order))
        return events, alone, centre, lead_idf

    def recluster(self, block: list[_Story], term_idf: np.ndarray, idf
                  ) -> tuple[list[list[Features]], list[bool], list[list[Features]]]:
        """One block's batch events, whether each is set-aside input kept alone, and its scaffold
        stories (the content clusters inside which events are told apart)."""
        if len(block) == 1 and block[0].aside:
            return [sorted(block[0].members, key=lambda f: f.order)], [True], []
        return self.recluster_members([f for story in block for f in story.members], term_idf, idf)

    def recluster_members(self, members: list[Features], term_idf: np.ndarray, idf
                          ) -> tuple[list[list[Features]], list[bool], list[list[Features]]]:
        events: list[list[Features]] = []
        scaffold = agglomerate(members, term_idf, idf, link=self.story_link, weights=self.story_weights,
                               max_gap=0, interval=_no_interval,
                               model=self.link_model.scaffold if self.link_model else None)
        for story in scaffold:
            events.extend(cluster_events(story, term_idf, idf, **self.batch_event_params))
        return events, [False] * len(events), scaffold

    def link(self, events: list[list[Features]], alone: list[bool], centre: np.ndarray,
             lead_idf: np.ndarray) -> list[int]:
        """``linking.link_events`` with this index's settings."""
        return link_events(events, centre, link=self.type_link, alone=alone, lead_idf=lead_idf,
                           words_weight=self.words_weight, apart_days=self.apart_days,
                           apart_extra=self.apart_extra,
                           model=self.link_model.events if self.link_model else None)

    def _blocks(self) -> list[list[_Story]]:
        """Online stories grouped for batch re-clustering: unions of stories whose centroids
        reach ``BLOCK_LINK``, at most ``MAX_BLOCK`` articles each. No time window here: the
        online pass already bounded what it compared, and a story may span years. Deterministic:
        stories are scanned in row order, neighbours best first."""
        parent = list(range(len(self._stories)))
        size = [len(s.members) for s in self._stories]

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        live = np.asarray([s.row for s in self._stories if not s.aside], dtype=np.int64)
        for story in self._stories:
            if story.aside:
                continue
            rows = live[live > story.row]
            if rows.size == 0:
                continue
            sims = self._centroids[rows] @ self._centroids[story.row]
            for k in np.lexsort((rows, -sims)).tolist():
                if sims[k] < BLOCK_LINK:
                    break
                a, b = find(story.row), find(int(rows[k]))
                if a != b and size[a] + size[b] <= MAX_BLOCK:
                    parent[max(a, b)] = min(a, b)
                    size[min(a, b)] += size[max(a, b)]
        blocks: dict[int, list[_Story]] = {}
        for story in self._stories:
            blocks.setdefault(find(story.row), []).append(story)
        return list(blocks.values())

    def _build_view(self, events: list[list[Features]], labels: list[int]) -> None:
        self._view, self._view_groups = build_view(events, labels)

    # --- reading -------------------------------------------------------------------------------
    def assignment(self, article_id: str) -> Assignment:
        """The article's consolidated assignment when ``consolidate`` ran since the last
        ``add``, else its online one."""
        feats = self._features[article_id]
        if self._view is not None:
            story_id, event_id = self._view[article_id]
        else:
            story = self._stories[self._story_of[article_id]]
            assert story.first is not None  # a story is made with its first member
            story_id = short_hash("s", story.first.id)
            event_id = short_hash("e", story.events.first_of(article_id))
        return Assignment(article_id=article_id, story_id=story_id, event_id=event_id, role=feats.role,
                          flags=feats.flags)

    def assignments(self) -> list[Assignment]:
        """Every article's assignment, in arrival order."""
        return [self.assignment(i) for i in self._arrival]

    def features(self, article_id: str) -> Features:
        return self._features[article_id]

    def groups(self) -> list[tuple[str, list[tuple[str, list[Features]]]]]:
        """[(story id, [(event id, members)])] of the consolidated view (consolidating first)."""
        self.consolidate()
        return list(self._view_groups)


def checked(feats: Features, dim: int) -> Features:
    """``feats`` as the index places it: a missing or empty vector becomes zeros, flagged."""
    if feats.vector.shape != (dim,) or not np.any(feats.vector):
        flags = feats.flags if "no-vector" in feats.flags else feats.flags + ("no-vector",)
        feats = replace(feats, vector=np.zeros(dim, dtype=np.float32), flags=flags)
    return feats


def build_view(events: list[list[Features]], labels: list[int]
               ) -> tuple[dict[str, tuple[str, str]], list[tuple[str, list[tuple[str, list[Features]]]]]]:
    """Article id -> (story id, event id), and [(story id, [(event id, members)])], from the
    events (canonical order) and their story labels. Ids are content hashes of the earliest member."""
    stories: dict[int, list[list[Features]]] = {}
    for group, label in zip(events, labels):
        stories.setdefault(label, []).append(group)
    view: dict[str, tuple[str, str]] = {}
    groups_out = []
    for story_events in stories.values():
        first = min((f for g in story_events for f in g), key=lambda f: f.order)
        story_id = short_hash("s", first.id)
        built = []
        for group in sorted(story_events, key=lambda g: min(f.order for f in g)):
            members = sorted(group, key=lambda f: f.order)
            event_id = short_hash("e", members[0].id)
            built.append((event_id, members))
            for feats in members:
                view[feats.id] = (story_id, event_id)
        groups_out.append((story_id, built))
    return view, groups_out


def _single_thread_blas():
    """A context that runs numpy's BLAS on one thread (as ``dedup.index`` does). The products
    here are small (a few hundred story centroids x 384): on the shared 2-core machine a
    multi-threaded OpenBLAS spends more time waking threads than multiplying."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it the index is correct, only slower under load
        return nullcontext
    controller = ThreadpoolController()
    return lambda: controller.limit(limits=1, user_api="blas")


def _month(day) -> int:
    return day.year * 12 + day.month


def _first_day(story: _Story):
    days = [f.day for f in story.members if f.day is not None]
    return min(days) if days else None


def _no_interval(feats: Features):
    """Stories are not split by dates: a trial two years after the crime is the same story
    (ECB+: splitting stories at 400-day gaps cost 0.03 story F1)."""
    return None
