"""Typed records passed between pipeline stages.

Every stage is a plain function over these records:

    ingest  -> RawArticle        (bytes decoded, input-supplied hints kept, raw kept)
    clean   -> Cleaned           (body blocks, removed boilerplate lines, captions)
    meta    -> Metadata          (each value with where it came from)
    pipeline.build_article -> Article   (what the store keeps and the CLI shows)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class RawArticle:
    """One input document, decoded, before any cleaning.

    ``kind`` is ``"html"`` or ``"text"``. ``source`` names where it came from in a way a user
    recognises in an error message (a path, ``file.jsonl:12``, a URL, ``feed.xml#3``).
    The hint fields carry metadata the input itself supplied (JSONL fields, feed entries,
    HTTP headers); the metadata stage prefers them but records that it did.
    """

    source: str
    kind: str
    body: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    encoding: str | None = None


@dataclass(**RECORD)
class Block:
    """One unit of clean body text: a paragraph or a sub-heading."""

    text: str
    kind: str = "paragraph"  # "paragraph" | "heading"
    line: int | None = None  # 1-based source line, for plain-text inputs


@dataclass(**RECORD)
class RemovedLine:
    """A line taken out of the body, with the reason (shown collapsed in the report)."""

    text: str
    reason: str  # e.g. "navigation", "headline", "byline", "dateline", "caption", "related", "footer", "ad"
    line: int | None = None


@dataclass(**RECORD)
class Cleaned:
    """What the cleaner keeps and what it throws away.

    ``header`` holds the lines before the body that the metadata stage reads (headline
    candidates, byline, dateline), ``captions`` the photo captions and credits moved out of the body.
    ``page_title`` is the HTML <title> / og:title when the input was HTML.
    """

    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...] = ()
    captions: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    page_title: str | None = None
    # "not-article:<kind> (<reason>)" when the page is a home page, section front, tag page,
    # redirect stub, wall, video-only page, live-blog index or feed (clean/page_kind.py).
    flags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The clean body: paragraphs separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(**RECORD)
class Sourced:
    """A metadata value and where it was read (``"html:og:site_name"``, ``"text:line 5"``, ...)."""

    value: str
    source: str


@dataclass(**RECORD)
class Metadata:
    headline: Sourced | None = None
    outlet: Sourced | None = None
    url: Sourced | None = None
    byline: Sourced | None = None
    dateline: Sourced | None = None  # the place of the dateline, e.g. "Beijing"
    published: Sourced | None = None  # ISO 8601 date or datetime
    wire: Sourced | None = None  # "AFP", "Reuters", "AP", ...
    language: Sourced | None = None

    def provenance(self) -> dict[str, str]:
        return {name: value.source for name, value in self.items()}

    def items(self) -> list[tuple[str, Sourced]]:
        names = ("headline", "outlet", "url", "byline", "dateline", "published", "wire", "language")
        return [(name, getattr(self, name)) for name in names if getattr(self, name) is not None]


@dataclass(**RECORD)
class Article:
    """A clean article with its metadata: what the store keeps and every later stage reads."""

    id: str  # content hash of the normalised clean text
    source: str
    url: str | None
    canonical_url: str | None
    headline: str | None
    outlet: str | None
    byline: str | None
    dateline: str | None
    published: str | None
    wire: str | None
    language: str | None
    text: str
    blocks: tuple[Block, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    captions: tuple[str, ...] = ()
    provenance: dict[str, str] = field(default_factory=dict)
    stage_versions: dict[str, str] = field(default_factory=dict)
    # What the cleaner noticed about the page: "not-article:<kind> (<reason>)" keeps a home
    # page, section front, wall ... in the store but out of stories (see ``is_article``).
    flags: tuple[str, ...] = ()

    FIELDS = ("id", "url", "outlet", "headline", "byline", "published", "dateline", "wire", "language")

    @property
    def is_article(self) -> bool:
        """False for pages the ingest recognised as no article (home pages, walls, ...)."""
        return not any(flag.startswith("not-article") for flag in self.flags)

    def summary(self) -> dict:
        """The listing fields (``newsprism articles --json``); ``flags`` only when there are any."""
        fields = {name: getattr(self, name) for name in self.FIELDS}
        if self.flags:
            fields["flags"] = list(self.flags)
        return fields


@dataclass(**RECORD)
class Failure:
    """One input that could not be ingested, and why (one line, naming the input)."""

    source: str
    reason: str
    retryable: bool = False

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(**RECORD)
class IngestReport:
    """The outcome of one ingest batch."""

    ingested: tuple[str, ...] = ()  # article ids newly stored
    duplicates: tuple[str, ...] = ()  # article ids already stored
    failures: tuple[Failure, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures

    def line(self) -> str:
        return (f"ingested {len(self.ingested)}, duplicates {len(self.duplicates)}, "
                f"failed {len(self.failures)}")


# --- language layer, syndication, stories and events (issue 3) ----------------------------------
@dataclass(**RECORD)
class Span:
    """A stretch of an article's clean ``text``: ``text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(**RECORD)
class Entity:
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, DATE, NORP, ...
    start: int
    end: int


@dataclass(**RECORD, eq=False)
class Annotation:
    """The language layer of one article, computed once and cached in the store.

    ``sentence_vectors`` is a float32 array (one row per sentence, L2-normalised);
    ``vector`` the article embedding (L2-normalised). Arrays don't compare, hence ``eq=False``.
    """

    article_id: str
    version: str
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]
    sentence_vectors: object  # numpy.ndarray (n_sentences, dim)
    vector: object  # numpy.ndarray (dim,)
    # The first sentences with every named entity replaced by its kind ("someone", "a place"):
    # what kind of happening the article reports, which links the events of one story.
    lead_vector: object = None  # numpy.ndarray (dim,) or None (older annotations)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class IndexEntry:
    """One article's entry in a cross-article index that ``analyze`` keeps between runs
    (syndication's fingerprints, the story index's features), so that a run reads what it needs
    by id, day or key instead of recomputing every article. ``data``: the stage's own encoding;
    ``links``: JSON of the relations found when the article was added (to those indexed before);
    ``day`` and ``vector`` (float32): the window search; ``keys``: exact-match lookups, as
    ``(slot, signed 64-bit value)`` pairs (syndication: one per LSH band). Arrays don't compare."""

    article_id: str
    data: bytes = b""
    day: int | None = None
    vector: object = None  # numpy.ndarray (dim,) or None
    keys: tuple[tuple[int, int], ...] = ()
    links: str = "[]"


@dataclass(**RECORD)
class Relation:
    """A syndication link between two articles, with the evidence behind it."""

    source: str  # the earlier article (the one copied from)
    target: str
    kind: str  # "copy" | "rewrite" | "same-wire"
    score: float
    evidence: str


@dataclass(**RECORD)
class GroupMember:
    id: str
    relation: str  # "origin" | "copy" | "rewrite" | "same-wire"


@dataclass(**RECORD)
class ProvenanceGroup:
    """Articles that trace to one source; counts of independent sources count these."""

    origin: str
    members: tuple[GroupMember, ...]


@dataclass(**RECORD)
class Assignment:
    """Where one article went. ``flags`` mark input clustered with less to go on ("no-date",
    "no-headline", "short") or set aside in a story of its own ("not-english", "no-vector")."""

    article_id: str
    story_id: str
    event_id: str
    role: str
    flags: tuple[str, ...] = ()


@dataclass(**RECORD)
class EventArticle:
    id: str
    role: str  # "preview" | "report"
    # Input the clusterer had little to go on with ("no-date", "no-headline", "short") or set
    # aside in a story of its own ("not-english", "no-vector"): shown beside the article.
    flags: tuple[str, ...] = ()


@dataclass(**RECORD)
class Event:
    id: str
    title: str
    start: str | None
    end: str | None
    articles: tuple[EventArticle, ...]


@dataclass(**RECORD)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    start: str | None
    end: str | None
    events: tuple[Event, ...]


# --- models, passed in explicitly (issue 10) -----------------------------------------------------
@runtime_checkable
class Embedder(Protocol):
    """What a stage needs to embed text: MiniLM through sentence-transformers, the static table,
    an ONNX or GPU engine, or a test double. ``embed(texts)`` returns one L2-normalised float32
    row per text (shape ``(len(texts), dim)``); ``version`` names the vector space, so that
    vectors of different engines are never compared (annotations are cached per version).
    ``newsprism.nlp.Language`` is the one a stage gets from its caller; the engines that run
    MiniLM inside it are ``nlp.embedder.Encoder``s."""

    @property
    def version(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...
