"""The SVG timeline: events in date order on a cut axis, shapes for roles, inferred dates marked."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from newsprism.report.charts import timeline_svg
from newsprism.report.views import TimelineLane, TimelineRow

SVG = "{http://www.w3.org/2000/svg}"


def lane(event_id: str, title: str, start: str | None, end: str | None, *articles: TimelineRow,
         href: str = "") -> TimelineLane:
    return TimelineLane(id=event_id, title=title, start=start, end=end, inferred=False, anchor=event_id,
                        href=href, articles=articles)


def row(role: str, day: str | None, href: str = "", title: str = "", inferred: bool = False) -> TimelineRow:
    return TimelineRow(id=title or "x", role=role, date=day, inferred=inferred, date_source=None, evidence="",
                       title=title, outlet="", href=href)


def events():
    return [
        lane("e1", "First visit", "2023-06-18", "2023-06-19", row("report", "2023-06-19", "a.html", "A"), href="e1.html"),
        lane("e2", "Second <visit>", "2024-04-24", "2024-04-26", row("preview", "2024-04-22", "b.html", "B", True),
             row("report", "2024-04-26", "c.html", "C"), href="e2.html"),
    ]


def test_timeline_is_valid_svg_with_title_and_description():
    svg = timeline_svg(events(), label="Timeline of X")
    root = ET.fromstring(str(svg))
    assert root.find(f"{SVG}title").text == "Timeline of X"
    desc = root.find(f"{SVG}desc").text
    assert "2 events from 2023-06-18 to 2024-04-26" in desc and "Second <visit>" in desc  # escaped, then parsed back


def test_timeline_places_events_in_date_order_and_cuts_the_long_gap():
    root = ET.fromstring(str(timeline_svg(events(), label="t")))
    bars = [float(r.get("x")) for r in root.iter(f"{SVG}rect") if r.get("class") == "ev-bar" and r.get("y") != "1"]
    assert len(bars) == 2 and bars[0] < bars[1]
    gaps = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "gap"]
    assert gaps == ["10 months later"]


def test_timeline_marks_previews_reports_and_inferred_dates_in_shape_and_words():
    svg = str(timeline_svg(events(), label="t"))
    assert 'class="mk mk-preview mk-inferred"' in svg and "preview, 2024-04-22 (date inferred): B" in svg
    assert svg.count('<circle class="mk mk-report"') == 3  # two articles + the legend
    root = ET.fromstring(svg)
    xs = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert {"a.html", "b.html", "c.html", "e1.html", "e2.html"} <= set(xs)


def test_timeline_undated_articles_sit_at_their_event_as_inferred_and_nothing_dated_draws_nothing():
    undated = [lane("e", "T", "2024-01-02", None, row("preview", None), row("report", "2024-01-02"))]
    svg = str(timeline_svg(undated, label="t"))
    preview_x = float(re.search(r'mk-preview mk-inferred" d="M([\d.]+)', svg).group(1))
    report_x = float(re.search(r'<circle class="mk mk-report" cx="([\d.]+)"', svg[svg.index("</g>"):]).group(1))
    assert preview_x < report_x  # previews left of reports on the same day
    assert timeline_svg([lane("x", "T", None, None)], label="t") == ""
