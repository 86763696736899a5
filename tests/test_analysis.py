"""``analyze`` end to end on the seeds, through the store and the CLI (real models)."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism.cli import app
from testkit import EXAMPLES, find_article

runner = CliRunner()


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory, language):
    path = tmp_path_factory.mktemp("analysis") / "seeds.db"
    with newsprism.open(path) as corpus:
        corpus.ingest(EXAMPLES)
        first = corpus.analyze(language)
        again = corpus.analyze(language)
    return path, first, again


def test_analysis_annotates_once_and_is_incremental(analyzed):
    _, first, again = analyzed
    assert first.annotated == 5 and again.annotated == 0
    assert (first.stories, first.events, first.groups) == (again.stories, again.events, again.groups)


def test_analysis_stories_json_interface(analyzed):
    path, _, _ = analyzed
    [story] = json.loads(runner.invoke(app, ["stories", "--db", str(path), "--json"]).stdout)
    assert {"id", "title", "articles", "outlets", "independent_sources", "start", "end", "events"} <= set(story)
    assert len(story["articles"]) == 5 and story["independent_sources"] == 5
    for event in story["events"]:
        assert {"id", "title", "start", "end", "articles"} <= set(event)
        assert all(item["role"] in ("preview", "report") for item in event["articles"])


SEED_PHRASES = {"000": "renewed promises not to send arms", "001": "highest-ranking U.S. official",
                "002": "five-and-a-half hours of talks", "003": "three-day trip to the People",
                "004": "according to State Department spokesperson Matthew Miller"}


def seed_events(corpus) -> list[set[str]]:
    """The stored story's events as sets of seed names, in time order."""
    articles = list(corpus.articles())
    [story] = corpus.stories()
    name = {find_article(articles, phrase).id: key for key, phrase in SEED_PHRASES.items()}
    return [{name[item.id] for item in event.articles} for event in story.events]


def test_analysis_seed_events_and_roles(analyzed):
    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        articles = list(corpus.articles())
        [story] = corpus.stories()
        events = seed_events(corpus)
    name = {find_article(articles, phrase).id: key for key, phrase in SEED_PHRASES.items()}
    assert events == [{"000", "001"}, {"002", "003", "004"}]  # in time order
    roles = {name[item.id]: item.role for event in story.events for item in event.articles}
    assert roles == {"000": "report", "001": "report", "002": "report", "003": "preview", "004": "preview"}


def test_analysis_story_json_adds_provenance_groups(analyzed):
    path, _, _ = analyzed
    [story] = json.loads(runner.invoke(app, ["stories", "--db", str(path), "--json"]).stdout)
    shown = json.loads(runner.invoke(app, ["story", story["id"][:6], "--db", str(path), "--json"]).stdout)
    assert len(shown["provenance_groups"]) == 5  # no copies or rewrites among the seeds
    assert all(group["members"] == [] for group in shown["provenance_groups"])


def test_analysis_report_has_story_page(analyzed, tmp_path):
    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        index = corpus.report(tmp_path / "r")
        [story] = corpus.stories()
    assert f'href="stories/{story.id}.html"' in index.read_text()
    page = (tmp_path / "r" / "stories" / f"{story.id}.html").read_text()
    assert page.count('class="event"') == 2 and "preview" in page


def test_analysis_headline_check_in_show_json(analyzed):
    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        articles = list(corpus.articles())
    spun = find_article(articles, "according to State Department spokesperson Matthew Miller")
    afp = find_article(articles, "renewed promises not to send arms")
    checks = {a.id: json.loads(runner.invoke(app, ["show", a.id, "--db", str(path), "--json"]).stdout)
              ["headline_check"] for a in (spun, afp)}
    assert checks[spun.id] == "disagree"
    assert checks[afp.id] == "agree"


def test_analysis_story_summary_covers_both_events_and_cites_carriers(analyzed):
    """GOLD: the story summary covers both events; every sentence cites an article that carries it."""
    path, _, _ = analyzed
    [story] = json.loads(runner.invoke(app, ["stories", "--db", str(path), "--json"]).stdout)
    shown = json.loads(runner.invoke(app, ["story", story["id"], "--db", str(path), "--json"]).stdout)
    with newsprism.open(path) as corpus:
        texts = {a.id: a.text for a in corpus.articles()}
    sentences = shown["summary"]["sentences"]
    assert sentences and shown["summary"]["summary"].startswith(sentences[0]["text"])
    event_of = {item["id"]: event["id"] for event in story["events"] for item in event["articles"]}
    covered = {event_of[s["citations"][0]] for s in sentences}
    assert covered == {event["id"] for event in story["events"]}
    for s in sentences:
        assert s["citations"] and set(s["citations"]) <= set(story["articles"])
        if s.get("contested"):  # "Disputed: “a” against “b”": each side is in a cited article
            sides = re.findall(r"“([^”]*)”", s["text"])
            assert len(sides) == 2 and all(any(side in texts[c] for c in s["citations"]) for side in sides)
            continue
        assert s["text"] in texts[s["citations"][0]]  # the first citation is the sentence's own article
        assert s["independent_sources"] == len(set(s["citations"]))  # no copies among the seeds
    for event in story["events"]:
        own = {item["id"] for item in event["articles"]}
        assert all(set(s["citations"]) <= own for s in shown["event_summaries"][event["id"]]["sentences"])


def test_analysis_claims_json_aligns_the_lethal_aid_assurance(analyzed):
    """GOLD: "China assured it will not provide lethal aid to Russia" is carried by 000 and 001,
    corroborated by two independent sources within one event; offsets point into the clean text."""
    path, _, _ = analyzed
    found = json.loads(runner.invoke(app, ["claims", "--db", str(path), "--json"]).stdout)
    with newsprism.open(path) as corpus:
        articles = list(corpus.articles())
    texts = {a.id: a.text for a in articles}
    afp = find_article(articles, "We -- and other countries -- have received assurances")
    epoch = find_article(articles, "With regard to lethal aid to Russia")
    for claim in found:
        assert {"id", "text", "status", "independent_sources", "carried_by", "contradicted_by"} <= set(claim)
        assert claim["status"] in ("corroborated", "single-source", "contested")
        for m in claim["carried_by"] + claim["contradicted_by"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    lethal = [c for c in found if "lethal" in c["text"] and "assurance" in " ".join(
        m["text"] for m in c["carried_by"])]
    assert any({m["article"] for m in c["carried_by"]} == {afp.id, epoch.id} and c["status"] == "corroborated"
               and c["independent_sources"] == 2 for c in lethal)
    one_event = json.loads(runner.invoke(app, ["claims", lethal[0]["event"][:10], "--db", str(path), "--json"]).stdout)
    assert one_event and all(c["event"] == lethal[0]["event"] for c in one_event)
    assert runner.invoke(app, ["claims", "--event", "nope-no-such", "--db", str(path)]).exit_code == 2


def test_analysis_timeline_json_orders_events_and_previews(analyzed):
    """GOLD: E1 (June 2023) before E2 (April 2024); in E2 the previews 003/004 before the report 002."""
    path, _, _ = analyzed
    [story] = json.loads(runner.invoke(app, ["timeline", "--db", str(path), "--json"]).stdout)
    first, second = story["events"]
    assert first["start"].startswith("2023-06") and second["end"].startswith("2024-04")
    assert [a["role"] for a in second["articles"]] == ["preview", "preview", "report"]
    placed = [a["placed"] for a in second["articles"]]
    assert placed == sorted(placed)
    assert all(a["inferred"] == (a["written_source"] not in ("published", "dateline", "url"))
               for e in story["events"] for a in e["articles"])
    text = runner.invoke(app, ["timeline", story["id"][:6], "--db", str(path)]).stdout
    assert text.index(f"{first['start']} .. {first['end']}") < text.index(f"{second['start']} .. {second['end']}")


def test_analysis_framing_panel_is_stored_and_shows_each_outlets_wording(analyzed):
    """GOLD: the Epoch Times copy's "CCP" beside the other outlets' names for China."""
    path, _, _ = analyzed
    [story] = json.loads(runner.invoke(app, ["stories", "--db", str(path), "--json"]).stdout)
    [panel] = json.loads(runner.invoke(app, ["framing", story["id"][:6], "--db", str(path), "--json"]).stdout)
    with newsprism.open(path) as corpus:
        epoch = find_article(list(corpus.articles()), "With regard to lethal aid to Russia")
    china = {o["outlet"]: {f["form"] for c in o["term_choices"] if c["referent"] == "China" for f in c["forms"]}
             for o in panel["outlets"]}
    [epoch_outlet] = [o["outlet"] for o in panel["outlets"] if epoch.id in o["articles"]]
    assert "CCP" in china[epoch_outlet]
    assert all("CCP" not in forms for outlet, forms in china.items() if outlet != epoch_outlet)
    assert sum(bool(forms) for forms in china.values()) == 5
    assert "RT" in china


def test_analysis_headline_judged_against_the_events_other_bodies(analyzed):
    """Issue 4: each headline against its own body and against the other articles of its event."""
    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        articles = list(corpus.articles())
        event_of = {i.id: e.id for s in corpus.stories() for e in s.events for i in e.articles}
    for article in articles:
        shown = json.loads(runner.invoke(app, ["show", article.id, "--db", str(path), "--json"]).stdout)
        check = shown["headline_vs_event"]
        assert check["verdict"] in ("agrees", "contradicts", "mixed", "not covered")
        others = {a.id for a in articles if event_of[a.id] == event_of[article.id]} - {article.id}
        assert {x["article"] for x in check["against"]} == others
    afp = find_article(articles, "We -- and other countries -- have received assurances")
    shown = json.loads(runner.invoke(app, ["show", afp.id, "--db", str(path), "--json"]).stdout)
    assert shown["headline_vs_event"]["verdict"] == "agrees"  # the Epoch Times body carries the same news


def test_analysis_fast_triage_then_full_run_upgrades(tmp_path, language, static_embedder):
    """``--fast``: static vectors, stories and events only; a later full run replaces the static
    annotations with MiniLM's and adds the rest; a fast run after a full one re-reads MiniLM's
    annotations with static vectors instead of parsing again."""
    from newsprism.nlp import NLP_VERSION, Language

    path = tmp_path / "fast.db"
    with newsprism.open(path) as corpus:
        corpus.ingest(EXAMPLES)
        fast = corpus.analyze(Language(vectors="static"), fast=True)
        assert fast.fast and fast.annotated == 5 and (fast.quotes, fast.claims) == (0, 0)
        assert set(a.version for a in corpus.store.annotations().values()) == {NLP_VERSION + "+static"}
        assert seed_events(corpus) == [{"000", "001"}, {"002", "003", "004"}]
        full = corpus.analyze(language)
        assert not full.fast and full.annotated == 5 and full.quotes > 0 and full.claims > 0
        assert set(a.version for a in corpus.store.annotations().values()) == {NLP_VERSION}
        again = corpus.analyze(Language(vectors="static"), fast=True)
        assert again.annotated == 0 and (again.stories, again.events) == (1, 2)
    result = runner.invoke(app, ["analyze", "--db", str(path), "--fast", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["fast"] is True


def test_analysis_reads_no_quotes_or_claims_out_of_other_languages(tmp_path, language):
    from newsprism.analysis import article_claims, article_quotes
    from newsprism.nlp import annotate

    french = tmp_path / "fr.txt"
    french.write_text("Le ministre a déclaré mardi : « Nous ne céderons pas », selon un communiqué publié à Paris.\n\n"
                      "Les syndicats ont annoncé une nouvelle grève pour jeudi, affirmant que 80 % des salariés "
                      "soutiennent le mouvement.\n", encoding="utf-8")
    with newsprism.open(tmp_path / "fr.db") as corpus:
        corpus.ingest([str(french), str(sorted(EXAMPLES.glob("*.txt"))[0])])
        articles = list(corpus.articles())
        assert {a.language for a in articles} == {"fr", "en"}
        quotes = article_quotes(corpus.store, articles, language)
        claims = article_claims(corpus.store, articles, {a.id: n for a, n in zip(articles, annotate(articles, language))},
                                quotes)
    by_language = {a.language: a.id for a in articles}
    assert quotes[by_language["fr"]] == [] and claims[by_language["fr"]] == []
    assert quotes[by_language["en"]] and claims[by_language["en"]]


class NoEmbedding:
    """A language for re-runs that must keep what is stored: any embedding is recomputed work."""

    def embed(self, texts):
        raise AssertionError("recomputed although nothing it depends on changed")


def event_of(store) -> dict[str, str]:
    return {a: v.event_id for a, v in store.assignments().items()}


def test_analysis_keeps_summaries_of_unchanged_stories(analyzed):
    """A re-run does not summarise a story again when nothing it depends on changed."""
    from newsprism.analysis import summarize_stories

    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        stored = corpus.store.findings("summary")
        [story] = corpus.stories()
        assert set(corpus.summary(story.id).to_dict()) == {"summary", "sentences"}  # the reuse key is a column
        rows, keys = summarize_stories(corpus.stories(), list(corpus.articles()), corpus.store.provenance_groups(),
                                       NoEmbedding(), claims=corpus.store.findings("claim"), store=corpus.store)
        stored_keys = corpus.store.finding_keys("summary")
    assert [row for _, _, row in rows] == stored and keys == stored_keys


def test_analysis_keeps_aligned_claims_of_unchanged_events(analyzed):
    """A re-run does not align an event's claims again when its members and provenance are unchanged."""
    from newsprism.analysis import align_event_claims

    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        store = corpus.store
        aligned, keys = align_event_claims(store.extractions("claims"), event_of(store), store.provenance_groups(),
                                           {}, NoEmbedding(), store=store)
        stored = store.findings("claim")
        assert set(keys) == {e.id for s in corpus.stories() for e in s.events}
    assert aligned == stored and stored


def test_analysis_keeps_event_headline_checks_of_unchanged_events(analyzed):
    from newsprism.analysis import event_headline_checks

    path, _, _ = analyzed
    with newsprism.open(path) as corpus:
        store = corpus.store
        rows, keys = event_headline_checks(list(corpus.articles()), event_of(store), {}, NoEmbedding(), store=store)
        stored = store.findings("headline")
    assert keys and [row for _, _, row in rows] == stored and stored
