"""The seeds: one story; two events {000, 001} and {002, 003, 004}; 003 and 004 previews.

Articles are named here by a phrase each contains, never by file name."""
import dataclasses
import random

import pytest

from newsprism.cluster import StoryIndex, stories

PHRASES = {
    "000": "renewed promises not to send arms",
    "001": "highest-ranking U.S. official to visit Beijing",
    "002": "five-and-a-half hours of talks",
    "003": "travels to Beijing on Wednesday",
    "004": "yet to be announced",
}
EVENTS = [{"000", "001"}, {"002", "003", "004"}]
PREVIEWS = {"003", "004"}


def named(articles):
    names = {}
    for article in articles:
        [name] = [n for n, phrase in PHRASES.items() if phrase in article.text]
        names[article.id] = name
    return names


def run(articles, annotations, order):
    index = StoryIndex()
    for i in order:
        index.add(articles[i], annotations[i])
    return stories(index, articles, [])


@pytest.mark.parametrize("undated", [False, True], ids=["metadata", "no-published-dates"])
def test_seeds_one_story_two_events(seed_articles, seed_annotations, undated):
    articles = seed_articles
    if undated:  # the clusterer must work from dates in the text and captions alone
        articles = [dataclasses.replace(a, published=None) for a in seed_articles]
    names = named(articles)
    for seed in range(3):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        [story] = run(articles, seed_annotations, order)
        assert len(story.articles) == 5
        events = [{names[a.id] for a in event.articles} for event in story.events]
        assert events == EVENTS  # in time order: June 2023, then April 2024
        roles = {names[a.id]: a.role for event in story.events for a in event.articles}
        assert {n for n, r in roles.items() if r == "preview"} == PREVIEWS
        assert story.events[0].start.startswith("2023-06")
        assert story.events[1].start.startswith("2024-04")
        assert story.independent_sources == 5


def test_seeds_story_title_and_span(seed_articles, seed_annotations):
    [story] = run(seed_articles, seed_annotations, range(5))
    assert "Blinken" in story.title
    assert story.start.startswith("2023-06") and story.end.startswith("2024-04")
    assert all(e.title for e in story.events)
