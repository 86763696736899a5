"""Is it an article? Home pages, section fronts, tag pages, redirect stubs, login and consent
walls, notices, video-only pages, live-blog indexes, feeds and listings are recognised at ingest
and flagged; they stay in the store (``newsprism articles --all``) but out of stories.

A page is read twice: as a page (its URL, what its metadata says it is, how much of its
visible text sits in links, how many headline-like links it holds) and as what the cleaner
kept of it (words of prose). Each rule names its reason; the first that fires decides. The
thresholds were set on the labelled pages listed in ``bench/data/page_kind_labels.json``
(``python bench/page_kind.py`` prints precision and recall of "is an article", per source).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from ..model import Cleaned, RawArticle
from . import patterns as P

ARTICLE = "article"
NOT_ARTICLE = "not-article"

# A link whose text has at least this many words is a headline link (a teaser), not a menu item.
STORY_LINK_WORDS = 4
# A front page: at least this many headline links, and fewer words of prose per headline link
# than ``FRONT_WORDS_PER_LINK`` (home pages measured 0.5-3 words per link; articles with long
# related-story rails 8 and up). Set on the labelled pages (bench/page_kind.py).
FRONT_MIN_STORY_LINKS = 25
FRONT_WORDS_PER_LINK = 5.0
# ... or at least this share of its visible text in links (fronts 0.58-0.76; articles without
# metadata 0.46 at most) ...
FRONT_LINK_SHARE = 0.5
# ... or, with fewer headline links, most of its text in links and little prose.
SECTION_LINK_SHARE = 0.6
FRONT_MAX_WORDS = 250
# A redirect stub, a wall or a video-only page holds fewer words of prose than these.
REDIRECT_MAX_WORDS = 60
WALL_MAX_WORDS = 150
VIDEO_MAX_WORDS = 80
# A page that does not say it is an article is a listing (menus, tables, link lists, product
# tiles) when less than this share of its words is in paragraphs that end a sentence: articles
# measured 0.64 and up, status pages, link lists and product pages 0.0 (bench/page_kind.py) ...
PROSE_MIN_SHARE = 0.3
# ... and a fragment below this many words (articles without metadata measured 103 and up).
FRAGMENT_MAX_WORDS = 50
# A live blog's index: at least this many time-stamped entries.
LIVE_MIN_STAMPS = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class PageFeatures:
    """What the page kind is decided from (all cheap to read)."""

    words: int  # words of prose the cleaner kept (a CJK character counts half a word)
    paragraphs: int
    sentence_share: float = 1.0  # share of those words in paragraphs that end a sentence
    url_path: str | None = None  # lower-cased path of the URL, "" for a site's root
    own_path: str | None = None  # the path of the URL the page gives itself (canonical, og:url)
    html: bool = False
    og_type: str | None = None
    ld_types: frozenset[str] = frozenset()
    story_links: int = 0  # distinct headline links
    link_share: float = 0.0  # share of the page's visible text inside links
    redirect: bool = False  # meta refresh to a URL, or a script that replaces the location
    feed: bool = False  # an RSS/Atom document
    wall: tuple[str, str] | None = None  # ("wall", "notice", "video"; its wording) if the text reads as one
    stamps: int = 0  # time-stamped entry headers among the kept blocks


@dataclass(frozen=True, slots=True, kw_only=True)
class PageKind:
    # "article", "home", "section", "tag", "redirect", "wall", "notice", "video", "live-index",
    # "feed", "listing", "fragment"
    kind: str
    reason: str

    @property
    def is_article(self) -> bool:
        return self.kind == ARTICLE

    @property
    def flag(self) -> str | None:
        """The article flag (``"not-article:home (...)"``), None for an article."""
        return None if self.is_article else f"{NOT_ARTICLE}:{self.kind} ({self.reason})"


def page_kind(raw: RawArticle, cleaned: Cleaned) -> PageKind:
    """What kind of page ``raw`` is, with the reason."""
    return decide(page_features(raw, cleaned))


def page_features(raw: RawArticle, cleaned: Cleaned) -> PageFeatures:
    paragraphs = [b.text for b in cleaned.blocks if b.kind == "paragraph"]
    sizes = [word_count(text) for text in paragraphs]
    words = sum(sizes)
    ended = sum(n for n, text in zip(sizes, paragraphs) if P.SENTENCE_END.search(text) or P.UNPUNCTUATED.search(text))
    kept = "\n".join(b.text for b in cleaned.blocks) or "\n".join(cleaned.header)
    everything = "\n".join([kept, *(line.text for line in cleaned.removed)])
    base = PageFeatures(words=words, paragraphs=len(paragraphs), sentence_share=ended / words if words else 0.0,
                        url_path=url_path(raw.url), wall=wall_wording(kept, everything, words),
                        stamps=sum(bool(P.LIVE_STAMP.match(t)) for t in paragraphs))
    if raw.kind != "html":
        return base
    head = raw.body[:2000].lstrip().lower()
    if re.match(r"(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:rdf)\b", head):
        return dataclasses.replace(base, feed=True)
    try:
        root = lxml.html.fromstring(raw.body)
    except (etree.ParserError, ValueError, TypeError):
        return base
    return dataclasses.replace(base, html=True, **html_signals(root, raw.body))


def html_signals(root, html: str) -> dict:
    og_type = own_url = None
    redirect = bool(P.SCRIPT_REDIRECT.search(html[:20000]))
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            own_url = link.get("href")
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key == "og:type":
            og_type = (meta.get("content") or "").strip().lower() or None
        if key == "og:url" and meta.get("content") and own_url is None:
            own_url = meta.get("content")
        if (meta.get("http-equiv") or "").lower() == "refresh" and "url=" in (meta.get("content") or "").lower():
            redirect = True
    ld_types = frozenset(t.lower() for t in P.LD_TYPE.findall(html))
    body = root.find("body")
    found = dict(og_type=og_type, ld_types=ld_types, redirect=redirect, own_path=url_path(own_url))
    if body is None:
        return found
    for el in body.iter("script", "style", "noscript", "template"):
        el.text = ""
    total = len(" ".join(body.text_content().split())) or 1
    linked, stories = 0, set()
    for a in body.iter("a"):
        text = " ".join(a.text_content().split())
        linked += len(text)
        if len(text.split()) >= STORY_LINK_WORDS:
            stories.add(a.get("href") or text)
    return dict(found, story_links=len(stories), link_share=min(1.0, linked / total))


def word_count(text: str) -> int:
    """Words, with Chinese, Japanese and Korean characters counted two to a word."""
    return len(text.split()) + len(P.CJK.findall(text)) // 2


def url_path(url: str | None) -> str | None:
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    return path.lower()


def wall_wording(kept: str, everything: str, words: int) -> tuple[str, str] | None:
    """("wall", "notice" or "video", the words that say so) for a short text that reads as one.
    A wall's wording counts only in the text kept as body (a cookie banner beside a short brief
    is furniture); a notice's or video page's wording anywhere (no article carries it)."""
    if words >= WALL_MAX_WORDS:
        return None
    for kind, pattern, text in (("wall", P.WALL, kept), ("notice", P.NOTICE, everything),
                                ("video", P.VIDEO_TEXT, everything)):
        match = pattern.search(text)
        if match:
            return kind, match.group(0)
    return None


def decide(f: PageFeatures) -> PageKind:
    """The first rule that fires names the kind; an article when none does. A page whose
    metadata says it is an article (og:type, JSON-LD) is only overruled by a redirect, a wall, a
    feed or a thin video page: rail-heavy article pages measure like fronts (bench/page_kind.py)."""
    says_article = f.og_type == "article" or bool(f.ld_types & P.ARTICLE_LD_TYPES)
    path = f.url_path if f.url_path is not None else f.own_path
    if f.feed:
        return PageKind(kind="feed", reason="an RSS/Atom feed, not a page")
    if f.redirect and f.words < REDIRECT_MAX_WORDS:
        return PageKind(kind="redirect", reason=f"a redirect stub ({f.words} words)")
    if f.wall:
        return PageKind(kind=f.wall[0], reason=f"{f.wall[1]!r} and {f.words} words")
    if (f.og_type or "").startswith("video") and f.words < VIDEO_MAX_WORDS:
        return PageKind(kind="video", reason=f"a video page ({f.words} words)")
    if path and P.VIDEO_PATH.search(path) and f.words < VIDEO_MAX_WORDS:
        return PageKind(kind="video", reason=f"a video page ({f.words} words)")
    if f.stamps >= LIVE_MIN_STAMPS and f.stamps * 2 >= f.paragraphs:
        return PageKind(kind="live-index", reason=f"{f.stamps} time-stamped entries")
    if says_article:
        return PageKind(kind=ARTICLE, reason="its metadata says article")
    if path is not None and P.HOME_PATH.fullmatch(path):
        return PageKind(kind="home", reason="the site's root URL")
    if path and P.INDEX_PATH.search(path):
        return PageKind(kind="tag", reason=f"an index URL ({path})")
    if f.html:
        kind = html_front(f, path)
        if kind:
            return kind
    return PageKind(kind=ARTICLE, reason="none of the non-article signs")


def html_front(f: PageFeatures, path: str | None) -> PageKind | None:
    """Fronts, listings and fragments among HTML pages that do not say they are articles."""
    if f.story_links >= FRONT_MIN_STORY_LINKS and (f.words / f.story_links < FRONT_WORDS_PER_LINK
                                                   or f.link_share >= FRONT_LINK_SHARE):
        return PageKind(kind="home" if not path else "section",
                        reason=f"{f.story_links} headline links, {f.words} words of prose")
    if f.link_share >= SECTION_LINK_SHARE and f.words < FRONT_MAX_WORDS:
        return PageKind(kind="section", reason=f"{f.link_share:.0%} of its text in links, {f.words} words of prose")
    if f.sentence_share < PROSE_MIN_SHARE:
        return PageKind(kind="listing", reason=f"{f.sentence_share:.0%} of its words in sentences")
    if f.words < FRAGMENT_MAX_WORDS:
        return PageKind(kind="fragment", reason=f"{f.words} words of text")
    return None
