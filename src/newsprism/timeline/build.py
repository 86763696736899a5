"""Stories laid out in time: each event placed by the days its reports name, previews before it,
every article with the day it was written, where that day came from, and the dates behind it.

    build_timeline(stories, articles)  -> [TimelineStory]
    timeline_json(stories, articles)   -> [dict]   (``newsprism timeline --json``)
    timeline_text(story)               -> str      (``newsprism timeline``, one line per article)

An article without a date of its own is placed from its event: a preview the day before the
event starts (its "on Wednesday" then resolves to the event's Wednesday), a report on the
event's last day; either way marked ``inferred`` with ``written_source`` "event".
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Article, Event, Story
from .anchors import Anchor, article_anchor, evidence
from .records import DateEvidence, TimelineArticle, TimelineEvent, TimelineStory
from .resolve import DateMention, resolve

PREVIEW, REPORT = "preview", "report"
# A report's happening: the days it names from a week before it was written up to that day
# (the seeds: "on Wednesday" .. "on Friday" in a Friday report; ECB+ reports name days <= 6 back).
HAPPENING_WINDOW_DAYS = 7
# A preview's announced day lies at most this far after it was written (as in cluster.dates).
PREVIEW_HORIZON_DAYS = 60
# Announcements are made in the headline and lead; later paragraphs look further ahead.
LEAD_CHARS = 1200


@dataclass(slots=True)
class _Reading:
    """One article read against one anchor (internal: rebuilt when the anchor is inferred)."""

    article: Article
    role: str
    anchor: Anchor
    mentions: list[tuple[str, DateMention]] = field(default_factory=list)
    happening: list[dt.date] = field(default_factory=list)
    announced: dt.date | None = None


def build_timeline(stories: Sequence[Story], articles: Mapping[str, Article]) -> list[TimelineStory]:
    """Every story on a time axis (see the module docstring); stories keep their order."""
    return [story_timeline(story, articles) for story in stories]


def timeline_json(stories: Sequence[Story], articles: Mapping[str, Article],
                  story_id: str | None = None) -> list[dict]:
    """``build_timeline`` as plain dicts; ``story_id`` (or a prefix of it) keeps one story."""
    chosen = [s for s in stories if story_id is None or s.id.startswith(story_id)]
    return [t.to_dict() for t in build_timeline(chosen, articles)]


def timeline_text(story: TimelineStory) -> str:
    """A plain-text rendering: each event with its days, then its articles in time order."""
    lines = [f"{story.title}  [{story.start or '?'} .. {story.end or '?'}]"]
    for event in story.events:
        lines.append(f"  {event.start or '?'} .. {event.end or '?'}  {event.title}  (dated by {event.source})")
        for a in event.articles:
            mark = "~" if a.inferred else " "
            lines.append(f"    {mark}{a.placed or '?':10}  {a.role:7}  {_named(a)}: {a.headline or a.id}"
                         f"  ({a.written_source})")
    for a in story.unplaced:
        lines.append(f"   ?{a.placed or '?':10}  {a.role:7}  {_named(a)}: {a.headline or a.id}  (not in an event)")
    return "\n".join(lines)


def _named(article: TimelineArticle) -> str:
    """The outlet, or the id prefix the other commands print for a page that names no outlet."""
    return article.outlet or article.id[:8]


def story_timeline(story: Story, articles: Mapping[str, Article]) -> TimelineStory:
    events = sorted((event_timeline(e, articles) for e in story.events), key=lambda e: (e.start or "9999", e.id))
    in_events = {a.id for e in story.events for a in e.articles}
    unplaced = tuple(_placed(_read(articles[i], REPORT, article_anchor(articles[i])), None, None)
                     for i in story.articles if i not in in_events and i in articles)
    starts = [e.start for e in events if e.start]
    ends = [e.end for e in events if e.end]
    return TimelineStory(id=story.id, title=story.title, start=min(starts) if starts else story.start,
                         end=max(ends) if ends else story.end, events=tuple(events), unplaced=unplaced)


def event_timeline(event: Event, articles: Mapping[str, Article]) -> TimelineEvent:
    readings = [_read(articles[a.id], a.role, article_anchor(articles[a.id]))
                for a in event.articles if a.id in articles]
    start, end, source = _span(readings, event)
    placed = []
    for reading in readings:
        if reading.anchor.date is None:
            reading = _infer(reading, start, end)
        placed.append(_placed(reading, start, end))
    placed.sort(key=lambda a: (a.role != PREVIEW, a.placed or "9999", a.id))
    return TimelineEvent(id=event.id, title=event.title, start=_iso(start), end=_iso(end), source=source,
                         articles=tuple(placed))


# --- reading one article ----------------------------------------------------------------------------
def _read(article: Article, role: str, anchor: Anchor) -> _Reading:
    reading = _Reading(article=article, role=role, anchor=anchor)
    places = [("headline", article.headline or ""), ("text", article.text or "")]
    places += [(f"caption {i + 1}", c) for i, c in enumerate(article.captions)]
    for where, text in places:
        reading.mentions += [(where, m) for m in resolve(text, anchor.date)]
    if anchor.date is None:
        return reading
    in_body = [m for where, m in reading.mentions if where in ("headline", "text") and m.precision == "day"]
    if role == REPORT:
        low = anchor.date - dt.timedelta(days=HAPPENING_WINDOW_DAYS)
        reading.happening = sorted({m.date for m in in_body if low <= m.date <= anchor.date})
    lead = [m for where, m in reading.mentions if where == "headline" or (where == "text" and m.start < LEAD_CHARS)]
    ahead = [m.date for m in lead if m.precision == "day" and
             0 < (m.date - anchor.date).days <= PREVIEW_HORIZON_DAYS]
    reading.announced = ahead[0] if ahead else None
    return reading


def _day(reading: _Reading) -> dt.date:
    """The day a dated reading was written (only called on readings with an anchor date)."""
    assert reading.anchor.date is not None
    return reading.anchor.date


def _span(readings: list[_Reading], event: Event) -> tuple[dt.date | None, dt.date | None, str]:
    """The event's days: from its reports' happening dates (a report naming no day counts the
    day it was written), else from what its previews announce, else the clusterer's dates.
    Reports dated by the page itself lead; a report dated only by inference (a caption, a date in
    its text) adds days within a week of theirs, so an old file photo cannot stretch the event."""
    reports = [r for r in readings if r.role == REPORT and r.anchor.date]
    page = [d for r in reports if not r.anchor.inferred for d in (r.happening or [_day(r)])]
    inferred = [d for r in reports if r.anchor.inferred for d in (r.happening or [_day(r)])]
    if page:
        low = min(page) - dt.timedelta(days=HAPPENING_WINDOW_DAYS)
        inferred = [d for d in inferred if low <= d <= max(page)]
    days = page + inferred
    if days:
        return min(days), max(days), "reports"
    announced = [r.announced for r in readings if r.announced]
    if announced:
        return min(announced), max(announced), "previews"
    start, end = _date(event.start), _date(event.end)
    return start, end, "clustering" if start else "none"


def _infer(reading: _Reading, start: dt.date | None, end: dt.date | None) -> _Reading:
    """An article with no date of its own, placed from its event."""
    if start is None:
        return reading
    day = start - dt.timedelta(days=1) if reading.role == PREVIEW else end or start
    return _read(reading.article, reading.role, Anchor(date=day, source="event"))


# --- output -------------------------------------------------------------------------------------------
def _placed(reading: _Reading, start: dt.date | None, end: dt.date | None) -> TimelineArticle:
    anchor, article = reading.anchor, reading.article
    if reading.role == PREVIEW:
        happening, happening_end = reading.announced, reading.announced
    else:
        happening = min(reading.happening) if reading.happening else anchor.date
        happening_end = max(reading.happening) if reading.happening else anchor.date
    return TimelineArticle(
        id=article.id, outlet=article.outlet, headline=article.headline, role=reading.role,
        written=_iso(anchor.date), written_source=anchor.source, inferred=anchor.inferred,
        placed=_iso(anchor.date), happening=_iso(happening), happening_end=_iso(happening_end),
        note=_note(reading, start), evidence=_evidence(reading))


def _note(reading: _Reading, start: dt.date | None) -> str:
    anchor, day = reading.anchor, _iso(reading.anchor.date)
    if anchor.date is None:
        return "no date in the page or its event"
    if anchor.source == "event":
        what = (f"the day before the event it announces (starts {_iso(start)})" if reading.role == PREVIEW
                else "on the last day of the event its other articles date")
        return f"no date in the page; placed by inference {what}"
    if anchor.source in ("caption", "text"):
        where = "a photo caption" if anchor.source == "caption" else "the text"
        lead = f"no publication date; written {day} by inference from {where}"
        return f"{lead} ({anchor.evidence.expression})" if anchor.evidence else lead
    return f"written {day} ({anchor.source})"


def _evidence(reading: _Reading) -> tuple[DateEvidence, ...]:
    anchor, out = reading.anchor, []
    if anchor.evidence is not None:
        out.append(anchor.evidence)
    happening, announced = set(reading.happening), reading.announced
    for where, mention in reading.mentions:
        in_body = where in ("headline", "text") and mention.precision == "day"
        use = ("announced" if in_body and reading.role == PREVIEW and mention.date == announced else
               "happening" if in_body and reading.role == REPORT and mention.date in happening else "mention")
        out.append(evidence(mention, where, anchor.date if mention.relative else None,
                            anchor.source if mention.relative else "none", use=use))
    return tuple(out)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
