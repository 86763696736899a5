"""The exception hierarchy.

    NewsprismError
    ├── BadInput          permanent: this input will never ingest (names the input and the reason)
    │   ├── EmptyInput
    │   ├── TooLarge
    │   ├── UnsupportedInput
    │   └── RefusedURL    a private/loopback/link-local address without --allow-private
    └── FetchError        retryable: network trouble, timeouts, 5xx answers

A batch catches these per input, records a ``Failure`` and goes on.
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
    """A network fault that may go away on retry."""

    retryable = True

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
