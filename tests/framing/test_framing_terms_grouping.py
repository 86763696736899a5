"""Referent grouping on made-up articles: lexicon equivalences, acronyms, surnames, acts of war."""
from __future__ import annotations

from newsprism.framing import GroupingOptions, entity_terms


def _group_with(groups, form):
    return next(g for g in groups if form in {f.form for f in g.forms})


def test_state_names_capitals_parties_and_regimes_join(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "China said on Monday that it would not send arms. Beijing denied the report."),
        ("Daily B", "The Chinese regime denied the report. The CCP has not commented."),
        ("Daily C", "The People's Republic of China rejected the claims, and the Kremlin agreed with Moscow."),
    ])
    groups = entity_terms(articles, annotations, language=language)
    china = _group_with(groups, "CCP")
    assert china.referent == "China" and "lexicon" in china.linked_by
    assert {"China", "Beijing", "Chinese regime", "CCP", "People's Republic of China"} <= {f.form for f in china.forms}
    assert set(china.by_outlet()["Daily B"]) == {"CCP", "Chinese regime"}
    russia = _group_with(groups, "Kremlin")
    assert russia.referent == "Russia" and "Moscow" in {f.form for f in russia.forms}
    assert not {"Kremlin", "Moscow"} & {f.form for f in china.forms}  # lexicon states never chain


def test_acronyms_and_surnames(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "The World Health Organization warned on Tuesday. Tedros Ghebreyesus spoke to reporters."),
        ("Daily B", "The WHO warned again, and Ghebreyesus said the outbreak was serious."),
    ])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(embedding=False))
    who = _group_with(groups, "WHO")
    assert "World Health Organization" in {f.form for f in who.forms} and "acronym" in who.linked_by
    person = _group_with(groups, "Tedros Ghebreyesus")
    assert "Ghebreyesus" in {f.form for f in person.forms} and len(person.outlets) == 2


def test_ambiguous_surname_stays_apart(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "Foreign Minister Wang Yi met the delegation. Security minister Wang Xiaohong joined later."),
        ("Daily B", "Wang told the visitors that relations were improving."),
    ])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(embedding=False))
    for group in groups:
        forms = {f.form for f in group.forms}
        assert not ({"Wang Yi", "Wang Xiaohong"} <= forms)
        assert not ("Wang" in forms and len(forms & {"Wang Yi", "Wang Xiaohong"}) == 1)


def test_acts_of_war_join_by_their_sides(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "Sanctions followed Russia's invasion of Ukraine in 2022."),
        ("Daily B", "Moscow calls it a special military operation."),
        ("Daily C", "Officials discussed the Ukrainian conflict. Kyiv and Moscow traded blame. It has prolonged the conflict."),
        ("Daily D", "Washington and Beijing are locked in a trade war with China over chips. The debt crisis deepened."),
    ])
    groups = entity_terms(articles, annotations, language=language)
    war = _group_with(groups, "Russia's invasion of Ukraine")
    forms = {f.form for f in war.forms}
    assert {"special military operation", "Ukrainian conflict", "conflict"} <= forms
    assert war.referent == "Russia's war in Ukraine" and war.kind == "act"
    assert {"context", "lexicon"} <= set(war.linked_by)
    assert not any("trade war" in f for f in forms)
    acts = [g for g in groups if g.kind == "act"]
    assert not any("debt crisis" in f.form for g in acts for f in g.forms)  # no side named: left out
    trade = [g for g in acts if any("trade war" in f.form for f in g.forms)]
    assert len(trade) == 1 and trade[0] is not war


def test_without_lexicon_forms_only_join_by_string_rules(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "China said it would not send arms."),
        ("Daily B", "Beijing said it would not send arms."),
    ])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(lexicon=False, embedding=False))
    assert not any({"China", "Beijing"} <= {f.form for f in g.forms} for g in groups)


def test_capital_as_place_is_not_the_government(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "The minister travels to Beijing on Wednesday. Beijing denied any arms sales."),
        ("Daily B", "China denied any arms sales."),
    ])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(embedding=False))
    china = _group_with(groups, "China")
    beijing = [m for m in china.mentions if m.form == "Beijing"]
    assert len(beijing) == 1
    assert beijing[0].start > articles[0].text.index("Wednesday")  # the subject, not "to Beijing"
    place = [g for g in groups if g is not china and "Beijing" in {f.form for f in g.forms}]
    assert len(place) == 1 and place[0].referent == "Beijing"


def test_lowercase_pronoun_us_is_not_the_united_states(synthetic, language):
    articles, annotations = synthetic([("Daily A", '"He has to come and tell us why," the senator said of the US envoy.')])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(embedding=False))
    assert all(m.text != "us" for g in groups for m in g.mentions)


def test_titles_do_not_hide_a_surname(synthetic, language):
    articles, annotations = synthetic([
        ("Daily A", "French reporter Edith Bouvier was wounded in the shelling."),
        ("Daily B", "Ms Bouvier refused to board the vehicles, her editor said."),
    ])
    groups = entity_terms(articles, annotations, language=language,
                          options=GroupingOptions(embedding=False))
    person = _group_with(groups, "Edith Bouvier")
    assert "Ms Bouvier" in {f.form for f in person.forms}
