"""Report test helpers: the seeds' story and hand-made analysis output in the CLI's JSON shapes,
read into records by ``ReportData.from_json`` (unit tests only)."""
from __future__ import annotations

from testkit import find_article

from newsprism.model import Event, EventArticle, Story
from newsprism.report import ReportData

E1_PHRASE, E1B_PHRASE = "renewed promises not to send arms", "With regard to lethal aid"
E2_PHRASE, E2_PREVIEW, E2_PREVIEW_B = "I reiterated our serious concern", "travels to Beijing on Wednesday", "Matthew Miller"


def span(article, words: str) -> dict:
    """``{article, text, start, end}`` for words that occur in the article's clean text."""
    start = article.text.index(words)
    return {"article": article.id, "text": words, "start": start, "end": start + len(words)}


def seed_story(articles) -> Story:
    """The seeds' story as GOLD.md describes it (two events), hand-made for unit tests."""
    a0, a1 = find_article(articles, E1_PHRASE), find_article(articles, E1B_PHRASE)
    a2, a3, a4 = (find_article(articles, p) for p in (E2_PHRASE, E2_PREVIEW, E2_PREVIEW_B))
    e1 = Event(id="e-visit-2023", title="Blinken visits Beijing", start="2023-06-18", end="2023-06-19",
               articles=(EventArticle(id=a0.id, role="report"), EventArticle(id=a1.id, role="report")))
    e2 = Event(id="e-visit-2024", title="Blinken visits China again", start="2024-04-24", end="2024-04-26",
               articles=(EventArticle(id=a3.id, role="preview"), EventArticle(id=a4.id, role="preview"),
                         EventArticle(id=a2.id, role="report")))
    return Story(id="s-blinken", title="US presses China over Russia", articles=tuple(a.id for a in articles),
                 outlets=tuple(sorted({a.outlet for a in articles if a.outlet})), independent_sources=5,
                 start="2023-06-18", end="2024-04-26", events=(e2, e1))  # out of order on purpose


def seed_data(articles) -> ReportData:
    """Hand-made analysis output in the CLI's JSON shapes, with real offsets into the seeds, as records."""
    a0, a1 = find_article(articles, E1_PHRASE), find_article(articles, E1B_PHRASE)
    a2, a3, a4 = (find_article(articles, p) for p in (E2_PHRASE, E2_PREVIEW, E2_PREVIEW_B))
    assurance0 = span(a0, "We -- and other countries -- have received assurances from China")
    assurance1 = span(a1, "we and other countries have received assurances from China")
    express = span(a3, "We will express these concerns to China")
    quotes = [
        {"id": "q-assurance", "speaker": "Antony Blinken", "event": "e-visit-2023", "independent_sources": 2,
         "flags": [], "variants": [
             {**assurance0, "speaker": "Antony Blinken", "speaker_text": "Blinken", "cue": "told reporters",
              "kind": "direct", "variant": "verbatim", "flags": [], **_speaker(a0, "Blinken told reporters", "Blinken")},
             {**assurance1, "speaker": "Antony Blinken", "speaker_text": "he", "cue": "told reporters",
              "speaker_start": None, "speaker_end": None, "kind": "direct", "variant": "trimmed",
              "flags": ["pronoun-speaker"]}]},
        {"id": "q-express", "speaker": "State Department spokesman", "event": "e-visit-2024", "independent_sources": 1,
         "flags": ["possible-misattribution"], "variants": [
             {**express, "speaker": "Foreign Ministry spokesman", "speaker_text": "A Foreign Ministry spokesman",
              "cue": "said", "speaker_start": None, "speaker_end": None, "kind": "direct",
              "variant": "different-speaker", "flags": ["unnamed-speaker"]}]},
    ]
    claims = [
        {"id": "c-lethal", "event": "e-visit-2023", "text": "China assured it will not provide lethal aid to Russia",
         "status": "corroborated", "independent_sources": 2,
         "carried_by": [span(a0, "renewed promises not to send arms to Russia"),
                        span(a1, "it won’t supply Russia lethal aid")], "contradicted_by": [], "details": []},
        {"id": "c-goods", "event": "e-visit-2024", "text": "China supplies machine tools and microelectronics to Russia",
         "status": "corroborated", "independent_sources": 3,
         "carried_by": [span(a2, "machine tools, microelectronics, nitrocellulose"),
                        span(a3, "machine tools, microelectronics, optics"),
                        span(a4, "drone technology, satellite imagery, and machine tools")],
         "contradicted_by": [span(a2, "China has said it has not provided weaponry to any party")],
         "details": ["nitrocellulose (Amaravati Today)", "optics (RT)"]},
    ]
    story = seed_story(articles)
    timeline = [{"id": story.id, "title": story.title, "start": "2023-06-18", "end": "2024-04-26", "events": [
        {"id": "e-visit-2023", "title": "Blinken visits Beijing", "start": "2023-06-18", "end": "2023-06-19",
         "source": "reports", "articles": [
             _placed(a0, "report", "2023-06-19", "published", False, "June 19, 2023"),
             _placed(a1, "report", "2023-06-19", "text", False, "on June 19")]},
        {"id": "e-visit-2024", "title": "Blinken visits China again", "start": "2024-04-24", "end": "2024-04-26",
         "source": "reports", "articles": [
             _placed(a3, "preview", "2024-04-22", "inferred", True, "“travels to Beijing on Wednesday”"),
             _placed(a4, "preview", "2024-04-12", "inferred", True, "after the April 9 photo"),
             _placed(a2, "report", "2024-04-26", "text", False, "on Friday")]}]}]
    summaries = {story.id: {"summary": "…", "sentences": [
        {"text": "China has assured the United States it will not send lethal aid to Russia.", "citations": [a0.id, a1.id],
         "independent_sources": 2},
        {"text": "Blinken raised concerns about Chinese components powering Russia's war.", "citations": [a2.id],
         "independent_sources": 1}]}}
    framing = {story.id: {"version": "test", "groups": [], "outlets": [
        {"outlet": a2.outlet, "outlet_source": "outlet", "articles": [a2.id], "words": 900, "loaded_per_1000": 1.1,
         "own_voice_per_1000": 0.0,
         "term_choices": [_choice("Russia's war", ("brutal war of aggression", 1), distinctive=["brutal war of aggression"]),
                          _choice("China", ("China", 9), ("the PRC", 1), distinctive=["the PRC"])],
         "loaded": [{"term": "brutal", "category": "intensifier", "count": 1}],
         "omissions": [{"claim_id": "c-lethal", "text": "China assured it will not provide lethal aid to Russia",
                        "status": "omitted", "carried_by": ["Space Media Network"]}]},
        {"outlet": a1.outlet, "outlet_source": "outlet", "articles": [a1.id], "words": 400,
         "term_choices": [_choice("China", ("the CCP", 3), ("the Chinese regime", 1))],
         "loaded": [{"term": "regime", "category": "pejorative", "count": 1}], "omissions": []}]}}
    return ReportData.from_json(timeline=timeline, summaries=summaries, quotes=quotes, claims=claims, framing=framing)


def _placed(article, role: str, day: str, source: str, inferred: bool, note: str) -> dict:
    """A timeline-stage article placed on ``day``; ``note`` says how."""
    return {"id": article.id, "outlet": article.outlet, "headline": article.headline, "role": role, "written": day,
            "written_source": source, "inferred": inferred, "placed": day, "happening": None, "happening_end": None,
            "note": note, "evidence": []}


def _choice(referent: str, *forms: tuple[str, int], distinctive=()) -> dict:
    return {"group_id": referent, "referent": referent, "kind": "entity",
            "forms": [{"form": f, "count": n} for f, n in forms], "distinctive": list(distinctive)}


def _speaker(article, sentence: str, mention: str) -> dict:
    start = article.text.index(sentence)
    return {"speaker_start": start, "speaker_end": start + len(mention)}
