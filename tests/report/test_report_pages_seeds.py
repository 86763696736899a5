"""The seeds' report with hand-made analysis output (the CLI's JSON shapes read into records, real offsets): what each
page shows, and that every link lands on a page and an anchor that exist."""
from __future__ import annotations

import re

import pytest
from reportkit import seed_data, seed_story
from pagecheck import broken_links
from testkit import find_article

from newsprism.report import write_report


@pytest.fixture(scope="module")
def report(seed_articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("report-pages")
    write_report(seed_articles, out, stories=[seed_story(seed_articles)], data=seed_data(seed_articles))
    return out


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_report_every_internal_link_resolves(report):
    assert broken_links(report) == []
    assert sorted(p.name for p in (report / "events").iterdir()) == ["e-visit-2023.html", "e-visit-2024.html"]


def test_report_story_page_orders_events_in_time_and_cites_the_summary(report, seed_articles):
    html = (report / "stories" / "s-blinken.html").read_text()
    assert html.index('id="ev-e-visit-2023"') < html.index('id="ev-e-visit-2024"')  # Story gave them reversed
    lethal = find_article(seed_articles, "renewed promises")
    summary = html[html.index('<ol class="summary"'):html.index("</ol>", html.index('<ol class="summary"'))]
    assert f'href="../articles/{lethal.id}.html"' in summary and "2 independent sources" in summary
    assert "<svg" in html and "10 months later" in html and "(inferred)" in html


def test_report_coverage_matrix_cells_are_words_not_only_colour(report):
    html = (report / "stories" / "s-blinken.html").read_text()
    table = html[html.index('<table class="matrix"'):html.index("</table>", html.index('<table class="matrix"'))]
    rows = [text(r) for r in table.split("<tr>")[2:]]
    assert "C1 China assured it will not provide lethal aid" in rows[0]
    # the three outlets of the 2024 visit reported another event: not "omitted" but "other event"
    assert rows[0].count("carried") == 2 and rows[0].count("other event") == 3 and "corroborated" in rows[0]
    assert "omitted" not in rows[0]
    assert rows[1].count("carried") == 2 and "contradicts" in rows[1]


def test_report_quote_table_shows_variants_and_both_attributions(report):
    html = (report / "events" / "e-visit-2024.html").read_text()
    row = html[html.index('id="quote-q-express"'):html.index("</tr>", html.index('id="quote-q-express"'))]
    assert "different-speaker" in row and "Possible misattribution" in row
    assert "Foreign Ministry spokesman" in row and "State Department spokesman" in row
    first = (report / "events" / "e-visit-2023.html").read_text()
    row = first[first.index('id="quote-q-assurance"'):first.index("</tr>", first.index('id="quote-q-assurance"'))]
    assert "verbatim" in row and "trimmed" in row and "Space Media Network" in row


def test_report_outlet_panel_shows_framing_terms_side_by_side(report):
    html = (report / "stories" / "s-blinken.html").read_text()
    panel = text(html[html.index('id="outlets-h"'):html.index('id="copies-h"')])
    assert "the CCP ×3" in panel and "the Chinese regime ×1" in panel and "brutal war of aggression" in panel
    assert "Leaves out" in panel and "C1 China assured" in panel  # RT leaves the 2023 claim out
    table = html[html.index('<table class="terms-table"'):html.index("</table>", html.index('<table class="terms-table"'))]
    [china] = [text(r) for r in table.split("<tr>") if "<th scope=\"row\">China</th>" in r]
    assert "the CCP ×3" in china and "the PRC ×1" in china  # one row, the outlets side by side
    assert "1.1 per 1,000 words" in panel


def test_report_article_page_highlights_quotes_and_claims_linking_back(report, seed_articles):
    article = find_article(seed_articles, "renewed promises")
    html = (report / "articles" / f"{article.id}.html").read_text()
    assert 'id="q-q-assurance"' in html and 'id="c-c-lethal"' in html
    quote = re.search(r'<a class="hl hl-quote" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert quote.group(1) == "../events/e-visit-2023.html#quote-q-assurance"
    assert quote.group(2).startswith("We -- and other countries")
    assert 'class="hl hl-speaker"' in html and "resolved to Antony Blinken" in html
    assert 'href="../events/e-visit-2023.html#claim-c-lethal"' in html
    assert "Blinken visits Beijing" in html  # breadcrumb names the event


def test_report_article_page_marks_a_contradiction(report, seed_articles):
    article = find_article(seed_articles, "I reiterated our serious concern")
    html = (report / "articles" / f"{article.id}.html").read_text()
    assert re.search(r'class="hl hl-contradiction"[^>]*>China has said it has not provided weaponry', html)


def test_report_without_data_still_draws_the_timeline_from_stories(seed_articles, tmp_path):
    write_report(seed_articles, tmp_path, stories=[seed_story(seed_articles)])
    html = (tmp_path / "stories" / "s-blinken.html").read_text()
    assert "<svg" in html and "No aligned claims" in html and "No aligned quotes" in html
    assert broken_links(tmp_path) == []


def test_report_reads_the_timeline_stage_shape(seed_articles, tmp_path):
    """The timeline stage's records ({id, events: [{source, articles: [{placed, written_source,
    note, evidence}]}], unplaced}) place articles and say how."""
    from dataclasses import replace as with_

    from newsprism.report import ReportData

    story = seed_story(seed_articles)
    rt, miller = find_article(seed_articles, "travels to Beijing on Wednesday"), find_article(seed_articles, "Matthew Miller")
    report = find_article(seed_articles, "I reiterated our serious concern")
    evidence = [{"expression": "on Wednesday", "where": "text", "start": 0, "end": 1, "date": "2024-04-24",
                 "precision": "day", "rule": "weekday after anchor (future)", "anchor": "2024-04-22",
                 "anchor_source": "event", "use": "announced"}]
    stage = {"id": story.id, "title": story.title, "start": "2024-04-26", "end": "2024-04-26", "events": [
        {"id": "e-visit-2024", "title": "Blinken visits China again", "start": "2024-04-26", "end": "2024-04-26",
         "source": "reports", "articles": [
             {**_unnamed(), "id": rt.id, "role": "preview", "written": "2024-04-22", "written_source": "event", "inferred": True,
              "placed": "2024-04-22", "note": "placed before the day it announces", "evidence": evidence},
             {**_unnamed(), "id": report.id, "role": "report", "written": "2024-04-26", "written_source": "published",
              "inferred": False, "placed": "2024-04-26", "note": "", "evidence": []}]}],
        "unplaced": [{**_unnamed(), "id": miller.id, "role": "preview", "written": None, "written_source": "none", "inferred": True,
                      "placed": None, "note": "no date found", "evidence": []}]}
    write_report(seed_articles, tmp_path, stories=[with_(story, events=story.events[:1])],
                 data=ReportData.from_json(timeline=[stage]))
    html = (tmp_path / "stories" / "s-blinken.html").read_text()
    assert "preview, 2024-04-22 (date inferred)" in html  # the chart's mark
    assert "placed before the day it announces; “on Wednesday” → 2024-04-24 (weekday after anchor (future))" in html
    unplaced = html[html.index("Not placed on the time axis"):]
    assert miller.id in unplaced and "no date found" in unplaced
    assert broken_links(tmp_path) == []


def _unnamed() -> dict:
    """Timeline-article fields this test does not look at."""
    return {"outlet": None, "headline": None, "happening": None, "happening_end": None}
