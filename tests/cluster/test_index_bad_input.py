"""Bad input is clustered or set aside with a visible flag, never a crash."""
import numpy as np

from newsprism.cluster import StoryIndex, stories

from .helpers import make_annotation, make_article, unit


def test_bad_inputs_are_flagged_not_fatal():
    rng = np.random.default_rng(0)
    base = unit(rng.normal(size=384))
    long_text = "The flood swept through the valley town and residents fled to higher ground. " * 5
    cases = {
        "nodate": make_article("nodate", long_text, published=None),
        "nohead": make_article("nohead", long_text, headline=None, published="2024-01-02"),
        "short": make_article("short", "Flood hits town.", published="2024-01-02"),
        "french": make_article("french", "Une inondation a frappé la ville et les habitants ont fui. " * 5,
                               published="2024-01-02", language="fr"),
        "empty": make_article("empty", "", headline="", published="not a date"),
    }
    index = StoryIndex()
    got = {}
    for name, article in cases.items():
        annotation = None if name == "empty" else make_annotation(article, unit(base + rng.normal(size=384) * 0.01))
        got[name] = index.add(article, annotation)
    assert "no-date" in got["nodate"].flags
    assert "no-headline" in got["nohead"].flags
    assert "short" in got["short"].flags
    assert "not-english" in got["french"].flags
    assert {"no-vector", "short", "no-date"} <= set(got["empty"].flags)
    final = {a.article_id: a for a in index.consolidate()}
    # set aside: a story of its own
    others = {final[n].story_id for n in cases if n not in ("french", "empty")}
    assert final["french"].story_id not in others and final["empty"].story_id not in others
    assert final["nodate"].story_id == final["nohead"].story_id == final["short"].story_id
    built = stories(index, list(cases.values()), [])
    assert sum(len(s.articles) for s in built) == len(cases)


def test_flags_travel_with_the_story_records():
    """The flags reach what users read: each event's article entries (CLI, JSON, report)."""
    rng = np.random.default_rng(1)
    base = unit(rng.normal(size=384))
    long_text = "The storm knocked out power across the coast and crews worked overnight. " * 5
    articles = [make_article("dated", long_text, published="2024-03-02"),
                make_article("undated", long_text, published=None),
                make_article("french", "La tempête a coupé le courant sur toute la côte cette nuit. " * 5,
                             published="2024-03-02", language="fr")]
    index = StoryIndex()
    for article in articles:
        index.add(article, make_annotation(article, unit(base + rng.normal(size=384) * 0.01)))
    entries = {e.id: e for story in stories(index, articles, []) for event in story.events for e in event.articles}
    assert entries["dated"].flags == ()
    assert "no-date" in entries["undated"].flags
    assert "not-english" in entries["french"].flags
