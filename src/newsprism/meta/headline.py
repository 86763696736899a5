"""Headline: the first header line that looks like one; outlet suffixes split off."""
from __future__ import annotations

import re

from ..model import Sourced
from . import patterns as P
from .outlet import plausible, strip_section

HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_CHARS = 250
SITE_MAX_WORDS = 5
# "Headline - Section - Site": at most this many tails are peeled off.
MAX_SUFFIXES = 3
# A page title of at most this many words that reads "News from ..." / "Home" names the site.
SITE_TITLE_MAX_WORDS = 6
CUT_OFF = re.compile(r"(?:\.\.\.|…)$")
NOT_HEADLINE = re.compile(r"^(?:by\b|writer'?s picture|updated|published|posted|©|copyright|photo|image)", re.I)


def split_site(title: str, known_site: str | None = None) -> tuple[str, str | None]:
    """"Blinken to warn China — RT World News" -> ("Blinken to warn China", "RT").
    A dash-separated tail counts as the site only when it is short and capitalised (or the
    page names it), so "Trump - the man who ..." keeps its tail. Tails are peeled from the right
    ("Headline -- Puppet Masters -- Sott.net"); the outermost names the site."""
    site = None
    for _ in range(MAX_SUFFIXES):
        title, tail = _split_once(title, known_site)
        if tail is None:
            break
        site = site or tail
    return title, site


def _split_once(title: str, known_site: str | None) -> tuple[str, str | None]:
    match = P.TITLE_SUFFIX.match(title) or P.TITLE_SUFFIX_CJK.match(title)
    if not match:
        return title, None
    site = match["site"].strip()
    words = site.split()
    if known_site and (site.lower().startswith(known_site.lower()) or site.lower().endswith(known_site.lower())):
        return match["title"].strip(), known_site
    looks_like_site = (len(words) <= SITE_MAX_WORDS and all(w[:1].isupper() or w[:1].isdigit() or not w[:1].isascii()
                                                            for w in words) and plausible(site))
    if looks_like_site:
        return match["title"].strip(), strip_section(site)
    return title, None


def names_only_the_site(title: str, site: str | None, host: str | None = None) -> bool:
    """"News from The Associated Press", "CNN", "Home": a page title that is no headline."""
    folded = title.casefold().strip()
    if len(title.split()) <= SITE_TITLE_MAX_WORDS and P.SITE_TITLE.match(title):
        return True
    names = {n.casefold() for n in (site, host) if n}
    return folded in names or any(folded == f"{n} news" or n == f"{folded}.com" for n in names)


def furniture_line(line: str) -> bool:
    """A promo, widget label, caption opener or bare time stamp: never a headline."""
    return bool(P.NOT_HEADLINE_LINE.match(line) or P.TIMESTAMP_LINE.match(line))


def looks_like_headline(line: str) -> bool:
    return (len(line.split()) >= HEADLINE_MIN_WORDS and len(line) <= HEADLINE_MAX_CHARS
            and not CUT_OFF.search(line) and not P.BREADCRUMB.match(line) and not NOT_HEADLINE.match(line)
            and not furniture_line(line))


def text_headline(header: tuple[str, ...], captions: tuple[str, ...]) -> tuple[str, str, str | None] | None:
    """(headline, source, site from its suffix) from the header lines. A breadcrumb run-on
    ("HomeWorldBlinken to ...enhancing...") is navigation: the full line below wins."""
    for _i, line in enumerate(header):
        if line in captions or not looks_like_headline(line):
            continue
        title, site = split_site(line)
        return title, "text:header", site
    return None


# Where a page states its headline, strongest first: the article's own JSON-LD, Open Graph and
# Twitter cards, the <title>, the first <h1> (the visible headline, late: on some pages the
# h1 holds the site's logo or a byline), an element marked as the headline.
PAGE_KEYS = ("jsonld:headline", "html:og:title", "html:twitter:title", "html:title", "html:h1",
             "html:headline-element")


def page_headline(values: dict[str, str], host: str | None = None) -> tuple[str, str, str | None] | None:
    """The first page-stated title that is a headline once the site's name is split off: a
    title that names only the site ("News from The Associated Press"), a cut-off card title
    or a promo line is passed over."""
    site = values.get("html:og:site_name") or values.get("html:application-name")
    for key in PAGE_KEYS:
        value = values.get(key)
        if not value:
            continue
        title, suffix = split_site(value, site)
        if CUT_OFF.search(title) or furniture_line(title) or names_only_the_site(title, site or suffix, host):
            continue
        return title, key, suffix
    return None


def headline_value(found: tuple[str, str, str | None] | None) -> Sourced | None:
    return Sourced(value=found[0], source=found[1]) if found else None
