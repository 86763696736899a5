"""The per-article work of ``analyze`` as one plain function over a batch, run here, by a local
process pool (``--workers N``) or by Dask distributed (``--dask SCHEDULER``).

``article_work`` takes a batch of articles and returns everything computed from each article
alone: the parse (once, paragraph by paragraph), sentences, entities and MiniLM vectors
(``Annotation``), quotes, loaded words (from the same MiniLM pass), framing's candidate mentions
(from the same parse), claims and the headline's check against its own body. The parent saves each batch's results as they come back, in batch
order; the cross-article stages then run over what is stored, as in one process.

The batches are the same whatever runs them (``ANNOTATE_BATCH`` articles in arrival order, the
order one process uses), and MiniLM's padding depends only on its batch, so the stored results
are the same as one process's, whatever the number of workers. Each worker loads the models once
(``worker_language``) and keeps them for every batch it is given.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .model import Annotation, Article

ANNOTATE_BATCH = 32  # articles per batch: MiniLM sorts a batch's sentences by length (little padding)


@dataclass(frozen=True, slots=True)
class LanguageSettings:
    """What a worker needs to build the same ``Language`` as the parent (models are not shipped)."""

    spacy_model: str
    disable: tuple[str, ...]
    vectors: str
    engine: str
    device: str

    @classmethod
    def of(cls, language: Any) -> LanguageSettings:
        from .nlp.language import SPACY_MODEL

        return cls(spacy_model=getattr(language, "_spacy_name", SPACY_MODEL),
                   disable=tuple(getattr(language, "_disable", ("lemmatizer",))),
                   vectors=getattr(language, "vectors", "minilm"), engine=getattr(language, "engine", "numpy"),
                   device=getattr(language, "device", "cpu"))


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleWork:
    """One batch's per-article results, JSON-ready where the store keeps JSON (by article id)."""

    annotations: tuple[Annotation, ...]
    quotes: dict[str, list] = field(default_factory=dict)
    loaded: dict[str, list] = field(default_factory=dict)  # loaded words (full runs only)
    claims: dict[str, list] = field(default_factory=dict)  # (full runs only)
    headlines: dict[str, dict] = field(default_factory=dict)  # the headline against its own body (full runs only)
    mentions: dict[str, list] = field(default_factory=dict)  # framing's candidate mentions (full runs only)


def article_work(articles: Sequence[Article], language: Any, known_quotes: Mapping[str, list] | None = None
                 ) -> ArticleWork:
    """Everything ``analyze`` computes from each article of ``articles`` alone (see the module
    docstring). ``known_quotes``: quotes already cached for some of them, which their claims read
    (as a run in one process would). A static-vector ``language`` (the --fast path) stops after
    annotations: the rest (quotes included, whose span tagger runs MiniLM) waits for a full run."""
    from .analysis import article_loaded_words, english, quote_record
    from .nlp import NLP_VERSION
    from .nlp.language import annotate_states
    from .quotes import parse_texts, quotes_from_doc
    from .quotes.extract import tag_texts

    full = getattr(language, "version", NLP_VERSION) == NLP_VERSION
    docs = parse_texts([a.text for a in articles], language)
    annotations, states = annotate_states(articles, language, docs=docs, states=full)
    if not full:  # quotes wait for the full run: the span tagger runs MiniLM, which a fast run avoids
        return ArticleWork(annotations=tuple(annotations), quotes={})
    taggings = tag_texts([doc for a, doc in zip(articles, docs) if doc is not None and english(a)])
    quotes = {a.id: [q.to_dict() for q in quotes_from_doc(doc, tagging=taggings.get(id(doc)))]
              if doc is not None and english(a) else [] for a, doc in zip(articles, docs)}
    from .claims.extract import extract_claims
    from .claims.stance import check_headline
    from .framing.mentions import candidate_to_dict
    from .framing.terms import article_candidates

    known_quotes = known_quotes or {}
    loaded, claims, headlines, mentions = {}, {}, {}, {}
    for article, note, doc in zip(articles, annotations, docs):
        loaded[article.id] = [w.to_dict() for w in article_loaded_words(article, note, language, states)]
        if doc is None:  # the paragraphs did not rebuild the text: the language layer parsed it whole
            doc = language.parse([article.text])[0]
        mentions[article.id] = [candidate_to_dict(c) for c in article_candidates(article, note, doc)]
        mine = known_quotes.get(article.id, quotes[article.id])
        claims[article.id] = ([c.to_dict() for c in extract_claims(article.id, article.text, note,
                                                                   [quote_record(q) for q in mine])]
                              if english(article) else [])
        if article.headline:
            headlines[article.id] = headline_record(check_headline(article.headline, article.text,
                                                                   language=language, annotation=note))
    return ArticleWork(annotations=tuple(annotations), quotes=quotes, loaded=loaded, claims=claims,
                       headlines=headlines, mentions=mentions)


def headline_record(check: Any) -> dict[str, Any]:
    """A ``HeadlineCheck`` as the store keeps it."""
    from dataclasses import asdict

    return {"label": check.label, "score": round(float(check.score), 4), "model_label": check.model_label,
            "reasons": list(check.reasons), "evidence": [asdict(e) for e in check.evidence]}


def run_batch(articles: Sequence[Article], settings: LanguageSettings,
              known_quotes: Mapping[str, list] | None = None) -> ArticleWork:
    """What a worker runs: ``article_work`` with the worker's own models."""
    return article_work(articles, worker_language(settings), known_quotes)


@cache
def worker_language(settings: LanguageSettings) -> Any:
    """The worker process's ``Language``: loaded once, kept for every batch."""
    from .nlp import Language

    return Language(settings.spacy_model, disable=settings.disable, vectors=settings.vectors,
                    engine=settings.engine, device=settings.device)


def _init_worker(blas_threads: int) -> None:
    """A pool worker: BLAS threads shared out so that the workers together use the cores once."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from threadpoolctl import threadpool_limits

    threadpool_limits(blas_threads)


def batches(items: Sequence[Article], size: int | None = None) -> list[list[Article]]:
    """``items`` cut into runs of ``size`` (default ``ANNOTATE_BATCH``, read on each call)."""
    size = size or ANNOTATE_BATCH
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


def run_batches(pending: Sequence[Article], language: Any, *, workers: int = 1, dask: str | None = None,
                known_quotes: Mapping[str, list] | None = None) -> Iterator[tuple[list[Article], ArticleWork]]:
    """``(batch, work)`` for every batch of ``pending``, in order: here (one worker, no Dask), by a
    local pool of ``workers`` processes, or by the Dask scheduler at ``dask`` (``"local"``: a
    ``LocalCluster`` of ``workers`` processes on 127.0.0.1)."""
    groups = batches(pending)
    known = known_quotes or {}
    knowns = [{a.id: known[a.id] for a in group if a.id in known} for group in groups]
    if dask:
        yield from _dask(groups, knowns, language, dask, workers)
    elif workers <= 1 or len(groups) <= 1:
        for group, mine in zip(groups, knowns):
            yield group, article_work(group, language, mine)
    else:
        yield from _pool(groups, knowns, language, workers)


def _pool(groups, knowns, language, workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    settings = LanguageSettings.of(language)
    blas = max(1, (os.cpu_count() or 1) // workers)
    # spawn: a fresh interpreter per worker (forking a process whose BLAS threads are running can hang)
    with ProcessPoolExecutor(min(workers, len(groups)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=_init_worker, initargs=(blas,)) as pool:
        futures = [pool.submit(run_batch, group, settings, mine) for group, mine in zip(groups, knowns)]
        for group, future in zip(groups, futures):
            yield group, future.result()


def _dask(groups, knowns, language, scheduler: str, workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError as missing:
        raise ImportError("--dask needs the dask extra: pip install -e '.[dask]'") from missing
    settings = LanguageSettings.of(language)
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None, processes=True)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(run_batch, groups, [settings] * len(groups), knowns, pure=False)
        for group, future in zip(groups, futures):
            yield group, future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
