"""The story index state kept between runs (``cluster.stored``) reads back as it was written."""
from __future__ import annotations

from collections import Counter

import numpy as np

from newsprism.cluster.stored import _Block, _Online, _Stats


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

    block = _Block(3, [42, 43], 17, 2, np.array([1.0, 2.0, 3.0, 4.0]))
    again = _Block.from_entry(block.entry())
    assert (again.id, again.stories, again.size, again.scaffolds) == (3, [42, 43], 17, 2)
    assert np.array_equal(again.lead_sum, block.lead_sum)

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
