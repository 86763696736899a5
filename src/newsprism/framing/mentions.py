"""Candidate mentions of referents in one article: named entities from the language layer,
governance phrases ("the Chinese regime") and acts of war ("Russia's brutal war of aggression
against Ukraine") from the spaCy parse."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Annotation, Article
from . import patterns as P
from .lexicon import Aliases, display, norm
from .loaded import in_spans, quoted_spans
from .records import Mention

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class Candidate:
    """A mention plus what grouping needs: its key, the state the lexicon names (entities),
    the states an act is anchored to, the states around a bare act, a topic ("trade" war)."""

    mention: Mention
    key: str
    state: str | None = None
    act: str | None = None
    head: str = ""
    states: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    topic: str = ""


# Each article's candidates are found from the language layer's parse and cached per article
# (extraction "mentions"; ``framing.terms.mentions_version`` adds the alias lexicon's version): bump
# with the code that finds them.
MENTIONS_VERSION = "mentions-1"


def candidate_to_dict(candidate: Candidate) -> dict[str, Any]:
    """A candidate as the store keeps it (sets as sorted lists: the same bytes in every process)."""
    return {"mention": candidate.mention.to_dict(), "key": candidate.key, "state": candidate.state,
            "act": candidate.act, "head": candidate.head, "states": sorted(candidate.states),
            "context": sorted(candidate.context), "topic": candidate.topic}


def candidate_from_dict(data: Mapping[str, Any]) -> Candidate:
    return Candidate(mention=Mention(**data["mention"]), key=data["key"], state=data["state"], act=data["act"],
                     head=data["head"], states=frozenset(data["states"]), context=frozenset(data["context"]),
                     topic=data["topic"])


def find_candidates(article: Article, annotation: Annotation | None, doc, outlet: str,
                    aliases: Aliases) -> list[Candidate]:
    """Entity, governance and act mentions of one article (``doc`` is its spaCy parse)."""
    quotes = quoted_spans(article.text)
    found = _entity_candidates(article, annotation, doc, outlet, aliases, quotes)
    covered = {i for c in found for i in range(c.mention.start, c.mention.end)}
    if doc is not None:
        sentences = annotation.sentences if annotation is not None else ()
        for chunk in doc.noun_chunks:
            if chunk.root.idx in covered:
                continue
            made = (_alias_chunk(article, chunk, outlet, aliases, quotes)
                    or _governance_chunk(article, chunk, outlet, aliases, quotes)
                    or _act_chunk(article, doc, chunk, outlet, aliases, quotes, sentences, found))
            if made is not None:
                found.append(made)
                covered.update(range(made.mention.start, made.mention.end))
    return sorted(found, key=lambda c: c.mention.start)


def _mention(article, start, end, outlet, kind, label, quotes) -> Mention:
    text = article.text[start:end]
    return Mention(article_id=article.id, outlet=outlet, text=text, form=display(text), start=start,
                   end=end, kind=kind, label=label, quoted=in_spans(start, quotes))


def _entity_candidates(article, annotation, doc, outlet, aliases, quotes) -> list[Candidate]:
    if annotation is None:
        return []
    tokens = {t.idx: t for t in doc} if doc is not None else {}
    found = []
    for ent in annotation.entities:
        key = norm(ent.text)
        if (ent.label not in P.ENTITY_LABELS or len(key) < 2
                or not any(c.isupper() for c in ent.text)):  # "us" the pronoun, tagged GPE
            continue
        mention = _mention(article, ent.start, ent.end, outlet, "entity", ent.label, quotes)
        state = aliases.state_of.get(key)
        if state and aliases.kind_of.get(key) == "capital" and _place_use(article.text, ent, tokens):
            key, state = f"{key} (place)", None  # "in Beijing": the city, not the government
        found.append(Candidate(mention=mention, key=key, state=state))
    return found


def _place_use(text: str, ent, tokens) -> bool:
    """A capital named as a place: a dateline, after a place word, or opening a longer name."""
    line_start = text.rfind("\n", 0, ent.start) + 1
    after = text[ent.end:ent.end + 2].strip()[:1]
    if ent.text.isupper() or (not text[line_start:ent.start].strip() and after in P.DATELINE_NEXT):
        return True
    first = tokens.get(ent.start)
    if first is None:
        return False
    before = first.nbor(-1) if first.i > 0 else None
    if before is not None and before.lower_ == "the" and before.i > 0:
        before = before.nbor(-1)
    if before is not None and before.lower_ in P.PLACE_WORDS:
        return True
    last = first.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    nxt = last[-1].nbor(1) if last is not None and last.end < len(first.doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()


def _alias_chunk(article, chunk, outlet, aliases, quotes) -> Candidate | None:
    """A noun chunk that is itself a lexicon name the entity recogniser missed ("the Kremlin")."""
    key = norm(chunk.text)
    state = aliases.state_of.get(key)
    if state is None or not any(c.isupper() for c in chunk.text):  # "us" is a pronoun
        return None
    mention = _mention(article, chunk.start_char, chunk.end_char, outlet, "entity", "GOV", quotes)
    return Candidate(mention=mention, key=key, state=state)


def _governance_chunk(article, chunk, outlet, aliases, quotes) -> Candidate | None:
    """"the Chinese regime", "Beijing's leadership", "Chinese communist authorities"."""
    if chunk.root.lower_ not in P.GOVERNANCE_NOUNS:
        return None
    states = _states_in(chunk, aliases, skip=chunk.root.i)
    if len(states) != 1:
        return None
    mention = _mention(article, chunk.start_char, chunk.end_char, outlet, "entity", "GOV", quotes)
    return Candidate(mention=mention, key=norm(chunk.text), state=next(iter(states)))


def _act_chunk(article, doc, chunk, outlet, aliases, quotes, sentences, found) -> Candidate | None:
    root = chunk.root
    head = P.ACT_NOUNS.get(root.lower_)
    if head is None:
        return None
    lowered = {t.lower_ for t in chunk}
    if head in P.NEEDS_MILITARY and not lowered & P.MILITARY_WORDS:
        return None
    end = _extend_right(doc, chunk)
    span = doc[chunk.start:end]
    states = frozenset(_states_in(span, aliases, skip=root.i))
    act = next((a for phrase, a in aliases.act_of_phrase.items() if phrase in norm(span.text)), None)
    topic = " ".join(_topic_words(chunk, aliases))
    if topic and not states and act is None:
        return None  # "the debt crisis", "a trade war" with no side named: not a war we can place
    mention = _mention(article, span.start_char, span.end_char, outlet, "act", "ACT", quotes)
    context = frozenset() if states else _context_states(span.start_char, sentences, found)
    return Candidate(mention=mention, key=norm(span.text), act=act, head=head, states=states,
                     context=context, topic=topic)


def _extend_right(doc, chunk) -> int:
    """End token index of the chunk plus its anchoring prepositional phrases ("war of
    aggression against Ukraine"); clauses, long attachments and times ("in February 2022") stay out."""
    end = chunk.end
    for child in chunk.root.rights:
        if child.i != end or child.dep_ != "prep" or child.lower_ not in P.ACT_PREPS:
            break
        subtree = list(child.subtree)
        last = max(t.i for t in subtree) + 1
        if last - child.i > P.MAX_PP_TOKENS or any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in subtree):
            break
        if any(t.ent_type_ in P.TIME_ENTITIES for t in subtree):
            break  # "in February 2022": when, not where or against whom
        end = last
    return end


def _states_in(span, aliases: Aliases, skip: int) -> set[str]:
    """States named inside ``span`` (entities first, then single tokens such as "Ukrainian")."""
    states: set[str] = set()
    used: set[int] = set()
    for ent in span.ents:
        state = aliases.state(ent.text)
        if state:
            states.add(state)
            used.update(range(ent.start, ent.end))
    for token in span:
        if token.i != skip and token.i not in used and token.is_alpha:
            state = aliases.state(token.text)
            if state and token.text[:1].isupper():
                states.add(state)
    return states


def _topic_words(chunk, aliases: Aliases) -> list[str]:
    """Modifiers that make a different act ("trade" war, "debt" crisis)."""
    words = []
    for token in chunk:
        if token.i >= chunk.root.i or token.dep_ not in ("amod", "compound", "nmod"):
            continue
        lower = token.lower_
        if (lower in P.ACT_NEUTRAL_MODIFIERS or not token.is_alpha or token.ent_type_
                or aliases.state(token.text)):
            continue
        words.append(lower)
    return words


def _context_states(offset: int, sentences, found: list[Candidate]) -> frozenset[str]:
    """States named in the sentence of ``offset`` and the ``CONTEXT_SENTENCES`` before it (for
    "this conflict"; a quotation split over sentences needs more than one)."""
    index = next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), None)
    if index is None:
        return frozenset()
    lo, hi = sentences[max(0, index - P.CONTEXT_SENTENCES)].start, sentences[index].end
    return frozenset(c.state for c in found if c.state and lo <= c.mention.start < hi)
