"""The per-input guard: whatever one input does, it becomes at most one ``Failure`` line.

Every step that touches one input (read, sniff, parse, decode) runs inside ``guarded`` or
``guarded_call``; an exception of any kind, ours or a library's, ends that input with a
one-line reason naming it, and the batch goes on with the next. Text that came from outside
(file names, JSON strings, feed fields) is scrubbed of lone surrogates here too, so that nothing
downstream (SQLite, the terminal, JSON output) can trip over it.
"""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from newsprism.errors import BadInput, FetchError
from newsprism.model import Failure, RawArticle

# A reason longer than this is a library dumping its state, not a message.
MAX_REASON_CHARS = 300

_SURROGATE = re.compile("[\ud800-\udfff]")
T = TypeVar("T")


def guarded(name: str, items: Iterator[RawArticle | Failure], *,
            step: str = "could not read") -> Iterator[RawArticle | Failure]:
    """Pass ``items`` on, scrubbed; turn any exception that ends them into a Failure for ``name``."""
    try:
        for item in items:
            yield scrub(item)
    except Exception as error:  # noqa: BLE001 - one input must never take the batch down
        yield failure_from(error, name, step=step)


def guarded_call(name: str, make: Callable[[], T], *, step: str = "could not read") -> T | Failure:
    """``make()``, or a Failure for ``name`` if it raised anything."""
    try:
        return make()
    except Exception as error:  # noqa: BLE001 - one input must never take the batch down
        return failure_from(error, name, step=step)


def failure_from(error: BaseException, name: str, *, step: str = "could not read") -> Failure:
    """One line for ``error``: our own errors give their reason, others their type and message."""
    if isinstance(error, (BadInput, FetchError)):
        source = getattr(error, "source", None) or name
        return scrub(Failure(source=source, reason=one_line(error.reason), retryable=error.retryable))
    if isinstance(error, RecursionError):
        reason = f"{step}: nested too deeply"
    elif isinstance(error, MemoryError):
        reason = f"{step}: out of memory"
    elif isinstance(error, OSError) and error.strerror:
        reason = f"{step}: {error.strerror}"
    else:
        message = one_line(error)
        kind = type(error).__name__
        reason = f"{step}: {kind}" + (f": {message}" if message != kind else "")
    return scrub(Failure(source=name, reason=reason, retryable=False))


def one_line(value) -> str:
    """``value`` as text on one line (library messages carry newlines), at most MAX_REASON_CHARS."""
    text = " ".join(str(value).split()) or type(value).__name__
    return text if len(text) <= MAX_REASON_CHARS else text[:MAX_REASON_CHARS - 1] + "…"


def display_name(path: os.PathLike | str) -> str:
    """A path as text that is valid Unicode: undecodable bytes of a file name shown as ``\\xff``."""
    name = os.fspath(path)
    if isinstance(name, bytes):
        return name.decode("utf-8", "backslashreplace")
    if not _SURROGATE.search(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return no_surrogates(name)


def no_surrogates(text: str) -> str:
    """``text`` with lone surrogates (unencodable as UTF-8) replaced by U+FFFD."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


_Item = TypeVar("_Item", bound=RawArticle | Failure)


def scrub(item: _Item) -> _Item:
    """``item`` with every text field free of lone surrogates (a JSON ``"\\ud800"``, a file name)."""
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(item):
        value = getattr(item, field.name)
        if isinstance(value, str):
            clean = no_surrogates(value)
            if clean is not value:
                changes[field.name] = clean
    return dataclasses.replace(item, **changes) if changes else item
