"""The seeds through the real pipeline, laid out in time (hand-checked in shared/seeds/GOLD.md):
E1 (June 18-19, 2023) before E2 (April 24-26, 2024); the two previews of E2 before its report;
the Epoch Times copy (no date line) placed in E1 by inference from its caption.

Articles are named by a phrase each contains, never by file name."""
import pytest

from testkit import EXAMPLES, find_article

import newsprism
from newsprism.timeline import build_timeline, timeline_json

AFP = "renewed promises not to send arms"  # 000, dateline June 19, 2023
EPOCH = "highest-ranking U.S. official to visit Beijing"  # 001, no date line
REUTERS = "five-and-a-half hours of talks"  # 002, report at the end of the April 2024 trip
RT = "travels to Beijing on Wednesday"  # 003, preview, no date
AGGREGATOR = "yet to be announced"  # 004, preview, only a file-photo caption date


@pytest.fixture(scope="module")
def seeds(tmp_path_factory, language):
    with newsprism.open(tmp_path_factory.mktemp("timeline") / "s.db") as corpus:
        corpus.ingest(EXAMPLES)
        corpus.analyze(language=language)
        stories = corpus.stories()
        articles = {a.id: a for a in corpus.articles()}
    return stories, articles


@pytest.fixture(scope="module")
def timeline(seeds):
    stories, articles = seeds
    [story] = build_timeline(stories, articles)
    return story


def ids(articles, *phrases):
    return {find_article(list(articles.values()), p).id for p in phrases}


def test_e1_before_e2_with_their_days(timeline, seeds):
    _, articles = seeds
    e1, e2 = timeline.events
    assert {a.id for a in e1.articles} == ids(articles, AFP, EPOCH)
    assert {a.id for a in e2.articles} == ids(articles, REUTERS, RT, AGGREGATOR)
    assert (e1.start, e1.end) == ("2023-06-18", "2023-06-19")
    assert (e2.start, e2.end) == ("2024-04-24", "2024-04-26")
    assert (timeline.start, timeline.end) == ("2023-06-18", "2024-04-26")


def test_previews_placed_before_the_report(timeline, seeds):
    _, articles = seeds
    e2 = timeline.events[1]
    roles = [(a.id, a.role) for a in e2.articles]
    assert {i for i, r in roles if r == "preview"} == ids(articles, RT, AGGREGATOR)
    assert roles[-1] == (find_article(list(articles.values()), REUTERS).id, "report")
    report = e2.articles[-1]
    assert report.placed == "2024-04-26"
    assert all(a.placed < report.placed <= "2024-04-26" and a.placed < e2.start for a in e2.articles[:-1])
    rt = next(a for a in e2.articles if a.id in ids(articles, RT))
    assert rt.inferred and rt.written_source == "event" and rt.happening == "2024-04-24"


def test_undated_epoch_times_copy_placed_in_e1_by_inference(timeline, seeds):
    _, articles = seeds
    epoch = next(a for a in timeline.events[0].articles if a.id in ids(articles, EPOCH))
    assert epoch.inferred and epoch.written_source in ("caption", "text")
    assert epoch.written.startswith("2023-06")
    assert {(e.expression, e.date) for e in epoch.evidence if e.use == "happening"} >= {
        ("June 18", "2023-06-18"), ("June 19", "2023-06-19")}


def test_reuters_report_dates_with_evidence(timeline, seeds):
    _, articles = seeds
    report = timeline.events[1].articles[-1]
    fridays = [e for e in report.evidence if e.expression == "on Friday"]
    assert fridays and all(e.date == "2024-04-26" and e.rule.startswith("weekday on or before") for e in fridays)
    assert all(e.anchor == "2024-04-26" and e.anchor_source == report.written_source for e in fridays)
    last_year = next(e for e in report.evidence if e.expression == "last year")
    assert (last_year.date, last_year.precision) == ("2023-01-01", "year")
    text = articles[report.id].text
    assert all(text[e.start:e.end] == e.expression for e in report.evidence if e.where == "text")


def test_timeline_json_for_the_cli(seeds):
    stories, articles = seeds
    [story] = timeline_json(stories, articles, story_id=stories[0].id[:6])
    assert [e["start"] for e in story["events"]] == ["2023-06-18", "2024-04-24"]
    assert all(a["note"] for e in story["events"] for a in e["articles"])
