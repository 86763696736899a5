"""Relative and partial dates resolved against an anchor, each with its offsets and rule."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from newsprism.timeline import resolve

FRI = dt.date(2024, 4, 26)  # a Friday
WED = dt.date(2011, 1, 5)  # a Wednesday


def one(text, anchor, expression):
    """The mention covering ``expression`` (which must occur once in ``text``)."""
    start = text.index(expression)
    [hit] = [m for m in resolve(text, anchor) if m.start <= start < m.end]
    assert text[hit.start:hit.end] == hit.expression
    return hit


@pytest.mark.parametrize("text, expression, anchor, day, precision", [
    ("Blinken raised concerns on Friday about China.", "on Friday", FRI, "2024-04-26", "day"),
    ("Hours before Blinken landed in China on Wednesday, Biden signed.", "Wednesday", FRI, "2024-04-24", "day"),
    ("He travels to Beijing on Wednesday, officials said.", "Wednesday", dt.date(2024, 4, 22), "2024-04-24", "day"),
    ("The Saints face Seattle in a wildcard game at 3:30 p. m. Saturday at Qwest Field.", "Saturday", WED,
     "2011-01-08", "day"),
    ("Testimony has been delayed until Monday.", "Monday", FRI, "2024-04-29", "day"),
    ("He did not play last Sunday after surgery last Tuesday.", "last Tuesday", WED, "2010-12-28", "day"),
    ("The quake struck yesterday.", "yesterday", FRI, "2024-04-25", "day"),
    ("Two men died last night on the mountain.", "last night", FRI, "2024-04-25", "day"),
    ("The firm announced two days ago that it would close.", "two days ago", FRI, "2024-04-24", "day"),
    ("Yellen visited China earlier this month.", "earlier this month", FRI, "2024-04-01", "month"),
    ("Thieves struck last month in Cannes.", "last month", FRI, "2024-03-01", "month"),
    ("The ties eased after last year's acrimony.", "last year", FRI, "2023-01-01", "year"),
    ("The union plans more strikes next week.", "next week", FRI, "2024-04-29", "week"),
    ("Fans were outspoken this week.", "this week", FRI, "2024-04-22", "week"),
    ("He met Xi on June 19.", "June 19", dt.date(2023, 6, 20), "2023-06-19", "day"),
    ("Ryder said on Feb. 24 that there was no evidence.", "Feb. 24", dt.date(2023, 6, 19), "2023-02-24", "day"),
    ("A trial date was set for October 28.", "October 28", dt.date(2013, 6, 12), "2013-10-28", "day"),
    ("The fire broke out on Dec. 28.", "Dec. 28", dt.date(2024, 1, 3), "2023-12-28", "day"),
    ("Pelosi visited Taiwan in 2022.", "in 2022", FRI, "2022-01-01", "year"),
    ("The agenda was set during the November summit in San Francisco.", "November", FRI, "2023-11-01", "month"),
    ("Filming is set to begin in August.", "August", dt.date(2012, 4, 9), "2012-08-01", "month"),
    ("The Falcons will face the Saints at 8 p.m. Saturday, Jan. 15 at the Georgia Dome.", "Saturday", WED,
     "2011-01-15", "day"),
    ("The pirates attacked on 10 Nov 11.", "10 Nov 11", dt.date(2011, 11, 15), "2011-11-10", "day"),
    ("He was killed June 24, 2005 while investigating a June 20 shooting.", "June 20", dt.date(2007, 3, 20),
     "2005-06-20", "day"),
    ("In an interview last summer, LaRue said Magruder lied.", "last summer", dt.date(2004, 7, 28), "2003-01-01",
     "year"),
])
def test_expression_resolves(text, expression, anchor, day, precision):
    hit = one(text, anchor, expression)
    assert (hit.date.isoformat(), hit.precision) == (day, precision)
    assert hit.rule and hit.relative == (expression != "in 2022")


def test_evidence_keeps_expression_offsets_and_rule():
    text = "Blinken said on Friday that talks will continue."
    [hit] = resolve(text, FRI)
    assert (hit.expression, hit.start, hit.end) == ("on Friday", 13, 22)
    assert hit.rule == "weekday on or before anchor (past)" and not hit.future
    [ahead] = resolve("He will meet Xi on Monday.", FRI)
    assert ahead.future and ahead.rule == "weekday on or after anchor (future)"


@pytest.mark.parametrize("text", [
    "Microsoft's Patch Tuesday fixed 47 flaws.",
    "He told the Herald on Sunday that it was over.",
    "A report in the Sunday Times said so.",
])
def test_weekday_names_are_not_dates(text):
    assert resolve(text, FRI) == []


def test_no_anchor_keeps_only_absolute_dates():
    found = resolve("On June 19, 2023 he met Xi; on Friday he left.", None)
    assert [(m.date.isoformat(), m.relative) for m in found] == [("2023-06-19", False)]


@given(st.text(max_size=300), st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_resolve_never_raises_and_spans_match(text, anchor):
    for mention in resolve(text, anchor):
        assert text[mention.start:mention.end] == mention.expression


def test_impossible_and_leap_days_never_raise():
    assert resolve("It happened on Feb. 30.", FRI) == []
    assert resolve("It happened on Feb. 29 and will be on Feb. 29.", dt.date(2022, 6, 1)) == []
    assert {m.date for m in resolve("It will be on Feb. 29.", dt.date(2023, 3, 1))} == {dt.date(2024, 2, 29)}
