"""One record base for every stage's output: generic ``to_dict`` / ``from_dict`` over dataclass
fields, and the one helper that turns records into JSON-ready values (``jsonable``).

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Verdict(Record):
        article: str
        against: tuple[Against, ...] = ()

    Verdict.from_dict(verdict.to_dict()) == verdict

``to_dict`` writes nested records as dicts, tuples as lists; ``from_dict`` reads them back using
the field annotations (nested records, ``tuple[X, ...]``, optionals), ignores keys it does not
know (a newer writer may add fields) and leaves missing fields to their defaults. The functions
also work on plain dataclasses that do not derive from ``Record`` (a stage's own records), so a
stage need not change to be stored or printed.
"""
from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


class Record:
    """Base of typed records: ``to_dict`` and ``from_dict`` derived from the dataclass fields."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        return from_dict(cls, data)


def to_dict(record: object) -> dict[str, Any]:
    """The fields of a dataclass instance as JSON-ready values (nested records as dicts)."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"not a record: {record!r}")
    return {f.name: jsonable(getattr(record, f.name)) for f in dataclasses.fields(record)}


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON types: records through their own ``to_dict`` (the shape the CLI
    prints), other dataclasses field by field, tuples and lists as lists, mappings as dicts.

    The one serialiser of the CLI's ``--json``, the report and (later) the web API.
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    own = getattr(value, "to_dict", None)
    if callable(own) and not isinstance(value, type):
        return own()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """An instance of the dataclass ``cls`` from ``to_dict``'s output (see the module docstring)."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__}.from_dict needs a mapping, got {type(data).__name__}")
    hints = _hints(typing.cast(Any, cls))
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data and f.init:
            values[f.name] = _convert(hints.get(f.name, Any), data[f.name])
    return cls(**values)


@cache
def _hints(cls: Any) -> dict[str, Any]:
    module = sys.modules.get(cls.__module__)
    return typing.get_type_hints(cls, vars(module) if module else None)


def _convert(hint: Any, value: Any) -> Any:
    """``value`` read as the annotated type ``hint`` (only what JSON loses is rebuilt)."""
    if value is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        item = args[0] if args and (len(args) == 2 and args[1] is Ellipsis or len(set(args)) == 1) else Any
        return tuple(_convert(item, v) for v in value)
    if origin is list:
        return [_convert(args[0] if args else Any, v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, Mapping):
        reader = getattr(hint, "from_dict", None)
        return reader(value) if callable(reader) else from_dict(hint, value)
    return value
