"""A person uses ``newsprism serve`` in a real browser (Debian's chromium through Selenium and
Debian's chromedriver: nothing downloaded): searches, filters, opens a story, follows a quote to
its article, adds a URL served by a local test server and sees it land in the story. Screenshots
of each step are saved under a temporary folder (printed at the end)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from testkit import headless_chrome



@pytest.fixture(scope="module")
def browser():
    yield from headless_chrome(browser_log=True)


@pytest.fixture
def server(fresh_db, language):
    """``newsprism serve``'s app under uvicorn on 127.0.0.1 (allowing private addresses: the news
    site of this test is on 127.0.0.1 too); yields its base URL."""
    import uvicorn

    from newsprism.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(fresh_db, allow_private=True, language=language,
                     allowed_hosts=["127.0.0.1", "localhost"])
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def screens(tmp_path_factory, request):
    folder = tmp_path_factory.mktemp("web-screenshots")
    yield folder
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nweb app screenshots: {folder}")


def shoot(driver, folder: Path, name: str) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 4000))
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(1280, 1000)


def test_web_search_filter_story_quote_article_and_add_a_url(browser, server, news_site, screens, web_db):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import newsprism

    with newsprism.open(web_db) as corpus:
        [story] = corpus.stories()
        outlets = {a.id: a.outlet for a in corpus.articles()}
    driver = browser
    driver.get(server + "/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Stories"
    assert driver.find_element(By.CSS_SELECTOR, ".story-card h2 a").text == story.title
    shoot(driver, screens, "1-stories")

    # Search from the bar on every page: matches are marked in the snippets.
    box = driver.find_element(By.ID, "quick-q")
    box.send_keys("fentanyl", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/search" in d.current_url)
    results = driver.find_elements(By.CSS_SELECTOR, "ol.results li.result")
    assert results and all(r.find_elements(By.TAG_NAME, "mark") for r in results)
    shoot(driver, screens, "2-search")

    # Filter by outlet: the script submits the form when the select changes.
    named = [r.find_element(By.CSS_SELECTOR, ".outlet").text for r in results]
    outlet = next(o for o in named if o in outlets.values())
    Select(driver.find_element(By.ID, "f-outlet")).select_by_value(outlet)
    WebDriverWait(driver, 10).until(lambda d: "outlet=" in d.current_url)
    shown = [r.find_element(By.CSS_SELECTOR, ".outlet").text for r in driver.find_elements(By.CSS_SELECTOR, "li.result")]
    assert shown and set(shown) == {outlet}
    shoot(driver, screens, "3-filtered")

    # Open the story from a result, then a quote, then the article it came from.
    driver.find_element(By.CSS_SELECTOR, "li.result .stats a[href*='stories/']").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == story.title
    shoot(driver, screens, "4-story")
    driver.find_elements(By.CSS_SELECTOR, "section.event h3 a")[-1].click()
    assert "/events/" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, "table.quotes tbody tr th a").click()
    row = driver.find_element(By.ID, driver.execute_script("return location.hash").lstrip("#"))
    quote_text = row.find_element(By.CSS_SELECTOR, "td.quote").text.strip("“”\"")
    row.find_element(By.CSS_SELECTOR, "a.jump").click()
    assert "/articles/" in driver.current_url
    body = driver.find_element(By.CSS_SELECTOR, "article.body")
    assert " ".join(quote_text.split())[:40] in " ".join(body.text.split())
    assert body.find_element(By.CSS_SELECTOR, "a.hl-quote").is_displayed()
    shoot(driver, screens, "5-article")

    # Add a URL served by a local site; the page follows the job until it is done.
    driver.find_element(By.LINK_TEXT, "Add articles").click()
    driver.find_element(By.ID, "urls").send_keys(f"{news_site}/news/blinken-xi.html")
    driver.find_element(By.ID, "add-submit").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "progress").is_displayed())
    shoot(driver, screens, "6-adding")
    WebDriverWait(driver, 240, poll_frequency=0.5).until(
        lambda d: d.find_element(By.ID, "progress-done").is_displayed())
    assert "1 added" in driver.find_element(By.ID, "progress-text").text
    shoot(driver, screens, "7-added")
    driver.find_element(By.ID, "progress-link").click()
    added = driver.find_element(By.CSS_SELECTOR, "#added li")
    assert "Blinken presses Xi" in added.text
    added.find_element(By.CSS_SELECTOR, "a.story-link").click()
    assert driver.find_element(By.TAG_NAME, "h1").text  # the story page it joined
    assert "Harbour Ledger" in driver.find_element(By.TAG_NAME, "main").text
    shoot(driver, screens, "8-story-with-new-article")
    csp = [e for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    assert not csp, csp
