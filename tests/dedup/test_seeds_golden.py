"""Golden test on the five seeds (../shared/seeds/GOLD.md): no copies or rewrites among them.

000 and 001 report one event and carry the same Blinken quote; 002 and 004 are both credited to
Reuters but are different stories. Independent reports, so five provenance groups.
"""
import random

from newsprism.dedup import SyndicationIndex, find_relations, independent_sources, provenance_groups


def test_seeds_have_no_relations(seed_articles, seed_annotations):
    assert find_relations(seed_articles, seed_annotations) == []


def test_seeds_are_five_groups(seed_articles, seed_annotations):
    relations = find_relations(seed_articles, seed_annotations)
    ids = [a.id for a in seed_articles]
    groups = provenance_groups(ids, relations, {a.id: a.published for a in seed_articles})
    assert len(groups) == 5
    assert all(len(g.members) == 1 and g.members[0].relation == "origin" for g in groups)
    assert independent_sources(ids, groups) == 5


def test_reuters_credited_seeds_are_not_same_wire(seed_articles, seed_annotations):
    reuters = [a for a in seed_articles if a.wire == "Reuters"]
    assert len(reuters) == 2  # the metadata stage reads both credits
    by_id = {n.article_id: n for n in seed_annotations}
    index = SyndicationIndex()
    index.add(reuters[0], by_id[reuters[0].id])
    assert index.add(reuters[1], by_id[reuters[1].id]) == []


def test_seeds_one_by_one_in_any_order(seed_articles, seed_annotations):
    by_id = {n.article_id: n for n in seed_annotations}
    for seed in range(3):
        order = list(seed_articles)
        random.Random(seed).shuffle(order)
        index = SyndicationIndex()
        assert [r for a in order for r in index.add(a, by_id[a.id])] == []
