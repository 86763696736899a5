"""Quote alignment on small hand-made inputs: each variant class, and the edge cases."""
from __future__ import annotations

import numpy as np

from newsprism.quotes.align import (ALTERED, DIFFERENT_SPEAKER, POSSIBLE_MISATTRIBUTION, REWORDED,
                                    SPEAKERS_DISAGREE, TRIMMED, VERBATIM, align_quotes, word_class)
from newsprism.quotes.records import Quote


def quote(text: str, speaker: str | None, *, at: int = 0, kind: str = "direct", flags=(), mention=None) -> Quote:
    mention = mention or speaker
    return Quote(text=text, start=at, end=at + len(text), speaker=speaker, speaker_text=mention,
                 speaker_start=at + len(text) + 2 if mention else None,
                 speaker_end=at + len(text) + 2 + len(mention) if mention else None,
                 cue="said", kind=kind, flags=tuple(flags))


def no_embedder(texts):
    raise AssertionError(f"no rewording candidate expected, embedder called on {texts}")


def fixed_embedder(similar: set[str]):
    """Unit vectors: the texts in ``similar`` all point one way, every other text its own way."""
    def embed(texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, 0 if text in similar else 1 + row] = 1.0  # texts of one call are distinct
        return out
    return embed


def multi(aligned):
    return [a for a in aligned if len(a.variants) > 1]


def by_article(aligned_quote):
    return {v.article: v for v in aligned_quote.variants}


def test_verbatim_modulo_punctuation_and_case(language):
    words = "We will not accept any outcome that rewards aggression"
    aligned = align_quotes({"a": [quote(words + ".", "Antony Blinken")],
                            "b": [quote("we will not accept any outcome -- that rewards aggression,", "Blinken")]},
                           embed=no_embedder, language=language)
    [one] = aligned
    assert one.speaker == "Antony Blinken" and one.independent_sources == 2
    assert {v.variant for v in one.variants} == {VERBATIM}
    assert by_article(one)["b"].speaker == "Antony Blinken"  # canonicalised across articles


def test_trimmed_keeps_the_fuller_wording_as_reference(language):
    full = "With regard to lethal aid, we and other countries have received assurances from China that it will not provide it"
    short = "We and other countries have received assurances from China that it will not provide it"
    [one] = align_quotes({"a": [quote(full, "Antony Blinken")], "b": [quote(short, "Antony Blinken")]}, embed=no_embedder, language=language)
    variants = by_article(one)
    assert (variants["a"].variant, variants["b"].variant) == (VERBATIM, TRIMMED)
    assert one.text == full


def test_reworded_direct_quotes_are_flagged_altered(language):
    a = "We have asked the Chinese government to be very vigilant about that"
    b = "We asked Beijing's government to stay extremely vigilant on this matter"
    [one] = align_quotes({"a": [quote(a, "Antony Blinken")], "b": [quote(b, "Antony Blinken")]},
                         embed=fixed_embedder({a, b}), language=language)
    assert by_article(one)["b"].variant == REWORDED or by_article(one)["a"].variant == REWORDED
    assert ALTERED in one.flags


def test_rewording_needs_close_embeddings(language):
    a = "We have asked the Chinese government to be very vigilant about that"
    b = "We asked Beijing's government to stay extremely vigilant on this matter"
    aligned = align_quotes({"a": [quote(a, "Antony Blinken")], "b": [quote(b, "Antony Blinken")]},
                           embed=fixed_embedder(set()), language=language)
    assert len(aligned) == 2


def test_same_words_two_named_speakers_is_a_possible_misattribution(language):
    words = "The concern there is that Russia has significantly reshaped its defense industrial base"
    aligned = align_quotes({"a": [quote(words, "Antony Blinken")], "b": [quote(words, "Mao Ning")]}, embed=no_embedder, language=language)
    [one] = aligned
    assert POSSIBLE_MISATTRIBUTION in one.flags
    assert sorted(v.variant for v in one.variants) == [DIFFERENT_SPEAKER, VERBATIM]
    assert {v.speaker for v in one.variants} == {"Antony Blinken", "Mao Ning"}  # both attributions kept
    assert any("Mao Ning" in r and "Antony Blinken" in r for r in one.reasons)


def test_a_pronoun_resolved_to_someone_else_is_not_an_accusation(language):
    words = "The concern there is that Russia has significantly reshaped its defense industrial base"
    aligned = align_quotes({"a": [quote(words, "Antony Blinken")],
                            "b": [quote(words, "Mao Ning", mention="he", flags=("pronoun-speaker",))]},
                           embed=no_embedder, language=language)
    [one] = aligned
    assert POSSIBLE_MISATTRIBUTION not in one.flags and SPEAKERS_DISAGREE in one.flags
    assert one.speaker == "Antony Blinken"


def test_different_speakers_different_words_stay_apart(language):
    aligned = align_quotes({"a": [quote("China regulates the export of dual-use items in accordance with laws", "Mao Ning")],
                            "b": [quote("We reiterate our deep concerns about support for Russia's defense base", "Matthew Miller")]},
                           embed=no_embedder, language=language)
    assert len(aligned) == 2 and not multi(aligned)


def test_no_quotes(language):
    assert align_quotes({}, language=language) == []
    assert align_quotes({"a": [], "b": []}, language=language) == []


def test_single_article_never_merges_with_itself(language):
    words = "We will keep working with our partners on this"
    aligned = align_quotes({"a": [quote(words, "Antony Blinken"), quote(words, "Antony Blinken", at=200)]},
                           embed=no_embedder, language=language)
    assert len(aligned) == 2 and all(a.independent_sources == 1 for a in aligned)


def test_unnamed_speakers_align_without_inventing_one(language):
    words = "There is no evidence of weapons deliveries at this stage"
    [one] = align_quotes({"a": [quote(words, None, flags=("no-speaker",))], "b": [quote(words, None, flags=("no-speaker",))]},
                         embed=no_embedder, language=language)
    assert one.speaker is None and len(one.variants) == 2
    assert POSSIBLE_MISATTRIBUTION not in one.flags


def test_roles_stay_roles_and_align_with_compatible_speakers(language):
    words = "Without getting too far ahead of those meetings, you can certainly expect that"
    [one] = align_quotes({"a": [quote(words, "State Department spokesman", mention="a State Department spokesman",
                                      flags=("unnamed-speaker",))],
                          "b": [quote(words, "Matthew Miller")]}, embed=no_embedder, language=language)
    assert one.speaker == "Matthew Miller"
    assert {v.speaker for v in one.variants} == {"State Department spokesman", "Matthew Miller"}
    assert {v.variant for v in one.variants} == {VERBATIM}


def test_events_and_groups(language):
    words = "We will keep working with our partners on this question"
    quotes = {"a": [quote(words, "Antony Blinken")], "b": [quote(words, "Antony Blinken")],
              "c": [quote(words, "Antony Blinken")]}
    apart = align_quotes(quotes, event_of={"a": "e1", "b": "e2", "c": "e2"}, embed=no_embedder, language=language)
    assert sorted(len(a.variants) for a in apart) == [1, 2]
    [one] = align_quotes(quotes, group_of={"a": "g1", "b": "g1", "c": "g2"}, embed=no_embedder, language=language)
    assert one.independent_sources == 2


def test_ids_are_stable_and_order_free(language):
    words = "We will keep working with our partners on this question"
    quotes = {"a": [quote(words, "Antony Blinken")], "b": [quote(words, "Antony Blinken")]}
    first = align_quotes(quotes, embed=no_embedder, language=language)
    again = align_quotes(dict(reversed(list(quotes.items()))), embed=no_embedder, language=language)
    assert [a.id for a in first] == [a.id for a in again]
    assert first[0].to_dict() == again[0].to_dict()


def test_interface_fields(language):
    words = "We will keep working with our partners on this question"
    [one] = align_quotes({"a": [quote(words, "Antony Blinken")], "b": [quote(words, "Blinken")]}, embed=no_embedder, language=language)
    data = one.to_dict()
    assert {"id", "speaker", "variants", "independent_sources", "flags", "event"} <= set(data)
    assert {"article", "text", "start", "end", "speaker_text", "speaker_start", "speaker_end", "cue", "kind",
            "variant", "flags"} <= set(data["variants"][0])


def test_word_classes():
    ref = "a b c d e f g h".split()
    assert word_class(ref, ref) == VERBATIM
    assert word_class("c d e f g h".split(), ref) == TRIMMED
    assert word_class("x y c z w".split(), ref) == REWORDED
