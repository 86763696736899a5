"""Lead words: the vocabulary of what happened, without names, links events of one kind."""
import numpy as np

from newsprism.cluster.features import features, lead_words
from newsprism.cluster.linking import lead_word_idf, lead_word_similarity

from .helpers import make_annotation, make_article, unit

LEADS = {
    "athens": "Riots broke out in Athens after police shot a teenager. Protesters torched banks.",
    "brooklyn": "Riots broke out in Brooklyn after police shot a teenager during a vigil. Protesters clashed.",
    "quake": "A strong earthquake struck Iran and damaged villages. Rescuers searched the rubble.",
    "quake2": "A strong earthquake struck Chile and damaged villages. Rescuers searched for survivors.",
}


def _feats(name, text):
    article = make_article(name, text, published="2024-01-02")
    return features(article, make_annotation(article, unit(np.ones(384))))


def test_lead_words_leave_names_out():
    article = make_article("x", LEADS["athens"])
    terms, _ = lead_words(article, make_annotation(article, unit(np.ones(384))))
    athens_only, _ = lead_words(make_article("y", "Athens Athens"), None)
    riots, _ = lead_words(make_article("z", "the riots"), None)
    assert athens_only.size == 0
    assert set(riots.tolist()) <= set(terms.tolist())


def test_lead_words_tell_kinds_of_happening_apart():
    feats = {name: _feats(name, text) for name, text in LEADS.items()}
    events = [[feats["athens"]], [feats["brooklyn"]], [feats["quake"]], [feats["quake2"]]]
    sims = lead_word_similarity(events, lead_word_idf([f for e in events for f in e]))
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[0, 3]
    assert sims[2, 3] > sims[2, 0] and sims[2, 3] > sims[2, 1]


def test_two_events_are_not_made_opposite_by_centring():
    """A pile of two events has no common ground to remove: centred fully, any two would be -1."""
    a, b = _feats("athens", LEADS["athens"]), _feats("brooklyn", LEADS["brooklyn"])
    sims = lead_word_similarity([[a], [b]], lead_word_idf([a, b]))
    assert sims[0, 1] > 0.3
