"""Plain-text dumps -> body blocks: a line-level boilerplate classifier.

A crawler's text export holds every visible line of a page: navigation, headline, captions,
the body, related links, widgets, footers. Each line is classified in the spirit of jusText
(Pomikálek 2011): length, stop-word density, URL density, sentence-final punctuation and cue
patterns give a first class (good / near-good / short / bad); short and near-good lines then
take the class of their neighbours. The body is usually one contiguous region, so the region
with the best sum of line scores (good lines add their length, bad lines subtract theirs) is
taken as the body; bad lines inside it are dropped, sub-headings between paragraphs are kept.
Everything before the body is the header (headline, byline, dateline), read by ``meta``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..meta.language import detect_language, stopwords_for, words
from ..model import Block, Cleaned, RemovedLine
from . import patterns as P

# jusText's defaults (length_low=70, length_high=200, stopwords_low=0.30, stopwords_high=0.32),
# with the stop-word thresholds lowered because our lists are shorter than jusText's (~150 vs
# ~300 English words): on the extraction dump, body lines measure 0.35-0.55, menus < 0.15.
LENGTH_LOW = 70
# A whole input of at most this many lines with no body chosen is read as a brief (see brief_body).
BRIEF_MAX_LINES = 3
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.20
STOPWORDS_HIGH = 0.28
# Sentences (final punctuation) down to this density are near-good: their neighbours decide
# (names and scores lower it). Dump F1 0.899 without, 0.903 at 0.10 and 0.15, 0.904 at 0.05.
STOPWORDS_FLOOR = 0.10
# A line whose characters are more than this share URLs or e-mail addresses is navigation.
MAX_URL_DENSITY = 0.2
# Lines with fewer letters than this share of their characters are numbers, prices, symbols.
MIN_LETTER_SHARE = 0.5
# Region scores: a bad line costs its length plus this; an end-of-article label ("Related
# Links", "Leave a Reply") costs as much as a long paragraph, so teasers after it stay out.
BAD_PENALTY = 20
SHORT_PENALTY = 5
TERMINATOR_PENALTY = 600
# A short line between bad lines (menus) costs this share of its length (0 to 1: dump F1 flat).
SHORT_BAD_WEIGHT = 0.5
# Positive scores inside a reader-comment section are multiplied by this (dump F1 0.875 ->
# 0.889: threads on sports and gadget sites outweighed their articles) ...
COMMENT_WEIGHT = 0.1
# ... and inside everything after a "Related" / "Must Read" label by this (-> 0.893).
AFTER_END_WEIGHT = 0.5
# Sub-headings: at most this many words and characters.
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 120
# A short line between paragraphs is kept when it ends a sentence or clause, or has at least
# this many words (a bare name or label between paragraphs does not).
SHORT_PROSE_WORDS = 6
# Share of capitalised words (stop words aside) that makes a line title case.
TITLE_CASE_SHARE = 0.7
# A line repeated across articles of one site is boilerplate unless it reads as article prose
# (at least this many words and a sentence end) inside the body: two same-site reports of one
# event share sentences (7 Daily Mail articles of one event lost 889 words to the repeated-line
# rule). Menus, bylines and footer labels are short or unpunctuated and stay removed, and so does
# repeated prose that ends the body (a site's sign-off), see ``drop_trailing``.
REPEATED_PROSE_WORDS = 8
# The classifier is re-run on its own output until nothing changes (idempotence); it settles
# in one or two rounds on the seeds and the extraction dump.
MAX_ROUNDS = 5

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
# Bad lines that sit inside article bodies (photos, ad slots): they do not split the body.
INTERRUPTIONS = frozenset({"caption", "ad"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One non-empty source line with its first-pass class."""

    number: int
    text: str
    cls: str
    reason: str | None = None  # why a bad line is bad (a cue), if known
    terminator: bool = False


def clean_text(text: str, *, repeated: frozenset[str] = frozenset(), title: str | None = None) -> Cleaned:
    """Split a plain-text dump into body blocks, header lines, captions and removed lines.

    ``repeated`` holds lines seen in several articles of the same site (boilerplate); article
    prose among them is kept (see ``REPEATED_PROSE_WORDS``). ``title`` is the headline when the
    input gave it apart from the text (a JSONL ``title`` field): then the text holds no headline
    of its own to find, so prose lines above the body are its lead, not a headline or standfirst.
    """
    lines = source_lines(text)
    repeated = frozenset(normalise(line) for line in repeated)
    furniture = frozenset(line for line in repeated if not reads_as_prose(line))
    kept = lines
    body: list[tuple[Line, str]] = []
    for _ in range(MAX_ROUNDS):
        body = drop_trailing(select_body(kept, furniture), repeated)
        if len(body) == len(kept):
            break
        kept = [(line.number, line.text) for line, _ in body]
    if not body:
        body = brief_body(lines, furniture, given_title=title is not None)
    if title is None and 2 <= len(lines) <= BRIEF_MAX_LINES and headline_over_lead(lines[0][1], lines[1][1]):
        body = ([(line, kind) for line, kind in body if line.number != lines[0][0]]
                or with_lead(lines, [], lines[0][1]))
    if title is not None:
        body = with_lead(lines, body, title)
    return assemble(lines, body, repeated)


def drop_trailing(body: list[tuple[Line, str]], repeated: frozenset[str]) -> list[tuple[Line, str]]:
    """Repeated prose at the end of the body is the site's sign-off ("Our journalism is funded
    by readers like you ..."); inside the body it is the article's own, kept."""
    end = len(body)
    while end and body[end - 1][0].text in repeated:
        end -= 1
    return body[:end]


def headline_over_lead(first: str, second: str) -> bool:
    """The dump form "headline, blank line, lead": a first line that is short enough for a
    headline over a longer line below it is the headline, even when it ends with a question
    mark or a full stop ("Biden is struggling to win Miami Latinos. Will it cost him Florida?")."""
    return len(first) <= HEADING_MAX_CHARS and len(second) > len(first) and not P.BYLINE.match(first)


def reads_as_prose(text: str) -> bool:
    """A sentence of at least ``REPEATED_PROSE_WORDS`` words: article text, not furniture."""
    return len(text.split()) >= REPEATED_PROSE_WORDS and bool(P.SENTENCE_END.search(text))


def lead_line(text: str, title: str) -> bool:
    """Whether a line above the body of an item with a separate title is its lead: prose (a
    sentence, or at least ``SHORT_PROSE_WORDS`` words), neither the title itself nor a byline,
    dateline, caption or cue line."""
    n = len(text.split())
    if same_line(text, title) or n < 3 or not (n >= SHORT_PROSE_WORDS or P.SENTENCE_END.search(text)):
        return False
    if is_caption(text) or cue_reason(text) or P.BYLINE.match(text):
        return False
    # "Denver (AP) - Colorado's top ..." opens a lead; only a short line is a bare dateline.
    if len(text) < LENGTH_LOW and (P.DATELINE.match(text) or P.TIME_ONLY.match(text)
                                   or P.CAPTION_DATE.fullmatch(text)):
        return False
    return sum(ch.isalpha() for ch in text) / len(text) >= MIN_LETTER_SHARE


def same_line(text: str, title: str) -> bool:
    """The title repeated in the text, perhaps with the site's name after it."""
    a, b = normalise(text).casefold(), normalise(title).casefold()
    return a == b or (a.startswith(b) and len(a) - len(b) <= HEADING_MAX_CHARS // 2 and not a[len(b):].strip()[:1].isalnum())


def with_lead(pairs: list[tuple[int, str]], body: list[tuple[Line, str]], title: str) -> list[tuple[Line, str]]:
    """Prepend the prose lines right above the body (nearest first, up to the first line that
    is not lead) when the input gave its title apart: the cleaner's trim would read them as
    headline and standfirst, and the lead would be lost (25 of 374 real pages)."""
    first = min((line.number for line, _ in body), default=None)
    above = [(n, t) for n, t in pairs if first is None or n < first]
    lead: list[tuple[Line, str]] = []
    for number, text in reversed(above):
        if not lead_line(text, title):
            break
        lead.insert(0, (Line(number=number, text=text, cls=GOOD), "paragraph"))
    return lead + body


def brief_body(pairs: list[tuple[int, str]], repeated: frozenset[str], *,
               given_title: bool = False) -> list[tuple[Line, str]]:
    """The body of a brief: a wire brief or a one-paragraph item of a JSONL dump has no
    neighbours to vouch for it, and jusText's context step reads a lone sentence between the
    document's edges as boilerplate. When the whole input is at most ``BRIEF_MAX_LINES`` lines
    and no body was chosen, its lines that read as prose (classified good or near-good, ending a
    sentence) are the body; the clusterer flags such short articles. When the input gave its
    title apart, ``with_lead`` takes the body instead (a lead cut off mid-sentence is still a lead)."""
    if len(pairs) > BRIEF_MAX_LINES or given_title:
        return []
    language = detect_language("\n".join(text for _, text in pairs))
    stops = stopwords_for(language) if language else frozenset()
    lines = [classify(number, text, stops, repeated) for number, text in pairs]
    body = [(line, "paragraph") for line in lines
            if line.cls in (GOOD, NEARGOOD) and P.SENTENCE_END.search(line.text)]
    if body or len(pairs) < 2:
        return body
    # A headline over a lead cut off mid-sentence (NeuS, feed summaries): the lines under the
    # first are the lead when they read as prose.
    return with_lead(pairs, [], pairs[0][1])


def normalise(line: str) -> str:
    """Whitespace collapsed: the form in which lines are compared and kept."""
    return " ".join(line.split())


def source_lines(text: str) -> list[tuple[int, str]]:
    """Non-empty lines as (1-based line number, collapsed text)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = normalise(raw)
        if line:
            out.append((number, line))
    return out


# --- classification ---------------------------------------------------------------------------

def cue_reason(text: str) -> str | None:
    """The boilerplate cue a line matches ("ad", "related", "footer", ...), if any."""
    for reason, pattern, longest in P.CUES:
        if len(text) <= longest and pattern.search(text):
            return reason
    return None


def is_caption(text: str) -> bool:
    """A photo caption or credit: ends with a photographer/agency credit, or places people in
    a dated picture ("Xi (R) receives Blinken ... on June 19, 2023.")."""
    if P.CAPTION_START.search(text):
        return True
    if len(text.split()) >= 4 and P.CAPTION_CREDIT.search(text):
        return True
    return bool(P.CAPTION_POSITION.search(text) and P.CAPTION_DATE.search(text))


def stopword_density(text: str, stops: frozenset[str]) -> float:
    """Share of stop words among the words of ``text``; 1.0 when no stop-word list applies."""
    if not stops:
        return 1.0
    tokens = words(text)
    if not tokens:
        return 0.0
    return sum(token in stops for token in tokens) / len(tokens)


def classify(number: int, text: str, stops: frozenset[str], repeated: frozenset[str]) -> Line:
    """First-pass class of one line, from its own features."""
    if text in repeated:
        return Line(number=number, text=text, cls=BAD, reason="repeated")
    terminator = bool(P.TERMINATORS.match(text))
    reason = "caption" if is_caption(text) else cue_reason(text)
    if reason:
        return Line(number=number, text=text, cls=BAD, reason=reason, terminator=terminator)
    if P.BODY_CREDIT.search(text):
        return Line(number=number, text=text, cls=GOOD)
    urls = sum(len(m) for m in P.URL.findall(text))
    letters = sum(ch.isalpha() for ch in text)
    if urls / len(text) > MAX_URL_DENSITY or letters / len(text) < MIN_LETTER_SHARE:
        return Line(number=number, text=text, cls=BAD)
    density = stopword_density(text, stops)
    if len(text) < LENGTH_LOW:
        cls = SHORT
    elif len(text) <= LENGTH_HIGH and not P.SENTENCE_END.search(text):
        cls = SHORT  # headline, standfirst or sub-heading: its neighbours decide
    elif density >= STOPWORDS_HIGH:
        cls = GOOD
    elif density >= STOPWORDS_LOW or (density >= STOPWORDS_FLOOR and P.SENTENCE_END.search(text)):
        cls = NEARGOOD  # names and scores lower the density of some real sentences
    else:
        cls = BAD
    return Line(number=number, text=text, cls=cls)


def neighbour(classes: list[str], i: int, step: int, skip: tuple[str, ...]) -> str:
    """The class of the nearest line in direction ``step`` whose class is not in ``skip``;
    the document's edges count as bad (jusText)."""
    i += step
    while 0 <= i < len(classes):
        if classes[i] not in skip:
            return classes[i]
        i += step
    return BAD


def smooth(lines: list[Line]) -> list[str]:
    """jusText's context step: near-good lines are good unless both neighbours are bad; short
    lines between good lines are good, between bad lines bad, otherwise left short."""
    first = [line.cls for line in lines]
    out = list(first)
    for i, cls in enumerate(first):
        if cls == NEARGOOD:
            prev, nxt = (neighbour(first, i, s, (SHORT, NEARGOOD)) for s in (-1, 1))
            out[i] = BAD if prev == nxt == BAD else GOOD
    settled = list(out)
    for i, cls in enumerate(settled):
        if cls == SHORT:
            prev, nxt = (neighbour(settled, i, s, (SHORT,)) for s in (-1, 1))
            if prev == nxt:
                out[i] = prev
    return out


def line_score(line: Line, cls: str) -> float:
    if cls == GOOD:
        return len(line.text)
    if line.reason in INTERRUPTIONS or (line.cls == SHORT and cls != BAD):
        return -SHORT_PENALTY
    if line.cls == SHORT:  # short and between bad lines: menus, link lists
        return -(SHORT_PENALTY + SHORT_BAD_WEIGHT * len(line.text))
    if cls == BAD:
        return -(len(line.text) + BAD_PENALTY + (TERMINATOR_PENALTY if line.terminator else 0))
    return -SHORT_PENALTY


def discount_after_end(scores: list[float], lines: list[Line], classes: list[str]) -> list[float]:
    """Prose after an end-of-article label that follows some body counts for less: after
    "Related Links" it is other stories' teasers, after "34 responses to ..." readers'
    comments; so a long teaser list or thread cannot outweigh the article itself."""
    seen_good, weight, out = False, 1.0, []
    for score, line, cls in zip(scores, lines, classes):
        if seen_good and P.COMMENTS_START.match(line.text):
            weight = min(weight, COMMENT_WEIGHT)
        elif seen_good and line.terminator:
            weight = min(weight, AFTER_END_WEIGHT)
        seen_good = seen_good or cls == GOOD
        out.append(score * weight if score > 0 else score)
    return out


def best_region(scores: list[float]) -> tuple[int, int] | None:
    """Kadane: the contiguous run with the largest sum (inclusive bounds), None when all <= 0."""
    best, best_at, run, start = 0.0, None, 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, start = 0.0, i
        run += score
        if run > best:
            best, best_at = run, (start, i)
    return best_at


def trim(region: tuple[int, int], lines: list[Line]) -> tuple[int, int]:
    """Start and end the body on lines that are good on their own features: a headline or
    standfirst made good only by the first paragraph below it is header, not body."""
    start, end = region
    while start < end and lines[start].cls != GOOD:
        start += 1
    while end > start and lines[end].cls != GOOD:
        end -= 1
    return start, end


def title_case(text: str) -> bool:
    tokens = [t for t in text.split() if any(ch.isalpha() for ch in t)]
    if not tokens:
        return False
    if all(not ch.isalpha() or ch.isupper() for ch in text):
        return True
    content = [t for t in tokens if t.lower() not in stopwords_for("en")] or tokens
    capital = sum(t.lstrip("\"'‘“(").strip()[:1].isupper() for t in content)
    return capital / len(content) >= TITLE_CASE_SHARE and tokens[0].lstrip("\"'‘“(")[:1].isupper()


def looks_like_heading(text: str) -> bool:
    """Short, no sentence-final punctuation, title case or capitals."""
    n = len(text.split())
    return (n <= HEADING_MAX_WORDS and len(text) <= HEADING_MAX_CHARS
            and not re.search(r"[.,;:!…]$", text) and title_case(text))


def select_body(pairs: list[tuple[int, str]], repeated: frozenset[str]) -> list[tuple[Line, str]]:
    """The body lines (of (number, text) pairs) with their block kind ("paragraph" or
    "heading"), in order."""
    language = detect_language("\n".join(text for _, text in pairs))
    # No stop-word profile fits (Korean, Indonesian, ...): jusText's language-independent
    # mode, where length and punctuation decide alone.
    stops = stopwords_for(language) if language else frozenset()
    classified = [classify(number, text, stops, repeated) for number, text in pairs]
    classes = smooth(classified)
    scores = [line_score(line, cls) for line, cls in zip(classified, classes)]
    region = best_region(discount_after_end(scores, classified, classes))
    if region is None:
        return []
    start, end = trim(region, classified)
    body = []
    for i in range(start, end + 1):
        line, cls = classified[i], classes[i]
        if line.cls != BAD and looks_like_heading(line.text) and next_is_good(classified, classes, i, end):
            body.append((line, "heading"))
        elif cls == GOOD and (line.cls != SHORT or P.CLAUSE_END.search(line.text)
                              or len(line.text.split()) >= SHORT_PROSE_WORDS):
            body.append((line, "paragraph"))
        elif line.cls == SHORT and P.SENTENCE_END.search(line.text) and len(line.text.split()) >= 3:
            body.append((line, "paragraph"))
    return body


def next_is_good(lines: list[Line], classes: list[str], i: int, end: int) -> bool:
    """A sub-heading must be followed by a paragraph: the next line that is not bad is good,
    and not just a short line its neighbours made good (a list of names is no paragraph)."""
    for j in range(i + 1, end + 1):
        if classes[j] == GOOD:
            return lines[j].cls != SHORT
        if classes[j] != BAD:
            return False
    return False


# --- assembly ---------------------------------------------------------------------------------

def assemble(lines: list[tuple[int, str]], body: list[tuple[Line, str]],
             repeated: frozenset[str]) -> Cleaned:
    kept = {line.number: kind for line, kind in body}
    first = min(kept) if kept else None
    last = max(kept) if kept else None
    blocks = tuple(Block(text=line.text, kind=kind, line=line.number) for line, kind in body)
    removed, captions, header = [], [], []
    headline: str | None = None
    for number, text in lines:
        if number in kept:
            continue
        caption = is_caption(text)
        if caption:
            captions.append(text)
        if first is None or number < first:
            header.append(text)
            reason, headline = header_reason(text, headline, caption)
        elif last is not None and number > last:  # last is set whenever first is
            reason = "caption" if caption else (removed_reason(text, repeated) or "footer")
        else:
            reason = "caption" if caption else (removed_reason(text, repeated) or "fragment")
        removed.append(RemovedLine(text=text, reason=reason, line=number))
    return Cleaned(blocks=blocks, removed=tuple(removed), captions=tuple(captions), header=tuple(header))


def removed_reason(text: str, repeated: frozenset[str]) -> str | None:
    if text in repeated:
        return "repeated"
    return cue_reason(text)


def header_reason(text: str, headline: str | None, caption: bool) -> tuple[str, str | None]:
    """Why a line before the body is not body; also returns the headline seen so far."""
    if caption:
        return "caption", headline
    if headline is not None and text.casefold() == headline.casefold():
        return "headline", headline
    if P.BYLINE.match(text):
        return "byline", headline
    if P.DATELINE.match(text) or P.TIME_ONLY.match(text) or P.CAPTION_DATE.fullmatch(text):
        return "dateline", headline
    reason = cue_reason(text)
    if reason:
        return reason, headline
    n = len(text.split())
    if headline is None and n >= 4 and not re.search(r"(?:\.\.\.|…)$", text):
        return "headline", text
    if headline is not None and n >= 4:
        return "standfirst", headline
    if 2 <= n <= 4 and title_case(text) and not text.isupper():
        return "byline", headline
    return "navigation", headline
