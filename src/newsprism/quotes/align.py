"""Quote alignment: the same remark as reported by different outlets becomes one aligned quote.

    from newsprism.quotes import extract_quotes
    from newsprism.quotes.align import align_quotes
    aligned = align_quotes({a.id: extract_quotes(a.text, language=language) for a in articles},
                           texts={a.id: a.text for a in articles}, event_of=event_of, language=language)

Two quotes of different articles (of one event, when events are given) are one remark when their
speakers can be one speaker (``canon.compatibility``) and their words match: most of the shorter
quote's words found in order in the other (verbatim, trimmed) or, for a rewording, close MiniLM
embeddings with shared content words. Quotes are grouped greedily, best pair first, never two
quotes of one article in one group. Each variant is classed against the group's fullest quote:
verbatim, trimmed, reworded, or different-speaker (near-identical words with an explicit
attribution to a speaker who cannot be the same: a possible misattribution, both kept).

A quote is also flagged possible-misattribution when its own article gives it away: its speaker's
country (from the attribution or the article's other mentions) is addressed by the quote's first
person as another party (``canon.own_country_addressed``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from difflib import SequenceMatcher

import numpy as np

from ..patterns import LOWER_WORD
from ..sparse import shared_pairs
from .canon import (BODY, COMPATIBLE, CONFLICT, PERSON, ROLE_KIND, SAME, SpeakerInfo, canonical_names, compatibility,
                    own_country_addressed, speaker_info)
from .records import DIRECT, OTHER_CUE, PARTIAL, RECORD, TAGGED, Quote

if TYPE_CHECKING:
    from ..nlp.language import Language

ALIGN_VERSION = "quote-align-1"

VERBATIM, TRIMMED, REWORDED, DIFFERENT_SPEAKER = "verbatim", "trimmed", "reworded", "different-speaker"
POSSIBLE_MISATTRIBUTION = "possible-misattribution"
ALTERED = "altered-quote"  # two direct quotes of one remark whose words differ beyond trimming
SPEAKERS_DISAGREE = "speakers-disagree"  # same words, speakers that conflict through a pronoun or a chain

# Thresholds: bench/quote_align.py on 110 hand-labelled pairs of quotes from Multi-News clusters
# (bench/data/quote_pairs_multinews.jsonl).
# Share of the shorter quote's words found in order in the longer one, above which the two are
# one remark (trimmed or verbatim): every labelled pair of 10+ words above 0.8 was one remark.
TRIM_COVER = 0.8
# Under this many words, 4 of 5 words in common was as often chance ("the safety of the plant"
# inside a long quote) as one remark: a short quote must be found whole (``SHORT_COVER``).
LOOSE_COVER_WORDS = 10
SHORT_COVER = 0.95
# Under this many words ("in recent weeks"), the quote must also be most of the other one.
MIN_TRIM_WORDS = 5
SHORT_SHARE = 0.6
# Rewording: MiniLM cosine and share of content words in common, both needed. Labelled rewordings
# spread over cosine 0.5-0.86 and different remarks up to 0.79 (one at 0.89): 0.80 keeps
# precision (5 of 17 rewordings found, 1 of 66 different remarks let in).
REWORD_COS = 0.80
REWORD_OVERLAP = 0.35
# Most distinct quote texts embedded per call (pairs with the most content words in common first):
# MiniLM runs ~230 short texts/s on 2 quiet cores, so this bounds rewording checks near 0.5 s. No
# labelled Multi-News cluster needs more than 60.
MAX_EMBEDDED = 128
# Same words, explicit speakers in conflict: a different-speaker variant needs this much.
MISATTRIBUTION_COVER = 0.85
MIN_MISATTRIBUTION_WORDS = 6
# ... and the shorter quote must be this share of the longer: a short quote inside a long one with
# another speaker is mostly nesting ("the lawyers claim Obama lied when he said ..."), not a
# misattribution (Multi-News: every such pair checked was nesting).
MISATTRIBUTION_SHARE = 0.6

_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being it its this that these those there here we i you he she they them our us my your his her their
not no do does did have has had will would can could should may might must shall so than then
what which who whom whose when where why how all any some such very just also about into over
""".split())
# A word of ``_normal`` text: the shared pattern (``_normal`` already maps curly apostrophes to "'").
_WORD = LOWER_WORD


@dataclass(**RECORD)
class QuoteVariant:
    """One outlet's version of an aligned quote; offsets into that article's clean text."""

    article: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    kind: str
    variant: str = VERBATIM
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)}


@dataclass(**RECORD)
class AlignedQuote:
    """One remark and its variants across articles (one variant per article).

    ``speaker`` is the canonical speaker most independent sources give; ``text`` the fullest
    wording by that speaker; ``independent_sources`` the number of provenance groups carrying
    it; ``reasons`` says why each flag was raised.
    """

    id: str
    speaker: str | None
    event: str | None
    variants: tuple[QuoteVariant, ...]
    independent_sources: int
    flags: tuple[str, ...] = ()
    text: str = ""
    reasons: tuple[str, ...] = ()
    kind: str = DIRECT  # the kind of the wording in ``text`` (direct, partial, indirect, mixed)

    @property
    def words_reported(self) -> bool:
        """Whether some outlet reports it with a verb of saying, thinking or finding. The rest are
        attributions in PolNeAR's broad sense, acts rather than words ("The board consists of ...",
        "POLITICO sought to verify ..."): kept and flagged, but not what "who said what" lists first."""
        return not self.variants or any(OTHER_CUE not in v.flags for v in self.variants)

    @property
    def found_by_rules(self) -> bool:
        """Whether some outlet's wording was found by the rules over the parse, not only by the
        span tagger (``tagger``). Attributions only the tagger found are less sure (their contents
        match PolNeAR's about half the time, their sources about 60%: bench/RESULTS.md), so they are
        kept and flagged, and listed after the rest."""
        return not self.variants or any(TAGGED not in v.flags for v in self.variants)

    def to_dict(self) -> dict:
        return {"id": self.id, "speaker": self.speaker, "text": self.text, "kind": self.kind, "event": self.event,
                "independent_sources": self.independent_sources, "flags": list(self.flags),
                "reasons": list(self.reasons), "variants": [v.to_dict() for v in self.variants]}


@dataclass(kw_only=True)
class _Item:
    """A quote being aligned."""

    article: str
    quote: Quote
    speaker: SpeakerInfo
    event: str | None
    words: list[str] = field(default_factory=list)
    content: frozenset[str] = frozenset()
    flags: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.article}:{self.quote.start}:{self.quote.end}"

    @property
    def mergeable(self) -> bool:
        return OTHER_CUE not in self.quote.flags and len(self.words) > 0


@dataclass(**RECORD)
class PairScore:
    """How alike two quotes' words are."""

    cover: float  # share of the shorter quote's words found, in order, in the longer (an upper bound when under TRIM_COVER)
    overlap: float  # content words in common / content words of the shorter
    shorter: int  # words of the shorter quote
    longer: int  # words of the longer quote
    cosine: float | None = None  # MiniLM cosine, when computed


def align_quotes(quotes: Mapping[str, Sequence[Quote]], *, texts: Mapping[str, str] | None = None,
                 event_of: Mapping[str, str] | None = None, group_of: Mapping[str, str] | None = None,
                 language: Language, embed: Callable[[list[str]], np.ndarray] | None = None) -> list[AlignedQuote]:
    """Aligned quotes over ``quotes`` ({article id: quotes of that article}), every quote in
    exactly one aligned quote (most hold a single variant).

    ``texts``: article id -> clean text, for the speakers' countries (optional). ``event_of``:
    article id -> event id; quotes align only inside an event (articles missing from it only with
    each other). ``group_of``: article id -> provenance group; ``independent_sources`` counts
    groups (default: each article is its own). ``language`` embeds rewordings and parses the few
    quotes checked for a misattribution (models load only when needed); ``embed`` overrides
    its embedder.
    """
    items = _items(quotes, texts or {}, event_of)
    if not items:
        return []
    _flag_own_country(items, language)
    groups = _group(items, language, embed)
    aligned = [_aligned([items[k] for k in members], group_of or {}) for members in groups]
    return sorted(aligned, key=lambda a: (a.event or "", -len(a.variants), a.variants[0].article, a.variants[0].start))


# --- items --------------------------------------------------------------------------------------
def _items(quotes, texts, event_of) -> list[_Item]:
    names = canonical_names(quotes)
    items = []
    for article in sorted(quotes):
        for quote in quotes[article]:
            if not quote.text or not quote.text.strip():
                continue
            name = names.get(quote.speaker, quote.speaker) if quote.speaker else None
            info = speaker_info(quote, name, texts.get(article))
            words = _WORD.findall(_normal(quote.text))
            items.append(_Item(article=article, quote=quote, speaker=info,
                               event=event_of.get(article) if event_of else None,
                               words=words, content=frozenset(w for w in words if w not in _STOP)))
    return items


def _normal(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'").replace("--", " ").replace("—", " ")


# --- within-article misattribution --------------------------------------------------------------
def _flag_own_country(items: list[_Item], language) -> None:
    """Parse the few quotes whose speaker has a country named in their own words, and flag the
    ones whose first person acts on that country; the flag spreads to every quote of the same
    attribution (the same speaker mention)."""
    from .canon import nations_in

    candidates = [it for it in items if it.speaker.nation and it.quote.kind == DIRECT
                  and any(code == it.speaker.nation for code, _, _ in nations_in(it.quote.text))]
    if not candidates:
        return
    docs = language.parse([it.quote.text for it in candidates])
    for item, doc in zip(candidates, docs):
        conflict = own_country_addressed(item.quote, item.speaker, doc)
        if conflict is None:
            continue
        mention = (item.quote.speaker_start, item.quote.speaker_end)
        for other in items:
            if other.article == item.article and (other.quote.speaker_start, other.quote.speaker_end) == mention \
                    and other.quote.speaker == item.quote.speaker and mention != (None, None):
                _add(other, POSSIBLE_MISATTRIBUTION, conflict.reason)
        _add(item, POSSIBLE_MISATTRIBUTION, conflict.reason)


def _add(item: _Item, flag: str, reason: str) -> None:
    if flag not in item.flags:
        item.flags.append(flag)
    if reason not in item.reasons:
        item.reasons.append(reason)


# --- pair scores and grouping -------------------------------------------------------------------
def score_pair(a_words: Sequence[str], b_words: Sequence[str]) -> PairScore:
    """Token evidence that two quotes hold the same words (no model)."""
    short, long_ = (a_words, b_words) if len(a_words) <= len(b_words) else (b_words, a_words)
    if not short:
        return PairScore(cover=0.0, overlap=0.0, shorter=0, longer=len(long_))
    sa = {w for w in short if w not in _STOP}
    sb = {w for w in long_ if w not in _STOP}
    overlap = len(sa & sb) / len(sa) if sa else (1.0 if set(short) <= set(long_) else 0.0)
    # Words in common, order aside, bound the in-order share from above: when that bound is under
    # every cover threshold, the (slower) alignment of the two word lists cannot change a decision.
    bound = sum((Counter(short) & Counter(long_)).values()) / len(short)
    if bound < TRIM_COVER:
        return PairScore(cover=bound, overlap=overlap, shorter=len(short), longer=len(long_))
    matcher = SequenceMatcher(None, list(short), list(long_), autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return PairScore(cover=matched / len(short), overlap=overlap, shorter=len(short), longer=len(long_))


def same_words(score: PairScore, cover: float = TRIM_COVER) -> bool:
    """Verbatim or trimmed: most of the shorter quote's words, in order, in the longer. A short
    quote ("in recent weeks") must be nearly all of the other, not just inside it."""
    if score.shorter >= LOOSE_COVER_WORDS:
        return score.cover >= cover
    if score.shorter >= MIN_TRIM_WORDS:
        return score.cover >= SHORT_COVER
    return (score.shorter >= 2 and score.cover >= SHORT_COVER
            and score.cover * score.shorter / score.longer >= SHORT_SHARE)


def misattribution_words(score: PairScore) -> bool:
    """Words close enough, and long enough, that two speakers for them cannot both be right."""
    return (score.cover >= MISATTRIBUTION_COVER and score.shorter >= MIN_MISATTRIBUTION_WORDS
            and score.shorter / score.longer >= MISATTRIBUTION_SHARE)


def reworded(score: PairScore) -> bool:
    return score.cosine is not None and score.cosine >= REWORD_COS and score.overlap >= REWORD_OVERLAP


def _links(items: list[_Item], language, embed) -> list[tuple[float, int, int]]:
    """(strength, i, j) for every pair of quotes that may be one remark, strongest first."""
    pairs, wanted = [], []
    scores: dict[tuple[str, str], PairScore] = {}  # syndicated copies repeat the same texts
    for i, j in _candidates(items):
        a, b = items[i], items[j]
        key = (a.quote.text, b.quote.text)
        score = scores.get(key) or scores.setdefault(key, score_pair(a.words, b.words))
        relation = _relation(a, b)
        pairs.append((i, j, score, relation))
        if relation != CONFLICT and not same_words(score) and score.overlap >= REWORD_OVERLAP \
                and PARTIAL not in (a.quote.kind, b.quote.kind):  # a fragment's words are exact
            wanted.append((-score.overlap, i, j))
    vectors = _vectors(items, _budget(items, wanted), language, embed)
    links = []
    for i, j, score, relation in pairs:
        if i in vectors and j in vectors:
            score = replace(score, cosine=float(vectors[i] @ vectors[j]))
        strength = _link(score, relation)
        if strength is None:
            continue
        if relation != SAME and (_nested(items[i], items[j]) or _nested(items[j], items[i])):
            continue
        links.append((strength, i, j))
    return sorted(links, key=lambda l: (-l[0], l[1], l[2]))


def _relation(a: _Item, b: _Item) -> str:
    """The speakers' compatibility, where a conflict through a pronoun or a chain counts as
    compatible: the resolution is more likely wrong than the outlet (flagged speakers-disagree)."""
    relation = compatibility(a.speaker, b.speaker)
    if relation == CONFLICT and not (a.speaker.explicit and b.speaker.explicit):
        return COMPATIBLE
    return relation


def _candidates(items: list[_Item]):
    """Pairs (i < j) of mergeable quotes of different articles of one event with at least
    ``REWORD_OVERLAP`` of the smaller one's content words in common (no labelled same-words pair
    had less), from one sparse product: a story's quotes are mostly unrelated."""
    live = [i for i, item in enumerate(items) if item.mergeable]
    vocabulary: dict[tuple, int] = {}
    rows, cols = [], []
    for row, i in enumerate(live):
        for word in items[i].content:
            rows.append(row)
            cols.append(vocabulary.setdefault((items[i].event, word), len(vocabulary)))
    first, second, counts = shared_pairs(np.asarray(rows), np.asarray(cols), np.ones(len(rows)))
    sizes = np.array([len(items[i].content) for i in live], dtype=np.float32)
    shared = counts.astype(np.float32)  # float32 as before: a ratio on the threshold stays on its side
    keep = shared / np.maximum(np.minimum(sizes[first], sizes[second]), 1) >= REWORD_OVERLAP
    seen = set()
    for r, c in zip(first[keep].tolist(), second[keep].tolist()):
        i, j = live[r], live[c]
        if items[i].article != items[j].article:
            seen.add((i, j))
            yield i, j
    short = [i for i in live if len(items[i].words) < MIN_TRIM_WORDS or not items[i].content]
    for x, i in enumerate(short):  # too few words to count on: compared with each other only
        for j in short[x + 1:]:
            if items[i].article != items[j].article and items[i].event == items[j].event and (i, j) not in seen:
                yield i, j


def _nested(inner: _Item, outer: _Item) -> bool:
    """The outer quote names the inner quote's speaker before the shared words ("the Spirit had
    planned to play the anthem ..." holds the Spirit's "to play the anthem ..."): the outer one
    reports the inner as part of another remark."""
    name = inner.speaker.name
    if not name or len(outer.words) <= len(inner.words):
        return False
    surname = _WORD.findall(_normal(name))[-1:]
    at = [k for k, word in enumerate(outer.words) if [word] == surname]
    head = inner.words[:3]
    starts = [k for k in range(len(outer.words)) if outer.words[k:k + len(head)] == head]
    return bool(at and starts and at[0] < starts[0])


def _budget(items: list[_Item], wanted: list[tuple[float, int, int]]) -> list[int]:
    """The quotes to embed: those of the pairs most alike in words first, at most
    ``MAX_EMBEDDED`` distinct texts (the embedder is the slow part of alignment)."""
    texts: set[str] = set()
    chosen: set[int] = set()
    for _, i, j in sorted(wanted):
        new = {items[i].quote.text, items[j].quote.text} - texts
        if len(texts) + len(new) > MAX_EMBEDDED:
            break
        texts |= new
        chosen.update((i, j))
    return sorted(chosen)


def _vectors(items, indices, language, embed) -> dict[int, np.ndarray]:
    """MiniLM vectors of the quotes at ``indices`` (each distinct text embedded once)."""
    if not indices:
        return {}
    embed = embed or language.embed
    texts = sorted({items[i].quote.text for i in indices})
    matrix = embed(texts)
    row = {text: k for k, text in enumerate(texts)}
    return {i: matrix[row[items[i].quote.text]] for i in indices}


def _link(score: PairScore, relation: str) -> float | None:
    """How strongly two quotes are one remark (None: they are not). Same words beat a rewording,
    a closer length breaks ties ("recent weeks" goes with "in recent weeks", not with the
    sentence around it), and the same speaker adds a little."""
    if relation == CONFLICT:
        if not misattribution_words(score):
            return None
        strength = score.cover
    elif same_words(score):
        strength = score.cover
    elif reworded(score) and score.cosine is not None:  # reworded() needs a cosine
        strength = score.cosine * REWORD_COS  # below any same-words link
    else:
        return None
    return strength + 0.1 * score.shorter / score.longer + (0.01 if relation == SAME else 0.0)


def _group(items: list[_Item], language, embed) -> list[list[int]]:
    """Greedy grouping, strongest link first: one quote per article per group, and no two
    speakers in conflict unless their words are the same (a different-speaker variant)."""
    group_of = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, i, j in _links(items, language, embed):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not _can_merge(items, members[gi], members[gj]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
    return [sorted(m, key=lambda k: (items[k].article, items[k].quote.start)) for m in members.values()]


def _can_merge(items: list[_Item], left: list[int], right: list[int]) -> bool:
    if {items[k].article for k in left} & {items[k].article for k in right}:
        return False
    for a in left:
        for b in right:
            if _relation(items[a], items[b]) == CONFLICT and \
                    not misattribution_words(score_pair(items[a].words, items[b].words)):
                return False
    return True


# --- aligned quotes -----------------------------------------------------------------------------
_KIND_RANK = {PERSON: 3, ROLE_KIND: 2, BODY: 1}


def _aligned(group: list[_Item], group_of: Mapping[str, str]) -> AlignedQuote:
    speaker = _majority_speaker(group, group_of)
    reference = _reference(group, speaker)
    flags: list[str] = []
    reasons: list[str] = []
    variants = []
    for item in group:
        variant, item_flags = _classify(item, reference)
        for flag in (*item.flags, *item_flags):
            if flag not in flags:
                flags.append(flag)
        reasons.extend(r for r in item.reasons if r not in reasons)
        if variant == DIFFERENT_SPEAKER:
            reasons.append(f"the same words are {reference.speaker.name}'s in {reference.article} and "
                           f"{item.speaker.name}'s in {item.article}")
        q = item.quote
        variants.append(QuoteVariant(
            article=item.article, text=q.text, start=q.start, end=q.end, speaker=item.speaker.name or q.speaker,
            speaker_text=q.speaker_text, speaker_start=q.speaker_start, speaker_end=q.speaker_end, cue=q.cue,
            kind=q.kind, variant=variant, flags=tuple(dict.fromkeys((*q.flags, *item.flags, *item_flags)))))
    sources = len({group_of.get(item.article, item.article) for item in group})
    key = "|".join(sorted(item.key for item in group))
    return AlignedQuote(id="q" + hashlib.sha1(key.encode()).hexdigest()[:12], speaker=speaker,
                        event=group[0].event, variants=tuple(variants), independent_sources=sources,
                        flags=tuple(flags), text=reference.quote.text, reasons=tuple(reasons),
                        kind=reference.quote.kind)


def _majority_speaker(group: list[_Item], group_of: Mapping[str, str]) -> str | None:
    """The speaker named by the most provenance groups (explicit attributions first), a person
    over a role over a body on a tie."""
    votes: dict[str, list] = {}
    for item in group:
        name = item.speaker.name
        if name is None:
            continue
        vote = votes.setdefault(name, [set(), set(), _KIND_RANK.get(item.speaker.kind, 0)])
        vote[0 if item.speaker.explicit else 1].add(group_of.get(item.article, item.article))
    if not votes:
        return None
    return max(votes, key=lambda n: (len(votes[n][0]), len(votes[n][1]), votes[n][2], len(n), n))


def _reference(group: list[_Item], speaker: str | None) -> _Item:
    """The fullest wording by the chosen speaker (a direct quote over reported speech)."""
    own = [it for it in group if it.speaker.name == speaker] or group
    return max(own, key=lambda it: (it.quote.kind == DIRECT, len(it.words), -group.index(it)))


def _classify(item: _Item, reference: _Item) -> tuple[str, tuple[str, ...]]:
    """The variant class of ``item`` against the reference wording, and the flags it raises."""
    flags: list[str] = []
    relation = compatibility(item.speaker, reference.speaker)
    if relation == CONFLICT:
        if item.speaker.explicit and reference.speaker.explicit and \
                misattribution_words(score_pair(item.words, reference.words)):
            return DIFFERENT_SPEAKER, (POSSIBLE_MISATTRIBUTION,)
        flags.append(SPEAKERS_DISAGREE)
    variant = word_class(item.words, reference.words)
    if variant == REWORDED and item.quote.kind == DIRECT and reference.quote.kind == DIRECT:
        flags.append(ALTERED)
    return variant, tuple(flags)


def word_class(words: Sequence[str], reference: Sequence[str]) -> str:
    """verbatim (same words modulo punctuation and case), trimmed (the shorter one's words in
    order inside the other) or reworded."""
    if list(words) == list(reference):
        return VERBATIM
    if same_words(score_pair(words, reference)):
        return TRIMMED
    return REWORDED
