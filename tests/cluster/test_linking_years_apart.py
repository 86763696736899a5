"""Events of one kind years apart link into one story only on strong evidence (their lead
similarity must clear the link by ``YEARS_APART_EXTRA`` more); undated events are never held
apart."""
import dataclasses
import datetime as dt

import numpy as np

from newsprism.cluster import StoryIndex
from newsprism.cluster.events import interval
from newsprism.cluster.features import features
from newsprism.cluster.linking import YEARS_APART_DAYS, years_apart

from .helpers import DIM, make_annotation, make_article, unit


NOISE = 1.2  # leads alike enough to link at the plain link, not at the link + YEARS_APART_EXTRA


def two_events(gap_days, dated=True, seed=0, per_event=4):
    """One kind of happening (a shared lead direction, moderately alike), two events with other
    names and body vectors, ``gap_days`` apart."""
    rng = np.random.default_rng(seed)
    lead = rng.normal(size=DIM)
    articles, annotations = [], []
    for e in range(2):
        body = rng.normal(size=DIM)
        person, place = f"Person{e} Name{e}", f"Place{e}"
        day = dt.date(2012, 3, 5) + dt.timedelta(days=gap_days * e)
        for i in range(per_event):
            # Full-length articles (>= link_model.SHORT_WORDS): short texts need more to link.
            text = (f"{person} was seen in {place} when it happened that day. " * 15).strip()
            article = make_article(f"e{e}a{i}", text, published=day.isoformat() if dated else None)
            annotation = make_annotation(article, unit(body + rng.normal(size=DIM) * 0.3),
                                         [(person, "PERSON"), (place, "GPE")])
            sentences = np.stack([unit(lead + rng.normal(size=DIM) * NOISE), annotation.vector])
            articles.append(article)
            annotations.append(dataclasses.replace(annotation, sentence_vectors=sentences))
    return articles, annotations


def stories_of(articles, annotations, **params):
    index = StoryIndex(**params)
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    result = index.consolidate()
    return len({a.story_id for a in result}), len({a.event_id for a in result})


def test_years_apart_marks_only_dated_pairs_beyond_the_gap():
    articles, annotations = two_events(3 * 365)
    feats = [features(a, n) for a, n in zip(articles, annotations)]
    events = [feats[:4], feats[4:], [dataclasses.replace(feats[0], when=dataclasses.replace(feats[0].when, date=None))]]
    assert interval(events[2][0], reliable_only=True) is None
    marks = years_apart(events, YEARS_APART_DAYS)
    assert marks.tolist() == [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]


def test_events_years_apart_need_strong_evidence():
    articles, annotations = two_events(3 * 365)
    # Without the rule the leads alone link the two events into one story ...
    assert stories_of(articles, annotations, apart_extra=0.0) == (1, 2)
    # ... with it, three years between them ask for more than a kind of happening in common.
    assert stories_of(articles, annotations) == (2, 2)


def test_events_months_apart_or_undated_still_link():
    assert stories_of(*two_events(300)) == (1, 2)
    assert stories_of(*two_events(3 * 365, dated=False))[0] == 1
