"""The tense rule (a preview's look-ahead goes once the event is reported) and the page-widget
filter, on small texts."""
from __future__ import annotations

from newsprism.model import Event, EventArticle
from newsprism.summarize import summarize
from newsprism.summarize.dossier import stale_previews
from newsprism.summarize.records import Sentence
from newsprism.summarize.sentences import is_junk, is_prospective

PREVIEW = ("The foreign minister is set to visit Lagos on Tuesday for talks on the port deal. "
           "Details of the minister's trip are yet to be announced. "
           "The port handles a third of the region's container traffic.")
REPORT = ("The foreign minister visited Lagos on Tuesday and signed the port deal after four hours of talks. "
          "The port handles a third of the region's container traffic, officials said.")


def test_summarize_tense_prospective_sentences():
    assert is_prospective("Details of the minister's trip are yet to be announced.")
    assert is_prospective("The minister is expected to sign the deal.")
    assert is_prospective("The minister will travel to Lagos next month.")
    assert not is_prospective("The minister visited Lagos on Tuesday.")
    assert not is_prospective('"We will sign it," the minister said on Tuesday.')  # a quote, not a forecast


def test_summarize_tense_previews_look_ahead_dropped_once_reported(language):
    summary = summarize([PREVIEW, REPORT], 200, language=language, previews={"0"})
    assert summary.sentences
    assert all(not is_prospective(s.text) for s in summary.sentences if s.article == "0")
    assert "yet to be announced" not in summary.text and "is set to visit" not in summary.text
    kept = summarize([PREVIEW, REPORT], 200, language=language)  # no report known: the preview is news
    assert "yet to be announced" in kept.text


def test_summarize_tense_stale_previews_need_a_report():
    def event(*roles: str) -> Event:
        return Event(id="e", title="t", start=None, end=None,
                     articles=tuple(EventArticle(id=f"a{n}", role=r) for n, r in enumerate(roles)))

    assert stale_previews(event("preview", "report", "preview")) == {"a0", "a2"}
    assert stale_previews(event("preview", "preview")) == frozenset()
    assert stale_previews(event("report")) == frozenset()


def _sentence(text: str) -> Sentence:
    return Sentence(doc=0, position=0, text=text, words=len(text.split()))


def test_summarize_junk_widgets_measured_on_multinews():
    for widget in ("You always have the option to delete your Tweet location history.",
                   "Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO.",
                   "Flowing in every day, these data are added to the Wayback Machine after an embargo period.",
                   "Add Lagos as an interest to stay up to date on the latest news, video, and analysis from ABC News.",
                   "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box."):
        assert is_junk(_sentence(widget)), widget
    for story in ("The minister said he would delete the tweet about the port deal on Tuesday.",
                  "Readers who signed the petition asked the newspaper to archive the pages."):
        assert not is_junk(_sentence(story)), story


def test_summarize_junk_never_in_a_summary(language):
    text = ("The council approved the new bridge on Monday after a two-year dispute over its cost. "
            "You always have the option to delete your Tweet location history. "
            "Construction of the bridge will begin in the spring, the mayor said.")
    summary = summarize([text], 200, language=language)
    assert summary.sentences and "Tweet location history" not in summary.text


def test_summarize_junk_bare_attribution_says_nothing():
    def junk(text: str) -> bool:
        return is_junk(_sentence(text))

    assert junk("A US State Department spokesman told reporters.")
    assert junk("Police said on Sunday.")
    assert junk("The spokesman added.")
    assert not junk("Blinken told Wang the US would act against Chinese firms.")
    assert not junk("The president said Tuesday that he would veto the bill.")
    assert not junk('"We will act against the firms," he said.')
