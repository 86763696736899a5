"""What each page shows, assembled from articles, stories, provenance and ``ReportData``.

Pages link by slugged ids (``data.slug``): stories/<story>.html, events/<event>.html,
articles/<article>.html; a quote is anchored ``quote-<id>`` and a claim ``claim-<id>`` on its
event's page (on its story's page when no event is known), so every highlight in an article leads
to the aligned quote or claim it belongs to.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, Event, ProvenanceGroup, Relation, Story
from .data import Column, OutletMatrix, ReportData, canonical_text, date_of, omissions, outlet_matrix, slug
from .highlight import Mark, locate

if TYPE_CHECKING:
    from ..claims.coverage import CoverageRow
    from ..claims.records import AlignedClaim
    from ..figures.records import AlignedFigure
    from ..framing.records import Omission, OutletFraming
    from ..quotes.align import AlignedQuote
    from ..timeline.records import DateEvidence, TimelineArticle, TimelineEvent

RECORD = dict(frozen=True, slots=True, kw_only=True)
HEADLINE_LABEL_WORDS = 6  # an unnamed outlet's column is labelled by its headline's first words
MAX_LOADED_WORDS = 30  # per outlet card: the strongest first; the counts above cover the rest


@dataclass(**RECORD)
class Index:
    """Lookups shared by every page: which story and event each thing belongs to, and its number."""

    articles: dict[str, Article]
    stories: tuple[Story, ...]
    data: ReportData
    story_of_article: dict[str, Story] = field(default_factory=dict)
    story_of_event: dict[str, Story] = field(default_factory=dict)
    event_of_article: dict[str, str] = field(default_factory=dict)
    flags_of_article: dict[str, tuple[str, ...]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    quotes: dict[str, list[AlignedQuote]] = field(default_factory=dict)  # story id -> its quotes
    claims: dict[str, list[AlignedClaim]] = field(default_factory=dict)  # story id -> its claims
    coverage: dict[str, CoverageRow] = field(default_factory=dict)  # claim id -> its coverage row
    numbers: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> "Q3" / "C2"


def build_index(articles: Sequence[Article], stories: Sequence[Story], groups: Sequence[ProvenanceGroup],
                data: ReportData) -> Index:
    index = Index(articles={a.id: a for a in articles}, stories=tuple(stories), data=data)
    members: dict[str, list[str]] = {}
    for story in stories:
        for aid in story.articles:
            index.story_of_article.setdefault(aid, story)
        for event in story.events:
            index.story_of_event[event.id] = story
            members[event.id] = [item.id for item in event.articles]
            for item in event.articles:
                index.event_of_article.setdefault(item.id, event.id)
                if item.flags:
                    index.flags_of_article[item.id] = tuple(item.flags)
    for group in groups:
        for member in group.members:
            index.group_of[member.id] = group.origin
    _file(index, data.quotes, "quotes", "Q", lambda q: [v.article for v in q.variants])
    _file(index, data.claims, "claims", "C", lambda c: [x.article for x in c.carried_by])
    index.coverage.update(_coverage(data, members))
    return index


def _coverage(data: ReportData, members: Mapping[str, Sequence[str]]) -> dict[str, CoverageRow]:
    """Each claim's coverage row: the claims stage's, else built the same way from the claim and
    its event's articles (data made by hand, or a store analysed before the stage existed)."""
    from ..claims.coverage import coverage_row

    stored = {row.claim: row for row in data.coverage.rows} if data.coverage is not None else {}
    return {c.id: stored[c.id] if c.id in stored else coverage_row(c, members.get(c.event, ()))
            for c in data.claims}


def _file(index: Index, items: Sequence[Any], bucket: str, prefix: str,
          articles_of: Callable[[Any], list[str]]) -> None:
    """Put each quote / claim under its story (by its event, else by its articles) and number it."""
    target = getattr(index, bucket)
    for item in items:
        story = index.story_of_event.get(str(item.event))
        if story is None:
            story = next((index.story_of_article[a] for a in articles_of(item) if a in index.story_of_article), None)
        key = story.id if story else ""
        target.setdefault(key, []).append(item)
        index.numbers[(bucket, str(item.id))] = f"{prefix}{len(target[key])}"


def event_of(index: Index, item: AlignedQuote | AlignedClaim, articles: Sequence[str]) -> str | None:
    """The event a quote or claim belongs to: its own, else the event of its first article."""
    if item.event in index.story_of_event:
        return item.event
    return next((index.event_of_article[a] for a in articles if a in index.event_of_article), None)


def quote_href(index: Index, quote: AlignedQuote, root: str = "..") -> str:
    return _item_href(index, quote, [v.article for v in quote.variants], "quote", root)


def claim_href(index: Index, claim: AlignedClaim, root: str = "..") -> str:
    return _item_href(index, claim, [c.article for c in claim.carried_by], "claim", root)


def _item_href(index: Index, item: AlignedQuote | AlignedClaim, articles: Sequence[str], kind: str, root: str) -> str:
    event = event_of(index, item, articles)
    anchor = f"#{kind}-{slug(item.id)}"
    if event:
        return f"{root}/events/{slug(event)}.html{anchor}"
    story = next((index.story_of_article[a] for a in articles if a in index.story_of_article), None)
    return f"{root}/stories/{slug(story.id)}.html{anchor}" if story else f"{root}/index.html"


# --- timeline -----------------------------------------------------------------------------------
@dataclass(**RECORD)
class TimelineRow:
    """One article on the timeline chart and in the tables under it."""

    id: str
    role: str
    date: str | None
    inferred: bool
    date_source: str | None
    evidence: str
    title: str
    outlet: str
    href: str | None


@dataclass(**RECORD)
class TimelineLane:
    """One event on the timeline: its span (``YYYY-MM-DD``), its page and its articles."""

    id: str
    title: str
    start: str | None
    end: str | None
    inferred: bool
    anchor: str
    href: str
    articles: tuple[TimelineRow, ...]


def timeline(index: Index, story: Story, root: str = "..") -> list[TimelineLane]:
    """The story's events in time order, each with its articles' dates and roles, ready to chart.

    Uses the timeline stage's record for this story when there is one; otherwise the events as
    clustered, with each article at its publication date (undated ones shown as inferred, placed
    at their event)."""
    given = next((t for t in index.data.timeline if t.id == story.id), None)
    lanes = ([_stage_lane(index, e, root) for e in given.events] if given
             else [_story_lane(index, e, root) for e in story.events])
    return sorted(lanes, key=lambda e: (e.start is None, e.start or "", e.end or "", e.id))


def unplaced(index: Index, story: Story, root: str = "..") -> list[TimelineRow]:
    """Articles the timeline stage could not put on the axis (its ``unplaced`` list)."""
    given = next((t for t in index.data.timeline if t.id == story.id), None)
    return [_stage_row(index, item, root) for item in given.unplaced] if given else []


def _lane(event_id: str, title: str, start: str | None, end: str | None, inferred: bool,
          articles: Iterable[TimelineRow], root: str) -> TimelineLane:
    return TimelineLane(id=event_id, title=title, start=date_of(start), end=date_of(end), inferred=inferred,
                        anchor=slug(event_id), href=f"{root}/events/{slug(event_id)}.html", articles=tuple(articles))


def _stage_lane(index: Index, event: TimelineEvent, root: str) -> TimelineLane:
    return _lane(event.id, event.title, event.start, event.end, event.source not in (None, "reports"),
                 (_stage_row(index, item, root) for item in event.articles), root)


def _story_lane(index: Index, event: Event, root: str) -> TimelineLane:
    """An event as clustered: each article at its publication date, with where that came from."""
    rows = []
    for item in event.articles:
        article = index.articles.get(item.id)
        published = date_of(article.published if article else None)
        evidence = (article.provenance.get("published") if article and published else None) or (
            "" if published else "no date found in the article: placed with its event")
        rows.append(_row(index, item.id, item.role, published, not published,
                         "publication date" if published else None, evidence, root))
    return _lane(event.id, event.title, event.start, event.end, False, rows, root)


def _stage_row(index: Index, item: TimelineArticle, root: str) -> TimelineRow:
    day = date_of(item.placed or item.written)
    return _row(index, item.id, item.role, day, bool(item.inferred) or not day, item.written_source,
                _evidence_text(item.evidence, item.note), root)


def _row(index: Index, article_id: str, role: str, day: str | None, inferred: bool, source: str | None,
         evidence: str, root: str) -> TimelineRow:
    article = index.articles.get(article_id)
    return TimelineRow(id=article_id, role=role, date=day, inferred=inferred, date_source=source,
                       evidence=evidence, title=_article_label(article, article_id),
                       outlet=(article.outlet if article else None) or "unknown outlet",
                       href=f"{root}/articles/{slug(article_id)}.html" if article else None)


def _evidence_text(evidence: Sequence[DateEvidence], note: str | None = None) -> str:
    """Date evidence in words: the stage's note, then its dated expressions (“on Friday” →
    2024-04-26, by its rule); mentions that dated nothing are left out."""
    parts = [str(note)] if note else []
    parts.extend(f"“{e.expression}” → {e.date}" + (f" ({e.rule})" if e.rule else "")
                 for e in evidence if e.use != "mention")
    return "; ".join(p for p in parts if p)


def _article_label(article: Article | None, fallback: object) -> str:
    if article is None:
        return str(fallback)
    return f"{article.outlet or 'unknown outlet'}: {article.headline or '(no headline)'}"


# --- coverage and outlets -----------------------------------------------------------------------
def outlet_columns(index: Index, article_ids: Sequence[str]) -> list[Column]:
    """One column per named outlet (its articles together), one per article without an outlet."""
    columns: dict[str, tuple[str, str, list[str]]] = {}  # key -> (label, title, article ids)
    for aid in article_ids:
        article = index.articles.get(aid)
        if article is None:
            continue
        if article.outlet:
            column = columns.setdefault("o:" + article.outlet, (article.outlet, article.outlet, []))
        else:
            words = (article.headline or article.id).split()
            label = "unnamed: " + " ".join(words[:HEADLINE_LABEL_WORDS]) + ("…" if len(words) > HEADLINE_LABEL_WORDS else "")
            column = columns.setdefault("a:" + aid, (label, article.headline or aid, []))
        column[2].append(aid)
    return [Column(key=key, label=label, title=title, articles=tuple(ids))
            for key, (label, title, ids) in columns.items()]


def matrix(index: Index, claims: Sequence[AlignedClaim], article_ids: Sequence[str]) -> OutletMatrix:
    """The claims stage's coverage rows of ``claims``, per outlet of ``article_ids``."""
    return outlet_matrix([(c, index.coverage[c.id]) for c in claims], outlet_columns(index, article_ids),
                         index.event_of_article)


def outlet_panel(index: Index, story: Story, story_matrix: OutletMatrix) -> list[dict]:
    """Per outlet column: its articles, its framing (words for shared referents, loaded terms) and
    what it leaves out or contradicts: the framing stage's omissions when given, else the matrix's."""
    rows = index.data.framing_for(story.id)
    by_article = {a: row for row in rows for a in row.articles}
    by_name = {row.outlet: row for row in rows}
    claims = {c.id: c for c in index.claims.get(story.id, [])}
    missing = omissions(story_matrix)
    out = []
    for column in story_matrix.columns:
        row = next((by_article[a] for a in column.articles if a in by_article), None) or by_name.get(column.label)
        given = row.omissions if row is not None else ()
        left_out = [_omission(o, claims) for o in given] if given else \
            [{"claim": c, "text": c.text, "status": "omitted"} for c in missing.get(column.key, [])]
        out.append({"column": column, "articles": [index.articles[a] for a in column.articles],
                    "terms": _terms(row) if row is not None else [],
                    "loaded": list(row.loaded) if row is not None else [],
                    "loaded_words": _loaded_words(row, index) if row is not None else [],
                    "loaded_rate": row.loaded_per_1000 if row is not None else None,
                    "own_voice_rate": row.own_voice_per_1000 if row is not None else None,
                    "omissions": left_out})
    return out


def _loaded_words(row: OutletFraming, index: Index) -> list[dict]:
    """The framing stage's ``loaded_words`` of one outlet, own voice first and the strongest first,
    each with its sentence (the text it links to on the article page, anchored ``lw-<start>``)."""
    words = sorted(row.loaded_words, key=lambda w: (bool(w.quoted), -float(w.probability or 1.0)))
    out = []
    for word in words[:MAX_LOADED_WORDS]:
        article = index.articles.get(word.article_id)
        start, end = word.sentence_start, word.sentence_end
        sentence = article.text[start:end] if article and isinstance(start, int) and isinstance(end, int) else ""
        out.append({"text": word.text, "start": word.start, "article_id": word.article_id, "quoted": word.quoted,
                    "reason": word.reason, "sentence": sentence, "linked": article is not None})
    return out


def loaded_marks(index: Index, article: Article, root: str = "..") -> list[Mark]:
    """Highlights of the loaded words the framing panel found in ``article``; each leads back to
    its outlet's card on the story page."""
    story = index.story_of_article.get(article.id)
    if story is None:
        return []
    marks = []
    for row in index.data.framing_for(story.id):
        for word in row.loaded_words:
            if word.article_id != article.id:
                continue
            where = locate(article.text, word.start, word.end, word.text)
            if where:
                voice = "quoted: a source's word" if word.quoted else "the outlet's own word"
                marks.append(Mark(start=where[0], end=where[1], kind="loaded", anchor=f"lw-{where[0]}",
                                  href=f"{root}/stories/{slug(story.id)}.html#outlets-h", label="",
                                  title=f"loaded word ({voice}): {word.reason or ''}"))
    return marks


def term_table(panel: Sequence[Mapping]) -> dict:
    """Referents x outlets: the words each outlet uses for the same thing, side by side (only the
    referents that at least two outlets name)."""
    referents: dict[str, dict[int, list]] = {}
    for n, card in enumerate(panel):
        for term in card["terms"]:
            referents.setdefault(term["referent"], {})[n] = term["forms"]
    rows = [{"referent": r, "cells": [cells.get(n, []) for n in range(len(panel))]}
            for r, cells in referents.items() if len(cells) > 1]
    return {"columns": [card["column"] for card in panel], "rows": rows}


def _terms(row: OutletFraming) -> list[dict]:
    """The framing stage's ``term_choices`` as ``[{referent, forms: [{form, count, distinctive}]}]``."""
    out = []
    for term in row.term_choices:
        distinctive = set(map(str, term.distinctive))
        out.append({"referent": str(term.referent),
                    "forms": [{"form": f.form, "count": f.count, "distinctive": str(f.form) in distinctive}
                              for f in term.forms]})
    return out


def _omission(item: Omission, claims: Mapping[str, AlignedClaim]) -> dict:
    """A framing omission as ``{claim, text, status}`` (the claim when this report has it)."""
    claim = claims.get(item.claim_id)
    return {"claim": claim, "text": item.text or (claim.text if claim else None), "status": item.status or "omitted"}


def provenance(index: Index, story: Story, groups: Sequence[ProvenanceGroup],
               relations: Sequence[Relation]) -> dict:
    """Who copied whom in this story: groups of two or more with each link's evidence, and the
    articles that are their own source."""
    members = set(story.articles)
    evidence = {(r.source, r.target): r for r in relations}
    shared, alone = [], []
    for group in groups:
        if group.origin not in members:
            continue
        if len(group.members) == 1:
            alone.append(group.origin)
            continue
        copies = [{"member": m, "link": evidence.get((group.origin, m.id)) or evidence.get((m.id, group.origin))}
                  for m in group.members if m.id != group.origin]
        shared.append({"origin": group.origin, "copies": copies})
    grouped = {m.id for g in groups for m in g.members}
    alone.extend(a for a in story.articles if a not in grouped)
    return {"groups": shared, "alone": alone, "sources": len(shared) + len(alone)}


# --- article highlights -------------------------------------------------------------------------
def article_marks(index: Index, article: Article, root: str = "..") -> tuple[list[Mark], list[dict]]:
    """Highlights for one article (quotes, their speakers, claims carried or contradicted) and the
    side-panel list of the same items (with ``located`` False when the offsets did not fit)."""
    marks, listing = [], []
    story = index.story_of_article.get(article.id)
    key = story.id if story else ""
    for quote in index.quotes.get(key, []):
        number = index.numbers.get(("quotes", str(quote.id)), "Q")
        href = quote_href(index, quote, root)
        for n, variant in enumerate(v for v in quote.variants if v.article == article.id):
            where = locate(article.text, variant.start, variant.end, variant.text)
            speaker = variant.speaker or quote.speaker or "unknown speaker"
            title = f"{number}: quote by {speaker}" + (f" ({variant.variant})" if variant.variant else "")
            anchor = f"q-{slug(quote.id)}" + (f"-{n}" if n else "")
            if where:
                marks.append(Mark(start=where[0], end=where[1], kind="quote", anchor=anchor, href=href,
                                  label=number, title=title))
            spoken = locate(article.text, variant.speaker_start, variant.speaker_end, variant.speaker_text)
            if spoken and where:
                marks.append(Mark(start=spoken[0], end=spoken[1], kind="speaker", anchor=anchor + "-s", href=href,
                                  label="", title=f"{number}: speaker, resolved to {speaker}"))
            listing.append({"kind": "quote", "number": number, "href": href, "anchor": anchor,
                            "located": bool(where), "text": variant.text or canonical_text(quote),
                            "speaker": speaker, "variant": variant.variant,
                            "flags": list(dict.fromkeys([*variant.flags, *quote.flags]))})
    for claim in index.claims.get(key, []):
        number = index.numbers.get(("claims", str(claim.id)), "C")
        href = claim_href(index, claim, root)
        for kind, mentions in (("claim", claim.carried_by), ("contradiction", claim.contradicted_by)):
            for n, span in enumerate(s for s in mentions if s.article == article.id):
                where = locate(article.text, span.start, span.end, span.text)
                anchor = f"c-{slug(claim.id)}" + ("-x" if kind == "contradiction" else "") + (f"-{n}" if n else "")
                title = f"{number}: claim, {claim.status or 'unrated'}" + (
                    " — this article says the opposite" if kind == "contradiction" else "")
                if where:
                    marks.append(Mark(start=where[0], end=where[1], kind=kind, anchor=anchor, href=href,
                                      label=number, title=title))
                listing.append({"kind": kind, "number": number, "href": href, "anchor": anchor,
                                "located": bool(where), "text": span.text or claim.text or "",
                                "status": claim.status})
    return marks + loaded_marks(index, article, root), listing


def quotes_by_event(index: Index, story: Story) -> dict[str | None, list[AlignedQuote]]:
    out: dict[str | None, list[AlignedQuote]] = defaultdict(list)
    for quote in index.quotes.get(story.id, []):
        out[event_of(index, quote, [v.article for v in quote.variants])].append(quote)
    return out


def claims_by_event(index: Index, story: Story) -> dict[str | None, list[AlignedClaim]]:
    out: dict[str | None, list[AlignedClaim]] = defaultdict(list)
    for claim in index.claims.get(story.id, []):
        out[event_of(index, claim, [c.article for c in claim.carried_by])].append(claim)
    return out


FIGURE_ORDER = {"disagree": 0, "updated": 1, "agree": 2, "single": 3}


def figures_of_story(index: Index, story: Story) -> list[dict]:
    """The aligned figures of the story's events, disagreements first, each with its quantity in
    words (``label``) and the events' order kept within a status."""
    events = [e.id for e in story.events]
    found = sorted((f for f in index.data.figures if f.event in events),
                   key=lambda f: (FIGURE_ORDER.get(str(f.status), 4), events.index(f.event)))
    return [{"event": f.event, "status": f.status, "independent_sources": f.independent_sources,
             "label": figure_label(f), "figures": f.figures} for f in found]


def figure_label(figure: AlignedFigure) -> str:
    """A quantity in words: "dead", "count of homes", "money (bail)", "percent (greek)"."""
    kind, thing = str(figure.kind or ""), str(figure.thing or "")
    if kind == "count":
        return f"count of {thing}" if thing else "count"
    return f"{kind} ({thing})" if thing else kind
