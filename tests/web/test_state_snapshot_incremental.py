"""The web snapshot brought up to date with only the articles added since (``update_snapshot``)
equals a full build of the same store; an edit, a removal or an analysis write needs the full build."""
from __future__ import annotations

import shutil

import newsprism
from newsprism.model import Article, Block, RawArticle
from newsprism.web import state


def _article(n: int, published: str | None, outlet: str = "Harbour Ledger", language: str = "en",
             flags: tuple[str, ...] = ()) -> Article:
    text = f"Article number {n} says something new about the harbour and the port."
    url = f"https://example.test/{n}"
    return Article(id=f"added{n:03d}", source=url, url=url, canonical_url=url, headline=f"Headline {n}",
                   outlet=outlet, byline=None, dateline=None, published=published, wire=None, language=language,
                   text=text, blocks=(Block(text=text),), provenance={}, stage_versions={}, flags=flags)


def _add(corpus, *articles: Article) -> None:
    for a in articles:
        corpus.store.add(RawArticle(source=a.source, kind="text", body=a.text, url=a.url, title=a.headline), a)


def _view(snap: state.Snapshot) -> dict:
    """Everything a page reads from a snapshot, as plain values."""
    return {"articles": [a.id for a in snap.articles], "index": list(snap.index.articles),
            "by_slug": sorted(snap.article_by_slug), "flags_of": snap.flags_of, "outlets": snap.outlets,
            "languages": snap.languages, "flags": snap.flags, "recent": [a.id for a in snap.recent],
            "stories": snap.stories, "revision": snap.revision}


def test_update_with_added_articles_equals_a_full_build(fresh_db):
    with newsprism.open(fresh_db) as corpus:
        old = state.build_snapshot(corpus)
        day = next(a.published for a in old.articles if a.published)
        _add(corpus, _article(1, "2031-01-01"), _article(2, None), _article(3, day, outlet="New Outlet"),
             _article(4, "2031-01-01", language="fr", flags=("no-date (guessed)",)), _article(5, day))
        updated = state.update_snapshot(old, corpus)
        assert updated is not None and updated is not old
        assert _view(updated) == _view(state.build_snapshot(corpus))
        assert len(old.articles) + 5 == len(updated.articles) and "added001" not in old.index.articles
        assert updated.recent[0].id == "added001" and updated.flags_of["added004"] == {"no-date"}
        assert state.update_snapshot(updated, corpus) is updated  # nothing changed since


def test_an_edit_removal_or_analysis_write_needs_a_full_build(fresh_db, tmp_path):
    for change in ("edit", "remove", "analysis"):
        path = tmp_path / f"{change}.db"
        shutil.copyfile(fresh_db, path)
        with newsprism.open(path) as corpus:
            old = state.build_snapshot(corpus)
            first = old.articles[0]
            if change == "edit":
                corpus.store.replace(Article(**{**{f: getattr(first, f) for f in first.__slots__},
                                                "headline": "Edited"}))
            elif change == "remove":
                corpus.store.conn.execute("DELETE FROM articles WHERE id = ?", (_article(9, None).id,))
                _add(corpus, _article(9, None))
                corpus.store.conn.execute("DELETE FROM articles WHERE id = ?", (_article(9, None).id,))
            else:
                corpus.store.save_headline_checks({first.id: {"verdict": "agrees"}}, "test")
            assert state.update_snapshot(old, corpus) is None, change


def test_stores_rebuild_reads_only_the_added_articles(fresh_db, monkeypatch):
    stores = state.Stores(fresh_db)
    first = stores.snapshot()
    with newsprism.open(fresh_db) as corpus:
        _add(corpus, _article(1, "2031-01-01"))
    monkeypatch.setattr(state, "build_snapshot", lambda corpus: (_ for _ in ()).throw(AssertionError("full")))
    stores.invalidate()
    assert sorted(a.id for a in stores.snapshot().articles) == sorted([a.id for a in first.articles] + ["added001"])
    stores.close()
