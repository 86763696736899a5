"""The PolNeAR conversion: '“...,” X said, according to Y' is one attribution whose source is Y,
while the quote itself keeps X as its speaker."""
from __future__ import annotations

from newsprism.quotes import extract_quotes
from newsprism.quotes.polnear import to_polnear


def test_a_quote_reported_by_an_outlet_takes_the_outlet_as_its_source(language):
    text = ("“I will be voting for the plan on Tuesday,” Welch said, according to Vermont Radio. "
            "“And I have decided to back it in the Senate too.”")
    quotes = extract_quotes(text, language=language)
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct and all(q.speaker_text == "Welch" for q in direct)  # the product keeps the speaker
    rows = to_polnear(text, quotes)
    covering = [r for r in rows if r["content"][0] <= text.index("I will") < r["content"][1]]
    assert covering and all(text[r["source"][0]:r["source"][1]] == "Vermont Radio" for r in covering)
