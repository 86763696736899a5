"""The JSON shapes of ``--json`` and of the web API, built in one place.

The CLI prints them (``newsprism stories --json`` ...) and ``newsprism serve`` answers them under
``/api/``; both call these functions, so a script sees the same JSON from either. Every value goes
through ``records.jsonable`` (``to_json``) before it is printed or sent.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .model import Article, Story
from .records import jsonable

if TYPE_CHECKING:
    from .corpus import Corpus


def to_json(value: object) -> Any:
    """``value`` as plain JSON types (the one serialiser: ``records.jsonable``)."""
    return jsonable(value)


def dumps(value: object) -> str:
    """The text every ``--json`` prints (without its final newline)."""
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)


def article_rows(articles: Iterable[Article]) -> list[dict]:
    """``newsprism articles --json`` and ``search --json``: the listing fields of each article."""
    return [a.summary() for a in articles]


def article_json(article: Article) -> dict:
    """One article in full: listing fields, clean text, removed lines, blocks, provenance."""
    return {**article.summary(), "canonical_url": article.canonical_url, "source": article.source,
            "text": article.text, "removed": [line.text for line in article.removed],
            "removed_detail": [{"text": l.text, "reason": l.reason, "line": l.line} for l in article.removed],
            "captions": list(article.captions),
            "blocks": [{"text": b.text, "kind": b.kind, "line": b.line} for b in article.blocks],
            "provenance": article.provenance}


def show_json(corpus: Corpus, article: Article) -> dict:
    """``newsprism show ID --json``: the article with its headline checks."""
    check = corpus.store.headline_checks().get(article.id)
    return {**article_json(article), "headline_check": check["label"] if check else None,
            "headline_check_detail": check, "headline_vs_event": corpus.headline_vs_event(article.id)}


def story_json(story: Story) -> dict:
    """``newsprism stories --json``: one story with its events and their articles' roles."""
    return {"id": story.id, "title": story.title, "articles": list(story.articles), "outlets": list(story.outlets),
            "independent_sources": story.independent_sources, "start": story.start, "end": story.end,
            "events": [{"id": e.id, "title": e.title, "start": e.start, "end": e.end,
                        "articles": [{"id": a.id, "role": a.role, "flags": list(a.flags)} for a in e.articles]}
                       for e in story.events]}


def stories_json(corpus: Corpus) -> list[dict]:
    """``newsprism stories --json``."""
    return [story_json(s) for s in corpus.stories()]


def story_detail_json(corpus: Corpus, story: Story) -> dict:
    """``newsprism story ID --json``: the story, who copied whom in it, and its cited summaries."""
    groups = corpus.provenance_groups(story.articles)
    summaries = {scope: corpus.summary(scope) for scope in (story.id, *(e.id for e in story.events))}
    return {**story_json(story), "provenance_groups": [
        {"origin": g.origin, "members": [{"id": m.id, "relation": m.relation}
                                         for m in g.members if m.id != g.origin]} for g in groups],
        "summary": summaries[story.id],
        "event_summaries": {e.id: summaries[e.id] for e in story.events}}


def quotes_json(corpus: Corpus, story: str | None = None) -> Any:
    """``newsprism quotes [STORY] --json``; KeyError for an unknown story."""
    return jsonable(corpus.quotes(story))


def claims_json(corpus: Corpus, event: str | None = None) -> Any:
    """``newsprism claims [EVENT] --json``; KeyError for an unknown event."""
    return jsonable(corpus.claims(event))


ALERTS_LIMIT = 50  # `newsprism alerts` shows the latest 50 unless told otherwise


def alerts_json(corpus: Corpus, since: str | None = None, limit: int = ALERTS_LIMIT) -> list | None:
    """``newsprism alerts --json``: alerts raised by ``newsprism watch``, the latest ``limit``
    (after ``since``), oldest first; None when this store keeps no alerts."""
    if not callable(getattr(corpus.store, "alerts", None)):
        return None
    return jsonable(corpus.store.alerts(since=since, limit=limit))
