"""The analysis stages, declared once, in the order ``analyze`` runs them.

Each stage says what it is (spaCy's ``Language.factory(assigns=..., requires=...)`` idiom): its
name, the versions its output depends on, its scope (article, event or story), what it needs from
the run and what it produces, how a re-run decides to reuse its stored output, and whether the
``--fast`` triage path runs it. ``analyze`` (``newsprism.analysis``) is a loop over ``STAGES``:
progress, saving findings with their version and reuse keys, and the fast cut-off live in that
loop once. A stage that makes a finding kind (``finding=``) returns ``(rows, keys)``; the loop
stores them.

Adding a stage is one function and one ``Stage(...)`` line here; ``tests/test_stages.py`` checks
that every need is produced by an earlier stage and every finding kind is registered.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .model import Annotation, Article, Assignment, ProvenanceGroup, Relation, Story

if TYPE_CHECKING:
    from .claims.coverage import CoverageMatrix
    from .claims.records import AlignedClaim
    from .store import Store

Scope = Literal["article", "event", "story"]
Progress = Callable[[str, int, int], None]


@dataclass(kw_only=True)
class Run:
    """What the stages of one ``analyze`` run read and write (the names in ``needs`` / ``produces``)."""

    store: Store
    language: Any
    on_progress: Progress | None = None
    workers: int = 1  # processes for the per-article work (the language stage)
    dask: str | None = None  # or a Dask scheduler for it ("local": a LocalCluster)
    articles: list[Article] = field(default_factory=list)
    annotations: Mapping[str, Annotation] = field(default_factory=dict)
    annotated: list[Article] = field(default_factory=list)  # newly annotated this run
    relations: list[Relation] = field(default_factory=list)
    groups: list[ProvenanceGroup] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    event_of: dict[str, str] = field(default_factory=dict)
    headline_checks: int = 0
    quotes: dict[str, list] = field(default_factory=dict)
    claims: dict[str, list] = field(default_factory=dict)
    aligned_quotes: list = field(default_factory=list)
    aligned_claims: list[AlignedClaim] = field(default_factory=list)
    coverage: CoverageMatrix | None = None
    fast: bool = False  # the triage path: nothing after the stories reads them
    totals: tuple[int, int] | None = None  # stories and events stored, when ``stories`` holds only the changed


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    """One declared stage. ``versions`` name the constants (``"module:NAME"``) its output depends
    on, resolved on use so that declaring a stage imports nothing heavy."""

    name: str
    scope: Scope
    needs: tuple[str, ...]
    produces: tuple[str, ...]
    reuse: str  # how a re-run decides to keep stored output, in words
    run: Callable[[Run], Any]
    versions: tuple[str, ...] = ()
    finding: str | None = None  # the finding kind it stores: run returns (rows, keys)
    fast: bool = False  # part of the --fast triage path

    @property
    def version(self) -> str:
        return "+".join(str(_resolve(path)) for path in self.versions)


def _resolve(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def step(path: str) -> Callable[[Run], Any]:
    """A stage's step named by import path (``"module:function"``), imported on first run: a stage
    in its own package registers with one ``Stage(...)`` line and keeps ``import newsprism`` light."""
    def run(r: Run) -> Any:
        return _resolve(path)(r)

    run.__qualname__ = run.__name__ = path
    return run


# --- the stages' steps: thin adapters from the run to the functions in analysis.py ------------------
def _language(run: Run) -> None:
    from .analysis import language_layer

    run.annotations, run.annotated = language_layer(run.store, run.articles, run.language, run.on_progress,
                                                    workers=run.workers, dask=run.dask)


def _syndication(run: Run) -> None:
    from .analysis import stored_syndication

    run.relations, run.groups = stored_syndication(run.store, run.articles, run.annotations, _version(run))


def _cluster(run: Run) -> None:
    from .analysis import update_stories

    change = update_stories(run.store, run.articles, run.annotations, run.relations, run.groups, _version(run))
    run.assignments, run.stories = change.assignments, change.stories
    if not change.full:
        run.totals = (change.total_stories, change.total_events)
        if not run.fast:  # the full tier reads every story
            run.assignments, run.stories = list(run.store.assignments().values()), run.store.stories()
    run.event_of = {a.article_id: a.event_id for a in run.assignments}


def _version(run: Run) -> str:
    """The annotations' version (MiniLM's or the static vectors'): the kept indexes depend on it."""
    from .nlp import NLP_VERSION

    return getattr(run.language, "version", NLP_VERSION)


def _headline_self(run: Run) -> None:
    from .analysis import check_headlines

    run.headline_checks = check_headlines(run.store, run.articles, run.annotations, run.language, run.on_progress)


def _quotes(run: Run) -> None:
    from .analysis import article_quotes

    run.quotes = article_quotes(run.store, run.articles, run.language, run.on_progress)


def _claims(run: Run) -> None:
    from .analysis import article_claims

    run.claims = article_claims(run.store, run.articles, run.annotations, run.quotes)


def _headline_event(run: Run) -> tuple[list, dict[str, str]]:
    from .analysis import event_headline_checks

    return event_headline_checks(run.articles, run.event_of, run.annotations, run.language, store=run.store)


def _quote_align(run: Run) -> tuple[list, dict[str, str]]:
    from .analysis import align_story_quotes

    rows = align_story_quotes(run.quotes, run.articles, run.event_of, run.stories, run.groups, run.language)
    run.aligned_quotes = [record for _, _, record in rows]
    return rows, {}


def _claim_align(run: Run) -> tuple[list, dict[str, str]]:
    from .analysis import align_event_claims

    run.aligned_claims, keys = align_event_claims(run.claims, run.event_of, run.groups, run.annotations,
                                                  run.language, store=run.store)
    return [(c.id, c.event, c) for c in run.aligned_claims], keys


def _coverage(run: Run) -> tuple[list, dict[str, str]]:
    from .claims.coverage import coverage_matrix

    members = {e.id: [a.id for a in e.articles] for s in run.stories for e in s.events}
    run.coverage = matrix = coverage_matrix(run.aligned_claims, members)
    return [(row.claim, row.event, row) for row in matrix.rows], {}


def _framing(run: Run) -> tuple[list, dict[str, str]]:
    from .analysis import framing_panels
    from .claims.coverage import CoverageMatrix

    return framing_panels(run.store, run.stories, run.articles, run.annotations, run.aligned_claims,
                          run.coverage or CoverageMatrix(), run.language, run.on_progress)


def _summary(run: Run) -> tuple[list, dict[str, str]]:
    from .analysis import summarize_stories

    return summarize_stories(run.stories, run.articles, run.groups, run.language, run.on_progress,
                             claims=run.aligned_claims, store=run.store, annotations=run.annotations)


PER_ARTICLE = "per article: kept while the stored output has the current version"
BY_KEY = "per scope: kept while its reuse key (members, provenance, inputs, versions) is unchanged"
REBUILT = "rebuilt each run from the cached annotations (cheap next to annotation)"
INDEXED = ("per article: an index entry kept in the store while its version holds; only new articles are"
           " compared (syndication) or computed (story features), the result equal to a rebuild")

STAGES: Sequence[Stage] = (
    Stage(name="language", scope="article", needs=("articles",), produces=("annotations", "annotated"),
          reuse=PER_ARTICLE, run=_language, versions=("newsprism.nlp:NLP_VERSION",), fast=True),
    Stage(name="syndication", scope="article", needs=("articles", "annotations"), produces=("relations", "groups"),
          reuse=INDEXED, run=_syndication, fast=True),
    Stage(name="cluster", scope="story", needs=("articles", "annotations", "groups"),
          produces=("assignments", "stories", "event_of"), reuse=INDEXED, run=_cluster,
          versions=("newsprism.cluster:CLUSTER_VERSION",), fast=True),
    Stage(name="headline-check", scope="article", needs=("articles", "annotations"), produces=("headline_checks",),
          reuse=PER_ARTICLE, run=_headline_self, versions=("newsprism.claims.stance:STANCE_VERSION",)),
    Stage(name="quotes", scope="article", needs=("articles",), produces=("quotes",), reuse=PER_ARTICLE,
          run=_quotes, versions=("newsprism.quotes:QUOTES_VERSION",)),
    Stage(name="claims", scope="article", needs=("articles", "annotations", "quotes"), produces=("claims",),
          reuse=PER_ARTICLE, run=_claims, versions=("newsprism.claims:CLAIMS_VERSION",)),
    Stage(name="headline-vs-event", scope="event", needs=("articles", "event_of", "annotations"), produces=(),
          reuse=BY_KEY, run=_headline_event, finding="headline",
          versions=("newsprism.claims.stance:STANCE_VERSION",)),
    Stage(name="quote-align", scope="story", needs=("quotes", "articles", "event_of", "stories", "groups"),
          produces=("aligned_quotes",), reuse=REBUILT, run=_quote_align, finding="quote",
          versions=("newsprism.quotes:QUOTES_VERSION", "newsprism.quotes:ALIGN_VERSION")),
    Stage(name="claim-align", scope="event", needs=("claims", "event_of", "groups", "annotations"),
          produces=("aligned_claims",), reuse=BY_KEY, run=_claim_align, finding="claim",
          versions=("newsprism.claims:CLAIMS_VERSION", "newsprism.claims.align:ALIGN_VERSION")),
    Stage(name="coverage", scope="event", needs=("aligned_claims", "stories"), produces=("coverage",),
          reuse=REBUILT, run=_coverage, finding="coverage",
          versions=("newsprism.claims:CLAIMS_VERSION", "newsprism.claims.align:ALIGN_VERSION")),
    Stage(name="figures", scope="event", needs=("articles", "event_of", "groups"), produces=(), reuse=REBUILT,
          run=step("newsprism.figures.stage:run"), finding="figure",
          versions=("newsprism.figures:FIGURES_VERSION", "newsprism.figures:ALIGN_VERSION")),
    Stage(name="framing", scope="story", needs=("stories", "articles", "annotations", "aligned_claims", "coverage"),
          produces=(), reuse=BY_KEY, run=_framing, finding="framing",
          versions=("newsprism.framing:FRAMING_VERSION",)),
    Stage(name="summary", scope="story", needs=("stories", "articles", "groups", "aligned_claims", "annotations"),
          produces=(), reuse=BY_KEY, run=_summary, finding="summary",
          versions=("newsprism.summarize:SUMMARIZE_VERSION",)),
)
