"""Schema migrations, registered in code and recorded in the ``migrations`` table.

Append new migrations to ``MIGRATIONS``; never edit one that has shipped.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", """
        CREATE TABLE raw (
            id TEXT PRIMARY KEY,          -- sha256 of the decoded input
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            url TEXT,
            body TEXT NOT NULL,
            hints TEXT NOT NULL,          -- JSON: title, published, outlet, author supplied by the input
            encoding TEXT,
            stored_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,          -- content hash of the normalised clean text
            raw_id TEXT NOT NULL REFERENCES raw(id),
            source TEXT NOT NULL,
            url TEXT,
            canonical_url TEXT,
            headline TEXT,
            outlet TEXT,
            byline TEXT,
            dateline TEXT,
            published TEXT,
            wire TEXT,
            language TEXT,
            text TEXT NOT NULL,
            detail TEXT NOT NULL,         -- JSON: blocks, removed, captions, provenance, stage versions
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_canonical_url ON articles(canonical_url);
        CREATE INDEX articles_published ON articles(published);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            headline, text, content='articles', content_rowid='rowid'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, text)
            VALUES ('delete', old.rowid, old.headline, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, headline, text)
            VALUES ('delete', old.rowid, old.headline, old.text);
            INSERT INTO articles_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
        END;
    """),
    ("0002_analysis", """
        CREATE TABLE annotations (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            sentences TEXT NOT NULL,      -- JSON [[text, start, end], ...]
            entities TEXT NOT NULL,       -- JSON [[text, label, start, end], ...]
            sentence_vectors BLOB NOT NULL,  -- float32, n_sentences x dim
            vector BLOB NOT NULL          -- float32, dim
        );
        CREATE TABLE relations (
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (source, target, kind)
        );
        CREATE TABLE assignments (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            role TEXT NOT NULL,
            detail TEXT NOT NULL          -- JSON: flags, evidence
        );
        CREATE INDEX assignments_story ON assignments(story_id);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,    -- display order (biggest, most recent first)
            data TEXT NOT NULL            -- JSON of the Story record
        );
        CREATE TABLE provenance_groups (
            origin TEXT PRIMARY KEY,
            members TEXT NOT NULL         -- JSON [[id, relation], ...]
        );
    """),
    ("0003_headline_checks", """
        CREATE TABLE headline_checks (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            data TEXT NOT NULL            -- JSON: label, score, model_label, probabilities, evidence, reasons
        );
    """),
    ("0004_findings", """
        -- per-article extractions (quotes, claims), cached by stage version like annotations
        CREATE TABLE extractions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,          -- "quotes" | "claims"
            version TEXT NOT NULL,
            data TEXT NOT NULL,           -- JSON list of the stage's records
            PRIMARY KEY (article_id, stage)
        );
        -- cross-article findings, replaced as a whole by each analyze run
        CREATE TABLE findings (
            kind TEXT NOT NULL,           -- "quote" | "claim" | "summary"
            id TEXT NOT NULL,
            scope TEXT NOT NULL,          -- the story or event it belongs to
            position INTEGER NOT NULL,
            data TEXT NOT NULL,           -- JSON, the shape the CLI prints
            PRIMARY KEY (kind, id)
        );
        CREATE INDEX findings_scope ON findings(kind, scope);
    """),
    # Annotation.lead_vector (NULL for annotations made before nlp-2).
    ("0005_lead_vector", "ALTER TABLE annotations ADD COLUMN lead_vector BLOB;"),
    # Findings carry the stage version and the reuse key as columns (they lived inside the JSON
    # payload, or as "<kind>-key" pseudo-findings); each scope's reuse key, with or without rows,
    # goes to finding_keys. Existing rows are moved, so a re-run after upgrading still reuses them.
    ("0006_finding_columns", """
        ALTER TABLE findings ADD COLUMN version TEXT NOT NULL DEFAULT '';
        ALTER TABLE findings ADD COLUMN reuse_key TEXT;
        CREATE TABLE finding_keys (
            kind TEXT NOT NULL,
            scope TEXT NOT NULL,          -- the story or event the key was computed for
            reuse_key TEXT NOT NULL,      -- digest of what the scope's findings depend on
            version TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (kind, scope)
        );
        INSERT OR REPLACE INTO finding_keys(kind, scope, reuse_key)
            SELECT substr(kind, 1, length(kind) - 4), scope, json_extract(data, '$.key')
            FROM findings WHERE kind LIKE '%-key' AND json_extract(data, '$.key') IS NOT NULL;
        DELETE FROM findings WHERE kind LIKE '%-key';
        UPDATE findings SET reuse_key = json_extract(data, '$.key')
            WHERE json_extract(data, '$.key') IS NOT NULL AND kind IN ('framing', 'summary');
        INSERT OR IGNORE INTO finding_keys(kind, scope, reuse_key)
            SELECT kind, scope, reuse_key FROM findings WHERE reuse_key IS NOT NULL;
        UPDATE findings SET reuse_key = (SELECT k.reuse_key FROM finding_keys k
                                         WHERE k.kind = findings.kind AND k.scope = findings.scope)
            WHERE reuse_key IS NULL;
        CREATE INDEX findings_reuse ON findings(kind, reuse_key);
    """),
    # The feed watcher (newsprism watch): each feed's polling state, the entries taken in (an
    # entry is recorded only once its article is stored; alerted_at is set when the alert round
    # that read its article has committed), alerts raised once by key, and followed stories.
    ("0007_watch", """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_polled TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            next_poll TEXT,
            last_error TEXT
        );
        CREATE TABLE seen_items (
            feed TEXT NOT NULL,
            key TEXT NOT NULL,            -- the entry's id (guid), else its link
            article_id TEXT,              -- the stored article (or stored copy); NULL: never an article
            seen_at TEXT NOT NULL,
            alerted_at TEXT,              -- NULL until an alert round has read the article
            PRIMARY KEY (feed, key)
        );
        CREATE INDEX seen_items_pending ON seen_items(alerted_at) WHERE alerted_at IS NULL;
        CREATE TABLE alerts (
            key TEXT PRIMARY KEY,         -- what makes an alert the same alert: raised once
            kind TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            data TEXT NOT NULL            -- JSON of the Alert record
        );
        CREATE INDEX alerts_raised ON alerts(raised_at);
        CREATE TABLE follows (
            story_id TEXT PRIMARY KEY,
            followed_at TEXT NOT NULL
        );
    """),
    # Cross-article indexes kept between analyze runs (model.IndexEntry): one entry per article and
    # index kind, by version (a new version re-indexes), searched by day (window), by key (LSH
    # bands) and by id. ``links`` comes before the blobs so that reading it stays on the row's page.
    ("0008_article_index", """
        CREATE TABLE article_index (
            kind TEXT NOT NULL,           -- "syndication" | "story"
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            day INTEGER,                  -- proleptic ordinal of the publication day; NULL undated
            links TEXT NOT NULL,          -- JSON [relation, ...] found when the article was added
            vector BLOB,                  -- float32, dim (window search)
            data BLOB NOT NULL,           -- the stage's encoding of the entry
            PRIMARY KEY (kind, article_id)
        );
        CREATE INDEX article_index_day ON article_index(kind, version, day);
        CREATE TABLE article_index_keys (
            kind TEXT NOT NULL,
            version TEXT NOT NULL,
            key INTEGER NOT NULL,         -- e.g. an LSH band hash, as a signed 64-bit integer
            slot INTEGER NOT NULL,        -- e.g. the band
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (kind, version, key, slot, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_index_keys_article ON article_index_keys(kind, article_id);
    """),
    # Change counters for readers that keep what they read (``Store.revision``, the web app's
    # snapshot): 'articles' counts articles updated or removed (additions are seen by rowid),
    # 'analysis' every row written to what the snapshot shows of the analysis.
    ("0009_revisions", """
        CREATE TABLE revisions (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
        INSERT INTO revisions(name, n) VALUES ('articles', 0), ('analysis', 0);
        CREATE TRIGGER articles_edited AFTER UPDATE ON articles BEGIN
            UPDATE revisions SET n = n + 1 WHERE name = 'articles';
        END;
        CREATE TRIGGER articles_removed AFTER DELETE ON articles BEGIN
            UPDATE revisions SET n = n + 1 WHERE name = 'articles';
        END;
    """ + "".join(f"""
        CREATE TRIGGER {table}_{verb.lower()}_revision AFTER {verb} ON {table} BEGIN
            UPDATE revisions SET n = n + 1 WHERE name = 'analysis';
        END;""" for table in ("stories", "relations", "provenance_groups", "headline_checks", "findings")
        for verb in ("INSERT", "UPDATE", "DELETE"))),
    # 0010: what an incremental analyze keeps of the story index beyond each article's entry
    # (``cluster.stored``: online stories, blocks, global statistics), entries that are no
    # article's; and stories read in display order by a rank that such a run gives the stories it
    # rebuilt without renumbering the others (``store.rank``; SQLite's INTEGER is 64-bit already).
    ("0010_index_state", """
        CREATE TABLE index_state (
            kind TEXT NOT NULL,           -- e.g. "story-online", "story-block", "story-stats"
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            data BLOB NOT NULL,           -- the stage's encoding of the entry
            PRIMARY KEY (kind, id)
        );
        CREATE TABLE index_state_keys (
            kind TEXT NOT NULL,
            version TEXT NOT NULL,
            key INTEGER NOT NULL,         -- e.g. a month an online story has members in
            slot INTEGER NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (kind, version, key, slot, id)
        ) WITHOUT ROWID;
        CREATE INDEX index_state_keys_id ON index_state_keys(kind, id);
        CREATE INDEX stories_position ON stories(position, id);
    """),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs in its
    own explicit transaction together with the row that records it.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    pending = [(name, sql) for name, sql in MIGRATIONS if name not in done]
    for name, sql in pending:
        _apply(conn, name, sql)
    return [name for name, _ in pending]


def _apply(conn: sqlite3.Connection, name: str, sql: str) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        conn.executescript("BEGIN IMMEDIATE;" + sql)
    except sqlite3.OperationalError:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
            return  # another process creating the same new store applied it meanwhile
        raise
    try:
        conn.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, now))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
