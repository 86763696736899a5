"""The timeline chart: events on a date axis, as inline SVG built from escaped text.

Stories often span months with activity on a few days (a trip previewed on Monday and reported on
Friday, the next trip ten months later). A linear axis would squeeze each burst into a dot, so the
axis is cut into clusters of nearby dates, each drawn to its own linear scale, with a marked break
("10 months later") between them. Shapes carry the meaning as well as colour (filled circle: a
report; hollow diamond: a preview; dashed outline: a date that was inferred), so the chart reads in
greyscale print. Every mark has a ``<title>`` and links to its article; the same facts are in the
table under the chart for screen readers and keyboards.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from .views import TimelineLane, TimelineRow

WIDTH = 960
MARGIN = 24
LANE = 78  # one event: its title line, then its bar and markers
AXIS = 54
LEGEND = 34
BREAK = 46  # the gap drawn between two clusters of dates
# Dates more than this many days apart go to separate axis clusters: news events here are a few
# days long (the seeds' visits: 2 and 3 days, previews 2-14 days before), so two months apart
# means a different moment of the story rather than the same one.
CLUSTER_GAP_DAYS = 45
MIN_CLUSTER_DAYS = 6  # a one-day cluster still gets room for its markers and tick labels
TICK_SPACING = 74  # px between tick labels at least
MARK_R = 6
TITLE_CHARS = 96


def timeline_svg(events: Sequence[TimelineLane], *, label: str) -> Markup:
    """An SVG timeline of ``events`` (``views.timeline``: dates ``YYYY-MM-DD``); empty when nothing
    is dated."""
    days = _dates(events)
    if not days:
        return Markup("")
    axis = _Axis(days)
    height = LEGEND + LANE * len(events) + AXIS
    body = [_legend(), *(_lane(axis, event, LEGEND + LANE * n) for n, event in enumerate(events)),
            _axis(axis, LEGEND + LANE * len(events) + 8)]
    first, last = min(days), max(days)
    desc = f"{len(events)} event{'s' if len(events) != 1 else ''} from {first} to {last}: " + "; ".join(
        f"{e.title or 'untitled'} ({_span_text(e)})" for e in events)
    return Markup(
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-labelledby="tl-t tl-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tl-t">{escape(label)}</title><desc id="tl-d">{escape(desc)}</desc>'
        + "".join(body) + "</svg>")


class _Axis:
    """Piecewise-linear date axis: clusters of nearby dates, breaks between them."""

    def __init__(self, days: Sequence[date]):
        clusters: list[list[date]] = []
        for day in sorted(set(days)):
            if clusters and (day - clusters[-1][-1]).days <= CLUSTER_GAP_DAYS:
                clusters[-1].append(day)
            else:
                clusters.append([day])
        spans = [(c[0] - timedelta(days=1), max(c[-1] + timedelta(days=1),
                  c[0] - timedelta(days=1) + timedelta(days=MIN_CLUSTER_DAYS))) for c in clusters]
        room = WIDTH - 2 * MARGIN - BREAK * (len(spans) - 1)
        weights = [math.sqrt((b - a).days) for a, b in spans]
        self.segments = []
        x = float(MARGIN)
        for (a, b), w in zip(spans, weights):
            width = room * w / sum(weights)
            self.segments.append((a, b, x, x + width))
            x += width + BREAK

    def x(self, day: date) -> float:
        for a, b, x0, x1 in self.segments:
            if a <= day <= b:
                return x0 + (x1 - x0) * (day - a).days / max((b - a).days, 1)
        return self.segments[-1][3]


def _lane(axis: _Axis, event: TimelineLane, top: float) -> str:
    start, end = _day(event.start), _day(event.end)
    days = [d for d in (_day(a.date) for a in event.articles) if d]
    start = start or (min(days) if days else None)
    end = end or start
    title = _clip(str(event.title or "untitled event"), TITLE_CHARS)
    parts = [f'<g class="lane" id="tl-{escape(event.anchor or "")}">']
    if start is None:
        parts.append(f'<text class="ev-title" x="{MARGIN}" y="{top + 18}">{escape(title)} · date unknown</text></g>')
        return "".join(parts)
    x0, x1 = axis.x(start), axis.x(end or start)
    tx = min(x0, WIDTH - MARGIN - 7.2 * len(title))
    dashed = ' stroke-dasharray="4 3"' if event.inferred else ""
    note = " (dates inferred)" if event.inferred else ""
    parts.append(f'<a href="{escape(event.href or "#")}"><title>{escape(title)}: {escape(_span_text(event))}{note}</title>'
                 f'<text class="ev-title" x="{max(MARGIN, tx):.1f}" y="{top + 18}">{escape(title)}</text>'
                 f'<rect class="ev-bar" x="{x0 - 4:.1f}" y="{top + 26}" width="{max(x1 - x0, 0) + 8:.1f}" '
                 f'height="10" rx="3"{dashed}/></a>')
    parts.extend(_markers(axis, event.articles, top + 50, start))
    parts.append("</g>")
    return "".join(parts)


def _markers(axis: _Axis, articles: Sequence[TimelineRow], y: float, fallback: date) -> list[str]:
    """One marker per article at its date; articles on the same day sit side by side around it,
    previews to the left of reports (undated articles sit at their event, so this keeps the order
    a reader expects)."""
    by_day: dict[date, list[TimelineRow]] = {}
    for article in articles:
        by_day.setdefault(_day(article.date) or fallback, []).append(article)
    out = []
    for day, group in sorted(by_day.items()):
        group.sort(key=lambda a: (a.role != "preview", str(a.date or "")))
        for n, article in enumerate(group):
            x = axis.x(day) + (n - (len(group) - 1) / 2) * (MARK_R * 2 + 3)
            out.append(_marker(article, x, y))
    return out


def _marker(article: TimelineRow, x: float, y: float) -> str:
    preview = article.role == "preview"
    inferred = article.inferred or not _day(article.date)
    cls = f'mk mk-{"preview" if preview else "report"}{" mk-inferred" if inferred else ""}'
    shape = (f'<path class="{cls}" d="M{x:.1f} {y - 8} l8 8 l-8 8 l-8 -8 z"/>' if preview
             else f'<circle class="{cls}" cx="{x:.1f}" cy="{y}" r="{MARK_R}"/>')
    when = str(article.date or "undated")
    tip = (f'{article.role or "report"}, {when}{" (date inferred)" if inferred else ""}: '
           f'{article.title or ""}')
    return (f'<a href="{escape(article.href or "#")}" aria-label="{escape(tip)}">'
            f"<title>{escape(tip)}</title>{shape}</a>")


def _axis(axis: _Axis, y: float) -> str:
    parts = [f'<g class="axis" transform="translate(0 {y})">']
    for n, (a, b, x0, x1) in enumerate(axis.segments):
        parts.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="0" y2="0"/>')
        parts.extend(_ticks(a, b, x0, x1))
        if n + 1 < len(axis.segments):
            nxt = axis.segments[n + 1]
            gap = _gap_text((nxt[0] - b).days)
            mid = (x1 + nxt[2]) / 2
            parts.append(f'<path class="break" d="M{x1 + 8:.1f} 6 l6 -12 M{x1 + 16:.1f} 6 l6 -12"/>'
                         f'<text class="gap" x="{mid:.1f}" y="-8" text-anchor="middle">{escape(gap)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _ticks(a: date, b: date, x0: float, x1: float) -> list[str]:
    total = max((b - a).days, 1)
    step = max(1, math.ceil(total / max((x1 - x0) / TICK_SPACING, 1)))
    out, last_year = [], None
    for k in range(1, total, step):
        day = a + timedelta(days=k)
        x = x0 + (x1 - x0) * k / total
        year = f"{day.year}" if day.year != last_year else ""
        last_year = day.year
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="5"/>'
                   f'<text x="{x:.1f}" y="18" text-anchor="middle">{day.strftime("%b")} {day.day}</text>'
                   + (f'<text class="year" x="{x:.1f}" y="32" text-anchor="middle">{year}</text>' if year else ""))
    return out


def _legend() -> str:
    return ('<g class="legend" transform="translate(24 12)">'
            '<circle class="mk mk-report" cx="6" cy="6" r="6"/><text x="18" y="10">report</text>'
            '<path class="mk mk-preview" d="M86 -2 l8 8 l-8 8 l-8 -8 z"/><text x="100" y="10">preview</text>'
            '<circle class="mk mk-report mk-inferred" cx="176" cy="6" r="6"/>'
            '<text x="188" y="10">date inferred (dashed)</text>'
            '<rect class="ev-bar" x="356" y="1" width="30" height="10" rx="3"/>'
            '<text x="392" y="10">event span</text></g>')


def _dates(events: Sequence[TimelineLane]) -> list[date]:
    out: list[date] = []
    for event in events:
        out.extend(d for d in (_day(event.start), _day(event.end)) if d)
        out.extend(d for d in (_day(a.date) for a in event.articles) if d)
    return out


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _span_text(event: TimelineLane) -> str:
    start, end = event.start, event.end
    if not start:
        return "date unknown"
    return f"{start} to {end}" if end and end != start else str(start)


def _gap_text(days: int) -> str:
    if days >= 60:
        months = round(days / 30.4)
        return f"{months} months later"
    return f"{days} days later"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
