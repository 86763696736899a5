"""Golden: on the seeds the panel puts the Epoch Times copy's "CCP" / "Chinese regime" and RT's
wording for the war beside the other outlets' words for the same referents.

Expectations hand-checked against the seed texts (src/newsprism/examples/blinken/)."""
from __future__ import annotations

from testkit import find_article

from newsprism.framing import outlet_of


def _outlet(articles, phrase):
    return outlet_of(find_article(articles, phrase)).name


def _forms(group, outlet):
    return {f.form: f for o in group.outlets if o.outlet == outlet for f in o.forms}


def _china(panel):
    [group] = [g for g in panel.groups if "CCP" in {f.form for f in g.forms}]
    return group


def _war(panel, articles):
    rt = _outlet(articles, "the Ukrainian conflict, insisting")
    [group] = [g for g in panel.groups if g.kind == "act" and "Ukrainian conflict" in _forms(g, rt)]
    return group


def test_china_forms_side_by_side(seed_panel, seed_articles):
    group = _china(seed_panel)
    epoch = _outlet(seed_articles, "the Chinese regime has transferred")
    rt = _outlet(seed_articles, "the Ukrainian conflict, insisting")
    reuters = _outlet(seed_articles, "brutal war of aggression")
    side = seed_panel.side_by_side(group.referent)
    assert len(side) == 5 and group.varies
    assert {"CCP", "Chinese Communist Party", "Chinese regime", "China"} <= set(side[epoch])
    assert not _forms(group, epoch)["Chinese regime"].quoted  # the outlet's own words
    assert "People's Republic of China" in side[rt]
    assert {"PRC", "People's Republic of China", "China"} <= set(side[reuters])
    for other in set(side) - {epoch}:  # nobody else names the state by its party
        assert not {"CCP", "Chinese regime", "Chinese Communist Party"} & set(side[other])
    row = seed_panel.outlet(epoch)
    assert {"CCP", "Chinese regime"} <= set(row.choice(group.referent).distinctive)


def test_war_forms_side_by_side(seed_panel, seed_articles):
    group = _war(seed_panel, seed_articles)
    rt = _outlet(seed_articles, "the Ukrainian conflict, insisting")
    reuters = _outlet(seed_articles, "brutal war of aggression")
    preview = _outlet(seed_articles, "Since Russia’s invasion of Ukraine")
    assert {"Ukrainian conflict", "conflict in Ukraine"} <= set(_forms(group, rt))
    assert not any("war" in f or "invasion" in f for f in _forms(group, rt))  # RT never says war
    reuters_forms = _forms(group, reuters)
    assert reuters_forms["Russia's brutal war of aggression against Ukraine"].quoted == 1  # Blinken's words
    assert reuters_forms["Russia's war in Ukraine"].quoted == 0
    assert reuters_forms["Ukraine crisis"].quoted == 1  # China's words
    assert "Russia's invasion of Ukraine" in _forms(group, preview)
    assert len(group.outlets) >= 4


def test_loaded_terms_per_outlet(seed_panel, seed_articles):
    epoch = seed_panel.outlet(_outlet(seed_articles, "the Chinese regime has transferred"))
    rt = seed_panel.outlet(_outlet(seed_articles, "the Ukrainian conflict, insisting"))
    reuters = seed_panel.outlet(_outlet(seed_articles, "brutal war of aggression"))
    loaded = {(c.term, c.category): c for c in epoch.loaded}
    assert loaded[("regime", "label")].quoted == 0
    assert loaded[("CCP", "party-for-state")].count >= 4
    assert {(c.term, c.category) for c in rt.loaded} >= {("conflict", "softening")}
    brutal = {c.term: c for c in reuters.loaded}["brutal"]
    assert brutal.quoted == brutal.count == 1
    assert 0 < epoch.own_voice_per_1000 <= epoch.loaded_per_1000


def test_missing_outlets_are_said(seed_panel, seed_articles):
    epoch = seed_panel.outlet(_outlet(seed_articles, "the Chinese regime has transferred"))
    assert epoch.outlet_source == "article"
    assert any("no outlet" in note and epoch.outlet in note for note in seed_panel.notes)
    assert not seed_panel.has_coverage and all(not o.omissions for o in seed_panel.outlets)


def test_loaded_words_cite_their_article_and_sentence(seed_panel, seed_articles):
    texts = {a.id: a.text for a in seed_articles}
    reuters = seed_panel.outlet(_outlet(seed_articles, "brutal war of aggression"))
    for outlet in seed_panel.outlets:
        for word in outlet.loaded_words:
            text = texts[word.article_id]
            assert word.article_id in outlet.articles and text[word.start:word.end] == word.text
            assert word.sentence_start <= word.start < word.end <= word.sentence_end <= len(text)
            assert word.reason
    brutal = [w for w in reuters.loaded_words if w.text.lower() == "brutal"]
    assert brutal and all(w.quoted for w in brutal)  # Blinken's word, not Reuters'
    assert any(w.probability is not None for o in seed_panel.outlets for w in o.loaded_words)
    assert seed_panel.to_dict()["outlets"][0]["loaded_words"][0]["reason"]
