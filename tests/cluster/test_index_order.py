"""A batch run and one-by-one runs in shuffled order agree exactly after consolidate()."""
from newsprism.cluster import StoryIndex

from .helpers import corpus, shuffled


def partition(assignments):
    return sorted((a.article_id, a.story_id, a.event_id) for a in assignments)


def run(articles, annotations, order):
    index = StoryIndex()
    for i in order:
        index.add(articles[i], annotations[i])
    return partition(index.consolidate())


def test_shuffled_runs_agree_with_batch_exactly():
    articles, annotations = corpus(seed=1)
    batch = run(articles, annotations, range(len(articles)))
    for seed in range(5):
        assert run(articles, annotations, shuffled(len(articles), seed)) == batch


def test_synthetic_stories_and_events_recovered():
    articles, annotations = corpus(seed=2)
    result = run(articles, annotations, shuffled(len(articles), 7))
    stories = {}
    events = {}
    for article_id, story, event in result:
        stories.setdefault(article_id[:2], set()).add(story)
        events.setdefault(article_id[:4], set()).add(event)
    assert all(len(s) == 1 for s in stories.values())
    assert len({next(iter(s)) for s in stories.values()}) == 4
    assert all(len(e) == 1 for e in events.values())
    assert len({next(iter(e)) for e in events.values()}) == 8


def test_stable_ids_across_reruns():
    articles, annotations = corpus(seed=3)
    assert run(articles, annotations, shuffled(len(articles), 1)) == run(articles, annotations, shuffled(len(articles), 2))


def test_in_order_stream_needs_no_replay():
    articles, annotations = corpus(seed=4)
    index = StoryIndex()
    online = [index.add(a, n) for a, n in sorted(zip(articles, annotations), key=lambda p: (p[0].published, p[0].id))]
    assert not index._dirty
    assert {a.article_id for a in online} == {a.id for a in articles}
