"""Golden test on the seeds through the story stage: each of Blinken's two visits gets its own
summary, the story summary tells them one after the other, and the April 2024 visit is told in
the tense of what happened (its previews' look-ahead is out once a report of it exists)."""
from __future__ import annotations

import pytest

from testkit import find_article

from newsprism.cluster import StoryIndex, stories
from newsprism.summarize.dossier import stale_previews, story_summaries
from newsprism.summarize.sentences import is_prospective

# Articles named by what they say (../shared/seeds/GOLD.md: E1 = 000, 001; E2 = 002-004).
VISIT_2023 = ("renewed promises not to send arms", "Qin Gang")
VISIT_2024 = ("five-and-a-half hours", "travels to Beijing on Wednesday", "Matthew Miller")


@pytest.fixture(scope="module")
def seed_story(seed_articles, seed_annotations, language):
    index = StoryIndex()
    for article, annotation in zip(seed_articles, seed_annotations):
        index.add(article, annotation)
    [story] = stories(index, seed_articles)
    summaries = story_summaries(story, {a.id: a for a in seed_articles}, group_of={}, language=language)
    return story, summaries


def _ids(articles, phrases) -> set[str]:
    return {find_article(articles, phrase).id for phrase in phrases}


def test_dossier_seeds_each_visit_summarised_apart(seed_articles, seed_story):
    story, summaries = seed_story
    visits = [_ids(seed_articles, VISIT_2023), _ids(seed_articles, VISIT_2024)]
    assert sorted({a.id for a in e.articles} == v for e in story.events for v in visits).count(True) == 2
    for event in story.events:
        own = {a.id for a in event.articles}
        sentences = summaries[event.id]["sentences"]
        assert sentences and all(set(s["citations"]) <= own for s in sentences)


def test_dossier_seeds_story_summary_tells_one_visit_then_the_other(seed_articles, seed_story):
    story, summaries = seed_story
    visit_2023 = _ids(seed_articles, VISIT_2023)
    sides = [s["citations"][0] in visit_2023 for s in summaries[story.id]["sentences"]]
    assert True in sides and False in sides
    assert sides == sorted(sides, reverse=True)  # every 2023 sentence before every 2024 one: no mixing


def test_dossier_seeds_reported_visit_drops_the_previews_look_ahead(seed_articles, seed_story):
    story, summaries = seed_story
    [april] = [e for e in story.events if {a.id for a in e.articles} == _ids(seed_articles, VISIT_2024)]
    previews = stale_previews(april)
    assert previews == _ids(seed_articles, ("travels to Beijing on Wednesday", "Matthew Miller"))
    for scope in (april.id, story.id):
        for s in summaries[scope]["sentences"]:
            if s["citations"][0] in previews and not s.get("contested"):
                assert not is_prospective(s["text"]), s["text"]
    told = " ".join(s["text"] for s in summaries[april.id]["sentences"])
    assert "yet to be announced" not in told and "is set to discuss" not in told
    assert "five-and-a-half hours" in told  # the report of the visit is there
