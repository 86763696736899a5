"""What ``newsprism watch FEEDS...`` reads: feed URLs, OPML files and text files of URLs."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from pathlib import Path

from ..errors import BadInput
from ..ingest.urls import is_url
from . import patterns

# A list of feeds is a short file; anything bigger is not one.
MAX_LIST_BYTES = 5_000_000


def feed_urls(items: Iterable[str]) -> list[str]:
    """The feed URLs named by ``items`` (URLs, OPML files, text files with one URL a line; a line
    starting with ``#`` is a comment), in order, each once. Raises ``BadInput`` for a file that cannot be read
    or a line that is not an http(s) URL."""
    urls: list[str] = []
    for item in items:
        urls.extend([item.strip()] if is_url(item.strip()) else _read_list(Path(item)))
    return list(dict.fromkeys(urls))


def _read_list(path: Path) -> list[str]:
    name = str(path)
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise BadInput(name, "too large for a list of feeds")
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(name, f"cannot read the list of feeds: {error.strerror or error}") from None
    if patterns.OPML_ROOT.match(data):
        return _opml(name, data)
    urls = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise BadInput(f"{name}:{number}", f"not an http(s) URL: {line[:80]}")
        urls.append(line)
    return urls


def _opml(name: str, data: bytes) -> list[str]:
    """Every ``xmlUrl`` of the outlines (nested folders included)."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise BadInput(name, f"malformed OPML: {error}") from None
    urls = [(outline.get("xmlUrl") or "").strip() for outline in root.iter("outline")]
    found = [url for url in urls if is_url(url)]
    if not found:
        raise BadInput(name, "no feed (outline with an http(s) xmlUrl) in this OPML file")
    return found
