"""Figures in sentences: what a number counts, its bound, and the numbers that are not figures."""
from __future__ import annotations

import pytest

from newsprism.figures import extract_figures


def only(text: str):
    [figure] = extract_figures(text, article="a1")
    return figure


@pytest.mark.parametrize("text, kind, value", [
    ("Twelve people were killed in the blast.", "dead", 12),
    ("The quake killed 12 and injured 40.", "dead", 12),
    ("Police arrested three men on Friday.", "arrested", 3),
    ("Five people are still missing.", "missing", 5),
    ("About 2,000 residents were evacuated overnight.", "evacuated", 2000),
    ("The death toll rose to 15 on Friday.", "dead", 15),
    ("Ten people were reportedly wounded.", "injured", 10),
])
def test_extract_toll_kinds(text, kind, value):
    figure = extract_figures(text)[0]
    assert (figure.kind, figure.value) == (kind, value)
    assert figure.key == f"{kind}|"  # a toll is one quantity whoever its victims are said to be


def test_extract_bounds_and_ranges():
    assert only("At least 12 people died.").bound == "at least"
    assert only("Up to 20 people were hurt.").bound == "at most"
    assert only("About 50 people were injured.").bound == "about"
    assert only("More than a dozen people were killed.").value == 12
    figure = only("Between 10 and 15 homes were destroyed.")
    assert (figure.kind, figure.thing, figure.value, figure.high) == ("count", "home", 10, 15)
    assert figure.text == "Between 10 and 15"
    assert only("Police said 12 or more were arrested.").bound == "at least"


def test_extract_offsets_point_at_the_figure():
    text = "A fire broke out. Officials said at least 12 people were killed."
    figure = only(text)
    assert text[figure.start:figure.end] == "at least 12"
    assert text[figure.sentence_start:figure.sentence_end] == figure.sentence == "Officials said at least 12 people were killed."


@pytest.mark.parametrize("text", [
    "A 23-year-old man was arrested.",  # an age ...
    "The victim, aged 66, died in hospital.",  # ... another age
    "It happened in 2013 near the border.",  # a year
    "The alarm was raised at 7 p.m. on Friday.",  # a time
    "The call came at 9:40 and crews arrived.",  # a time
    "It was December 08 when the fire started.",  # a date
    "The store at 200 W. American Blvd was closed.",  # an address
    "Police seized seven AK-47 rifles.",  # seven rifles, but 47 is a model name
    "Call Channel 4 for news.",  # a named number
    "The Colts won 20-13 on Sunday.",  # a score
    "The two countries agreed to talk.",  # a reference back, not a figure given
    "He spent two days in custody.",  # a duration
])
def test_extract_skips_what_is_not_a_figure(text):
    assert [f.value for f in extract_figures(text) if f.value != 7] == []


def test_extract_no_one_is_zero_and_families_are_no_toll():
    figure = only("No one was injured in the fire.")
    assert (figure.kind, figure.value, figure.text) == ("injured", 0, "No one")
    figure = only("A mother of 12 was killed in the crossfire.")
    assert (figure.kind, figure.thing) == ("count", "child")


def test_extract_partitive_gives_the_part():
    figure = only("Two of the three victims died.")
    assert (figure.kind, figure.value) == ("dead", 2)


def test_extract_magnitude_money_percent():
    assert (only("A 5.6-magnitude earthquake struck.").kind, only("A 5.6-magnitude earthquake struck.").value) == \
        ("magnitude", 5.6)
    assert only("An earthquake measuring 6.1 on the Richter scale hit.").value == 6.1
    money = only("Thieves stole jewels worth $2.6 million on Monday.")
    assert (money.kind, money.unit, money.value, money.thing) == ("money", "USD", 2_600_000, "haul")
    assert only("Bail was set at €1.5bn for the firm.").unit == "EUR"
    share = only("Unemployment rose to 5 percent of workers.")
    assert (share.kind, share.value, share.thing) == ("percent", 5, "worker")
    # a conversion in brackets is the outlet's arithmetic, not a second figure
    assert len(extract_figures("Gems worth 85 million euros ($108 million) were stolen.")) == 1
    assert extract_figures("He weighed 180 pounds.") == []


def test_extract_quoted_and_background():
    [figure] = extract_figures('"Ten people died," the mayor said.')
    assert figure.quoted
    [figure] = extract_figures("In February, a quake killed 612 people.")
    assert figure.background
    [figure] = extract_figures("On Sunday, the quake killed 10 people.")
    assert not figure.background


def test_extract_carries_article_and_date():
    figure = extract_figures("Three people died.", article="abc", date="2024-04-26T10:00:00")[0]
    assert (figure.article, figure.date) == ("abc", "2024-04-26T10:00:00")
