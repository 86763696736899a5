"""The ``newsprism`` command: a thin layer over the Python API (``newsprism.open``)."""
from __future__ import annotations

import sqlite3
import sys
import time
from collections import Counter
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperGroup
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import corpus as corpus_module
from .errors import MissingStore, StoreError
from .findings import CitedSummary
from .jsonviews import dumps as _dumps, show_json, story_detail_json, story_json as _story_json
from .model import Article, Failure, IngestReport, RawArticle
from .records import jsonable
from .safe_text import SafeConsole, one_line

if TYPE_CHECKING:
    from .claims.records import ClaimMention

# SQLite's "unable to open database file" says nothing of why; these are the usual reasons.
OPEN_HINT = "is it a folder, or in a folder that cannot be created or written?"
# More results than this is a typo, not a query (SQLite's integers stop at 2**63).
MAX_LIMIT = 1_000_000_000
# Without a terminal (a log, cron, CI), long commands print a plain stage line at most this often
# instead of a bar: often enough to show life, rare enough for a log of a run of hours.
PLAIN_PROGRESS_S = 5.0


class _OneLineErrors(TyperGroup):
    """Any command: a store or file-system error is one ``error:`` line naming the file, exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (sqlite3.Error, StoreError, OSError) as error:
            err.print(f"error: {one_line(_error_line(error, ctx.meta.get('db')))}", markup=False,
                      highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def _error_line(error: BaseException, db) -> str:
    if isinstance(error, MissingStore):
        return f"{error.path}: {error.reason} (run `newsprism ingest PATH... --db {error.path}` first)"
    if isinstance(error, StoreError):
        return f"{_shown(error.path)}: {error.reason}"
    if isinstance(error, (FileExistsError, NotADirectoryError)) and error.filename is not None:
        return f"{error.filename}: cannot make this folder: a file is in the way"
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    message = " ".join(str(error).split()) or type(error).__name__
    if message == "unable to open database file":
        message += f" ({OPEN_HINT})"
    return f"{_shown(db)}: {message}" if db is not None else message


def _remember_db(ctx: typer.Context, value):
    ctx.meta["db"] = value  # meta is shared with the group: its error line names the store
    return value


app = typer.Typer(cls=_OneLineErrors,
    help="newsprism: one news story through every outlet that covered it.\n\n"
         "Ingest a pile of news (files, folders, URLs, RSS/Atom feeds, JSONL, WARC), clean it and store "
         "it in a SQLite file (or PostgreSQL: --db postgresql://...); analyze it (who copied whom, stories "
         "and events, quotes, claims, figures, framing, timeline, cited summaries); write a static report, "
         "or browse it live with `newsprism serve`; keep it fed with `newsprism watch`. "
         "Start with `newsprism demo`.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None)
out = SafeConsole()
err = SafeConsole(stderr=True)


def _version() -> str:
    try:
        return metadata.version("newsprism")
    except metadata.PackageNotFoundError:  # a source tree on PYTHONPATH, not installed
        from . import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        out.print(f"newsprism {_version()}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """newsprism: one news story through every outlet that covered it."""


DbOption = Annotated[str, typer.Option("--db", envvar="NEWSPRISM_DB", callback=_remember_db, metavar="PATH|URL",
                                       help="The corpus: a SQLite file or a postgresql:// URL. Only ingest "
                                            "(and demo) create a missing one.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines instead of a table.")]
DEFAULT_DB = corpus_module.DEFAULT_DB
# What `report` says on stderr of a store analyze has not (fully) been over.
REPORT_NOTES = {"empty": "no articles: the report is empty (run `newsprism ingest` first)",
                "none": "not analysed: the report lists articles only (run `newsprism analyze` for stories, "
                        "quotes and claims)",
                "fast": "analysed with --fast only: the report has stories and events but no quotes, claims, "
                        "framing or summaries (run `newsprism analyze`)"}
StoryArgument = Annotated[Optional[str], typer.Argument(metavar="STORY", help="Story id (or unique prefix); all stories if omitted.")]
StoryOption = Annotated[Optional[str], typer.Option("--story", help="Same as the STORY argument.")]


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, http(s) URLs or feeds.", metavar="PATH|URL")],
    db: DbOption = DEFAULT_DB,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private, loopback and link-local addresses.")] = False,
    max_mb: Annotated[float, typer.Option(help="Refuse any single input larger than this many MB.")] = 10.0,
    as_json: JsonOption = False,
) -> None:
    """Ingest inputs into the store. Exits 1 if any input failed (the rest still go in)."""
    fresh = corpus_module.missing_sqlite_file(db)
    with corpus_module.open(db) as corpus:
        report = _ingest_with_progress(corpus, inputs, allow_private=allow_private,
                                       max_bytes=int(max_mb * 1_000_000))
        stored = corpus.store.count()
    if fresh is not None and stored == 0:
        _remove_sqlite_file(fresh)  # a mistyped input must not leave an empty corpus behind
    if as_json:
        _print_json({"ingested": list(report.ingested), "duplicates": list(report.duplicates),
                     "failed": [{"input": f.source, "reason": f.reason, "retryable": f.retryable}
                                for f in report.failures]})
    else:
        err.print(report.line())
    raise typer.Exit(0 if report.ok else 1)


def _remove_sqlite_file(path: Path) -> None:
    """Remove a SQLite file this command created and left empty, with its WAL side files."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


@app.command()
def articles(db: DbOption = DEFAULT_DB, as_json: JsonOption = False,
             show_all: Annotated[bool, typer.Option(
                 "--all", help="Also list pages kept but flagged as no article (home pages, section fronts, "
                               "walls, ...), with the reason.")] = False) -> None:
    """List stored articles, oldest first."""
    with corpus_module.open(db, create=False) as corpus:
        stored = list(corpus.articles())
    rows = stored if show_all else [a for a in stored if a.is_article]
    if as_json:
        _print_json([a.summary() for a in rows])
        return
    if rows:
        out.print(_articles_table(rows))
    if not stored:
        shown = one_line(_shown(db))
        err.print(f"no articles in {shown} (run `newsprism ingest PATH... --db {shown}`)", markup=False,
                  highlight=False, soft_wrap=True)
    if len(rows) < len(stored):
        err.print(f"{len(stored) - len(rows)} page(s) flagged as no article hidden (--all lists them)")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (a unique prefix of 4+ characters works).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one article: clean text and metadata (with where each value came from)."""
    with corpus_module.open(db, create=False) as corpus:
        article = corpus.article(article_id)
        check = corpus.store.headline_checks().get(article.id) if article else None
        event_check = corpus.headline_vs_event(article.id) if article else None
        shown = show_json(corpus, article) if article and as_json else None
    if article is None:
        err.print(f"error: no article with id {article_id!r} in {_shown(db)}", markup=False, highlight=False)
        raise typer.Exit(2)
    if as_json:
        _print_json(shown)
        return
    out.print(f"[bold]{_markup_safe(article.headline or '(no headline)')}[/bold]")
    for name, value in article.summary().items():
        if value and name != "headline":
            source = article.provenance.get(name, "")
            out.print(f"[dim]{name:>10}[/dim] {_markup_safe(str(value))} [dim]{_markup_safe(source)}[/dim]")
    out.print()
    out.print(article.text, markup=False, highlight=False, soft_wrap=not out.is_terminal)  # a pipe gets the lines as stored
    if check:
        out.print(f"\n[dim]headline vs body:[/dim] {check['label']}", highlight=False)
    if event_check:
        out.print(f"[dim]headline vs the other outlets of its event:[/dim] {event_check.verdict}", highlight=False)
    out.print(f"\n[dim]{len(article.removed)} boilerplate lines removed (--json shows them)[/dim]")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in headlines and bodies.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="At most this many results.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over the stored articles (best matches first)."""
    with corpus_module.open(db, create=False) as corpus:
        rows = corpus.search(query, limit)
    if as_json:
        _print_json([a.summary() for a in rows])
    elif rows:
        out.print(_articles_table(rows))
    else:
        err.print(f"no article matches {one_line(query)!r}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the HTML report into.")] = Path("newsprism-report"),
) -> None:
    """Write a static HTML report (works offline) and print where it is."""
    with corpus_module.open(db, create=False) as corpus:
        state = corpus.analysis_state()
        index = _report_with_progress(corpus, out_dir)
    if state in REPORT_NOTES:
        err.print(f"note: {one_line(_shown(db))}: {REPORT_NOTES[state]}", markup=False, highlight=False,
                  soft_wrap=True)
    out.print(f"report: {index.resolve()}")


@app.command()
def analyze(db: DbOption = DEFAULT_DB, as_json: JsonOption = False,
            fast: Annotated[bool, typer.Option(
                "--fast", help="Triage a very large pile: static word vectors distilled from MiniLM (the language "
                               "layer runs ~3x faster), stories and events only. Quotes, claims, framing and "
                               "summaries wait for a run without --fast.")] = False,
            engine: Annotated[Optional[str], typer.Option(
                "--engine", help="What runs MiniLM: numpy (default install, CPU) or torch (sentence-transformers, "
                                 "needs pip install -e '.[torch]'). Same vectors either way.")] = None,
            device: Annotated[str, typer.Option(
                "--device", help="Where MiniLM runs: cpu, or a torch device such as cuda (implies --engine torch).")]
            = "cpu",
            workers: Annotated[int, typer.Option(
                "--workers", min=1, help="Processes for the per-article work (parse, vectors, quotes, claims); "
                                         "same results as one.")] = 1,
            dask: Annotated[Optional[str], typer.Option(
                "--dask", help="Run the per-article work on Dask: a scheduler address (tcp://host:8786), or "
                               "'local' for a LocalCluster of --workers processes on 127.0.0.1 "
                               "(pip install -e '.[dask]').")] = None) -> None:
    """Run every pending analysis stage: language layer (cached), who copied whom, stories and events,
    quotes and claims aligned across outlets, framing, cited summaries."""
    language = None
    if engine is not None or device != "cpu":
        from .nlp import Language

        chosen = engine or ("numpy" if device == "cpu" else "torch")
        try:
            language = Language(vectors="static" if fast else "minilm", engine=chosen, device=device)
        except ValueError as error:
            out.print(f"[red]{error}[/red]")
            raise typer.Exit(2) from error
    with corpus_module.open(db, create=False) as corpus:
        result = _analyze_with_progress(corpus, fast=fast, language=language, workers=workers, dask=dask)
    if as_json:
        _print_json({"articles": result.articles, "annotated": result.annotated, "relations": result.relations,
                     "independent_sources": result.groups, "stories": result.stories, "events": result.events,
                     "quotes": result.quotes, "claims": result.claims, "fast": result.fast})
    else:
        out.print(result.line())


@app.command()
def stories(db: DbOption = DEFAULT_DB, as_json: JsonOption = False,
            limit: Annotated[int | None, typer.Option(min=1, help="At most this many (all unless given).")] = None,
            offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0) -> None:
    """List stories (run `newsprism analyze` first): articles, outlets, independent sources, dates."""
    with corpus_module.open(db, create=False) as corpus:
        _require_analysis(corpus, db, full=False)
        found = corpus.stories()[offset:None if limit is None else offset + limit]
    if as_json:
        _print_json([_story_json(s) for s in found])
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, width in (("id", 10), ("articles", 8), ("sources", 7), ("events", 6), ("dates", 24)):
        table.add_column(name, no_wrap=True, min_width=width)
    table.add_column("title", no_wrap=True)
    for s in found:
        dates = f"{s.start or '?'} to {s.end or '?'}" if s.start != s.end else (s.start or "")
        table.add_row(s.id[:10], str(len(s.articles)), str(s.independent_sources), str(len(s.events)), dates,
                      _clip(s.title, max(20, out.width - 70)))
    out.print(table)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id (or a unique prefix).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one story: its events in time order, their articles, and who copied whom."""
    with corpus_module.open(db, create=False) as corpus:
        _require_analysis(corpus, db, full=False)
        found = corpus.story(story_id)
        if found is None:
            err.print(f"error: no story with id {story_id!r} in {_shown(db)} (run `newsprism stories`)", markup=False, highlight=False)
            raise typer.Exit(2)
        if as_json:
            _print_json(story_detail_json(corpus, found))
            return
        groups = corpus.provenance_groups(found.articles)
        by_id = {a.id: a for a in corpus.articles() if a.id in set(found.articles)}
        summaries = {scope: corpus.summary(scope) for scope in (found.id, *(e.id for e in found.events))}
    out.print(f"[bold]{_markup_safe(found.title)}[/bold]  "
              f"{len(found.articles)} articles, {found.independent_sources} independent sources")
    _print_summary(summaries[found.id])
    for event in found.events:
        out.print(f"\n[bold]{_markup_safe(event.title)}[/bold] [dim]{event.start or '?'} to {event.end or '?'}[/dim]")
        for item in event.articles:
            a = by_id.get(item.id)
            outlet = _clip((a.outlet or "") if a else "", 20)
            flags = f"  [{', '.join(item.flags)}]" if item.flags else ""
            headline = _clip((a.headline or "") if a else "", max(20, out.width - 56 - len(flags)))
            out.print(f"  {item.role:<8} {item.id[:8]}  {(a.published or '')[:10] if a else '':<10}  "
                      f"{outlet:<20}  {headline}{flags}", markup=False, highlight=False)
    copies = [g for g in groups if len(g.members) > 1]
    out.print(f"\n{len(copies)} provenance group(s) with copies or rewrites")
    for g in copies:
        out.print(f"  origin {g.origin[:8]}: " + ", ".join(f"{m.id[:8]} ({m.relation})" for m in g.members
                                                            if m.id != g.origin))


@app.command()
def claims(
    event: Annotated[Optional[str], typer.Argument(metavar="EVENT", help="Event id (or unique prefix); all events if omitted.")] = None,
    event_option: Annotated[Optional[str], typer.Option("--event", help="Same as the EVENT argument.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Claims aligned across outlets: corroborated, single-source or contested, counted in independent sources.

    A contested claim is listed with the wording that disputes it, each side cited by outlet,
    article id and character offsets."""
    found, outlet_of = _scoped(db, "event", event or event_option, lambda c, wanted: c.claims(wanted))
    if as_json:
        _print_json(found)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, width in (("status", 13), ("sources", 7)):
        table.add_column(name, no_wrap=True, min_width=width)
    table.add_column("claim", ratio=3)
    table.add_column("carried by / contradicted by", ratio=1)
    for c in found:
        carriers = ", ".join(dict.fromkeys(_outlet_or_id(outlet_of, m.article) for m in c.carried_by))
        against = ", ".join(dict.fromkeys(_outlet_or_id(outlet_of, m.article) for m in c.contradicted_by))
        table.add_row(c.status, str(c.independent_sources), c.text,
                      carriers + (f" / against: {against}" if against else ""))
        if c.contradicted_by:
            for side, mentions in (("says", c.carried_by[:1]), ("disputed by", c.contradicted_by)):
                for m in mentions:
                    table.add_row("", "", _markup_safe(f"  {side}: {m.text}"), _markup_safe(_cite(m, outlet_of)))
    out.print(table)


@app.command()
def figures(
    event: Annotated[Optional[str], typer.Argument(metavar="[EVENT]", help="Event id (or unique prefix); all events if omitted.")] = None,
    event_option: Annotated[Optional[str], typer.Option("--event", help="Same as the EVENT argument.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Figures across outlets: the number each article gives for the same quantity (dead, injured,
    arrested, magnitude, money, percentages, counts), disagreements first.

    Each figure is cited by outlet, article id and character offsets; "updated" marks a later
    report with a changed figure (a rising toll), "disagree" two reports that do not fit."""
    found, outlet_of = _scoped(db, "event", event or event_option, lambda c, wanted: c.figures(wanted))
    if as_json:
        _print_json(found)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, width in (("status", 9), ("sources", 7)):
        table.add_column(name, no_wrap=True, min_width=width)
    table.add_column("quantity", ratio=1)
    table.add_column("figures given", ratio=3)
    for f in found:
        given = "; ".join(f"{g.text} ({_outlet_or_id(outlet_of, g.article)})" for g in f.figures)
        table.add_row(f.status, str(f.independent_sources), _markup_safe(f.label), _markup_safe(given))
        for pair in f.pairs:
            for side in (pair.first, pair.second):
                dated = f" {side.date[:10]}" if side.date else ""
                table.add_row("", "", "", _markup_safe(f"  {pair.status}: {side.sentence.strip()}  "
                                                       f"[{outlet_of.get(side.article) or '-'}{dated} "
                                                       f"{side.article[:8]}:{side.start}-{side.end}]"))
    out.print(table)


def _outlet_or_id(outlet_of: dict[str, str], article: str) -> str:
    """How a listing names an article: its outlet, else the start of its id."""
    return outlet_of.get(article, article[:8])


def _cite(mention: ClaimMention, outlet_of: dict[str, str]) -> str:
    """Where a claim's wording comes from: outlet, article id and character offsets."""
    outlet = outlet_of.get(mention.article)
    return f"{outlet + ' ' if outlet else ''}{mention.article[:8]}:{mention.start}-{mention.end}"


@app.command()
def quotes(
    story: StoryArgument = None,
    story_option: StoryOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    show_all: Annotated[bool, typer.Option("--all", help="Also list attributions by verbs of doing rather "
                                           "than saying ('sought', 'released'), flagged other-cue, and those only the "
                                           "span model found, flagged found-by-model (--json always holds both).")] = False,
) -> None:
    """Quotes aligned across outlets: who said what, each outlet's wording, possible misattributions."""
    found, outlet_of = _scoped(db, "story", story or story_option, lambda c, wanted: c.quotes(wanted))
    if as_json:
        _print_json(found)
        return
    from .quotes import shown
    from .quotes.records import TAGGED

    listed = found if show_all else [q for q in found if q.words_reported and q.found_by_rules]
    acts = [q for q in found if q not in listed and not q.words_reported]
    modelled = [q for q in found if q not in listed and q.words_reported]
    for q in listed:
        flags = f"  [{', '.join(q.flags)}]" if q.flags else ""
        out.print(f"\n[bold]{_markup_safe(q.speaker or 'speaker unresolved')}[/bold]"
                  f"  {q.independent_sources} independent source(s){_markup_safe(flags)}")
        for v in q.variants:  # how the variant compares with the others (only when there are others), how it was said
            compared = f"{v.variant or 'verbatim'}, " if len(q.variants) > 1 else ""
            found_by = " (found by the span model)" if TAGGED in v.flags else ""
            label = f"{compared}{v.kind}{found_by}, {_outlet_or_id(outlet_of, v.article)}"
            said = f" ({v.speaker_text})" if v.speaker_text else ""
            if v.speaker_text and v.cue and v.kind in ("indirect", "mixed"):  # reported speech: by which verb
                said = f" ({v.speaker_text}, {v.cue})"  # "(the Financial Times, citing): unnamed people ..."
            out.print(f"  {label}{said}: {shown(v.text, v.kind)}", markup=False, highlight=False)
    if acts:
        common = Counter(v.cue.lower() for q in acts for v in q.variants if v.cue).most_common(5)
        verbs = ", ".join(f"'{cue}'" for cue, _ in common)
        out.print(f"\n{len(acts)} more attribution(s) by verbs of doing rather than saying ({verbs}, ...) "
                  "not listed: --all shows them.", markup=False, highlight=False)
    if modelled:
        out.print(f"\n{len(modelled)} more attribution(s) found only by the span model, less sure of their words "
                  "and speakers, not listed: --all shows them.", markup=False, highlight=False)


@app.command()
def timeline(
    story: StoryArgument = None,
    story_option: StoryOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """What happened when: events in time order, previews before reports, each date with its evidence
    (~ marks a date inferred rather than read from the article's own date line)."""
    from .timeline import timeline_text

    found, _ = _scoped(db, "story", story or story_option, lambda c, wanted: c.timeline(wanted), full=False)
    if as_json:
        _print_json([t.to_dict() for t in found])
        return
    for t in found:
        out.print(timeline_text(t) + "\n", markup=False, highlight=False, soft_wrap=True)


@app.command()
def framing(
    story: StoryArgument = None,
    story_option: StoryOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """How each outlet words the story: its names for the same things ("the CCP", "China"), its loaded
    terms, and the claims others carry that it leaves out."""
    panels, _ = _scoped(db, "story", story or story_option, lambda c, wanted: c.framing(wanted))
    if as_json:
        _print_json(panels)
        return
    for panel in panels:
        _print_framing(jsonable(panel))


def _print_framing(panel: dict) -> None:
    outlets = [o["outlet"] for o in panel["outlets"]]
    table = Table(box=None, header_style="bold", pad_edge=False, title=f"story {panel['story'][:10]}")
    table.add_column("referent", no_wrap=True)
    for name in outlets:
        table.add_column(_clip(name, 18))
    for group in (g for g in panel["groups"] if g.get("varies")):
        cells = []
        for o in panel["outlets"]:
            choice = next((c for c in o["term_choices"] if c["group_id"] == group["id"]), None)
            cells.append("; ".join(f"{f['form']} ×{f['count']}" for f in choice["forms"][:3]) if choice else "")
        if sum(bool(c) for c in cells) > 1:
            table.add_row(_clip(group["referent"], 24), *cells)
    out.print(table)
    for o in panel["outlets"]:
        loaded = ", ".join(f"{t['term']} ×{t['count']}" + (f" ({t['quoted']} quoted)" if t.get("quoted") else "")
                           for t in o["loaded"][:6]) or "none"
        out.print(f"[bold]{_markup_safe(o['outlet'])}[/bold]: loaded words {_markup_safe(loaded)}; "
                  f"omits {len(o['omissions'])} claim(s) others carry")
    for note in panel.get("notes", ()):
        out.print(f"[dim]{_markup_safe(note)}[/dim]")


def _print_summary(summary: CitedSummary | None) -> None:
    """Summary sentences with their citations (short ids) and independent-source counts."""
    if not summary or not summary.sentences:
        return
    out.print("\n[bold]Summary[/bold]")
    for sentence in summary.sentences:
        cites = ", ".join(c[:8] for c in sentence.citations)
        out.print(f"  {sentence.text}", markup=False, highlight=False, end=" ")
        out.print(f"[dim]\\[{cites}; {sentence.independent_sources} source(s)][/dim]")


@app.command("summarize")
def summarize_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or URLs: exactly the articles to summarise.", metavar="PATH")],
    words: Annotated[int, typer.Option(help="Word budget of the summary.")] = 260,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow fetching private, loopback and link-local addresses.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Summarise exactly the given articles (no store, no clustering); every sentence cites its articles."""
    from . import pipeline
    from .nlp import shared_language
    from .summarize import summarize

    raws: list[RawArticle] = []
    failures: list[Failure] = []
    for item in pipeline.read_inputs(inputs, allow_private=allow_private):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            raws.append(item)
    processed = pipeline.process(raws)
    failures += [p for p in processed if isinstance(p, Failure)]
    articles = [p.article for p in processed if not isinstance(p, Failure)]
    for failure in failures:
        err.print(f"error: {one_line(str(failure))}", markup=False, highlight=False, soft_wrap=True)
    result = summarize(articles, words=words, language=shared_language())
    if as_json:
        _print_json({**result.to_json(), "articles": [a.summary() for a in articles]})
    else:
        number = {a.id: i for i, a in enumerate(articles, 1)}
        for sentence in result.sentences:
            cites = ",".join(str(number.get(c, c)) for c in sentence.citations)
            out.print(f"{sentence.text} [{cites}]", markup=False, highlight=False)
        out.print()
        for a in articles:
            out.print(f"[{number[a.id]}] {a.outlet or 'unknown outlet'}: {a.headline or a.source}", markup=False)
    raise typer.Exit(1 if failures else 0)


@app.command()
def reclean(db: DbOption = DEFAULT_DB) -> None:
    """Re-clean every stored article from its kept raw input (after upgrading newsprism)."""
    with corpus_module.open(db, create=False) as corpus:
        changed = corpus.reclean()
    out.print(f"re-cleaned; {changed} article(s) changed")


@app.command()
def migrate(
    source: Annotated[Path, typer.Option("--from", help="The SQLite file to copy (never changed but for its own schema "
                                                       "upgrades).")],
    target: Annotated[str, typer.Option("--to", help="The PostgreSQL database: postgresql://user@host/db.")],
    as_json: JsonOption = False,
) -> None:
    """Copy a SQLite store into PostgreSQL: every table (articles, raw inputs, annotations and vectors,
    extractions, analysis, findings). Run it again to finish a copy cut short: nothing is copied twice.
    Prints each table's rows in both stores; exits 1 if any row is missing from the target."""
    from .store import SQLiteStore, is_url, open_store
    from .store.postgres import PostgresStore
    from .store.transfer import copy_store

    if not source.is_file():
        err.print(f"error: {one_line(str(source))}: no such SQLite file", markup=False, highlight=False)
        raise typer.Exit(2)
    if not is_url(target):
        err.print("error: --to takes a postgresql:// URL", markup=False, highlight=False)
        raise typer.Exit(2)
    with _progress() as progress:
        task = progress.add_task("opening", total=None)

        def advance(table: str, done: int, total: int) -> None:
            progress.update(task, description=table, completed=done, total=total)

        sqlite, pg = SQLiteStore(source), open_store(target)
        try:
            assert isinstance(pg, PostgresStore)  # a postgresql:// URL opens one
            counts = copy_store(sqlite, pg, on_progress=advance)
        finally:
            sqlite.close()
            pg.close()
    if as_json:
        _print_json([{"table": c.table, "source": c.source, "target": c.target, "ok": c.ok} for c in counts])
    else:
        table = Table(header_style="bold", box=None, pad_edge=False)
        for name in ("table", "source rows", "target rows", ""):
            table.add_column(name, justify="left" if name == "table" else "right")
        for c in counts:
            table.add_row(c.table, str(c.source), str(c.target), "ok" if c.ok else "MISSING ROWS")
        out.print(table)
    raise typer.Exit(0 if all(c.ok for c in counts) else 1)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", callback=_remember_db, metavar="PATH|URL",
                                    help="The demo's own store (NEWSPRISM_DB is not used: the demo stays out "
                                         "of your corpus).")] = "newsprism-demo/demo.db",
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the HTML report.")] = Path("newsprism-demo/report"),
) -> None:
    """The bundled example end to end: ingest five articles on two Blinken visits to China, analyze them
    (copies, stories, events, quotes, claims, framing, summaries), print the timeline, write the report."""
    examples = resources.files("newsprism") / "examples" / "blinken"
    with resources.as_file(examples) as folder, corpus_module.open(db) as corpus:
        result = _ingest_with_progress(corpus, [str(folder)])
        analysis = _analyze_with_progress(corpus)
        index = _report_with_progress(corpus, out_dir)
        rows = list(corpus.articles())
        timelines = corpus.timeline()
    from .timeline import timeline_text

    out.print(_articles_table(rows))
    out.print(result.line())
    out.print(analysis.line(), soft_wrap=True)
    for t in timelines:
        out.print("\n" + timeline_text(t), markup=False, highlight=False, soft_wrap=True)
    out.print()
    out.print(f"store:  {_shown(db) if corpus_module.is_url(db) else Path(db).resolve()}")
    out.print(f"report: {index.resolve()}")
    raise typer.Exit(0 if result.ok else 1)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED...", help="Feed URLs, OPML files, or text files with one feed URL a line.")],
    db: DbOption = DEFAULT_DB,
    every: Annotated[str, typer.Option(help="How often each feed is polled: 15m, 90s, 1h...")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, raise the alerts and exit (for cron); "
                                                      "feeds backing off after errors wait their turn.")] = False,
    alerts_jsonl: Annotated[Optional[Path], typer.Option("--alerts-jsonl", help="Append each alert to this JSON-lines file.")] = None,
    webhook: Annotated[Optional[str], typer.Option(help="POST each alert as JSON to this URL (bounded retries).")] = None,
    smtp: Annotated[Optional[str], typer.Option(help="Mail the alerts through this SMTP server, HOST:PORT.")] = None,
    mail_to: Annotated[Optional[list[str]], typer.Option("--mail-to", help="Recipient of the alert mails (repeatable).")] = None,
    mail_from: Annotated[str, typer.Option("--mail-from", help="Sender of the alert mails.")] = "newsprism@localhost",
    host_delay: Annotated[float, typer.Option("--host-delay", min=0, help="Seconds between two requests to one host "
                                                                         "(a longer Crawl-delay in robots.txt wins).")] = 1.0,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching private, loopback and link-local addresses.")] = False,
    max_mb: Annotated[float, typer.Option(help="Refuse any single download larger than this many MB.")] = 10.0,
    analyze: Annotated[bool, typer.Option("--analyze/--no-analyze", help="Run the analysis and raise alerts after each "
                                                                          "poll (--no-analyze only ingests; the alerts "
                                                                          "wait for a run with analysis).")] = True,
    alert: Annotated[Optional[list[str]], typer.Option(
        "--alert", help="Raise only this kind of alert (repeatable): new-event, contested-claim, altered-quote, "
                        "misattribution. Default: all.")] = None,
) -> None:
    """Watch feeds: poll politely (ETag / If-Modified-Since, robots.txt, a pause per host, backoff on errors),
    store each new item once, run the incremental analysis, and raise alerts (a new event in a followed story,
    a newly contested claim, a quote worded differently across outlets, a misattribution) to stderr, a
    JSON-lines file, a webhook and mail. Stops cleanly on SIGTERM / Ctrl-C after the current feed."""
    from .errors import BadInput
    from .watch import Watcher, WatchOptions, feed_urls, parse_every
    from .watch.records import ALERT_KINDS
    from .watch.sinks import JsonlSink, LogSink, MailSink, Sink, WebhookSink, parse_smtp

    try:
        urls = feed_urls(feeds)
        unknown = sorted(set(alert or ()) - set(ALERT_KINDS))
        if unknown:
            raise ValueError(f"unknown alert kind {unknown[0]!r} (kinds: {', '.join(ALERT_KINDS)})")
        options = WatchOptions(every=parse_every(every), host_delay=host_delay, allow_private=allow_private,
                               max_bytes=int(max_mb * 1_000_000), analyze=analyze,
                               kinds=tuple(alert) if alert else ALERT_KINDS)
        mail = parse_smtp(smtp) if smtp else None
    except (BadInput, ValueError) as error:
        err.print(f"error: {one_line(str(error))}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if mail and not mail_to:
        err.print("error: --smtp needs at least one --mail-to", markup=False)
        raise typer.Exit(2)

    def log(line: str) -> None:
        err.print(one_line(line), markup=False, highlight=False, soft_wrap=True)

    sinks: list[Sink] = [LogSink(log)]
    if alerts_jsonl:
        sinks.append(JsonlSink(alerts_jsonl))
    with corpus_module.open(db) as corpus, Watcher(corpus.store, urls, options, sinks=sinks, report=log) as watcher:
        if webhook:
            watcher.sinks.append(WebhookSink(webhook, stop=watcher.stop))
        if mail:
            watcher.sinks.append(MailSink(mail[0], mail[1], mail_to or [], sender=mail_from))
        if not once:
            log(f"watching {len(urls)} feed(s) every {every} into {_shown(db)}")
            watcher.run()
            return
        cycle = watcher.cycle(once=True)
    log(f"polled {len(cycle.polls)} feed(s) ({len(cycle.skipped)} backing off): "
        f"{sum(len(p.ingested) for p in cycle.polls)} new article(s), {len(cycle.alerts)} alert(s)")
    raise typer.Exit(0 if cycle.ok else 1)


@app.command("alerts")
def alerts_command(
    db: DbOption = DEFAULT_DB,
    since: Annotated[Optional[str], typer.Option(help="Only alerts raised after this ISO 8601 time.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="At most this many (the latest).")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Alerts raised by `newsprism watch`, oldest first."""
    with corpus_module.open(db, create=False) as corpus:
        found = corpus.alerts(since=since, limit=limit)
    if as_json:
        _print_json(found)
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("raised", no_wrap=True, min_width=19)
    table.add_column("kind", no_wrap=True, min_width=15)
    table.add_column("alert")
    for a in found:
        table.add_row(a.raised_at[:19].replace("T", " "), a.kind, _markup_safe(a.message))
    out.print(table)


@app.command()
def follow(
    story: Annotated[Optional[str], typer.Argument(metavar="STORY", help="Story id (or unique prefix); lists the followed stories if omitted.")] = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Follow a story: `newsprism watch` alerts on its new events. While no story is followed, every story is."""
    with corpus_module.open(db, create=False) as corpus:
        if story is not None:
            try:
                corpus.follow(story)
            except KeyError:
                err.print(f"error: no story with id {story!r} in {_shown(db)} (run `newsprism stories`)",
                          markup=False, highlight=False)
                raise typer.Exit(2) from None
        followed = corpus.followed()
        titles = {s.id: s.title for s in corpus.stories()}
    if as_json:
        _print_json([{"id": sid, "title": titles.get(sid)} for sid in followed])
        return
    if not followed:
        out.print("no story followed: watch alerts on new events of every story")
    for sid in followed:
        out.print(f"{sid[:10]}  {titles.get(sid, '(not in the last analysis)')}", markup=False, highlight=False)


@app.command()
def unfollow(
    story: Annotated[str, typer.Argument(metavar="STORY", help="Story id (or unique prefix of a followed story).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stop following a story."""
    with corpus_module.open(db, create=False) as corpus:
        matches = [sid for sid in corpus.store.followed() if sid.startswith(story)]
        if len(matches) != 1:
            err.print(f"error: {story!r} names {'no' if not matches else 'more than one'} followed story")
            raise typer.Exit(2)
        corpus.store.unfollow(matches[0])
    out.print(f"unfollowed {matches[0][:10]}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        "--token", envvar="NEWSPRISM_TOKEN", show_default=False,
        help="Access token: every page and endpoint (but /healthz) needs it; required off loopback.")] = None,
    allow_private: Annotated[bool, typer.Option(
        help="Let URLs pasted in the browser fetch private, loopback and link-local addresses.")] = False,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Server processes sharing the port (one a core): each holds its own snapshot of "
        "the store in memory, and a browser ingest job's progress page is answered by the process "
        "running it.")] = 1,
) -> None:
    """The web app and JSON API over the store: search, stories, events, articles, adding articles
    from the browser, exports; /api/openapi.json describes the API (its JSON is the CLI's --json)."""
    import uvicorn

    from .web import create_app
    from .web.security import LOOPBACK_HOSTS, is_loopback

    loopback = is_loopback(host)
    if not loopback and not token:
        err.print(f"error: refusing to listen on {host} without a token: pass --token or set NEWSPRISM_TOKEN "
                  "(or keep the default --host 127.0.0.1)", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    hosts = list(LOOPBACK_HOSTS) if loopback else None
    err.print(f"newsprism: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", markup=False, highlight=False)
    if workers > 1:
        # Each worker process builds the app from the environment (its token from NEWSPRISM_TOKEN,
        # as a single process reads it; the session cookie is an HMAC of it, the CSRF check a
        # double-submit cookie: nothing else has to be shared between the processes).
        import json
        import os

        from .web.app import SERVE_FACTORY, SERVE_OPTIONS_ENV

        os.environ[SERVE_OPTIONS_ENV] = json.dumps({"db": str(db), "allow_private": allow_private,
                                                    "allowed_hosts": hosts})
        if token:
            os.environ["NEWSPRISM_TOKEN"] = token
        uvicorn.run(SERVE_FACTORY, factory=True, workers=workers, host=host, port=port, log_level="warning")
        return
    web_app = create_app(db, token=token or None, allow_private=allow_private, allowed_hosts=hosts)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


# --- helpers ------------------------------------------------------------------------------------
def _progress(*extra) -> Progress:
    """A progress bar on stderr, shown only on a terminal, gone when done (``_StageLines`` is
    what a log gets instead)."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               *extra, TimeElapsedColumn()]
    return Progress(*columns, console=err, transient=True, disable=not err.is_terminal)


class _StageLines:
    """Progress for a log (stderr not a terminal): a plain line such as ``analyze: claims 120/400``
    at most every ``PLAIN_PROGRESS_S`` seconds; a run shorter than that prints none."""

    def __init__(self, command: str, clock=time.monotonic):
        self.command = command
        self.clock = clock
        self.last = clock()

    def __call__(self, stage: str, done: int, total: int | None = None, detail: str = "") -> None:
        now = self.clock()
        if now - self.last < PLAIN_PROGRESS_S:
            return
        self.last = now
        count = f"{done}/{total}" if total else str(done)
        err.print(one_line(f"{self.command}: {stage} {count}" + (f" {detail}" if detail else "")),
                  markup=False, highlight=False, soft_wrap=True)


def _require_analysis(corpus, db: str, *, full: bool = True) -> None:
    """Exit 1 with one ``error:`` line when the store lacks what the running command shows: no
    articles, never analysed, or (``full``: quotes, claims, framing) analysed with ``--fast`` only.
    Exit 1 rather than an empty listing: a script must not read "not analysed" as "no claims"."""
    state = corpus.analysis_state()
    shown = _shown(db)
    if state == "empty":
        problem = f"no articles (run `newsprism ingest PATH... --db {shown}` first)"
    elif state == "none":
        problem = f"not analysed yet (run `newsprism analyze --db {shown}` first)"
    elif state == "fast" and full:
        problem = (f"analysed with --fast only (run `newsprism analyze --db {shown}` for quotes, claims, "
                   "framing and summaries)")
    else:
        return
    err.print(f"error: {one_line(f'{shown}: {problem}')}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _shown(db: str) -> str:
    """``db`` for a message: a store URL without its password."""
    if not corpus_module.is_url(db):
        return db
    parts = urlsplit(db)
    if parts.password is None:
        return db
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


def _scoped(db: str, kind: str, wanted: str | None, fetch, *, full: bool = True):
    """``fetch(corpus, wanted)`` for one story/event (or all), and each article's outlet name;
    exits 1 when the store is not analysed (``full``: or with ``--fast`` only, see
    ``_require_analysis``), 2 with a one-line error when ``wanted`` names no stored story/event."""
    with corpus_module.open(db, create=False) as corpus:
        _require_analysis(corpus, db, full=full)
        try:
            found = fetch(corpus, wanted)
        except KeyError:
            hint = "run `newsprism stories`" if kind == "story" else "see `newsprism story ID`"
            err.print(f"error: no {kind} with id {wanted!r} in {_shown(db)} ({hint})", markup=False, highlight=False)
            raise typer.Exit(2) from None
        return found, {a.id: a.outlet or a.id[:8] for a in corpus.articles()}


def _analyze_with_progress(corpus, fast: bool = False, language=None, **where):
    if not err.is_terminal:
        return corpus.analyze(language, on_progress=_StageLines("analyze"), fast=fast, **where)
    with _progress() as progress:
        task = progress.add_task("analyzing", total=None)

        def advance(stage: str, done: int, total: int) -> None:
            progress.update(task, description=stage, completed=done, total=total)

        return corpus.analyze(language, on_progress=advance, fast=fast, **where)


def _ingest_with_progress(corpus, inputs, **options) -> IngestReport:
    if not err.is_terminal:
        return _ingest_with_lines(corpus, inputs, **options)
    with _progress(TextColumn("[dim]{task.fields[current]}")) as progress:
        task = progress.add_task("ingesting", total=None, current="")

        def advance(source: str) -> None:
            progress.update(task, advance=1, current=_shorten(source))

        def failed(failure: Failure) -> None:
            progress.console.print(f"error: {one_line(str(failure))}", markup=False, highlight=False,
                                   soft_wrap=True)
            progress.update(task, advance=1)

        return corpus.ingest(inputs, on_progress=advance, on_failure=failed, **options)


def _ingest_with_lines(corpus, inputs, **options) -> IngestReport:
    """``ingest`` for a log: failures as they come, and ``ingest: read 1200 .../pile/x.html`` lines."""
    lines = _StageLines("ingest")
    done = 0

    def advance(source: str) -> None:
        nonlocal done
        done += 1
        lines("read", done, detail=_shorten(source))

    def failed(failure: Failure) -> None:
        err.print(f"error: {one_line(str(failure))}", markup=False, highlight=False, soft_wrap=True)

    return corpus.ingest(inputs, on_progress=advance, on_failure=failed, **options)


def _report_with_progress(corpus, out_dir: Path) -> Path:
    """``corpus.report`` with a bar on a terminal, stage lines in a log."""
    if not err.is_terminal:
        return corpus.report(out_dir, on_progress=_StageLines("report"))
    with _progress() as progress:
        task = progress.add_task("writing the report", total=None)

        def advance(stage: str, done: int, total: int) -> None:
            progress.update(task, description=stage, completed=done, total=total)

        return corpus.report(out_dir, on_progress=advance)


def _articles_table(rows: list[Article]) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=False, box=None, pad_edge=False)
    widths = {"id": 8, "published": 10, "outlet": 20, "wire": 7}
    for name in ("id", "published", "outlet", "wire"):
        table.add_column(name, min_width=widths[name], no_wrap=True)
    table.add_column("headline", overflow="ellipsis", no_wrap=True, min_width=20)
    room = max(20, out.width - sum(widths.values()) - 2 * len(widths) - 2)  # rich hides columns that overflow
    for a in rows:
        kinds = [f.split(" (")[0] for f in a.flags if f.startswith("not-article")]
        headline = f"\\[{', '.join(kinds)}] {a.headline or ''}" if kinds else a.headline or ""
        table.add_row(a.id[:8], (a.published or "")[:10], _clip(a.outlet or "", widths["outlet"]),
                      _clip(a.wire or "", widths["wire"]), _clip(headline, room))
    return table


def _print_json(value: object) -> None:
    """Every ``--json``: records and plain values through the one serialiser (``records.jsonable``)."""
    sys.stdout.write(_dumps(value) + "\n")


def _markup_safe(text: str) -> str:
    return text.replace("[", "\\[")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _shorten(text: str, width: int = 50) -> str:
    text = one_line(text)
    return text if len(text) <= width else "…" + text[-(width - 1):]


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
