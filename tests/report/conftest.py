"""Report fixtures: the seeds through the real pipeline (for the browser test)."""
from __future__ import annotations

import pytest

from testkit import EXAMPLES


@pytest.fixture(scope="session")
def seed_pipeline(tmp_path_factory, language):
    """The seeds through the real pipeline: ingest, analyze; what the report is given."""
    import newsprism

    with newsprism.open(tmp_path_factory.mktemp("report-seeds") / "seeds.db") as corpus:
        corpus.ingest(EXAMPLES)
        corpus.analyze(language)
        return {"articles": list(corpus.articles()), "stories": corpus.stories(),
                "groups": corpus.provenance_groups(), "relations": corpus.relations(),
                "headline_checks": corpus.store.headline_checks(), "data": corpus.report_data()}
