"""Files and folders: walking, size caps, gzip, and dispatch on suffix and content."""
from __future__ import annotations

import gzip
import os
import stat
import zlib
from pathlib import Path
from typing import Iterator

from newsprism.errors import BadInput, EmptyInput, TooLarge, UnsupportedInput
from newsprism.ingest import patterns, sniff
from newsprism.ingest.decode import decode_bytes, refuse_binary
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.fetch import Fetcher, human_size
from newsprism.ingest.jsonl import read_json, read_jsonl
from newsprism.ingest.safety import display_name
from newsprism.ingest.warc import read_warc
from newsprism.model import Failure, RawArticle


def walk(root: Path) -> tuple[list[Path], list[tuple[str, OSError]]]:
    """Files under ``root`` with a known suffix, hidden files and folders skipped, sorted; and
    the folders that could not be read, with why (reported, never skipped without a word)."""
    found = []
    problems: list[tuple[str, OSError]] = []
    for folder, subfolders, names in os.walk(root, onerror=lambda error: problems.append(
            (error.filename or str(root), error))):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if not name.startswith(".") and suffix_of(path)[0] in patterns.KNOWN_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(root).parts), problems


def suffix_of(path: Path) -> tuple[str, bool]:
    """The suffix that says what a file holds, and whether it is gzipped (``a.jsonl.gz``)."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == patterns.GZIP_SUFFIX
    if gz:
        suffixes.pop()
    return (suffixes[-1] if suffixes else ""), gz


def read_file(path: Path, *, fetcher: Fetcher) -> Iterator[RawArticle | Failure]:
    """Yield the articles in one file; raise ``BadInput`` when the whole file is unusable.

    Only regular files are read: a FIFO would block for ever and a device (a symlink to
    /dev/zero) never ends, whatever its reported size.
    """
    source = display_name(path)
    check_regular(path, source=source)
    suffix, gz = suffix_of(path)
    if suffix in patterns.WARC_SUFFIXES:
        yield from read_warc(path, source=source, max_bytes=fetcher.max_bytes)
        return
    if suffix in patterns.JSONL_SUFFIXES:
        yield from read_jsonl(path, source=source, gz=gz, fetcher=fetcher)
        return
    data = read_capped(path, source=source, gz=gz, max_bytes=fetcher.max_bytes)
    if not data.strip():
        raise EmptyInput(source, "empty file")
    refuse_binary(data, source=source)
    if suffix in patterns.FEED_SUFFIXES or sniff.is_feed(data):
        yield from read_feed(data, source=source, fetcher=fetcher)
    elif suffix in patterns.JSON_SUFFIXES:
        yield from read_json(data, source=source, fetcher=fetcher)
    else:
        decoded = decode_bytes(data, source=source)
        yield RawArticle(source=source, kind=_document_kind(suffix, data), body=decoded.text,
                         encoding=decoded.encoding)


def check_regular(path: Path, *, source: str) -> None:
    """Raise ``BadInput`` unless ``path`` (after symlinks) is a regular file we can stat."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise BadInput(source, f"cannot read: {error.strerror or _one_line(error)}") from None
    if not stat.S_ISREG(mode):
        raise UnsupportedInput(source, f"not a regular file ({_file_kind(mode)}): only files are read")


def _file_kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return what
    return "not a file"


def read_capped(path: Path, *, source: str, gz: bool, max_bytes: int) -> bytes:
    """The file's bytes (decompressed if ``gz``), refusing more than ``max_bytes`` before reading."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(source, f"file is {human_size(size)}, over the {human_size(max_bytes)} cap")
        if not gz:
            return path.read_bytes()
        with gzip.open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except EOFError as error:
        raise BadInput(source, f"truncated gzip: {_one_line(error)}") from None
    except (OSError, zlib.error) as error:
        what = "corrupt gzip" if gz and not isinstance(error, PermissionError) else "cannot read"
        raise BadInput(source, f"{what}: {_one_line(error)}") from None
    if len(data) > max_bytes:
        raise TooLarge(source, f"file decompresses to over the {human_size(max_bytes)} cap")
    return data


def _document_kind(suffix: str, data: bytes) -> str:
    if suffix in patterns.TEXT_SUFFIXES:
        return "text"
    if suffix in patterns.HTML_SUFFIXES:
        return "html"
    return "html" if sniff.is_html(data) else "text"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
