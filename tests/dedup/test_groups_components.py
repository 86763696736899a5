"""Provenance groups and independent-source counts over hand-made relations (no model)."""
from hypothesis import given, strategies as st

from newsprism.dedup import independent_sources, provenance_groups
from newsprism.model import Relation


def rel(source, target, kind="copy"):
    return Relation(source=source, target=target, kind=kind, score=1.0, evidence="")


PUBLISHED = {"a": "2024-01-01", "b": "2024-01-02", "c": "2024-01-03", "d": None, "e": "2023-12-31"}


def test_components_with_earliest_origin():
    groups = provenance_groups("abcde", [rel("a", "b"), rel("b", "c", "rewrite"), rel("e", "d", "same-wire")],
                               PUBLISHED)
    assert [(g.origin, [(m.id, m.relation) for m in g.members]) for g in groups] == [
        ("e", [("e", "origin"), ("d", "same-wire")]),
        ("a", [("a", "origin"), ("b", "copy"), ("c", "rewrite")]),
    ]


def test_direct_relation_to_origin_wins_over_the_path():
    groups = provenance_groups("abc", [rel("a", "b", "rewrite"), rel("b", "c", "copy"), rel("a", "c", "same-wire")],
                               PUBLISHED)
    assert dict((m.id, m.relation) for m in groups[0].members) == {"a": "origin", "b": "rewrite", "c": "same-wire"}


def test_undated_after_dated_and_ties_by_id():
    groups = provenance_groups(["d", "x", "c"], [rel("c", "d"), rel("d", "x")], {"c": "2024-01-03", "d": None, "x": None})
    assert groups[0].origin == "c" and [m.id for m in groups[0].members] == ["c", "d", "x"]


def test_singletons_and_relations_outside_the_set():
    groups = provenance_groups(["a", "c"], [rel("a", "b"), rel("b", "c")], PUBLISHED)
    assert [g.origin for g in groups] == ["a", "c"]  # b is not in the set: a and c stay apart
    assert independent_sources(["a", "c"], groups) == 2


def test_independent_sources_counts_groups():
    groups = provenance_groups("abcde", [rel("a", "b"), rel("b", "c")], PUBLISHED)
    assert independent_sources("abc", groups) == 1
    assert independent_sources("abcde", groups) == 3
    assert independent_sources(["a", "zzz"], groups) == 2  # an id in no group is its own source
    assert independent_sources([], groups) == 0


ids = st.lists(st.sampled_from("abcdefgh"), unique=True, min_size=1)
edges = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh"),
                           st.sampled_from(["copy", "rewrite", "same-wire"])), max_size=12)


@given(ids, edges, st.randoms())
def test_groups_partition_the_ids_whatever_the_relation_order(members, links, rnd):
    relations = [rel(s, t, k) for s, t, k in links]
    published = {i: (None if i in "gh" else f"2024-01-0{'abcdef'.index(i) + 1}") for i in "abcdefgh"}
    groups = provenance_groups(members, relations, published)
    assert sorted(m.id for g in groups for m in g.members) == sorted(members)
    rnd.shuffle(relations)
    assert {g.origin for g in provenance_groups(members, relations, published)} == {g.origin for g in groups}
    assert independent_sources(members, groups) == len(groups)


def test_unreadable_dates_sort_as_undated():
    groups = provenance_groups(["a", "b"], [rel("a", "b")], {"a": "sometime in June", "b": "2024-01-02"})
    assert groups[0].origin == "b"
