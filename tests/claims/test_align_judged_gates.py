"""Which claim pairs the claim-pair judge may read during alignment: exactly one side disputes,
both are whole assertions (not hedged, a finite verb, a subject named in the claim)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from newsprism.claims import align as A
from newsprism.claims.extract import claim_from_text


def claim(article: str, text: str, **changes):
    return replace(claim_from_text(text, article=article), **changes)


@pytest.mark.parametrize("text", [
    "The White House has dismissed Comey's version of events",
    "Trump aides dispute Comey's reported account of that conversation",
    "The president has never asked Comey to end any investigation",
    "Reports that the factory closed are false",
])
def test_denials_and_negations_dispute(text):
    assert A.disputes(claim("a", text))


def test_a_plain_assertion_does_not_dispute():
    assert not A.disputes(claim("a", "The president asked Comey to end the investigation into Flynn"))


@pytest.mark.parametrize("text, hedged", [
    ("This is not a truthful or accurate portrayal of the conversation", False),  # "This": about what?
    ("Her representative did not reveal what the actress was treated for", False),  # a non-answer
    ("A damning performance by Comey could leave Trump in deep political peril", True),
])
def test_not_checkable(text, hedged):
    c = claim("a", text, hedged=hedged)
    assert c.hedged == hedged
    assert not A.checkable(c)


def test_a_reported_pronoun_is_read_with_its_speaker():
    c = claim("a", "it has not provided weaponry to Russia", speaker="China", voice="reported")
    assert A.checkable(c)
    assert not A.checkable(replace(c, speaker=None))


def test_only_one_sided_checkable_pairs_reach_the_judge(language, monkeypatch):
    seen: list[tuple[str, str]] = []

    def every_pair(views, pairs):
        seen.extend((views.claims[i].text, views.claims[j].text) for i, j in pairs)
        return list(pairs)

    monkeypatch.setattr(A, "judged_contradictions", every_pair)
    claims = {
        "a": [claim("a", "The president asked Comey to end the investigation into Flynn")],
        "b": [claim("b", "The president has never asked Comey to end any investigation")],
        "c": [claim("c", "White House aides dispute that the president asked Comey to end the investigation")],
        "d": [claim("d", "The president may have asked Comey to end the investigation into Flynn", hedged=True)],
    }
    aligned = A.align_claims(claims, event_of=dict.fromkeys(claims, "ev"), language=language)
    pairs = {frozenset(p) for p in seen}
    texts = {k: v[0].text for k, v in claims.items()}
    assert frozenset((texts["a"], texts["b"])) in pairs
    assert frozenset((texts["b"], texts["c"])) not in pairs  # two denials: the same side
    assert not any(texts["d"] in p for p in pairs)  # hedged: reported, not asserted
    asked = next(a for a in aligned if a.carried_by[0].text == texts["a"])
    assert asked.status == "contested"
    assert {m.article for m in asked.contradicted_by} >= {"b"}
