"""Helpers shared by tests (importable as ``testkit``: tests/ is on sys.path via its conftest)."""
from __future__ import annotations

import shutil
import sqlite3
from importlib import resources
from pathlib import Path

EXAMPLES = Path(str(resources.files("newsprism") / "examples" / "blinken"))


def find_article(articles, phrase: str):
    """The one article whose clean text contains ``phrase`` (tests name articles by content)."""
    [match] = [a for a in articles if phrase in a.text]
    return match


def headless_chrome(*, browser_log: bool = False):
    """Debian's chromium driven by Debian's chromedriver through Selenium (nothing downloaded), as a
    generator for a fixture; skips when selenium, chromium or chromedriver is missing."""
    import pytest

    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra)")
    chromium = next((p for p in (Path("/usr/bin/chromium"), shutil.which("chromium")) if p and Path(p).exists()), None)
    driver_path = next((p for p in (Path("/usr/bin/chromedriver"), shutil.which("chromedriver"))
                        if p and Path(p).exists()), None)
    if not chromium or not driver_path:
        pytest.skip("no chromium / chromedriver installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    if browser_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


VOLATILE = {"stored_at", "ingested_at", "applied_at"}  # when a row was written, not what it says


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (full-text index shadows aside), sorted, without write times."""
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if not r[0].startswith(("sqlite_", "articles_fts"))]
    out = {}
    for table in tables:
        cursor = conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - names from sqlite_master
        keep = [i for i, d in enumerate(cursor.description) if d[0] not in VOLATILE]
        out[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
    conn.close()
    return out
