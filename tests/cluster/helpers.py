"""Synthetic articles and annotations for model-free tests: vectors near a topic centre plus
an event offset, entities per event, dates per event."""
import datetime as dt
import random

import numpy as np

from newsprism.model import Annotation, Article, Entity, Span

DIM = 384


def unit(v):
    return (v / np.linalg.norm(v)).astype(np.float32)


def make_article(article_id, text, *, headline="A headline about it", published=None, language="en", **extra):
    return Article(id=article_id, source=f"test:{article_id}", url=None, canonical_url=None, headline=headline,
                   outlet=extra.get("outlet"), byline=None, dateline=extra.get("dateline"), published=published,
                   wire=None, language=language, text=text, captions=extra.get("captions", ()))


def make_annotation(article, vector, names=()):
    entities, text = [], article.text
    for name, label in names:
        start = text.find(name)
        if start >= 0:
            entities.append(Entity(text=name, label=label, start=start, end=start + len(name)))
    return Annotation(article_id=article.id, version="test", sentences=(Span(text=text, start=0, end=len(text)),),
                      entities=tuple(entities), sentence_vectors=vector[None, :], vector=vector)


def corpus(seed=0, topics=4, per_event=5):
    """(articles, annotations): ``topics`` stories of two events each, events a year apart."""
    rng = np.random.default_rng(seed)
    articles, annotations = [], []
    for t in range(topics):
        centre = rng.normal(size=DIM)
        for e in range(2):
            offset = rng.normal(size=DIM) * 0.6
            place, person = f"Place{t}x{e}", f"Person{t}x{e} Name{t}x{e}"
            day = dt.date(2022, 1 + 2 * t, 10) + dt.timedelta(days=365 * e)
            for i in range(per_event):
                vector = unit(centre + offset + rng.normal(size=DIM) * 0.35)
                text = (f"{person} spoke in {place} about the matter on that day. " * 6).strip()
                published = (day + dt.timedelta(days=int(rng.integers(0, 3)))).isoformat()
                article = make_article(f"t{t}e{e}a{i}", text, published=published, outlet=f"Outlet{i}")
                articles.append(article)
                annotations.append(make_annotation(article, vector, [(person, "PERSON"), (place, "GPE")]))
    return articles, annotations


def shuffled(n, seed):
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order
