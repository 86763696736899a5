"""HTML cleaner: small hand-written pages, and hypothesis properties (idempotent, never raises)."""
from __future__ import annotations

from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.clean.html import clean_html
from newsprism.model import Block, Cleaned

LEAD = ("The city council voted on Tuesday to approve a new budget for the coming year, after "
        "months of debate over spending on schools, roads and the public library system.")
SECOND = ("Council members said the plan would raise property taxes slightly, but that the "
          "increase was needed to keep services running as the population keeps growing fast.")
THIRD = ("The mayor, who had pushed for the budget since the spring, called the vote a victory "
         "for residents and promised a series of town meetings to explain the changes to them.")
FOURTH = ("Opponents argued that the council had not done enough to cut costs elsewhere, and "
          "several said they would campaign against the members who voted in favour of it.")


def page(body: str, head: str = "<title>Council passes budget | Daily Planet</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


NAV = ('<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World '
       'news</a></li><li><a href="/sport">Sport and games</a></li></ul></nav>')
FOOTER = ('<footer class="site-footer"><p>Copyright 2024 Daily Planet Media Group. All rights '
          'reserved.</p><p><a href="/privacy">Privacy policy and cookie settings</a></p></footer>')
RELATED = ('<div class="related-stories"><h3>Related stories</h3><ul>'
           '<li><a href="/a">Mayor announces new park plan for the east side</a></li>'
           '<li><a href="/b">School board delays vote on the new calendar</a></li></ul></div>')


def article(*inner: str) -> str:
    return ("<article><h1>Council passes budget</h1>" + "".join(inner) + "</article>")


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_html_paragraphs_kept_as_blocks():
    cleaned = clean_html(page(NAV + article(paras(LEAD, SECOND, THIRD, FOURTH)) + FOOTER))
    assert [b.text for b in cleaned.blocks] == [LEAD, SECOND, THIRD, FOURTH]
    assert all(b.kind == "paragraph" for b in cleaned.blocks)
    assert cleaned.text == "\n\n".join([LEAD, SECOND, THIRD, FOURTH])


def test_html_subheadings_marked():
    body = article(paras(LEAD, SECOND), "<h2>What happens next</h2>", paras(THIRD, FOURTH))
    cleaned = clean_html(page(body))
    assert Block(text="What happens next", kind="heading") in cleaned.blocks
    kinds = [b.kind for b in cleaned.blocks]
    assert kinds.count("heading") == 1 and kinds.count("paragraph") == 4


def test_html_headline_not_in_body_and_title_read():
    head = ('<title>Council passes budget | Daily Planet</title>'
            '<meta property="og:title" content="Council passes budget">')
    cleaned = clean_html(page(article(paras(LEAD, SECOND, THIRD)), head=head))
    assert cleaned.page_title == "Council passes budget"
    assert "Council passes budget" not in cleaned.text


def test_html_title_falls_back_to_title_tag():
    cleaned = clean_html("<html><head><title>Just a title</title></head><body>"
                         f"<div>{paras(LEAD, SECOND, THIRD)}</div></body></html>")
    assert cleaned.page_title == "Just a title"


def test_html_captions_moved_out_of_body():
    figure = ('<figure><img src="a.jpg"><figcaption>The council chamber on Tuesday evening. '
              'Photo: Jane Doe/Daily Planet</figcaption></figure>')
    credit = "<p>REUTERS/John Smith</p>"
    body = article(paras(LEAD), figure, paras(SECOND), credit, paras(THIRD, FOURTH))
    cleaned = clean_html(page(body))
    assert "council chamber on Tuesday" not in cleaned.text
    assert "REUTERS" not in cleaned.text
    assert any("council chamber" in c for c in cleaned.captions)
    assert "REUTERS/John Smith" in cleaned.captions
    assert [b.text for b in cleaned.blocks] == [LEAD, SECOND, THIRD, FOURTH]


def test_html_navigation_related_footer_removed_and_reported():
    share = '<div class="share-bar"><a>Share on Facebook</a> <a>Share on Twitter</a></div>'
    newsletter = ('<div class="newsletter-signup"><p>Sign up for our morning newsletter and get '
                  'the news delivered to your inbox</p></div>')
    body = NAV + article(paras(LEAD, SECOND), share, paras(THIRD, FOURTH), newsletter) + \
        RELATED + FOOTER
    cleaned = clean_html(page(body))
    for junk in ("World news", "Mayor announces", "All rights reserved", "Share on Facebook",
                 "morning newsletter"):
        assert junk not in cleaned.text
    reasons = {line.reason for line in cleaned.removed}
    assert {"navigation", "related", "footer"} <= reasons
    assert len(cleaned.removed) <= 200


def test_html_comments_section_removed():
    comments = ('<div id="comments" class="comments-area"><h3>3 thoughts on this</h3>'
                '<div class="comment-body"><p>I completely disagree with the council and think '
                'the whole budget process was rushed through without any real debate.</p></div>'
                '</div>')
    cleaned = clean_html(page(article(paras(LEAD, SECOND, THIRD, FOURTH)) + comments))
    assert "completely disagree" not in cleaned.text
    assert LEAD in cleaned.text


def test_html_furniture_lines_dropped_at_paragraph_level():
    body = article(paras(LEAD, SECOND, "READ MORE: Mayor announces new park plan", THIRD, FOURTH,
                         "Write to Jane Doe at jane.doe@dailyplanet.example"))
    cleaned = clean_html(page(body))
    assert "READ MORE" not in cleaned.text and "Write to" not in cleaned.text
    assert [b.text for b in cleaned.blocks] == [LEAD, SECOND, THIRD, FOURTH]


def test_html_script_and_style_never_in_text():
    body = article("<script>var secret = 'tracking code';</script>",
                   "<style>.x { color: red }</style>", paras(LEAD, SECOND),
                   "<noscript>Enable JavaScript please</noscript>", paras(THIRD))
    text = clean_html(page(body)).text
    for junk in ("secret", "tracking", "color", "JavaScript"):
        assert junk not in text
    assert LEAD in text


def test_html_entities_decoded():
    body = article(paras("Smith &amp; Sons said the caf&eacute; would reopen &mdash; with "
                         "&ldquo;new&rdquo; owners &#8217;soon&#8217; &#x2014; and a bigger menu "
                         "for the families who live in the old town district.", SECOND, THIRD))
    text = clean_html(page(body)).text
    assert "Smith & Sons" in text and "café" in text and "“new”" in text and "—" in text
    assert "&amp;" not in text and "&#" not in text


def test_html_junk_gives_no_blocks():
    for junk in ("", "   ", "\x00\x01\x02\xff\xfe", "<html></html>", "<html><body></body></html>",
                 page("<script>only()</script><style>p{}</style>"), "<<<>>>&&&;;;",
                 "<?xml version='1.0' encoding='utf-8'?><html><body></body></html>"):
        cleaned = clean_html(junk)
        assert isinstance(cleaned, Cleaned)
        assert cleaned.blocks == ()


def test_html_xml_declaration_and_huge_page():
    body = article(paras(*([LEAD, SECOND, THIRD, FOURTH] * 400)))
    huge = "<?xml version='1.0' encoding='utf-8'?>" + page(body)
    assert len(huge) > 250_000
    cleaned = clean_html(huge)
    assert LEAD in cleaned.text


# --- properties -------------------------------------------------------------------------------

WORDS = ("council budget school road library mayor resident vote plan tax money city street "
         "park year month week people family water power report state court judge police "
         "hospital doctor nurse teacher student market price company worker union river bridge "
         "train station airport flight weather storm rain summer winter spring autumn").split()
sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=18).map(
    lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=2, max_size=4).map(" ".join)


def render(cleaned: Cleaned) -> str:
    inner = "".join(f"<h2>{escape(b.text)}</h2>" if b.kind == "heading"
                    else f"<p>{escape(b.text)}</p>" for b in cleaned.blocks)
    return page(article(inner), head="<title>Council passes budget</title>")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=3, max_size=7))
def test_html_cleaning_is_idempotent(texts):
    first = clean_html(page(NAV + article(paras(*texts)) + RELATED + FOOTER))
    assert first.blocks
    second = clean_html(render(first))
    assert second.text == first.text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_html_never_raises_on_random_bytes(data):
    for encoding in ("utf-8", "latin-1"):
        cleaned = clean_html(data.decode(encoding, "replace"))
        assert isinstance(cleaned, Cleaned)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=500))
def test_html_never_raises_on_random_text_in_markup(text):
    cleaned = clean_html(page(f"<div><p>{text}</p><span>{text}</span></div>"))
    assert isinstance(cleaned, Cleaned)


def test_paragraphs_of_a_layout_table_cell_stay_apart():
    cell = "".join(f'<p class="ap-story-p">{text}</p> ' for text in (LEAD, SECOND, THIRD, FOURTH))
    html = page(f'<table><tr><td><span class="entry-content">{cell}</span></td></tr></table>')
    texts = [b.text for b in clean_html(html).blocks]
    assert LEAD in texts and SECOND in texts
    assert not any("system.Council" in text for text in texts)
