"""Where a story sits in the stored display order: one integer per story, so that an incremental
``analyze`` can insert the stories it rebuilt without renumbering the others
(``Store.update_analysis``). Reading ``ORDER BY position, id DESC`` gives
``cluster.display_order``: several independent sources first, the most widely covered first, then
the latest end, the most articles, the highest id."""
from __future__ import annotations

import datetime as dt

from ..model import Story

_SOURCES = 100_000  # counts beyond these caps tie (then the id decides)
_DAYS = 100_000  # days since 1900-01-01: up to the year 2173
_SIZE = 1_000_000
_EPOCH = dt.date(1900, 1, 1).toordinal()


def story_rank(story: Story) -> int:
    """The story's position key: lower comes first (fits a signed 64-bit integer)."""
    several = 1 if story.independent_sources >= 2 else 0
    sources = min(story.independent_sources, _SOURCES - 1)
    try:
        day = dt.date.fromisoformat((story.end or "")[:10]).toordinal() - _EPOCH + 1 if story.end else 0
    except ValueError:
        day = 0
    day = min(max(day, 0), _DAYS - 1)
    size = min(len(story.articles), _SIZE - 1)
    return -(((several * _SOURCES + sources) * _DAYS + day) * _SIZE + size)
