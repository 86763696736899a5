"""Stories link events of one kind of happening by their lead sentences; average linkage keeps
groups apart that share nothing beyond the common ground."""
import dataclasses
import datetime as dt

import numpy as np

from newsprism.cluster import StoryIndex
from newsprism.cluster.similarity import upgma

from .helpers import DIM, make_annotation, make_article, shuffled, unit


def kinds_corpus(seed=0, kinds=4, per_event=4):
    """Each kind of happening (a lead direction) has two events with other names, places,
    body vectors and a year between them: only the leads say they are one story."""
    rng = np.random.default_rng(seed)
    articles, annotations = [], []
    for k in range(kinds):
        lead = rng.normal(size=DIM)
        for e in range(2):
            body = rng.normal(size=DIM)
            person, place = f"Person{k}x{e} Name{k}x{e}", f"Place{k}x{e}"
            day = dt.date(2021, 1 + 2 * k, 5) + dt.timedelta(days=400 * e)
            for i in range(per_event):
                text = (f"{person} was seen in {place} when it happened that day. " * 6).strip()
                article = make_article(f"k{k}e{e}a{i}", text, published=day.isoformat())
                annotation = make_annotation(article, unit(body + rng.normal(size=DIM) * 0.3),
                                             [(person, "PERSON"), (place, "GPE")])
                sentences = np.stack([unit(lead + rng.normal(size=DIM) * 0.5), annotation.vector])
                articles.append(article)
                annotations.append(dataclasses.replace(annotation, sentence_vectors=sentences))
    return articles, annotations


def run(articles, annotations, order):
    index = StoryIndex()
    for i in order:
        index.add(articles[i], annotations[i])
    return {a.article_id: a for a in index.consolidate()}


def test_events_of_one_kind_link_into_one_story():
    articles, annotations = kinds_corpus()
    result = run(articles, annotations, shuffled(len(articles), 3))
    for k in range(4):
        members = [a for i, a in result.items() if i.startswith(f"k{k}")]
        assert len({a.story_id for a in members}) == 1
        assert len({a.event_id for a in members}) == 2
    assert len({a.story_id for a in result.values()}) == 4


def test_story_linking_is_order_free():
    articles, annotations = kinds_corpus(seed=5)
    batch = run(articles, annotations, range(len(articles)))
    for seed in range(3):
        assert run(articles, annotations, shuffled(len(articles), seed)) == batch


def test_upgma_merges_by_mean_similarity_and_respects_the_veto():
    sims = np.array([[1.0, 0.9, 0.3, 0.3],
                     [0.9, 1.0, 0.3, 0.3],
                     [0.3, 0.3, 1.0, 0.8],
                     [0.3, 0.3, 0.8, 1.0]])
    assert upgma(sims, [1, 1, 1, 1], 0.5) == [0, 0, 2, 2]
    assert upgma(sims, [1, 1, 1, 1], 0.25) == [0, 0, 0, 0]
    # pairs that are alike overall but apart on the veto's measure stay two clusters
    apart = np.where(sims > 0.5, 1.0, -0.2)
    assert upgma(sims, [1, 1, 1, 1], 0.25, apart=apart, apart_below=0.0, apart_min=2) == [0, 0, 2, 2]
    # groups smaller than apart_min are never vetoed
    assert upgma(sims, [1, 1, 1, 1], 0.25, apart=apart, apart_below=0.0, apart_min=3) == [0, 0, 0, 0]


def test_upgma_weighs_groups_by_size():
    # 1 and 2 merge first (0.7); group 0 then joins when the bigger part is the one close to it
    sims = np.array([[0.0, 0.6, 0.1], [0.6, 0.0, 0.7], [0.1, 0.7, 0.0]])
    assert upgma(sims, [1, 10, 1], 0.5) == [0, 0, 0]  # (10 x 0.6 + 0.1) / 11 = 0.55
    assert upgma(sims, [1, 1, 10], 0.5) == [0, 1, 1]  # (0.6 + 10 x 0.1) / 11 = 0.15
