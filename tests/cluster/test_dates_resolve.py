"""Dates in running text, resolved against an anchor; parsing never raises."""
import datetime as dt

from hypothesis import given, strategies as st

from newsprism.cluster.dates import article_when, find_dates, resolve, text_anchor
from newsprism.model import Article


def make(text, published=None, captions=(), headline="A headline"):
    return Article(id="x", source="t", url=None, canonical_url=None, headline=headline, outlet=None, byline=None,
                   dateline=None, published=published, wire=None, language="en", text=text, captions=captions)


def days(mentions):
    return [(m.date.isoformat(), m.precision) for m in mentions]


def test_find_dates_full_partial_and_numeric():
    text = "On June 19, 2023 he met Xi. Posted 8 / 2 / 13. In February 2022 Russia invaded. Since 2005, 14 June 2013."
    found = days(find_dates(text))
    assert ("2023-06-19", "day") in found
    assert ("2013-08-02", "day") in found
    assert ("2022-02-01", "month") in found
    assert ("2005-01-01", "year") in found
    assert ("2013-06-14", "day") in found


def test_resolve_weekday_past_and_future():
    anchor = dt.date(2024, 4, 22)  # a Monday
    past = resolve("Blinken said on Friday that talks went well.", anchor)
    assert days(past) == [("2024-04-19", "day")]
    future = resolve("Blinken travels to Beijing on Wednesday, officials said.", anchor)
    assert days(future) == [("2024-04-24", "day")] and future[0].future


def test_resolve_yearless_date_takes_anchor_year():
    anchor = dt.date(2023, 6, 20)
    assert days(resolve("He met Xi on June 19.", anchor)) == [("2023-06-19", "day")]
    # a January report about "Dec. 28" means last year's December
    assert days(resolve("The fire broke out on Dec. 28.", dt.date(2024, 1, 3))) == [("2023-12-28", "day")]


def test_relative_words():
    anchor = dt.date(2024, 4, 26)
    assert days(resolve("The quake struck yesterday.", anchor)) == [("2024-04-25", "day")]


def test_text_anchor_prefers_latest_full_date_in_captions_and_text():
    article = make("Blinken met Xi on June 19.", captions=("Photo taken June 15, 2023.", "Beijing on June 19, 2023."))
    assert text_anchor(article) == (dt.date(2023, 6, 19), "caption")


def test_article_when_preview_names_its_day():
    article = make("Blinken travels to Beijing on Wednesday to press China.", published="2024-04-22",
                   headline="Blinken to visit China")
    when = article_when(article)
    assert when.future and when.date == dt.date(2024, 4, 24)


def test_article_when_undated():
    when = article_when(make("No dates here at all, only words about a visit."))
    assert when.date is None and when.source == "none"


@given(st.text(max_size=300), st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_resolve_never_raises(text, anchor):
    resolve(text, anchor)
    find_dates(text)


def test_said_on_friday_stays_past_despite_will():
    anchor = dt.date(2024, 4, 22)
    found = resolve("Blinken said on Friday that talks will continue.", anchor)
    assert days(found) == [("2024-04-19", "day")] and not found[0].future


def test_cluster_dates_is_the_timeline_resolver():
    """One date resolver: the story stage uses the timeline stage's, with the same records."""
    from newsprism import timeline
    from newsprism.cluster import dates

    assert dates.resolve is timeline.resolve and dates.DateMention is timeline.DateMention
    [found] = dates.resolve("Shoigu met Dong Jun on Friday.", dt.date(2024, 4, 26))
    assert (found.expression, found.rule) == ("on Friday", "weekday on or before anchor (past)")
