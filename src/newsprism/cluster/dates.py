"""WHEN an article's happening took place: dates in the text resolved against the publication
date (or, when there is none, against the latest full date the text and captions give).

    find_dates(text)                     -> absolute mentions ("June 19, 2023", "Feb. 24", "in 2022")
    resolve(text, anchor)                -> the same plus relative ones ("on Friday", "yesterday")
    article_when(article)                -> When(date, anchor, source, ...)

The date resolver itself lives in ``newsprism.timeline.resolve`` (the timeline stage owns dates);
this module keeps the names the story/event stage uses and what it needs on top: the anchor of an
article and the day its happening took place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Article
from ..timeline.resolve import (DateMention, find_dates, make_date, month_number, parse_iso, resolve,
                                sentence_around)
from . import patterns as P

RECORD = dict(frozen=True, slots=True, kw_only=True)
# Reports describe what happened in the last few days; the lead is where that is said.
LEAD_CHARS = 1200
# A preview's own day: the first future day the lead names, at most this far after the anchor.
PREVIEW_HORIZON_DAYS = 60

__all__ = ["DateMention", "When", "article_when", "find_dates", "make_date", "month_number", "parse_iso",
           "resolve", "sentence_around", "text_anchor"]


@dataclass(**RECORD)
class When:
    """The best estimate of when an article's happening took place.

    ``anchor`` is the day the article was written (publication date, else the latest full date
    in its text or captions); ``date`` the day of the happening it reports or announces (for a
    preview, the future day it names, else None); ``source`` says where the anchor came from:
    "published", "text", "caption" or "none"."""

    date: dt.date | None
    anchor: dt.date | None
    source: str
    future: bool = False  # the date is after the anchor (a preview naming its day)


def _forward_looking(text: str, at: int) -> bool:
    """The sentence around ``at`` announces something (the story stage's preview cues)."""
    sentence = P.QUOTED.sub(" ", sentence_around(text, at))
    return bool(P.FUTURE_CUES.search(sentence)) or " will " in f" {sentence} "


def text_anchor(article: Article) -> tuple[dt.date | None, str]:
    """The day an undated article was written, read from its text: the latest full date in the
    captions or the body (not one named in a forward-looking sentence). Captions name the day a
    photo was taken, which for news photos is the day of the happening or before it."""
    best: tuple[dt.date, str] | None = None
    for where, text in (("caption", "\n".join(article.captions)), ("text", article.text)):
        for mention in find_dates(text):
            if mention.precision != "day" or _forward_looking(text, mention.start):
                continue
            if best is None or mention.date > best[0]:
                best = (mention.date, where)
    return best if best else (None, "none")


def article_when(article: Article) -> When:
    """When the article's happening took place (see ``When``)."""
    published = parse_iso(article.published)
    anchor, source = (published, "published") if published else text_anchor(article)
    if anchor is None:
        return When(date=None, anchor=None, source="none")
    lead = f"{article.headline or ''}\n{article.text[:LEAD_CHARS]}"
    future = [m for m in resolve(lead, anchor)
              if m.future and m.precision == "day" and 0 < (m.date - anchor).days <= PREVIEW_HORIZON_DAYS]
    if future:
        return When(date=future[0].date, anchor=anchor, source=source, future=True)
    return When(date=anchor, anchor=anchor, source=source)
