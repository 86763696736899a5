"""Web app fixtures: the seeds ingested and analysed once per session into a SQLite file, and a
local news site (127.0.0.1) serving one article that is not in the seeds."""
from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from testkit import EXAMPLES

# A fresh report of the 2024 visit (written for these tests): it belongs to the seeds' story.
NEW_ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Blinken presses Xi on Chinese support for Russia's war machine | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2024-04-26T15:00:00Z">
</head><body><article>
<h1>Blinken presses Xi on Chinese support for Russia's war machine</h1>
<p class="byline">By Mara Quill</p>
<p>BEIJING — US Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Friday and
warned that China's support for Russia's defence industry was fuelling the war in Ukraine.</p>
<p>Blinken said Washington was concerned that Chinese companies were supplying machine tools,
microelectronics and other components that Russia uses to build weapons. "China is the top supplier
to Russia's defence industrial base," Blinken told reporters after the meeting.</p>
<p>Xi told Blinken that the two countries should be partners rather than rivals, according to Chinese state
media. Foreign Minister Wang Yi also met Blinken and warned the United States against crossing China's
red lines on Taiwan.</p>
<p>The visit was Blinken's second trip to China in less than a year. He also discussed fentanyl, artificial
intelligence and the conflict in the Middle East with Chinese officials, the State Department said.</p>
<p>Blinken said the United States would take action if China did not address the problem of its support
for Russia, adding that sanctions on Chinese companies remained possible.</p>
</article></body></html>
"""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, language):
    """A SQLite file holding the seeds, ingested and analysed (closed: each app opens it)."""
    import newsprism

    path = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
    with newsprism.open(path) as corpus:
        corpus.ingest(EXAMPLES)
        corpus.analyze(language)
    return path


@pytest.fixture
def fresh_db(web_db, tmp_path):
    """A copy of the analysed seeds that a test may write to."""
    target = tmp_path / "seeds.db"
    shutil.copyfile(web_db, target)
    return target


@pytest.fixture(scope="module")
def client(web_db):
    """A TestClient over the seeds (read-only use)."""
    from starlette.testclient import TestClient

    from newsprism.web import create_app

    with TestClient(create_app(web_db, analyze=False)) as test_client:
        yield test_client


@pytest.fixture
def new_article_html() -> str:
    """NEW_ARTICLE, for tests that upload it as a file."""
    return NEW_ARTICLE


@pytest.fixture
def news_site(tmp_path):
    """A local web server on 127.0.0.1 serving ``/news/blinken-xi.html`` (NEW_ARTICLE); yields its base URL."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "blinken-xi.html").write_text(NEW_ARTICLE, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
