"""headline_check / check_headline on small invented headline-body pairs (shipped model)."""
from __future__ import annotations

import pytest

from newsprism.claims import HeadlineCheck, check_headline, headline_check
from newsprism.claims.stance import LABELS

BODY = (
    "The city council voted on Tuesday to approve a new budget for public libraries. "
    "The budget adds 2 million dollars for longer opening hours and new books.\n\n"
    "Mayor Jane Ortiz praised the vote. \"Libraries are where our children learn,\" she said.\n\n"
    "The new hours start in March, the council said."
)


def test_agreeing_headline(language):
    assert headline_check("City council approves more money for libraries", BODY, language=language) in ("agree", "discuss")


def test_unrelated_headline(language):
    assert headline_check("Storm floods coastal towns in Norway", BODY, language=language) == "unrelated"


def test_spun_headline_is_flagged(language):
    body = ("The health minister is set to raise concerns about the company's plan to expand its "
            "coal mines, officials said. The minister has warned the company against new mines "
            "and urged it to curb emissions.")
    check = check_headline("Minister to back company's coal mine expansion", body, language=language)
    assert check.label == "disagree"
    assert check.evidence and check.evidence[0].role == "contradicts"


def test_debunked_claim(language):
    body = ("Reports that a giant crab attacked swimmers in Florida are a hoax. The viral photo was "
            "fake, police said, and no swimmer was hurt. The image had been edited, experts found.")
    assert headline_check("Giant crab attacks swimmers in Florida", body, language=language) == "disagree"


def test_record_fields_and_offsets(language):
    check = check_headline("City council approves more money for libraries", BODY, language=language)
    assert isinstance(check, HeadlineCheck)
    assert check.label in LABELS
    assert set(check.probabilities) == set(LABELS)
    assert sum(check.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    for ev in check.evidence:
        assert BODY[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("headline, body", [("", BODY), ("A headline", ""), ("A headline", "   \n ")])
def test_empty_input_is_unrelated_without_a_model(headline, body, language):
    assert headline_check(headline, body, language=language) == "unrelated"


def test_unbalanced_quotes_and_odd_text(language):
    body = '"Unbalanced quote opens here and never closes. ??? ... \n\n\n 12,000 %%% !!'
    assert headline_check("Quote never closes", body, language=language) in LABELS
