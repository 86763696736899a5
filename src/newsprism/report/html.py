"""Render the report: an overview, one page per story, per event and per article.

Everything taken from an article or an analysis goes through Jinja2 with autoescaping on, or, for
the SVG chart and the highlighted text built in Python, through ``markupsafe.escape`` piece by
piece, so hostile text (``<script>``, entities, attribute-breaking quotes) renders inert. Ids used
in file names and anchors are slugged (``data.slug``). No CDN, no JavaScript needed: the
stylesheet is copied next to the pages; one small inline script only filters the article table.
"""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Article, ProvenanceGroup, Relation, Story
from ..safe_text import for_html
from . import views
from .charts import timeline_svg
from .data import ReportData, canonical_text, quote_kind, slug
from .highlight import paragraphs, render

if TYPE_CHECKING:
    from ..claims.records import AlignedClaim
    from ..quotes.align import AlignedQuote
    from ..stages import Progress

_ENV = Environment(loader=PackageLoader("newsprism.report", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)

_ENV.tests["web_url"] = lambda value: isinstance(value, str) and value.lower().startswith(("http://", "https://"))
_ENV.tests["multiple"] = lambda value: value is not None and len(value) > 1  # more than one variant
_ENV.filters["slug"] = slug
_ENV.filters["canonical"] = canonical_text
_ENV.filters["quote_kind"] = quote_kind
_ENV.filters["plain"] = lambda value: _plain(value)
_ENV.filters["plural"] = lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}"

FIELD_LABELS = {"headline": "Headline", "outlet": "Outlet", "byline": "Byline", "published": "Published",
                "dateline": "Dateline", "wire": "Wire credit", "language": "Language", "url": "URL"}
STATUS_TEXT = {"corroborated": "corroborated", "single-source": "single source", "contested": "contested"}


def write_report(articles: list[Article], out: Path, *, stories: Sequence[Story] = (),
                 groups: Sequence[ProvenanceGroup] = (), relations: Sequence[Relation] = (),
                 headline_checks: dict[str, dict] | None = None, data: ReportData | None = None,
                 on_progress: Progress | None = None) -> Path:
    """Write ``index.html``, ``stories/<id>.html``, ``events/<id>.html``, ``articles/<id>.html`` and
    ``style.css`` under ``out``; returns the index page. ``on_progress(stage, done, total)``
    follows the story and article pages."""
    for folder in (out, out / "articles", out / "stories", out / "events"):
        folder.mkdir(parents=True, exist_ok=True)
    _copy_static(out)
    index = views.build_index(articles, stories, groups, data or ReportData())
    common = common_context(index)
    page = out / "index.html"
    _write(page, "index.html", articles=articles, stories=stories, stats=_stats(articles), root=".",
           summaries=index.data.summaries, **common)
    for i, story in enumerate(stories, 1):
        _write_story(out, index, story, groups, relations, common)
        if on_progress:
            on_progress("story pages", i, len(stories))
    checks = headline_checks or {}
    template = _ENV.get_template("article.html")
    for i, article in enumerate(articles, 1):
        if on_progress:
            on_progress("article pages", i, len(articles))
        (out / "articles" / f"{slug(article.id)}.html").write_text(for_html(template.render(
            **article_context(index, article, checks.get(article.id)), **common)), encoding="utf-8")
    return page


def article_context(index: views.Index, article: Article, check: Mapping | None) -> dict:
    """What ``article.html`` shows of one article (besides the ``common`` values)."""
    marks, listing = views.article_marks(index, article)
    body = [(p, render(article.text, p, marks)) for p in paragraphs(article)]
    return {"article": article, "fields": _fields(article), "story": index.story_of_article.get(article.id),
            "event": index.event_of_article.get(article.id), "check": check, "body": body, "listing": listing,
            "root": ".."}


def story_context(index: views.Index, story: Story, groups: Sequence[ProvenanceGroup],
                  relations: Sequence[Relation]) -> tuple[dict, list[dict]]:
    """What ``story.html`` shows of one story, and what ``event.html`` shows of each of its events."""
    events = views.timeline(index, story)
    quotes, claims = views.quotes_by_event(index, story), views.claims_by_event(index, story)
    story_matrix = views.matrix(index, index.claims.get(story.id, []), story.articles)
    page = dict(story=story, events=events, unplaced=views.unplaced(index, story),
                chart=timeline_svg(events, label=f"Timeline of {story.title}"),
                summary=index.data.summaries.get(story.id), quotes=quotes, claims=claims, matrix=story_matrix,
                all_quotes=[q for e in events for q in quotes.get(e.id, [])] + quotes.get(None, []),
                outlets=(panel := views.outlet_panel(index, story, story_matrix)), terms=views.term_table(panel),
                provenance=views.provenance(index, story, groups, relations),
                figures=(figures := views.figures_of_story(index, story)), root="..")
    event_pages = [dict(story=story, event=event, summary=index.data.summaries.get(event.id),
                        quotes=quotes.get(event.id, []), claims=claims.get(event.id, []),
                        matrix=views.matrix(index, claims.get(event.id, []), [a.id for a in event.articles]),
                        figures=[f for f in figures if f["event"] == event.id], root="..")
                   for event in events]
    return page, event_pages


def common_context(index: views.Index) -> dict:
    """Values every page template uses: the generation time, the lookups, the status words."""
    return {"generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "h": _Helpers(index), "status_text": STATUS_TEXT}


def _write_story(out: Path, index: views.Index, story: Story, groups, relations, common: dict) -> None:
    page, event_pages = story_context(index, story, groups, relations)
    _write(out / "stories" / f"{slug(story.id)}.html", "story.html", **page, **common)
    for event in event_pages:
        _write(out / "events" / f"{slug(event['event'].id)}.html", "event.html", **event, **common)


def _write(path: Path, template: str, **context) -> None:
    path.write_text(for_html(_ENV.get_template(template).render(**context)), encoding="utf-8")


class _Helpers:
    """Lookups the templates call: article labels, quote / claim numbers and links."""

    def __init__(self, index: views.Index):
        self.index = index

    def article(self, article_id: object) -> Article | None:
        return self.index.articles.get(str(article_id))

    def outlet(self, article_id: object) -> str:
        article = self.article(article_id)
        return (article.outlet if article and article.outlet else None) or "unnamed outlet"

    def headline(self, article_id: object) -> str:
        article = self.article(article_id)
        return (article.headline if article and article.headline else None) or str(article_id)

    def flags(self, article_id: object) -> tuple[str, ...]:
        """What the clusterer flagged about the article's input ("short", "not-english", ...).
        "no-date" is left out: the row's date already says "undated" or "(inferred)"."""
        return tuple(f for f in self.index.flags_of_article.get(str(article_id), ()) if f != "no-date")

    def number(self, kind: str, item: AlignedQuote | AlignedClaim) -> str:
        return self.index.numbers.get((kind, str(item.id)), "")

    def quote_href(self, quote: AlignedQuote, root: str = "..") -> str:
        return views.quote_href(self.index, quote, root)

    def claim_href(self, claim: AlignedClaim, root: str = "..") -> str:
        return views.claim_href(self.index, claim, root)

    def event_title(self, event_id: object) -> str:
        story = self.index.story_of_event.get(str(event_id))
        return next((e.title for e in story.events if e.id == event_id), str(event_id)) if story else str(event_id)


def _plain(value: object, depth: int = 0) -> str:
    """A JSON-ish value (claim details) as readable text; escaping is left to the template."""
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_plain(v, depth + 1)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_plain(v, depth + 1) for v in value) if depth else "; ".join(_plain(v, 1) for v in value)
    return "" if value is None else str(value)


def _fields(article: Article) -> list[tuple[str, str, str]]:
    """(label, value, where it came from) for each known metadata value."""
    rows = []
    for name, label in FIELD_LABELS.items():
        value = getattr(article, name)
        if value:
            rows.append((label, value, article.provenance.get(name, "")))
    return rows


def _stats(articles: list[Article]) -> dict:
    outlets = Counter(a.outlet for a in articles if a.outlet)
    wires = Counter(a.wire for a in articles if a.wire)
    dates = sorted(a.published[:10] for a in articles if a.published)
    return {"articles": len(articles), "outlets": len(outlets),
            "unnamed": sum(1 for a in articles if not a.outlet), "wires": dict(wires.most_common()),
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None}


def _copy_static(out: Path) -> None:
    static = resources.files("newsprism.report") / "static"
    for item in static.iterdir():
        if item.name.endswith(".css"):
            with resources.as_file(item) as path:
                shutil.copyfile(path, out / item.name)
