"""Headline: the first header line that looks like one; outlet suffixes split off."""
from __future__ import annotations

import re

from ..model import Sourced
from . import patterns as P
from .outlet import plausible, strip_section

HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_CHARS = 250
SITE_MAX_WORDS = 5
CUT_OFF = re.compile(r"(?:\.\.\.|…)$")
NOT_HEADLINE = re.compile(r"^(?:by\b|writer'?s picture|updated|published|posted|©|copyright|photo|image)", re.I)


def split_site(title: str, known_site: str | None = None) -> tuple[str, str | None]:
    """"Blinken to warn China — RT World News" -> ("Blinken to warn China", "RT").
    A dash-separated tail counts as the site only when it is short and capitalised (or the
    page names it), so "Trump - the man who ..." keeps its tail."""
    match = P.TITLE_SUFFIX.match(title)
    if not match:
        return title, None
    site = match["site"].strip()
    words = site.split()
    if known_site and site.lower().startswith(known_site.lower()):
        return match["title"].strip(), known_site
    looks_like_site = (len(words) <= SITE_MAX_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)
                       and plausible(site))
    if looks_like_site:
        return match["title"].strip(), strip_section(site)
    return title, None


def looks_like_headline(line: str) -> bool:
    return (len(line.split()) >= HEADLINE_MIN_WORDS and len(line) <= HEADLINE_MAX_CHARS
            and not CUT_OFF.search(line) and not P.BREADCRUMB.match(line) and not NOT_HEADLINE.match(line))


def text_headline(header: tuple[str, ...], captions: tuple[str, ...]) -> tuple[str, str, str | None] | None:
    """(headline, source, site from its suffix) from the header lines. A breadcrumb run-on
    ("HomeWorldBlinken to ...enhancing...") is navigation: the full line below wins."""
    for i, line in enumerate(header):
        if line in captions or not looks_like_headline(line):
            continue
        title, site = split_site(line)
        return title, "text:header", site
    return None


def page_headline(values: dict[str, str]) -> tuple[str, str, str | None] | None:
    site = values.get("html:og:site_name")
    for key in ("jsonld:headline", "html:og:title", "html:twitter:title", "html:title"):
        if values.get(key):
            title, suffix = split_site(values[key], site)
            return title, key, suffix
    return None


def headline_value(found: tuple[str, str, str | None] | None) -> Sourced | None:
    return Sourced(value=found[0], source=found[1]) if found else None
