"""Story and event summaries: every event gets a share, contested claims are stated as contested."""
from __future__ import annotations

from newsprism.claims.records import AlignedClaim
from newsprism.model import Article, Event, EventArticle, Story
from newsprism.summarize.dossier import MIN_EVENT_WORDS, disputed, event_budgets, event_disputes, story_summaries


def _article(aid: str, text: str, published: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", url=None, canonical_url=None, headline=None, outlet=None,
                   byline=None, dateline=None, published=published, wire=None, language="en", text=text)


def test_dossier_budget_gives_every_event_a_floor():
    budgets = event_budgets({"big": 40, "small": 1}, 260)
    assert budgets["big"] > budgets["small"] >= MIN_EVENT_WORDS
    assert event_budgets({}, 260) == {}


def test_dossier_disputed_sentence_quotes_both_sides_and_counts_groups():
    claim = AlignedClaim.from_dict({
        "id": "c1", "event": "e1", "text": "The dam failed.", "status": "contested", "independent_sources": 1,
        "carried_by": [{"article": "a", "text": "The dam failed", "start": 0, "end": 14},
                       {"article": "b", "text": "The dam failed", "start": 0, "end": 14}],
        "contradicted_by": [{"article": "c", "text": "The dam did not fail", "start": 0, "end": 20}]})
    sentence = disputed(claim, {"b": "a"})  # b is a copy of a: one source
    assert sentence["text"] == "Disputed: “The dam failed” against “The dam did not fail”."
    assert sentence["citations"] == ["a", "b", "c"] and sentence["independent_sources"] == 2
    assert sentence["contested"] is True


def test_dossier_dispute_carried_by_both_sides_is_stated_once():
    failed = {"article": "a", "text": "The dam failed", "start": 0, "end": 14}
    held = {"article": "c", "text": "The dam did not fail", "start": 0, "end": 20}
    one_side = AlignedClaim.from_dict({"id": "c1", "event": "e1", "text": "The dam failed.", "status": "contested",
                                       "independent_sources": 1, "carried_by": [failed], "contradicted_by": [held]})
    other_side = AlignedClaim.from_dict({"id": "c2", "event": "e1", "text": "The dam did not fail.",
                                         "status": "contested", "independent_sources": 1,
                                         "carried_by": [held], "contradicted_by": [failed]})
    undisputed = AlignedClaim.from_dict({"id": "c3", "event": "e1", "text": "Rain fell.", "status": "single-source",
                                         "independent_sources": 1,
                                         "carried_by": [{"article": "a", "text": "Rain fell", "start": 20, "end": 29}]})
    sentences = event_disputes([one_side, other_side, undisputed], {})
    assert [s["text"] for s in sentences] == ["Disputed: “The dam failed” against “The dam did not fail”."]


def test_dossier_story_summary_covers_each_event_and_states_disputes(language):
    flood = [_article("f1", "A flood hit the river town of Avon on Monday. Hundreds of homes were evacuated "
                            "as the water rose. The mayor said the dam held.", "2024-03-04"),
             _article("f2", "Floodwater swept through Avon on Monday, forcing hundreds of families from "
                            "their homes. Officials said the dam did not fail.", "2024-03-05")]
    fire = [_article("g1", "A fire destroyed a warehouse in Avon in May. Nobody was hurt in the blaze, "
                           "firefighters said.", "2024-05-20")]
    story = Story(id="s1", title="Avon", articles=("f1", "f2", "g1"), outlets=(), independent_sources=3,
                  start="2024-03-04", end="2024-05-20",
                  events=(Event(id="e-fire", title="fire", start="2024-05-20", end="2024-05-20",
                                articles=(EventArticle(id="g1", role="report"),)),
                          Event(id="e-flood", title="flood", start="2024-03-04", end="2024-03-05",
                                articles=(EventArticle(id="f1", role="report"), EventArticle(id="f2", role="report")))))
    claim = AlignedClaim.from_dict({
        "id": "c2", "event": "e-flood", "text": "the dam held", "status": "contested", "independent_sources": 1,
        "carried_by": [{"article": "f1", "text": "the dam held", "start": 0, "end": 1}],
        "contradicted_by": [{"article": "f2", "text": "the dam did not fail", "start": 0, "end": 1}]})
    out = story_summaries(story, {a.id: a for a in flood + fire}, group_of={}, language=language,
                          story_words=60, claims=[claim])
    assert set(out) == {"s1", "e-fire", "e-flood"}
    sentences = out["s1"]["sentences"]
    own = [s["citations"][0] for s in sentences if not s.get("contested")]
    assert {"g1"} & set(own) and {"f1", "f2"} & set(own)  # both events are in the story summary
    assert own.index(next(c for c in own if c in ("f1", "f2"))) < own.index("g1")  # flood (March) first
    assert [s for s in out["e-flood"]["sentences"] if s.get("contested")]
    assert not [s for s in out["e-fire"]["sentences"] if s.get("contested")]
