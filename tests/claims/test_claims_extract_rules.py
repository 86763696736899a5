"""Claim extraction rules on hand-made annotations (no models): spans, skips, polarity, lists."""
from __future__ import annotations

import re

import numpy as np
import pytest

from newsprism.claims.extract import extract_claims, list_items, polarity
from newsprism.model import Annotation, Entity, Span
from newsprism.quotes import Quote

NAMES = ("Acme", "China", "Russia", "Beijing", "Ukraine", "Blinken", "Smith", "Berlin")


def annotation(text: str) -> Annotation:
    """Sentences split at . ? ! and line breaks; the listed names as ORG/GPE entities."""
    spans = [Span(text=m.group(0).strip(), start=m.start(), end=m.start() + len(m.group(0).strip()))
             for m in re.finditer(r"[^.?!\n]+[.?!]?", text) if m.group(0).strip()]
    entities = [Entity(text=m.group(0), label="GPE", start=m.start(), end=m.end())
                for name in NAMES for m in re.finditer(rf"\b{name}\b", text)]
    return Annotation(article_id="a", version="test", sentences=tuple(spans),
                      entities=tuple(sorted(entities, key=lambda e: e.start)),
                      sentence_vectors=np.zeros((len(spans), 384), dtype=np.float32),
                      vector=np.zeros(384, dtype=np.float32))


def claims_of(text: str, quotes=()):
    return extract_claims("a", text, annotation(text), quotes)


def test_offsets_point_into_the_text():
    text = "Acme recalled 5,000 cars in Berlin on Monday.\n\nChina supplies machine tools to Russia."
    claims = claims_of(text)
    assert [c.text for c in claims] == ["Acme recalled 5,000 cars in Berlin on Monday",
                                        "China supplies machine tools to Russia"]
    for c in claims:
        assert text[c.start:c.end] == c.text
    assert claims[0].numbers == ("5,000",)
    assert "Acme" in claims[0].entities


@pytest.mark.parametrize("text", [
    "Did China supply weapons to Russia?",                      # a question
    "Smith said.",                                              # attribution only, no content
    "Relevant countries should not distort relations between China and Russia.",  # normative
    "Andrew Smith contributed to this report from Berlin.",    # a credit line
    "China Trade Talks Resume",                                 # a sub-heading
    "We have seen nothing like it before today.",              # opinion: no name, figure or list
])
def test_not_claims(text):
    assert claims_of(text) == []


@pytest.mark.parametrize("text, expected", [
    ("China does not supply weapons to Russia.", -1),
    ("China won’t send arms to Russia.", -1),
    ("China has steered clear of providing arms for Russia's war.", -1),
    ("Beijing denied sending weapons.", -1),
    ("China supplies weapons to Russia.", 1),
    ("The CCP had not ruled out such a possibility.", 1),       # negated negation
    ("China offered assurances not only during his visit.", 1),  # "not only" is no negation
    ("Despite its \"no limits\" partnership, China trades with Russia.", 1),
])
def test_polarity(text, expected):
    assert polarity(text) == expected


@pytest.mark.parametrize("text, items", [
    ("China is the top supplier of machine tools, microelectronics, nitrocellulose, which is "
     "critical to making munitions, and other dual-use items that Moscow is using.",
     ("machine tools", "microelectronics", "nitrocellulose")),
    ("The case revolves around China's exports of machine tools, microelectronics, optics and "
     "other products that could be used to make weapons.", ("machine tools", "microelectronics", "optics")),
    ("Officials highlighted contributions to Russia, including drone technology, satellite imagery, "
     "and machine tools.", ("drone technology", "satellite imagery", "machine tools")),
    ("Such a decision, he said, would indicate that they seek to destroy Ukraine.", ()),
    ("On June 18, 2023, Blinken met officials.", ()),
    ("Relations soured over Hong Kong and Taiwan.", ()),
])
def test_list_items(text, items):
    assert list_items(text) == items


def test_reported_speech_frame_is_cut_and_speaker_kept():
    text = "Blinken said on Monday that China had renewed promises not to send arms to Russia."
    content = text.index("China")
    quote = Quote(text=text[content:-1], start=content, end=len(text) - 1, speaker="Antony Blinken",
                  speaker_text="Blinken", speaker_start=0, speaker_end=7, cue="said",
                  cue_start=8, cue_end=12, kind="indirect")
    [claim] = claims_of(text, [quote])
    assert claim.text == "China had renewed promises not to send arms to Russia"
    assert (claim.speaker, claim.voice, claim.polarity) == ("Antony Blinken", "reported", -1)


def _said(text: str, speaker: str, cue: str = "said") -> Quote:
    """The reported speech after ``cue`` in ``text``, said by the first mention of ``speaker``."""
    cue_start = text.index(f" {cue} ") + 1
    content = cue_start + len(cue) + 1
    return Quote(text=text[content:-1], start=content, end=len(text) - 1, speaker=speaker,
                 speaker_text=speaker, speaker_start=text.index(speaker),
                 speaker_end=text.index(speaker) + len(speaker), cue=cue, cue_start=cue_start,
                 cue_end=cue_start + len(cue), kind="indirect")


def test_a_speakers_aside_belongs_to_the_frame():
    """A long aside between speaker and cue is not left behind as a claim of its own."""
    text = ("Smith, a lawyer for one of the defendants in the Acme lawsuit since 2019, said "
            "Acme had paid 5 million dollars to Beijing.")
    assert [c.text for c in claims_of(text, [_said(text, "Smith")])] == [
        "Acme had paid 5 million dollars to Beijing"]
    text = ("Blinken, the highest-ranking US official to visit Beijing since Biden took office, said "
            "China had renewed promises not to send arms to Russia.")
    quote = _said(text, "the highest-ranking US official")  # the mention is the aside's noun
    assert [c.text for c in claims_of(text, [quote])] == [
        "China had renewed promises not to send arms to Russia"]


def test_a_speakers_own_clause_stays_a_claim():
    text = ("China has maintained a policy of neutrality on the conflict in Ukraine, insisting "
            "Beijing does not sell weapons to Russia.")
    claims = [c.text for c in claims_of(text, [_said(text, "China", "insisting")])]
    assert "China has maintained a policy of neutrality on the conflict in Ukraine" in claims


def test_pronoun_subject_of_reported_speech_counts_as_named():
    text = "China has said it has not provided weaponry to any party."
    content = text.index("it has")
    quote = Quote(text=text[content:-1], start=content, end=len(text) - 1, speaker="China",
                  speaker_text="China", speaker_start=0, speaker_end=5, cue="said",
                  cue_start=10, cue_end=14, kind="indirect")
    [claim] = claims_of(text, [quote])
    assert claim.text == "it has not provided weaponry to any party"
    assert claim.speaker == "China" and claim.polarity == -1


def test_attribution_sentence_after_a_quotation_is_no_claim():
    text = "“Acme will close its Berlin plant in 2025.”\nA company spokesman told reporters."
    start, end = 1, text.index("”")
    quote = Quote(text=text[start:end], start=start, end=end, speaker="company spokesman",
                  speaker_text="A company spokesman", speaker_start=text.index("A company"),
                  speaker_end=text.index(" told"), cue="told reporters",
                  cue_start=text.index("told"), cue_end=len(text) - 1, kind="direct")
    claims = claims_of(text, [quote])
    assert [(c.text, c.voice) for c in claims] == [("Acme will close its Berlin plant in 2025", "quoted")]


def test_hedged_claims_are_marked():
    [claim] = claims_of("Chinese firms in Beijing may be providing technology that Russia can use.")
    assert claim.hedged


def test_empty_and_blank_texts():
    assert claims_of("") == []
    assert claims_of("   \n\n  ") == []


def test_fragments_are_not_claims():
    """Claim units are whole propositions: pieces left when a frame is cut off are dropped."""
    from newsprism.claims.extract import is_fragment

    for piece in ("aiding in the production of arms used in the Ukrainian conflict",
                  "a policy of neutrality on the Ukrainian conflict",
                  "The outgoing UN envoy to Iraq, Nikolay Mladenov, also",
                  "The offer to the Palestinian President which", "hitting a target near Mosul",
                  "the New York Times report",  # no finite verb: no proposition
                  "which a Navy official said occurred when the crew of Acme had no radio",
                  "who Smith has said would be a good running mate",  # a relative cut from its noun
                  "Asked why Washington would want to keep talking to Beijing",  # the question put
                  # a finite verb only in a subordinate clause
                  "to the club's decision to play the anthem while the teams were in the locker room"):
        assert is_fragment(piece), piece
    for whole in ("it has not provided weaponry to any party", "The attack left 12 people dead",
                  "China has steered clear of providing arms for Russia's war in Ukraine",
                  "the watch won't be exclusive to the United States in April",
                  "having a high HDL actually contributes to a high total cholesterol",
                  "In 1996 the court ruled that the order was valid"):
        assert not is_fragment(whole), whole


@pytest.mark.parametrize("text, expected", [
    ('Acme says Russia is "not a buyer of Chinese weapons".', 'Acme says Russia is "not a buyer of Chinese weapons"'),
    ("Acme says Russia is “not a buyer of Chinese weapons”.", "Acme says Russia is “not a buyer of Chinese weapons”"),
])
def test_a_claim_cut_at_a_closing_quotation_mark_keeps_it(text, expected):
    claims = claims_of(text)
    assert expected in [c.text for c in claims]
    for c in claims:
        assert c.text.count('"') % 2 == 0 and c.text.count("“") == c.text.count("”")
        assert text[c.start:c.end] == c.text


def test_a_claim_cut_where_a_relative_clause_opens_ends_at_its_noun():
    """The reported speech inside the relative clause is cut off as a frame; the claim before it
    must not end on the dangling "where"."""
    text = "Smith met Blinken at a summit in Berlin where Acme said China supplies drones to Russia."
    content = text.index("China")
    cue = text.index("said")
    quote = Quote(text=text[content:-1], start=content, end=len(text) - 1, speaker="Acme",
                  speaker_text="Acme", speaker_start=cue - 5, speaker_end=cue - 1, cue="said",
                  cue_start=cue, cue_end=cue + 4, kind="indirect")
    texts = [c.text for c in claims_of(text, [quote])]
    assert "Smith met Blinken at a summit in Berlin" in texts
    assert not any(t.endswith("where") for t in texts)


def test_a_sentence_that_ends_on_a_question_word_keeps_it():
    [claim] = claims_of("Blinken met Smith in Berlin but Acme did not say when.")
    assert claim.text.endswith("did not say when")
