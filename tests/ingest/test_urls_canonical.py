"""canonical_url: the form two copies of one article share."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsprism.ingest import canonical_url


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://News.Example.COM/World/Story/", "https://news.example.com/World/Story"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/", "https://example.com/"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com/a?utm_source=tw&utm_medium=social&id=7&fbclid=XYZ&gclid=1",
     "https://example.com/a?id=7"),
    ("https://example.com/a?b=2&a=1&UTM_CAMPAIGN=x", "https://example.com/a?a=1&b=2"),
    ("https://example.com/a?utm_source=x", "https://example.com/a"),
    ("https://example.com./a", "https://example.com/a"),
    ("http://[2001:DB8::1]:80/x/", "http://[2001:db8::1]/x"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("not a url", "not a url"),
    ("http://[::1", "http://[::1"),
])
def test_urls_canonical_examples(url, expected):
    assert canonical_url(url) == expected


def test_urls_canonical_keeps_path_case_and_content_params():
    assert canonical_url("https://example.com/Politics/2024?page=2") == "https://example.com/Politics/2024?page=2"


@given(st.text())
def test_urls_canonical_never_raises_and_is_idempotent(text):
    once = canonical_url(text)
    assert canonical_url(once) == once
