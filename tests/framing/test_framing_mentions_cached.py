"""``analyze`` finds each article's candidate mentions from the language layer's parse (paragraph
by paragraph) and caches them as JSON: on the seeds, the panel built from the cached candidates
is the panel framing used to build by parsing the whole texts a second time."""
from __future__ import annotations

import json

from newsprism.analysis import story_mentions
from newsprism.framing import framing_panel
from newsprism.framing.mentions import candidate_from_dict
from newsprism.framing.terms import candidate_terms
from newsprism.nlp import annotate
from newsprism.quotes import parse_texts


def test_cached_candidates_give_the_seed_panel(seed_articles, language):
    docs = parse_texts([a.text for a in seed_articles], language)  # the language layer's parse
    notes = {a.article_id: a for a in annotate(seed_articles, language, docs=docs)}
    reparsed = framing_panel(seed_articles, notes, language=language)  # a second parse, of whole texts
    stored = json.loads(json.dumps(story_mentions(None, seed_articles, notes, language)))
    candidates = [candidate_from_dict(c) for a in seed_articles for c in stored[a.id]]
    groups = candidate_terms(candidates, language=language)
    panel = framing_panel(seed_articles, notes, groups=groups, language=language)
    assert panel.to_dict() == reparsed.to_dict()
    assert any(c.mention.kind == "act" and c.states for c in candidates)  # sets survive the JSON round trip
