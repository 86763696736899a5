"""Constructed relatives of seed text: copies, a rewrite, a same-wire version; and order independence."""
import random

import pytest

from newsprism.dedup import SyndicationIndex, find_relations, independent_sources, provenance_groups


def _relations(variants, variant_annotations, names):
    return find_relations([variants[n] for n in names], [variant_annotations[n] for n in names])


def _only(relations):
    assert len(relations) == 1, relations
    return relations[0]


def test_copy_with_other_boilerplate_and_headline(variants, variant_annotations):
    rel = _only(_relations(variants, variant_annotations, ["afp", "copy_boilerplate"]))
    assert rel.kind == "copy"
    assert (rel.source, rel.target) == (variants["afp"].id, variants["copy_boilerplate"].id)
    assert rel.score >= 0.95 and "containment" in rel.evidence


def test_truncated_copy_points_from_the_earlier_article(variants, variant_annotations):
    rel = _only(_relations(variants, variant_annotations, ["reuters", "copy_truncated"]))
    assert rel.kind == "copy"
    assert rel.source == variants["copy_truncated"].id  # published a day before the full text


def test_hand_written_rewrite(variants, variant_annotations):
    rel = _only(_relations(variants, variant_annotations, ["afp", "rewrite"]))
    assert rel.kind == "rewrite"
    assert rel.source == variants["afp"].id
    assert "sentences aligned" in rel.evidence


def test_reworded_version_credited_to_the_same_wire(variants, variant_annotations):
    rel = _only(_relations(variants, variant_annotations, ["reuters", "same_wire"]))
    assert rel.kind == "same-wire"
    assert "Reuters" in rel.evidence


def test_rewrite_without_the_wire_credit_is_a_rewrite(variants, variant_annotations):
    from dataclasses import replace

    uncredited = replace(variants["same_wire"], wire=None)
    relations = find_relations([variants["reuters"], uncredited],
                               [variant_annotations["reuters"], variant_annotations["same_wire"]])
    assert _only(relations).kind == "rewrite"


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_shuffled_one_by_one_equals_batch(variants, variant_annotations, seed_articles, seed_annotations, seed):
    articles = list(variants.values()) + [a for a in seed_articles if a.id not in
                                          {v.id for v in variants.values()}]
    annotations = {n.article_id: n for n in seed_annotations} | {
        variants[k].id: v for k, v in variant_annotations.items()}
    batch = find_relations(articles, list(annotations.values()))
    random.Random(seed).shuffle(articles)
    index = SyndicationIndex()
    streamed = [r for a in articles for r in index.add(a, annotations[a.id])]
    assert sorted(streamed, key=lambda r: (r.source, r.target)) == batch
    assert index.relations == batch
    published = {a.id: a.published for a in articles}
    groups = provenance_groups([a.id for a in articles], batch, published)
    # afp + boilerplate copy + rewrite; reuters + truncated copy + same-wire; 001, 003, 004 alone.
    assert sorted(len(g.members) for g in groups) == [1, 1, 1, 3, 3]
    assert independent_sources([a.id for a in articles], groups) == 5


def test_adding_an_article_twice_is_a_no_op(variants, variant_annotations):
    index = SyndicationIndex()
    index.add(variants["afp"], variant_annotations["afp"])
    assert index.add(variants["copy_boilerplate"], variant_annotations["copy_boilerplate"])
    assert index.add(variants["copy_boilerplate"], variant_annotations["copy_boilerplate"]) == []
    assert len(index) == 2


def test_mismatched_annotation_is_refused(variants, variant_annotations):
    with pytest.raises(ValueError):
        SyndicationIndex().add(variants["afp"], variant_annotations["rewrite"])


def test_restored_articles_are_found_by_later_adds(variants, variant_annotations):
    stored = SyndicationIndex()
    stored.add(variants["afp"], variant_annotations["afp"])
    later = SyndicationIndex()  # a new process: the store gives back the article and its relations
    later.restore(variants["afp"], variant_annotations["afp"], stored.relations)
    [rel] = later.add(variants["rewrite"], variant_annotations["rewrite"])
    assert rel.kind == "rewrite" and later.relations == [rel]


def test_time_window_limits_rewrites_not_copies(variants, variant_annotations):
    from dataclasses import replace

    late_rewrite = replace(variants["rewrite"], published="2023-10-01")  # 104 days after the original
    late_copy = replace(variants["copy_boilerplate"], published="2025-01-01")
    index = SyndicationIndex()
    index.add(variants["afp"], variant_annotations["afp"])
    assert index.add(late_rewrite, variant_annotations["rewrite"]) == []
    [rel] = index.add(late_copy, variant_annotations["copy_boilerplate"])
    assert rel.kind == "copy" and rel.target == late_copy.id  # found by LSH, at any distance in time
