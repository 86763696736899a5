"""The ingest entry point: any mix of files, folders, URLs and feeds in, articles out.

Each input is read on its own; whatever goes wrong with it becomes a ``Failure`` naming it,
and the batch goes on with the next.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import httpx

from newsprism.errors import BadInput, FetchError, UnsupportedInput
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetcher
from newsprism.ingest.files import read_file, walk
from newsprism.ingest.sniff import kind_of_response
from newsprism.ingest.urls import is_url, looks_like_url
from newsprism.model import Failure, RawArticle


def read_inputs(items: Iterable[str | Path], *, allow_private: bool = False,
                max_bytes: int = DEFAULT_MAX_BYTES, client: httpx.Client | None = None,
                timeout: float = DEFAULT_TIMEOUT) -> Iterator[RawArticle | Failure]:
    """Yield a ``RawArticle`` per article found and a ``Failure`` per input (or line, entry,
    record) that could not be read. Never raises for bad input.

    ``items`` are paths (files or folders, read recursively) and http(s) URLs of pages or
    feeds. Private, loopback and link-local addresses are refused unless ``allow_private``.
    ``max_bytes`` caps each document (each line of JSONL, each record of a WARC).
    """
    if isinstance(items, (str, Path)):  # one input given bare, not a string to iterate over
        items = [items]
    with Fetcher(allow_private=allow_private, max_bytes=max_bytes, timeout=timeout,
                 client=client) as fetcher:
        for item in items:
            for result in _read_item(item, fetcher):
                yield _one_line(result) if isinstance(result, Failure) else result


def _read_item(item: str | Path, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    name = str(item)
    if isinstance(item, str) and is_url(item.strip()):
        yield from _guarded(name, _read_url(item.strip(), fetcher))
    elif isinstance(item, str) and looks_like_url(item):
        yield _failure(UnsupportedInput(name, "only http and https URLs are fetched"))
    else:
        yield from _read_path(Path(item), fetcher)


def _read_path(path: Path, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    name = str(path)
    if path.is_dir():
        files = walk(path)
        if not files:
            yield Failure(source=name, reason="no readable files in this folder "
                                              "(.txt .html .json .jsonl .warc .xml .rss .atom)")
        for file in files:
            yield from _guarded(str(file), read_file(file, fetcher=fetcher))
    elif path.exists():
        yield from _guarded(name, read_file(path, fetcher=fetcher))
    else:
        yield Failure(source=name, reason="no such file or folder")


def _read_url(url: str, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    fetched = fetcher.fetch(url)
    if kind_of_response(fetched.media_type, fetched.data, source=url) == "feed":
        yield from read_feed(fetched.data, source=url, fetcher=fetcher, base_url=fetched.final_url)
    else:
        yield fetcher.article_from(fetched)


def _guarded(name: str, articles: Iterator[RawArticle | Failure]) -> Iterator[RawArticle | Failure]:
    """Pass ``articles`` on; turn a ``BadInput`` / ``FetchError`` that ends them into a Failure."""
    try:
        yield from articles
    except (BadInput, FetchError) as error:
        yield _failure(error, fallback=name)


def _one_line(failure: Failure) -> Failure:
    """Failures print one per line: whatever a library put in a reason, keep it on one."""
    if "\n" not in failure.reason and "\r" not in failure.reason:
        return failure
    return Failure(source=failure.source, reason=" ".join(failure.reason.split()),
                   retryable=failure.retryable)


def _failure(error: BadInput | FetchError, *, fallback: str | None = None) -> Failure:
    source = getattr(error, "source", None) or fallback or "input"
    return Failure(source=source, reason=" ".join(str(error.reason).split()), retryable=error.retryable)
