"""Is it an article? Home pages, fronts, redirect stubs, feeds, walls and listings are flagged
with a reason; articles (also rail-heavy ones, and bare JSONL leads) are not."""
from __future__ import annotations

from newsprism.clean import clean, page_kind
from newsprism.model import RawArticle

PARA = ("The city council voted on Tuesday to approve a new budget for the coming year, after "
        "months of debate over spending on schools, roads and the public library system.")
PARA2 = ("Council members said the plan would raise property taxes slightly, but that the "
         "increase was needed to keep services running as the population keeps growing fast.")
PARA3 = ("The mayor, who had pushed for the budget since the spring, called the vote a victory "
         "for residents and promised a series of town meetings to explain the changes to them.")


def kind_of(body: str, *, kind: str = "html", url: str | None = None, title: str | None = None) -> str:
    raw = RawArticle(source="page", kind=kind, body=body, url=url, title=title)
    return page_kind(raw, clean(raw)).kind


def teasers(n: int) -> str:
    return "".join(f'<li><a href="/story/{i}">Council weighs plan number {i} for the town</a></li>' for i in range(n))


def test_a_front_page_of_headline_links_is_home():
    html = (f'<html><head><title>Daily Planet</title><meta property="og:type" content="website">'
            f'<link rel="canonical" href="https://planet.example/"></head><body><ul>{teasers(60)}</ul>'
            f"<p>{PARA}</p></body></html>")
    assert kind_of(html) == "home"


def test_a_front_without_any_url_is_known_by_its_links():
    html = f"<html><head><title>Daily Planet</title></head><body><ul>{teasers(60)}</ul></body></html>"
    assert kind_of(html) in {"home", "section"}


def test_an_article_with_a_long_rail_of_teasers_stays_an_article():
    html = (f'<html><head><meta property="og:type" content="article"></head><body>'
            f"<article><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></article><ul>{teasers(60)}</ul></body></html>")
    assert kind_of(html, url="https://planet.example/2024/03/05/council-budget") == "article"


def test_an_article_without_metadata_stays_an_article():
    html = f"<html><head><title>Council passes budget</title></head><body><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></body></html>"
    assert kind_of(html) == "article"


def test_a_redirect_stub_is_flagged_and_refused_with_the_reason():
    html = '<html><head><meta http-equiv="refresh" content="0; url=https://planet.example/a"></head><body></body></html>'
    raw = RawArticle(source="stub.html", kind="html", body=html)
    kind = page_kind(raw, clean(raw))
    assert kind.kind == "redirect" and kind.flag.startswith("not-article:redirect")


def test_an_rss_document_is_a_feed():
    assert kind_of('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>') == "feed"


def test_a_status_page_of_figures_is_a_listing():
    rows = "".join(f"<tr><td>Server uptime {i}</td><td>{i} requests</td><td>load {i}.5</td></tr>" for i in range(40))
    html = f"<html><head><title>Server Status</title></head><body><table>{rows}</table></body></html>"
    assert kind_of(html) in {"listing", "fragment"}


def test_a_tweet_location_help_text_is_a_notice():
    text = ("Tweet with a location\n\nYou can add location information to your Tweets, such as your city or "
            "precise location, from the web and via third-party applications.")
    assert kind_of(text, kind="text") == "notice"


def test_a_short_subscription_wall_is_a_wall():
    text = ("Subscribe to continue reading this story and get unlimited access to all of our reporting, "
            "on the web and in the app, for one low price each month.")
    assert kind_of(text, kind="text", url="https://planet.example/2024/03/05/council-budget") == "wall"


def test_a_tag_page_url_is_an_index():
    assert kind_of(f"{PARA}\n\n{PARA2}", kind="text", url="https://planet.example/tag/budget/") == "tag"


def test_a_lead_cut_off_mid_sentence_is_still_an_article():
    lead = "Senate leaders broke with the White House on Monday over the proposed spending plan"
    assert kind_of(lead, kind="text", title="Senate breaks with White House") == "article"


def test_clean_carries_the_flag_and_the_article_reports_it():
    html = f"<html><head><title>Daily Planet</title></head><body><ul>{teasers(60)}</ul></body></html>"
    cleaned = clean(RawArticle(source="front.html", kind="html", body=html, url="https://planet.example/"))
    assert cleaned.flags and cleaned.flags[0].startswith("not-article:home (")
