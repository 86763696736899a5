"""The figures stage as ``analyze`` runs it (declared in ``newsprism.stages``): each event's
articles, their figures, aligned; rebuilt each run (regular expressions over the text, cheap)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .align import align_figures
from .extract import extract_figures

if TYPE_CHECKING:
    from ..stages import Run


def run(run: Run) -> tuple[list[tuple[str, str, Any]], dict[str, str]]:
    """``(id, event id, AlignedFigure)`` rows for every event, and no reuse keys (rebuilt)."""
    from ..analysis import english, group_index

    group_of = group_index(run.groups)
    members: dict[str, dict[str, list]] = {}
    for article in run.articles:
        event = run.event_of.get(article.id)
        if event is None or not english(article):
            continue
        found = extract_figures(article.text, article=article.id, date=article.published)
        if found:
            members.setdefault(event, {})[article.id] = found
    rows: list[tuple[str, str, Any]] = []
    for event, figures in members.items():
        rows.extend((f.id, event, f) for f in align_figures(figures, event=event, group_of=group_of))
    return rows, {}
