"""The figures stage's records: one figure as an article states it, and one quantity of an event
with the figure each article gives for it."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Record
from .patterns import TOLL_KINDS

# How a figure bounds the quantity: "at least 12" is a floor, "up to 20" a ceiling, "about 50"
# an approximation; "exact" when nothing qualifies it.
EXACT, AT_LEAST, AT_MOST, ABOUT = "exact", "at least", "at most", "about"
# What the figures of one quantity say together.
AGREE, DISAGREE, UPDATED, SINGLE = "agree", "disagree", "updated", "single"


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Record):
    """A number an article gives for a quantity: ``kind`` (dead, injured, arrested, missing,
    evacuated, magnitude, money, percent, count), ``thing`` counted ("people", "house"; "" when
    the kind says it), ``unit`` ("USD", "%", ""), the value (``high`` for a range's upper end)
    and how it bounds the quantity; ``start``/``end`` index the figure's words in the article's
    clean text, ``sentence_start``/``sentence_end`` its sentence; ``quoted`` when the number sits
    inside a quotation (a source's figure, not the outlet's); ``date`` the article's date;
    ``background`` when its sentence is about another time ("In February, a quake killed 612")."""

    article: str
    kind: str
    thing: str
    unit: str
    value: float
    high: float | None = None
    bound: str = EXACT
    text: str = ""
    start: int = 0
    end: int = 0
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    quoted: bool = False
    date: str | None = None
    background: bool = False

    @property
    def key(self) -> str:
        """The quantity this figure is a value of: kind and thing counted (a toll is one quantity
        whoever its victims are said to be; an amount one whatever its currency)."""
        thing = "" if self.kind in TOLL_KINDS else self.thing
        return f"{self.kind}|{thing}"

    @property
    def low(self) -> float:
        return self.value

    @property
    def top(self) -> float:
        return self.value if self.high is None else self.high


@dataclass(frozen=True, slots=True, kw_only=True)
class FigurePair(Record):
    """Two articles' figures for one quantity that do not fit together: ``status`` "disagree"
    (same day, or undated), or "updated" (a later article gives a toll that has risen since)."""

    status: str
    first: Figure
    second: Figure


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignedFigure(Record):
    """One quantity of an event across its articles: every figure given for it (in article date
    order), the pairs that do not fit, and the status: "disagree" when any pair disagrees,
    "updated" when the only differences are later updates, "agree" when several articles give
    compatible figures, "single" when one article (or one provenance group) gives it."""

    id: str
    event: str
    kind: str
    thing: str
    unit: str
    status: str
    independent_sources: int
    figures: tuple[Figure, ...] = ()
    pairs: tuple[FigurePair, ...] = ()

    @property
    def label(self) -> str:
        """The quantity in words: "dead", "count of houses", "money (USD)"."""
        what = f"{self.kind} ({self.thing})" if self.thing and self.kind != "count" else \
            f"{self.thing}" if self.thing else self.kind
        return f"{what} [{self.unit}]" if self.unit else what
