"""The day an article was written and where it came from: page date, removed date line, caption."""
import datetime as dt

import pytest

from newsprism.model import Article, RemovedLine
from newsprism.timeline import article_anchor, find_dates
from newsprism.timeline.anchors import date_line


def make(text="Body text.", *, published=None, provenance=None, captions=(), removed=()):
    return Article(id="a", source="t", url=None, canonical_url=None, headline="H", outlet=None, byline=None,
                   dateline=None, published=published, wire=None, language="en", text=text, captions=captions,
                   removed=tuple(RemovedLine(text=t, reason=r) for r, t in removed), provenance=provenance or {})


@pytest.mark.parametrize("provenance, source, inferred", [
    ("html:article:published_time", "published", False),
    ("text:dateline", "dateline", False),
    ("url", "url", False),
    ("text:caption date (lower bound, matched in body)", "caption", True),
])
def test_publication_date_source_from_metadata_provenance(provenance, source, inferred):
    anchor = article_anchor(make(published="2024-04-26", provenance={"published": provenance},
                                 captions=("Beijing, April 26, 2024.",)))
    assert (anchor.date, anchor.source, anchor.inferred) == (dt.date(2024, 4, 26), source, inferred)
    if source == "caption":
        assert anchor.evidence.where == "caption 1" and anchor.evidence.expression == "April 26, 2024"


@pytest.mark.parametrize("line, day", [
    ("Posted 2 / 3 / 2009 11:11 PM", "2009-02-03"),
    ("SATURDAY, SEPTEMBER 14, 2013, 9:29 PM", "2013-09-14"),
    ("Last updated 15:48 15 / 09 / 2013", "2013-09-15"),
    ("UPDATED 05 / 03 / 2013 at 11:00 AM EDT", "2013-05-03"),
])
def test_date_lines(line, day):
    assert date_line(line).date.isoformat() == day


def test_a_sentence_with_a_date_is_no_date_line():
    assert date_line("Zurana Horton, 34, was killed on Oct. 21, 2011 while walking home from school.") is None


def test_removed_date_line_beats_dates_in_the_text():
    article = make("She was killed on Oct. 21, 2011 near her home.",
                   removed=(("headline", "Mother killed"), ("dateline", "THURSDAY, APRIL 11, 2013, 9:53 PM")))
    anchor = article_anchor(article)
    assert (anchor.date, anchor.source, anchor.inferred) == (dt.date(2013, 4, 11), "dateline", False)


def test_latest_text_date_is_an_inferred_anchor_but_not_a_future_one():
    article = make("Talks began on June 18, 2023. Talks will resume on July 30, 2023.")
    anchor = article_anchor(article)
    assert (anchor.date, anchor.source, anchor.inferred) == (dt.date(2023, 6, 18), "text", True)
    assert article_anchor(make("No dates here.")).source == "none"


def test_numeric_dates_read_day_first_when_month_first_cannot_be():
    assert [m.date.isoformat() for m in find_dates("15 / 09 / 2013 and 8 / 2 / 13")] == ["2013-09-15", "2013-08-02"]
