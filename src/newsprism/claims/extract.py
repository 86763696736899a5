"""``extract_claims``: the checkable statements of one article, with offsets into its clean text.

A claim is a sentence, or a clause of one, that says who did what, with a name, a figure or a
list in it. Rules over the language layer's sentences and the quote stage's attributions:

- attribution frames are cut off and recorded as the claim's speaker: "Blinken said that
  [China had renewed promises ...]" gives the bracketed claim, speaker Antony Blinken, voice
  "reported"; a direct quotation with checkable content is a claim voiced "quoted" (a quote is
  *who said what*; the claim is *what*, and it is aligned with the same fact told in another
  outlet's own voice);
- skipped: attribution-only sentences ("A Foreign Ministry spokesman said."), questions,
  sub-headings, normative statements ("countries should not ..."), boilerplate (credits, calls
  to action), and statements with no name, figure or list in them (opinion, rhetoric);
- each claim carries its names (from the language layer's entities), figures, list items
  ("machine tools", "microelectronics", "nitrocellulose"), polarity (-1 for "does not supply
  weapons", "steered clear of providing arms") and a hedge flag ("may be providing").
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Annotation, Entity, Span
from . import patterns as P
from .records import QUOTED, REPORTED, STATED, Claim
from .stance_features import stem
from .stance_patterns import STOPWORDS

CLAIMS_VERSION = "claims-5"
# A claim has at least this many content words (not stopwords): "Ryder said." has one, "China
# regulates the export of dual-use items" has six. Below it, fragments of split sentences.
MIN_CONTENT_WORDS = 3
# A hedged statement needs this many content words to count ("that may be" is a hedge without
# content; "Chinese firms may be providing technology Russia can use" is a claim).
MIN_HEDGED_CONTENT_WORDS = 5
# A speaker mention this close to its cue is part of the frame ("Blinken said", "said Blinken");
# farther away it is the subject of a clause of its own ("Chinese officials have maintained a
# policy of neutrality ..., insisting that ...").
FRAME_SPEAKER_GAP = 30
# Characters between a cue and the complement it introduces that still belong to the frame
# ("said Monday in Beijing that").
FRAME_COMPLEMENT_GAP = 45
# A leading adverbial is cut off only if this many words follow it.
MIN_MAIN_CLAUSE_WORDS = 5
# A sub-heading has at most this many words and no sentence-final punctuation.
MAX_HEADING_WORDS = 14
# Entity labels that name who or what a claim is about; figures come from NUMBER_LABELS.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_LABELS = frozenset({"DATE", "TIME"})

_FRAME_CUE_STEMS = frozenset(stem(w) for w in P.FRAME_CUES) | P.FRAME_CUES
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def extract_claims(article_id: str, text: str, annotation: Annotation,
                   quotes: Sequence = ()) -> list[Claim]:
    """The claims of one article in text order.

    ``annotation`` is the article's language layer (sentences and entities with offsets into
    ``text``); ``quotes`` its ``newsprism.quotes.Quote`` records, if extracted: with them,
    attribution frames are cut off and speakers recorded; without them, sentences are claims
    whole.
    """
    if not text or not text.strip():
        return []
    frames = [q for q in quotes if _is_frame(q)]
    claims: dict[tuple[int, int], Claim] = {}
    for index, sentence in enumerate(annotation.sentences):
        for piece in _pieces(text, sentence):
            if _skip_piece(piece.text):
                continue
            for start, end, speaker, voice in _claim_spans(text, piece, frames):
                claim = _build(article_id, text, start, end, annotation.entities,
                               speaker=speaker, voice=voice, sentence=index)
                if claim is not None:
                    claims.setdefault((claim.start, claim.end), claim)
    return sorted(claims.values(), key=lambda c: (c.start, c.end))


def claim_from_text(text: str, *, article: str = "", entities: Sequence[Entity] = ()) -> Claim:
    """A whole text (a headline, a one-line statement) read as one claim, without filtering."""
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    end = start + len(stripped)
    return _describe(article, text, start, end, entities)


# --- sentences and frames -------------------------------------------------------------------

def _pieces(text: str, sentence: Span) -> list[Span]:
    """The sentence split at paragraph breaks (the parser sometimes runs a sub-heading or a
    closing quotation mark into the next paragraph), each piece trimmed."""
    out, offset = [], sentence.start
    for part in _PARAGRAPH_BREAK.split(text[sentence.start:sentence.end]):
        start = text.index(part, offset) if part else offset
        offset = start + len(part)
        stripped = part.strip()
        if stripped:
            s = start + len(part) - len(part.lstrip())
            out.append(Span(text=stripped, start=s, end=s + len(stripped)))
    return out


def _skip_piece(piece: str) -> bool:
    """Questions, sub-headings and boilerplate lines."""
    tail = piece.rstrip(P.QUOTE_MARKS + " )")
    if tail.endswith("?"):
        return True
    words = P.WORD.findall(piece)
    if P.HEADING.match(piece) and len(words) <= MAX_HEADING_WORDS:
        return True
    if piece.endswith(".") and words and words[-1].lower() in P.TITLE_ABBREVIATIONS:
        return True  # a sentence cut after a title: "Pentagon press secretary Brig."
    return bool(P.BOILERPLATE.search(piece))


def _is_frame(quote) -> bool:
    """A quote whose frame cuts the claim out of the sentence: a direct quotation, or reported
    speech with a cue of saying and a real speaker (not "which believes", not "there was")."""
    if quote.kind == "partial":
        return False
    if quote.kind == "direct":
        return True
    if "other-cue" in quote.flags or quote.speaker is None:
        return False
    if (quote.speaker_text or "").strip().lower() in P.NON_SPEAKERS:
        return False
    first = (quote.cue or "").split()[0].lower() if quote.cue else ""
    return first in _FRAME_CUE_STEMS or stem(first) in _FRAME_CUE_STEMS


def _claim_spans(text: str, piece: Span, frames: Sequence) -> list[tuple[int, int, str | None, str]]:
    """(start, end, speaker, voice) of the claims in one piece: the complements of the outermost
    frames overlapping it, and what is left of the piece outside frames and complements."""
    inside = [q for q in frames if (q.start < piece.end and q.end > piece.start)
              or (q.cue_start is not None and piece.start <= q.cue_start < piece.end)]
    outer = [q for q in inside if not any(o is not q and o.start <= q.start and q.end <= o.end
                                          and (o.end - o.start) > (q.end - q.start) for o in inside)]
    spans = []
    cut: list[tuple[int, int]] = []
    for q in outer:
        start, end = max(q.start, piece.start), min(q.end, piece.end)
        if end > start:
            spans.append((start, end, q.speaker, QUOTED if q.kind == "direct" else REPORTED))
            cut.append((start, end))
        cut.extend(_frame_region(q, piece))
    for start, end in _remainder(piece, cut):
        spans.append((start, end, None, STATED))
    return spans


def _frame_region(quote, piece: Span) -> list[tuple[int, int]]:
    """The stretches of ``piece`` that belong to ``quote``'s attribution frame."""
    if quote.cue_start is None or not (piece.start <= quote.cue_start < piece.end):
        return []
    lo, hi = quote.cue_start, quote.cue_end or quote.cue_start
    if quote.speaker_start is not None and piece.start <= quote.speaker_start < piece.end:
        gap = max(quote.speaker_start - hi, lo - (quote.speaker_end or quote.speaker_start))
        if gap <= FRAME_SPEAKER_GAP or _aside_between(quote, piece, lo):
            lo, hi = min(lo, quote.speaker_start), max(hi, quote.speaker_end or hi)
    if quote.start >= hi and quote.start - hi <= FRAME_COMPLEMENT_GAP:
        hi = quote.start  # "said Monday in Beijing that" up to the complement
    elif quote.end <= lo:
        hi = piece.end  # complement first: "..., X said after meeting Y" (the rest is circumstance)
        lo = min(lo, quote.end)
    return [(lo, hi)]


def _aside_between(quote, piece: Span, cue_start: int) -> bool:
    """Whether only an aside set off by commas lies between the speaker mention and the cue:
    "Richard Painter, chief White House ethics adviser under George W. Bush, said" is one frame
    however long the aside (left out, the speaker and the aside became a claim of their own).
    A clause of the speaker's own ("Chinese officials have maintained ..., insisting"; "Abbott,
    sensitized by the outrage, has tried to backpedal, saying") is no aside."""
    end = quote.speaker_end
    if end is None or not (piece.start <= end < cue_start <= piece.end):
        return False
    between = piece.text[end - piece.start:cue_start - piece.start]
    return bool(P.SPEAKER_ASIDE.fullmatch(between)) and not any(
        P.PREDICATE_OPENING.match(part) for part in between.split(","))


def _remainder(piece: Span, cut: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``piece`` outside every ``cut`` stretch."""
    out, pos = [], piece.start
    for start, end in sorted(cut):
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < piece.end:
        out.append((pos, piece.end))
    return out


# --- one claim ------------------------------------------------------------------------------

def _build(article: str, text: str, start: int, end: int, entities: Sequence[Entity], *,
           speaker: str | None, voice: str, sentence: int) -> Claim | None:
    start, end = _close_quotation(text, *_trim(text, _main_clause(text, start, end), end))
    if voice == REPORTED and (m := P.COMPLEMENTISER.match(text[start:end])):
        start += m.end()
    if end - start < 8:
        return None
    span = text[start:end]
    words = [w.lower() for w in P.WORD.findall(span)]
    content = [w for w in words if w not in STOPWORDS and w not in P.NEGATION]
    if len(content) < MIN_CONTENT_WORDS or P.NORMATIVE.search(span) or P.BOILERPLATE.search(span):
        return None
    if is_fragment(span):
        return None
    claim = _describe(article, text, start, end, entities, speaker=speaker, voice=voice,
                      sentence=sentence)
    named = claim.entities or (speaker and voice == REPORTED and P.PRONOUN_SUBJECT.match(span))
    if not (named or claim.numbers or claim.items):
        return None  # no name, figure or list: opinion or rhetoric, nothing to check
    if claim.hedged and len(content) < MIN_HEDGED_CONTENT_WORDS and not (claim.numbers or claim.items):
        return None
    return claim


def is_fragment(span: str) -> bool:
    """A piece of a sentence that is no proposition on its own: cut after a participle or
    preposition ("aiding in the production of arms used in the conflict"), the object of a
    cut-off frame ("a policy of neutrality on the Ukrainian conflict"), or cut short ("The UN
    envoy to Iraq, Nikolay Mladenov, also"), or no clause at all: no finite verb ("the New York
    Times report"), or a relative clause whose noun was cut off ("which a Navy official said
    occurred when ...", "who Walker has said would be a good running mate"), or the question put
    to a speaker ("Asked why Washington would want to ..."). A phrase opening on a preposition or a
    determiner is a clause only with a finite verb before any subordinate clause ("to the decision to
    play the anthem while the teams were in the locker room" is none). On the 5,267 claims of FNC-1 bodies, about 1% were such."""
    if P.DANGLING_END.search(span.rstrip(" .,;:" + P.QUOTE_MARKS)) or not P.FINITE.search(span):
        return True
    if P.RELATIVE_OPENING.match(span) or P.QUESTION_OPENING.match(span):
        return True
    if P.FRAGMENT_OPENING.match(span) or P.DETERMINER_OPENING.match(span):
        head = P.SUBORDINATOR.split(span.lower()[span.find(" ") + 1:], maxsplit=1)[0]
        return not P.FINITE.search(head)  # "to the decision to play the anthem while the teams were in"
    return False


def _describe(article: str, text: str, start: int, end: int, entities: Sequence[Entity], *,
              speaker: str | None = None, voice: str = STATED, sentence: int | None = None) -> Claim:
    span = text[start:end]
    words = [w.lower() for w in P.WORD.findall(span)]
    inside = [e for e in entities if e.start >= start and e.end <= end]
    return Claim(article=article, text=span, start=start, end=end,
                 entities=tuple(dict.fromkeys(e.text for e in inside if e.label in NAME_LABELS)),
                 numbers=_numbers(span, start, inside), items=list_items(span),
                 polarity=polarity(span), speaker=speaker, voice=voice,
                 hedged=any(w in P.HEDGES for w in words), sentence=sentence)


def _main_clause(text: str, start: int, end: int) -> int:
    """Where the main clause starts, after a leading adverbial ("Despite its "no limits"
    partnership with Moscow, | China has steered clear of ..."), if what follows is a clause."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,;:-–—" + P.QUOTE_MARKS))
    m = P.LEADING_ADVERBIAL.match(piece[lead:])
    if m is None:
        return start
    offset = start + lead + m.end()
    return offset if len(P.WORD.findall(text[offset:end])) >= MIN_MAIN_CLAUSE_WORDS else start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Connectives, punctuation and quotation marks off both ends of a span, and a relative word
    whose clause was cut off ("... in Kazakhstan where | Shoigu said ...") off its end."""
    while start < end:
        piece = text[start:end]
        lead = P.LEADING.match(piece)
        trail = P.TRAILING.search(piece)
        new_start = start + (lead.end() if lead else 0)
        new_end = end - (len(piece) - trail.start() if trail else 0)
        cut = P.CUT_RELATIVE.search(text, new_start, new_end) if new_start < new_end else None
        if cut is not None and P.SENTENCE_GOES_ON.match(text, new_end):
            new_end = cut.start()
        if (new_start, new_end) == (start, end):
            break
        start, end = new_start, max(new_start, new_end)
    return start, end


def _close_quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """A claim that opens a quotation keeps the quotation mark that closes it: trimming took it off
    with the trailing punctuation (``it is "not a producer of ... crisis".`` gave ``it is "not a
    producer of ... crisis``). Likewise a closing mark whose opening mark was trimmed off the start."""
    span = text[start:end]
    straight = span.count('"')
    if (straight % 2 or span.count("“") > span.count("”")) and end < len(text) and text[end] in '"”':
        end += 1
    if (straight % 2 or span.count("”") > span.count("“")) and start > 0 and text[start - 1] in '"“':
        start -= 1
    return start, end


def _numbers(span: str, offset: int, entities: Sequence[Entity]) -> tuple[str, ...]:
    """Figures as written, except those inside dates ("June 19", "2023")."""
    dates = [(e.start - offset, e.end - offset) for e in entities if e.label in DATE_LABELS]
    found = [m.group(0) for m in P.NUMBER.finditer(span)
             if not any(s <= m.start() < e for s, e in dates)]
    found += [e.text for e in entities if e.label in NUMBER_LABELS and not P.NUMBER.search(e.text)]
    return tuple(dict.fromkeys(found))


def polarity(text: str) -> int:
    """-1 when the statement is negated, else +1.

    A negation word ("not", "won't") or a negating predicate ("steered clear of", "denied",
    "ruled out") negates; a negating predicate right after a negation word cancels with it ("had
    not ruled out"); "not only", "not just", a "no limits" partnership, and negations inside a
    relative clause between commas don't negate.
    """
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps offsets
    cleaned = P.NON_NEGATING.sub(blank, P.RELATIVE_CLAUSE.sub(blank, text))
    tokens = [(m.start(), m.group(0).lower()) for m in P.WORD.finditer(cleaned)]
    negations = [i for i, (_, w) in enumerate(tokens) if w in P.NEGATION or w.endswith(("n't", "n’t"))]
    starts = [pos for pos, _ in tokens]
    phrases = [_token_index(starts, m.start()) for m in P.NEGATING_PHRASES.finditer(cleaned)]
    phrases = [p for p in phrases if p not in negations]
    count = len(negations) + len(phrases)
    for p in phrases:
        if any(p - 2 <= n < p for n in negations):
            count -= 2
    return -1 if count > 0 else 1


def _token_index(starts: Sequence[int], pos: int) -> int:
    for i, s in enumerate(starts):
        if s >= pos:
            return i
    return len(starts)


# --- lists ----------------------------------------------------------------------------------

def list_items(text: str) -> tuple[str, ...]:
    """The members of the longest enumeration in ``text`` ("A, B, C and other D" -> A, B, C).

    Comma segments are read left to right: a list marker ("including", "such as") starts a run
    afresh, the first member is the last phrase of its segment ("the top supplier of | machine
    tools"), an aside ("which is critical to ...") is skipped, "and X" / "or X" closes the run,
    and a segment too long to be a member ends it. A run needs three members, or two after a
    list marker. Generic closers ("and other dual-use items") are not members.
    """
    lists = _Runs()
    for segment in text.split(","):
        seg = segment.strip()
        marker = None
        for found in P.LIST_MARKER.finditer(seg):  # the last marker in the segment
            marker = found
        if marker is not None:
            lists.close()
            lists.marked, seg = True, seg[marker.end():]
        elif lists.run and P.ASIDE.match(seg):
            continue
        lists.read(seg)
    lists.close()
    longest: list[str] = max(lists.found, key=len, default=[])
    return tuple(dict.fromkeys(longest))


class _Runs:
    """The runs of list members found so far (a helper of ``list_items``)."""

    def __init__(self):
        self.found: list[list[str]] = []
        self.run: list[str] = []
        self.marked = False

    def close(self) -> None:
        if len(self.run) >= 3 or (self.marked and len(self.run) >= 2):
            self.found.append(self.run)
        self.run, self.marked = [], False

    def read(self, seg: str) -> None:
        closing = re.match(r"^(?:and|or)\s+", seg, re.I)
        if closing:
            parts, last = [seg[closing.end():]], True
        else:
            parts = re.split(r"\s+(?:and|or)\s+", seg, maxsplit=1)
            last = len(parts) > 1
        fresh = not self.run
        if fresh and not self.marked:
            parts[0] = P.ITEM_HEAD.sub("", parts[0])
        for part in parts:
            item = _item(part)
            if item is not None:
                self.run.append(item)
            elif not P.GENERIC_ITEM.match(part.strip()):
                self.close()
                if not fresh and not closing:  # a long segment may open the next list
                    self.read(seg)
                return
        if last:
            self.close()


def _item(part: str) -> str | None:
    """One list member, cut at a relative clause or verb, without its determiner; None when the
    segment is not a short noun phrase."""
    item = P.ITEM_END.sub("", part.strip())
    item = P.DETERMINERS.sub("", item).strip(" .;:" + P.QUOTE_MARKS)
    words = item.split()
    if (not words or len(words) > P.MAX_ITEM_WORDS or P.GENERIC_ITEM.match(item)
            or P.NOT_ITEM.search(item) or words[0].lower() in STOPWORDS
            or any(w.lower() in P.NOT_ITEM_WORDS for w in words)):
        return None
    if not all(P.WORD.fullmatch(w.strip("-")) or "-" in w for w in words):
        return None
    return item
