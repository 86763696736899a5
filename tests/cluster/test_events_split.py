"""Events: the same happening stays whole; the same kind of happening at another time splits."""
import datetime as dt

import numpy as np

from newsprism.cluster import StoryIndex

from .helpers import make_annotation, make_article, unit


def add_all(index, items):
    for article, annotation in items:
        index.add(article, annotation)
    return {a.article_id: a for a in index.consolidate()}


def quake(article_id, day, place, rng, centre):
    text = (f"A strong earthquake of magnitude 6.1 struck near {place} on that day, killing 12 people, "
            f"officials in {place} said. Rescuers searched the rubble in {place}. " * 3)
    article = make_article(article_id, text, published=day.isoformat(), headline=f"Quake hits {place}")
    vector = unit(centre + rng.normal(size=384) * 0.01)
    return article, make_annotation(article, vector, [(place, "GPE")])


def test_two_reports_of_one_happening_are_one_event():
    rng = np.random.default_rng(1)
    centre = rng.normal(size=384)
    day = dt.date(2024, 3, 1)
    result = add_all(StoryIndex(), [quake("a", day, "Qeshm", rng, centre), quake("b", day, "Qeshm", rng, centre)])
    assert result["a"].story_id == result["b"].story_id
    assert result["a"].event_id == result["b"].event_id


def test_same_kind_a_year_apart_is_another_event_of_the_story():
    rng = np.random.default_rng(2)
    centre = rng.normal(size=384)
    first, later = dt.date(2023, 3, 1), dt.date(2024, 3, 1)
    items = [quake(f"a{i}", first, "Qeshm", rng, centre) for i in range(3)]
    items += [quake(f"b{i}", later, "Qeshm", rng, centre) for i in range(3)]
    result = add_all(StoryIndex(), items)
    assert len({a.story_id for a in result.values()}) == 1
    assert len({result[f"a{i}"].event_id for i in range(3)}) == 1
    assert len({result[f"b{i}"].event_id for i in range(3)}) == 1
    assert result["a0"].event_id != result["b0"].event_id
