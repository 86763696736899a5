"""Stories as users see them: titles, date spans, events in time order, outlets and the count
of independent sources (provenance groups, not articles: ten copies of one wire story are one
source)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np

from ..model import Article, Event, EventArticle, ProvenanceGroup, Story
from .events import RELIABLE
from .features import Features
from .index import StoryIndex

TITLE_MAX_CHARS = 140


def independent_sources(ids: Iterable[str], groups: Sequence[ProvenanceGroup]) -> int:
    """Distinct provenance groups among ``ids``; an id in no group is a source of its own.
    Uses ``newsprism.dedup.independent_sources`` when that stage is installed."""
    try:
        from ..dedup import independent_sources as counted
    except ImportError:
        counted = None  # type: ignore[assignment]
    ids = list(ids)
    if counted is not None:
        return counted(ids, groups)
    group_of = {}
    for group in groups:
        group_of[group.origin] = group.origin
        for member in group.members:
            group_of[member.id] = group.origin
    return len({group_of.get(i, i) for i in ids})


def central(members: Sequence[Features]) -> Features:
    """The member closest to the group's centroid (ties: the earliest)."""
    vectors = [f.vector for f in members if f.vector.size]
    if not vectors:
        return members[0]
    centroid = np.sum(vectors, axis=0)
    scored = [(-(float(f.vector @ centroid) if f.vector.size else -1e9), f.order, f) for f in members]
    return min(scored, key=lambda t: (t[0], t[1]))[2]


def title_of(members: Sequence[Features], articles: dict[str, Article]) -> str:
    """The most central headline; without headlines, the opening of the most central text.

    Members whose date rests on a publication date or caption give the title when there are
    any, and among them reports before previews: an undated article may join a story but never
    names it (issue 12: six undated 2017 articles and a dated 2023 one; the title must be one the
    dates stand behind), and an event that happened is not named by its preview ("Blinken to
    boost ..." for the visit once a report of it is in the pile)."""
    dated = [f for f in members if f.when.date and f.when.source in RELIABLE]
    reports = [f for f in dated if f.role == "report"]
    members = reports or dated or members
    with_headline = [f for f in members if (f.headline or "").strip()]
    if with_headline:
        return (central(with_headline).headline or "").strip()
    article = articles.get(central(members).id)
    text = (article.text if article else "").strip().split("\n")[0]
    return text[:TITLE_MAX_CHARS].rstrip() + ("..." if len(text) > TITLE_MAX_CHARS else "")


def _span(members: Sequence[Features]) -> tuple[str | None, str | None]:
    """The days of the happening: from reports whose date rests on a publication date or caption
    when there are any (an undated article anchored on the latest date in its text can be decades
    off: a Watergate retrospective), else from any report, else from any member."""
    reports = [f for f in members if f.role == "report" and f.when.date]
    reliable = [f.when.date for f in reports if f.when.source in RELIABLE]
    days: list[dt.date] = [d for d in (reliable or [f.when.date for f in reports]
                                       or [f.when.date for f in members if f.when.date]) if d is not None]
    if not days:
        return None, None
    return min(days).isoformat(), max(days).isoformat()


def stories(index: StoryIndex, articles: Iterable[Article], groups: Sequence[ProvenanceGroup] = ()) -> list[Story]:
    """Every story of ``index`` (consolidated first), in display order (``display_order``)."""
    by_id = {a.id: a for a in articles}
    index.consolidate()
    out = []
    for story_id, events in index.groups():
        built = [_event(event_id, members, by_id) for event_id, members in events]
        built.sort(key=lambda e: (e.start is None, e.start or "", e.id))
        members = [f for _, ms in events for f in ms]
        members.sort(key=lambda f: f.order)
        ids = tuple(f.id for f in members)
        outlets = tuple(sorted({o for i in ids if i in by_id and (o := by_id[i].outlet)}))
        starts = [e.start for e in built if e.start]
        ends = [e.end for e in built if e.end]
        out.append(Story(id=story_id, title=title_of(members, by_id), articles=ids, outlets=outlets,
                         independent_sources=independent_sources(ids, groups),
                         start=min(starts) if starts else None, end=max(ends) if ends else None,
                         events=tuple(built)))
    return display_order(out)


def display_order(stories: Iterable[Story]) -> list[Story]:
    """Stories covered by several independent sources first, the most widely covered first,
    then the most recent; single-source items last, newest first (a pile of 44 stories had 33
    single-article ones: listed by date they buried the stories the pile is about)."""
    return sorted(stories, key=lambda s: (s.independent_sources >= 2, s.independent_sources,
                                          s.end or "", len(s.articles), s.id), reverse=True)


def _event(event_id: str, members: list[Features], by_id: dict[str, Article]) -> Event:
    start, end = _span(members)
    return Event(id=event_id, title=title_of(members, by_id), start=start, end=end,
                 articles=tuple(EventArticle(id=f.id, role=f.role, flags=f.flags) for f in members))
