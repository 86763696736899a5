"""Events on a time axis from synthetic articles: spans from reports, previews first, undated
articles placed from their event and marked inferred; records serialise to JSON."""
import json

from newsprism.model import Article, Event, EventArticle, Story
from newsprism.timeline import build_timeline, timeline_json


def make(article_id, text, *, published=None, headline="A headline", captions=(), provenance=None):
    return Article(id=article_id, source=f"t:{article_id}", url=None, canonical_url=None, headline=headline,
                   outlet=f"outlet {article_id}", byline=None, dateline=None, published=published, wire=None,
                   language="en", text=text, captions=captions,
                   provenance=provenance or ({"published": "html:article:published_time"} if published else {}))


def story(events, extra=()):
    ids = tuple(a.id for e in events for a in e.articles) + tuple(extra)
    return Story(id="s1", title="A story", articles=ids, outlets=(), independent_sources=1, start=None, end=None,
                 events=tuple(events))


def event(event_id, *members, start=None):
    return Event(id=event_id, title=event_id, start=start, end=start,
                 articles=tuple(EventArticle(id=i, role=r) for i, r in members))


ARTICLES = {a.id: a for a in [
    make("late", "The summit ended on Friday. Leaders met on Wednesday.", published="2024-04-26"),
    make("preview", "The minister travels to the summit on Wednesday, officials said."),  # no date at all
    make("early", "Talks ended on Tuesday, the ministry said.", published="2023-06-21"),
    make("captioned", "The talks went on, he said.", captions=("Leaders meet in Rome on June 19, 2023.",)),
]}


def test_events_in_time_order_with_spans_from_reports():
    events = [event("e2", ("preview", "preview"), ("late", "report")), event("e1", ("early", "report"))]
    [timeline] = build_timeline([story(events)], ARTICLES)
    assert [e.id for e in timeline.events] == ["e1", "e2"]
    e1, e2 = timeline.events
    assert (e1.start, e1.end, e1.source) == ("2023-06-20", "2023-06-20", "reports")
    assert (e2.start, e2.end) == ("2024-04-24", "2024-04-26")
    assert (timeline.start, timeline.end) == ("2023-06-20", "2024-04-26")


def test_undated_preview_placed_before_its_event_and_marked_inferred():
    [timeline] = build_timeline([story([event("e2", ("late", "report"), ("preview", "preview"))])], ARTICLES)
    preview, report = timeline.events[0].articles
    assert preview.role == "preview" and report.role == "report"
    assert preview.inferred and preview.written_source == "event" and preview.placed == "2024-04-23"
    assert preview.happening == "2024-04-24"  # its "on Wednesday", resolved against the inferred day
    [announced] = [ev for ev in preview.evidence if ev.use == "announced"]
    assert (announced.expression, announced.anchor_source) == ("on Wednesday", "event")
    assert not report.inferred and report.written_source == "published" and report.placed == "2024-04-26"
    assert {ev.expression for ev in report.evidence if ev.use == "happening"} == {"on Friday", "on Wednesday"}


def test_caption_date_anchors_an_undated_report_as_inferred():
    [timeline] = build_timeline([story([event("e1", ("captioned", "report"))])], ARTICLES)
    [article] = timeline.events[0].articles
    assert (article.written, article.written_source, article.inferred) == ("2023-06-19", "caption", True)
    assert article.evidence[0].use == "anchor" and article.evidence[0].where == "caption 1"
    assert "caption" in article.note


def test_articles_outside_events_are_listed_unplaced():
    [timeline] = build_timeline([story([event("e1", ("early", "report"))], extra=("late",))], ARTICLES)
    assert [a.id for a in timeline.unplaced] == ["late"]


def test_timeline_json_round_trips_and_filters_by_story_prefix():
    stories = [story([event("e1", ("early", "report"))])]
    out = timeline_json(stories, ARTICLES)
    assert json.loads(json.dumps(out)) == out
    assert out[0]["events"][0]["articles"][0]["evidence"][0]["rule"]
    assert timeline_json(stories, ARTICLES, story_id="s") == out
    assert timeline_json(stories, ARTICLES, story_id="zz") == []


def test_timeline_text_marks_inferred_placements():
    from newsprism.timeline import timeline_text

    [timeline] = build_timeline([story([event("e2", ("late", "report"), ("preview", "preview"))])], ARTICLES)
    text = timeline_text(timeline)
    preview_line = next(line for line in text.splitlines() if "outlet preview" in line)
    assert "~2024-04-23" in preview_line and "preview" in preview_line and "(event)" in preview_line
    assert "2024-04-24 .. 2024-04-26" in text


def test_a_stale_caption_date_does_not_stretch_an_event_dated_by_its_pages():
    stale = make("stale", "Leaders said the talks went well.", captions=("FILE PHOTO: Rome, March 2, 2024.",))
    articles = {**ARTICLES, "stale": stale}
    [timeline] = build_timeline([story([event("e2", ("late", "report"), ("stale", "report"))])], articles)
    assert (timeline.events[0].start, timeline.events[0].end) == ("2024-04-24", "2024-04-26")
    placed = {a.id: a for a in timeline.events[0].articles}
    assert placed["stale"].written_source == "caption" and placed["stale"].inferred


def test_timeline_text_names_a_page_without_outlet_by_its_id_prefix():
    from dataclasses import replace

    from newsprism.timeline import timeline_text

    nameless = replace(make("0123456789abcdef", "The summit ended on Friday.", published="2024-04-26"), outlet=None)
    articles = {**ARTICLES, nameless.id: nameless}
    [timeline] = build_timeline([story([event("e2", ("late", "report"), (nameless.id, "report"))])], articles)
    line = next(line for line in timeline_text(timeline).splitlines() if "2024-04-26  report" in line
                and "outlet late" not in line)
    assert "01234567: A headline" in line and "-:" not in line
