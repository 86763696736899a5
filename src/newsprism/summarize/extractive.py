"""The cited extractive summary: ``summarize(texts, words=260, language=language) -> Summary``.

1. Each input is cleaned (raw page text through ``clean.text.clean_text``; an Article's clean
   text as is) and split into sentences; page junk, fragments and run-ons are not candidates,
   nor the forward-looking sentences of a preview whose event another input reports.
2. Sentences are embedded (MiniLM) and scored by corroboration across independent sources
   (mean best cosine to each other source; copies of one source, per ``group_of``, count once),
   closeness to the centroid of the sources, and position (news leads with what matters).
3. MMR picks sentences under the word budget, never two near-duplicates, and never a sentence
   that leans on a previous one ("He said ...") without that one.
4. Each chosen sentence cites its own article plus every article holding an aligned version;
   the summary reads in chronological, then document order.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Article, Embedder
from .align import aligned_documents, content_words
from .records import Sentence, Summary, SummarySentence
from .redundancy import select
from .scoring import Weights, sentence_scores
from .sentences import candidates, document_text, is_junk, is_prospective

SUMMARIZE_VERSION = "summarize-4"  # 2: a dispute stated once; 3: stale previews and widgets out, ledes to 60 words; 4: bare "X said." out
DEFAULT_WORDS = 260


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Switches for ablations in the benchmark; the defaults are the shipped system."""

    clean: bool = True  # run raw texts through the plain-text cleaner
    context: bool = True  # a dependent sentence ("He said ...") only after the one before it
    weights: Weights = Weights()


def summarize(texts: Sequence[str] | Sequence[Article], words: int = DEFAULT_WORDS, *,
              language: Embedder, group_of: Mapping[str, str] | None = None,
              previews: Collection[str] = (), options: Options = Options()) -> Summary:
    """A cited extractive summary of ``texts`` (raw texts or Articles) in at most ``words`` words.

    Article ids are the Articles' ids, or "0", "1", ... for plain texts. ``group_of`` maps an
    article id to its provenance group (syndicated copies share one); articles it does not name
    are their own group. ``previews`` are the ids of inputs written before the event that another
    input reports: their forward-looking sentences ("is set to discuss", "details are yet to be
    announced") are not candidates, the summary telling what happened. ``language`` is a ``newsprism.nlp.Language`` (or any ``Embedder``: ``embed(texts)``
    returning L2-normalised rows), passed in by the caller: no stage loads models of its own.
    """
    ids = [item.id if isinstance(item, Article) else str(n) for n, item in enumerate(texts)]
    bodies = [document_text(item, clean=options.clean) for item in texts]
    stale = {n for n, i in enumerate(ids) if i in previews}
    pool = [s for s in candidates(bodies) if not is_junk(s) and not (s.doc in stale and is_prospective(s.text))]
    if not pool or words <= 0:
        return Summary(version=SUMMARIZE_VERSION)
    vectors = np.asarray(language.embed([s.text for s in pool]), dtype=np.float32)
    group_ids = [(group_of or {}).get(i, i) for i in ids]
    groups = np.array([_index(group_ids)[group_ids[s.doc]] for s in pool])
    weights = options.weights
    words_of = [content_words(s.text) for s in pool]
    scores = sentence_scores(pool, vectors, groups, weights)
    eligible = np.array([weights.min_words <= s.words <= (weights.lead_max_words if s.position == 0 else weights.max_words)
                         for s in pool])
    chosen = select(pool, scores, vectors, words, redundancy=weights.redundancy, eligible=eligible,
                    context=options.context)
    cited = _cite(pool, chosen, vectors[chosen] @ vectors.T, ids, group_ids, scores, words_of)
    order = _reading_order(texts)
    cited.sort(key=lambda s: (order[ids.index(s.article)], s.position))
    return Summary(sentences=tuple(cited), version=SUMMARIZE_VERSION)


def _index(labels: list[str]) -> dict[str, int]:
    return {label: n for n, label in enumerate(dict.fromkeys(labels))}


def _cite(pool: list[Sentence], chosen: list[int], cosines: np.ndarray, ids: list[str],
          group_ids: list[str], scores: np.ndarray, words: list[frozenset[str]]) -> list[SummarySentence]:
    """Summary sentences with their citations: own article first, then aligned ones.
    ``cosines[k]`` holds the cosines of the k-th chosen sentence to every candidate."""
    out = []
    for row, i in zip(cosines, chosen):
        sentence = pool[i]
        docs = [sentence.doc, *aligned_documents(i, pool, row, words)]
        out.append(SummarySentence(
            text=sentence.text, article=ids[sentence.doc], citations=tuple(dict.fromkeys(ids[d] for d in docs)),
            independent_sources=len({group_ids[d] for d in docs}), position=sentence.position,
            score=float(scores[i])))
    return out


def _reading_order(texts: Sequence[str] | Sequence[Article]) -> list[int]:
    """Rank of each input in reading order: by publication date when Articles carry one
    (undated after dated), else as given."""
    def key(n: int):
        item = texts[n]
        published = item.published if isinstance(item, Article) else None
        return (published is None, published or "", n)

    ranked = sorted(range(len(texts)), key=key)
    return [ranked.index(n) for n in range(len(texts))]
