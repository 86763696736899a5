"""Fixtures of the quote tests: the seeds' quotes, extracted once per session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seed_quotes(seed_articles, language):
    """{article id: quotes} for the five seed articles (one batch parse)."""
    from newsprism.quotes import extract_quotes_batch

    results = extract_quotes_batch([a.text for a in seed_articles], language)
    return {a.id: quotes for a, quotes in zip(seed_articles, results)}
