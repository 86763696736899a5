"""Records of the timeline stage: every date with its evidence, every article placed in time."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

RECORD = dict(frozen=True, slots=True, kw_only=True)


class _Dict:
    __slots__ = ()

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (nested records become dicts, tuples lists)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            elif hasattr(value, "to_dict"):
                value = value.to_dict()
            out[f.name] = value
        return out


@dataclass(**RECORD)
class DateEvidence(_Dict):
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
class TimelineArticle(_Dict):
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
class TimelineEvent(_Dict):
    """One real-world event: ``start``/``end`` from its reports' happening dates (else the day
    its previews announce), ``source`` says which; articles in time order, previews first."""

    id: str
    title: str
    start: str | None
    end: str | None
    source: str
    articles: tuple[TimelineArticle, ...]


@dataclass(**RECORD)
class TimelineStory(_Dict):
    """A story laid out in time: its events in order, and articles no event holds."""

    id: str
    title: str
    start: str | None
    end: str | None
    events: tuple[TimelineEvent, ...]
    unplaced: tuple[TimelineArticle, ...] = ()
