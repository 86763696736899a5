"""Stories from events: the events of one kind of happening link into one story.

A story, as ECB+ and readers draw it, is a kind of happening in a setting: two earthquakes on one
island, two celebrities checking into rehab, two office shootings are each one story of two
events. The events' words, names and places differ, so article similarity (which is what tells
events apart) is the wrong signal here. What they share is the lead sentence: news opens with
what happened ("X checked into rehab", "a bomb exploded at a bank"). Leads are compared after
removing the corpus' mean lead (the common ground of all news: "police said", "on Friday"), and
events link by average linkage over their members' centred leads.

Measured on ECB+ dev (772 documents, events from ``StoryIndex.consolidate``), story B-cubed F1
by the signal that links events: article vectors 0.888, lexical tf-idf 0.892, centred article
vectors 0.886, centred lead sentences 0.944 (with gold events instead: 0.958). The first
sentence still carries names ("Lohan checked into rehab" vs "Reid checked into rehab"); averaging
it with the masked lead (names, places and dates replaced by their kind; one extra MiniLM pass
at annotation time) lifts story F1 to 0.950 as given and 0.954 on the text alone.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .features import Features
from .similarity import upgma

# Mean centred-lead similarity at which two events join one story, leads being the mean of the
# first sentence and the masked lead (``features._lead``). ECB+ dev story B-cubed F1 with the
# consolidated events (as given / text only): 0.939 / 0.930 at 0.24, 0.958 / 0.943 at 0.26,
# 0.950 / 0.962 at 0.27, 0.950 / 0.954 at 0.28 to 0.30, 0.924 / 0.939 at 0.32 (the plateau's
# middle is taken).
STORY_TYPE_LINK = 0.28
# The same for first-sentence leads alone (annotations without a masked lead): 0.884 at 0.14,
# 0.935 at 0.16, 0.938 at 0.18, 0.936 at 0.20, 0.908 at 0.22.
FIRST_SENTENCE_LINK = 0.18
BACKGROUND_PRIOR = 8  # see lead_centre


def default_link(events: Sequence[Sequence[Features]]) -> float:
    """The link for these events' kind of lead: ``STORY_TYPE_LINK`` when most articles have a
    masked lead, else ``FIRST_SENTENCE_LINK`` (the two similarities run on different scales)."""
    members = [f for event in events for f in event]
    masked = sum(f.masked for f in members)
    return STORY_TYPE_LINK if members and 2 * masked >= len(members) else FIRST_SENTENCE_LINK


def lead_centre(stories: Sequence[Sequence[Features]], prior: float = BACKGROUND_PRIOR) -> np.ndarray:
    """The background lead: the mean over ``stories`` (scaffold content clusters) of their mean
    lead, shrunk by S / (S + ``prior``) for S stories. The average *story*, not the average
    article, so that one big story does not become the background; and shrunk, because a pile
    of one or two stories has no background to remove (centring it fully would leave noise).
    Pass stories and members in canonical order: the sums are then the same for any arrival
    order, bit for bit."""
    means = []
    for members in stories:
        leads = [f.lead for f in members if f.lead.size]
        if leads:
            means.append(np.mean(np.stack(leads).astype(np.float64), axis=0))
    if not means:
        return np.zeros(0, dtype=np.float64)
    return len(means) / (len(means) + prior) * np.mean(np.stack(means), axis=0)


def event_means(events: Sequence[Sequence[Features]], centre: np.ndarray) -> np.ndarray:
    """One row per event: the mean of its members' centred, unit-length leads. The dot product of
    two rows is the mean pairwise similarity of their members."""
    rows = np.zeros((len(events), centre.size), dtype=np.float64)
    for k, members in enumerate(events):
        leads = [f.lead for f in members if f.lead.size == centre.size]
        if not leads:
            continue
        centred = np.stack(leads).astype(np.float64) - centre
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        rows[k] = (centred / np.where(norms == 0, 1.0, norms)).mean(axis=0)
    return rows


def link_events(events: Sequence[Sequence[Features]], centre: np.ndarray, *, link: float | None = None,
                alone: Sequence[bool] | None = None) -> list[int]:
    """A story label per event (events in canonical order; labels are first-seen numbers).
    Events flagged ``alone`` (set-aside input) keep a story of their own. ``link`` defaults to
    ``default_link(events)``."""
    if not events:
        return []
    link = default_link(events) if link is None else link
    if centre.size == 0:
        return list(range(len(events)))
    alone = list(alone) if alone is not None else [False] * len(events)
    linked = [k for k in range(len(events)) if not alone[k]]
    labels = list(range(len(events)))
    if linked:
        means = event_means([events[k] for k in linked], centre)
        sizes = [len(events[k]) for k in linked]
        for k, label in zip(linked, average_link(means, sizes, link)):
            labels[k] = linked[label]
    first: dict[int, int] = {}
    return [first.setdefault(label, len(first)) for label in labels]


def average_link(means: np.ndarray, sizes: Sequence[int], link: float) -> list[int]:
    """Size-weighted average linkage of groups given their mean vectors (the dot product of two
    means is the mean pairwise similarity of their members)."""
    return upgma(means @ means.T, sizes, link)
