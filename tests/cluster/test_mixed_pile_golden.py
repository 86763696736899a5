"""Golden: the seeds with undated articles of other years (hand-written in data/undated: the
November 2022 Bali meeting of Biden and Xi, a Peru earthquake). An undated article may join a
story, but never gives a story or event its title or dates (issue 12: undated 2017 articles
merged into a story titled and dated by a 2023 one)."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsprism
from testkit import EXAMPLES

UNDATED = Path(__file__).parent / "data" / "undated"


@pytest.fixture(scope="module")
def pile(tmp_path_factory, language):
    with newsprism.open(tmp_path_factory.mktemp("mixed") / "mixed.db") as corpus:
        corpus.ingest([EXAMPLES, UNDATED])
        corpus.analyze(language=language)
        yield {a.id: a for a in corpus.articles()}, corpus.stories()


def _dated(articles, ids):
    return [articles[i] for i in ids if articles[i].published]


def test_titles_come_from_dated_reports(pile):
    articles, stories = pile
    for story in stories:
        for event in story.events:
            dated_reports = [articles[m.id] for m in event.articles if m.role == "report" and articles[m.id].published]
            if dated_reports:
                assert event.title in {a.headline for a in dated_reports}, event.title
        if _dated(articles, story.articles):
            assert story.title in {a.headline for a in _dated(articles, story.articles)}, story.title


def test_dates_only_from_the_seeds_years(pile):
    articles, stories = pile
    blinken = next(s for s in stories if any("Blinken" in (articles[i].headline or "") for i in s.articles))
    assert (blinken.start, blinken.end) == ("2023-06-19", "2024-04-26")
    assert [(e.start, e.end) for e in blinken.events] == [("2023-06-19", "2023-06-19"), ("2024-04-26", "2024-04-26")]
    assert blinken.title == "Blinken says China promised not to send arms to Russia"
    assert blinken.events[1].title == "In Beijing, Blinken confronts China over 'powering' Russia's war"


def test_unrelated_undated_article_stands_alone_and_last(pile):
    articles, stories = pile
    quake = next(s for s in stories if any("Peru" in (articles[i].headline or "") for i in s.articles))
    assert len(quake.articles) == 1 and (quake.start, quake.end) == (None, None)
    assert stories[-1] is quake or stories[-1].independent_sources == 1
    assert stories[0].independent_sources >= 2
