"""Numbered schema migrations. Append only: never edit a migration that has shipped.

Each entry is (number, description, sqlite_sql, postgresql_sql). A store applies, in one
transaction each, the migrations whose number is above the highest it has recorded.
"""

from __future__ import annotations

_CORE_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source_uri TEXT NOT NULL,
    source_format TEXT NOT NULL,
    source_id TEXT,
    title TEXT,
    published TEXT,
    outlet TEXT,
    original_outlet TEXT,
    republished_by TEXT,
    language TEXT,
    genre TEXT,
    body TEXT NOT NULL,
    stage_versions TEXT NOT NULL,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    kind TEXT
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    source_actor TEXT,
    target_actor TEXT,
    status TEXT NOT NULL,
    claimed_by TEXT,
    date TEXT,
    date_source TEXT,
    location TEXT,
    trigger TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    confidence REAL,
    published TEXT,
    outlet TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source ON events(source_actor);
CREATE INDEX events_target ON events(target_actor);
CREATE INDEX events_date ON events(date);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_actor TEXT,
    speaker_text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE quantities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    unit TEXT,
    normalized_value REAL,
    normalized_unit TEXT,
    period TEXT,
    subject TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE techniques (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    technique TEXT NOT NULL,
    confidence REAL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX techniques_name ON techniques(technique);
"""

_SQLITE_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
"""

_PG_FTS = """
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', body), 'B')) STORED;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
"""

MIGRATIONS: list[tuple[int, str, str, str]] = [
    (1, "core article tables and full-text search",
     _CORE_TABLES + _SQLITE_FTS, _CORE_TABLES.replace('"end"', '"end"') + _PG_FTS),
]
