"""Every kind of cross-article finding, registered once: its record class and its scope.

A finding is what ``analyze`` stores beyond stories and events (aligned quotes and claims,
headline verdicts, framing panels, cited summaries). The store keeps each as a row with its
kind, id, scope (the story or event it belongs to), the version of the stage that made it and
the reuse key a re-run compares; the payload is the record's ``to_dict``. Reading decodes it
with the registered class, so everything above the store sees records, never raw dicts.

Adding a kind is one ``register(...)`` line here (record classes are named by import path and
imported on first use, so ``import newsprism`` stays light).
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .records import Record, from_dict, jsonable

Scope = Literal["article", "event", "story"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingKind(Record):
    """One registered kind: ``record`` is ``"module:Class"``; ``scope`` what its rows belong to."""

    name: str
    record: str
    scope: Scope

    def record_class(self) -> type:
        return _resolve(self.record)

    def decode(self, data: Mapping[str, Any]) -> Any:
        cls = self.record_class()
        reader = getattr(cls, "from_dict", None)
        return reader(data) if callable(reader) else from_dict(cls, data)


KINDS: dict[str, FindingKind] = {}


def register(name: str, record: str, scope: Scope) -> FindingKind:
    """Register a finding kind (once: a second registration of the same name is an error)."""
    if name in KINDS:
        raise ValueError(f"finding kind {name!r} is already registered")
    KINDS[name] = kind = FindingKind(name=name, record=record, scope=scope)
    return kind


def kind_of(name: str) -> FindingKind:
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown finding kind {name!r} (registered: {', '.join(sorted(KINDS))})") from None


def decode(name: str, data: Mapping[str, Any]) -> Any:
    """The record of kind ``name`` from its stored payload."""
    return kind_of(name).decode(data)


def encode(record: Any) -> dict[str, Any]:
    """The stored payload of a finding record: the shape ``--json`` prints."""
    data = jsonable(record)
    if not isinstance(data, dict):
        raise TypeError(f"a finding must serialise to an object, got {type(data).__name__}")
    return data


def _resolve(path: str) -> type:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


# --- records of the findings analyze makes itself ------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class HeadlineAgainst(Record):
    """One other body of the event and the stance of the headline toward it."""

    article: str
    label: str
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadlineVerdict(Record):
    """An article's headline against the bodies of the other articles of its event: "agrees"
    when some body supports it and none disagrees, "contradicts" the other way round, "mixed"
    when both, else "not covered"."""

    article: str
    event: str
    verdict: str
    against: tuple[HeadlineAgainst, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSentence(Record):
    """A summary sentence and the articles that carry it; ``contested`` marks a disputed claim
    stated with both sides."""

    text: str
    citations: tuple[str, ...]
    independent_sources: int
    contested: bool = False

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "citations": list(self.citations), "independent_sources": self.independent_sources}
        return out | {"contested": True} if self.contested else out


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSummary(Record):
    """The cited summary of one story or event: ``{summary, sentences}`` as ``--json`` prints it."""

    summary: str
    sentences: tuple[CitedSentence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFraming(Record):
    """A story's framing panel as stored: the story id, the reuse key (kept in the payload for the
    shape ``newsprism framing --json`` has always printed) and the panel's own fields."""

    story: str
    key: str = ""
    panel: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "story": self.story, **self.panel}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryFraming:
        return cls(story=data["story"], key=data.get("key", ""),
                   panel={k: v for k, v in data.items() if k not in ("story", "key")})

    def framing_panel(self) -> Any:
        """The panel as a ``newsprism.framing.FramingPanel`` record."""
        from .framing.records import FramingPanel

        return from_dict(FramingPanel, self.panel)


register("quote", "newsprism.quotes.align:AlignedQuote", scope="story")
register("claim", "newsprism.claims.records:AlignedClaim", scope="event")
register("coverage", "newsprism.claims.coverage:CoverageRow", scope="event")
register("headline", "newsprism.findings:HeadlineVerdict", scope="event")
register("framing", "newsprism.findings:StoryFraming", scope="story")
register("summary", "newsprism.findings:CitedSummary", scope="story")
register("figure", "newsprism.figures.records:AlignedFigure", scope="event")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredFinding:
    """A finding as the store keeps it: the record and the columns beside it."""

    kind: str
    id: str
    scope: str
    record: Any
    version: str = ""
    reuse_key: str | None = None
