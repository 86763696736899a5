"""Speaker names canonicalised within and across texts (no model)."""
from __future__ import annotations

from newsprism.quotes import canonical_speaker, strip_titles
from newsprism.quotes.speakers import canonical_in_text


def test_titles_stripped():
    assert strip_titles("Secretary of State Antony Blinken") == "Antony Blinken"
    assert strip_titles("US Secretary of State Antony Blinken") == "Antony Blinken"
    assert strip_titles("Mr. Cruz") == "Cruz"
    assert strip_titles("Pentagon press secretary Brig. Gen. Patrick Ryder") == "Patrick Ryder"


def test_blinken_unified_across_articles():
    names = ["Blinken", "Antony Blinken", "Secretary of State Antony Blinken", "Xi", "Xi Jinping"]
    out = canonical_speaker(names)
    assert {out[n] for n in names[:3]} == {"Antony Blinken"}
    assert out["Xi"] == "Xi Jinping"


def test_different_first_names_stay_apart():
    out = canonical_speaker(["Joe Biden", "Hunter Biden"])
    assert out == {"Joe Biden": "Joe Biden", "Hunter Biden": "Hunter Biden"}


def test_roles_map_to_themselves():
    assert canonical_speaker(["Foreign Ministry spokesman"]) == {"Foreign Ministry spokesman": "Foreign Ministry spokesman"}


def test_in_text_a_lone_name_takes_the_last_full_name_before_it():
    out = canonical_in_text(["Wang Yi", "Wang", "Wang Xiaohong"])
    assert out["Wang"] == "Wang Yi"
