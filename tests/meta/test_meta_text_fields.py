"""Text-based extractors: headline, byline, dateline, wire, outlet, URL date, language."""
from __future__ import annotations

import pytest

from newsprism.meta.byline import find_byline
from newsprism.meta.dateline import find_dateline
from newsprism.meta.headline import split_site, text_headline
from newsprism.meta.language import detect_language
from newsprism.meta.outlet import copyright_owner, strip_section, url_host
from newsprism.meta.wire import credit_in
from newsprism.model import RemovedLine


def test_headline_suffix_names_the_outlet():
    assert split_site("Blinken to warn China — RT World News") == ("Blinken to warn China", "RT")
    assert split_site("Storm hits the coast | The Guardian") == ("Storm hits the coast", "The Guardian")
    assert split_site("Trump - the man who would be king") == ("Trump - the man who would be king", None)
    assert strip_section("Fox News") == "Fox News"


def test_breadcrumb_run_on_loses_to_the_full_line():
    header = ("HomeWorldBlinken to boost China's backing for Russia's defense...",
              "Blinken to boost China's backing for Russia's defense industry during visit.")
    assert text_headline(header, ())[0] == header[1]


@pytest.mark.parametrize("header, name", [
    (("Headline here", "by AFP Staff Writers"), "AFP Staff Writers"),
    (("Writer's picture: News Agency News Agency",), "News Agency"),
    (("Some Headline About Things", "Aldgra Fredly", "Updated:"), "Aldgra Fredly"),
    (("Some Headline About Things", "Concerns Over China's Support"), None),
])
def test_byline_forms(header, name):
    found = find_byline(header, header[0])
    assert (found.value if found else None) == name


@pytest.mark.parametrize("line, place", [
    ("Beijing (AFP) June 19, 2023", "Beijing"),
    ("BEIJING -U.S. Secretary of State Antony Blinken raised concerns", "Beijing"),
    ("WASHINGTON (Reuters) - The Senate voted", "Washington"),
    ("Xi Jinping (R) receives Blinken", None),
    ("The minister said on Tuesday", None),
])
def test_dateline_place(line, place):
    found = find_dateline((), line)
    assert (found.value if found else None) == place


@pytest.mark.parametrize("line, wire", [
    ("Beijing (AFP) June 19, 2023", "AFP"),
    ("Source: Reuters", "Reuters"),
    ("© Reuters. FILE PHOTO: a ship. REUTERS/Jane Doe", "Reuters"),
    ("The talks ended on Friday - Reuters", "Reuters"),
    ("By Jane Doe, Associated Press", "AP"),
    ("AFP, UPI and IANS news wire stories are copyright Agence France-Presse", None),
    ("Chinese leader Xi (R) meets Blinken. (Leah Millis/Pool/AFP via Getty Images)", None),
    ("The app is available on the store.", None),
])
def test_wire_credit_forms(line, wire):
    found = credit_in(line)
    assert (found[0] if found else None) == wire


def test_outlet_from_copyright_footer_and_url():
    removed = (RemovedLine(text="© 2024 by Amaravati Today | Privacy Policy", reason="footer", line=9),)
    assert copyright_owner(removed).value == "Amaravati Today"
    removed = (RemovedLine(text="The content herein are Copyright 1995-2024 - Space Media Network. All "
                                "websites are published in Australia.", reason="footer", line=3),)
    assert copyright_owner(removed).value == "Space Media Network"
    assert copyright_owner((RemovedLine(text="© Reuters. A photo.", reason="caption", line=1),)) is None
    assert url_host("https://www.example.com/a/b").value == "example.com"
    assert url_host("not a url") is None


@pytest.mark.parametrize("text, code", [
    ("The government said that it would not change the policy for the time being.", "en"),
    ("Le gouvernement a dit que la politique ne changera pas pour le moment, selon les ministres.", "fr"),
    ("Die Regierung hat gesagt, dass sie die Politik nicht ändern wird und dass es so bleibt.", "de"),
    ("El gobierno dijo que no cambiará la política por ahora y que los ministros están de acuerdo.", "es"),
    ("Il governo ha detto che non cambierà la politica per ora e che i ministri sono d'accordo.", "it"),
    ("O governo disse que não vai mudar a política por enquanto e que os ministros estão de acordo.", "pt"),
    ("De regering heeft gezegd dat het beleid voorlopig niet zal veranderen en dat het zo blijft.", "nl"),
    ("Правительство заявило, что не будет менять политику, и что это не изменится.", "ru"),
    ("中国外交部发言人在记者会上说，中方的立场是一贯的。", "zh"),
    ("12345 67890 !!!", None),
])
def test_language_profiles(text, code):
    assert detect_language(text) == code
