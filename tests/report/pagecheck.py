"""Reading the written report back: tags, attributes, links (helpers for the report tests)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    """Every start tag with its attributes, the ids on the page and the script bodies."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def pages(out: Path) -> dict[Path, Page]:
    return {path: Page(path.read_text(encoding="utf-8")) for path in sorted(out.rglob("*.html"))}


def broken_links(out: Path) -> list[str]:
    """Internal links whose file or anchor does not exist."""
    parsed = pages(out)
    broken = []
    for path, page in parsed.items():
        for tag, attrs in page.tags:
            href = attrs.get("href")
            if not href or tag not in ("a", "link") or urlsplit(href).scheme:
                continue
            parts = urlsplit(href)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.exists():
                broken.append(f"{path.name}: {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed[target].ids:
                broken.append(f"{path.name}: {href} (no such anchor)")
    return broken
