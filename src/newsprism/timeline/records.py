"""Records of the timeline stage: every date with its evidence, every article placed in time."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Record

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class DateEvidence(Record):
    """One date read from an article, with everything needed to check it.

    ``where`` is "text" (offsets into the clean text), "headline" or "caption N" (offsets into
    that caption); ``anchor`` the day it was resolved against and ``anchor_source`` where that day
    came from ("published", "dateline", "url", "caption", "text", "event", "none"); ``rule`` the
    resolution rule ("weekday on or before anchor (past)", "last year", "earlier this month", ...);
    ``use`` what the timeline did with it: "anchor" (dates the article), "happening" (dates the
    event it reports), "announced" (the future day a preview names) or "mention"."""

    expression: str
    where: str
    start: int
    end: int
    date: str
    precision: str
    rule: str
    anchor: str | None
    anchor_source: str
    relative: bool = False
    future: bool = False
    use: str = "mention"


@dataclass(**RECORD)
class TimelineArticle(Record):
    """An article on the time axis.

    ``written`` is the day it was written and ``written_source`` where that came from ("published":
    the page's publication date; "dateline", "url"; "caption", "text": the latest full date in its
    captions or text; "event": placed from the other articles of its event; "none"). ``inferred``
    is true unless the page itself gave the date (published, dateline, url). ``placed`` is where
    the article sits on the axis, ``happening``/``happening_end`` the day(s) of what it reports or,
    for a preview, announces; ``note`` says in words how it was placed."""

    id: str
    outlet: str | None
    headline: str | None
    role: str
    written: str | None
    written_source: str
    inferred: bool
    placed: str | None
    happening: str | None
    happening_end: str | None
    note: str
    evidence: tuple[DateEvidence, ...] = ()


@dataclass(**RECORD)
class TimelineEvent(Record):
    """One real-world event: ``start``/``end`` from its reports' happening dates (else the day
    its previews announce), ``source`` says which; articles in time order, previews first."""

    id: str
    title: str
    start: str | None
    end: str | None
    source: str
    articles: tuple[TimelineArticle, ...]


@dataclass(**RECORD)
class TimelineStory(Record):
    """A story laid out in time: its events in order, and articles no event holds."""

    id: str
    title: str
    start: str | None
    end: str | None
    events: tuple[TimelineEvent, ...]
    unplaced: tuple[TimelineArticle, ...] = ()
