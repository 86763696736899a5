"""Session fixtures: the language models load once; the seeds go through the real pipeline."""
import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "src" / "newsprism" / "examples" / "blinken"


@pytest.fixture(scope="session")
def language():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from newsprism.nlp.language import Language

    return Language()


@pytest.fixture(scope="session")
def seed_articles(tmp_path_factory):
    import newsprism

    with newsprism.open(tmp_path_factory.mktemp("seeds") / "s.db") as corpus:
        corpus.ingest(str(SEEDS))
        return list(corpus.articles())


@pytest.fixture(scope="session")
def seed_annotations(seed_articles, language):
    from newsprism.nlp.language import annotate

    return annotate(seed_articles, language)
