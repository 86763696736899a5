"""The framing panel's loaded words in the report: listed on the outlet card, each linking to its
sentence on the article page, where the word is highlighted and says why it was flagged."""
from __future__ import annotations

import dataclasses
import html

import pytest
from pagecheck import broken_links
from reportkit import E2_PHRASE, seed_data, seed_story
from testkit import find_article

from newsprism.framing import LoadedWord
from newsprism.report import write_report


@pytest.fixture(scope="module")
def report(seed_articles, tmp_path_factory):
    data = seed_data(seed_articles)
    article = find_article(seed_articles, E2_PHRASE)
    start = article.text.index("brutal")
    sentence_start = article.text.rfind(".", 0, start) + 1
    word = {"text": "brutal", "start": start, "end": start + 6, "quoted": True, "kind": "intensifier",
            "term": "brutal", "probability": 0.91, "reason": "loaded term: intensifier (lexicon; model p=0.91)",
            "article_id": article.id, "sentence_start": sentence_start,
            "sentence_end": article.text.index(".", start) + 1}
    story = seed_story(seed_articles)
    panel = data.framing[story.id]
    first = dataclasses.replace(panel.outlets[0], loaded_words=(LoadedWord(**word),))
    out = tmp_path_factory.mktemp("report-loaded")
    write_report(seed_articles, out, stories=[story], data=dataclasses.replace(
        data, framing={story.id: dataclasses.replace(panel, outlets=(first, *panel.outlets[1:]))}))
    return out, article, word


def test_outlet_card_links_each_loaded_word_to_its_sentence(report):
    out, article, word = report
    story = (out / "stories" / "s-blinken.html").read_text()
    link = f'href="../articles/{article.id}.html#lw-{word["start"]}"'
    assert link in story
    sentence = article.text[word["sentence_start"]:word["sentence_end"]].strip()
    assert sentence in html.unescape(story[story.index(link):story.index("</a>", story.index(link))])
    assert "quoted, a source's word" in html.unescape(story)


def test_article_page_highlights_the_word_with_its_reason(report):
    out, article, word = report
    page = (out / "articles" / f"{article.id}.html").read_text()
    assert f'id="lw-{word["start"]}"' in page and "hl-loaded" in page
    assert "model p=0.91" in page
    assert broken_links(out) == []
