"""Loaded words read from the language layer's MiniLM pass (``states``) are the words a second
pass finds: the same words, offsets, reasons and probabilities."""
from __future__ import annotations

from newsprism.framing.words import loaded_words
from newsprism.nlp.language import annotate_states


def test_loaded_words_from_states_equal_a_second_pass(seed_articles, language):
    annotations, states = annotate_states(seed_articles, language, states=True)
    assert states  # the numpy engine hands its pass over
    found = 0
    for article, note in zip(seed_articles, annotations):
        sentences = [(s.start, s.end) for s in note.sentences]
        again = loaded_words(article.text, language=language, sentences=sentences, article_id=article.id)
        shared = loaded_words(article.text, language=language, sentences=sentences, article_id=article.id,
                              states=states)
        assert [w.to_dict() for w in shared] == [w.to_dict() for w in again]
        found += len(shared)
    assert found > 0
