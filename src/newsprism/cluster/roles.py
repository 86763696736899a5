"""Preview or report: was the article written before the happening it is about?

A preview announces ("Blinken to warn China ...", "is set to discuss", "travels to Beijing on
Wednesday", a day after the publication date); a report tells what happened. The headline and
the lead decide: body paragraphs of a report often look ahead ("talks will continue").
"""
from __future__ import annotations

from ..model import Annotation, Article
from . import patterns as P
from .dates import When, article_when

PREVIEW = "preview"
REPORT = "report"
LEAD_SENTENCES = 3
# Forward-looking lead sentences needed when the headline says nothing either way; measured on
# the seeds (previews: 2-3 of 3, reports: 0-1) and ECB+ announcements.
LEAD_CUES_NEEDED = 2


def role(article: Article, annotation: Annotation | None = None, when: When | None = None) -> str:
    """"preview" or "report" (see the module docstring)."""
    when = when or article_when(article)
    headline = P.QUOTED.sub(" ", article.headline or "")
    lead = _lead(article, annotation)
    cues = sum(1 for sentence in lead if _forward(sentence))
    if headline and P.HEADLINE_FUTURE.search(headline):
        return PREVIEW if cues >= 1 or not _past_lead(lead) else REPORT
    if cues >= LEAD_CUES_NEEDED or (when.future and cues >= 1):
        return PREVIEW
    return REPORT


def _lead(article: Article, annotation: Annotation | None) -> list[str]:
    if annotation is not None and annotation.sentences:
        return [s.text for s in annotation.sentences[:LEAD_SENTENCES]]
    sentences = [s.strip() for s in article.text.replace("\n", " ").split(". ") if s.strip()]
    return sentences[:LEAD_SENTENCES]


def _forward(sentence: str) -> bool:
    unquoted = P.QUOTED.sub(" ", sentence)
    return bool(P.FUTURE_CUES.search(unquoted))


def _past_lead(lead: list[str]) -> bool:
    """The first sentence reports a done deed: a past-tense verb and no forward cue."""
    if not lead:
        return False
    first = P.QUOTED.sub(" ", lead[0])
    return bool(P.PAST_CUES.search(first)) and not P.FUTURE_CUES.search(first)
