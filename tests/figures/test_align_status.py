"""Figures of one quantity across articles: agree, disagree, updated (a later, higher toll), single."""
from __future__ import annotations

from newsprism.figures import AlignedFigure, Figure, align_figures, extract_figures, fits, pair_status
from newsprism.records import jsonable


def fig(value, article="a", bound="exact", date=None, kind="dead", thing="", high=None, unit=""):
    return Figure(article=article, kind=kind, thing=thing, unit=unit, value=value, high=high, bound=bound,
                  text=str(value), date=date)


def test_fits_reads_bounds_ranges_and_about():
    assert fits(fig(12, bound="at least"), fig(15))
    assert not fits(fig(12, bound="at least"), fig(10))
    assert fits(fig(20, bound="at most"), fig(15))
    assert fits(fig(50, bound="about"), fig(47))
    assert not fits(fig(50, bound="about"), fig(80))
    assert fits(fig(10, high=15), fig(12))
    assert not fits(fig(12), fig(15))


def test_fits_different_things_or_currencies_never_conflict():
    assert fits(fig(2, thing="woman"), fig(3))  # two women among three dead
    assert fits(fig(85e6, kind="money", thing="haul", unit="EUR"), fig(108e6, kind="money", thing="haul", unit="USD"))


def test_pair_status_update_versus_disagreement():
    assert pair_status(fig(12, date="2024-01-01"), fig(15, date="2024-01-01")) == "disagree"
    assert pair_status(fig(12), fig(15)) == "disagree"  # undated: cannot tell an update
    assert pair_status(fig(12, date="2024-01-01"), fig(15, date="2024-01-02")) == "updated"
    assert pair_status(fig(15, date="2024-01-01"), fig(12, date="2024-01-02")) == "disagree"  # a toll fell
    assert pair_status(fig(5.6, kind="magnitude", date="2024-01-01"),
                       fig(5.9, kind="magnitude", date="2024-01-02")) == "updated"  # a revision


def test_align_flags_disagreement_first_and_cites_both_sides():
    found = {"a": extract_figures("Twelve people were killed and about 50 hurt.", article="a"),
             "b": extract_figures("The blast killed 15 people and injured 48.", article="b"),
             "c": extract_figures("A fire destroyed 30 homes.", article="c")}
    aligned = align_figures(found, event="e1")
    assert [(f.kind, f.status) for f in aligned] == [("dead", "disagree"), ("injured", "agree"), ("count", "single")]
    [pair] = aligned[0].pairs
    assert {(pair.first.article, pair.first.value), (pair.second.article, pair.second.value)} == {("a", 12), ("b", 15)}
    text = "The blast killed 15 people and injured 48."
    side = pair.first if pair.first.article == "b" else pair.second
    assert text[side.start:side.end] == "15"


def test_align_counts_independent_sources_and_rises_as_updates():
    found = {"a": [fig(3, article="a", date="2024-05-05")], "b": [fig(3, article="b", date="2024-05-05")],
             "c": [fig(5, article="c", date="2024-05-06")]}
    [aligned] = align_figures(found, event="e1", group_of={"a": "a", "b": "a", "c": "c"})
    assert aligned.status == "updated" and aligned.independent_sources == 2


def test_align_article_that_reports_the_old_toll_beside_the_new_does_not_disagree():
    found = {"a": [fig(5, article="a"), fig(12, article="a")], "b": [fig(12, article="b")]}
    assert align_figures(found, event="e1")[0].status == "agree"


def test_align_leaves_out_background_and_vague_figures():
    found = {"a": extract_figures("In February, a quake killed 612 people. Police seized $2 million.", article="a"),
             "b": extract_figures("The quake killed 10 people.", article="b")}
    [aligned] = align_figures(found, event="e1")
    assert aligned.status == "single" and aligned.figures[0].value == 10


def test_aligned_figure_round_trips_through_json():
    found = {"a": [fig(12, article="a")], "b": [fig(15, article="b")]}
    [aligned] = align_figures(found, event="e1")
    assert AlignedFigure.from_dict(jsonable(aligned)) == aligned
