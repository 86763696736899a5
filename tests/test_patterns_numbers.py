"""The shared number pattern and its normaliser (``newsprism.patterns``): digits, number words,
scales; small counts kept."""
from __future__ import annotations

import pytest

from newsprism.patterns import NUMBER, parse_number


@pytest.mark.parametrize("text, value", [
    ("1,200", 1200), ("5.6", 5.6), ("12", 12), ("3", 3), ("2.6 million", 2_600_000), ("3.5bn", 3_500_000_000),
    ("$137-million"[1:], 137_000_000), ("twenty-five", 25), ("two hundred", 200), ("Ten", 10), ("dozen", 12),
    ("three thousand", 3000),
])
def test_parse_number_values(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_rejects_what_is_no_number():
    assert parse_number("someone") is None and parse_number("v2") is None


def test_number_pattern_leaves_glued_digits_and_words_alone():
    text = "At least 12 people, v2, x.5, someone, 1,200 homes and twenty-five cars"
    assert [m.group(0) for m in NUMBER.finditer(text)] == ["12", "1,200", "twenty-five"]
