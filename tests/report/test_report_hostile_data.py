"""Hostile text in every field (articles, stories, events, quotes, claims, framing, summaries,
timeline, figures, ids) renders inert: no script, no event-handler attribute, no javascript: link, no file
written outside the report folder."""
from __future__ import annotations

from dataclasses import replace

import pytest
from pagecheck import broken_links, pages

from newsprism.model import Article, Block, Event, EventArticle, GroupMember, ProvenanceGroup, Relation, RemovedLine, Story
from newsprism.report import ReportData, write_report

EVIL = '<script>alert(1)</script>"onmouseover="alert(2)" javascript:alert(3) \'><img src=x onerror=alert(4)>'
EVIL_ID = '../../"onmouseover=alert(5) javascript:x'
INDEX_SCRIPT = 1  # the table filter on the index page, the only script the report writes


def hostile_article(n: int) -> Article:
    text = f"{EVIL} said {EVIL}.\n\n{EVIL} {n}"
    return Article(id=f"{EVIL_ID}{n}", source=EVIL, url="javascript:alert(6)", canonical_url=EVIL, headline=EVIL,
                   outlet=EVIL if n else None, byline=EVIL, dateline=EVIL, published="2024-04-26", wire=EVIL,
                   language=EVIL, text=text, blocks=tuple(Block(text=t) for t in text.split("\n\n")),
                   removed=(RemovedLine(text=EVIL, reason=EVIL),), captions=(EVIL,), provenance={"headline": EVIL})


def hostile_data(a: Article, b: Article) -> ReportData:
    """Hostile text in every text field of every record the report reads (the JSON shapes a
    tampered store could hold, read as records)."""
    where = {"article": a.id, "text": EVIL, "start": 0, "end": len(EVIL)}
    variant = {**where, "speaker": EVIL, "speaker_text": EVIL, "speaker_start": len(EVIL) + 1, "speaker_end": len(EVIL) + 5,
               "cue": EVIL, "kind": EVIL, "variant": EVIL, "flags": [EVIL]}
    placed = {"outlet": EVIL, "headline": EVIL, "happening": EVIL, "happening_end": None, "note": EVIL, "evidence": [
        {"expression": EVIL, "where": EVIL, "start": 0, "end": 1, "date": EVIL, "precision": EVIL, "rule": EVIL,
         "anchor": EVIL, "anchor_source": EVIL, "use": EVIL}]}
    return ReportData.from_json(
        timeline=[{"id": EVIL_ID, "title": EVIL, "start": EVIL, "end": EVIL, "events": [
            {"id": EVIL_ID, "title": EVIL, "start": EVIL, "end": "2024-04-26", "source": EVIL, "articles": [
                {**placed, "id": a.id, "role": EVIL, "written": EVIL, "written_source": EVIL, "inferred": True,
                 "placed": EVIL},
                {**placed, "id": b.id, "role": "preview", "written": "2024-04-20", "written_source": EVIL,
                 "inferred": False, "placed": "2024-04-20"}]}]}],
        summaries={EVIL_ID: {"summary": EVIL, "sentences": [{"text": EVIL, "citations": [a.id, EVIL], "independent_sources": 1}]}},
        quotes=[{"id": EVIL_ID, "speaker": EVIL, "event": EVIL_ID, "independent_sources": 1, "flags": [EVIL],
                 "text": EVIL, "kind": EVIL, "variants": [variant, {**variant, "article": b.id, "variant": "different-speaker"}]}],
        claims=[{"id": EVIL, "event": EVIL_ID, "text": EVIL, "status": EVIL, "independent_sources": 2,
                 "carried_by": [where], "contradicted_by": [{**where, "article": b.id}], "details": {EVIL: [EVIL, {EVIL: EVIL}]}}],
        framing={EVIL_ID: {"version": EVIL, "groups": [], "notes": [EVIL], "outlets": [
            {"outlet": EVIL, "outlet_source": EVIL, "articles": [b.id], "words": 10,
             "term_choices": [{"group_id": EVIL, "referent": EVIL, "kind": EVIL, "forms": [{"form": EVIL, "count": 1}],
                               "distinctive": [EVIL]}],
             "loaded": [{"term": EVIL, "category": EVIL, "count": 1}],
             "loaded_words": [{"text": EVIL, "start": 0, "end": len(EVIL), "reason": EVIL, "quoted": False,
                               "article_id": b.id, "sentence_start": 0, "sentence_end": len(EVIL)}],
             "omissions": [{"claim_id": EVIL, "text": EVIL, "status": EVIL, "carried_by": [EVIL]}]}]}},
        figures=[{"id": EVIL, "event": EVIL_ID, "kind": EVIL, "thing": EVIL, "unit": EVIL, "status": EVIL,
                  "independent_sources": 1, "figures": [{**where, "kind": EVIL, "thing": EVIL, "unit": EVIL,
                                                          "value": 1.0, "sentence": EVIL, "quoted": True, "date": EVIL}],
                  "pairs": []}])


@pytest.fixture
def report(tmp_path):
    a, b = hostile_article(0), hostile_article(1)
    story = Story(id=EVIL_ID, title=EVIL, articles=(a.id, b.id), outlets=(EVIL,), independent_sources=1,
                  start=EVIL, end=EVIL, events=(Event(id=EVIL_ID, title=EVIL, start=EVIL, end=EVIL,
                                                      articles=(EventArticle(id=a.id, role=EVIL),)),))
    groups = [ProvenanceGroup(origin=a.id, members=(GroupMember(id=a.id, relation="origin"), GroupMember(id=b.id, relation=EVIL)))]
    relations = [Relation(source=a.id, target=b.id, kind=EVIL, score=0.9, evidence=EVIL)]
    out = tmp_path / "report"
    write_report([a, b], out, stories=[story], groups=groups, relations=relations,
                 headline_checks={a.id: {"label": EVIL, "evidence": [{"text": EVIL}]}}, data=hostile_data(a, b))
    return out


def test_report_hostile_text_everywhere_renders_inert(report):
    written = pages(report)
    assert len(written) == 5  # index, one story, one event, two articles
    for path, page in written.items():
        scripts = [t for t, _ in page.tags if t == "script"]
        assert len(scripts) == (INDEX_SCRIPT if path.name == "index.html" else 0), path
        assert not [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed")], path
        for tag, attrs in page.tags:
            assert not [k for k in attrs if k.startswith("on")], (path, tag, attrs)
            for key in ("href", "src", "xlink:href"):
                assert not (attrs.get(key) or "").strip().lower().startswith("javascript:"), (path, tag, attrs)
        html = path.read_text()
        assert "&lt;script&gt;alert(1)" in html or path.name == "index.html" and "&lt;script&gt;" in html


def test_report_hostile_ids_never_leave_the_report_folder(report):
    assert {p.parent.name for p in report.rglob("*.html")} <= {"report", "stories", "events", "articles"}
    assert not list(report.parent.glob("*.html"))
    assert broken_links(report) == []


def test_report_hostile_quote_and_claim_show_as_text_in_the_article(report):
    [page] = [p for p in (report / "articles").iterdir() if "onmouseover" not in p.name and p.read_text().count("hl-quote")][:1]
    html = page.read_text()
    assert 'class="hl hl-claim hl-quote hl-overlap"' in html or 'class="hl hl-quote' in html
    assert "&lt;img src=x onerror=alert(4)&gt;" in html


def test_report_plain_article_url_with_javascript_is_not_linked(tmp_path):
    article = replace(hostile_article(1), url="JavaScript:alert(1)")
    write_report([article], tmp_path)
    for page in pages(tmp_path).values():
        assert all(not (a.get("href") or "").lower().startswith("javascript") for _, a in page.tags)
