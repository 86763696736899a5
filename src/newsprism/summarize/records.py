"""Records of the summarize stage: candidate sentences in, a cited summary out."""
from __future__ import annotations

from dataclasses import dataclass

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class Sentence:
    """One candidate sentence of one input document."""

    doc: int  # index of the document among the inputs
    position: int  # 0-based index of the sentence in its document
    text: str
    words: int
    # Leans on the sentence before it: a pronoun or connective opening, a quote attributed to
    # "he", a sentence of a longer quotation whose speaker is named elsewhere.
    dependent: bool = False


@dataclass(**RECORD)
class SummarySentence:
    """A sentence of the summary and the articles that carry it (itself or an aligned version).

    ``article`` is the id it was taken from (always among ``citations``);
    ``independent_sources`` the number of distinct provenance groups among ``citations``.
    """

    text: str
    article: str
    citations: tuple[str, ...]
    independent_sources: int
    position: int = 0
    score: float = 0.0

    def to_json(self) -> dict:
        return {"text": self.text, "citations": list(self.citations),
                "independent_sources": self.independent_sources}


@dataclass(**RECORD)
class Summary:
    """An extractive summary: sentences in reading order, each with its citations."""

    sentences: tuple[SummarySentence, ...] = ()
    version: str = ""

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_json(self) -> dict:
        """The interface of ``newsprism summarize --json``:
        ``{summary, sentences: [{text, citations, independent_sources}]}``."""
        return {"summary": self.text, "sentences": [s.to_json() for s in self.sentences]}
