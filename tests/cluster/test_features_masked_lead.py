"""The masked lead (names, places, dates replaced by their kind) is computed at annotation time,
kept in the store, and mixed into the lead that links events into stories; annotations without
it (older ones, hand-built ones) fall back to the first sentence and its own link."""
import dataclasses

import numpy as np
import pytest

from newsprism.cluster import features
from newsprism.cluster.linking import FIRST_SENTENCE_LINK, STORY_TYPE_LINK, default_link
from newsprism.model import Entity, RawArticle, Span
from newsprism.nlp.language import masked_lead
from newsprism.store import SQLiteStore

from .helpers import DIM, make_annotation, make_article, unit


def spans(text, *pieces):
    out = []
    for piece in pieces:
        start = text.find(piece)
        out.append(Span(text=piece, start=start, end=start + len(piece)))
    return out


def ents(text, *names):
    out = []
    for name, label in names:
        start = text.find(name)
        out.append(Entity(text=name, label=label, start=start, end=start + len(name)))
    return out


def test_masked_lead_replaces_names_by_their_kind_within_the_first_sentences():
    text = ("Lindsay Lohan checked into rehab in Malibu on Monday. She left Betty Ford. "
            "A third sentence. Past the lead, Paris stays.")
    sentences = spans(text, "Lindsay Lohan checked into rehab in Malibu on Monday.", "She left Betty Ford.",
                      "A third sentence.", "Past the lead, Paris stays.")
    entities = ents(text, ("Lindsay Lohan", "PERSON"), ("Malibu", "GPE"), ("Monday", "DATE"),
                    ("Betty Ford", "ORG"), ("Paris", "GPE"))
    assert masked_lead(text, sentences, entities) == ("someone checked into rehab in a place on a date. "
                                                      "She left an organisation. A third sentence.")
    assert masked_lead("no sentences at all", [], []) == "no sentences at all"


def test_annotate_gives_a_unit_masked_lead_that_reads_kinds_not_names(seed_annotations, language):
    for annotation in seed_annotations:
        assert annotation.lead_vector.shape == (DIM,)
        assert abs(float(np.linalg.norm(annotation.lead_vector)) - 1.0) < 1e-4
    # two rehab stays of different people read closer masked than as written
    a = "Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday."
    b = "Tara Reid entered Promises Treatment Center in Malibu last week."
    raw = language.embed([a, b])
    masked = language.embed(["someone checked into an organisation in a place on a date.",
                             "someone entered an organisation in a place a date."])
    assert float(masked[0] @ masked[1]) > float(raw[0] @ raw[1])


def test_features_lead_mixes_the_masked_lead_and_falls_back_without_it():
    rng = np.random.default_rng(1)
    article = make_article("x1", "Someone did something somewhere that day. " * 8)
    first, masked = unit(rng.normal(size=DIM)), unit(rng.normal(size=DIM))
    plain = make_annotation(article, first)
    assert np.allclose(features(article, plain).lead, first)
    assert not features(article, plain).masked
    mixed = features(article, dataclasses.replace(plain, lead_vector=masked * 3))
    assert mixed.masked
    assert np.allclose(mixed.lead, unit(first + masked), atol=1e-6)
    # a lead vector of the wrong size is ignored, not a crash
    odd = features(article, dataclasses.replace(plain, lead_vector=np.ones(5, dtype=np.float32)))
    assert np.allclose(odd.lead, first)


def test_link_follows_the_kind_of_lead():
    rng = np.random.default_rng(2)
    article = make_article("x2", "Someone did something somewhere that day. " * 8)
    plain = make_annotation(article, unit(rng.normal(size=DIM)))
    old = features(article, plain)
    new = features(article, dataclasses.replace(plain, lead_vector=unit(rng.normal(size=DIM))))
    assert default_link([[old, old], [new]]) == FIRST_SENTENCE_LINK
    assert default_link([[new, new], [old]]) == STORY_TYPE_LINK


@pytest.mark.parametrize("with_lead", [True, False])
def test_store_keeps_the_masked_lead(tmp_path, with_lead):
    rng = np.random.default_rng(3)
    store = SQLiteStore(tmp_path / "lead.db")
    try:
        article = make_article("a" * 16, "Someone did something somewhere that day. " * 8)
        store.add(RawArticle(source="x.txt", kind="text", body=article.text, url=None), article)
        annotation = make_annotation(article, unit(rng.normal(size=DIM)))
        if with_lead:
            annotation = dataclasses.replace(annotation, lead_vector=unit(rng.normal(size=DIM)))
        store.save_annotations([annotation])
        back = store.annotations("test")[article.id]
        if with_lead:
            assert np.array_equal(back.lead_vector, annotation.lead_vector)
        else:
            assert back.lead_vector is None
    finally:
        store.close()
