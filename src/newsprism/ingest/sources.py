"""The ingest entry point: any mix of files, folders, URLs and feeds in, articles out.

Each input is read on its own; whatever goes wrong with it (any exception, ours or a library's)
becomes a ``Failure`` naming it, and the batch goes on with the next (see ``safety.py``).
"""
from __future__ import annotations

import stat
from pathlib import Path
from typing import Iterable, Iterator

import httpx

from newsprism.errors import UnsupportedInput
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetcher
from newsprism.ingest.files import read_file, walk
from newsprism.ingest.safety import display_name, failure_from, guarded, one_line
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
            name = display_name(item) if isinstance(item, (str, Path)) else repr(item)
            for result in guarded(name, _read_item(item, name, fetcher)):
                yield _one_line(result) if isinstance(result, Failure) else result


def _read_item(item: str | Path, name: str, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    if isinstance(item, str) and is_url(item.strip()):
        yield from guarded(name, _read_url(item.strip(), fetcher))
    elif isinstance(item, str) and looks_like_url(item):
        yield failure_from(UnsupportedInput(name, "only http and https URLs are fetched"), name)
    else:
        yield from _read_path(Path(item), name, fetcher)


def _read_path(path: Path, name: str, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except FileNotFoundError:
        if path.is_symlink():
            yield Failure(source=name, reason="broken symbolic link (its target does not exist)")
        else:
            yield Failure(source=name, reason="no such file or folder")
        return
    except OSError as error:  # a symlink loop, a permission problem, a name too long
        yield failure_from(error, name)
        return
    if not is_dir:
        yield from guarded(name, read_file(path, fetcher=fetcher))
        return
    files, problems = walk(path)
    for folder, problem in problems:
        yield failure_from(problem, display_name(folder), step="cannot read folder")
    if not files and not problems:
        yield Failure(source=name, reason="no readable files in this folder "
                                          "(.txt .html .json .jsonl .warc .xml .rss .atom)")
    for file in files:
        yield from guarded(display_name(file), read_file(file, fetcher=fetcher))


def _read_url(url: str, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    fetched = fetcher.fetch(url)
    if kind_of_response(fetched.media_type, fetched.data, source=url) == "feed":
        yield from read_feed(fetched.data, source=url, fetcher=fetcher, base_url=fetched.final_url)
    else:
        yield fetcher.article_from(fetched)


def _one_line(failure: Failure) -> Failure:
    """Failures print one per line: whatever a library put in a reason, keep it on one."""
    if "\n" not in failure.reason and "\r" not in failure.reason:
        return failure
    return Failure(source=failure.source, reason=one_line(failure.reason), retryable=failure.retryable)
