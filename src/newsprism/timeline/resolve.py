"""Dates in running text, absolute and relative, resolved against an anchor day, each with the
rule that resolved it.

    find_dates(text)          -> absolute mentions ("June 19, 2023", "February 2022", "in 2022")
    resolve(text, anchor)     -> those plus the relative and partial ones ("on Friday", "June 19",
                                 "earlier this month", "last year", "two days ago", "next week")

Precision is "day", "week" (the date is the Monday of that ISO week), "month" (the 1st) or "year"
(January 1st). Whether a weekday or a month-day lies before or after the anchor is read from the
words nearest before it in its clause ("said on Friday" looks back, "will meet on Friday",
"is set for October 28", "delayed until Monday" look ahead), else from the sentence.
Nothing here raises on odd input: a date that does not exist (February 30) is skipped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import patterns as P

RECORD = dict(frozen=True, slots=True, kw_only=True)
EARLIEST_YEAR = 1950
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# A month-day without a year and no tense cue takes the anchor's year unless that puts it this
# many days after the anchor: then it is last year's (a January report on "Dec. 28").
YEARLESS_FUTURE_DAYS = 45
# A date read as past may still fall this many days after the anchor, and a future one this many
# before it: publication dates are a time zone or an update away from the writing.
SLACK_DAYS = 2
# Words looked at before a date, inside its clause, for its tense: a scheduled game names the verb,
# the opponent and the place before the day ("face the NFC West-champion Seattle Seahawks in a
# wildcard game at 3:30 p.m. Saturday": 10 words).
TENSE_WORDS = 12
TENSE_WORDS_AFTER = 5
# A year named this close before a month-day in the same sentence is that month-day's year
# ("killed June 24, 2005 while investigating a June 20 shooting").
SENTENCE_YEAR_CHARS = 200


@dataclass(**RECORD)
class DateMention:
    """One date in a text: ``text[start:end]`` is ``expression``. ``relative`` when it needed the
    anchor; ``future`` when it lies after the anchor; ``rule`` says how it was resolved."""

    date: dt.date
    precision: str
    start: int
    end: int
    relative: bool = False
    future: bool = False
    rule: str = "full date"
    expression: str = ""


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


def _mention(text: str, m, day: dt.date, precision: str, rule: str, anchor: dt.date | None = None,
             start: int | None = None, end: int | None = None) -> DateMention:
    start = m.start() if start is None else start
    end = m.end() if end is None else end
    return DateMention(date=day, precision=precision, start=start, end=end, relative=anchor is not None,
                       future=anchor is not None and day > anchor, rule=rule, expression=text[start:end])


# --- absolute dates -------------------------------------------------------------------------------
def find_dates(text: str) -> list[DateMention]:
    """Absolute dates of day precision with a year, and month/year ones, in order of appearance.
    Overlapping matches keep the most precise one."""
    found: list[DateMention] = []
    for pattern in (P.DATE_MDY, P.DATE_DMY, P.DATE_ISO, P.DATE_NUMERIC):
        for m in pattern.finditer(text):
            day = make_date(m["year"], m["mon"], m["day"])
            if day is None and pattern is P.DATE_NUMERIC:  # "15 / 09 / 2013": day first
                day = make_date(m["year"], m["day"], m["mon"])
            if day:
                found.append(_mention(text, m, day, "day", "full date"))
    for m in P.DATE_MY.finditer(text):
        day = make_date(m["year"], m["mon"])
        if day:
            found.append(_mention(text, m, day, "month", "month and year"))
    for m in P.DATE_Y.finditer(text):
        day = make_date(m["year"], 1)
        if day:
            found.append(_mention(text, m, day, "year", "year"))
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda d: (RANK[d.precision], d.start - d.end, d.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda d: d.start)


# --- relative dates -------------------------------------------------------------------------------
def resolve(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date in ``text``: absolute ones, and with an anchor the relative and partial ones
    too (see the module docstring)."""
    mentions = find_dates(text)
    if anchor is None:
        return mentions
    extra: list[DateMention | None] = []
    for m in list(P.DATE_MD.finditer(text)) + list(P.DATE_DM.finditer(text)):
        extra.append(_yearless(text, m, anchor))
    extra += [_weekday(text, m, anchor) for m in P.WEEKDAY.finditer(text)]
    extra += [_relative_day(text, m, anchor) for m in P.RELATIVE_DAY.finditer(text)]
    extra += [_span(text, m, anchor) for m in P.RELATIVE_SPAN.finditer(text)]
    extra += [_ago(text, m, anchor) for m in P.AGO.finditer(text)]
    extra += [_month_alone(text, m, anchor) for m in P.MONTH_ALONE.finditer(text)]
    return _without_overlaps(mentions + [e for e in extra if e is not None])


def _yearless(text: str, m, anchor: dt.date) -> DateMention | None:
    if m.groupdict().get("year"):  # "10 Nov 11"
        day = make_date(m["year"], m["mon"], m["day"])
        return _mention(text, m, day, "day", "day-month with a 2-digit year", anchor) if day else None
    year = _sentence_year(text, m.start())
    if year is not None:
        day = make_date(year, m["mon"], m["day"])
        return _mention(text, m, day, "day", "month-day in the year named before it", anchor) if day else None
    candidates = [d for d in (make_date(anchor.year + k, m["mon"], m["day"]) for k in (-1, 0, 1)) if d]
    if not candidates:  # "Feb. 30", or Feb. 29 with no leap year around the anchor
        return None
    tense = _tense(text, m.start(), m.end())
    slack = dt.timedelta(days=SLACK_DAYS)
    ahead = [d for d in candidates if d >= anchor - slack]
    behind = [d for d in candidates if d <= anchor + slack]
    if tense == "future" and ahead:
        day, rule = ahead[0], "month-day, next on or after anchor (future)"
    elif tense == "past" and behind:
        day, rule = behind[-1], "month-day, last on or before anchor (past)"
    else:
        day = make_date(anchor.year, m["mon"], m["day"]) or candidates[-1]
        rule = "month-day, anchor's year"
        last_year = make_date(anchor.year - 1, m["mon"], m["day"])
        if last_year and (day - anchor).days > YEARLESS_FUTURE_DAYS and not forward_looking(text, m.start()):
            day, rule = last_year, "month-day, last year (after anchor)"
    return _mention(text, m, day, "day", rule, anchor)


def _sentence_year(text: str, at: int) -> int | None:
    """The year of the last full or month-year date shortly before ``at`` in its sentence."""
    sentence_start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), at - SENTENCE_YEAR_CHARS)
    before = [d for d in find_dates(text[sentence_start + 1:at]) if d.precision in ("day", "month")]
    return before[-1].date.year if before else None


def _weekday(text: str, m, anchor: dt.date) -> DateMention | None:
    before, after = text[max(0, m.start("wd") - 30):m.start("wd")], text[m.end():m.end() + 40]
    if P.WEEKDAY_NAME_BEFORE.search(before) or P.WEEKDAY_NAME_AFTER.match(after):
        return None
    named = P.WEEKDAY_DATE.match(after)
    if named:
        return _weekday_with_date(text, m, named, anchor)
    target = P.WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    ahead, back = (target - anchor.weekday()) % 7, (anchor.weekday() - target) % 7
    if mod == "last":  # news style names the past week's days bare; "last Tuesday" is the week before
        shift, rule = target - anchor.weekday() - 7, "last <weekday>: that day of the previous week"
    elif mod == "next":
        shift, rule = ahead or 7, "next <weekday>: the first one after anchor"
    elif mod == "this past":
        shift, rule = -(back or 7), "this past <weekday>"
    elif mod in ("this", "this coming", "until", "by"):
        shift, rule = ahead, f"{mod} <weekday>: on or after anchor"
    else:
        tense = _tense(text, m.start(), m.end()) or ("future" if forward_looking(text, m.start()) else None)
        if tense == "future":
            shift, rule = ahead, "weekday on or after anchor (future)"
        else:
            shift, rule = -back, "weekday on or before anchor" + (" (past)" if tense else "")
    return _mention(text, m, anchor + dt.timedelta(days=shift), "day", rule, anchor)


def _weekday_with_date(text: str, m, named, anchor: dt.date) -> DateMention | None:
    """"Saturday, Jan. 15": the weekday takes the date written after it."""
    window = (m.end(), m.end() + named.end() + 8)
    full = [d for d in find_dates(text[window[0]:window[1]]) if d.precision == "day" and d.start <= named.end()]
    if full:
        return _mention(text, m, full[0].date, "day", "weekday with its full date", anchor,
                        end=window[0] + full[0].end)
    inner = P.DATE_MD.search(text, *window) or P.DATE_DM.search(text, *window)
    resolved = _yearless(text, inner, anchor) if inner else None
    if resolved is None:
        return None
    return _mention(text, m, resolved.date, "day", "weekday with its date; " + resolved.rule, anchor,
                    end=resolved.end)


def _relative_day(text: str, m, anchor: dt.date) -> DateMention:
    word = m["word"].lower()
    shift = -1 if ("yesterday" in word or word == "last night") else 1 if "tomorrow" in word else 0
    return _mention(text, m, anchor + dt.timedelta(days=shift), "day", f"{word}: anchor {shift:+d} day", anchor)


def _span(text: str, m, anchor: dt.date) -> DateMention | None:
    mod, unit = " ".join(m["mod"].lower().split()), m["unit"].lower()
    step = -1 if mod.endswith("last") or mod == "past" or mod == "this past" else 1 if mod.endswith(
        ("next", "coming")) else 0
    rule = f"{mod} {unit}"
    if unit in ("week", "weekend"):
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if unit == "weekend" and mod == "this past" and anchor.weekday() >= 5:
            step = 0  # said on a Saturday or Sunday, "this past weekend" is the current one
        if step == 0 and anchor.weekday() == 6 and unit == "week" and _tense(text, m.start(), m.end()) == "future":
            step, rule = 1, rule + " (from a Sunday, the week ahead)"
        return _mention(text, m, monday + dt.timedelta(weeks=step), "week", rule, anchor)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return _mention(text, m, dt.date(index // 12, index % 12 + 1, 1), "month", rule, anchor)
    if unit == "year":
        return _mention(text, m, dt.date(anchor.year + step, 1, 1), "year", rule, anchor)
    return _season(text, m, anchor, unit, step, rule)


def _season(text: str, m, anchor: dt.date, unit: str, step: int, rule: str) -> DateMention | None:
    """"last summer" is the last one over by the anchor, "next summer" the first one not yet
    begun, "this summer" the one of the anchor's year; named by the year the season starts in."""
    first, last = P.SEASONS[unit]
    spans = []
    for year in range(anchor.year - 2, anchor.year + 2):
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        spans.append((year, dt.date(year, first, 1), dt.date(end_year, end_month, 28)))
    if step < 0:
        year = max(y for y, _, end in spans if end < anchor)
    elif step > 0:
        year = min(y for y, begin, _ in spans if begin > anchor)
    else:
        year = next((y for y, begin, end in spans if begin <= anchor <= end + dt.timedelta(days=3)), anchor.year)
    day = make_date(year, 1)
    return _mention(text, m, day, "year", rule, anchor) if day else None


def _ago(text: str, m, anchor: dt.date) -> DateMention | None:
    raw, unit = m["n"].lower(), m["unit"].lower()
    n = int(raw) if raw.isdigit() else P.NUMBER_WORDS[raw]
    rule = f"{n} {unit}(s) ago"
    try:
        if unit == "day":
            return _mention(text, m, anchor - dt.timedelta(days=n), "day", rule, anchor)
        if unit == "week":
            day = anchor - dt.timedelta(weeks=n)
            return _mention(text, m, day - dt.timedelta(days=day.weekday()), "week", rule, anchor)
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 - n
            return _mention(text, m, dt.date(index // 12, index % 12 + 1, 1), "month", rule, anchor)
        year = make_date(anchor.year - n, 1)
        return _mention(text, m, year, "year", rule, anchor) if year else None
    except (ValueError, OverflowError):
        return None


def _month_alone(text: str, m, anchor: dt.date) -> DateMention | None:
    month = month_number(m["mon"])
    mod = " ".join(m["mod"].lower().split())
    before_start = month < anchor.month
    if mod.startswith("last") or mod == "this past":
        year, rule = (anchor.year if before_start else anchor.year - 1), "last <month>: the one before anchor's month"
    elif mod.startswith("next"):
        year, rule = (anchor.year if month > anchor.month else anchor.year + 1), "next <month>"
    elif mod.startswith("this"):
        year, rule = anchor.year, "this <month>: anchor's year"
    else:
        tense = "past" if mod == "since" else _tense(text, m.start(), m.end())
        if tense is None and forward_looking(text, m.start()):
            tense = "future"
        if tense == "future":
            year, rule = (anchor.year if month >= anchor.month else anchor.year + 1), "month, on or after anchor (future)"
        else:
            year, rule = (anchor.year if month <= anchor.month else anchor.year - 1), "month, on or before anchor"
    day = make_date(year, month)
    if day is None:
        return None
    start = m.start("mon") if mod == "the" else m.start()
    return _mention(text, m, day, "month", rule, anchor, start=start)


# --- tense ------------------------------------------------------------------------------------------
def _tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None, from the verb-like word nearest before the date in its clause
    (else the first one after it)."""
    lo, hi = max(0, start - 160), min(len(text), end + 120)
    window = P.ABBREVIATION_DOT.sub(lambda a: a[0][:-1] + " ", text[lo:hi])
    start, end = start - lo, end - lo
    breaks = [b.end() for b in P.CLAUSE_BREAK.finditer(window, 0, start)]
    words = [w.lower() for w in P.WORD.findall(window[breaks[-1] if breaks else 0:start])][-TENSE_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        found = _word_tense(words, i, adjacent=i == len(words) - 1)
        if found:
            return found
    following = P.CLAUSE_BREAK.search(window, end)
    after = [w.lower() for w in P.WORD.findall(window[end:following.start() if following else len(window)])]
    for i in range(min(len(after), TENSE_WORDS_AFTER)):
        found = _word_tense(after, i, adjacent=False)
        if found:
            return found
    return None


def _word_tense(words: list[str], i: int, *, adjacent: bool) -> str | None:
    word = words[i]
    previous, following = (words[i - 1] if i else ""), (words[i + 1] if i + 1 < len(words) else "")
    if word in P.ADJACENT_FUTURE or word in P.ADJACENT_PAST:
        return ("future" if word in P.ADJACENT_FUTURE else "past") if adjacent else None
    if word == "due":
        return "future" if previous in P.BE else None
    if word in P.FUTURE_PARTICIPLES:
        return "future" if adjacent or following in P.FUTURE_PARTICIPLE_NEXT else None
    if word in P.FUTURE_WORDS:
        return None if previous in P.DETERMINERS else "future"
    if word in P.PAST_WORDS:
        return "past"
    if word.endswith("ed") and len(word) > 4 and word not in P.NOT_PAST_ED:
        if previous in P.BE - {"was", "were", "been"} or previous.endswith(("'s", "’s")) or previous in P.DETERMINERS:
            return None  # "when he's sentenced May 7", "the injured man"
        return "past"
    return None


def sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def forward_looking(text: str, at: int) -> bool:
    """The sentence around ``at`` announces something (a preview cue outside quotes)."""
    sentence = P.QUOTED.sub(" ", sentence_around(text, at))
    return bool(P.FUTURE_CUES.search(sentence))
