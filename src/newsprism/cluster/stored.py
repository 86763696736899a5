"""The story index's input kept in the store between runs: each article's ``Features``, computed
once from its text and annotation, so that a run re-clusters from these compact records (about
4 KB an article: two vectors and the hashed words) instead of re-reading every text and
annotation (sentence vectors: tens of KB an article).

    feats = stored_features(store, articles, annotations, version=...)

``consolidate`` is a function of the whole set of articles (blocks, batch events and the links
between them read every story), so every run still places and consolidates every article: the
answer is the one-shot answer, and this stage's time and memory grow with n (bench/RESULTS.md,
"Incremental cross-article stages").
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import math
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..model import Annotation, Article, Assignment, IndexEntry
from .dates import When
from .features import TERM_BITS, Features, features
from .index import (
    BLOCK_LINK, CANDIDATES, MAX_BLOCK, SET_ASIDE, StoryIndex, _month, build_view, checked, overlap,
)
from .linking import BACKGROUND_PRIOR

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

KIND = "story"
FORMAT = "features-2"  # features-2: headline terms  # the encoding (part of the index version)
BATCH = 256  # articles whose features are computed and saved together


def index_version(cluster_version: str, annotation_version: str) -> str:
    return f"{cluster_version}+{FORMAT}+{annotation_version}"


def stored_features(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation], *,
                    version: str) -> dict[str, Features]:
    """The features of every article of ``articles``: read from the store, computed (from
    ``annotations``, read only for these) and saved for those not stored yet."""
    wanted = {a.id for a in articles}
    known = store.indexed_ids(KIND, version)
    missing = [a for a in articles if a.id not in known]
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        store.save_index_entries(KIND, version, [
            IndexEntry(article_id=a.id, data=encode(features(a, annotations.get(a.id)))) for a in batch])
    if len(wanted) * 2 >= len(known) + len(missing):  # most of the index: one scan
        return {e.article_id: decode(e.article_id, e.data) for e in store.index_entries(KIND, version)
                if e.article_id in wanted}
    ids = sorted(wanted)
    return {e.article_id: decode(e.article_id, e.data) for start in range(0, len(ids), 2000)
            for e in store.index_entries(KIND, version, ids[start:start + 2000])}


_ARRAYS = (("vector", np.float32), ("terms", np.int32), ("tf", np.float32), ("lead", np.float32),
           ("lead_terms", np.int32), ("lead_tf", np.float32), ("headline_terms", np.int32),
           ("headline_tf", np.float32))


def encode(f: Features) -> bytes:
    arrays = [np.ascontiguousarray(getattr(f, name), dtype=dtype).reshape(-1) for name, dtype in _ARRAYS]
    head = {"keys": f.keys, "when": [_day(f.when.date), _day(f.when.anchor), f.when.source, f.when.future],
            "masked": f.masked, "role": f.role, "words": f.words, "outlet": f.outlet, "headline": f.headline,
            "flags": list(f.flags), "order": list(f.order), "sizes": [len(a) for a in arrays],
            "lead_is_vector": f.lead is f.vector}
    return b"".join([json.dumps(head, ensure_ascii=False).encode("utf-8"), b"\n", *(a.tobytes() for a in arrays)])


def decode(article_id: str, data: bytes) -> Features:
    cut = data.index(b"\n")
    head = json.loads(data[:cut].decode("utf-8"))
    at, arrays = cut + 1, {}
    for (name, dtype), size in zip(_ARRAYS, head["sizes"]):
        arrays[name] = np.frombuffer(data, dtype=dtype, count=size, offset=at)
        at += size * np.dtype(dtype).itemsize
    if head["lead_is_vector"]:
        arrays["lead"] = arrays["vector"]
    date, anchor, source, future = head["when"]
    return Features(id=article_id, keys=head["keys"], when=When(date=_date(date), anchor=_date(anchor),
                                                                 source=source, future=future),
                    masked=head["masked"], role=head["role"], words=head["words"], outlet=head["outlet"],
                    headline=head["headline"], flags=tuple(head["flags"]), order=tuple(head["order"]), **arrays)


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


# --- the consolidated index kept between runs ------------------------------------------------------
# A batch run (``rebuild``) places and consolidates every article, as ``StoryIndex`` does, and then
# keeps what a later run needs to consolidate only what changed: each online story (members' ids,
# vector sum, entity counts, months, block), each block (its stories, size, and the sum of its
# scaffold stories' mean leads: its share of the background lead), and the global statistics the
# decisions read (entity and word document frequencies, the lead words' document frequencies, the
# background lead's sum). An incremental run (``update``) places the new articles online among the
# stored stories active within the window of their dates, unites the blocks their stories now reach
# (a neighbour search over those stories' centroids, not every pair), re-clusters those blocks alone,
# and links their events with the events of the final stories they belonged to. What it does not
# redo, by design: blocks no new article reaches keep the clustering they got with the statistics of
# their day (idf, background lead), blocks only ever merge, and events link only within the final
# stories the changed blocks touch. bench/RESULTS.md ("The story index kept in the store") measures
# how far that moves the answer from a batch run.
ONLINE, BLOCK, SCAFFOLD, STATS, PLACED = "story-online", "story-block", "story-scaffold", "story-stats", "story-placed"
STATE_FORMAT = "state-2"  # state-2: scaffold stories kept
STATS_ID = "stats"
# A run whose new articles are at least this share of the articles placed so far is a batch run:
# rebuilding when the index has doubled costs O(1) an article amortised, and keeps the answer
# within one doubling of the batch answer.
REBUILD_SHARE = 1.0
# Below this many placed articles every run is a batch run. An incremental run's stories differ
# from a batch run's (against gold, ECB+ and NeuS dev added in chunks: story B-cubed F1 up to 0.014
# below batch with the scaffold setting below; bench/RESULTS.md "Incremental stories against gold
# stories" and "The story index kept in the store"), while a batch run over 10,000 articles
# costs the parent ~15-35 CPU-s: piles of a size people analyse by hand keep the batch answer, and
# only a stream past this size trades it for a cost per run that follows what arrived.
INCREMENTAL_FROM = 10_000
_MONTH, _UNDATED = 0, 1  # key slots of an online story: its months, or undated
# A new article is re-clustered with the scaffold stories of its block (and the other new articles)
# that are among its SCAFFOLD_CANDIDATES nearest and at least SCAFFOLD_NEAR (cosine). Against gold
# stories (bench/stories_incremental_gold.py, ECB+ and NeuS dev in chunks, two orders), 2 nearest
# at 0.6 lost 0.02-0.05 story F1 to a batch run, all of it recall; 8 at 0.4 comes within 0.000-0.014
# on ECB+ and matches batch on NeuS, for 1.1-1.7x the incremental CPU there and 2-4x on
# bench/stream_scale.py's stream (still far below a batch rebuild; bench/RESULTS.md).
SCAFFOLD_CANDIDATES = 8
SCAFFOLD_NEAR = 0.4


def state_version(version: str) -> str:
    return f"{version}+{STATE_FORMAT}"


class _Online:
    """An online story as the store keeps it (``index._Story`` without its member records)."""

    __slots__ = ("row", "members", "vsum", "keys", "months", "aside", "dated", "first", "block")

    def __init__(self, row: int, dim: int, aside: bool = False):
        self.row, self.aside, self.dated = row, aside, False
        self.members: list[str] = []
        self.vsum = np.zeros(dim, dtype=np.float64)
        self.keys: Counter = Counter()
        self.months: set[int] = set()
        self.first: tuple = ()  # the earliest member's canonical order
        self.block = -1

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vsum))
        return (self.vsum / norm).astype(np.float32) if norm else self.vsum.astype(np.float32)

    def entry(self) -> IndexEntry:
        head = {"members": self.members, "keys": dict(self.keys), "months": sorted(self.months),
                "aside": self.aside, "dated": self.dated, "first": list(self.first), "block": self.block}
        keys = tuple((_MONTH, m) for m in sorted(self.months))
        if not self.aside and not self.dated:
            keys += ((_UNDATED, 0),)
        return IndexEntry(article_id=_online_id(self.row), keys=keys,
                          data=json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + self.vsum.tobytes())

    @classmethod
    def from_entry(cls, entry: IndexEntry) -> _Online:
        cut = entry.data.index(b"\n")
        head = json.loads(entry.data[:cut].decode("utf-8"))
        story = cls(int(entry.article_id[1:]), 0, head["aside"])
        story.vsum = np.frombuffer(entry.data, dtype=np.float64, offset=cut + 1).copy()
        story.members, story.keys, story.months = head["members"], Counter(head["keys"]), set(head["months"])
        story.dated, story.first, story.block = head["dated"], tuple(head["first"]), head["block"]
        return story


def _online_id(row: int) -> str:
    return f"o{row:010d}"


def _block_id(block: int) -> str:
    return f"b{block:010d}"


class _Block:
    """A block as kept: its online stories, its articles, its scaffold stories' ids."""

    __slots__ = ("id", "stories", "size", "scaffolds")

    def __init__(self, block: int, stories: list[int], size: int, scaffolds: list[int]):
        self.id, self.stories, self.size, self.scaffolds = block, stories, size, scaffolds

    def entry(self) -> IndexEntry:
        head = {"stories": self.stories, "size": self.size, "scaffolds": self.scaffolds}
        return IndexEntry(article_id=_block_id(self.id), data=json.dumps(head).encode("utf-8"))

    @classmethod
    def from_entry(cls, entry: IndexEntry) -> _Block:
        head = json.loads(entry.data.decode("utf-8"))
        return cls(int(entry.article_id[1:]), head["stories"], head["size"], head["scaffolds"])


class _Scaffold:
    """A scaffold story as kept: its members, their vectors' sum (the neighbour search of new
    articles) and its mean lead (its share of the background lead), None without leads."""

    __slots__ = ("id", "members", "vsum", "lead")

    def __init__(self, number: int, members: Sequence[Features], dim: int):
        self.id, self.members = number, [f.id for f in members]
        self.vsum = np.zeros(dim, dtype=np.float64)
        for f in members:
            self.vsum += f.vector
        lead = _lead_mean(members)
        self.lead = lead if lead is not None and lead.size == dim else None

    def unit(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vsum))
        return (self.vsum / norm).astype(np.float32) if norm else self.vsum.astype(np.float32)

    def entry(self) -> IndexEntry:
        head = json.dumps({"members": self.members, "lead": self.lead is not None}, ensure_ascii=False)
        tail = self.vsum.tobytes() + (self.lead.tobytes() if self.lead is not None else b"")
        return IndexEntry(article_id=_scaffold_id(self.id), data=head.encode("utf-8") + b"\n" + tail)

    @classmethod
    def from_entry(cls, entry: IndexEntry) -> _Scaffold:
        cut = entry.data.index(b"\n")
        head = json.loads(entry.data[:cut].decode("utf-8"))
        arrays = np.frombuffer(entry.data, dtype=np.float64, offset=cut + 1)
        dim = arrays.size // 2 if head["lead"] else arrays.size
        kept = cls(int(entry.article_id[1:]), [], dim)
        kept.members, kept.vsum = head["members"], arrays[:dim].copy()
        kept.lead = arrays[dim:].copy() if head["lead"] else None
        return kept


def _scaffold_id(number: int) -> str:
    return f"c{number:010d}"


class _Stats:
    """The global statistics the decisions read, and counters."""

    def __init__(self, dim: int):
        self.n = 0
        self.key_df: Counter = Counter()
        self.term_df = np.zeros(1 << TERM_BITS, dtype=np.int32)
        self.lead_df = np.zeros(1 << TERM_BITS, dtype=np.int32)
        self.centre_sum = np.zeros(dim, dtype=np.float64)
        self.centre_count = 0
        self.next_row = self.next_block = self.next_scaffold = 0
        self.stories = self.events = 0

    def idf(self, key: str) -> float:  # as StoryIndex.idf
        return math.log((self.n + 1) / (self.key_df.get(key, 0) + 1)) + 1.0

    def term_idf(self) -> np.ndarray:  # as StoryIndex.term_idf
        return (np.log((self.n + 1) / (self.term_df + 1.0)) + 1.0).astype(np.float32)

    def lead_idf(self) -> np.ndarray:  # as linking.lead_word_idf over every article
        return (np.log((self.n + 1) / (self.lead_df + 1.0)) + 1.0).astype(np.float32)

    def centre(self) -> np.ndarray:  # as linking.lead_centre over every scaffold story
        if not self.centre_count:
            return np.zeros(0, dtype=np.float64)
        return self.centre_count / (self.centre_count + BACKGROUND_PRIOR) * (self.centre_sum / self.centre_count)

    def entry(self) -> IndexEntry:
        head = {"n": self.n, "key_df": dict(self.key_df), "centre_count": self.centre_count,
                "next_row": self.next_row, "next_block": self.next_block, "next_scaffold": self.next_scaffold,
                "stories": self.stories,
                "events": self.events, "dim": int(self.centre_sum.size)}
        arrays = zlib.compress(self.term_df.tobytes() + self.lead_df.tobytes() + self.centre_sum.tobytes(), 1)
        return IndexEntry(article_id=STATS_ID, data=json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + arrays)

    @classmethod
    def from_entry(cls, entry: IndexEntry) -> _Stats:
        cut = entry.data.index(b"\n")
        head = json.loads(entry.data[:cut].decode("utf-8"))
        stats = cls(head["dim"])
        raw = zlib.decompress(entry.data[cut + 1:])
        size = (1 << TERM_BITS) * 4
        stats.term_df = np.frombuffer(raw, dtype=np.int32, count=1 << TERM_BITS).copy()
        stats.lead_df = np.frombuffer(raw, dtype=np.int32, count=1 << TERM_BITS, offset=size).copy()
        stats.centre_sum = np.frombuffer(raw, dtype=np.float64, offset=2 * size).copy()
        stats.n, stats.key_df, stats.centre_count = head["n"], Counter(head["key_df"]), head["centre_count"]
        stats.next_row, stats.next_block, stats.next_scaffold = head["next_row"], head["next_block"], head["next_scaffold"]
        stats.stories, stats.events = head["stories"], head["events"]
        return stats

    def add_lead(self, scaffold: _Scaffold, sign: int = 1) -> None:
        if scaffold.lead is not None:
            self.centre_sum += sign * scaffold.lead
            self.centre_count += sign

    def count(self, feats: Features) -> None:
        self.key_df.update(feats.keys.keys())
        self.term_df[feats.terms] += 1
        self.lead_df[feats.lead_terms] += 1
        self.n += 1


def _lead_mean(members: Sequence[Features]) -> np.ndarray | None:
    """A scaffold story's mean lead (as ``linking.lead_centre`` sums them), None without leads."""
    leads = [f.lead for f in members if f.lead.size]
    return np.mean(np.stack(leads).astype(np.float64), axis=0) if leads else None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryUpdate:
    """What a run changed: with ``full`` the whole answer (a batch run), else the assignments of
    the articles whose story was rebuilt, the rebuilt stories' member groups, and the ids of the
    stored stories they replace. ``stories`` / ``events``: the totals after the run."""

    full: bool
    assignments: list[Assignment]
    groups: list[tuple[str, list[tuple[str, list[Features]]]]]
    dropped: list[str]
    stories: int
    events: int


def has_state(store: Store, version: str) -> bool:
    return any(True for _ in store.index_state(STATS, state_version(version), [STATS_ID]))


def placed_ids(store: Store, version: str) -> set[str]:
    return store.indexed_ids(PLACED, state_version(version))


def save_state(store: Store, index: StoryIndex, version: str, totals: tuple[int, int]) -> None:
    """Keep ``index`` (consolidated: ``last_blocks`` filled) as the state a later run updates."""
    v = state_version(version)
    for kind in (ONLINE, BLOCK, SCAFFOLD, STATS):
        store.delete_index_state(kind)
    store.delete_index_entries(PLACED)
    stats = _Stats(index.dim)
    stats.n, stats.key_df, stats.term_df = index._n, Counter(index._key_df), index._term_df.copy()
    for feats in index._features.values():
        stats.lead_df[feats.lead_terms] += 1
    online: dict[int, _Online] = {}
    for story in index._stories:
        kept = _Online(story.row, index.dim, story.aside)
        kept.members = [f.id for f in story.members]
        kept.vsum, kept.keys, kept.months, kept.dated = story.vsum.copy(), Counter(story.keys), set(story.months), story.dated
        kept.first = story.first.order if story.first is not None else ()
        online[story.row] = kept
    blocks: list[_Block] = []
    scaffolds: list[_Scaffold] = []
    for number, (members, scaffold) in enumerate(index.last_blocks):
        made = [_Scaffold(len(scaffolds) + k, group, index.dim) for k, group in enumerate(scaffold)]
        for kept_scaffold in made:
            stats.add_lead(kept_scaffold)
        scaffolds.extend(made)
        for story in members:
            online[story.row].block = number
        blocks.append(_Block(number, [s.row for s in members], sum(len(s.members) for s in members),
                             [c.id for c in made]))
    stats.next_row, stats.next_block, stats.next_scaffold = len(index._stories), len(blocks), len(scaffolds)
    stats.stories, stats.events = totals
    _save(store, v, list(online.values()), blocks, scaffolds, stats)
    ids = list(index._features)
    for start in range(0, len(ids), 5000):
        store.save_index_entries(PLACED, v, [IndexEntry(article_id=i) for i in ids[start:start + 5000]])


def _save(store: Store, version: str, online: Sequence[_Online], blocks: Sequence[_Block],
          scaffolds: Sequence[_Scaffold], stats: _Stats) -> None:
    for start in range(0, len(online), 2000):
        store.save_index_state(ONLINE, version, [s.entry() for s in online[start:start + 2000]])
    for start in range(0, len(scaffolds), 2000):
        store.save_index_state(SCAFFOLD, version, [c.entry() for c in scaffolds[start:start + 2000]])
    store.save_index_state(BLOCK, version, [b.entry() for b in blocks])
    store.save_index_state(STATS, version, [stats.entry()])


def update(store: Store, new: Sequence[Features], version: str, index: StoryIndex | None = None) -> StoryUpdate:
    """Add the ``new`` articles' features to the kept state (see above) and return what changed.
    ``version``: the features' (``index_version``); ``index``: an empty ``StoryIndex`` whose
    settings to use (default ones otherwise)."""
    index = index if index is not None else StoryIndex()
    feature_version = version
    v = state_version(version)
    stats = _Stats.from_entry(next(iter(store.index_state(STATS, v, [STATS_ID]))))
    dim = index.dim
    if not new:
        return StoryUpdate(full=False, assignments=[], groups=[], dropped=[], stories=stats.stories, events=stats.events)
    new = sorted((checked(f, dim) for f in new), key=lambda f: f.order)
    with index._blas():
        # 1. online placement among the stored stories active within the window of the new articles
        span = index.window_days // 30 + 1
        months = {_month(f.day) for f in new if f.day is not None}
        wanted = {(_MONTH, m + d) for m in months for d in range(-span, span + 1)} | {(_UNDATED, 0)}
        stories = {s.row: s for s in (_Online.from_entry(e) for e in store.index_state(
            ONLINE, v, sorted(store.index_state_matches(ONLINE, v, wanted))))}
        touched: set[int] = set()
        added: Counter = Counter()
        row_of: dict[str, int] = {}
        units: dict[int, np.ndarray] = {}
        for feats in new:
            story = None if SET_ASIDE.intersection(feats.flags) else _best(stories, feats, stats, index, span, units)
            if story is None:
                story = _Online(stats.next_row, dim, bool(SET_ASIDE.intersection(feats.flags)))
                stats.next_row += 1
                stories[story.row] = story
            _join(story, feats, stats)
            units.pop(story.row, None)
            touched.add(story.row)
            added[story.row] += 1
            row_of[feats.id] = story.row
        # 2. the blocks the touched stories reach (a neighbour search over the loaded centroids)
        blocks = {b.id: b for b in (_Block.from_entry(e) for e in store.index_state(
            BLOCK, v, sorted({_block_id(stories[r].block) for r in touched if stories[r].block >= 0})))}
        parent: dict[int, int] = {}

        def find(x: int) -> int:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        size: dict[int, int] = {}
        for row in sorted(touched):
            story = stories[row]
            if story.block < 0:  # a new story: a block of its own to begin with
                story.block = stats.next_block
                stats.next_block += 1
                blocks[story.block] = _Block(story.block, [row], 0, [])
            size[story.block] = size.get(story.block, blocks[story.block].size) + added[row]
        live = sorted(r for r, s in stories.items() if not s.aside)
        if live:
            matrix = np.stack([stories[r].centroid() for r in live])
            rows = np.asarray(live, dtype=np.int64)
            for row in sorted(touched):
                if stories[row].aside:
                    continue
                sims = matrix @ stories[row].centroid()
                for k in np.lexsort((rows, -sims)).tolist():
                    if sims[k] < BLOCK_LINK:
                        break
                    other = stories[int(rows[k])]
                    if other.block not in size:
                        if other.block not in blocks:
                            blocks.update((b.id, b) for b in (_Block.from_entry(e) for e in store.index_state(
                                BLOCK, v, [_block_id(other.block)])))
                        size[other.block] = blocks[other.block].size
                    a, b = find(stories[row].block), find(other.block)
                    if a != b and size[a] + size[b] <= MAX_BLOCK:
                        parent[max(a, b)] = min(a, b)
                        size[min(a, b)] += size[max(a, b)]
        reached = {find(stories[r].block) for r in touched}  # a neighbour too full to unite stays as it was
        merged: dict[int, list[int]] = {}
        for block in size:
            if find(block) in reached:
                merged.setdefault(find(block), []).append(block)
        # 3. inside each block the touched stories reach, re-cluster the new articles with the
        # scaffold stories near them (SCAFFOLD_CANDIDATES), each connected part on its own
        new_by_id = {f.id: f for f in new}
        term_idf = stats.term_idf()
        events: list[list[Features]] = []
        alone: list[bool] = []
        changed: set[str] = set(new_by_id)
        rewrite: set[int] = set(touched)
        changed_blocks: list[_Block] = []
        dropped_blocks: list[int] = []
        made: list[_Scaffold] = []
        gone: list[int] = []
        largest = 0
        for root, parts in sorted(merged.items()):
            rows_in = sorted({r for b in parts for r in blocks[b].stories})
            moved = [r for b in parts if b != root for r in blocks[b].stories]
            missing = [_online_id(r) for r in moved if r not in stories]
            stories.update((s.row, s) for s in (_Online.from_entry(e) for e in store.index_state(ONLINE, v, missing)))
            for r in moved:
                stories[r].block = root
            rewrite.update(moved)
            arrivals = [f for f in new if row_of[f.id] in set(rows_in)]
            owned = sorted({c for b in parts for c in blocks[b].scaffolds})
            if len(rows_in) == 1 and stories[rows_in[0]].aside:  # set-aside input: an event alone
                events.extend([f] for f in arrivals)
                alone.extend([True] * len(arrivals))
            else:
                kept_scaffolds = {c.id: c for c in (_Scaffold.from_entry(e) for e in store.index_state(
                    SCAFFOLD, v, [_scaffold_id(c) for c in owned]))}
                for part_scaffolds, part_new in _parts(arrivals, kept_scaffolds):
                    ids = [i for c in part_scaffolds for i in c.members]
                    held = _features_of(store, feature_version, ids, {}, dim) + part_new
                    largest = max(largest, len(held))
                    found, kinds, scaffold = index.recluster_members(held, term_idf, stats.idf)
                    for old_scaffold in part_scaffolds:
                        stats.add_lead(old_scaffold, -1)
                        gone.append(old_scaffold.id)
                        del kept_scaffolds[old_scaffold.id]
                    for group in scaffold:
                        fresh = _Scaffold(stats.next_scaffold, group, dim)
                        stats.next_scaffold += 1
                        stats.add_lead(fresh)
                        made.append(fresh)
                        kept_scaffolds[fresh.id] = fresh
                    events.extend(found)
                    alone.extend(kinds)
                    changed.update(ids)
                owned = sorted(kept_scaffolds)
            changed_blocks.append(_Block(root, rows_in, size[root], owned))
            dropped_blocks.extend(b for b in parts if b != root)
        # 4. link the new events with the events of the final stories they touch
        before = store.assignments(sorted(changed - set(new_by_id)))
        old_stories = [s for s in (store.story(i) for i in sorted({a.story_id for a in before.values()})) if s]
        fixed = [[a.id for a in e.articles if a.id not in changed] for s in old_stories for e in s.events]
        fixed = [group for group in fixed if group]
        by_id = {f.id: f for f in _features_of(store, feature_version, [i for g in fixed for i in g], {}, dim)}
        events.extend(sorted((by_id[i] for i in group), key=lambda f: f.order) for group in fixed)
        alone.extend(bool(SET_ASIDE.intersection(by_id[group[0]].flags)) for group in fixed)
        ranked = sorted(range(len(events)), key=lambda k: min(f.order for f in events[k]))
        events = [events[k] for k in ranked]
        alone = [alone[k] for k in ranked]
        labels = index.link(events, alone, stats.centre(), stats.lead_idf())
        view, groups = build_view(events, labels)
    feats_of = {f.id: f for e in events for f in e}
    assignments = [Assignment(article_id=i, story_id=s, event_id=e, role=feats_of[i].role, flags=feats_of[i].flags)
                   for i, (s, e) in sorted(view.items())]
    dropped = sorted(s.id for s in old_stories)
    stats.stories += len(groups) - len(old_stories)
    stats.events += sum(len(g[1]) for g in groups) - sum(len(s.events) for s in old_stories)
    _save(store, v, [stories[r] for r in sorted(rewrite)], changed_blocks, made, stats)
    if dropped_blocks:
        store.delete_index_state(BLOCK, [_block_id(b) for b in dropped_blocks])
    if gone:
        store.delete_index_state(SCAFFOLD, [_scaffold_id(c) for c in gone])
    log.info("stories: %d new articles, %d articles re-clustered in %d blocks (largest part %d), %d events linked",
             len(new), len(changed), len(changed_blocks), largest, len(events))
    store.save_index_entries(PLACED, v, [IndexEntry(article_id=f.id) for f in new])
    return StoryUpdate(full=False, assignments=assignments, groups=groups, dropped=dropped, stories=stats.stories,
                       events=stats.events)


def _parts(arrivals: Sequence[Features], scaffolds: Mapping[int, _Scaffold]
           ) -> list[tuple[list[_Scaffold], list[Features]]]:
    """The new articles of one block with the scaffold stories near them, in connected parts: a
    new article reaches its SCAFFOLD_CANDIDATES nearest scaffold stories and other new articles
    at SCAFFOLD_NEAR or more (cosine)."""
    parent: dict[tuple[str, object], tuple[str, object]] = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    def unite(a, b):
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    order = sorted(scaffolds)
    nodes = [("c", c) for c in order] + [("a", f.id) for f in arrivals]
    if not arrivals:
        return []
    matrix = np.stack([scaffolds[c].unit() for c in order] + [f.vector for f in arrivals])
    sims = matrix[len(order):] @ matrix.T
    for k, feats in enumerate(arrivals):
        node = ("a", feats.id)
        parent.setdefault(node, node)
        sims[k, len(order) + k] = -np.inf  # not itself
        for j in np.argsort(-sims[k], kind="stable")[:SCAFFOLD_CANDIDATES].tolist():
            if sims[k, j] < SCAFFOLD_NEAR:
                break
            unite(node, nodes[j])
    grouped: dict[tuple[str, object], tuple[list[_Scaffold], list[Features]]] = {}
    for feats in arrivals:
        grouped.setdefault(find(("a", feats.id)), ([], []))[1].append(feats)
    for c in order:
        root = find(("c", c))
        if root in grouped:
            grouped[root][0].append(scaffolds[c])
    return [grouped[k] for k in sorted(grouped, key=str)]


def _features_of(store: Store, version: str, ids: Sequence[str], known: Mapping[str, Features],
                 dim: int) -> list[Features]:
    """The features of ``ids`` (``known`` ones as given, the others decoded from the store), as the index holds them."""
    out = {i: known[i] for i in ids if i in known}
    rest = [i for i in ids if i not in out]
    for start in range(0, len(rest), 2000):
        for e in store.index_entries(KIND, version, rest[start:start + 2000]):
            out[e.article_id] = decode(e.article_id, e.data)
    return [checked(out[i], dim) for i in ids if i in out]


def _best(stories: Mapping[int, _Online], feats: Features, stats: _Stats, index: StoryIndex, span: int,
          units: dict[int, np.ndarray]) -> _Online | None:
    """``StoryIndex._best_story`` over the loaded stories (``units``: their centroids, kept
    between calls; the caller drops a story's when it changes)."""
    if feats.day is None:
        rows = sorted(r for r, s in stories.items() if not s.aside)
    else:
        month = _month(feats.day)
        rows = sorted(r for r, s in stories.items() if not s.aside
                      and (not s.dated or any(month - span <= m <= month + span for m in s.months)))
    if not rows:
        return None
    candidates = np.asarray(rows, dtype=np.int64)
    sims = np.stack([units[r] if r in units else units.setdefault(r, stories[r].centroid()) for r in rows]) \
        @ feats.vector
    best, best_score = None, index.story_join
    for k in np.lexsort((candidates, -sims))[:CANDIDATES].tolist():
        sim = float(sims[k])
        if sim + index.key_weight < best_score:
            break
        story = stories[int(candidates[k])]
        score = sim + index.key_weight * overlap(feats.keys, story.keys, len(story.members), stats.idf)
        if score >= best_score:
            best, best_score = story, score
    return best


def _join(story: _Online, feats: Features, stats: _Stats) -> None:
    """``StoryIndex._join`` for a kept story (no online events: only the consolidated answer is kept)."""
    story.members.append(feats.id)
    if not story.first or feats.order < story.first:
        story.first = feats.order
    story.vsum += feats.vector
    story.keys.update(feats.keys.keys())
    stats.count(feats)
    day = feats.day
    if day is not None and not story.aside:
        story.months.add(_month(day))
        story.dated = True
