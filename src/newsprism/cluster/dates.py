"""WHEN an article's happening took place: dates in the text resolved against the publication
date (or, when there is none, against the latest full date the text and captions give).

    find_dates(text)                     -> absolute mentions ("June 19, 2023", "Feb. 24", "in 2022")
    resolve(text, anchor)                -> the same plus relative ones ("on Friday", "yesterday")
    article_when(article, annotation)    -> When(date, anchor, source, ...)

Nothing here raises on odd input: a date that does not exist (February 30) is skipped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Article
from . import patterns as P

RECORD = dict(frozen=True, slots=True, kw_only=True)
EARLIEST_YEAR = 1950
# A month-day without a year ("June 19") takes the anchor's year, unless that puts it this many
# days after the anchor in a past-tense sentence: then it is last year's (a January report on "Dec. 28").
YEARLESS_FUTURE_DAYS = 45
# Dates further than this after the anchor are plans or typos, not the anchor itself.
ANCHOR_FUTURE_DAYS = 3
# Reports describe what happened in the last few days; the lead is where that is said.
LEAD_CHARS = 1200


@dataclass(**RECORD)
class DateMention:
    """One date in a text. ``precision`` is "day", "month" or "year"; ``relative`` when it was
    resolved against an anchor ("on Friday"); ``future`` when it points after the anchor."""

    date: dt.date
    precision: str
    start: int
    end: int
    relative: bool = False
    future: bool = False


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


def make_date(year, month, day=1) -> dt.date | None:
    try:
        y = int(year)
        if y < 100:
            y += 2000 if y < 70 else 1900
        m = month if isinstance(month, int) or str(month).isdigit() else month_number(month)
        value = dt.date(y, int(m), int(day))
    except (ValueError, TypeError, KeyError, OverflowError):
        return None
    return value if value.year >= EARLIEST_YEAR else None


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return P.MONTHS[key] if key in P.MONTHS else P.MONTHS[key[:3]]


def parse_iso(value: str | None) -> dt.date | None:
    """The date of an ISO 8601 date or datetime string; None when it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Absolute dates of day precision with a year, and month/year ones, in order of appearance.
    Overlapping matches keep the most precise one."""
    found: list[DateMention] = []
    for pattern in (P.DATE_MDY, P.DATE_DMY, P.DATE_ISO, P.DATE_NUMERIC):
        for m in pattern.finditer(text):
            day = make_date(m["year"], m["mon"], m["day"])
            if day:
                found.append(DateMention(date=day, precision="day", start=m.start(), end=m.end()))
    for m in P.DATE_MY.finditer(text):
        day = make_date(m["year"], m["mon"])
        if day:
            found.append(DateMention(date=day, precision="month", start=m.start(), end=m.end()))
    for m in P.DATE_Y.finditer(text):
        day = make_date(m["year"], 1)
        if day:
            found.append(DateMention(date=day, precision="year", start=m.start("year"), end=m.end()))
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    rank = {"day": 0, "month": 1, "year": 2}
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda d: (rank[d.precision], d.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda d: d.start)


def resolve(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date in ``text``: absolute ones, and with an anchor the relative ones too
    ("on Friday" in a past-tense sentence is the Friday on or before the anchor; in a
    forward-looking one the Friday after it; "June 19" takes the anchor's year)."""
    mentions = find_dates(text)
    if anchor is None:
        return mentions
    extra: list[DateMention] = []
    for m in list(P.DATE_MD.finditer(text)) + list(P.DATE_DM.finditer(text)):
        extra.extend(_yearless(text, m, anchor))
    for m in P.WEEKDAY.finditer(text):
        extra.append(_weekday(text, m, anchor))
    for m in P.RELATIVE_DAY.finditer(text):
        shift = {"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0)
        day = anchor + dt.timedelta(days=shift)
        extra.append(DateMention(date=day, precision="day", start=m.start(), end=m.end(), relative=True,
                                 future=shift > 0))
    return _without_overlaps(mentions + extra)


def _yearless(text: str, m, anchor: dt.date) -> list[DateMention]:
    day = make_date(anchor.year, m["mon"], m["day"])
    if day is None:
        return []
    future = _forward_looking(text, m.start())
    if not future and (day - anchor).days > YEARLESS_FUTURE_DAYS:
        day = make_date(anchor.year - 1, m["mon"], m["day"]) or day
    elif future and (anchor - day).days > 300:
        day = make_date(anchor.year + 1, m["mon"], m["day"]) or day
    return [DateMention(date=day, precision="day", start=m.start(), end=m.end(), relative=True,
                        future=day > anchor)]


def _weekday(text: str, m, anchor: dt.date) -> DateMention:
    target = P.WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    ahead = (target - anchor.weekday()) % 7
    said_then = P.PAST_CUES.search(text[max(0, m.start() - 30):m.start()])  # "said on Friday"
    future = mod == "next" or (mod not in ("last", "late", "early") and not said_then
                               and _forward_looking(text, m.start()))
    if future:
        shift = ahead if ahead or mod != "next" else 7
    else:
        shift = -((anchor.weekday() - target) % 7)
        if mod == "last" and shift == 0:
            shift = -7
    day = anchor + dt.timedelta(days=shift)
    return DateMention(date=day, precision="day", start=m.start(), end=m.end(), relative=True,
                       future=shift > 0)


def sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _forward_looking(text: str, at: int) -> bool:
    """The sentence around ``at`` announces something (a preview cue outside quotes)."""
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
              if m.future and m.precision == "day" and 0 < (m.date - anchor).days <= 60]
    if future:
        return When(date=future[0].date, anchor=anchor, source=source, future=True)
    return When(date=anchor, anchor=anchor, source=source)
