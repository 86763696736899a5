"""claim_in_article: a claim read against a whole article (shipped stance model) -> carries /
contradicts / neither."""
from __future__ import annotations

from newsprism.claims import claim_in_article
from newsprism.claims.stance import CLAIM_STANDING, LABELS

DEBUNKING = ("Reports that a giant crab attacked swimmers in Florida are a hoax. The viral photo was "
             "fake, police said, and no swimmer was hurt. The image had been edited, experts found.")
LIBRARIES = ("The city council voted on Tuesday to approve a new budget for public libraries. "
             "The budget adds 2 million dollars for longer opening hours and new books.\n\n"
             "Mayor Jane Ortiz praised the vote. \"Libraries are where our children learn,\" she said.")


def test_every_stance_has_a_standing():
    assert set(CLAIM_STANDING) == set(LABELS)
    assert set(CLAIM_STANDING.values()) == {"carries", "contradicts", "neither"}


def test_debunking_article_contradicts_the_claim(language):
    assert claim_in_article("A giant crab attacked swimmers in Florida", DEBUNKING, language=language) == "contradicts"


def test_article_about_something_else_is_neither(language):
    assert claim_in_article("Storm floods coastal towns in Norway", LIBRARIES, language=language) == "neither"


def test_empty_article_is_neither(language):
    assert claim_in_article("The council approved the budget", "", language=language) == "neither"


def test_top_level_claim_in_article_reads_an_asserting_article(language):
    import newsprism

    assert "claim_in_article" in newsprism.__all__
    claim = "The city council approved a new budget for public libraries"
    assert newsprism.claim_in_article(claim, LIBRARIES, language=language) == "carries"
