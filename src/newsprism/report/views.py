"""What each page shows, assembled from articles, stories, provenance and ``ReportData``.

Pages link by slugged ids (``data.slug``): stories/<story>.html, events/<event>.html,
articles/<article>.html; a quote is anchored ``quote-<id>`` and a claim ``claim-<id>`` on its
event's page (on its story's page when no event is known), so every highlight in an article leads
to the aligned quote or claim it belongs to.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Article, ProvenanceGroup, Relation, Story
from .data import ReportData, canonical_text, coverage_matrix, date_of, omissions, slug
from .highlight import Mark, locate

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
    quotes: dict[str, list[Mapping]] = field(default_factory=dict)  # story id -> its quotes
    claims: dict[str, list[Mapping]] = field(default_factory=dict)  # story id -> its claims
    numbers: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> "Q3" / "C2"


def build_index(articles: Sequence[Article], stories: Sequence[Story], groups: Sequence[ProvenanceGroup],
                data: ReportData) -> Index:
    index = Index(articles={a.id: a for a in articles}, stories=tuple(stories), data=data)
    for story in stories:
        for aid in story.articles:
            index.story_of_article.setdefault(aid, story)
        for event in story.events:
            index.story_of_event[event.id] = story
            for item in event.articles:
                index.event_of_article.setdefault(item.id, event.id)
                if item.flags:
                    index.flags_of_article[item.id] = tuple(item.flags)
    for group in groups:
        for member in group.members:
            index.group_of[member.id] = group.origin
    _file(index, data.quotes, "quotes", "Q", lambda q: [v.get("article") for v in q.get("variants") or ()])
    _file(index, data.claims, "claims", "C", lambda c: [x.get("article") for x in c.get("carried_by") or ()])
    return index


def _file(index: Index, items: Sequence[Mapping], bucket: str, prefix: str, articles_of) -> None:
    """Put each quote / claim under its story (by its event, else by its articles) and number it."""
    target = getattr(index, bucket)
    for item in items:
        story = index.story_of_event.get(str(item.get("event")))
        if story is None:
            story = next((index.story_of_article[a] for a in articles_of(item) if a in index.story_of_article), None)
        key = story.id if story else ""
        target.setdefault(key, []).append(item)
        index.numbers[(bucket, str(item.get("id")))] = f"{prefix}{len(target[key])}"


def event_of(index: Index, item: Mapping, articles: Sequence[str]) -> str | None:
    """The event a quote or claim belongs to: its own, else the event of its first article."""
    if item.get("event") in index.story_of_event:
        return item["event"]
    return next((index.event_of_article[a] for a in articles if a in index.event_of_article), None)


def quote_href(index: Index, quote: Mapping, root: str = "..") -> str:
    variants = [v.get("article") for v in quote.get("variants") or ()]
    return _item_href(index, quote, variants, "quote", root)


def claim_href(index: Index, claim: Mapping, root: str = "..") -> str:
    carried = [c.get("article") for c in claim.get("carried_by") or ()]
    return _item_href(index, claim, carried, "claim", root)


def _item_href(index: Index, item: Mapping, articles: Sequence[str], kind: str, root: str) -> str:
    event = event_of(index, item, articles)
    anchor = f"#{kind}-{slug(item.get('id'))}"
    if event:
        return f"{root}/events/{slug(event)}.html{anchor}"
    story = next((index.story_of_article[a] for a in articles if a in index.story_of_article), None)
    return f"{root}/stories/{slug(story.id)}.html{anchor}" if story else f"{root}/index.html"


# --- timeline -----------------------------------------------------------------------------------
def timeline(index: Index, story: Story, root: str = "..") -> list[dict]:
    """The story's events in time order, each with its articles' dates and roles, ready to chart.

    Uses the timeline stage's output when there is one for this story (``{story, events}`` or the
    stage's own ``{id, events: [{..., source, articles: [{placed, written, written_source, note,
    evidence: [...]}]}]}``); otherwise the events as clustered, with each article at its
    publication date (undated ones shown as inferred, placed at their event)."""
    given = next((t for t in index.data.timeline if story.id in (t.get("story"), t.get("id"))), None)
    events = list(given.get("events") or ()) if given else [_event_from_story(index, e) for e in story.events]
    out = []
    for event in events:
        articles = [_timeline_article(index, item, root) for item in event.get("articles") or ()]
        inferred = bool(event.get("inferred")) or event.get("source") not in (None, "reports")
        out.append({**event, "anchor": slug(event.get("id")), "articles": articles, "inferred": inferred,
                    "start": date_of(event.get("start")), "end": date_of(event.get("end")),
                    "href": f"{root}/events/{slug(event.get('id'))}.html"})
    return sorted(out, key=lambda e: (e["start"] is None, e["start"] or "", e["end"] or "", str(e.get("id"))))


def unplaced(index: Index, story: Story, root: str = "..") -> list[dict]:
    """Articles the timeline stage could not put on the axis (its ``unplaced`` list)."""
    given = next((t for t in index.data.timeline if story.id in (t.get("story"), t.get("id"))), None)
    return [_timeline_article(index, item, root) for item in (given or {}).get("unplaced") or ()]


def _timeline_article(index: Index, item: Mapping, root: str) -> dict:
    article = index.articles.get(str(item.get("id")))
    day = date_of(item.get("date") or item.get("placed") or item.get("written"))
    return {**item, "date": day, "inferred": bool(item.get("inferred")) or not day,
            "date_source": item.get("date_source") or item.get("written_source"),
            "evidence": _evidence_text(item.get("evidence"), item.get("note")),
            "title": _article_label(article, item.get("id")),
            "outlet": (article.outlet if article else None) or "unknown outlet",
            "href": f"{root}/articles/{slug(item.get('id'))}.html" if article else None}


def _evidence_text(evidence: object, note: object = None) -> str:
    """Date evidence in words: a string as given, or the stage's list of dated expressions
    (“on Friday” → 2024-04-26, by its rule), after the stage's own note."""
    parts = [str(note)] if note else []
    if isinstance(evidence, str):
        parts.append(evidence)
    elif isinstance(evidence, Sequence):
        for e in evidence:
            if isinstance(e, Mapping) and e.get("use", "anchor") != "mention":
                parts.append(f"“{e.get('expression')}” → {e.get('date')}" + (f" ({e['rule']})" if e.get("rule") else ""))
    return "; ".join(p for p in parts if p)


def _event_from_story(index: Index, event) -> dict:
    articles = []
    for item in event.articles:
        article = index.articles.get(item.id)
        published = date_of(article.published if article else None)
        articles.append({"id": item.id, "role": item.role, "date": published,
                         "date_source": "publication date" if published else None,
                         "evidence": (article.provenance.get("published") if article and published else None)
                         or ("" if published else "no date found in the article: placed with its event")})
    return {"id": event.id, "title": event.title, "start": event.start, "end": event.end,
            "inferred": False, "articles": articles}


def _article_label(article: Article | None, fallback: object) -> str:
    if article is None:
        return str(fallback)
    return f"{article.outlet or 'unknown outlet'}: {article.headline or '(no headline)'}"


# --- coverage and outlets -----------------------------------------------------------------------
def outlet_columns(index: Index, article_ids: Sequence[str]) -> list[dict]:
    """One column per named outlet (its articles together), one per article without an outlet."""
    columns: dict[str, dict] = {}
    for aid in article_ids:
        article = index.articles.get(aid)
        if article is None:
            continue
        if article.outlet:
            column = columns.setdefault("o:" + article.outlet, {"key": "o:" + article.outlet, "label": article.outlet,
                                                                 "title": article.outlet, "articles": []})
        else:
            words = (article.headline or article.id).split()
            label = "unnamed: " + " ".join(words[:HEADLINE_LABEL_WORDS]) + ("…" if len(words) > HEADLINE_LABEL_WORDS else "")
            column = columns.setdefault("a:" + aid, {"key": "a:" + aid, "label": label,
                                                     "title": article.headline or aid, "articles": []})
        column["articles"].append(aid)
    return list(columns.values())


def matrix(index: Index, claims: Sequence[Mapping], article_ids: Sequence[str]) -> dict:
    return coverage_matrix(claims, outlet_columns(index, article_ids), index.event_of_article)


def outlet_panel(index: Index, story: Story, story_matrix: Mapping) -> list[dict]:
    """Per outlet column: its articles, its framing (words for shared referents, loaded terms) and
    what it leaves out or contradicts: the framing stage's omissions when given, else the matrix's."""
    rows = index.data.framing_for(story.id)
    by_article = {a: row for row in rows for a in row.get("articles") or ()}
    by_name = {str(row.get("outlet")): row for row in rows}
    claims = {str(c.get("id")): c for c in index.claims.get(story.id, [])}
    missing = omissions(story_matrix)
    out = []
    for column in story_matrix["columns"]:
        row = next((by_article[a] for a in column["articles"] if a in by_article), None) or by_name.get(column["label"], {})
        given = row.get("omissions")
        left_out = [_omission(o, claims) for o in given] if given else \
            [{"claim": c, "text": c.get("text"), "status": "omitted"} for c in missing.get(column["key"], [])]
        out.append({"column": column, "articles": [index.articles[a] for a in column["articles"]],
                    "terms": _terms(row), "loaded": list(row.get("loaded") or ()),
                    "loaded_words": _loaded_words(row, index),
                    "loaded_rate": row.get("loaded_per_1000"), "own_voice_rate": row.get("own_voice_per_1000"),
                    "omissions": left_out})
    return out


def _loaded_words(row: Mapping, index: Index) -> list[dict]:
    """The framing stage's ``loaded_words`` of one outlet, own voice first and the strongest first,
    each with its sentence (the text it links to on the article page, anchored ``lw-<start>``)."""
    out = []
    for word in row.get("loaded_words") or ():
        if not isinstance(word, Mapping):
            continue
        article = index.articles.get(str(word.get("article_id")))
        start, end = word.get("sentence_start"), word.get("sentence_end")
        sentence = article.text[start:end] if article and isinstance(start, int) and isinstance(end, int) else ""
        out.append({**word, "sentence": sentence, "linked": article is not None})
    out.sort(key=lambda w: (bool(w.get("quoted")), -float(w.get("probability") or 1.0)))
    return out[:MAX_LOADED_WORDS]


def loaded_marks(index: Index, article: Article, root: str = "..") -> list[Mark]:
    """Highlights of the loaded words the framing panel found in ``article``; each leads back to
    its outlet's card on the story page."""
    story = index.story_of_article.get(article.id)
    if story is None:
        return []
    marks = []
    for row in index.data.framing_for(story.id):
        for word in row.get("loaded_words") or ():
            if not isinstance(word, Mapping) or word.get("article_id") != article.id:
                continue
            where = locate(article.text, word.get("start"), word.get("end"), word.get("text"))
            if where:
                voice = "quoted: a source's word" if word.get("quoted") else "the outlet's own word"
                marks.append(Mark(start=where[0], end=where[1], kind="loaded", anchor=f"lw-{where[0]}",
                                  href=f"{root}/stories/{slug(story.id)}.html#outlets-h", label="",
                                  title=f"loaded word ({voice}): {word.get('reason') or ''}"))
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


def _terms(row: Mapping) -> list[dict]:
    """``terms: [{referent, forms: {form: count}}]`` or the framing stage's ``term_choices:
    [{referent, forms: [{form, count}], distinctive}]``, as ``[{referent, forms: [{form, count,
    distinctive}]}]``."""
    out = []
    for term in list(row.get("terms") or ()) + list(row.get("term_choices") or ()):
        forms = term.get("forms") or ()
        pairs = list(forms.items()) if isinstance(forms, Mapping) else [(f.get("form"), f.get("count")) for f in forms]
        distinctive = set(map(str, term.get("distinctive") or ()))
        out.append({"referent": str(term.get("referent")),
                    "forms": [{"form": f, "count": c, "distinctive": str(f) in distinctive} for f, c in pairs]})
    return out


def _omission(item: object, claims: Mapping[str, Mapping]) -> dict:
    """A claim id, or ``{claim_id, text, status}``, as ``{claim, text, status}``."""
    if isinstance(item, Mapping):
        key = str(item.get("claim_id") or item.get("id"))
        return {"claim": claims.get(key), "text": item.get("text") or (claims.get(key) or {}).get("text"),
                "status": item.get("status") or "omitted"}
    claim = claims.get(str(item))
    return {"claim": claim, "text": (claim or {}).get("text") or str(item), "status": "omitted"}


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
        number = index.numbers.get(("quotes", str(quote.get("id"))), "Q")
        href = quote_href(index, quote, root)
        for n, variant in enumerate(v for v in quote.get("variants") or () if v.get("article") == article.id):
            where = locate(article.text, variant.get("start"), variant.get("end"), variant.get("text"))
            speaker = variant.get("speaker") or quote.get("speaker") or "unknown speaker"
            title = f"{number}: quote by {speaker}" + (f" ({variant['variant']})" if variant.get("variant") else "")
            anchor = f"q-{slug(quote.get('id'))}" + (f"-{n}" if n else "")
            if where:
                marks.append(Mark(start=where[0], end=where[1], kind="quote", anchor=anchor, href=href,
                                  label=number, title=title))
            spoken = locate(article.text, variant.get("speaker_start"), variant.get("speaker_end"),
                            variant.get("speaker_text"))
            if spoken and where:
                marks.append(Mark(start=spoken[0], end=spoken[1], kind="speaker", anchor=anchor + "-s", href=href,
                                  label="", title=f"{number}: speaker, resolved to {speaker}"))
            listing.append({"kind": "quote", "number": number, "href": href, "anchor": anchor,
                            "located": bool(where), "text": variant.get("text") or canonical_text(quote),
                            "speaker": speaker, "variant": variant.get("variant"),
                            "flags": list(dict.fromkeys([*(variant.get("flags") or ()), *(quote.get("flags") or ())]))})
    for claim in index.claims.get(key, []):
        number = index.numbers.get(("claims", str(claim.get("id"))), "C")
        href = claim_href(index, claim, root)
        for kind, bucket in (("claim", "carried_by"), ("contradiction", "contradicted_by")):
            for n, span in enumerate(s for s in claim.get(bucket) or () if s.get("article") == article.id):
                where = locate(article.text, span.get("start"), span.get("end"), span.get("text"))
                anchor = f"c-{slug(claim.get('id'))}" + ("-x" if kind == "contradiction" else "") + (f"-{n}" if n else "")
                title = f"{number}: claim, {claim.get('status') or 'unrated'}" + (
                    " — this article says the opposite" if kind == "contradiction" else "")
                if where:
                    marks.append(Mark(start=where[0], end=where[1], kind=kind, anchor=anchor, href=href,
                                      label=number, title=title))
                listing.append({"kind": kind, "number": number, "href": href, "anchor": anchor,
                                "located": bool(where), "text": span.get("text") or claim.get("text") or "",
                                "status": claim.get("status")})
    return marks + loaded_marks(index, article, root), listing


def quotes_by_event(index: Index, story: Story) -> dict[str | None, list[Mapping]]:
    out: dict[str | None, list[Mapping]] = defaultdict(list)
    for quote in index.quotes.get(story.id, []):
        out[event_of(index, quote, [v.get("article") for v in quote.get("variants") or ()])].append(quote)
    return out


def claims_by_event(index: Index, story: Story) -> dict[str | None, list[Mapping]]:
    out: dict[str | None, list[Mapping]] = defaultdict(list)
    for claim in index.claims.get(story.id, []):
        out[event_of(index, claim, [c.get("article") for c in claim.get("carried_by") or ()])].append(claim)
    return out


FIGURE_ORDER = {"disagree": 0, "updated": 1, "agree": 2, "single": 3}


def figures_of_story(index: Index, story: Story) -> list[dict]:
    """The aligned figures of the story's events, disagreements first, each with its quantity in
    words (``label``) and the events' order kept within a status."""
    events = [e.id for e in story.events]
    rows = [dict(f) | {"label": figure_label(f)} for f in index.data.figures if f.get("event") in events]
    return sorted(rows, key=lambda f: (FIGURE_ORDER.get(str(f.get("status")), 4), events.index(f["event"])))


def figure_label(figure: Mapping) -> str:
    """A quantity in words: "dead", "count of homes", "money (bail)", "percent (greek)"."""
    kind, thing = str(figure.get("kind") or ""), str(figure.get("thing") or "")
    if kind == "count":
        return f"count of {thing}" if thing else "count"
    return f"{kind} ({thing})" if thing else kind
