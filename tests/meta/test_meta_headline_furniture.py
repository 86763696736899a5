"""Headlines come from the page, not from its furniture: site-name titles, promos, captions,
time stamps and widget labels are never chosen; titles lose their site suffixes."""
from __future__ import annotations

import pytest

from newsprism.clean.text import clean_text
from newsprism.meta import extract_metadata
from newsprism.meta.headline import split_site
from newsprism.model import Block, Cleaned, RawArticle

BODY = Cleaned(blocks=(Block(text="The storm hit the coast on Tuesday and the wind was strong in the town."),))
PARA = ("The minister said on Tuesday that the government would review the decision after "
        "consulting with the regional authorities and the opposition parties in parliament.")
PARA2 = ("Officials told reporters that the talks had been constructive, although several issues "
         "remained unresolved and a further meeting was expected to take place next month.")


def html_headline(head: str, body: str = "") -> str | None:
    page = f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>"
    raw = RawArticle(source="page.html", kind="html", body=page, url="https://hosted.ap.org/dynamic/stories/A/x")
    headline = extract_metadata(raw, BODY).headline
    return headline.value if headline else None


def test_a_title_that_names_only_the_site_loses_to_the_h1():
    head = "<title>News from The Associated Press</title>"
    assert html_headline(head, "<h1>Father of Orlando gunman known for rambling videos</h1>") == \
        "Father of Orlando gunman known for rambling videos"


def test_a_cut_off_card_title_is_passed_over():
    head = ('<meta name="twitter:title" content="New court files expose the security team\'s...">'
            "<title>New court files expose the security team's spying -- Puppet Masters -- Sott.net</title>")
    assert html_headline(head) == "New court files expose the security team's spying"


@pytest.mark.parametrize("title, expected", [
    ("短缺药品保供稳价 全力保障临床用药需求-新华网", ("短缺药品保供稳价 全力保障临床用药需求", "新华网")),
    ("Headline about the storm -- Puppet Masters -- Sott.net", ("Headline about the storm", "Sott.net")),
    ("Blinken to warn China against helping Russia in Ukraine — RT World News",
     ("Blinken to warn China against helping Russia in Ukraine", "RT")),
    ("Trump - the man who would be king", ("Trump - the man who would be king", None)),
])
def test_site_suffixes_are_split_off(title, expected):
    assert split_site(title) == expected


@pytest.mark.parametrize("junk", [
    "May 2, 2013, 1:12 PM",
    "FILE - In this Feb. 11, 2007, file photo, Sen. Barack Obama speaks in Springfield",
    "Breaking News Emails Get breaking news alerts and special reports",
    "Tweet with a location",
])
def test_furniture_lines_above_the_body_are_never_the_headline(junk):
    cleaned = clean_text("\n".join([junk, PARA, PARA2]))
    raw = RawArticle(source="dump.txt", kind="text", body="")
    headline = extract_metadata(raw, cleaned).headline
    assert headline is None or headline.value != junk


def test_a_punctuated_headline_over_a_lead_is_the_headline():
    lead = ("Senate Democrats on Thursday pushed for a vote to reopen the government, and the majority "
            "leader blocked it within the hour")
    title = "Biden is struggling to win Miami Latinos, new poll finds. Will it cost him Florida?"
    cleaned = clean_text(f"{title}\n\n{lead}")
    assert [b.text for b in cleaned.blocks] == [lead]
    assert extract_metadata(RawArticle(source="d.txt", kind="text", body=""), cleaned).headline.value == title


def test_an_element_marked_as_headline_stands_in_for_a_missing_h1():
    head = "<title>News from The Associated Press</title>"
    body = '<span class="headline entry-title">Father of Orlando gunman known for rambling videos</span>'
    assert html_headline(head, body) == "Father of Orlando gunman known for rambling videos"
