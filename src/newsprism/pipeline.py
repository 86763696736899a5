"""The foundation pipeline: raw inputs -> clean articles with metadata -> store.

    read_inputs (ingest) -> clean (clean) -> extract_metadata (meta) -> build_article -> Store.add

Batches are processed in chunks so that lines repeated across articles of one site (menus,
footers) can be recognised as boilerplate, and so that a crash mid-batch loses at most the chunk
in flight: every stored article is committed on its own.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .clean import clean
from .clean.html import MAX_EXTRACTOR_TAGS
from .errors import StoreError
from .ingest import canonical_url, read_inputs
from .meta import extract_metadata
from .model import Article, Cleaned, Failure, IngestReport, Metadata, RawArticle
from .store import Store

STAGE_VERSIONS = {"clean": "1", "meta": "1"}
CHUNK = 500  # raws cleaned together; bounds memory and what a crash can lose
# A line counts as site boilerplate when it recurs in this many articles of one site. Long lines
# are never counted: a paragraph shared by two articles is a copy, which the dedup stage reports.
REPEAT_MIN_ARTICLES = 2
REPEAT_MAX_CHARS = 160
# Of a page with over MAX_EXTRACTOR_TAGS tags, the metadata stage reads its <head> or this prefix.
META_PREFIX_CHARS = 1_000_000

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Processed:
    raw: RawArticle
    article: Article


def process(raws: Sequence[RawArticle]) -> list[Processed | Failure]:
    """Clean and read metadata for a batch of raw inputs (no storage)."""
    repeated = repeated_lines(raws)
    results: list[Processed | Failure] = []
    for raw in raws:
        try:
            results.append(process_one(raw, repeated.get(site_key(raw), frozenset())))
        except Exception as error:  # noqa: BLE001 - one bad input must not stop the batch
            results.append(Failure(source=raw.source, reason=f"could not clean: {_one_line(error)}"))
    return results


def process_one(raw: RawArticle, repeated: frozenset[str] = frozenset()) -> Processed | Failure:
    cleaned = clean(raw, repeated=repeated)
    if not cleaned.blocks:
        what = "HTML page" if raw.kind == "html" else "text"
        kind = next((f for f in cleaned.flags if f.startswith("not-article")), None)
        return Failure(source=raw.source, reason=f"no article text found in this {what}" + (f": {kind}" if kind else ""))
    meta = extract_metadata(_meta_view(raw), cleaned)
    return Processed(raw=raw, article=build_article(raw, cleaned, meta))


def _meta_view(raw: RawArticle) -> RawArticle:
    """What the metadata stage reads of a page: all of it, but for a page too large for the
    cleaner's extractors only its head (up to ``META_PREFIX_CHARS``). The stage parses the page
    with lxml and htmldate again; on a 10 MB page of 1.25M paragraphs that alone took 300 MB."""
    if raw.kind != "html" or raw.body.count("<") <= MAX_EXTRACTOR_TAGS:
        return raw
    end = raw.body.find("</head>", 0, META_PREFIX_CHARS)
    return replace(raw, body=raw.body[:end + len("</head>") if end >= 0 else META_PREFIX_CHARS])


def build_article(raw: RawArticle, cleaned: Cleaned, meta: Metadata, *, article_id: str | None = None) -> Article:
    """Assemble the stored record; ``article_id`` keeps an existing id when re-cleaning."""
    url = meta.url.value if meta.url else raw.url
    text = cleaned.text
    return Article(
        id=article_id or content_id(text),
        source=raw.source,
        url=url,
        canonical_url=canonical_url(url) if url else None,
        headline=_value(meta.headline),
        outlet=_value(meta.outlet),
        byline=_value(meta.byline),
        dateline=_value(meta.dateline),
        published=_value(meta.published),
        wire=_value(meta.wire),
        language=_value(meta.language),
        text=text,
        blocks=cleaned.blocks,
        removed=cleaned.removed,
        captions=cleaned.captions,
        provenance=meta.provenance(),
        stage_versions=dict(STAGE_VERSIONS),
        flags=cleaned.flags,
    )


def content_id(text: str) -> str:
    """Id of an article: hash of its clean text, normalised so that whitespace, case, curly vs
    straight quotes and Unicode forms don't make two copies of one article look different."""
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = norm.translate(_QUOTES)
    norm = _SPACE.sub(" ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def site_key(raw: RawArticle) -> str | None:
    """Which site an input belongs to, for cross-article boilerplate: URL host, else outlet hint."""
    if raw.url:
        try:
            host = urlsplit(raw.url).hostname
        except ValueError:  # "http://[oops/x" from a WARC header or a JSON field: no site
            host = None
        if host:
            return host.removeprefix("www.")
    return raw.outlet.lower() if raw.outlet else None


def repeated_lines(raws: Sequence[RawArticle]) -> dict[str | None, frozenset[str]]:
    """Per site, the short lines that occur in at least ``REPEAT_MIN_ARTICLES`` of its articles
    (keyed like ``site_key``, so a site-less input looks itself up and finds nothing)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for raw in raws:
        key = site_key(raw)
        if key is None or raw.kind != "text":
            continue
        lines = {line.strip() for line in raw.body.splitlines()}
        counts[key].update(line for line in lines if line and len(line) <= REPEAT_MAX_CHARS)
    return {key: frozenset(line for line, n in counter.items() if n >= REPEAT_MIN_ARTICLES)
            for key, counter in counts.items()}


def ingest(store: Store, items: Iterable[str | Path], *, allow_private: bool = False,
           max_bytes: int = 10_000_000, on_progress: Callable[[str], None] | None = None,
           on_failure: Callable[[Failure], None] | None = None, client=None) -> IngestReport:
    """Read, clean and store every input; failures are recorded and the batch goes on.

    ``client`` is an ``httpx.Client`` for the downloads (a proxy, a fake transport in tests).
    """
    ingested: list[str] = []
    duplicates: list[str] = []
    failures: list[Failure] = []
    stream = read_inputs(items, allow_private=allow_private, max_bytes=max_bytes, client=client)
    for chunk in _chunks(stream, CHUNK):
        raws = [item for item in chunk if isinstance(item, RawArticle)]
        failed = [item for item in chunk if isinstance(item, Failure)]
        for result in [*failed, *process(raws)]:
            if isinstance(result, Failure):
                failures.append(result)
                if on_failure:
                    on_failure(result)
                continue
            existing = _store(store, result)
            if isinstance(existing, Failure):
                failures.append(existing)
                if on_failure:
                    on_failure(existing)
                continue
            if existing:
                duplicates.append(existing)
            else:
                ingested.append(result.article.id)
            if on_progress:
                on_progress(result.raw.source)
    return IngestReport(ingested=tuple(ingested), duplicates=tuple(duplicates), failures=tuple(failures))


def _store(store: Store, result: Processed) -> str | None | Failure:
    """Store one article unless a copy is stored: None when stored, else the stored copy's id.

    An error of this one article (a value the database refuses) becomes its ``Failure``; a
    ``StoreError`` (full disk, read-only, locked) is the store's and ends the batch.
    """
    article = result.article
    try:
        existing = store.add_new(result.raw, article)
    except StoreError:
        raise
    except Exception as error:  # noqa: BLE001 - one article must not stop the batch
        return Failure(source=result.raw.source, reason=f"could not store: {_one_line(error)}")
    return existing


def reclean(store: Store) -> int:
    """Re-run clean and metadata over the stored raw inputs (after the cleaner improved).

    Ids stay as they were, so anything that refers to an article keeps working. Returns the
    number of articles whose record changed.
    """
    stored = [(article, store.raw(article.id)) for article in store.articles()]
    repeated = repeated_lines([raw for _, raw in stored if raw is not None])
    changed = 0
    for article, raw in stored:
        if raw is None:
            continue
        cleaned = clean(raw, repeated=repeated.get(site_key(raw), frozenset()))
        if not cleaned.blocks:
            continue
        fresh = build_article(raw, cleaned, extract_metadata(raw, cleaned), article_id=article.id)
        if fresh != article:
            store.replace(fresh)
            changed += 1
    return changed


def _chunks(stream: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in stream:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _value(sourced) -> str | None:
    return sourced.value if sourced else None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300]
