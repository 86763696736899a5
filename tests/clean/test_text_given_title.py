"""Plain-text items whose input gave the title apart (a JSONL ``title`` field): the text holds
no headline to find, so its first lines are the lead, and a one-line item is a brief."""
from __future__ import annotations

from newsprism.clean import clean
from newsprism.clean.text import clean_text
from newsprism.model import RawArticle

TITLE = "Council approves budget after months of debate"
LEAD = "Senate leaders broke with the White House on Monday over the proposed spending plan"
PARA = ("The minister said on Tuesday that the government would review the decision after "
        "consulting with the regional authorities and the opposition parties in parliament.")
PARA2 = ("Officials told reporters that the talks had been constructive, although several issues "
         "remained unresolved and a further meeting was expected to take place next month.")


def test_first_paragraph_is_kept_when_the_title_is_given():
    text = "\n\n".join([LEAD + ", saying the cuts went too far.", PARA, PARA2])
    cleaned = clean_text(text, title=TITLE)
    assert cleaned.blocks[0].text.startswith(LEAD)
    assert not any(r.reason == "headline" for r in cleaned.removed)


def test_without_a_title_the_first_short_line_is_still_the_headline():
    cleaned = clean_text("\n\n".join([TITLE, PARA, PARA2]))
    assert [b.text for b in cleaned.blocks] == [PARA, PARA2]
    assert cleaned.removed[0].reason == "headline"


def test_the_title_repeated_in_the_text_stays_out_of_the_body():
    cleaned = clean_text("\n\n".join([TITLE + " - Daily Planet", PARA, PARA2]), title=TITLE)
    assert [b.text for b in cleaned.blocks] == [PARA, PARA2]


def test_a_one_line_lead_cut_off_mid_sentence_is_not_refused():
    raw = RawArticle(source="leads.jsonl:3", kind="text", title=TITLE, body=LEAD)
    assert [b.text for b in clean(raw).blocks] == [LEAD]


def test_a_lead_opened_by_an_acronym_in_brackets_is_no_dateline():
    lead = ("The Food and Drug Administration (FDA) on Monday approved a new drug for the disease, "
            "the first new therapy in nearly two decades.")
    assert [b.text for b in clean_text(lead, title=TITLE).blocks] == [lead]


def test_an_empty_item_stays_empty():
    assert clean_text("", title=TITLE).blocks == ()
