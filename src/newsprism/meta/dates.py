"""Publication date: parsing that never raises, and the choice among the places a date is read."""
from __future__ import annotations

import datetime as dt
import re

from ..patterns import MONTH_NAME, WEEKDAY_NAME, WEEKDAYS
from . import patterns as P

WEEKDAY_REF = re.compile(rf"\b(?:on|last|this|late|early)\s+({WEEKDAY_NAME})\b")
MONTH_DAY = re.compile(rf"\b(?:on\s+)?({MONTH_NAME})\.?\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})")
# Header lines longer than this are prose, not a dateline or a "Published ..." line.
DATE_LINE_MAX = 120
EARLIEST_YEAR = 1990


def make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        value = dt.date(int(year), month_number(month), int(day))
    except (ValueError, TypeError, KeyError):
        return None
    return value if value.year >= EARLIEST_YEAR else None


def month_number(month: str | int) -> int:
    """1-12 from a number or an English month name or abbreviation (KeyError when neither)."""
    if isinstance(month, int) or str(month).isdigit():
        return int(month)
    key = str(month).lower().rstrip(".")
    return P.MONTHS[key] if key in P.MONTHS else P.MONTHS[key[:3]]


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO 8601 (``2023-06-19``, or with the time when an
    ISO timestamp gives one); None when there is none. Never raises."""
    found = find_dates(text or "")
    return found[0] if found else None


def find_dates(text: str) -> list[str]:
    """Every full date in ``text``, in order of appearance, ISO 8601."""
    hits: list[tuple[int, str]] = []
    try:
        for match in P.DATE_ISO.finditer(text):
            day = make_date(match["year"], match["mon"], match["day"])
            if day:
                stamp = day.isoformat() + (f"T{match['time']}" if match["time"] else "")
                hits.append((match.start(), stamp))
        for pattern in (P.DATE_MDY, P.DATE_DMY):
            for match in pattern.finditer(text):
                day = make_date(match["year"], match["mon"], match["day"])
                if day:
                    hits.append((match.start(), day.isoformat()))
    except (ValueError, TypeError, OverflowError):
        return []
    return [stamp for _, stamp in sorted(hits)]


def url_date(url: str | None) -> str | None:
    """A /2024/04/26/ style date in a URL."""
    match = P.URL_DATE.search(url or "")
    if not match:
        return None
    day = make_date(match["year"], match["mon"], match["day"])
    return day.isoformat() if day else None


def header_date(header: tuple[str, ...], captions: tuple[str, ...]) -> tuple[str, str] | None:
    """A date on a short header line (dateline, "Published ..."), captions excluded."""
    for line in header:
        if line in captions or len(line) > DATE_LINE_MAX:
            continue
        stamp = parse_date(line)
        if stamp:
            return stamp, line
    return None


def caption_bound(captions: tuple[str, ...], body: str) -> str | None:
    """A caption's date pins the report's date when the body places its events on that day:
    a caption date is a lower bound, and "on Friday" (the caption date's weekday) or
    "on June 19" (its month and day) says the report was written then."""
    dates = sorted({d[:10] for caption in captions for d in find_dates(caption)})
    if not dates:
        return None
    latest = dt.date.fromisoformat(dates[-1])
    weekdays = {w.lower() for w in WEEKDAY_REF.findall(body)}
    if WEEKDAYS[latest.weekday()] in weekdays:
        return latest.isoformat()
    for month, day in MONTH_DAY.findall(body):
        try:
            if month_number(month) == latest.month and int(day) == latest.day:
                return latest.isoformat()
        except (KeyError, ValueError):
            continue
    return None
