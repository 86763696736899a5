"""What a first user trips on (issue 13, part 4): a mistyped ``--db``, a store not analysed yet,
the demo and ``NEWSPRISM_DB``, progress in a log, ``--version``, piped tables."""
from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprism
from newsprism import cli
from newsprism import corpus as corpus_module
from newsprism.cli import app
from newsprism.errors import MissingStore, StoreError
from newsprism.model import Event, EventArticle, Story
from testkit import EXAMPLES

runner = CliRunner()
LONG_HEADLINE = ("Regional council approves the long-delayed harbour bridge after a decade of hearings, "
                 "three lawsuits and a referendum that split the county")  # 144 characters
PROSE = "Officials said the talks were productive and long, and would resume in the spring. " * 20
READING = [["articles"], ["show", "abcd"], ["search", "talks"], ["report"], ["analyze"], ["stories"],
           ["story", "s1"], ["claims"], ["quotes"], ["timeline"], ["framing"], ["reclean"], ["alerts"],
           ["follow"], ["unfollow", "s1"]]
ANALYSIS = [["stories"], ["story", "s1"], ["claims"], ["quotes"], ["timeline"], ["framing"]]
FULL_ONLY = [["claims"], ["quotes"], ["framing"]]


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """The seeds plus one article with a long headline, ingested, never analysed."""
    folder = tmp_path_factory.mktemp("first-use")
    extra = folder / "long.jsonl"
    extra.write_text(json.dumps({"title": LONG_HEADLINE, "outlet": "County Courier", "text": PROSE}) + "\n")
    path = folder / "news.db"
    with newsprism.open(path) as corpus:
        assert corpus.ingest([EXAMPLES, extra]).ok
    return path


def _copy(store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    with newsprism.open(store) as source, newsprism.open(target) as copy:
        source.store.conn.backup(copy.store.conn)
    return target


def _as_analysed(path: Path, *, full: bool) -> None:
    """Store one story over every article as a fast run would, and (``full``) a summary reuse
    key as a full run does: what ``analysis_state`` reads, without running the models."""
    with newsprism.open(path) as corpus:
        ids = tuple(a.id for a in corpus.articles())
        event = Event(id="e1", title="The bridge", start=None, end=None,
                      articles=tuple(EventArticle(id=i, role="report") for i in ids))
        story = Story(id="s1", title=LONG_HEADLINE, articles=ids, outlets=(), independent_sources=len(ids),
                      start=None, end=None, events=(event,))
        corpus.store.save_analysis([], [], [], [story])
        if full:
            corpus.store.save_findings("summary", [], keys={"s1": "key"})


def _one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


# --- a mistyped --db -----------------------------------------------------------------------------
@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_cli_reading_commands_refuse_a_missing_store(tmp_path, command):
    db = tmp_path / "newz.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert _one_line(result) == f"error: {db}: no such corpus (run `newsprism ingest PATH... --db {db}` first)"
    assert not db.exists()


def test_cli_missing_store_named_by_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "typo.db"))
    result = runner.invoke(app, ["articles"])
    assert result.exit_code == 1 and "typo.db: no such corpus" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_corpus_open_for_reading_refuses_a_missing_file_and_creates_by_default(tmp_path):
    with pytest.raises(MissingStore):
        newsprism.open(tmp_path / "none.db", create=False)
    newsprism.open(tmp_path / "new.db").close()
    assert (tmp_path / "new.db").exists()
    newsprism.open(tmp_path / "new.db", create=False).close()


def test_cli_db_url_is_passed_through_untouched_and_its_password_never_shown(monkeypatch):
    seen = []

    def fake_store(location: str):
        seen.append(location)
        raise StoreError(location, "connection refused")

    monkeypatch.setattr(corpus_module, "open_store", fake_store)
    url = "postgresql://desk:s3cret@127.0.0.1:5432/news"
    result = runner.invoke(app, ["stories", "--db", url])
    assert seen == [url]  # not a Path, not checked for existence
    assert _one_line(result) == "error: postgresql://desk:***@127.0.0.1:5432/news: connection refused"
    assert "s3cret" not in result.output


# --- a store not analysed ------------------------------------------------------------------------
@pytest.mark.parametrize("command", ANALYSIS, ids=lambda c: c[0])
def test_cli_analysis_commands_on_a_store_never_analysed_say_run_analyze(ingested, command):
    result = runner.invoke(app, [*command, "--db", str(ingested), "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_line(result) == f"error: {ingested}: not analysed yet (run `newsprism analyze --db {ingested}` first)"


@pytest.mark.parametrize("command", ANALYSIS, ids=lambda c: c[0])
def test_cli_analysis_commands_on_an_empty_store_say_ingest(tmp_path, command):
    db = tmp_path / "empty.db"
    newsprism.open(db).close()
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert _one_line(result) == f"error: {db}: no articles (run `newsprism ingest PATH... --db {db}` first)"


@pytest.mark.parametrize("command", FULL_ONLY, ids=lambda c: c[0])
def test_cli_findings_after_a_fast_run_ask_for_a_full_one(ingested, tmp_path, command):
    db = _copy(ingested, tmp_path)
    _as_analysed(db, full=False)
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert "analysed with --fast only (run `newsprism analyze --db" in _one_line(result)
    assert runner.invoke(app, ["timeline", "--db", str(db), "--json"]).exit_code == 0


def test_corpus_analysis_state(ingested, tmp_path):
    with newsprism.open(tmp_path / "empty.db") as corpus, newsprism.open(ingested) as raw:
        assert (corpus.analysis_state(), raw.analysis_state()) == ("empty", "none")
    db = _copy(ingested, tmp_path)
    _as_analysed(db, full=False)
    with newsprism.open(db) as corpus:
        assert corpus.analysis_state() == "fast"
    _as_analysed(db, full=True)
    with newsprism.open(db) as corpus:
        assert corpus.analysis_state() == "full"
    assert runner.invoke(app, ["claims", "--db", str(db), "--json"]).stdout.strip() == "[]"


def test_cli_report_of_a_store_not_analysed_says_so(ingested, tmp_path):
    result = runner.invoke(app, ["report", "--db", str(ingested), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0 and (tmp_path / "r" / "index.html").exists()
    assert "note: " in result.output and "not analysed" in result.output


# --- the demo stays out of the user's corpus -----------------------------------------------------
def test_cli_demo_ignores_newsprism_db(tmp_path, monkeypatch):
    opened = []

    def fake_open(path, **options):
        opened.append(str(path))
        raise StoreError(str(path), "stop here")

    monkeypatch.setattr(corpus_module, "open", fake_open)
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "mine.db"))
    runner.invoke(app, ["demo"])
    runner.invoke(app, ["demo", "--db", str(tmp_path / "chosen.db")])
    assert opened == ["newsprism-demo/demo.db", str(tmp_path / "chosen.db")]


# --- progress in a log ---------------------------------------------------------------------------
def test_stage_lines_print_at_most_every_interval(monkeypatch, capsys):
    now = [0.0]
    lines = cli._StageLines("analyze", clock=lambda: now[0])
    for t, done in ((1, 1), (6, 2), (7, 3), (12, 4)):
        now[0] = t
        lines("claims", done, 400)
    assert capsys.readouterr().err.splitlines() == ["analyze: claims 2/400", "analyze: claims 4/400"]


def test_cli_ingest_and_report_print_stage_lines_without_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "PLAIN_PROGRESS_S", 0.0)
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    read = [line for line in result.output.splitlines() if line.startswith("ingest: read ")]
    assert [line.split()[2] for line in read] == ["1", "2", "3", "4", "5"]
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert "report: article pages 5/5" in result.output.splitlines()


def test_cli_analyze_prints_stage_lines_without_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr(cli, "PLAIN_PROGRESS_S", 0.0)

    class Corpus:
        def analyze(self, language, on_progress, fast):
            on_progress("annotating", 32, 400)
            on_progress("claims", 120, 400)
            return "done"

    assert cli._analyze_with_progress(Corpus()) == "done"
    assert capsys.readouterr().err.splitlines() == ["analyze: annotating 32/400", "analyze: claims 120/400"]


# --- --version, show, piped tables ---------------------------------------------------------------
def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"newsprism {metadata.version('newsprism')}"


def test_cli_show_prints_the_headline_check_once(ingested, tmp_path):
    db = _copy(ingested, tmp_path)
    with newsprism.open(db) as corpus:
        article = next(a for a in corpus.articles() if a.headline == LONG_HEADLINE)
        corpus.store.save_headline_checks({article.id: {"label": "agree", "score": 0.9}}, "test")
    shown = runner.invoke(app, ["show", article.id, "--db", str(db)]).output
    assert shown.count("headline vs body") == 1 and "headline vs body: agree" in shown


def test_cli_piped_tables_keep_whole_headlines(ingested, tmp_path):
    listing = runner.invoke(app, ["articles", "--db", str(ingested)]).output
    assert LONG_HEADLINE in listing
    found = runner.invoke(app, ["search", "harbour bridge", "--db", str(ingested)]).output
    assert LONG_HEADLINE in found
    db = _copy(ingested, tmp_path)
    _as_analysed(db, full=False)
    assert LONG_HEADLINE in runner.invoke(app, ["stories", "--db", str(db)]).output
    assert LONG_HEADLINE in runner.invoke(app, ["story", "s1", "--db", str(db)]).output


def test_cli_show_piped_keeps_paragraphs_unwrapped(ingested):
    article_id = next(row["id"] for row in json.loads(runner.invoke(app, ["articles", "--db", str(ingested),
                                                                           "--json"]).stdout)
                      if row["headline"] == LONG_HEADLINE)
    shown = runner.invoke(app, ["show", article_id, "--db", str(ingested)]).stdout
    assert PROSE.strip() in shown.splitlines()


def test_ingest_that_stores_nothing_leaves_no_new_store(tmp_path):
    """A mistyped input: the error line, exit 1, and no empty corpus left at --db."""
    db = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "typo.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "typo.txt" in result.output
    assert not db.exists() and not (tmp_path / "new.db-wal").exists()


def test_ingest_that_stores_nothing_keeps_an_existing_store(tmp_path):
    db = tmp_path / "kept.db"
    first = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0
    again = CliRunner().invoke(app, ["ingest", str(tmp_path / "typo.txt"), "--db", str(db)])
    assert again.exit_code == 1 and db.exists()
