"""``newsprism analyze``: every pending stage over what is stored.

    parse + annotate + quotes (cached per article) -> syndication (dedup) -> stories and events
    (cluster) -> headline checks -> quotes aligned per event -> claims (cached per article),
    aligned per event -> framing per story -> cited summaries per event and story -> store

The parse is the expensive part and runs once per article, for articles without a cached
annotation of the current version. Syndication and clustering keep their indexes in the store
(``dedup.stored``: fingerprints, LSH band keys, vectors by day; ``cluster.stored``: each article's
story features and the story index's state), so a run reads and compares only the new articles'
annotations. Syndication stays equal to a batch run whatever order articles arrived in; so do the
stories of a store under ``cluster.stored.INCREMENTAL_FROM`` articles, or of a run that doubles the
index (both re-place and consolidate every stored feature record). Past that, a run re-clusters
only what the new articles reach (``update_stories``; its answer may differ from a batch run's,
measured in bench/RESULTS.md). Annotations are read from the store as a stage asks for them
(``StoredAnnotations``); the full tier reads them all. The cross-article findings (aligned quotes
and claims, framing, summaries) are replaced as a whole, reusing each scope's stored output while
its key holds.

``fast=True`` is the triage path for very large piles: the language layer embeds with the static
table distilled from MiniLM (``nlp.static``) and the run stops after syndication and stories; the
stages that read MiniLM's space (headline checks, quote and claim alignment, framing, summaries)
are left for a full run, which also replaces the static annotations with MiniLM's.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from .findings import CitedSummary, HeadlineAgainst, HeadlineVerdict, StoryFraming
from .model import Annotation, Article, Assignment, ProvenanceGroup, Relation, Story
from .records import from_dict
from .stages import Progress  # the progress callback's type (stage, done, total)

if TYPE_CHECKING:
    from .claims.coverage import CoverageMatrix
    from .claims.records import AlignedClaim, Claim
    from .quotes import AlignedQuote, Quote
    from .store import Store


ANNOTATE_BATCH = 32
READ_BATCH = 500  # annotations read from the store in one query
# Headlines are checked against at most this many bodies of their event (pairs grow as n squared).
MAX_EVENT_HEADLINE_BODIES = 25


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalysisReport:
    articles: int
    annotated: int
    relations: int
    groups: int
    stories: int
    events: int
    quotes: int = 0  # aligned quotes
    claims: int = 0  # aligned claims
    fast: bool = False  # the triage path: stories and events only

    def line(self) -> str:
        head = (f"analyzed {self.articles} articles ({self.annotated} newly annotated): "
                f"{self.relations} syndication links, {self.groups} independent sources, "
                f"{self.stories} stories, {self.events} events")
        if self.fast:
            return head + " (fast: static vectors; run analyze without --fast for quotes, claims and summaries)"
        return head + f", {self.quotes} quotes, {self.claims} claims"


def analyze(store: Store, language: Any = None, *, fast: bool = False,
            on_progress: Progress | None = None, workers: int = 1, dask: str | None = None) -> AnalysisReport:
    """Run every pending stage over the store and save the results (``fast``: see the module
    docstring): a loop over the declared stages (``newsprism.stages.STAGES``). ``workers``: local
    processes for the per-article work; ``dask``: a Dask scheduler address for it instead
    (``"local"``: a LocalCluster of ``workers`` processes on 127.0.0.1). Same results either way."""
    from .nlp import Language, shared_language
    from .stages import STAGES, Run

    if fast:
        language = language or Language(vectors="static")
    language = language or shared_language()  # models load only if a stage needs them
    # Static vectors live in another space than MiniLM's: the stages that compare MiniLM vectors
    # wait for a full run.
    fast = getattr(language, "vectors", "minilm") == "static"
    # no home pages, walls; the triage path holds every article's metadata and the new ones' text only
    articles = [a for a in store.articles(text=not fast) if a.is_article]
    if fast:
        articles = _with_text(store, articles, getattr(language, "version", ""))
    run = Run(store=store, language=language, on_progress=on_progress, workers=workers, dask=dask, fast=fast,
              articles=sorted(articles, key=_arrival_order))
    full_tier_read = False
    for stage in STAGES:
        if fast and not stage.fast:
            continue
        if not stage.fast and not full_tier_read and isinstance(run.annotations, StoredAnnotations):
            run.annotations.load([a.id for a in run.articles])  # the full tier reads them all, once
            full_tier_read = True
        produced = stage.run(run)
        if stage.finding is not None:
            rows, keys = produced
            store.save_findings(stage.finding, rows, version=stage.version, keys=keys)
    stories, events = run.totals or (len(run.stories), sum(len(s.events) for s in run.stories))
    return AnalysisReport(articles=len(run.articles), annotated=len(run.annotated), relations=len(run.relations),
                          groups=len(run.groups), stories=stories, events=events, quotes=len(run.aligned_quotes),
                          claims=len(run.aligned_claims), fast=fast)


def _with_text(store: Store, heads: list[Article], version: str) -> list[Article]:
    """``heads`` (articles without their text) with the text of those a fast run reads: not yet
    annotated in ``version``, or not yet in the syndication or story index."""
    from .cluster import CLUSTER_VERSION
    from .cluster.stored import index_version as story_version, placed_ids
    from .dedup.stored import index_version as dedup_version, stored_ids

    done = store.annotation_ids(version) & stored_ids(store, dedup_version(version)) \
        & placed_ids(store, story_version(CLUSTER_VERSION, version))
    return [a if a.id in done else (store.get(a.id) or a) for a in heads]


class StoredAnnotations(Mapping[str, Annotation]):
    """The cached annotations of one version, as a mapping by article id that reads the store
    when an annotation is asked for (``load``: many in one query) and keeps what it read: a run
    holds the annotations it uses (the new articles', for the cross-article indexes), not the
    whole corpus's (sentence vectors are most of the store)."""

    def __init__(self, store: Store, version: str):
        self._store, self._version = store, version
        self._ids = store.annotation_ids(version)
        self._held: dict[str, Annotation] = {}

    def put(self, annotations: Sequence[Annotation]) -> None:
        """Annotations computed in this run (saved by the caller, or not to be saved)."""
        for annotation in annotations:
            self._held[annotation.article_id] = annotation
            self._ids.add(annotation.article_id)

    def load(self, ids: Sequence[str]) -> None:
        """Read the annotations of ``ids`` not held yet, ``READ_BATCH`` to a query."""
        missing = [i for i in dict.fromkeys(ids) if i in self._ids and i not in self._held]
        for start in range(0, len(missing), READ_BATCH):
            self._held.update(self._store.annotations(self._version, ids=missing[start:start + READ_BATCH]))

    def __getitem__(self, article_id: str) -> Annotation:
        if article_id not in self._held:
            if article_id not in self._ids:
                raise KeyError(article_id)
            self.load([article_id])
        return self._held[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._ids

    def __iter__(self):
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


def language_layer(store, articles: Sequence[Article], language, on_progress=None, *, workers: int = 1,
                   dask: str | None = None) -> tuple[StoredAnnotations, list[Article]]:
    """Annotations of every article, computing those not cached; returns them (read from the
    store as they are used: ``StoredAnnotations``) and the newly done.

    Each new article is parsed once, paragraph by paragraph, and everything computed from it
    alone is computed then and cached (``parallel.article_work``: annotation, quotes, loaded
    words, framing's candidate mentions, claims, headline check): the parse and the MiniLM pass are the slow part of all of
    them. ``workers`` / ``dask``: who runs that per-article work (``parallel.run_batches``).
    """
    from .claims.extract import CLAIMS_VERSION
    from .claims.stance import STANCE_VERSION
    from .framing.terms import mentions_version
    from .framing.words import loaded_version
    from .nlp import NLP_VERSION
    from .parallel import run_batches
    from .quotes import QUOTES_VERSION

    version = getattr(language, "version", NLP_VERSION)
    cached = StoredAnnotations(store, version)
    if version != NLP_VERSION:  # static vectors: re-embed MiniLM annotations, no parse needed
        full = store.annotation_ids(NLP_VERSION)
        again = [a for a in articles if a.id not in cached and a.id in full]
        for _, batch in _batches(again, READ_BATCH):
            found = store.annotations(NLP_VERSION, ids=[a.id for a in batch])
            cached.put([reembed(a, found[a.id], language) for a in batch])
    pending = [a for a in articles if a.id not in cached]
    ids = [a.id for a in pending]
    have_quotes = store.extractions("quotes", QUOTES_VERSION, ids=ids) if pending else {}
    have_claims = set(store.extractions("claims", CLAIMS_VERSION, ids=ids)) if pending else set()
    have_checks = set(store.headline_checks(STANCE_VERSION, ids=ids)) if pending else set()
    done = 0
    for batch, work in run_batches(pending, language, workers=workers, dask=dask, known_quotes=have_quotes):
        store.save_annotations(list(work.annotations))
        store.save_extractions("quotes", QUOTES_VERSION, _missing(work.quotes, have_quotes))
        if work.loaded:
            store.save_extractions("loaded", loaded_version(), work.loaded)
        if work.mentions:
            store.save_extractions("mentions", mentions_version(), work.mentions)
        if claims := _missing(work.claims, have_claims):
            store.save_extractions("claims", CLAIMS_VERSION, claims)
        if checks := _missing(work.headlines, have_checks):
            store.save_headline_checks(checks, STANCE_VERSION)
        cached.put(work.annotations)
        done += len(batch)
        if on_progress:
            on_progress("annotating", done, len(pending))
    return cached, pending


def _missing(found: Mapping[str, Any], have) -> dict[str, Any]:
    return {k: v for k, v in found.items() if k not in have}


def article_loaded_words(article: Article, annotation: Annotation, language, states=None) -> list:
    """The loaded words of one article (``framing.loaded_words`` on its annotated sentences),
    reading ``states`` (MiniLM's pass over those sentences) where given."""
    from .framing.words import loaded_words

    sentences = [(s.start, s.end) for s in annotation.sentences] if annotation.sentences else None
    return loaded_words(article.text, language=language, sentences=sentences, article_id=article.id, states=states)


def english(article: Article) -> bool:
    """Quotes and claims are read with English models and cue words: an article detected as
    another language (set aside by the clusterer) gets none rather than nonsense."""
    return not article.language or article.language == "en"


def reembed(article: Article, annotation: Annotation, language) -> Annotation:
    """``annotation`` with its vectors recomputed by ``language`` from its own sentences and
    entities (no parse): how a static-vector run reads articles a full run already annotated,
    so that every vector it compares lives in one space."""
    from dataclasses import replace

    from .nlp.language import _article_text_for_embedding, masked_lead

    texts = [s.text for s in annotation.sentences]
    head, lead = language.embed([_article_text_for_embedding(article),
                                 masked_lead(article.text, annotation.sentences, annotation.entities)])
    return replace(annotation, version=language.version, sentence_vectors=language.embed(texts),
                   vector=head, lead_vector=lead)


def check_headlines(store, articles: Sequence[Article], annotations: Mapping[str, Annotation], language,
                    on_progress=None) -> int:
    """Judge each article's headline against its own body (cached per stance-model version)."""
    from .claims.stance import STANCE_VERSION, check_headline
    from .parallel import headline_record

    done = store.headline_checks(STANCE_VERSION)
    pending = [a for a in articles if a.headline and a.id not in done]
    if not pending:
        return 0
    checks = {}
    for i, article in enumerate(pending, 1):
        check = check_headline(article.headline or "", article.text, language=language,
                               annotation=annotations.get(article.id))
        checks[article.id] = headline_record(check)
        if on_progress:
            on_progress("checking headlines", i, len(pending))
    store.save_headline_checks(checks, STANCE_VERSION)
    return len(checks)


def article_quotes(store, articles: Sequence[Article], language, on_progress=None) -> dict[str, list]:
    """Each article's quotes (JSON-ready dicts), extracted once per quote-model version and cached."""
    from .quotes import QUOTES_VERSION, extract_quotes_batch

    cached = store.extractions("quotes", QUOTES_VERSION)
    pending = [a for a in articles if a.id not in cached]
    for done, batch in _batches(pending, ANNOTATE_BATCH):
        found = extract_quotes_batch([a.text for a in batch], language)
        fresh = {a.id: [q.to_dict() for q in quotes] if english(a) else [] for a, quotes in zip(batch, found)}
        store.save_extractions("quotes", QUOTES_VERSION, fresh)
        cached.update(fresh)
        if on_progress:
            on_progress("finding quotes", done, len(pending))
    return cached


def align_story_quotes(quotes: dict[str, list], articles: Sequence[Article], event_of: dict[str, str],
                       stories: Sequence[Story], groups: Sequence[ProvenanceGroup], language
                       ) -> list[tuple[str, str, AlignedQuote]]:
    """Quotes aligned across the outlets of each event, as ``(id, story id, record)`` rows."""
    from .quotes.align import align_quotes

    story_of = {e.id: s.id for s in stories for e in s.events}
    records = {a.id: [quote_record(q) for q in quotes.get(a.id, ())] for a in articles if a.id in event_of}
    aligned = align_quotes(records, texts={a.id: a.text for a in articles if a.id in records},
                           event_of=event_of, group_of=group_index(groups), language=language)
    return [(q.id, story_of.get(q.event or "", ""), q) for q in aligned]


def article_claims(store, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                   quotes: dict[str, list]) -> dict[str, list]:
    """Each article's claims (JSON-ready dicts), extracted once per claims version and cached."""
    from .claims.extract import CLAIMS_VERSION, extract_claims

    cached = store.extractions("claims", CLAIMS_VERSION)
    pending = [a for a in articles if a.id not in cached and a.id in annotations]
    fresh = {a.id: [c.to_dict() for c in extract_claims(a.id, a.text, annotations[a.id],
                                                        [quote_record(q) for q in quotes.get(a.id, ())])]
             if english(a) else [] for a in pending}
    if fresh:
        store.save_extractions("claims", CLAIMS_VERSION, fresh)
        cached.update(fresh)
    return cached


def align_event_claims(claims: dict[str, list], event_of: dict[str, str], groups: Sequence[ProvenanceGroup],
                       annotations: Mapping[str, Annotation], language, *, store: Store | None = None
                       ) -> tuple[list[AlignedClaim], dict[str, str]]:
    """Claims aligned across the outlets of each event (``AlignedClaim`` records, events in the
    order their first article comes in ``claims``), and each event's key. With ``store``, an
    event whose key (its members, their provenance, the claims and alignment versions) matches
    the last run's keeps its stored aligned claims."""
    from .claims import CLAIMS_VERSION
    from .claims.align import ALIGN_VERSION, align_claims, claim_vectors

    group_of = group_index(groups)
    members: dict[str, list[str]] = {}
    for aid in claims:
        if aid in event_of:
            members.setdefault(event_of[aid], []).append(aid)
    keys = {event: _digest(CLAIMS_VERSION, ALIGN_VERSION, event, sorted(ids), sorted(group_of.get(a, a) for a in ids))
            for event, ids in members.items()}
    unchanged, kept = reusable(store, "claim", keys)
    todo = set(members) - unchanged
    records = {aid: [claim_record(c) for c in claims[aid]] for event in todo for aid in members[event]}
    flat = [c for found in records.values() for c in found]
    fresh: dict[str, list[AlignedClaim]] = {}
    if flat:
        vectors = claim_vectors(flat, annotations=annotations, language=language)
        for claim in align_claims(records, event_of=event_of, group_of=group_of, language=language, vectors=vectors):
            fresh.setdefault(claim.event, []).append(claim)
    aligned = [c for event in members for c in (fresh if event in todo else kept).get(event, ())]
    return aligned, keys


def framing_panels(store: Store | None, stories: Sequence[Story], articles: Sequence[Article],
                   annotations: Mapping[str, Annotation], aligned_claims: Sequence[AlignedClaim],
                   coverage: CoverageMatrix, language, on_progress: Progress | None = None) -> tuple[list[tuple[str, str, StoryFraming]], dict[str, str]]:
    """Each multi-article story's framing panel, as ``(story id, story id, record)`` rows, and
    each story's reuse key.

    The panel reads each article's candidate mentions, found from the language layer's parse and
    cached per article (``story_mentions``: no second parse); a story whose articles and claims
    are unchanged since the last run keeps its stored panel. Omissions come from the claims
    stage's ``coverage`` matrix.
    """
    from .framing import FRAMING_VERSION, LoadedWord, framing_panel
    from .framing.mentions import candidate_from_dict
    from .framing.terms import candidate_terms
    from .framing.words import loaded_version

    by_id = {a.id: a for a in articles}
    stored_words = store.extractions("loaded", loaded_version()) if store is not None else {}
    claims_of: dict[str, list[AlignedClaim]] = {}
    for claim in aligned_claims:
        claims_of.setdefault(claim.event, []).append(claim)
    several = [s for s in stories if len(s.articles) > 1]
    keys = {story.id: _digest(FRAMING_VERSION, sorted(story.articles),
                              sorted(c.id for e in story.events for c in claims_of.get(e.id, ())))
            for story in several}
    unchanged, kept = reusable(store, "framing", keys)
    mentions = story_mentions(store, [by_id[a] for s in several if s.id not in unchanged or not kept.get(s.id)
                                      for a in s.articles if a in by_id], annotations, language)
    rows = []
    for i, story in enumerate(several):
        if story.id in unchanged and kept.get(story.id):
            record = replace(kept[story.id][0], story=story.id)
        else:
            story_coverage = coverage.only(c.id for e in story.events for c in claims_of.get(e.id, ()))
            words = {a: [from_dict(LoadedWord, w) for w in stored_words[a]] for a in story.articles if a in stored_words}
            members_of = [by_id[a] for a in story.articles if a in by_id]
            groups = candidate_terms([candidate_from_dict(c) for a in members_of for c in mentions[a.id]],
                                     language=language)
            panel = framing_panel(members_of, annotations, story_coverage, language=language, words=words,
                                  groups=groups)
            record = StoryFraming(story=story.id, key=keys[story.id], panel=panel.to_dict())
        rows.append((story.id, story.id, record))
        if on_progress:
            on_progress("framing", i + 1, len(stories))
    return rows, keys


def story_mentions(store: Store | None, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                   language) -> dict[str, list]:
    """Framing's candidate mentions of ``articles`` (JSON-ready, by article id): as the language
    layer cached them; an article annotated before they were cached is parsed here, as the
    language layer parses (paragraph by paragraph), and its candidates cached."""
    from .framing.mentions import candidate_to_dict
    from .framing.terms import article_candidates, mentions_version
    from .quotes import parse_texts

    version = mentions_version()
    found = store.extractions("mentions", version) if store is not None else {}
    missing = list({a.id: a for a in articles if a.id not in found}.values())
    for _, batch in _batches(missing, ANNOTATE_BATCH):
        docs = parse_texts([a.text for a in batch], language)
        fresh = {a.id: [candidate_to_dict(c) for c in article_candidates(
            a, annotations.get(a.id), doc if doc is not None else language.parse([a.text])[0])]
            for a, doc in zip(batch, docs)}
        if store is not None:
            store.save_extractions("mentions", version, fresh)
        found.update(fresh)
    return found


def _digest(*parts) -> str:
    import hashlib
    import json

    return hashlib.sha1(json.dumps(parts).encode("utf-8")).hexdigest()[:16]


def quote_record(data: Mapping[str, Any]) -> Quote:
    from .quotes import Quote

    return from_dict(Quote, data)


def claim_record(data: Mapping[str, Any]) -> Claim:
    from .claims.records import Claim

    return from_dict(Claim, data)  # "key" (a derived property in the payload) is not a field


def summarize_stories(stories: Sequence[Story], articles: Sequence[Article], groups: Sequence[ProvenanceGroup],
                      language, on_progress: Progress | None = None, claims: Sequence[AlignedClaim] = (), *,
                      store: Store | None = None, annotations: Mapping[str, Annotation] | None = None
                      ) -> tuple[list[tuple[str, str, CitedSummary]], dict[str, str]]:
    """Cited summaries of every story and of each of its events, as ``(id, story id, record)``
    rows, and each story's reuse key.

    With ``store``, a story whose events, members, provenance and claims are unchanged since the
    last run keeps its stored summaries. Sentences are embedded once per story (a story's summary
    re-reads its events' sentences), those the language layer already embedded not at all.
    """
    from .nlp import MemoEmbedder
    from .summarize import SUMMARIZE_VERSION
    from .summarize.dossier import story_summaries

    by_id = {a.id: a for a in articles}
    group_of = group_index(groups)
    claims_of: dict[str, list[AlignedClaim]] = {}
    for claim in claims:
        claims_of.setdefault(claim.event, []).append(claim)
    keys = {story.id: _digest(SUMMARIZE_VERSION, story.id, [[e.id, [a.id for a in e.articles]] for e in story.events],
                              sorted(group_of.get(a, a) for a in story.articles),
                              sorted([c.id, c.status] for e in story.events for c in claims_of.get(e.id, ())))
            for story in stories}
    unchanged = reusable(store, "summary", keys)[0]
    kept = _rows_by_scope(store, "summary", [keys[s] for s in unchanged])
    rows: list[tuple[str, str, CitedSummary]] = []
    for i, story in enumerate(stories, 1):
        if story.id in kept:
            rows.extend(kept[story.id])
        else:
            known = {s.text: v for a in story.articles if annotations and a in annotations
                     for s, v in zip(annotations[a].sentences, _rows(annotations[a].sentence_vectors))}
            story_claims = [c for e in story.events for c in claims_of.get(e.id, ())]
            rows.extend((scope, story.id, CitedSummary.from_dict(summary)) for scope, summary in story_summaries(
                story, by_id, group_of=group_of, language=MemoEmbedder(language, known),
                claims=story_claims).items())
        if on_progress:
            on_progress("summarizing", i, len(stories))
    return rows, keys


def _rows(matrix: object) -> np.ndarray:
    """The rows of an annotation's sentence-vector matrix (typed ``object`` on the record)."""
    return np.asarray(matrix)


def _rows_by_scope(store: Store | None, kind: str, reuse_keys: Sequence[str]
                   ) -> dict[str, list[tuple[str, str, Any]]]:
    """Stored ``(id, scope, record)`` rows with one of ``reuse_keys``, by scope."""
    out: dict[str, list[tuple[str, str, Any]]] = {}
    for row in store.finding_rows(kind, reuse_keys=reuse_keys) if store is not None and reuse_keys else ():
        out.setdefault(row.scope, []).append((row.id, row.scope, row.record))
    return out


def group_index(groups: Sequence[ProvenanceGroup]) -> dict[str, str]:
    """Article id -> the origin of its provenance group (the unit independent sources count)."""
    return {m.id: g.origin for g in groups for m in g.members}


def event_headline_checks(articles: Sequence[Article], event_of: dict[str, str],
                          annotations: Mapping[str, Annotation], language, *, store: Store | None = None
                          ) -> tuple[list[tuple[str, str, HeadlineVerdict]], dict[str, str]]:
    """Each headline against the bodies of the other articles of its event, as ``(article id,
    event id, record)`` rows: ``verdict`` is "agrees" when some other outlet's body supports it and
    none disagrees, "contradicts" the other way round, "mixed" when both, else "not covered".
    Also each event's key: with ``store``, an event whose members are unchanged keeps its rows."""
    from .claims.stance import STANCE_VERSION, check_event_headlines

    members: dict[str, list[Article]] = {}
    for article in articles:
        if article.id in event_of:
            members.setdefault(event_of[article.id], []).append(article)
    members = {event: group[:MAX_EVENT_HEADLINE_BODIES] for event, group in members.items()
               if len(group) >= 2 and any(a.headline for a in group)}
    keys = {event: _digest(STANCE_VERSION, event, [[a.id, a.headline] for a in group])
            for event, group in members.items()}
    unchanged, kept = reusable(store, "headline", keys)
    rows: list[tuple[str, str, HeadlineVerdict]] = []
    for event, group in members.items():
        if event in unchanged:
            rows.extend((row.article, event, row) for row in kept.get(event, ()))
            continue
        checks = check_event_headlines(group, language=language, annotations=annotations, own=False)
        for article in (a for a in group if a.headline):
            against = tuple(HeadlineAgainst(article=body, label=c.label, score=round(float(c.score), 4))
                            for (head, body), c in checks.items() if head == article.id and body != article.id)
            labels = {x.label for x in against}
            verdict = ("mixed" if {"agree", "disagree"} <= labels else "agrees" if "agree" in labels
                       else "contradicts" if "disagree" in labels else "not covered")
            rows.append((article.id, event, HeadlineVerdict(article=article.id, event=event, verdict=verdict,
                                                            against=against)))
    return rows, keys


def reusable(store: Store | None, kind: str, keys: Mapping[str, str]) -> tuple[set[str], dict[str, list[Any]]]:
    """What a re-run may keep of ``kind``: the scopes (events, stories) whose reuse key was stored
    by the last run, and the records stored under each such key. The one reuse rule of analyze:
    a key digests everything a scope's findings depend on (members, provenance, inputs, versions)."""
    if store is None:
        return set(), {}
    known = set(store.finding_keys(kind).values())
    unchanged = {scope for scope, key in keys.items() if key in known}
    scope_of = {keys[scope]: scope for scope in unchanged}
    kept: dict[str, list[Any]] = {}
    for row in store.finding_rows(kind, reuse_keys=list(scope_of)) if scope_of else ():
        if row.reuse_key in scope_of:
            kept.setdefault(scope_of[row.reuse_key], []).append(row.record)
    return unchanged, kept


def stored_syndication(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                       version: str) -> tuple[list[Relation], list[ProvenanceGroup]]:
    """``syndication`` over the index kept in the store (``dedup.stored``): only the articles not
    indexed yet are compared (with the stored ones and each other); their annotations (of
    ``version``) are the only ones read. The relations and groups are those of ``syndication``
    over all ``articles``."""
    from .dedup import provenance_groups
    from .dedup.index import sort_relations
    from .dedup.stored import add_stored, index_version, stored_ids, stored_relations

    index = index_version(version)
    known = stored_ids(store, index)
    new = [a for a in articles if a.id not in known]
    if isinstance(annotations, StoredAnnotations):
        annotations.load([a.id for a in new])
    for _, batch in _batches(new, READ_BATCH):
        add_stored(store, batch, annotations, version=index)
    inside = {a.id for a in articles}
    relations = sort_relations(r for r in stored_relations(store, index) if r.source in inside and r.target in inside)
    groups = provenance_groups([a.id for a in articles], relations, {a.id: a.published for a in articles})
    return relations, groups


def stored_cluster(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                   groups: Sequence[ProvenanceGroup], version: str) -> tuple[list[Assignment], list[Story]]:
    """``cluster`` from the features kept in the store (``cluster.stored``): computed only for
    the articles that have none of this version (their annotations are the only ones read),
    then every article placed and consolidated, as ``cluster`` does (the same answer)."""
    assignments, built, _ = _stored_batch(store, articles, annotations, groups, version)
    return assignments, built


def _stored_batch(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                  groups: Sequence[ProvenanceGroup], version: str):
    from .cluster import CLUSTER_VERSION, StoryIndex, stories
    from .cluster.stored import index_version, stored_features

    feats = stored_features(store, articles, annotations, version=index_version(CLUSTER_VERSION, version))
    index = StoryIndex()
    for article in articles:
        index.add_features(feats[article.id])
    built = stories(index, articles, groups)
    return list(index.assignments()), built, index


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryChange:
    """What ``update_stories`` saved: with ``full`` every assignment and story, else those it
    rebuilt; ``stories`` / ``events``: how many the store holds after the run."""

    full: bool
    assignments: list[Assignment]
    stories: list[Story]
    total_stories: int
    total_events: int


def update_stories(store: Store, articles: Sequence[Article], annotations: Mapping[str, Annotation],
                   relations: Sequence[Relation], groups: Sequence[ProvenanceGroup], version: str, *,
                   rebuild_share: float | None = None, incremental_from: int | None = None) -> StoryChange:
    """Stories and events over the story index kept in the store (``cluster.stored``), saved with
    the syndication results: a batch run (every article placed and consolidated, exactly as
    ``cluster``) when no index is kept, when an article left, when fewer than ``incremental_from``
    (default ``cluster.stored.INCREMENTAL_FROM``) articles are placed, or when the new articles are
    at least ``rebuild_share`` (default ``cluster.stored.REBUILD_SHARE``) of those placed; else an
    incremental run that re-clusters only what the new articles touch and saves only what changed
    (its answer may differ from a batch run's: bench/RESULTS.md, "The story index kept in the store")."""
    from .cluster import CLUSTER_VERSION, StoryIndex, stories
    from .cluster import stored as kept

    share = kept.REBUILD_SHARE if rebuild_share is None else rebuild_share
    floor = kept.INCREMENTAL_FROM if incremental_from is None else incremental_from
    feature_version = kept.index_version(CLUSTER_VERSION, version)
    placed = kept.placed_ids(store, feature_version) if kept.has_state(store, feature_version) else None
    inside = {a.id for a in articles}
    new = [a for a in articles if placed is None or a.id not in placed]
    if placed is None or not placed <= inside or len(placed) < floor or len(new) >= share * len(placed):
        assignments, built, index = _stored_batch(store, articles, annotations, groups, version)
        events = sum(len(s.events) for s in built)
        store.save_analysis(relations, groups, assignments, built, ranked=True)
        kept.save_state(store, index, feature_version, (len(built), events))
        return StoryChange(full=True, assignments=assignments, stories=built, total_stories=len(built),
                           total_events=events)
    if isinstance(annotations, StoredAnnotations):
        annotations.load([a.id for a in new])
    feats = kept.stored_features(store, new, annotations, version=feature_version)
    change = kept.update(store, [feats[a.id] for a in new], feature_version, StoryIndex())
    by_id = {a.id: a for a in articles}
    for _, story_events in change.groups:  # a title from a text when no member has a headline
        for f in (f for _, members in story_events for f in members):
            if by_id.get(f.id) is not None and not by_id[f.id].text and not by_id[f.id].headline:
                by_id[f.id] = store.get(f.id) or by_id[f.id]
    group_of = {m.id: g for g in groups for m in g.members}  # the groups the rebuilt stories count sources in
    near = {group_of[f.id].origin: group_of[f.id] for _, story_events in change.groups
            for _, members in story_events for f in members if f.id in group_of}
    rebuilt = stories(_View(change.groups), by_id.values(), list(near.values()))  # type: ignore[arg-type]
    fresh = {a.id for a in new}
    changed_groups = [g for g in groups if g.origin in fresh or any(m.id in fresh for m in g.members)]
    store.update_analysis([r for r in relations if r.source in fresh or r.target in fresh], changed_groups,
                          change.assignments, rebuilt,
                          drop_groups=[i for g in changed_groups for i in (g.origin, *(m.id for m in g.members))],
                          drop_stories=change.dropped)
    return StoryChange(full=False, assignments=change.assignments, stories=rebuilt, total_stories=change.stories,
                       total_events=change.events)


class _View:
    """The groups an incremental run rebuilt, read as ``cluster.stories`` reads a consolidated index."""

    def __init__(self, groups):
        self._groups = groups

    def consolidate(self) -> None:
        return None

    def groups(self):
        return list(self._groups)


def syndication(articles: Sequence[Article], annotations: Sequence[Annotation]
                ) -> tuple[list[Relation], list[ProvenanceGroup]]:
    from .dedup import find_relations, provenance_groups

    relations = find_relations(articles, annotations)
    groups = provenance_groups([a.id for a in articles], relations, {a.id: a.published for a in articles})
    return relations, groups


def cluster(articles: Sequence[Article], annotations: Sequence[Annotation],
            groups: Sequence[ProvenanceGroup]) -> tuple[list[Assignment], list[Story]]:
    from .cluster import StoryIndex, stories

    index = StoryIndex()
    for article, annotation in zip(articles, annotations):
        index.add(article, annotation)
    built = stories(index, articles, groups)
    return list(index.assignments()), built


def _arrival_order(article: Article) -> tuple:
    return (article.published is None, article.published or "", article.id)


def _batches(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield min(start + size, len(items)), items[start:start + size]
