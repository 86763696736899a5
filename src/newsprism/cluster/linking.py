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

from ..sparse import gram
from .events import interval
from .features import TERM_BITS, Features
from .link_model import PairModel
from .similarity import centre_kernel, upgma

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
# Share of the link similarity that comes from the lead's words (``features.lead_words``, tf-idf,
# centred on the mean event) rather than from MiniLM's leads. MiniLM reads "teenager killed by
# police, riots" in Athens and in Brooklyn as only loosely alike; the words "riot", "police",
# "teenager" say it plainly. ECB+ dev story F1 (as given / text only): weight 0.0 0.954 / 0.956
# (at its best link, 0.28); at link 0.24 weight 0.2 0.962 / 0.955, 0.3 0.962 / 0.955, 0.4
# 0.958 / 0.965; with weight 0.3 over links 0.22 / 0.23 / 0.24 / 0.25 / 0.26 / 0.28: 0.962 /
# 0.962 / 0.962 / 0.954 / 0.948 / 0.939 as given, 0.948 / 0.955 / 0.955 / 0.965 / 0.956 / 0.942
# text only. (Capitalised words dropped instead of entity spans, unsmoothed idf: 0.966 / 0.965 at
# 0.24; the entity mask keeps a sentence's first word, the smoothing keeps small piles sane.)
LEAD_WORDS_WEIGHT = 0.3
LEAD_WORDS_LINK = 0.24  # the link when lead words are mixed in (the mixture's own scale)
# Events whose reliably dated members lie more than YEARS_APART_DAYS apart (two stories of one
# kind years apart: a 2011 and a 2016 birther row, two budget fights) link into one story only on
# strong evidence: their link similarity must clear the link by YEARS_APART_EXTRA more. Undated
# events are never held apart (their dates are unknown); two visits ten months apart stay one
# story. bench/clustering_sets.py, story B-cubed F1: BASIL held-apart triplets 0.962 without the
# rule, 0.981 with it (P 0.926 -> 0.963) at 400, 500 or 730 days; ECB+ as given 0.962 without,
# 0.969 at 180-270 days, 0.955 at 365-500, 0.966 at 730-1000 (the seeds' two Blinken visits, ten
# months apart, need more than 300); extra 0.05 / 0.10 / 0.15 / 0.30: 0.956 / 0.969 / 0.969 /
# 0.969 (at 270 days). ECB+ text only, BASIL dev and NeuS (undated) do not change.
YEARS_APART_DAYS = 730
YEARS_APART_EXTRA = 0.15


def masked_leads(events: Sequence[Sequence[Features]]) -> bool:
    """Most articles have a masked lead (annotations from nlp-2 on)."""
    members = [f for event in events for f in event]
    return bool(members) and 2 * sum(f.masked for f in members) >= len(members)


def default_link(events: Sequence[Sequence[Features]]) -> float:
    """The link for these events' kind of lead: ``STORY_TYPE_LINK`` when most articles have a
    masked lead, else ``FIRST_SENTENCE_LINK`` (the two similarities run on different scales)."""
    return STORY_TYPE_LINK if masked_leads(events) else FIRST_SENTENCE_LINK


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
                alone: Sequence[bool] | None = None, lead_idf: np.ndarray | None = None,
                words_weight: float = LEAD_WORDS_WEIGHT, apart_days: int = YEARS_APART_DAYS,
                apart_extra: float = YEARS_APART_EXTRA, model: PairModel | None = None) -> list[int]:
    """A story label per event (events in canonical order; labels are first-seen numbers).
    Events flagged ``alone`` (set-aside input) keep a story of their own. With ``lead_idf``
    (``lead_word_idf`` over the corpus) the lead words count for ``words_weight`` of the
    similarity (when the leads are masked ones). ``link`` defaults to ``LEAD_WORDS_LINK`` then, else
    to ``default_link(events)``. With ``model`` (the learned link, ``link_model``) events link on
    its score margin (> 0) instead, ``link`` unused."""
    if not events:
        return []
    if link is None:
        link = LEAD_WORDS_LINK if mixed_leads(events, lead_idf, words_weight) else default_link(events)
    if centre.size == 0:
        return list(range(len(events)))
    alone = list(alone) if alone is not None else [False] * len(events)
    linked = [k for k in range(len(events)) if not alone[k]]
    labels = list(range(len(events)))
    if linked:
        chosen = [events[k] for k in linked]
        sims = event_similarity(chosen, centre, lead_idf=lead_idf, words_weight=words_weight,
                                apart_days=apart_days, apart_extra=apart_extra)
        if model is not None:
            sims = model.margin(sims, [float(np.mean([f.words for f in e])) for e in chosen],
                                sizes=[len(e) for e in chosen])
            link = 0.0
        for k, label in zip(linked, upgma(sims, [len(e) for e in chosen], link)):
            labels[k] = linked[label]
    first: dict[int, int] = {}
    return [first.setdefault(label, len(first)) for label in labels]


def mixed_leads(events: Sequence[Sequence[Features]], lead_idf: np.ndarray | None, words_weight: float) -> bool:
    """Lead words are mixed in beside masked leads only: with first sentences alone they did not
    help (ECB+ dev story F1 0.944 / 0.943 at the best link, 0.942 / 0.954 without them)."""
    return lead_idf is not None and words_weight > 0 and masked_leads(events)


def event_similarity(events: Sequence[Sequence[Features]], centre: np.ndarray, *, lead_idf: np.ndarray | None,
                     words_weight: float = LEAD_WORDS_WEIGHT, apart_days: int = YEARS_APART_DAYS,
                     apart_extra: float = YEARS_APART_EXTRA) -> np.ndarray:
    """The mean lead similarity between events (``link_events``' measure): centred leads, the
    lead words mixed in, less ``apart_extra`` for events years apart."""
    means = event_means(events, centre)
    sims = means @ means.T
    if mixed_leads(events, lead_idf, words_weight):
        assert lead_idf is not None  # mixed needs the lead words' idf
        sims = (1.0 - words_weight) * sims + words_weight * lead_word_similarity(events, lead_idf)
    if apart_extra:
        sims = sims - apart_extra * years_apart(events, apart_days)
    return sims


def years_apart(events: Sequence[Sequence[Features]], days: int) -> np.ndarray:
    """1.0 for each pair of events whose reliably dated members' date hulls lie more than
    ``days`` apart, else 0.0 (an event without a reliable date is apart from none)."""
    first = np.zeros(len(events), dtype=np.int64)
    last = np.zeros(len(events), dtype=np.int64)
    dated = np.zeros(len(events), dtype=bool)
    for k, members in enumerate(events):
        spans = [s for s in (interval(f, reliable_only=True) for f in members) if s is not None]
        if spans:
            first[k], last[k] = min(s[0] for s in spans).toordinal(), max(s[1] for s in spans).toordinal()
            dated[k] = True
    apart = np.maximum(first[None, :] - last[:, None], first[:, None] - last[None, :]) > days
    out = (apart & dated[:, None] & dated[None, :]).astype(np.float64)
    np.fill_diagonal(out, 0.0)
    return out


def lead_word_idf(members: Sequence[Features]) -> np.ndarray:
    """log((N + 1) / (df + 1)) + 1 of each hashed lead word over ``members`` (the whole corpus):
    smoothed, so that in a small pile the words its leads share still count."""
    df = np.zeros(1 << TERM_BITS, dtype=np.int32)
    for feats in members:
        df[feats.lead_terms] += 1
    return (np.log((len(members) + 1) / (df + 1.0)) + 1.0).astype(np.float32)


def lead_word_similarity(events: Sequence[Sequence[Features]], idf: np.ndarray) -> np.ndarray:
    """Cosine between events' lead-word profiles (the mean of their members' unit tf-idf
    vectors), centred on the (shrunk) mean event: the words every lead uses drop out."""
    rows, cols, values = [], [], []
    for k, members in enumerate(events):
        for feats in members:
            weights = feats.lead_tf * idf[feats.lead_terms]
            norm = float(np.linalg.norm(weights))
            if norm:
                rows.extend([k] * len(weights))
                cols.extend(feats.lead_terms.tolist())
                values.extend((weights / (norm * len(members))).tolist())
    products = gram(np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
                    np.asarray(values, dtype=np.float64), len(events))
    # Shrunk like lead_centre: two events have no common ground to remove (centred fully, any two
    # vectors are opposite), seventy mostly have.
    return centre_kernel(products, len(events) / (len(events) + BACKGROUND_PRIOR))
