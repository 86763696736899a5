"""Attributions by a verb of doing ("POLITICO sought to verify ...") are folded apart from the quotes."""
from __future__ import annotations

import dataclasses
import re

from reportkit import seed_data, seed_story
from testkit import find_article

from newsprism.quotes import AlignedQuote, QuoteVariant
from newsprism.report import write_report


def test_acts_are_folded_under_their_own_heading(seed_articles, tmp_path):
    data = seed_data(seed_articles)
    article = find_article(seed_articles, "travels to Beijing on Wednesday")
    words = "to put pressure on Chinese officials"
    start = article.text.index(words)
    act = AlignedQuote(id="q-act", speaker="RT", event="e-visit-2024", independent_sources=1, text=words,
                       kind="indirect", variants=(QuoteVariant(
                           article=article.id, text=words, start=start, end=start + len(words), speaker="RT",
                           speaker_text="RT", speaker_start=None, speaker_end=None, cue="aims", kind="indirect",
                           flags=("other-cue",)),))
    data = dataclasses.replace(data, quotes=(*data.quotes, act))
    write_report(seed_articles, tmp_path, stories=[seed_story(seed_articles)], data=data)
    for page in (tmp_path / "stories" / "s-blinken.html", tmp_path / "events" / "e-visit-2024.html"):
        html = page.read_text()
        folded = re.findall(r'<details class="single-source">(.*?)</details>', html, re.S)
        acts = [f for f in folded if "acts rather than words" in f]
        assert len(acts) == 1 and 'id="quote-q-act"' in acts[0], page.name
        assert html.count('id="quote-q-act"') == 1  # only there
        assert 'id="quote-q-express"' in html and not any('id="quote-q-express"' in f for f in acts)
