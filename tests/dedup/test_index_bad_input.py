"""Empty, tiny, undated, headline-less and non-English articles are indexed without a crash."""
from dataclasses import replace

import numpy as np

from newsprism.dedup import SyndicationIndex, find_relations
from newsprism.model import Annotation, Span


def _bare(article, suffix, text, **changes):
    return replace(article, id=f"bad-{suffix}", text=text, **changes)


def _annotation(article_id, text, dim=384):
    spans = (Span(text=text, start=0, end=len(text)),) if text.strip() else ()
    vectors = np.ones((len(spans), dim), dtype=np.float32) / np.sqrt(dim)
    return Annotation(article_id=article_id, version="test", sentences=spans, entities=(),
                      sentence_vectors=vectors, vector=np.zeros(dim, dtype=np.float32))


def test_degenerate_articles_give_no_relations(seed_articles):
    base = seed_articles[0]
    texts = {"empty": "", "blank": "   \n ", "tiny": "Short note.", "under30": "Rain fell on the town today and "
             "the river rose a little, officials said.", "german": "Der Außenminister reiste am Mittwoch nach "
             "Peking, um mit seinem Amtskollegen über den Krieg in der Ukraine zu sprechen."}
    articles = [_bare(base, name, text, published=None, headline=None, language=None)
                for name, text in texts.items()]
    articles += [_bare(base, "empty-twin", "", published="2024-01-01")]
    annotations = [_annotation(a.id, a.text) for a in articles]
    assert find_relations(articles, annotations) == []


def test_unreadable_date_is_treated_as_undated(seed_articles, seed_annotations):
    index = SyndicationIndex()
    article = replace(seed_articles[0], published="sometime in June")
    assert index.add(article, seed_annotations[0]) == []
    assert article.id in index
