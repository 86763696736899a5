"""Alerts: what changed in the findings because of the articles the watcher just took in.

``find_alerts(store, fresh)`` compares the findings with and without ``fresh`` (the articles of
feed entries that no alert round has read yet, ``Store.unalerted_articles``): a finding raises
an alert when the fresh articles made it, that is when it stands on a fresh article and would
not stand on the older articles alone. "Before" is thus read from the findings themselves, not
from a snapshot that a crash could lose; the round that reads the fresh articles marks them
read in the same transaction that stores its alerts, and each alert's key is stored once.

- **new event**: an event of a followed story whose articles are all fresh, in a story that
  had older articles (a story that is wholly new is not a development of one being followed).
  Stories are followed with ``newsprism follow STORY``; while none is followed, every story is.
- **newly contested claim**: a claim with a contradicting mention, where one side (carrying or
  contradicting) is all fresh articles (both sides standing on older articles: the dispute was
  already there).
- **altered quote**: a remark quoted directly in words that differ across outlets
  (``altered-quote``), where the differing or the reference wording is fresh and not both.
- **misattribution**: a remark given to two speakers who cannot be one
  (``possible-misattribution``), the same test over the flagged and the other variants.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from ..model import Story
from .records import ALTERED_QUOTE, CONTESTED_CLAIM, MISATTRIBUTION, NEW_EVENT, Alert

# Words of a claim or quote kept in an alert's one-line message.
MESSAGE_WORDS = 24


def find_alerts(store: Any, fresh: Collection[str]) -> list[Alert]:
    """The alerts the ``fresh`` articles raise, in a stable order (events, claims, quotes)."""
    fresh = set(fresh)
    if not fresh:
        return []
    outlets = _Outlets(store)
    stories = store.stories()
    event_story = {e.id: s.id for s in stories for e in s.events}
    alerts = new_events(stories, fresh, set(store.followed()))
    alerts += contested_claims(store.findings("claim"), fresh, event_story, outlets)
    alerts += quote_alerts(store.findings("quote"), fresh, outlets)
    return alerts


def new_events(stories: Iterable[Story], fresh: set[str], followed: set[str]) -> list[Alert]:
    alerts = []
    for story in stories:
        if followed and story.id not in followed:
            continue
        if all(a in fresh for a in story.articles):
            continue  # a new story, not a new event of one being followed
        for event in story.events:
            ids = tuple(a.id for a in event.articles)
            if ids and all(i in fresh for i in ids):
                dates = f" ({event.start or '?'} to {event.end or '?'})" if event.start or event.end else ""
                alerts.append(Alert(
                    key=f"{NEW_EVENT}:{event.id}", kind=NEW_EVENT, story=story.id, event=event.id, articles=ids,
                    message=f"new event in story {_quoted(story.title)}: {_quoted(event.title)}{dates}",
                    detail={"story_title": story.title, "event_title": event.title, "start": event.start,
                            "end": event.end}))
    return alerts


def contested_claims(claims: Iterable[Any], fresh: set[str], event_story: dict[str, str],
                     outlets: _Outlets) -> list[Alert]:
    alerts = []
    for claim in claims:
        carried = {m.article for m in claim.carried_by}
        against = {m.article for m in claim.contradicted_by}
        if not against or not made_by_fresh([carried, against], fresh):
            continue
        message = (f"contested claim {_quoted(claim.text)}: {outlets.names(carried)} against "
                   f"{outlets.names(against)}")
        alerts.append(Alert(
            key=f"{CONTESTED_CLAIM}:{claim.id}", kind=CONTESTED_CLAIM, message=message,
            story=event_story.get(claim.event), event=claim.event, finding=claim.id,
            articles=_fresh_first([*carried, *against], fresh),
            detail={"text": claim.text, "status": claim.status,
                    "carried_by": [m.to_dict() for m in claim.carried_by],
                    "contradicted_by": [m.to_dict() for m in claim.contradicted_by]}))
    return alerts


def quote_alerts(quotes: Iterable[Any], fresh: set[str], outlets: _Outlets) -> list[Alert]:
    """Altered quotes and misattributions the fresh articles brought."""
    from ..quotes.align import ALTERED, DIFFERENT_SPEAKER, POSSIBLE_MISATTRIBUTION

    alerts = []
    for quote in quotes:
        articles = [v.article for v in quote.variants]
        if ALTERED in quote.flags:
            differing = {v.article for v in quote.variants if ALTERED in v.flags}
            reference = {v.article for v in quote.variants if v.kind == "direct" and v.article not in differing}
            if made_by_fresh([differing, reference], fresh):
                alerts.append(_quote_alert(quote, ALTERED_QUOTE, "quoted in differing words by", articles,
                                           fresh, outlets))
        if POSSIBLE_MISATTRIBUTION in quote.flags:
            flagged = {v.article for v in quote.variants
                       if POSSIBLE_MISATTRIBUTION in v.flags or v.variant == DIFFERENT_SPEAKER}
            others = set(articles) - flagged
            if made_by_fresh([flagged, others], fresh):
                alerts.append(_quote_alert(quote, MISATTRIBUTION, "possibly misattributed by", sorted(flagged),
                                           fresh, outlets))
    return alerts


def made_by_fresh(sides: list[set[str]], fresh: set[str]) -> bool:
    """True when a finding with these sides (article sets) stands because of fresh articles: some
    side has a fresh article, and not every non-empty side stood on older ones already."""
    if not any(side & fresh for side in sides):
        return False
    return not all(side - fresh for side in sides if side)


def _quote_alert(quote: Any, kind: str, what: str, named: list[str], fresh: set[str],
                 outlets: _Outlets) -> Alert:
    speaker = quote.speaker or "an unresolved speaker"
    return Alert(
        key=f"{kind}:{quote.id}", kind=kind, event=quote.event, finding=quote.id,
        articles=_fresh_first([v.article for v in quote.variants], fresh),
        message=f"{speaker}: {_quoted(quote.text)} {what} {outlets.names(named)}",
        detail={"speaker": quote.speaker, "text": quote.text, "reasons": list(quote.reasons),
                "variants": [{"article": v.article, "outlet": outlets.name(v.article), "text": v.text,
                              "speaker": v.speaker, "variant": v.variant, "flags": list(v.flags)}
                             for v in quote.variants]})


class _Outlets:
    """Outlet names of the articles an alert names (read from the store on demand)."""

    def __init__(self, store: Any):
        self.store = store
        self.cache: dict[str, str] = {}

    def name(self, article_id: str) -> str:
        if article_id not in self.cache:
            article = self.store.get(article_id)
            self.cache[article_id] = (article.outlet if article else None) or article_id[:8]
        return self.cache[article_id]

    def names(self, article_ids: Iterable[str]) -> str:
        return ", ".join(dict.fromkeys(self.name(a) for a in sorted(article_ids))) or "-"


def _fresh_first(articles: Iterable[str], fresh: set[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(articles))
    return tuple([a for a in unique if a in fresh] + [a for a in unique if a not in fresh])


def _quoted(text: str | None) -> str:
    words = (text or "").split()
    clipped = " ".join(words[:MESSAGE_WORDS]) + (" …" if len(words) > MESSAGE_WORDS else "")
    return f"\u201c{clipped}\u201d"
