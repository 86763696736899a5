"""Preview (written before the happening) or report."""
from newsprism.cluster import role
from newsprism.model import Article


def make(headline, text, published=None):
    return Article(id="x", source="t", url=None, canonical_url=None, headline=headline, outlet=None, byline=None,
                   dateline=None, published=published, wire=None, language="en", text=text)


def test_headline_to_verb_is_a_preview():
    assert role(make("Blinken to warn China against helping Russia",
                     "US Secretary of State Antony Blinken aims to put pressure on Chinese officials when he "
                     "travels to Beijing on Wednesday.")) == "preview"


def test_set_to_and_expected_to_in_the_lead():
    text = ("U.S. Secretary of State Antony Blinken is set to discuss concerns with China. During his visit, "
            "Blinken is expected to address the issue. Details of the trip are yet to be announced.")
    assert role(make("Concerns over China's support for Russia", text)) == "preview"


def test_past_tense_report():
    text = ("US Secretary of State Antony Blinken said Monday in Beijing that China had renewed promises. "
            "\"We will not provide lethal assistance,\" he quoted officials as saying.")
    assert role(make("Blinken says China promised not to send arms to Russia", text, "2023-06-19")) == "report"


def test_future_weekday_relative_to_publication():
    text = "The minister travels to Paris on Thursday for talks with his counterpart, officials said."
    assert role(make("Minister heads for talks", text, "2024-04-22")) == "preview"


def test_no_headline_no_text_is_a_report():
    assert role(make(None, "")) == "report"
