"""Alerts read from the findings: raised by what the fresh articles made, once, and never by what
older articles already showed (synthetic stores: no analysis)."""
from __future__ import annotations

from newsprism.claims.records import AlignedClaim, ClaimMention
from newsprism.model import Event, EventArticle, Story
from newsprism.quotes.align import AlignedQuote, QuoteVariant
from newsprism.store import SQLiteStore
from newsprism.watch import SeenItem, find_alerts
from newsprism.watch.alerts import made_by_fresh


def story(sid: str, events: dict[str, list[str]]) -> Story:
    built = tuple(Event(id=eid, title=f"event {eid}", start="2026-12-01", end="2026-12-02",
                        articles=tuple(EventArticle(id=a, role="report") for a in ids))
                  for eid, ids in events.items())
    articles = tuple(a for ids in events.values() for a in ids)
    return Story(id=sid, title=f"story {sid}", articles=articles, outlets=(), independent_sources=len(articles),
                 start="2026-12-01", end="2026-12-02", events=built)


def claim(cid: str, carried: list[str], against: list[str]) -> AlignedClaim:
    return AlignedClaim(id=cid, event="e1", text="The dam failed.", status="contested" if against else "corroborated",
                        independent_sources=len(carried),
                        carried_by=tuple(ClaimMention(article=a, text="The dam failed", start=0, end=14) for a in carried),
                        contradicted_by=tuple(ClaimMention(article=a, text="The dam held", start=0, end=12)
                                              for a in against))


def variant(article: str, *, variant: str = "verbatim", flags: tuple[str, ...] = (), speaker: str = "Ana Diaz",
            text: str = "We will rebuild the dam before the winter comes.") -> QuoteVariant:
    return QuoteVariant(article=article, text=text, start=0, end=len(text), speaker=speaker, speaker_text=speaker,
                        speaker_start=None, speaker_end=None, cue="said", kind="direct", variant=variant, flags=flags)


def quote(qid: str, variants: list[QuoteVariant], flags: tuple[str, ...]) -> AlignedQuote:
    return AlignedQuote(id=qid, speaker="Ana Diaz", event="e1", variants=tuple(variants), independent_sources=2,
                        flags=flags, text=variants[0].text)


def test_alerts_made_by_fresh_sides():
    assert made_by_fresh([{"new"}, {"old"}], {"new"})
    assert not made_by_fresh([{"old", "new"}, {"old2"}], {"new"})  # both sides stood already
    assert not made_by_fresh([{"old"}, {"old2"}], {"new"})
    assert made_by_fresh([{"new"}, set()], {"new"})


def test_alerts_new_event_only_in_followed_story_with_older_articles(tmp_path):
    store = SQLiteStore(tmp_path / "a.db")
    stories = [story("s1", {"e1": ["old1", "old2"], "e2": ["new1", "new2"]}),
               story("s2", {"e3": ["new3"]}),  # a wholly new story: not a development
               story("s3", {"e4": ["old3"], "e5": ["old4", "new4"]})]  # a fresh article joined an older event
    store.save_analysis([], [], [], stories)
    fresh = {"new1", "new2", "new3", "new4"}
    found = find_alerts(store, fresh)
    assert [(a.kind, a.story, a.event) for a in found] == [("new-event", "s1", "e2")]
    assert found[0].articles == ("new1", "new2") and "story s1" in found[0].message
    store.follow("s3")  # following one story: only its events alert
    assert find_alerts(store, fresh) == []


def test_alerts_newly_contested_claims(tmp_path):
    store = SQLiteStore(tmp_path / "a.db")
    store.save_findings("claim", [
        ("c1", "e1", claim("c1", ["old1"], ["new1"])),  # newly contested
        ("c2", "e1", claim("c2", ["old1", "new1"], ["old2"])),  # contested before, one more carrier
        ("c3", "e1", claim("c3", ["new1", "new2"], [])),  # not contested
    ])
    found = find_alerts(store, {"new1", "new2"})
    assert [(a.kind, a.finding) for a in found] == [("contested-claim", "c1")]
    assert found[0].articles == ("new1", "old1") and found[0].detail["contradicted_by"][0]["article"] == "new1"


def test_alerts_altered_quotes_and_misattributions(tmp_path):
    store = SQLiteStore(tmp_path / "a.db")
    store.save_findings("quote", [
        ("q1", "s1", quote("q1", [variant("old1"), variant("new1", variant="reworded", flags=("altered-quote",),
                                                            text="We will rebuild it before winter.")],
                           ("altered-quote",))),
        ("q2", "s1", quote("q2", [variant("old1"), variant("old2", variant="reworded", flags=("altered-quote",)),
                                  variant("new1")], ("altered-quote",))),  # the difference was there before
        ("q3", "s1", quote("q3", [variant("old1"), variant("new2", variant="different-speaker", speaker="Bo Li",
                                                            flags=("possible-misattribution",))],
                           ("possible-misattribution",))),
    ])
    found = find_alerts(store, {"new1", "new2"})
    assert [(a.kind, a.finding) for a in found] == [("altered-quote", "q1"), ("misattribution", "q3")]
    assert "Ana Diaz" in found[0].message and found[1].detail["variants"][1]["speaker"] == "Bo Li"


def test_alerts_raised_once_and_fresh_articles_read_once(tmp_path):
    store = SQLiteStore(tmp_path / "a.db")
    store.save_analysis([], [], [], [story("s1", {"e1": ["old1"], "e2": ["new1"]})])
    store.mark_seen([SeenItem(feed="f", key="1", article="new1")])
    fresh = store.unalerted_articles()
    stored = store.save_alerts(find_alerts(store, fresh), articles=fresh)
    assert [a.key for a in stored] == ["new-event:e2"]
    assert store.unalerted_articles() == [] and find_alerts(store, store.unalerted_articles()) == []
    assert store.save_alerts(find_alerts(store, {"new1"})) == []  # the key guards a second raise
