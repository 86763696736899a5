"""Golden test on the seeds: 004's spun headline contradicts its own body; the others don't."""
from __future__ import annotations

import pytest

from testkit import find_article

from newsprism.claims import check_headline

SPUN = "Since Russia’s invasion of Ukraine in February 2022, the U.S. has cautioned China"
OTHERS = [
    "although he voiced concern at the actions of private Chinese firms",  # 000
    "Blinken, the highest-ranking U.S. official to visit Beijing since",  # 001
    "BEIJING -U.S. Secretary of State Antony Blinken raised concerns on Friday",  # 002
    "aims to put pressure on Chinese officials when he travels to Beijing",  # 003
]


@pytest.fixture(scope="module")
def checks(seed_articles, language):
    def check(phrase):
        article = find_article(seed_articles, phrase)
        return check_headline(article.headline, article.text, language=language)

    return check


def test_spun_headline_contradicts_its_body(checks):
    result = checks(SPUN)
    assert result.label == "disagree"
    assert result.evidence and result.evidence[0].role == "contradicts"


@pytest.mark.parametrize("phrase", OTHERS)
def test_other_headlines_do_not_contradict_their_bodies(checks, phrase):
    assert checks(phrase).label in ("agree", "discuss")


@pytest.fixture(scope="module")
def across(seed_articles, language):
    from newsprism.claims import check_event_headlines

    checks = check_event_headlines(seed_articles, language=language)

    def check(headline_phrase, body_phrase):
        h, b = find_article(seed_articles, headline_phrase), find_article(seed_articles, body_phrase)
        return checks[(h.id, b.id)]

    return check


@pytest.mark.parametrize("body_phrase", OTHERS[2:])  # 002 and 003: the same April 2024 visit
def test_spun_headline_contradicts_the_event_s_other_articles(across, body_phrase):
    assert across(SPUN, body_phrase).label == "disagree"


@pytest.mark.parametrize("headline_phrase, body_phrase", [
    (OTHERS[0], OTHERS[1]), (OTHERS[1], OTHERS[0]),  # June 2023: 000 and 001
    (OTHERS[2], OTHERS[3]), (OTHERS[3], OTHERS[2]),  # April 2024: 002 and 003
])
def test_fair_headlines_do_not_contradict_the_event_s_other_articles(across, headline_phrase, body_phrase):
    assert across(headline_phrase, body_phrase).label in ("agree", "discuss")


def test_event_headlines_can_leave_the_own_body_out(seed_articles, language):
    from newsprism.claims import check_event_headlines

    pairs = check_event_headlines(seed_articles[:2], language=language, own=False)
    assert pairs and all(head != body for head, body in pairs)
