"""The quote record (to move into ``newsprism.model`` at integration)."""
from __future__ import annotations

from dataclasses import dataclass, fields

RECORD = dict(frozen=True, slots=True, kw_only=True)

DIRECT = "direct"
INDIRECT = "indirect"
PARTIAL = "partial"  # a quoted fragment inside reported speech
MIXED = "mixed"  # reported speech holding a quoted fragment: 'said it was “a disaster” for all'
KINDS = (DIRECT, PARTIAL, INDIRECT, MIXED)
# Kinds whose words are the speaker's own, between quotation marks in the article.
VERBATIM_KINDS = (DIRECT, PARTIAL)

# Flags a quote may carry.
UNBALANCED = "unbalanced-quotes"  # an opening mark never closed: content runs to the paragraph end
MULTI_PARAGRAPH = "multi-paragraph"
UNNAMED = "unnamed-speaker"  # attributed to a role or group with no name ("a State Department spokesman")
UNATTRIBUTED = "no-speaker"  # no speaker found in the text: speaker is None
CONTINUED = "continued"  # no cue of its own: the speaker of the quote before it, continuing
PRONOUN = "pronoun-speaker"  # the mention is a pronoun, resolved to an earlier speaker
ROLE = "role-speaker"  # the mention is a role ("the U.S. diplomat") resolved to a named person
# Two people of the text share the name used ("Mateen": the father, the son) and nothing tells
# which: ``speaker`` is the name as written, not a guess at one of them.
AMBIGUOUS = "ambiguous-speaker"
NESTED = "nested"  # holds a quotation inside the quotation
# The cue is not a verb of saying, thinking or finding ("signed", "agreed", "is working to"): an
# attribution in PolNeAR's broad sense (the trained scorer accepted it), not a quote to align.
OTHER_CUE = "other-cue"
# Found by the span tagger (``tagger``), not by a rule over the parse: no frame the rules accept
# holds it.
TAGGED = "found-by-model"


@dataclass(**RECORD)
class Quote:
    """One attribution: who said (or wrote, or thinks) what, with offsets into the given text.

    ``text == source[start:end]`` is the content, without the enclosing quotation marks of a direct
    quote. ``speaker`` is the resolved canonical name ("Antony Blinken") or, for an unnamed
    speaker, the role ("Foreign Ministry spokesman"); ``speaker_text`` and its offsets are the
    mention in the text ("he", "the U.S. diplomat"). ``speaker_org`` is the body a role belongs
    to ("Foreign Ministry"), when the mention names one. ``cue`` is the attribution cue as written
    ("said", "told reporters", "according to"), ``kind`` one of direct / partial (words the article
    puts in quotation marks) / indirect / mixed (reported speech, the latter holding a quoted
    fragment): only the first two are shown between quotation marks.
    """

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_org: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    kind: str = DIRECT
    flags: tuple[str, ...] = ()
    score: float = 1.0  # the attribution model's probability (1.0 for rule-only decisions)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def shown(text: str, kind: str | None) -> str:
    """The quote as a reader should see it: quotation marks only around the article's own quoted
    words (direct, partial); reported speech unquoted and marked as a paraphrase."""
    if kind in (None, *VERBATIM_KINDS):
        return f"“{text}”"
    return f"{text} (paraphrase)"
