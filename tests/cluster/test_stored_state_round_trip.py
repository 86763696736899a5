"""The story index state kept between runs (``cluster.stored``) reads back as it was written."""
from __future__ import annotations

from collections import Counter

import numpy as np

from newsprism.cluster import Features, When
from newsprism.cluster.stored import _Block, _Online, _Scaffold, _Stats


def test_online_story_block_and_statistics_read_back_equal():
    story = _Online(42, 4)
    story.members, story.vsum = ["a", "b"], np.array([0.5, -1.0, 2.0, 0.0])
    story.keys, story.months, story.dated, story.first, story.block = Counter({"p:blinken": 2}), {24291}, True, \
        (739000, "a"), 7
    back = _Online.from_entry(story.entry())
    assert (back.row, back.members, back.keys, back.months, back.dated, back.first, back.block, back.aside) == \
        (42, ["a", "b"], story.keys, {24291}, True, (739000, "a"), 7, False)
    assert np.array_equal(back.vsum, story.vsum) and back.first < (739000, "b")  # orders compare as tuples
    assert story.entry().keys == ((0, 24291),)  # found by month; an undated story by its own key
    assert _Online(1, 4).entry().keys == ((1, 0),) and _Online(2, 4, aside=True).entry().keys == ()

    block = _Block(3, [42, 43], 17, [5, 9])
    again = _Block.from_entry(block.entry())
    assert (again.id, again.stories, again.size, again.scaffolds) == (3, [42, 43], 17, [5, 9])

    def feats(aid, vector, lead):
        return Features(id=aid, vector=np.asarray(vector, dtype=np.float32), keys={}, when=When(date=None, anchor=None, source="none"),
                        lead=np.asarray(lead, dtype=np.float32), role="report")

    scaffold = _Scaffold(8, [feats("a", [1, 0, 0, 0], [0, 1, 0, 0]), feats("b", [0, 1, 0, 0], [0, 0, 1, 0])], 4)
    back_scaffold = _Scaffold.from_entry(scaffold.entry())
    assert (back_scaffold.id, back_scaffold.members) == (8, ["a", "b"])
    assert np.array_equal(back_scaffold.vsum, [1, 1, 0, 0]) and np.array_equal(back_scaffold.lead, [0, 0.5, 0.5, 0])
    leadless = _Scaffold.from_entry(_Scaffold(9, [feats("c", [0, 0, 1, 0], [])], 4).entry())
    assert leadless.lead is None and np.array_equal(leadless.vsum, [0, 0, 1, 0])

    stats = _Stats(4)
    stats.n, stats.key_df, stats.centre_count, stats.next_row, stats.next_block = 9, Counter({"g:x": 3}), 2, 50, 8
    stats.term_df[[1, 5]] = [2, 7]
    stats.lead_df[3] = 4
    stats.centre_sum[:] = [0.25, 0.5, 0.0, -1.0]
    loaded = _Stats.from_entry(stats.entry())
    assert (loaded.n, loaded.key_df, loaded.centre_count, loaded.next_row, loaded.next_block) == (9, stats.key_df, 2,
                                                                                                   50, 8)
    assert np.array_equal(loaded.term_df, stats.term_df) and np.array_equal(loaded.lead_df, stats.lead_df)
    assert np.array_equal(loaded.centre(), stats.centre()) and loaded.idf("g:x") == stats.idf("g:x")
