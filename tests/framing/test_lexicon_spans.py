"""A loaded-term pattern's ``spans`` (its regex without the leading lookbehind, the edge checked
by hand, for speed) finds exactly what the whole regex's ``finditer`` finds."""
from __future__ import annotations

from pathlib import Path

from newsprism.framing.lexicon import default_loaded

TEXTS = [
    "The regime's regimen: pro-regime crowds, the regimes, a so-called 'regime' and the Kiev regime.",
    "Putin's war on Ukraine; the war in The Hague; Russia's war, a war against Iraq-era rules.",
    "A terrorist-linked group and terrorists; counter-terrorism is not terrorism of the state.",
    "regime at the very start, REGIME in capitals, and at the end a regime",
    "self-styled, so-called, purported and the purported-ly odd forms, denazification-era talk",
]


def test_spans_match_finditer_on_edge_cases_and_real_text():
    seeds = Path(__file__).resolve().parents[2] / "src" / "newsprism" / "examples" / "blinken"
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*"))[:5] if p.is_file()]
    patterns = default_loaded().patterns
    assert all(p.core is not None for p in patterns)
    found = 0
    for text in texts:
        for pattern in patterns:
            expected = [(m.start(), m.end()) for m in pattern.regex.finditer(text)]
            assert pattern.spans(text) == expected, (pattern.term, text[:60])
            found += len(expected)
    assert found >= 10
