"""Golden test: the seeds' quotes aligned across outlets (GOLD.md, "Quotes")."""
from __future__ import annotations

import pytest

from testkit import find_article

from newsprism.quotes.align import POSSIBLE_MISATTRIBUTION, TRIMMED, VERBATIM, align_quotes


@pytest.fixture(scope="session")
def seed_events(seed_articles):
    """GOLD's two events, named by content: the June 2023 visit (two reports) and the April 2024
    visit (two previews and a report)."""
    june = {find_article(seed_articles, p).id for p in ("We -- and other countries", "With regard to lethal aid")}
    return {a.id: ("june-2023" if a.id in june else "april-2024") for a in seed_articles}


@pytest.fixture(scope="session")
def seed_aligned(seed_articles, seed_quotes, seed_events, language):
    return align_quotes(seed_quotes, texts={a.id: a.text for a in seed_articles}, event_of=seed_events,
                        language=language)


@pytest.fixture(scope="session")
def seed_aligned_no_events(seed_articles, seed_quotes, language):
    return align_quotes(seed_quotes, texts={a.id: a.text for a in seed_articles}, language=language)


def holding(aligned, phrase: str):
    [found] = [a for a in aligned if any(phrase in v.text for v in a.variants)]
    return found


@pytest.mark.parametrize("which", ["seed_aligned", "seed_aligned_no_events"])
def test_blinken_assurance_is_one_quote_in_two_outlets(request, seed_articles, which):
    aligned = request.getfixturevalue(which)
    one = holding(aligned, "have received assurances from China")
    afp = find_article(seed_articles, "We -- and other countries")
    epoch = find_article(seed_articles, "With regard to lethal aid")
    assert {v.article for v in one.variants} == {afp.id, epoch.id}
    assert one.independent_sources == 2 and one.speaker == "Antony Blinken"
    variants = {v.article: v for v in one.variants}
    assert variants[afp.id].variant == TRIMMED and variants[epoch.id].variant == VERBATIM
    assert one.text.startswith("With regard to lethal aid")
    for v in one.variants:  # offsets into each article's clean text
        text = next(a.text for a in seed_articles if a.id == v.article)
        assert text[v.start:v.end] == v.text
        assert text[v.speaker_start:v.speaker_end] == v.speaker_text


def test_one_provenance_group_is_one_source(seed_articles, seed_quotes, seed_events, language):
    group = {a.id: "one-wire" for a in seed_articles}
    aligned = align_quotes(seed_quotes, event_of=seed_events, group_of=group, language=language)
    assert holding(aligned, "have received assurances from China").independent_sources == 1


def test_003_line_12_is_a_possible_misattribution(seed_aligned):
    flagged = holding(seed_aligned, "We will express these concerns to China")
    assert POSSIBLE_MISATTRIBUTION in flagged.flags
    assert flagged.speaker == "Foreign Ministry spokesman"
    assert any("China" in reason for reason in flagged.reasons)


@pytest.mark.parametrize("which", ["seed_aligned", "seed_aligned_no_events"])
def test_no_other_seed_quote_is_flagged(request, which):
    aligned = request.getfixturevalue(which)
    flagged = [a for a in aligned if POSSIBLE_MISATTRIBUTION in a.flags]
    assert flagged  # the 003 line-12 attribution
    for a in flagged:  # ... and only the quotes of that one attribution ("A Foreign Ministry spokesman said")
        assert {v.speaker_text for v in a.variants} == {"A Foreign Ministry spokesman"}
        assert len(a.variants) == 1


@pytest.mark.parametrize("which", ["seed_aligned", "seed_aligned_no_events"])
def test_different_speakers_and_remarks_stay_apart(request, which):
    aligned = request.getfixturevalue(which)
    for phrase in ("China regulates the export of dual-use items", "I reiterated our serious concern",
                   "first button of a shirt", "Without getting too far ahead of those meetings",
                   "We reiterate our deep concerns", "Broadly speaking, what you would be seeing"):
        assert len(holding(aligned, phrase).variants) == 1, phrase
    for a in aligned:
        assert len({v.article for v in a.variants}) == len(a.variants)  # one variant per article


def test_events_keep_their_quotes_apart(seed_aligned, seed_events):
    for a in seed_aligned:
        assert {seed_events[v.article] for v in a.variants} == {a.event}


def test_every_seed_quote_is_in_one_aligned_quote(seed_aligned, seed_quotes):
    keys = [(v.article, v.start, v.end) for a in seed_aligned for v in a.variants]
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted((art, q.start, q.end) for art, qs in seed_quotes.items() for q in qs)
