"""Plain-text cleaner: boilerplate cues, body region, sub-headings, captions, idempotence."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from newsprism.clean.text import clean_text, cue_reason, is_caption, looks_like_heading

PARA = ("The minister said on Tuesday that the government would review the decision after "
        "consulting with the regional authorities and the opposition parties in parliament.")
PARA2 = ("Officials told reporters that the talks had been constructive, although several issues "
         "remained unresolved and a further meeting was expected to take place next month.")
PARA3 = ("Critics of the plan have argued that it does not go far enough, and that the costs of "
         "delay will be borne by the people who can least afford them in the coming years.")


def dump(*lines: str) -> str:
    return "\n".join(lines)


def test_body_region_between_navigation_and_footer():
    text = dump("Home", "World", "Politics", "Minister to review decision", "By Jane Doe",
                PARA, "", PARA2, "", PARA3, "Related Articles", "Share on Facebook",
                "© 2024 Example Media. All rights reserved.")
    cleaned = clean_text(text)
    assert [b.line for b in cleaned.blocks] == [6, 8, 10]
    assert cleaned.header == ("Home", "World", "Politics", "Minister to review decision", "By Jane Doe")
    reasons = {r.line: r.reason for r in cleaned.removed}
    assert reasons[4] == "headline" and reasons[5] == "byline"
    assert reasons[11] == "related" and reasons[12] == "social" and reasons[13] == "footer"


def test_teaser_after_related_label_stays_out():
    teaser = ("Another long story about something else entirely, which the site shows to keep the "
              "reader on its pages, with a summary that reads just like prose ... read more")
    long_teaser = teaser.replace(" ... read more", ".") * 3
    text = dump(PARA, PARA2, "Related Links", "Other headline here", long_teaser)
    assert [b.line for b in clean_text(text).blocks] == [1, 2]


def test_subheading_between_paragraphs_is_a_heading_block():
    cleaned = clean_text(dump(PARA, "What Happens Next", PARA2, "- Advertisement -", PARA3))
    kinds = [(b.line, b.kind) for b in cleaned.blocks]
    assert kinds == [(1, "paragraph"), (2, "heading"), (3, "paragraph"), (5, "paragraph")]
    assert {r.line: r.reason for r in cleaned.removed} == {4: "ad"}


def test_caption_inside_body_goes_to_captions():
    caption = ("President Smith (L) greets the delegation at the airport on March 3, 2024. "
               "(John Doe/AFP via Getty Images)")
    cleaned = clean_text(dump(PARA, caption, PARA2))
    assert [b.line for b in cleaned.blocks] == [1, 3]
    assert cleaned.captions == (caption,)


def test_wire_credit_after_body_is_not_body():
    cleaned = clean_text(dump(PARA, PARA2, "Source: Reuters", "Leave a Reply"))
    assert [b.line for b in cleaned.blocks] == [1, 2]
    assert {r.text: r.reason for r in cleaned.removed}["Source: Reuters"] == "credit"


def test_contributor_credit_ends_the_body():
    credit = "Jane Roe and John Poe contributed to this report."
    assert [b.text for b in clean_text(dump(PARA, PARA2, credit)).blocks][-1] == credit


def test_repeated_lines_are_boilerplate():
    site_line = ("Our journalism is funded by readers like you, and every contribution, however big or "
                 "small, helps us keep our reporting independent and free for everyone to read.")
    cleaned = clean_text(dump(PARA, PARA2, site_line), repeated=frozenset({site_line}))
    assert [b.line for b in cleaned.blocks] == [1, 2]
    assert cleaned.removed[-1].reason == "repeated"


def test_reader_comments_do_not_outweigh_the_article():
    comments = [f"reader{i} says:\nNovember 19, 2019 at 6:{i:02d} am\n{PARA3}" for i in range(10)]
    text = dump(PARA, PARA2, "10 responses to “The story”", *comments)
    assert [b.line for b in clean_text(text).blocks] == [1, 2]


def test_unknown_language_falls_back_to_length_and_punctuation():
    korean = "서울 시장은 오늘 기자회견에서 새로운 교통 정책을 발표했으며 시민들의 의견을 듣겠다고 말했다. " * 2
    assert clean_text(dump("메뉴", korean, "로그인")).text == korean.strip()


def test_cues_and_captions():
    assert cue_reason("Subscribe Free To Our Daily Newsletters") == "subscribe"
    assert cue_reason("Your email address will not be published. Required fields are marked *") == "comment"
    assert cue_reason("Back to top button") == "navigation"
    assert cue_reason(PARA) is None
    assert is_caption("Secretary Blinken speaks in Washington on June 15, 2023. Chip Somodevilla/Getty Images")
    assert is_caption("© Reuters. FILE PHOTO: A ship at sea. REUTERS/Jane Doe/File Photo")
    assert not is_caption(PARA)
    assert looks_like_heading("STEADYING THE SHIP") and looks_like_heading("US Won’t Provide Technology to China")
    assert not looks_like_heading("He said the plan would fail.")


def test_empty_and_junk_input():
    assert clean_text("").blocks == ()
    assert clean_text("\n\n \x00\x0b\u2028 ").blocks == ()


lines = st.lists(st.one_of(st.sampled_from([PARA, PARA2, PARA3, "Related Links", "What Happens Next", "",
                                            "- Advertisement -", "Share", "Source: Reuters", "By Jane Doe"]),
                           st.text(max_size=120)), max_size=14)


@settings(max_examples=150, deadline=None)
@given(lines)
def test_cleaning_is_idempotent(parts):
    """Cleaning its own output changes nothing. One exception, by design: a body of one line
    re-read alone has lost the line above it that made it a lead ("Related Links" over "A A A"
    reads as headline over lead), and a lone line is a headline or nothing."""
    once = clean_text("\n".join(parts)).text
    again = clean_text(once).text
    if "\n" in once:
        assert again == once
    else:
        assert again in (once, "")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_never_raises_on_junk(text):
    cleaned = clean_text(text)
    assert isinstance(cleaned.text, str)
