"""The cross-article stages over the indexes kept in the store (``analysis.stored_syndication``,
``analysis.stored_cluster``): a pile analysed in two runs, the second half's articles arriving
earlier and later than the first's, gives the relations, provenance groups, assignments and
stories of one batch run over the whole pile, and the second run reads only the new articles'
annotations."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from newsprism.analysis import StoredAnnotations, cluster, stored_cluster, stored_syndication, syndication
from newsprism.model import RawArticle
from newsprism.store import SQLiteStore

BOILER = "Share this article\nAdvertisement\n\n"


@pytest.fixture(scope="module")
def pile(seed_articles, seed_annotations, language):
    """The seeds, a re-post of each (other outlet, a dateline, 1-40 days later: a copy for the
    syndication stage) and the first half of each (a truncated copy, a day earlier)."""
    from newsprism.nlp import annotate

    made = []
    for k, article in enumerate(seed_articles):
        day = dt.date.fromisoformat((article.published or "2024-04-26")[:10])
        later = (day + dt.timedelta(days=1 + 13 * k)).isoformat()
        made.append(replace(article, id=f"{article.id[:10]}-repost", source=f"{article.source}#repost",
                            outlet=f"Outlet {k}", published=later, wire=None,
                            text=f"{BOILER}(Outlet {k}) - {article.text}"))
        paragraphs = article.text.split("\n\n")
        made.append(replace(article, id=f"{article.id[:10]}-half", source=f"{article.source}#half",
                            outlet=f"Aggregator {k}", published=(day - dt.timedelta(days=1)).isoformat(),
                            text="\n\n".join(paragraphs[:max(1, len(paragraphs) // 2)])))
    articles = list(seed_articles) + made
    annotations = {a.article_id: a for a in seed_annotations}
    annotations.update({a.article_id: a for a in annotate(made, language)})
    return articles, annotations


def _order(articles):
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def _store(tmp_path, articles, annotations):
    store = SQLiteStore(tmp_path / "pile.db")
    for a in articles:
        store.add(RawArticle(source=a.source, kind="text", body=a.id), a)
    store.save_annotations([annotations[a.id] for a in articles])
    return store


def _analyze(store, articles, version):
    notes = StoredAnnotations(store, version)
    relations, groups = stored_syndication(store, articles, notes, version)
    assignments, stories = stored_cluster(store, articles, notes, groups, version)
    return relations, groups, assignments, stories, notes


def test_two_halves_give_the_batch_relations_groups_and_stories(tmp_path, pile):
    articles, annotations = pile
    version = next(iter(annotations.values())).version
    everything = _order(articles)
    batch_relations, batch_groups = syndication(everything, [annotations[a.id] for a in everything])
    batch_assignments, batch_stories = cluster(everything, [annotations[a.id] for a in everything], batch_groups)
    assert any(r.kind == "copy" for r in batch_relations)  # the pile has copies to find

    store = _store(tmp_path, articles, annotations)
    first = _order(articles[1::2])  # every other article: the second half has earlier and later ones
    _analyze(store, first, version)
    relations, groups, assignments, stories, notes = _analyze(store, everything, version)
    assert relations == batch_relations
    assert groups == batch_groups
    assert assignments == batch_assignments
    assert stories == batch_stories
    # the second run read the annotations of the new articles only
    assert set(notes._held) == {a.id for a in everything} - {a.id for a in first}
    store.close()


def test_a_run_with_nothing_new_reads_no_annotation(tmp_path, pile):
    articles, annotations = pile
    version = next(iter(annotations.values())).version
    store = _store(tmp_path, articles, annotations)
    once = _analyze(store, _order(articles), version)
    again = _analyze(store, _order(articles), version)
    assert again[:4] == once[:4] and not again[4]._held
    store.close()


def test_stored_fingerprints_and_features_read_back_equal(pile):
    from newsprism.cluster import features
    from newsprism.cluster.stored import decode as decode_features, encode as encode_features
    from newsprism.dedup import fingerprint
    from newsprism.dedup.stored import decode as decode_print, encode as encode_print

    articles, annotations = pile
    for article in articles:
        fp = fingerprint(article, annotations[article.id])
        back = decode_print(article.id, encode_print(fp))
        for name in fp.__slots__:
            a, b = getattr(fp, name), getattr(back, name)
            assert (np.array_equal(a, b) and np.asarray(a).dtype == np.asarray(b).dtype) \
                if isinstance(a, np.ndarray) else a == b, name
        feats = features(article, annotations[article.id])
        again = decode_features(article.id, encode_features(feats))
        for name in feats.__slots__:
            a, b = getattr(feats, name), getattr(again, name)
            assert (np.array_equal(a, b) and a.dtype == b.dtype) if isinstance(a, np.ndarray) else a == b, name
        assert list(again.keys) == list(feats.keys)  # the order the weights are summed in


def b_cubed_f1(found: dict[str, str], truth: dict[str, str]) -> float:
    """B-cubed F1 of one partition (item -> cluster) against another, over the items of ``truth``."""
    def members(labels):
        out: dict[str, set[str]] = {}
        for item, label in labels.items():
            out.setdefault(label, set()).add(item)
        return {item: out[label] for item, label in labels.items()}

    a, b = members(found), members(truth)
    precision = np.mean([len(a[i] & b[i]) / len(a[i]) for i in truth])
    recall = np.mean([len(a[i] & b[i]) / len(b[i]) for i in truth])
    return float(2 * precision * recall / (precision + recall))


# Stories of the pile added in five runs (a batch run on half, then four incremental runs), against
# one batch run: B-cubed F1 1.000 on this pile when measured. The incremental answer differs from
# the batch one by design (bench/RESULTS.md, "The story index kept in the store": stories F1 0.876 on
# a real stream's 14,000 articles, 8,000 of them added 1,000 a run); this small pile is held to this bound.
INCREMENTAL_F1 = 0.95


def test_incremental_runs_keep_a_consistent_store_near_the_batch_stories(tmp_path, pile):
    from newsprism.analysis import update_stories
    from newsprism.cluster import display_order

    articles, annotations = pile
    version = next(iter(annotations.values())).version
    everything = _order(articles)
    batch_relations, batch_groups = syndication(everything, [annotations[a.id] for a in everything])
    batch_assignments, _ = cluster(everything, [annotations[a.id] for a in everything], batch_groups)

    store = _store(tmp_path, articles, annotations)
    first = _order(articles[1::2])
    rest = [a for a in everything if a not in first]
    runs = [first] + [rest[k::4] for k in range(4)]
    seen: list = []
    changes = []
    for part in runs:
        seen = _order(seen + part)
        notes = StoredAnnotations(store, version)
        relations, groups = stored_syndication(store, seen, notes, version)
        changes.append(update_stories(store, seen, notes, relations, groups, version, rebuild_share=100.0,
                                      incremental_from=0))
    assert changes[0].full and not any(c.full for c in changes[1:])
    assert set(notes._held) <= {a.id for a in runs[-1]}  # the last run read the new articles' annotations only
    stored = store.assignments()
    assert set(stored) == {a.id for a in everything}
    stories = store.stories()
    assert stories == display_order(stories)
    assert (len(stories), sum(len(s.events) for s in stories)) == (changes[-1].total_stories,
                                                                   changes[-1].total_events)
    assert {a: s.id for s in stories for a in s.articles} == {a: x.story_id for a, x in stored.items()}
    assert {a.id: e.id for s in stories for e in s.events for a in e.articles} == \
        {a: x.event_id for a, x in stored.items()}
    assert store.relations() == batch_relations
    assert sorted(store.provenance_groups(), key=lambda g: g.origin) == sorted(batch_groups, key=lambda g: g.origin)
    f1 = b_cubed_f1({a: x.story_id for a, x in stored.items()}, {a.article_id: a.story_id for a in batch_assignments})
    print(f"incremental vs batch story B-cubed F1 {f1:.3f}")
    assert f1 >= INCREMENTAL_F1
    store.close()


def test_a_store_below_the_incremental_floor_is_reclustered_as_one_batch(tmp_path, pile):
    """A pile of a size people analyse by hand keeps the batch answer: a few new articles after a
    kept index still give a batch run while fewer than ``INCREMENTAL_FROM`` articles are placed."""
    from newsprism.analysis import update_stories
    from newsprism.cluster import stored as kept

    articles, annotations = pile
    version = next(iter(annotations.values())).version
    everything = _order(articles)
    store = _store(tmp_path, articles, annotations)
    first, last = everything[:-2], everything
    assert len(everything) < kept.INCREMENTAL_FROM
    changes = []
    for seen in (first, last):
        notes = StoredAnnotations(store, version)
        relations, groups = stored_syndication(store, seen, notes, version)
        changes.append(update_stories(store, seen, notes, relations, groups, version))
    assert all(c.full for c in changes)
    _, batch_groups = syndication(everything, [annotations[a.id] for a in everything])
    batch_assignments, _ = cluster(everything, [annotations[a.id] for a in everything], batch_groups)
    assert store.assignments() == {a.article_id: a for a in batch_assignments}
