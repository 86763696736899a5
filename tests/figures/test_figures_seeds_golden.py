"""Golden: the figures the real pipeline (ingest, analyze) finds on the five seed articles,
checked by hand against the texts.

The seeds are diplomacy, not disasters: their numbers are dates, "two-day" and "three-day" trips,
"35 minutes", "150 yards", "five-and-a-half hours" (none of them figures) and two amounts in one
Reuters paragraph: "$8 billion to counter China's military might" (what it is for is not one of
the words the stage knows, so it is kept out of alignment) and "$61 billion for Ukraine", read as
aid from "defence aid" earlier in the sentence. No outlet gives a figure another contradicts.
"""
from __future__ import annotations

import pytest

from testkit import EXAMPLES, find_article


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, language):
    import newsprism

    with newsprism.open(tmp_path_factory.mktemp("figures") / "seeds.db") as corpus:
        corpus.ingest(EXAMPLES)
        corpus.analyze(language=language)
        return list(corpus.articles()), corpus.figures(), corpus.report_data()


def test_seeds_figures_found_by_the_pipeline(seeds):
    articles, aligned, _ = seeds
    reuters = find_article(articles, "$61 billion for Ukraine")
    [figure] = aligned
    assert (figure.kind, figure.thing, figure.unit, figure.status, figure.independent_sources) == \
        ("money", "aid", "USD", "single", 1)
    [given] = figure.figures
    assert given.article == reuters.id and given.value == 61e9 and given.date == reuters.published
    assert reuters.text[given.start:given.end] == "$61 billion"
    assert figure.pairs == ()


def test_seeds_every_figure_extracted_is_hand_checked(seeds):
    import newsprism

    articles, _, _ = seeds
    found = {(f.text, f.kind, f.thing) for a in articles for f in newsprism.extract_figures(a.text, article=a.id)}
    assert found == {("$8 billion", "money", ""), ("$61 billion", "money", "aid")}


def test_seeds_report_data_carries_the_figures(seeds):
    _, aligned, data = seeds
    assert [f.id for f in data.figures] == [f.id for f in aligned]
