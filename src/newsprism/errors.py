"""The exception hierarchy.

    NewsprismError
    ├── BadInput          permanent: this input will never ingest (names the input and the reason)
    │   ├── EmptyInput
    │   ├── TooLarge
    │   ├── UnsupportedInput
    │   └── RefusedURL    a private/loopback/link-local address without --allow-private
    ├── FetchError        retryable: network trouble, timeouts, 5xx answers
    └── StoreError        the store itself failed (full disk, read-only, locked, not a database):
        │                 no later input can be stored either, so the batch stops with one line
        └── MissingStore  opened for reading only, and no store is there (a mistyped path)

A batch catches the first two per input (and any other exception an input provokes), records a
``Failure`` and goes on.
"""
from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class BadInput(NewsprismError):
    """An input that cannot be ingested, now or later."""

    retryable = False

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(BadInput):
    pass


class TooLarge(BadInput):
    pass


class UnsupportedInput(BadInput):
    pass


class RefusedURL(BadInput):
    pass


class FetchError(NewsprismError):
    """A network fault that may go away on retry; ``retry_after``: seconds the server asked
    to wait (its ``Retry-After`` header), when it said."""

    retryable = True

    def __init__(self, source: str, reason: str, *, retry_after: float | None = None):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.retry_after = retry_after


class StoreError(NewsprismError):
    """The store cannot be written or read; ``path`` names it, ``reason`` says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class MissingStore(StoreError):
    """``open(path, create=False)`` found no store at ``path``: a reading command given a
    mistyped ``--db`` says so instead of creating an empty corpus there."""
