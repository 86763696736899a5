"""The Python API a notebook uses: ``corpus = newsprism.open("news.db")`` (a SQLite file) or
``newsprism.open("postgresql://user@host/news")`` (a PostgreSQL database shared by a team).

A ``Corpus`` is a store plus the pipeline that fills it; the CLI is a thin layer over it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import MissingStore

from .findings import CitedSummary, HeadlineVerdict, StoryFraming
from .model import Article, Failure, IngestReport, ProvenanceGroup, Relation, Story
from .store import Store, is_url, open_store

if TYPE_CHECKING:
    from .analysis import AnalysisReport, Progress
    from .nlp import Language
    from .report import ReportData
    from .claims.coverage import CoverageMatrix
    from .claims.records import AlignedClaim
    from .figures.records import AlignedFigure
    from .quotes import AlignedQuote
    from .timeline import TimelineStory
    from .watch import Alert, Watcher

DEFAULT_DB = "newsprism.db"
AnalysisState = Literal["empty", "none", "fast", "full"]


class Corpus:
    """A pile of news articles in one store."""

    def __init__(self, store: Store):
        self.store = store

    def ingest(self, items: str | Path | Iterable[str | Path], *, allow_private: bool = False,
               max_bytes: int = 10_000_000, on_progress: Callable[[str], None] | None = None,
               on_failure: Callable[[Failure], None] | None = None) -> IngestReport:
        """Ingest files, folders, URLs and feeds; returns what was stored, skipped and refused."""
        from . import pipeline  # imported on use: `import newsprism` stays light

        if isinstance(items, (str, Path)):
            items = [items]
        return pipeline.ingest(self.store, items, allow_private=allow_private, max_bytes=max_bytes,
                               on_progress=on_progress, on_failure=on_failure)

    def articles(self) -> Iterator[Article]:
        """Every stored article, oldest publication date first (undated last)."""
        return self.store.articles()

    def article(self, article_id: str) -> Article | None:
        """One article by id (a unique prefix of at least 4 characters works too)."""
        return self.store.get(article_id)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search over headlines and bodies."""
        return self.store.search(query, limit)

    def reclean(self) -> int:
        """Re-clean every stored article from its kept raw input; returns how many changed."""
        from . import pipeline

        return pipeline.reclean(self.store)

    def analyze(self, language: Language | None = None, on_progress: Progress | None = None, *,
                fast: bool = False, workers: int = 1, dask: str | None = None) -> AnalysisReport:
        """Run every pending analysis stage (language layer, syndication, stories and events,
        quotes, claims, framing, summaries). ``fast``: static vectors, stories and events only
        (triage of very large piles; a later full run completes the rest). ``workers``: local
        processes for the per-article work; ``dask``: a Dask scheduler for it (``"local"`` starts
        a LocalCluster on 127.0.0.1); the results are the same either way."""
        from .analysis import analyze

        return analyze(self.store, language, fast=fast, on_progress=on_progress, workers=workers, dask=dask)

    def analysis_state(self) -> AnalysisState:
        """How far ``analyze`` has gone: "empty" (no articles), "none" (never analysed), "fast"
        (stories and events only, ``analyze --fast``) or "full" (quotes, claims, framing and
        summaries too). A full run stores a summary reuse key for every story, a fast run none."""
        if not self.store.count():
            return "empty"
        if not self.store.stories():
            return "none"
        return "full" if self.store.finding_keys("summary") else "fast"

    def stories(self) -> list[Story]:
        """Stories found by the last ``analyze``, biggest and most recent first."""
        return self.store.stories()

    def story(self, story_id: str) -> Story | None:
        """One story by id (or unique id prefix)."""
        return self.store.story(story_id)

    def provenance_groups(self, article_ids=None) -> list[ProvenanceGroup]:
        """Provenance groups (who copied whom), optionally only those touching ``article_ids``."""
        groups = self.store.provenance_groups()
        if article_ids is None:
            return groups
        wanted = set(article_ids)
        return [g for g in groups if any(m.id in wanted for m in g.members)]

    def relations(self) -> list[Relation]:
        return self.store.relations()

    def event(self, event_id: str):
        """``(story, event)`` for an event id (or unique prefix), else None."""
        found = [(s, e) for s in self.store.stories() for e in s.events if e.id.startswith(event_id)]
        exact = [(s, e) for s, e in found if e.id == event_id]
        return (exact or found)[0] if len(exact or found) == 1 else None

    def claims(self, event: str | None = None) -> list[AlignedClaim]:
        """Claims aligned across outlets (``AlignedClaim`` records; ``newsprism claims --json``
        prints their ``to_dict``), all or one event's. Status is corroborated (two or more
        independent sources), single-source or contested. Raises KeyError for an unknown event.
        """
        if event is None:
            return self.store.findings("claim")
        return self.store.findings("claim", [self._event_id(event)])

    def coverage(self, event: str | None = None) -> CoverageMatrix:
        """The claims x articles coverage matrix the claims stage built (``CoverageMatrix``: one
        row per aligned claim), all events' or one's. Raises KeyError for an unknown event."""
        from .claims.coverage import CoverageMatrix

        scope = None if event is None else [self._event_id(event)]
        return CoverageMatrix(rows=tuple(self.store.findings("coverage", scope)))

    def figures(self, event: str | None = None) -> list[AlignedFigure]:
        """Figures aligned across outlets (``AlignedFigure`` records; ``newsprism figures --json``
        prints their ``to_dict``), all or one event's: each quantity (dead, injured, magnitude,
        money, ...) with the figure each article gives, status "disagree", "updated", "agree" or
        "single", disagreements first. Raises KeyError for an unknown event."""
        return self.store.findings("figure", None if event is None else [self._event_id(event)])

    def quotes(self, story: str | None = None) -> list[AlignedQuote]:
        """Quotes aligned across outlets (``AlignedQuote`` records), all or one story's.
        Raises KeyError for an unknown story."""
        return self.store.findings("quote", self._scope(story))

    def _scope(self, story: str | None) -> list[str] | None:
        """``[the story's full id]`` for an id or unique prefix, None for every story."""
        if story is None:
            return None
        found = self.story(story)
        if found is None:
            raise KeyError(story)
        return [found.id]

    def _event_id(self, event: str) -> str:
        found = self.event(event)
        if found is None:
            raise KeyError(event)
        return found[1].id

    def timeline(self, story: str | None = None, *, articles: Iterable[Article] | None = None) -> list[TimelineStory]:
        """Stories laid out in time (``newsprism.timeline.TimelineStory`` records): events with
        start/end, previews before reports, each article's date with its evidence; undated
        articles placed by inference and marked so. Raises KeyError for an unknown story.
        ``articles``: every stored article, when the caller has read them already."""
        from .timeline import build_timeline

        scope = self._scope(story)
        stories = [s for s in self.stories() if scope is None or s.id in scope]
        wanted = {aid for s in stories for aid in s.articles}
        return build_timeline(stories, {a.id: a for a in (self.articles() if articles is None else articles)
                                        if a.id in wanted})

    def framing(self, story: str | None = None) -> list[StoryFraming]:
        """Framing panels (per outlet: term choices, loaded terms, omissions), all stories' or one's.
        Raises KeyError for an unknown story."""
        return self.store.findings("framing", self._scope(story))

    def headline_vs_event(self, article_id: str) -> HeadlineVerdict | None:
        """An article's headline against the other bodies of its event: verdict "agrees" |
        "contradicts" | "mixed" | "not covered", and each body's label (None if alone)."""
        return self.store.finding("headline", article_id)

    def summary(self, scope_id: str) -> CitedSummary | None:
        """The cited summary of a story or an event (by full id), as computed by ``analyze``."""
        return self.store.finding("summary", scope_id)

    def _summaries(self) -> dict[str, CitedSummary]:
        return {row.id: row.record for row in self.store.finding_rows("summary")}

    def report(self, out: str | Path, on_progress: Progress | None = None) -> Path:
        """Write the static HTML report to ``out``; returns the path of its index page.
        ``on_progress(stage, done, total)`` follows the pages written."""
        from .report import write_report

        return write_report(list(self.articles()), Path(out), stories=self.stories(),
                            groups=self.provenance_groups(), relations=self.relations(),
                            headline_checks=self.store.headline_checks(), data=self.report_data(),
                            on_progress=on_progress)

    def report_data(self, *, articles: Iterable[Article] | None = None) -> ReportData:
        """What ``analyze`` found beyond stories, as the records the store returns: the report's input.
        ``articles``: every stored article, when the caller has read them already."""
        from .report import ReportData

        return ReportData(timeline=self.timeline(articles=articles), summaries=self._summaries(), quotes=self.quotes(),
                          claims=self.claims(), framing={f.story: f.framing_panel() for f in self.framing()},
                          figures=self.figures(), coverage=self.coverage())

    def watcher(self, feeds: Iterable[str], **options) -> Watcher:
        """A feed watcher over this corpus (``newsprism watch``): ``feeds`` are feed URLs, OPML
        files or text files of URLs; ``options`` are ``WatchOptions`` fields (``every``,
        ``host_delay``, ``allow_private``, ...) and ``sinks``. Call ``.cycle(once=True)`` or ``.run()``."""
        from .watch import Watcher, WatchOptions, feed_urls

        sinks = options.pop("sinks", ())
        return Watcher(self.store, feed_urls(feeds), WatchOptions(**options), sinks=sinks)

    def alerts(self, since: str | None = None, limit: int = 100) -> list[Alert]:
        """Alerts raised by the watcher (``Alert`` records), the latest ``limit``, oldest first."""
        return self.store.alerts(since=since, limit=limit)

    def follow(self, story: str) -> str:
        """Follow a story (id or unique prefix): the watcher alerts on its new events (while no
        story is followed, every story is). Returns the full id; KeyError for an unknown story."""
        found = self.story(story)
        if found is None:
            raise KeyError(story)
        self.store.follow(found.id)
        return found.id

    def followed(self) -> list[str]:
        """Ids of the followed stories."""
        return self.store.followed()

    def __len__(self) -> int:
        return self.store.count()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open(target: str | Path = DEFAULT_DB, *, create: bool = True) -> Corpus:  # noqa: A001 - mirrors sqlite3.connect / open
    """Open the corpus at ``target``: the path of a SQLite file, or a ``postgresql://`` URL (the
    ``postgres`` extra; the schema is created on first use).

    A missing SQLite file is created, unless ``create=False`` (reading only): then it raises
    ``MissingStore``, so that a mistyped path is an error rather than a new empty corpus.
    """
    location = str(target)
    if not create and missing_sqlite_file(location) is not None:
        raise MissingStore(location, "no such corpus")
    return Corpus(open_store(location))


def missing_sqlite_file(target: str | Path) -> Path | None:
    """The SQLite file ``target`` names when it does not exist yet (``open`` would create it);
    None for an existing file, ``:memory:`` or a server URL."""
    location = str(target)
    if is_url(location) or location == ":memory:" or Path(location).exists():
        return None
    return Path(location)
