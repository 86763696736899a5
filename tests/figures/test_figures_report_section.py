"""The story page shows a "Figures" section, disagreements first, every value escaped."""
from __future__ import annotations

from newsprism.model import Article, Event, EventArticle, Story
from newsprism.records import jsonable
from newsprism.report import ReportData, write_report
from newsprism.figures import align_figures, extract_figures

EVIL = "<script>alert(1)</script>"


def article(aid: str, text: str) -> Article:
    return Article(id=aid, source="x", url=None, canonical_url=None, headline=f"{aid} {EVIL}", outlet=f"Outlet {aid}",
                   byline=None, dateline=None, published="2024-05-05", wire=None, language="en", text=text)


def test_story_page_lists_disagreements_first_escaped(tmp_path):
    a = article("a1", f"Five people were evacuated. Twelve people were killed {EVIL}.")
    b = article("b2", "Five people were evacuated. The blast killed 15 people.")
    found = {x.id: extract_figures(x.text, article=x.id, date=x.published) for x in (a, b)}
    figures = jsonable(align_figures(found, event="e1"))
    figures[0]["figures"][0]["text"] = EVIL  # a hostile stored value renders inert
    story = Story(id="s1", title="Blast", articles=("a1", "b2"), outlets=("Outlet a1", "Outlet b2"),
                  independent_sources=2, start="2024-05-05", end="2024-05-05",
                  events=(Event(id="e1", title="Blast", start="2024-05-05", end="2024-05-05",
                                articles=(EventArticle(id="a1", role="report"), EventArticle(id="b2", role="report"))),))
    write_report([a, b], tmp_path, stories=[story], data=ReportData.from_json(figures=figures))
    page = (tmp_path / "stories" / "s1.html").read_text(encoding="utf-8")
    section = page[page.index('id="figures-h"'):page.index('id="quotes-h"')]
    assert "<script>" not in section and "&lt;script&gt;" in section
    assert section.index("disagree") < section.index("agree</span>")
    assert "12" not in section.split("disagree")[0]  # the status comes before its figures
    assert "15" in section and "evacuated" in section


def test_event_page_has_its_figures(tmp_path):
    a = article("a1", "Twelve people were killed.")
    b = article("b2", "The blast killed 15 people.")
    figures = align_figures({x.id: extract_figures(x.text, article=x.id) for x in (a, b)}, event="e1")
    story = Story(id="s1", title="Blast", articles=("a1", "b2"), outlets=(), independent_sources=2, start=None,
                  end=None, events=(Event(id="e1", title="Blast", start=None, end=None,
                                          articles=(EventArticle(id="a1", role="report"),
                                                    EventArticle(id="b2", role="report"))),))
    write_report([a, b], tmp_path, stories=[story], data=ReportData(figures=figures))
    page = (tmp_path / "events" / "e1.html").read_text(encoding="utf-8")
    section = page[page.index('id="figures-h"'):page.index('id="claims-h"')]
    assert "disagree" in section and 'href="../articles/a1.html"' in section
