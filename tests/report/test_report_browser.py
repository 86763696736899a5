"""A person opens the seeds' report in a real browser (Debian's chromium, driven by Selenium through
Debian's chromedriver: nothing downloaded) and clicks from the overview to the story, to an event,
to a quote, to the article; screenshots of each step are saved under a temporary folder."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from testkit import headless_chrome

from newsprism.report import write_report



@pytest.fixture(scope="module")
def browser():
    yield from headless_chrome(browser_log=False)


@pytest.fixture(scope="module")
def report(seed_pipeline, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-report")
    pipeline = seed_pipeline
    index = write_report(pipeline["articles"], out, stories=pipeline["stories"], groups=pipeline["groups"],
                         relations=pipeline["relations"], headline_checks=pipeline["headline_checks"],
                         data=pipeline["data"])
    return index


@pytest.fixture(scope="module")
def screens(tmp_path_factory, request):
    folder = tmp_path_factory.mktemp("report-screenshots")
    yield folder
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nreport screenshots: {folder}")


def shoot(driver, folder: Path, name: str, *, full: bool = True) -> None:
    """A screenshot of the whole page (the window grows to the page's height first), or of what
    the window shows (``full=False``: where a link landed)."""
    if not full:
        driver.save_screenshot(str(folder / f"{name}.png"))
        return
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 8000))
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(1280, 1000)


def test_report_browser_story_event_quote_article(browser, report, screens, seed_pipeline):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(report.as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text == "Overview"
    shoot(driver, screens, "1-overview")

    [story] = seed_pipeline["stories"]
    driver.find_element(By.CSS_SELECTOR, "ol.stories a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == story.title
    headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
    for section in ("Summary", "Timeline", "Events, in time order", "Coverage matrix", "Quotes", "Outlets",
                    "Who copied whom"):
        assert section in headings

    # Two events, earlier first: on the chart (left to right) and in the list (top to bottom).
    whens = [w.text for w in driver.find_elements(By.CSS_SELECTOR, "section.event .when")]
    assert len(whens) == 2
    starts = [re.search(r"\d{4}-\d{2}-\d{2}", w).group() for w in whens]
    assert starts == sorted(starts) and starts[0].startswith("2023") and starts[1].startswith("2024")
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.timeline rect.ev-bar")
    xs = [float(b.get_attribute("x")) for b in bars if b.find_elements(By.XPATH, "ancestor::*[@class='lane']")]
    assert len(xs) == 2 and xs[0] < xs[1]
    titles = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "svg.timeline text.ev-title")]
    assert titles == [e.title for e in sorted(story.events, key=lambda e: e.start)]
    shoot(driver, screens, "2-story")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, "nav.toc").is_displayed()  # print hides navigation
    shoot(driver, screens, "2-story-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # To the later event (the trip with previews and a report), by its heading link.
    driver.find_elements(By.CSS_SELECTOR, "section.event h3 a")[1].click()
    later = next(e for e in story.events if e.start and e.start.startswith("2024"))
    assert driver.find_element(By.TAG_NAME, "h1").text == later.title
    roles = {r.text.lower() for r in driver.find_elements(By.CSS_SELECTOR, "ul.event-articles .role")}
    assert roles == {"preview", "report"}
    shoot(driver, screens, "3-event")

    # To a quote: its number in the quote table targets the quote's row.
    quote_link = driver.find_element(By.CSS_SELECTOR, "table.quotes tbody tr th a")
    quote_link.click()
    row_id = driver.execute_script("return location.hash").lstrip("#")
    row = driver.find_element(By.ID, row_id)
    quote_text = row.find_element(By.CSS_SELECTOR, "td.quote").text.strip("“”\"")
    assert quote_text and row.is_displayed()
    shoot(driver, screens, "4-quote", full=False)

    # To the article: the quote is highlighted in the clean text and leads back to the quote.
    row.find_element(By.CSS_SELECTOR, "a.jump").click()
    assert "/articles/" in driver.current_url
    body = driver.find_element(By.CSS_SELECTOR, "article.body")
    assert quote_text[:40] in body.text
    highlight = body.find_element(By.CSS_SELECTOR, "a.hl-quote")
    assert highlight.is_displayed() and highlight.text.strip()
    article = next(a for a in seed_pipeline["articles"] if a.id in driver.current_url)
    assert driver.find_element(By.TAG_NAME, "h1").text == article.headline
    assert article.text.split("\n")[0][:60] in body.text
    shoot(driver, screens, "5-article", full=False)
    highlight.click()
    assert "/events/" in driver.current_url and "#quote-" in driver.current_url


def test_report_browser_keyboard_reaches_skip_link_first(browser, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(report.as_uri())
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to content"
    focused.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#main"
