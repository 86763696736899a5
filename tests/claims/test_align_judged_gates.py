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


@pytest.mark.parametrize("text", [
    "The New York Times has not viewed a copy of the memo, which is unclassified",
    "The Times does not have a copy of the memo",
    "Reuters could not independently verify the report",
])
def test_a_note_on_the_reporters_access_is_not_checkable(text):
    assert not A.checkable(claim("a", text))


def test_a_denial_of_the_act_stays_checkable():
    assert A.checkable(claim("a", "China has not provided weaponry to Russia"))


class _Second:
    """A stand-in cross-encoder answering one P(weakens) for every pair, counting the pairs asked."""

    def __init__(self, weakens: float):
        self.weakens, self.asked = weakens, 0

    def probabilities(self, pairs):
        import numpy as np

        self.asked += len(pairs)
        return np.tile([(1 - self.weakens) / 2, self.weakens, (1 - self.weakens) / 2], (len(pairs), 1))


@pytest.mark.parametrize("linear, second, kept, asked", [
    (0.95, 0.10, False, 1),  # the linear judge never contests alone: the cross-encoder must agree
    (0.95, 0.90, True, 1),
    (0.82, 0.90, True, 1),
    (0.82, 0.60, False, 1),
    (0.70, 0.99, False, 0),  # too far from contested: never asked
])
def test_a_dispute_needs_both_readers(language, monkeypatch, linear, second, kept, asked):
    import numpy as np

    from newsprism.claims import cross, judge

    reader = _Second(second)
    monkeypatch.setattr(judge, "pair_probabilities",
                        lambda a, b, **_: np.tile([(1 - linear) / 2, linear, (1 - linear) / 2], (len(a), 1)))
    monkeypatch.setattr(cross, "load_cross", lambda: reader)
    claims = [claim("a", "The president asked Comey to end the investigation into Flynn"),
              claim("b", "The president has never asked Comey to end any investigation")]
    views = A.read_claims(claims, language=language)
    assert (A.judged_contradictions(views, [(0, 1)]) == [(0, 1)]) == kept
    assert reader.asked == asked
