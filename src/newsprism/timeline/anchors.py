"""The day an article was written (its anchor), and where that day came from.

The page's own publication date comes first; the metadata stage records where it read it
(``article.provenance["published"]``), which tells a page's date ("published", "dateline", "url")
from one read off a dated photo caption ("caption"). Without one, the latest full date in the
captions or the text stands in, and the anchor is marked inferred.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Article
from . import patterns as P
from .records import DateEvidence
from .resolve import DateMention, find_dates, forward_looking, parse_iso

RECORD = dict(frozen=True, slots=True, kw_only=True)
PAGE_SOURCES = ("published", "dateline", "url")
# A line the cleaner took out is the page's date line when it is short and, once its date, times,
# zones and "Posted"/"Updated" words are gone, at most this many words are left (ECB+: "Found
# March 08, 2013", "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)").
DATE_LINE_MAX_WORDS = 16
DATE_LINE_LEFTOVER_WORDS = 4


@dataclass(**RECORD)
class Anchor:
    date: dt.date | None
    source: str  # "published" | "dateline" | "url" | "caption" | "text" | "none"
    evidence: DateEvidence | None = None

    @property
    def inferred(self) -> bool:
        return self.source not in PAGE_SOURCES


def provenance_source(provenance: str) -> str:
    """Where the metadata stage read a publication date, in the timeline's words."""
    if "caption" in provenance:
        return "caption"
    if "dateline" in provenance:
        return "dateline"
    return "url" if provenance == "url" else "published"


def article_anchor(article: Article) -> Anchor:
    """The day ``article`` was written (see the module docstring)."""
    published = parse_iso(article.published)
    if published:
        source = provenance_source((article.provenance or {}).get("published", ""))
        evidence = _caption_evidence(article, published) if source == "caption" else None
        return Anchor(date=published, source=source, evidence=evidence)
    return removed_date_line(article) or text_anchor(article)


def removed_date_line(article: Article) -> Anchor | None:
    """The date line the cleaner took out of the page ("Posted 2 / 3 / 2009 11:11 PM"), when the
    metadata stage did not read it."""
    for i, line in enumerate(r.text for r in article.removed):
        mention = date_line(line)
        if mention is not None:
            return Anchor(date=mention.date, source="dateline",
                          evidence=evidence(mention, f"removed line {i + 1}", None, "none", use="anchor"))
    return None


def date_line(line: str) -> DateMention | None:
    """The full date of a line that holds one and little else."""
    if len(line.split()) > DATE_LINE_MAX_WORDS:
        return None
    days = [m for m in find_dates(line) if m.precision == "day"]
    if not days:
        return None
    rest = line
    for mention in reversed(days):
        rest = rest[:mention.start] + " " + rest[mention.end:]
    leftover = [w for w in P.DATE_LINE_NOISE.sub(" ", rest).split() if any(c.isalpha() for c in w)]
    return days[0] if len(leftover) <= DATE_LINE_LEFTOVER_WORDS else None


def text_anchor(article: Article) -> Anchor:
    """The latest full date in the captions or the text, leaving out dates named in a
    forward-looking sentence. News photos are taken on the day of the happening or before it,
    so a caption date is a lower bound that is usually the day itself."""
    best: tuple[dt.date, str, DateMention] | None = None
    for where, text in _places(article):
        for mention in find_dates(text):
            if mention.precision != "day" or forward_looking(text, mention.start):
                continue
            if best is None or mention.date > best[0]:
                best = (mention.date, where, mention)
    if best is None:
        return Anchor(date=None, source="none")
    day, where, mention = best
    source = "caption" if where.startswith("caption") else "text"
    return Anchor(date=day, source=source, evidence=evidence(mention, where, None, "none", use="anchor"))


def _places(article: Article) -> list[tuple[str, str]]:
    return [(f"caption {i + 1}", c) for i, c in enumerate(article.captions)] + [("text", article.text)]


def _caption_evidence(article: Article, day: dt.date) -> DateEvidence | None:
    for i, caption in enumerate(article.captions):
        for mention in find_dates(caption):
            if mention.date == day and mention.precision == "day":
                return evidence(mention, f"caption {i + 1}", None, "none", use="anchor")
    return None


def evidence(mention: DateMention, where: str, anchor: dt.date | None, anchor_source: str,
             use: str = "mention") -> DateEvidence:
    return DateEvidence(expression=mention.expression, where=where, start=mention.start, end=mention.end,
                        date=mention.date.isoformat(), precision=mention.precision, rule=mention.rule,
                        anchor=anchor.isoformat() if anchor else None, anchor_source=anchor_source,
                        relative=mention.relative, future=mention.future, use=use)
