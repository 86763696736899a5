"""Figures aligned across the articles of one event: the same quantity (kind, thing counted,
unit) side by side, and the figures that do not fit together flagged.

A quantity is a kind and the thing counted (``Figure.key``): a toll is one quantity whoever its
victims are said to be ("two women", "two co-workers"), an amount one whatever its currency.
Two figures fit when the ranges they allow overlap: "at least 12" allows 12 and more, so it fits
"15"; "about 50" allows 10% either side; "10 to 15" fits "12"; rounded amounts ("2.6 million")
allow their rounding. Two articles disagree on a quantity when none of the figures one gives
fits any the other gives (an article that reports an earlier toll beside the latest one does
not contradict itself). When both articles are dated and the dates differ, a difference is an
update ("updated"), unless a tally that only grows (dead, injured, arrested) has fallen.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from itertools import combinations

from .patterns import RISING_KINDS
from .records import ABOUT, AGREE, AT_LEAST, AT_MOST, DISAGREE, SINGLE, UPDATED, AlignedFigure, Figure, FigurePair

ALIGN_VERSION = "figures-align-1"
ABOUT_TOLERANCE = 0.1  # "about 50" allows 45-55: the usual reach of "about" in news tallies
ROUNDED_TOLERANCE = 0.05  # "2.6 million" allows 2.47-2.73 million: figures given to two or three digits


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows."""
    low, high = figure.low, figure.top
    if figure.bound == AT_LEAST:
        return low, float("inf")
    if figure.bound == AT_MOST:
        return 0.0, high
    slack = ABOUT_TOLERANCE if figure.bound == ABOUT else ROUNDED_TOLERANCE if _rounded(figure) else 0.0
    return low * (1 - slack), high * (1 + slack)


def _rounded(figure: Figure) -> bool:
    """A figure given with a scale word ("2.6 million") stands for a rounded amount."""
    return any(word in figure.text.lower() for word in ("million", "billion", "trillion", "bn", "thousand"))


def fits(a: Figure, b: Figure) -> bool:
    """Whether two figures for one quantity can both be true (see the module docstring). Figures
    of different things in one tally ("two women", "three people") or in different currencies
    always fit: one may be part of the other, or a conversion of it."""
    if a.thing != b.thing or a.unit != b.unit:
        return True
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_low <= b_high + 1e-9 and b_low <= a_high + 1e-9


def alignable(figure: Figure) -> bool:
    """A figure that can be set beside others: not background, not an amount or a percentage that
    says nothing of what it is of, not a count of "people" doing who knows what."""
    if figure.background:
        return False
    if figure.kind in ("money", "percent") and not figure.thing:
        return False
    return not (figure.kind == "count" and figure.thing == "people")


def same_quantity(a: Figure, b: Figure) -> bool:
    """Two figures are values of one quantity when kind and thing counted are the same (``key``)."""
    return alignable(a) and alignable(b) and a.key == b.key


def pair_status(a: Figure, b: Figure) -> str:
    """What two figures of one quantity say together: "agree", "updated" or "disagree"."""
    if fits(a, b):
        return AGREE
    if a.date and b.date and a.date[:10] != b.date[:10]:
        earlier, later = (a, b) if a.date[:10] < b.date[:10] else (b, a)
        if a.kind in RISING_KINDS and interval(later)[1] < interval(earlier)[0]:
            return DISAGREE  # a tally that only grows has fallen
        return UPDATED
    return DISAGREE


def align_figures(figures: Mapping[str, Sequence[Figure]], *, event: str,
                  group_of: Mapping[str, str] | None = None) -> list[AlignedFigure]:
    """The quantities of one event, each with the figures its articles give (``figures``:
    article id -> that article's figures). Quantities with a disagreement come first, then
    updates, agreements and single-source figures; within each, the most sources first."""
    group_of = group_of or {}
    by_key: dict[str, dict[str, list[Figure]]] = {}
    for article, found in figures.items():
        for figure in filter(alignable, found):
            by_key.setdefault(figure.key, {}).setdefault(article, []).append(figure)
    aligned = []
    for key, per_article in by_key.items():
        ordered = sorted(per_article, key=lambda a: (per_article[a][0].date or "", a))
        pairs = []
        for first, second in combinations(ordered, 2):
            if any(fits(x, y) for x in per_article[first] for y in per_article[second]):
                continue
            a, b = per_article[first][0], per_article[second][0]
            pairs.append(FigurePair(status=pair_status(a, b), first=a, second=b))
        sources = len({group_of.get(a, a) for a in per_article})
        statuses = {p.status for p in pairs}
        status = DISAGREE if DISAGREE in statuses else UPDATED if statuses else AGREE if sources > 1 else SINGLE
        one = per_article[ordered[0]][0]
        things = {f.thing for a in ordered for f in per_article[a]}
        units = {f.unit for a in ordered for f in per_article[a]}
        aligned.append(AlignedFigure(
            id=hashlib.sha1(f"{event}|{key}".encode()).hexdigest()[:12], event=event, kind=one.kind,
            thing=one.thing if len(things) == 1 else "", unit=one.unit if len(units) == 1 else "", status=status, independent_sources=sources,
            figures=tuple(f for a in ordered for f in per_article[a]), pairs=tuple(pairs)))
    order = {DISAGREE: 0, UPDATED: 1, AGREE: 2, SINGLE: 3}
    return sorted(aligned, key=lambda f: (order[f.status], -f.independent_sources, f.kind, f.thing, f.unit))
