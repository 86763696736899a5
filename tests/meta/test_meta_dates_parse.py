"""Date parsing: formats, bounds from captions, never raising."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from newsprism.meta.dates import caption_bound, header_date, parse_date, url_date


@pytest.mark.parametrize("text, iso", [
    ("Beijing (AFP) June 19, 2023", "2023-06-19"),
    ("Published 26 April 2024, 10:00", "2024-04-26"),
    ("Sept. 3, 2021", "2021-09-03"),
    ("2024-04-26T10:00:00+02:00", "2024-04-26T10:00:00+02:00"),
    ("Updated: 0:00", None),
    ("February 30, 2020", None),
    ("", None),
])
def test_parse_date_formats(text, iso):
    assert parse_date(text) == iso


def test_url_and_header_dates():
    assert url_date("https://example.com/2024/04/26/story.html") == "2024-04-26"
    assert url_date("https://example.com/2024/13/40/story.html") is None
    caption = "Officials meet on June 15, 2023. Photo/Getty Images"
    assert header_date(("Headline", caption, "Updated:", "0:00"), (caption,)) is None


def test_caption_date_is_a_bound_pinned_by_the_body():
    caption = ("U.S. Secretary of State, left, meets China's Foreign Minister, April 26, 2024, in Beijing.")
    assert caption_bound((caption,), "Blinken raised concerns on Friday about China.") == "2024-04-26"
    assert caption_bound((caption,), "Blinken will travel to China next week.") is None
    assert caption_bound((), "on Friday") is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parse_date_never_raises(text):
    result = parse_date(text)
    assert result is None or result[:4].isdigit()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=4), st.text(max_size=200))
def test_caption_bound_never_raises(captions, body):
    caption_bound(tuple(captions), body)
