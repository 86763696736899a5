"""The framing panel: per outlet, its term choices, loaded words and omissions."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Annotation, Article
from .emotive import default_model
from .group import GroupingOptions
from .lexicon import LoadedLexicon, default_aliases, default_loaded
from .loaded import count_terms, loaded_terms
from ..claims.coverage import CoverageMatrix, CoverageRow
from .records import (
    FramingPanel,
    LoadedTerm,
    LoadedWord,
    Omission,
    OutletFraming,
    OutletName,
    TermChoice,
    TermGroup,
)
from .terms import entity_terms, outlet_of
from .words import loaded_words

if TYPE_CHECKING:
    from ..nlp.language import Language

FRAMING_VERSION = "framing-2"  # framing-2: loaded words by the BABE-trained word model, each with its sentence
MAX_REFERENTS = 12  # side-by-side rows per outlet: beyond a dozen the panel stops being read
CARRIED, OMITTED, CONTRADICTED = "carried", "omitted", "contradicted"


def framing_panel(articles: Sequence[Article], annotations: Mapping[str, Annotation],
                  coverage: CoverageMatrix | Sequence[CoverageRow] | None = None, *, language: Language, docs=None,
                  groups: Sequence[TermGroup] | None = None,
                  options: GroupingOptions | None = None, lexicon: LoadedLexicon | None = None,
                  max_referents: int = MAX_REFERENTS, word_model: bool = True,
                  words: Mapping[str, Sequence[LoadedWord]] | None = None) -> FramingPanel:
    """Per outlet: the forms it uses for referents others name differently, its loaded terms
    (per 1,000 words, and in its own voice, i.e. outside quotation marks) and, when a coverage
    matrix is given, the claims other outlets carry that it omits or contradicts.

    ``coverage`` is the claims stage's matrix (``newsprism.claims.coverage_matrix``) or its rows;
    each row's assessed cells (``CoverageRow.by_article``) give the omissions. Pass ``groups`` from an
    earlier ``entity_terms`` call to skip the parse. ``word_model=False`` finds loaded words by the
    loaded-term lexicon alone (no MiniLM pass over every sentence). ``words``: each article's
    loaded words when already found (``analyze`` caches them per article in the language layer).
    """
    if groups is None:
        groups = entity_terms(articles, annotations, language=language, docs=docs, options=options)
    names = {a.id: outlet_of(a) for a in articles}
    rows = None if coverage is None else coverage.rows if isinstance(coverage, CoverageMatrix) else tuple(coverage)
    shown = [g for g in groups if g.varies][:max_referents]
    outlets = _outlets(articles, names)
    find = _word_finder(annotations, language, lexicon or default_loaded(), word_model, words or {})
    framing = tuple(_outlet_row(name, source, members, shown, rows, names, find)
                    for (name, source), members in outlets.items())
    return FramingPanel(version=FRAMING_VERSION, outlets=framing, groups=tuple(groups),
                        notes=_notes(names, rows), has_coverage=rows is not None)


def _outlets(articles, names: dict[str, OutletName]) -> dict[tuple[str, str], list[Article]]:
    out = defaultdict(list)
    for article in articles:
        out[(names[article.id].name, names[article.id].source)].append(article)
    rank = {"outlet": 0, "domain": 1, "article": 2}  # named outlets first, stand-ins last
    return dict(sorted(out.items(), key=lambda kv: (rank.get(kv[0][1], 3), kv[0][0].lower())))


def _word_finder(annotations, language, lexicon, word_model: bool, known: Mapping[str, Sequence[LoadedWord]]):
    """``article -> [LoadedWord]``: the word model and the lexicon, on the annotation's sentences
    when there is one (``known`` words as they are); or the lexicon alone."""
    def with_model(article: Article) -> list[LoadedWord]:
        if article.id in known:
            return list(known[article.id])
        note = annotations.get(article.id)
        sentences = [(s.start, s.end) for s in note.sentences] if note is not None and note.sentences else None
        return loaded_words(article.text, language=language, sentences=sentences, lexicon=lexicon,
                            article_id=article.id)

    def lexicon_only(article: Article) -> list[LoadedWord]:
        return [_as_word(t, article.id) for t in loaded_terms(article, lexicon)]
    return with_model if word_model else lexicon_only


def _as_word(term: LoadedTerm, article_id: str) -> LoadedWord:
    return LoadedWord(text=term.text, start=term.start, end=term.end, quoted=term.quoted,
                      reason=f"loaded term: {term.category} (lexicon)", kind=term.category, term=term.term,
                      sentence_start=term.start, sentence_end=term.end, article_id=article_id)


def _outlet_row(name, source, members, groups, rows, names, find) -> OutletFraming:
    words = sum(len(a.text.split()) for a in members)
    found = tuple(w for a in members for w in find(a))
    terms = [LoadedTerm(term=w.term, start=w.start, end=w.end, category=w.kind, text=w.text, quoted=w.quoted)
             for w in found]
    own = [t for t in terms if not t.quoted]
    choices = tuple(_choice(g, o) for g in groups for o in g.outlets if o.outlet == name)
    omissions = omissions_for({a.id for a in members}, rows, names) if rows is not None else ()
    return OutletFraming(outlet=name, outlet_source=source, articles=tuple(a.id for a in members),
                         words=words, term_choices=choices, loaded=count_terms(terms), loaded_words=found,
                         loaded_per_1000=_rate(len(terms), words), own_voice_per_1000=_rate(len(own), words),
                         omissions=omissions)


def _choice(group: TermGroup, mine) -> TermChoice:
    others = {f.form for o in group.outlets if o.outlet != mine.outlet for f in o.forms}
    return TermChoice(group_id=group.id, referent=group.referent, kind=group.kind, forms=mine.forms,
                      distinctive=tuple(f.form for f in mine.forms if f.form not in others))


def _rate(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0


def omissions_for(article_ids: set[str], rows: Sequence[CoverageRow],
                  names: Mapping[str, OutletName]) -> tuple[Omission, ...]:
    """Claims some other outlet carries that none of ``article_ids`` carries, where at least one
    of them was assessed as omitting or contradicting it (unassessed articles say nothing)."""
    out = []
    for row in rows:
        cells = row.by_article
        mine = [cells[a] for a in article_ids if a in cells]
        if not mine or CARRIED in mine:
            continue
        carriers = sorted({names[a].name if a in names else a for a, status in cells.items()
                           if status == CARRIED and a not in article_ids})
        if carriers:
            status = CONTRADICTED if CONTRADICTED in mine else OMITTED
            out.append(Omission(claim_id=row.claim, text=row.text, status=status,
                                carried_by=tuple(carriers)))
    return tuple(out)


def _notes(names: Mapping[str, OutletName], rows) -> tuple[str, ...]:
    notes = []
    by_domain = sorted(n.name for n in names.values() if n.source == "domain")
    by_id = sorted(n.name for n in names.values() if n.source == "article")
    if by_domain:
        notes.append(f"{len(by_domain)} article(s) name no outlet: filed under their web domain "
                     f"({', '.join(by_domain)}).")
    if by_id:
        notes.append(f"{len(by_id)} article(s) name no outlet and have no URL: each stands as its own "
                     f"outlet under its article id ({', '.join(by_id)}).")
    if rows is None:
        notes.append("No coverage matrix given: omissions not computed.")
    notes.append(f"Loaded words: word model {default_model().version} (trained on BABE) and lexicon "
                 f"{default_loaded().version}; referent aliases {default_aliases().version}. A loaded word "
                 f"marks a word choice, not proof of bias; quoted ones are a source's words.")
    return tuple(notes)
