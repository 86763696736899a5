"""Records of the framing stage: who calls what by which name, loaded words, and omissions.

    Mention        one occurrence of a referent in one article (offsets into ``Article.text``)
    FormUse        one surface form and how often an outlet (or the corpus) uses it
    TermGroup      one referent (a state, a person, an act of war) and every outlet's forms for it
    LoadedTerm     one loaded-term lexicon match in one article
    LoadedWord     one loaded word (model or lexicon) in one text, with its reason and sentence
    Omission       a claim other outlets carry that this outlet omits (or contradicts)
    OutletFraming  one outlet's row of the framing panel
    FramingPanel   the whole panel
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

RECORD = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**RECORD)
class OutletName:
    """The name an article is filed under, and where it came from.

    ``source`` is ``"outlet"`` (``Article.outlet``), ``"domain"`` (no outlet: the host of its
    URL) or ``"article"`` (neither: the article id stands in for the outlet).
    """

    name: str
    source: str


@dataclass(**RECORD)
class Mention:
    """One occurrence of a referent: ``text`` is ``article.text[start:end]``; ``form`` its
    normalised display form (no leading determiner); ``quoted`` when it sits inside quotation
    marks, i.e. in a source's words rather than the outlet's own."""

    article_id: str
    outlet: str
    text: str
    form: str
    start: int
    end: int
    kind: str  # "entity" | "act"
    label: str  # spaCy label, "GOV" for a governance phrase, "ACT" for an act
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(**RECORD)
class FormUse:
    """A surface form and its uses: ``count`` mentions, ``quoted`` of them inside quotation marks."""

    form: str
    count: int
    quoted: int = 0
    articles: tuple[str, ...] = ()

    @property
    def own_voice(self) -> int:
        return self.count - self.quoted

    def to_dict(self) -> dict[str, Any]:
        return {"form": self.form, "count": self.count, "quoted": self.quoted,
                "articles": list(self.articles)}


@dataclass(**RECORD)
class OutletForms:
    """The forms one outlet uses for one referent, most used first."""

    outlet: str
    forms: tuple[FormUse, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "forms": [f.to_dict() for f in self.forms]}


@dataclass(**RECORD)
class TermGroup:
    """One referent and the words each outlet uses for it.

    ``referent`` is the lexicon name when the shipped alias file knows it ("China", "Russia's
    war in Ukraine"), otherwise the most used form. ``linked_by`` names the rules that joined
    different forms ("lexicon", "string", "acronym", "surname", "embedding", "context", "subset").
    """

    id: str
    referent: str
    kind: str  # "entity" | "act"
    label: str
    outlets: tuple[OutletForms, ...]
    mentions: tuple[Mention, ...] = ()
    linked_by: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[FormUse, ...]:
        """Corpus-wide use of each form, most used first."""
        return _merge_forms(f for o in self.outlets for f in o.forms)

    @property
    def varies(self) -> bool:
        """More than one outlet and more than one form: worth showing side by side."""
        return len(self.outlets) > 1 and len(self.forms) > 1

    def by_outlet(self) -> dict[str, tuple[str, ...]]:
        return {o.outlet: tuple(f.form for f in o.forms) for o in self.outlets}

    def to_dict(self, *, mentions: bool = True) -> dict[str, Any]:
        out = {"id": self.id, "referent": self.referent, "kind": self.kind, "label": self.label,
               "varies": self.varies, "linked_by": list(self.linked_by),
               "forms": [f.to_dict() for f in self.forms],
               "outlets": [o.to_dict() for o in self.outlets]}
        if mentions:
            out["mentions"] = [m.to_dict() for m in self.mentions]
        return out


@dataclass(**RECORD)
class LoadedTerm:
    """A loaded word in an article: ``term`` the lexicon entry, ``text`` what the article says."""

    term: str
    start: int
    end: int
    category: str
    text: str = ""
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(**RECORD)
class LoadedWord:
    """A loaded word of a text: ``text`` is ``source[start:end]``; ``reason`` says why it was
    flagged ("emotive (model p=0.81; VADER -2.1)", "loaded term: label (lexicon)"); ``quoted`` when
    it sits inside quotation marks, i.e. in a source's words rather than the outlet's own.

    ``kind`` is the short class behind the reason: a lexicon category ("label", "escalating", ...),
    or "intensifier", "doubt", "emotive", "subjective", "model". ``probability`` is the word
    model's (None for a lexicon match it did not flag); ``sentence_start``/``sentence_end`` the
    sentence it sits in; ``article_id`` set when it comes from an article.
    """

    text: str
    start: int
    end: int
    reason: str
    quoted: bool = False
    kind: str = "model"
    term: str = ""  # what it is counted under: the lexicon entry, else the lowercased word
    probability: float | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(**RECORD)
class LoadedCount:
    """How often an outlet uses one loaded term (``quoted`` of them inside quotation marks)."""

    term: str
    category: str
    count: int
    quoted: int = 0
    forms: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "category": self.category, "count": self.count,
                "quoted": self.quoted, "forms": list(self.forms)}


@dataclass(**RECORD)
class Omission:
    """A claim other outlets carry that this outlet leaves out (``status="omitted"``) or
    contradicts (``status="contradicted"``)."""

    claim_id: str
    text: str
    status: str
    carried_by: tuple[str, ...]  # outlets that carry it

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "text": self.text, "status": self.status,
                "carried_by": list(self.carried_by)}


@dataclass(**RECORD)
class TermChoice:
    """The forms one outlet uses for one referent (a row of the side-by-side table)."""

    group_id: str
    referent: str
    kind: str
    forms: tuple[FormUse, ...]
    distinctive: tuple[str, ...] = ()  # forms no other outlet uses for this referent

    def to_dict(self) -> dict[str, Any]:
        return {"group_id": self.group_id, "referent": self.referent, "kind": self.kind,
                "forms": [f.to_dict() for f in self.forms], "distinctive": list(self.distinctive)}


@dataclass(**RECORD)
class OutletFraming:
    """One outlet's row of the panel. Rates are per 1,000 words of the outlet's articles;
    ``own_voice_per_1000`` leaves out loaded words inside quotation marks."""

    outlet: str
    outlet_source: str
    articles: tuple[str, ...]
    words: int
    term_choices: tuple[TermChoice, ...] = ()
    loaded: tuple[LoadedCount, ...] = ()
    loaded_words: tuple[LoadedWord, ...] = ()
    loaded_per_1000: float = 0.0
    own_voice_per_1000: float = 0.0
    omissions: tuple[Omission, ...] = ()

    def choice(self, referent: str) -> TermChoice | None:
        return next((c for c in self.term_choices if c.referent == referent), None)

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "outlet_source": self.outlet_source,
                "articles": list(self.articles), "words": self.words,
                "term_choices": [c.to_dict() for c in self.term_choices],
                "loaded": [c.to_dict() for c in self.loaded],
                "loaded_words": [w.to_dict() for w in self.loaded_words],
                "loaded_per_1000": self.loaded_per_1000,
                "own_voice_per_1000": self.own_voice_per_1000,
                "omissions": [o.to_dict() for o in self.omissions]}


@dataclass(**RECORD)
class FramingPanel:
    """Per outlet: term choices, loaded terms and omissions; plus the referent groups behind them.

    ``notes`` says what the reader should know (outlets stood in by domain or article id; no
    coverage matrix given, so no omissions).
    """

    version: str
    outlets: tuple[OutletFraming, ...]
    groups: tuple[TermGroup, ...]
    notes: tuple[str, ...] = ()
    has_coverage: bool = False

    def outlet(self, name: str) -> OutletFraming | None:
        return next((o for o in self.outlets if o.outlet == name), None)

    def group(self, referent: str) -> TermGroup | None:
        return next((g for g in self.groups if g.referent == referent), None)

    def side_by_side(self, referent: str) -> dict[str, tuple[str, ...]]:
        """``{outlet: (forms most used first)}`` for one referent."""
        group = self.group(referent)
        return group.by_outlet() if group else {}

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "has_coverage": self.has_coverage,
                "notes": list(self.notes), "outlets": [o.to_dict() for o in self.outlets],
                "groups": [g.to_dict(mentions=False) for g in self.groups]}


def _merge_forms(uses) -> tuple[FormUse, ...]:
    merged: dict[str, list] = {}
    for use in uses:
        count, quoted, articles = merged.setdefault(use.form, [0, 0, []])
        merged[use.form][0] += use.count
        merged[use.form][1] += use.quoted
        articles.extend(a for a in use.articles if a not in articles)
    forms = [FormUse(form=k, count=c, quoted=q, articles=tuple(a)) for k, (c, q, a) in merged.items()]
    return tuple(sorted(forms, key=lambda f: (-f.count, f.form.lower())))
