"""Outlet / site name: page metadata, a title suffix, a copyright footer, the URL host."""
from __future__ import annotations

from urllib.parse import urlsplit

from ..model import RemovedLine, Sourced
from . import patterns as P

OUTLET_MAX_WORDS = 6


def strip_section(site: str) -> str:
    """"RT World News" -> "RT": a trailing run of two or more section words is the page's
    section, not the outlet's name ("Fox News" keeps its one)."""
    tokens = site.split()
    n = 0
    while n < len(tokens) - 1 and tokens[len(tokens) - 1 - n].lower() in P.SECTION_WORDS:
        n += 1
    return " ".join(tokens[:-n]) if n >= 2 else site


def plausible(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= OUTLET_MAX_WORDS and name.lower() not in P.NOT_OUTLET
            and name[:1].isalnum())


def copyright_owner(removed: tuple[RemovedLine, ...]) -> Sourced | None:
    """"Copyright 1995-2024 - Space Media Network", "© 2024 by Amaravati Today | ..." in the
    footer lines (captions' "© Reuters" credits a photo, not the site)."""
    for line in reversed(removed):
        if line.reason == "caption":
            continue
        for pattern in (P.COPYRIGHT_TAIL, P.COPYRIGHT_OWNER):
            match = pattern.search(line.text)
            if match:
                owner = match["owner"].strip(" .,-")
                if plausible(owner) and not owner.lower().startswith(("all ", "the content")):
                    return Sourced(value=owner, source=f"text:footer line {line.line}")
    return None


def url_host(url: str | None) -> Sourced | None:
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return Sourced(value=host, source="url:host") if host else None
