"""Session-wide fixtures: expensive models load once per test session."""
from __future__ import annotations

import os
import pytest

from testkit import EXAMPLES

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def language():
    """The language layer (spaCy + MiniLM), loaded once."""
    from newsprism.nlp import Language

    return Language()


@pytest.fixture(scope="session")
def seed_articles(tmp_path_factory):
    """The five bundled seed articles, through the real ingest pipeline."""
    import newsprism

    with newsprism.open(tmp_path_factory.mktemp("seeds") / "seeds.db") as corpus:
        corpus.ingest(EXAMPLES)
        return list(corpus.articles())


@pytest.fixture(scope="session")
def seed_annotations(seed_articles, language):
    from newsprism.nlp import annotate

    return annotate(seed_articles, language)


@pytest.fixture(scope="session")
def static_embedder():
    """The full static table (``analyze --fast``): distilled from MiniLM on first use (~35 s on
    two cores) and cached under ``$NEWSPRISM_CACHE`` or ``~/.cache/newsprism``, as users get it."""
    from newsprism.nlp import shared_static

    return shared_static()
