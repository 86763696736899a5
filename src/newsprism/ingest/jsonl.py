"""JSON and JSONL inputs: one article per object (JSONL line, JSON array item, lone object).

Recognised fields (first of each list wins, see ``patterns.RECORD_FIELDS``): url, title, text,
html, published, outlet, author. ``html`` makes an HTML article, ``text`` a plain-text one; a
record with only a url is fetched. A bad line is reported by line number and the rest go on.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Iterator

from newsprism.errors import BadInput, EmptyInput, FetchError, TooLarge
from newsprism.ingest import patterns
from newsprism.ingest.decode import decode_bytes, refuse_binary, SNIFF_BYTES
from newsprism.ingest.fetch import Fetcher, human_size
from newsprism.ingest.safety import guarded_call
from newsprism.model import Failure, RawArticle

GZIP_ERRORS = (EOFError, OSError, zlib.error)
HINTS = ("title", "published", "outlet", "author")
BODY_FIELDS = ("html", "text")
# The per-line cap does not bound a whole file; for plain files the disk does (reading is linear
# in the file's size), but gzip can expand ~1000x (1 MB of newlines -> 1 GB). JSONL of articles
# compresses 2.6-4.9x (the five .jsonl.gz of ../shared/eval), so 50x is a bomb, not a dump; the
# per-line cap stays the floor, so a small file of repetitive lines still reads.
MAX_GZIP_RATIO = 50
# Lines are read in blocks this size, blank runs skipped by one scan: a readline call per blank
# line made a 1 GB run of newlines take minutes.
READ_BLOCK = 1 << 20
_NOT_SPACE = re.compile(rb"\S")


def read_jsonl(path: Path, *, source: str, gz: bool, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    """Yield one article or failure per non-blank line (named ``source:LINE``).

    The size cap applies per line, so a large dump streams through; a gzipped file may expand to
    at most ``MAX_GZIP_RATIO`` times its size. A broken gzip stream ends the file with one
    failure after the lines read before the break.
    """
    opener = gzip.open if gz else open
    total_cap = max(fetcher.max_bytes, MAX_GZIP_RATIO * path.stat().st_size) if gz else None
    seen = 0
    line_number = 0
    try:
        with opener(path, "rb") as stream:
            refuse_binary(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b"",
                          source=source)
            for line_number, line in _capped_lines(stream, fetcher.max_bytes, total_cap, source=source):
                name = f"{source}:{line_number}"
                if line is None:
                    yield Failure(source=name, reason=f"line is over the {human_size(fetcher.max_bytes)} cap")
                else:
                    seen += 1
                    yield guarded_call(name, partial(_line_article, line, source=name, fetcher=fetcher))
    except GZIP_ERRORS as error:
        if not gz and isinstance(error, OSError):
            raise BadInput(source, f"cannot read: {_one_line(error)}") from None
        what = "truncated gzip" if isinstance(error, EOFError) else "corrupt gzip"
        raise BadInput(source, f"{what} after line {line_number}: {_one_line(error)}") from None
    if not seen:
        raise EmptyInput(source, "empty file (no JSON lines)")


def read_json(data: bytes, *, source: str, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    """A JSON file: one object, or an array of objects (items named ``source#N``)."""
    text = decode_bytes(data, source=source).text
    value = _parse(text, source=source)
    if isinstance(value, dict):
        yield record_article(value, source=source, fetcher=fetcher)
        return
    if not isinstance(value, list):
        raise BadInput(source, f"expected a JSON object or array of objects, got {_type_name(value)}")
    if not value:
        raise EmptyInput(source, "empty JSON array")
    for number, item in enumerate(value, start=1):
        name = f"{source}#{number}"
        if isinstance(item, dict):
            yield guarded_call(name, partial(record_article, item, source=name, fetcher=fetcher))
        else:
            yield Failure(source=name, reason=f"expected a JSON object, got {_type_name(item)}")


def record_article(record: dict, *, source: str, fetcher: Fetcher) -> RawArticle:
    """One JSON object as a ``RawArticle``; a record with only a url is fetched."""
    fields = {name: _field(record, names, source=source, text_only=name in BODY_FIELDS)
              for name, names in patterns.RECORD_FIELDS.items()}
    hints = {name: fields[name] for name in HINTS}
    for kind in ("html", "text"):
        body = fields[kind]
        if body and body.strip():
            return RawArticle(source=source, kind=kind, body=_newlines(body), url=fields["url"],
                              encoding="utf-8", **hints)
    url = fields["url"]
    if not url:
        raise EmptyInput(source, "no text or html (and no url to fetch)")
    try:
        page = fetcher.fetch_article(url)
    except (BadInput, FetchError) as error:
        raise type(error)(source, f"{url}: {error.reason}") from None
    return replace(page, source=source, **{name: value for name, value in hints.items() if value})


def _line_article(line: bytes, *, source: str, fetcher: Fetcher) -> RawArticle:
    try:
        text = line.strip().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_bytes(line.strip(), source=source).text
    value = _parse(text, source=source)
    if not isinstance(value, dict):
        raise BadInput(source, f"expected a JSON object, got {_type_name(value)}")
    return record_article(value, source=source, fetcher=fetcher)


def _parse(text: str, *, source: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at")
        raise BadInput(source, f"invalid JSON: {message} (column {error.colno})") from None
    except RecursionError:
        raise BadInput(source, "invalid JSON: nested too deeply") from None


def _field(record: dict, names: tuple[str, ...], *, source: str, text_only: bool = False) -> str | None:
    """The first of ``names`` present in ``record``, as a string. Numbers pass for metadata
    (a year, a timestamp) but not for a body: ``{"html": 3}`` is no article."""
    for name in names:
        value = record.get(name)
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not text_only:
            return str(value)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return ", ".join(value)
        raise BadInput(source, f"field {name!r} is {_type_name(value)}, not a string")
    return None


def _capped_lines(stream: io.BufferedIOBase, max_bytes: int, total_cap: int | None, *,
                  source: str) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of each non-blank line; ``None`` stands for a line over ``max_bytes``
    (skipped). Raises ``TooLarge`` once more than ``total_cap`` bytes were read."""
    number = 1  # the line number at ``buffer[0]``
    buffer = b""
    total = 0
    skipping: int | None = None  # line number of an over-long line being read past
    while True:
        block = stream.read1(READ_BLOCK)  # read1: what gzip has so far, lines before a break kept
        total += len(block)
        if total_cap is not None and total > total_cap:
            raise TooLarge(source, f"decompresses to over {human_size(total_cap)} "
                                   f"({MAX_GZIP_RATIO}x its compressed size): not a JSONL dump")
        buffer += block
        position = 0
        while True:
            if skipping is not None:
                end = buffer.find(b"\n", position)
                if end < 0:
                    position = len(buffer)
                    break
                yield skipping, None
                number, position, skipping = number + 1, end + 1, None
                continue
            start = _NOT_SPACE.search(buffer, position)
            if start is None:
                number += buffer.count(b"\n", position)
                position = len(buffer)
                break
            number += buffer.count(b"\n", position, start.start())
            position = start.start()
            end = buffer.find(b"\n", position)
            if end < 0 and block:  # the line goes on in the next block
                if len(buffer) - position > max_bytes:
                    skipping, position = number, len(buffer)
                break
            end = len(buffer) if end < 0 else end
            line = buffer[position:end + 1]
            yield number, (None if len(line.rstrip()) > max_bytes else line)
            number, position = number + 1, end + 1
        buffer = buffer[position:]
        if not block:
            if skipping is not None:
                yield skipping, None
            return


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _type_name(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _one_line(error) -> str:
    return " ".join(str(error).split())
