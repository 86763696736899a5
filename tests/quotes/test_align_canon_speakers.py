"""Speakers across articles (canonical names, kinds, countries) and the own-country check."""
from __future__ import annotations

import pytest

from newsprism.quotes.canon import (BODY, CONFLICT, PERSON, ROLE_KIND, SAME, SpeakerInfo, affiliation,
                                    canonical_names, compatibility, own_country_addressed, same_person,
                                    speaker_info, speaker_kind)
from newsprism.quotes.records import Quote


def q(speaker, mention=None, flags=(), org=None, text="words"):
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_text=mention or speaker,
                 speaker_start=100, speaker_end=100 + len(mention or speaker or ""), speaker_org=org, flags=flags)


def test_names_canonical_across_articles_longest_wins_roles_stay():
    quotes = {"a": [q("Blinken"), q("Foreign Ministry spokesman", flags=("unnamed-speaker",))],
              "b": [q("Antony Blinken", "Secretary of State Antony Blinken")],
              "c": [q("Antony Blinken", "the U.S. diplomat", flags=("role-speaker",))]}
    names = canonical_names(quotes)
    assert names["Blinken"] == names["Antony Blinken"] == "Antony Blinken"
    assert "Foreign Ministry spokesman" not in names


def test_kinds():
    assert speaker_kind("Antony Blinken") == PERSON
    assert speaker_kind("Foreign Ministry spokesman", ("unnamed-speaker",)) == ROLE_KIND
    assert speaker_kind("State Department") == BODY and speaker_kind("China") == BODY
    assert speaker_kind("which") == speaker_kind(None) == "unknown"


def test_affiliation_reads_the_owner_not_the_target():
    assert affiliation("Chinese Foreign Ministry spokesman") == "cn"
    assert affiliation("U.S. ambassador to China") == "us"
    assert affiliation("a spokesman") is None
    assert affiliation("Russian and Chinese officials") is None  # two countries: unclear
    assert affiliation("The Washington Post reporter") is None


def test_role_country_from_other_mentions_in_the_article():
    text = ("Chinese Foreign Ministry spokesman Mao Ning spoke on Monday. Later, a Foreign Ministry "
            "spokesman said more.")
    info = speaker_info(q("Foreign Ministry spokesman", "A Foreign Ministry spokesman", ("unnamed-speaker",),
                          org="Foreign Ministry"), None, text)
    assert info.nation == "cn" and "Chinese Foreign Ministry" in info.nation_evidence
    mixed = text + " The Russian Foreign Ministry disagreed."
    assert speaker_info(q("Foreign Ministry spokesman", "A Foreign Ministry spokesman", ("unnamed-speaker",),
                          org="Foreign Ministry"), None, mixed).nation is None


def test_compatibility():
    blinken = SpeakerInfo(name="Antony Blinken", kind=PERSON, nation="us")
    mao = SpeakerInfo(name="Mao Ning", kind=PERSON, nation="cn")
    ministry = SpeakerInfo(name="Foreign Ministry spokesman", kind=ROLE_KIND, nation="cn")
    state = SpeakerInfo(name="State Department spokesman", kind=ROLE_KIND, nation="us")
    nobody = SpeakerInfo(name=None)
    assert compatibility(blinken, blinken) == SAME
    assert compatibility(blinken, mao) == CONFLICT
    assert compatibility(blinken, ministry) == CONFLICT
    assert compatibility(blinken, state) != CONFLICT
    assert compatibility(blinken, nobody) != CONFLICT
    assert same_person("Steve Mullin", "Steve Mullins") and same_person("Juan Peñalosa", "Juan Penalosa")
    assert not same_person("Christos Vasiliades", "Edgar Ivan Rodriguez")


@pytest.mark.parametrize("text, nation, flagged", [
    ("We will express these concerns to China and we will express our intention to have China reduce this support.", "cn", True),
    ("We urge Russia to withdraw its troops.", "ru", True),
    ("China regulates the export of dual-use items in accordance with laws and regulations.", "cn", False),
    ("Relevant countries should not harm the legitimate rights and interests of China and Chinese companies.", "cn", False),
    ("We will express these concerns to China.", "us", False),
    ("We have received assurances from China that it will not provide lethal aid.", "us", False),
    ("China and Russia are friends; we will work with Russia on trade.", "cn", False),
    ("We had lost two brave Americans on the roof at that facility.", "us", False),
])
def test_own_country_addressed(language, text, nation, flagged):
    quote = q("Foreign Ministry spokesman", "A Foreign Ministry spokesman", ("unnamed-speaker",), text=text)
    info = SpeakerInfo(name="Foreign Ministry spokesman", kind=ROLE_KIND, nation=nation, nation_evidence="x")
    [doc] = language.parse([text])
    assert (own_country_addressed(quote, info, doc) is not None) == flagged


def test_a_citizen_may_press_their_own_country(language):
    """An activist's "we" is not the state: urging their own country is no sign of a misattribution."""
    text = "We urge America to take in more refugees."
    quote = q("American activist", "an American activist", ("unnamed-speaker",), text=text)
    info = SpeakerInfo(name="American activist", kind=ROLE_KIND, nation="us", nation_evidence="an American activist")
    [doc] = language.parse([text])
    assert own_country_addressed(quote, info, doc) is None
