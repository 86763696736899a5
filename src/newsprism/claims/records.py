"""Claim records: what one article states (``Claim``) and a claim aligned across the articles of
an event (``AlignedClaim``). To move into ``newsprism.model`` at integration."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from ..records import Record

RECORD = dict(frozen=True, slots=True, kw_only=True)

# How a claim is voiced in its article.
STATED = "stated"  # in the article's own voice
REPORTED = "reported"  # reported speech: "Blinken said China had ..." (the frame cut off)
QUOTED = "quoted"  # inside a direct quotation

# Statuses of an aligned claim.
CORROBORATED = "corroborated"  # carried by two or more independent sources (provenance groups)
SINGLE_SOURCE = "single-source"
CONTESTED = "contested"  # some source says the opposite

# Cells of the coverage matrix.
CARRIED = "carried"
OMITTED = "omitted"
CONTRADICTED = "contradicted"


@dataclass(**RECORD)
class Claim:
    """A checkable statement of one article, with offsets into its clean text.

    ``text == article_text[start:end]``. ``entities`` are the names in it (people, bodies,
    places), ``numbers`` the figures as written, ``items`` the members of a list it gives
    ("machine tools", "microelectronics"). ``polarity`` is -1 when the statement is negated
    ("does not supply weapons"), else +1. ``speaker`` is who the article attributes it to
    (None for the article's own voice), ``voice`` one of stated / reported / quoted, and
    ``hedged`` marks a statement reported as possible, feared or alleged rather than asserted.
    """

    article: str
    text: str
    start: int
    end: int
    entities: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    polarity: int = 1
    speaker: str | None = None
    voice: str = STATED
    hedged: bool = False
    sentence: int | None = None  # index into the article's Annotation.sentences

    @property
    def key(self) -> str:
        """A stable id: the article and the span."""
        return f"{self.article}:{self.start}-{self.end}"

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)} | {"key": self.key}


@dataclass(**RECORD)
class ClaimMention(Record):
    """One article's wording of an aligned claim (offsets into that article's clean text)."""

    article: str
    text: str
    start: int
    end: int


@dataclass(**RECORD)
class AlignedClaim(Record):
    """One claim of an event as the outlets carry or contradict it (its ``to_dict`` is the
    interface JSON of ``newsprism claims --json``).

    ``independent_sources`` counts the provenance groups among the carrying articles (a copy and
    its origin count once). ``details`` keeps what differs between the mentions: per-article
    list items and numbers, speakers, hedged mentions, and the items all or only some share.
    """

    id: str
    event: str
    text: str
    status: str
    independent_sources: int
    carried_by: tuple[ClaimMention, ...]
    contradicted_by: tuple[ClaimMention, ...] = ()
    details: dict = field(default_factory=dict)

    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.carried_by))


def claim_id(event: str, mentions) -> str:
    """A content hash of the event and the mentions' spans: the same alignment, the same id."""
    keys = sorted(f"{m.article}:{m.start}-{m.end}" for m in mentions)
    digest = hashlib.sha1("|".join([event, *keys]).encode("utf-8")).hexdigest()
    return "c" + digest[:12]
