"""The language layer on the seeds: sentences with offsets, entities, normalised vectors."""
from __future__ import annotations

import numpy as np

from newsprism.nlp import EMBED_DIM, NLP_VERSION


def test_language_sentences_point_into_the_text(seed_articles, seed_annotations):
    for article, annotation in zip(seed_articles, seed_annotations):
        assert annotation.article_id == article.id and annotation.version == NLP_VERSION
        assert len(annotation.sentences) >= 5
        for span in annotation.sentences:
            assert article.text[span.start:span.end] == span.text


def test_language_vectors_are_normalised(seed_annotations):
    for annotation in seed_annotations:
        assert annotation.sentence_vectors.shape == (len(annotation.sentences), EMBED_DIM)
        assert np.allclose(np.linalg.norm(annotation.sentence_vectors, axis=1), 1.0, atol=1e-4)
        assert np.isclose(np.linalg.norm(annotation.vector), 1.0, atol=1e-4)


def test_language_one_label_per_name(seed_annotations):
    for annotation in seed_annotations:
        labels = {}
        for entity in annotation.entities:
            assert labels.setdefault(entity.text, entity.label) == entity.label


def test_language_finds_people_and_places(seed_articles, seed_annotations):
    people = {e.text for a in seed_annotations for e in a.entities if e.label == "PERSON"}
    places = {e.text for a in seed_annotations for e in a.entities if e.label == "GPE"}
    assert "Antony Blinken" in people and "Wang Yi" in people
    assert {"Beijing", "China", "Russia"} <= places


def test_language_similar_texts_embed_close(language):
    a, b, c = language.embed(["Blinken met Wang Yi in Beijing.", "The US secretary of state held talks with "
                              "China's top diplomat in Beijing.", "A magnitude 6 earthquake hit Chile."])
    assert a @ b > a @ c + 0.2
