"""Fixtures of the framing tests: the seed panel is built once per session."""
from __future__ import annotations

import pytest

from framingkit import make_article


@pytest.fixture(scope="session")
def seed_groups(seed_articles, seed_annotations, language):
    from newsprism.framing import entity_terms

    return entity_terms(seed_articles, {a.article_id: a for a in seed_annotations}, language=language)


@pytest.fixture(scope="session")
def seed_panel(seed_articles, seed_annotations, seed_groups, language):
    from newsprism.framing import framing_panel

    return framing_panel(seed_articles, {a.article_id: a for a in seed_annotations}, groups=seed_groups,
                         language=language)


@pytest.fixture(scope="session")
def synthetic(language):
    """Build (articles, annotations) from ``[(outlet, text), ...]`` with the real language layer."""
    from newsprism.nlp import annotate

    def build(items):
        articles = [make_article(text, id=f"a{i:02d}", outlet=outlet) for i, (outlet, text) in enumerate(items)]
        return articles, {a.article_id: a for a in annotate(articles, language)}

    return build
