"""Render the report: an article list and one page per article.

Everything taken from an article goes through Jinja2 with autoescaping on, so hostile text
(``<script>``, entities, attribute-breaking quotes) renders inert. No CDN: the stylesheet is
copied next to the pages.
"""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Article, ProvenanceGroup, Relation, Story

_ENV = Environment(loader=PackageLoader("newsprism.report", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)

_ENV.tests["web_url"] = lambda value: isinstance(value, str) and value.lower().startswith(("http://", "https://"))

FIELD_LABELS = {"headline": "Headline", "outlet": "Outlet", "byline": "Byline", "published": "Published",
                "dateline": "Dateline", "wire": "Wire credit", "language": "Language", "url": "URL"}


def write_report(articles: list[Article], out: Path, *, stories: Sequence[Story] = (),
                 groups: Sequence[ProvenanceGroup] = (), relations: Sequence[Relation] = (),
                 headline_checks: dict[str, dict] | None = None) -> Path:
    """Write ``index.html``, ``stories/<id>.html``, ``articles/<id>.html`` and ``style.css``."""
    for folder in (out, out / "articles", out / "stories"):
        folder.mkdir(parents=True, exist_ok=True)
    _copy_static(out)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    by_id = {a.id: a for a in articles}
    story_of = {aid: story for story in stories for aid in story.articles}
    index = out / "index.html"
    index.write_text(_ENV.get_template("index.html").render(
        articles=articles, stories=stories, stats=_stats(articles), generated=generated, root="."),
        encoding="utf-8")
    page = _ENV.get_template("story.html")
    for story in stories:
        (out / "stories" / f"{story.id}.html").write_text(page.render(
            story=story, by_id=by_id, groups=_story_groups(story, groups, relations),
            generated=generated, root=".."), encoding="utf-8")
    page = _ENV.get_template("article.html")
    for article in articles:
        (out / "articles" / f"{article.id}.html").write_text(page.render(
            article=article, fields=_fields(article), story=story_of.get(article.id),
            check=(headline_checks or {}).get(article.id),
            generated=generated, root=".."), encoding="utf-8")
    return index


def _story_groups(story: Story, groups: Sequence[ProvenanceGroup], relations: Sequence[Relation]) -> list[dict]:
    """The story's provenance groups with more than one member, each link with its evidence."""
    members = set(story.articles)
    evidence = {(r.source, r.target): r for r in relations}
    out = []
    for group in groups:
        if group.origin in members and len(group.members) > 1:
            links = [evidence.get((group.origin, m.id)) or evidence.get((m.id, group.origin))
                     for m in group.members if m.id != group.origin]
            out.append({"group": group, "links": [link for link in links if link]})
    return out


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
