"""Summaries for the story dossier: one per event, and one per story that covers every event.

A story's summary is not the summary of its pile: a large event would crowd a small one out, and
GOLD's first demand of the seeds' story summary is that it covers both visits. So each event gets a
share of the story's word budget (more independent sources, a larger share; never less than a
sentence's worth) and the story summary is its events' summaries in time order.

Each event is told in the tense of what happened: once an event has a report, its previews'
forward-looking sentences ("is set to discuss", "details are yet to be announced") are left out.

Contested points are stated as contested: each claim some source contradicts closes its event's
summary as "Disputed: “...” (cited) against “...” (cited)", both wordings verbatim from the
articles, so a reader sees the disagreement instead of one side of it.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..cluster.roles import PREVIEW, REPORT
from ..model import Article, Event, Story
from .extractive import summarize
from .records import Summary

if TYPE_CHECKING:
    from ..claims.records import AlignedClaim

STORY_WORDS = 260
EVENT_WORDS = 160
MIN_EVENT_WORDS = 45  # about two sentences of news prose: an event is never reduced to nothing


def story_summaries(story: Story, articles: Mapping[str, Article], *, group_of: Mapping[str, str],
                    language, story_words: int = STORY_WORDS, event_words: int = EVENT_WORDS,
                    claims: Sequence[AlignedClaim] = ()) -> dict[str, dict]:
    """``{event id: summary json, ..., story id: summary json}`` for one story.

    ``claims`` are aligned claims; the contested ones are
    stated at the end of their event's summaries.
    """
    events = sorted(story.events, key=lambda e: (e.start is None, e.start or "", e.id))
    members = {e.id: [articles[a.id] for a in e.articles if a.id in articles] for e in events}
    disputes = {e.id: event_disputes([c for c in claims if c.event == e.id], group_of) for e in events}
    previews = {e.id: stale_previews(e) for e in events}
    out = {e.id: _with(_summary(members[e.id], event_words, group_of, language, previews[e.id]).to_json(),
                       disputes[e.id]) for e in events}
    shares = event_budgets({e.id: _sources(members[e.id], group_of) for e in events}, story_words)
    parts = [_with(_summary(members[e.id], shares[e.id], group_of, language, previews[e.id]).to_json(),
                   disputes[e.id]) for e in events]
    sentences = [s for part in parts for s in part["sentences"]]
    out[story.id] = {"summary": " ".join(s["text"] for s in sentences), "sentences": sentences}
    return out


def event_disputes(claims: Sequence[AlignedClaim], group_of: Mapping[str, str]) -> list[dict]:
    """One "Disputed" sentence per pair of opposed wordings: when each side of a dispute is an
    aligned claim of its own, both claims carry the dispute and would state it twice."""
    seen: set[frozenset[str]] = set()
    out = []
    for claim in claims:
        if not claim.contradicted_by:
            continue
        pair = frozenset((claim.carried_by[0].text, claim.contradicted_by[0].text))
        if pair not in seen:
            seen.add(pair)
            out.append(disputed(claim, group_of))
    return out


def disputed(claim: AlignedClaim, group_of: Mapping[str, str]) -> dict:
    """A summary sentence stating a contested claim as contested, both sides quoted and cited."""
    side, other = claim.carried_by[0], claim.contradicted_by[0]
    citations = list(dict.fromkeys(m.article for m in (*claim.carried_by, *claim.contradicted_by)))
    return {"text": f"Disputed: “{side.text}” against “{other.text}”.", "citations": citations,
            "independent_sources": len({group_of.get(a, a) for a in citations}), "contested": True}


def _with(summary: dict, disputes: Sequence[dict]) -> dict:
    if not disputes:
        return summary
    sentences = [*summary["sentences"], *disputes]
    return {"summary": " ".join(s["text"] for s in sentences), "sentences": sentences}


def event_budgets(sources: Mapping[str, int], words: int) -> dict[str, int]:
    """Split ``words`` over events by the square root of their independent sources (a story of one
    big and one small event still says something about the small one), with a floor."""
    if not sources:
        return {}
    weights = {key: math.sqrt(max(n, 1)) for key, n in sources.items()}
    total = sum(weights.values())
    return {key: max(MIN_EVENT_WORDS, round(words * w / total)) for key, w in weights.items()}


def _sources(articles: Sequence[Article], group_of: Mapping[str, str]) -> int:
    return len({group_of.get(a.id, a.id) for a in articles})


def stale_previews(event: Event) -> frozenset[str]:
    """The event's previews once a report of it exists (their look-ahead is then out of date);
    none while every article is a preview."""
    if not any(a.role == REPORT for a in event.articles):
        return frozenset()
    return frozenset(a.id for a in event.articles if a.role == PREVIEW)


def _summary(articles: Sequence[Article], words: int, group_of: Mapping[str, str], language,
             previews: frozenset[str] = frozenset()) -> Summary:
    if not articles:
        return Summary()
    return summarize(list(articles), words, language=language, group_of=dict(group_of), previews=previews)
