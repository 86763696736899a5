"""WARC archives (``.warc``, ``.warc.gz``): each HTML response record becomes one article.

warcio stops quietly at a truncated archive; this module notices (a record shorter than its
Content-Length, a gzip member without its end) and reports it after the records read so far.
Records that are not HTML pages (images, scripts, redirects, errors, metadata) are skipped.
"""
from __future__ import annotations

import contextlib
import io
import zlib
from functools import partial
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from newsprism.errors import BadInput, EmptyInput, TooLarge
from newsprism.ingest import patterns
from newsprism.ingest.decode import decode_bytes, header_charset
from newsprism.ingest.fetch import human_size
from newsprism.ingest.safety import guarded_call
from newsprism.model import Failure, RawArticle

PAGE_RECORD_TYPES = frozenset({"response", "resource"})
# Records may add up to at most this many times the file's size, or the per-record cap if more
# (the robustness archives of ../shared/eval expand 3.6-4.2x; one 614-byte file of padded test
# records 80x, under the floor): past it, a gzip bomb, not an archive.
MAX_GZIP_RATIO = 50
WARC_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, zlib.error,
               ValueError)
# warcio itself trips over some malformed headers (a response record without a
# WARC-Target-URI raises AttributeError inside its loader); only caught around its own calls.
WARCIO_BUGS = (AttributeError, TypeError, KeyError, IndexError)


class _CheckedIterator(ArchiveIterator):
    """An ``ArchiveIterator`` that remembers whether the last gzip member ended properly.

    Reads warcio's ``reader.decompressor`` just before warcio drops it (an internal detail:
    if it moves, ``ended_cleanly`` stays True and only short records are caught).
    """

    ended_cleanly = True

    def close(self):
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and getattr(decompressor, "eof", True) is False:
            self.ended_cleanly = False
        super().close()


def read_warc(path: Path, *, source: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Yield one article per HTML response record (named ``source#N``, N counting all records)."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyInput(source, "empty file")
    total_cap = max(max_bytes, MAX_GZIP_RATIO * size)
    found = 0
    number = 0
    total = 0
    try:
        with path.open("rb") as stream:
            records = _CheckedIterator(stream)
            while (record := _quietly(next, records, None)) is not None:
                number += 1
                total += _declared_length(record)
                if total > total_cap:
                    raise TooLarge(source, f"records add up to over {human_size(total_cap)} "
                                           f"({MAX_GZIP_RATIO}x the file's size) after record {number}")
                name = f"{source}#{number}"
                outcome = guarded_call(name, partial(_read_record, record, source=name, max_bytes=max_bytes))
                if outcome is not None:
                    found += 1
                    yield outcome
            if not records.ended_cleanly:
                raise BadInput(source, f"truncated gzip: the archive breaks off after record {number}")
    except WARC_ERRORS as error:
        raise BadInput(source, f"broken WARC after record {number}: {' '.join(str(error).split())}") from None
    if not found:
        what = "no WARC records" if number == 0 else f"no HTML pages among {number} WARC records"
        raise EmptyInput(source, what)


def _declared_length(record) -> int:
    length = (record.rec_headers.get_header("Content-Length") or "0").strip()
    return int(length) if length.isdigit() and len(length) < 19 else 0


def _quietly(function, *args, **kwargs):
    """Call into warcio with its stderr warnings muted (they would garble a progress bar).

    Muted only for the call itself, never across a ``yield``; warcio's own slips on malformed
    input become ``ValueError`` so that they end the archive like any other broken record.
    """
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            return function(*args, **kwargs)
        except WARCIO_BUGS as error:
            raise ValueError(f"malformed record headers ({type(error).__name__})") from None


def _read_record(record, *, source: str, max_bytes: int) -> RawArticle | Failure | None:
    content_type = _page_content_type(record)
    if content_type is None:
        return None
    body = _quietly(lambda: record.content_stream().read(max_bytes + 1))
    if len(body) > max_bytes:
        return Failure(source=source, reason=f"record is over the {human_size(max_bytes)} cap")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return Failure(source=source, reason=f"truncated WARC record: {missing} bytes missing")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        decoded = decode_bytes(body, source=source, declared=header_charset(content_type))
    except BadInput as error:
        return Failure(source=source, reason=error.reason)
    return RawArticle(source=source, kind="html", body=decoded.text, url=url, encoding=decoded.encoding)


def _page_content_type(record) -> str | None:
    """The record's page content type if it holds a successfully fetched HTML page, else None."""
    if record.rec_type not in PAGE_RECORD_TYPES:
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media_type = content_type.split(";")[0].strip().lower()
    return content_type if media_type in patterns.HTML_TYPES else None
