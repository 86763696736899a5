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


def test_polnear_content_of_quotes_split_by_a_long_source():
    """Quotes sharing a cue become one PolNeAR span, unless a long source between them makes one
    of them alone the better match for the pair."""
    from newsprism.quotes import Quote
    from newsprism.quotes.polnear import to_polnear

    text = ('"These are strange days," said Peter Morgan, a lawyer for the Sierra Club, who has been '
            'challenging the coal industry over water pollution issues for many years. "I am skeptical."')
    first = Quote(text="These are strange days,", start=1, end=24, cue="said", cue_start=26, cue_end=30)
    second_at = text.index("I am")
    second = Quote(text="I am skeptical.", start=second_at, end=len(text) - 1, cue="said", cue_start=26, cue_end=30)
    [row] = to_polnear(text, [first, second])
    assert row["content"] == [0, 25]
    short = text.replace(", a lawyer for the Sierra Club, who has been challenging the coal industry over water "
                         "pollution issues for many years", "")
    at = short.index("I am")
    [row] = to_polnear(short, [first, Quote(text="I am skeptical.", start=at, end=len(short) - 1, cue="said",
                                            cue_start=26, cue_end=30)])
    assert row["content"] == [0, len(short)]


def test_a_name_with_and_without_accents_is_one_person():
    names = ["Francois Hollande", "François Hollande", "Hollande"]
    assert set(canonical_in_text(names).values()) == {"François Hollande"}
    assert set(canonical_speaker(names).values()) == {"François Hollande"}
